/**
 * The house-style checks, each on one line (block) of the document: what a preset turns on. Every
 * pattern is linear (no nested quantifiers) and looks at most a few characters around a match.
 */
import type { BlockKind, Severity } from '../../src/core/rule-kit.js';
import { UNITS, type Preset } from './presets.js';

export interface StyleFinding {
  /** Offsets into the line. */
  start: number;
  end: number;
  messageId: string;
  data: Record<string, string>;
  expected: string[];
  /** A cap below the rule's severity, for the checks measured less precise. */
  severity?: Severity;
}

export function checkLine(text: string, kind: BlockKind, preset: Preset): StyleFinding[] {
  const out: StyleFinding[] = [];
  if (preset.quotes === 'typographic') straightQuotes(text, out);
  if (preset.unitSpace) unitSpace(text, out);
  const spelling = kind === 'headline' ? preset.country.headline : preset.country.prose;
  if (spelling) country(text, spelling, kind === 'headline', out);
  if (preset.quotedTerms) quotedTerms(text, out);
  if (preset.yearOnYear) yearOnYear(text, out);
  return mergeTouchingFixes(out);
}

/**
 * A quote fix right beside another fix (`100Mbps"`, `"US`) joins it: `--fix` applies no two fixes
 * that touch in one pass, and a line whose quotes are half typographic after the first pass would
 * read as unbalanced quotation marks.
 */
function mergeTouchingFixes(findings: StyleFinding[]): StyleFinding[] {
  const quotes = findings.filter((f) => f.messageId === 'quote' && f.expected.length > 0);
  if (quotes.length === 0) return findings;
  const merged = new Set<StyleFinding>();
  for (const other of findings) {
    if (other.messageId !== 'unit' && other.messageId !== 'country') continue;
    const before = quotes.find((q) => q.end === other.start && !merged.has(q));
    const after = quotes.find((q) => q.start === other.end && !merged.has(q));
    if (before) {
      other.start = before.start;
      other.expected = [before.expected[0]! + other.expected[0]!];
      other.data = { ...other.data, actual: `"${other.data.actual}` };
      merged.add(before);
    }
    if (after) {
      other.end = after.end;
      other.expected = [other.expected[0]! + after.expected[0]!];
      other.data = { ...other.data, actual: `${other.data.actual}"` };
      merged.add(after);
    }
  }
  return merged.size === 0 ? findings : findings.filter((f) => !merged.has(f));
}

const OPENS_AFTER = /[\s([{\u2014\u2013/-]/u;
const CLOSES_BEFORE = /[\s.,;:!?)\]}\u2014\u2013/-]/u;

/**
 * Each straight double quote, with the typographic one it stands for: opening after the line's
 * start, a space or a bracket and before a word; closing after a word and before a space or
 * punctuation. Quotes pair within the line, so a run of them alternates. A quote that fits neither
 * (spaces on both sides) is reported without a fix; one right after a digit with no quotation
 * open is an inch or second mark, not a quote.
 */
function straightQuotes(text: string, out: StyleFinding[]): void {
  let open = false;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    const before = i === 0 ? '' : text[i - 1]!;
    const after = i + 1 >= text.length ? '' : text[i + 1]!;
    if (!open && /\d/u.test(before)) continue;
    const canOpen =
      (before === '' || OPENS_AFTER.test(before)) && after !== '' && !/\s/u.test(after);
    const canClose =
      before !== '' && !/\s/u.test(before) && (after === '' || CLOSES_BEFORE.test(after));
    let mark: string | undefined;
    if (canOpen && !canClose) mark = '\u201c';
    else if (canClose && !canOpen) mark = '\u201d';
    else if (canOpen && canClose) mark = open ? '\u201d' : '\u201c';
    open = mark === undefined ? !open : mark === '\u201c';
    out.push({
      start: i,
      end: i + 1,
      messageId: 'quote',
      data: { actual: '"', expected: mark ?? '\u201c or \u201d' },
      expected: mark ? [mark] : [],
      severity: 'info',
    });
  }
}

const UNIT_PATTERN = new RegExp(
  `(?<![\\w.,])(\\d+(?:[.,]\\d+)*)(${[...UNITS]
    .sort((a, b) => b.length - a.length)
    .map((unit) => unit.replace(/[/.]/gu, '\\$&'))
    .join('|')})(?![\\w/-])`,
  'gu',
);

