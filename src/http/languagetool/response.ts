import type { Diagnostic, LintResult, Rule } from '../../core/index.js';
import { LANGUAGETOOL_CATEGORIES, typeName } from './categories.js';
import type { LanguageToolMatch, LanguageToolResponse } from '../schemas.js';
import type { LanguageVariant } from './request.js';

export type { LanguageToolMatch, LanguageToolResponse } from '../schemas.js';

/** Characters of context each side of a match, as LanguageTool's default. */
const CONTEXT_SIZE = 40;
/** How far `sentence` reaches each way: a bound on the work for one match. */
const SENTENCE_REACH = 1000;

export interface ResponseInput {
  result: LintResult;
  /** The text the linter checked (for `data`, the plain text). */
  plain: string;
  /** Plain offsets to the client's offsets (identity for `text`). */
  toOriginal: (offset: number, edge: 'start' | 'end') => number;
  language: LanguageVariant;
  /** What `language=auto` found (default: the language itself, with full confidence). */
  detected?: { name: string; code: string; confidence: number; source: string };
  rules: ReadonlyMap<string, Rule>;
  version: string;
}

export function toLanguageToolResponse(input: ResponseInput): LanguageToolResponse {
  const { language } = input;
  return {
    software: {
      name: 'mtlint',
      version: input.version,
      buildDate: '',
      apiVersion: 1,
      premium: false,
      status: '',
    },
    warnings: { incompleteResults: input.result.summary.truncated },
    language: {
      name: language.name,
      code: language.code,
      detectedLanguage: input.detected ?? {
        name: language.name,
        code: language.code,
        confidence: 1,
        source: '',
      },
    },
    matches: input.result.diagnostics.map((diagnostic) => toMatch(diagnostic, input)),
  };
}

function toMatch(
  diagnostic: Diagnostic,
  { plain, toOriginal, rules }: ResponseInput,
): LanguageToolMatch {
  const category = LANGUAGETOOL_CATEGORIES[diagnostic.category];
  const description = rules.get(diagnostic.ruleId)?.meta.description ?? diagnostic.ruleId;
  const start = toOriginal(diagnostic.offset, 'start');
  const end =
    diagnostic.length === 0 ? start : toOriginal(diagnostic.offset + diagnostic.length, 'end');
  return {
    message: diagnostic.message,
    shortMessage: description,
    replacements: diagnostic.suggestions.map((value) => ({ value })),
    offset: start,
    length: Math.max(0, end - start),
    context: contextOf(plain, diagnostic.offset, diagnostic.length),
    sentence: sentenceOf(plain, diagnostic.offset, diagnostic.offset + diagnostic.length),
    type: { typeName: typeName(diagnostic.category, diagnostic.severity) },
    rule: {
      id: diagnostic.ruleId,
      description,
      issueType: category.issueType,
      category: { id: category.id, name: category.name },
      ...(/^https?:\/\//.test(diagnostic.url) ? { urls: [{ value: diagnostic.url }] } : {}),
    },
    ignoreForIncompleteSentence: false,
    contextForSureMatch: 0,
  };
}

/** Up to CONTEXT_SIZE characters each side, on one line, `...` where cut (as LanguageTool). */
export function contextOf(
  text: string,
  offset: number,
  length: number,
): { text: string; offset: number; length: number } {
  const from = Math.max(0, offset - CONTEXT_SIZE);
  const to = Math.min(text.length, offset + length + CONTEXT_SIZE);
  const before = from > 0 ? '...' : '';
  const after = to < text.length ? '...' : '';
  const body = text.slice(from, to).replace(/[\r\n\t]/g, ' ');
  return { text: before + body + after, offset: before.length + offset - from, length };
}

const SENTENCE_END = new Set(['.', '!', '?']);
const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
const isBreak = (char: string | undefined) => char === '\n' || char === '\r';

/**
 * The sentence holding [start, end): from after the previous sentence end (a `.`, `!` or `?`
 * before a space) or line break, to the next one. A plain scan, bounded each way.
 */
export function sentenceOf(text: string, start: number, end: number): string {
  let from = start;
  const floor = Math.max(0, start - SENTENCE_REACH);
  while (from > floor) {
    const previous = text[from - 1];
    if (isBreak(previous)) break;
    if (isSpace(previous) && SENTENCE_END.has(text[from - 2] ?? '')) break;
    from--;
  }
  let to = Math.max(end, from);
  const ceiling = Math.min(text.length, end + SENTENCE_REACH);
  const endsSentence = (at: number) =>
    SENTENCE_END.has(text[at - 1] ?? '') &&
    (at >= text.length || isSpace(text[at]) || isBreak(text[at]));
  if (end > start && endsSentence(end)) return text.slice(from, end).trim();
  while (to < ceiling) {
    const char = text[to]!;
    if (isBreak(char)) break;
    to++;
    if (endsSentence(to)) break;
  }
  return text.slice(from, to).trim();
}