/** `100Mbps` → `100 Mbps`; not in a compound before a noun (`100km-long`), a code or a model name. */
function unitSpace(text: string, out: StyleFinding[]): void {
  UNIT_PATTERN.lastIndex = 0;
  for (let m = UNIT_PATTERN.exec(text); m; m = UNIT_PATTERN.exec(text)) {
    const fixed = `${m[1]} ${m[2]}`;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      messageId: 'unit',
      data: { actual: m[0], expected: fixed },
      expected: [fixed],
      severity: 'info',
    });
  }
}

/** The country's abbreviation in the spelling the house does not use. */
const US_FORMS = /(?<![\w.])(?:U\.S\.|US)(?![\w$])/gu;

function country(text: string, want: 'U.S.' | 'US', headline: boolean, out: StyleFinding[]): void {
  // A line in capitals ("JOIN US") has no way to tell the country from the pronoun.
  if (text === text.toUpperCase()) return;
  US_FORMS.lastIndex = 0;
  for (let m = US_FORMS.exec(text); m; m = US_FORMS.exec(text)) {
    if (m[0] === want) continue;
    // "US" between capitalised words ("FOR US ALL") is the pronoun in a capitalised phrase.
    const around = text.slice(Math.max(0, m.index - 2), m.index + m[0].length + 2);
    if (m[0] === 'US' && /[A-Z] US [A-Z]/u.test(around)) continue;
    // "U.S." that ends a sentence has one full stop for both; "US." needs only the missing ones.
    let end = m.index + m[0].length;
    let actual = m[0];
    if (m[0] === 'US' && text[end] === '.') {
      end++;
      actual = 'US.';
    }
    out.push({
      start: m.index,
      end,
      messageId: 'country',
      data: { actual, expected: want, where: headline ? ' in headlines' : '' },
      expected: [actual === 'US.' ? 'U.S.' : want],
    });
  }
}

/**
 * A name in quotation marks after an article or `of` (the "Plan", the "Belt and Road" Initiative):
 * Chinese marks set phrases and names with “”, English news does not. Up to six words, starting
 * with a capital, with no sentence punctuation inside: not a quotation of speech.
 */
const QUOTED_TERM =
  /\b(?:the|a|an|of)\s+(["\u201c])([A-Z0-9][\w'\u2019·&-]*(?: [\w'\u2019·&-]+){0,5})(["\u201d])/gu;
/** Words before which quotation marks belong: "so-called", "dubbed", "the slogan", a title of a work. */
const QUOTING =
  /\b(?:called|dubbed|named|titled|entitled|known as|so-called|slogan|theme|motto|words?|term|phrase|book|film|song|novel|show|series|album)\b[^.!?]{0,15}$/iu;

function quotedTerms(text: string, out: StyleFinding[]): void {
  QUOTED_TERM.lastIndex = 0;
  for (let m = QUOTED_TERM.exec(text); m; m = QUOTED_TERM.exec(text)) {
    const quoteAt = m.index + m[0].indexOf(m[1]!);
    if (QUOTING.test(text.slice(Math.max(0, quoteAt - 40), quoteAt))) continue;
    const end = m.index + m[0].length;
    out.push({
      start: quoteAt,
      end,
      messageId: 'quoted-term',
      data: { actual: text.slice(quoteAt, end) },
      expected: [m[2]!],
      severity: 'info',
    });
  }
}

/** Verbs that Chinese order puts after 同比 ("year-on-year increased 5%"). */
const YOY_BEFORE_VERB =
  /\byear-on-year (?:increased|decreased|rose|fell|grew|dropped|declined|surged|jumped|climbed|slid|soared|plunged|went up|went down)\b/giu;
/** "year-on-year" as an adverb: before punctuation, the line's end or a preposition. */
const YOY_AFTER =
  /\byear-on-year(?=\s*(?:[.,;:)]|$)|\s+(?:by|in|to|from|at|for|as|compared|respectively|while|when)\b)/giu;

function yearOnYear(text: string, out: StyleFinding[]): void {
  infoAt(YOY_BEFORE_VERB, text, 'year-on-year-order', () => [], out);
  infoAt(YOY_AFTER, text, 'year-on-year-hyphen', (actual) => [actual.replace(/-/gu, ' ')], out);
}

/** An `info` finding at every match of `pattern`, with the replacements `expected` gives. */
function infoAt(
  pattern: RegExp,
  text: string,
  messageId: string,
  expected: (actual: string) => string[],
  out: StyleFinding[],
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      messageId,
      data: { actual: m[0] },
      expected: expected(m[0]),
      severity: 'info',
    });
  }
}
