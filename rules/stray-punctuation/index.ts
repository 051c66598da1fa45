import { ABBREVIATIONS, defineRule } from '../../src/core/rule-kit.js';

/** Lower-case abbreviations whose full stop may be followed by `,`, `;` or `:` ("Inc., said"). */

/** A run of two or more marks separated only by spaces or tabs: `. .`, `,.`, `. ,`. */
const RUN = /[.,;:!?](?:[ \t]*[.,;:!?])+/g;
/**
 * Space before a mark that closes a word: `word ,`, `word .` (not an ellipsis, `. . .` or `.5`).
 * That is `(?<=[\p{L}\p{N}"'”’)\]])[ \t]+(?:...)`, with the first space matched before the look
 * back: an expression that opens with a look-behind is tried in full at every character, one that
 * opens with a space or tab only where there is one (half the time on an article; the test holds
 * the two to the same matches).
 */
export const SPACE_BEFORE =
  /[ \t](?<=[\p{L}\p{N}"'”’)\]][ \t])[ \t]*(?:[,;:?!]|\.(?![.\p{N}]| \.))/gu;
/** A line that starts with a mark that can only follow something: `, experts and scholars`. */
const LINE_START = /^[ \t]*[,;:](?=[ \t]*\p{L})/gmu;
/** A mark that can only follow something, right after an opening bracket or quote: `( , and`. */
const AFTER_OPENER = /[([“‘][ \t]*[,;:](?=[ \t]*\p{L})/gu;
/** Full-width (CJK) punctuation and the ideographic space, which English never uses. */
const FULL_WIDTH = /[，。、；：！？《》【】（）「」『』〈〉\u3000]/gu;
/** CJK script: full-width marks between such characters belong to untranslated text. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** The English for each full-width mark. */
const ASCII_FOR: Record<string, string> = {
  '，': ',',
  '。': '.',
  '、': ',',
  '；': ';',
  '：': ':',
  '！': '!',
  '？': '?',
  '《': '“',
  '》': '”',
  '【': '[',
  '】': ']',
  '（': '(',
  '）': ')',
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
  '〈': '‘',
  '〉': '’',
  '　': ' ',
};
/** Marks after which English puts a space before the next word. */
const SPACED_AFTER = new Set([',', '.', ';', ':', '!', '?']);

/** The word (with inner full stops, as in `U.S`) just before a run. */
const WORD_BEFORE = /(?:\p{L}+\.)*\p{L}+$/u;

const SENTENCE_END = new Set(['.', '!', '?']);
const STRENGTH: Record<string, number> = { '.': 3, '!': 3, '?': 3, ';': 2, ':': 2, ',': 1 };

export default defineRule({
  meta: {
    id: 'stray-punctuation',
    category: 'fluency/punctuation',
    severity: 'error',
    description: 'Punctuation left behind by a lost or merged clause',
    messages: {
      doubled: 'Unexpected `{{actual}}`: doubled punctuation, expected `{{expected}}`',
      orphan:
        'A sentence starts with `{{mark}}`: part of a clause was probably lost in translation; check the source',
      spaceBefore: 'Unexpected space before `{{mark}}`',
      fullWidth:
        'Full-width `{{mark}}` is Chinese punctuation left in English text; use `{{expected}}`',
      unclosed: '`{{mark}}` is opened here but never closed in this paragraph',
      unopened: '`{{mark}}` closes something that was never opened in this paragraph',
    },
    safeFixes: ['doubled', 'spaceBefore', 'fullWidth'],
    examples: {
      invalid: [
        'They met her respectively. . Then they left.',
        'It was done. , experts and scholars came to discuss.',
        'The talks ended,. The delegation left.',
        'The report was published.. It was long.',
        'The minister said , in a statement, that the plan works.',
        'The visit was a success .',
        ', experts and scholars came to discuss.',
        'The talks ended; . Both sides agreed.',
        'The minister said ,, that it works.',
        'The minister said，the plan works。',
        'The book《Xi Jinping: The Governance of China》was shown.',
        'The delegation (led by the minister arrived on Monday.',
        'The delegation arrived on Monday) and left.',
        'He said “the plan will work and left.',
        'He said "the plan will work and left.',
        'The measures (, and others) were adopted.',
      ],
      valid: [
        'He said: "Yes."',
        'See p. 4, line 2.',
        'He paused... then went on.',
        'He paused . . . then went on.',
        'Washington, D.C., is the capital.',
        'Acme Inc., the maker, said so.',
        'Why? Nobody knows!?',
        'The rate rose to .5 percent.',
        'The measures (see below) were adopted.',
        'He said “the plan works” and left.',
        'He said "the plan works" and left.',
        'The rules are: 1) be brief, 2) be clear.',
        'He is 6\' 2" tall.',
        '“The first part of a long quote runs on.\n\n“And the quote goes on here,” he said.',
        'He said: “The quote began here.\nAnd ran on.” Then he left.',
        'Items a) and b) were approved.',
        'The slogan 中国梦，复兴梦 was used.',
      ],
    },
  },
  create(_options, { report }) {
    return (_tree, file) => {
      const text = String(file.value);

      for (const match of text.matchAll(RUN)) {
        const run = match[0];
        const start = match.index;
        const marks = run.replace(/[ \t]/g, '');
        if (isLegitimateRun(marks, text.slice(Math.max(0, start - 40), start))) continue;

        if (SENTENCE_END.has(marks[0]!) && /^[,;:]$/.test(marks[1]!)) {
          // `. , experts`: the sentence ended and something that needed a head goes on.
          const orphanAt = start + run.indexOf(marks[1]!);
          report(file, {
            ...withoutOrphan(text, orphanAt, start + run.length),
            messageId: 'orphan',
            data: { mark: marks[1]! },
          });
          continue;
        }

        // Keep the strongest mark (the first among equals) and drop the rest.
        const keep = [...marks].reduce(
          (best, mark, index) =>
            (STRENGTH[mark] ?? 0) > (STRENGTH[marks[best]!] ?? 0) ? index : best,
          0,
        );
        const kept = marks[keep]!;
        const at =
          keep === 0
            ? { start: start + 1, end: start + run.length }
            : { start, end: start + run.length };
        report(file, {
          at,
          messageId: 'doubled',
          data: { actual: run, expected: kept },
          expected: [keep === 0 ? '' : kept],
        });
      }

      for (const match of text.matchAll(SPACE_BEFORE)) {
        const mark = match[0].trimStart();
        const end = match.index + match[0].length;
        // Part of a run: the run's own finding covers it.
        if (/[.,;:!?]/.test(text[end] ?? '')) continue;
        report(file, {
          at: { start: match.index, end },
          messageId: 'spaceBefore',
          data: { mark },
          expected: [mark],
        });
      }

      for (const match of text.matchAll(AFTER_OPENER)) {
        const markAt = match.index + match[0].length - 1;
        report(file, {
          ...withoutOrphan(text, markAt, markAt + 1),
          messageId: 'orphan',
          data: { mark: text[markAt]! },
        });
      }

      if (/[\u3000-\uff60]/.test(text)) {
        for (const match of text.matchAll(FULL_WIDTH)) {
          const mark = match[0];
          const at = match.index;
          // Between CJK characters the mark is part of untranslated text, which `untranslated` reports.
          if (CJK.test(text[at - 1] ?? '') && CJK.test(text[at + 1] ?? '')) continue;
          const ascii = ASCII_FOR[mark] ?? mark;
          const spaced = SPACED_AFTER.has(ascii) && /[\p{L}\p{N}]/u.test(text[at + 1] ?? '');
          report(file, {
            at: { start: at, end: at + 1 },
            messageId: 'fullWidth',
            data: { mark, expected: ascii },
            expected: [spaced ? `${ascii} ` : ascii],
          });
        }
      }

      for (const finding of unbalanced(text)) {
        report(file, {
          at: { start: finding.at, end: finding.at + 1 },
          messageId: finding.kind,
          data: { mark: text[finding.at]! },
          // Where the missing mark belongs is a matter of meaning: no mechanical fix.
          expected: [],
          severity: 'warning',
        });
      }

      for (const match of text.matchAll(LINE_START)) {
        const mark = match[0].trimStart();
        const markAt = match.index + match[0].length - 1;
        report(file, {
          at: { start: markAt, end: markAt + 1 },
          messageId: 'orphan',
          data: { mark },
          expected: [''],
        });
      }
    };
  },
});

/** Runs that are good English: ellipses, `?!`, `!!`, and an abbreviation's stop before `,;:`. */
function isLegitimateRun(marks: string, before: string): boolean {
  if (/^\.{3,}[.?!]?$/.test(marks)) return true;
  if (/^[?!]+$/.test(marks)) return true;
  if (marks.length === 2 && marks[0] === '.' && /[,;:]/.test(marks[1]!)) {
    const word = WORD_BEFORE.exec(before)?.[0];
    if (word && isAbbreviation(word)) return true;
  }
  return false;
}

function isAbbreviation(word: string): boolean {
  // A single letter (`D.C.`'s `C`), an initialism with inner stops (`U.S`), or a known abbreviation.
  return word.length === 1 || word.includes('.') || ABBREVIATIONS.has(word.toLowerCase());
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“' };

interface Imbalance {
  kind: 'unclosed' | 'unopened';
  at: number;
}

/**
 * Brackets and quotes that do not pair up within a paragraph (a line). One pass per line with a
 * stack per kind of mark: linear in the text. Known good English is left alone: list labels
 * (`1)`, `a)`), emoticons, inch marks, `’` as an apostrophe, and a quotation that runs on into the
 * next paragraph (which, by convention, opens again and is closed only at its end).
 */
export function unbalanced(text: string): Imbalance[] {
  const found: Imbalance[] = [];
  // Brackets and quotes are matched across line breaks: MT output often comes one sentence a line,
  // and a quotation may span several. Open marks are remembered with whether they opened a line.
  const stacks = new Map<string, { at: number; lineStart: boolean }[]>();
  let straight: { at: number; lineStart: boolean } | undefined;
  let first = firstNonSpace(text, 0);
  let lineStart = 0;
  // The current line's end and its last `’`, found once per line and only when needed.
  let line: { end: number; lastRight: number } | undefined;
  const lineInfo = (): { end: number; lastRight: number } => {
    if (!line) {
      line = { end: text.length, lastRight: -1 };
      const marks = /[’\r\n]/g;
      marks.lastIndex = lineStart;
      for (let mark = marks.exec(text); mark; mark = marks.exec(text)) {
        if (mark[0] !== '’') {
          line.end = mark.index;
          break;
        }
        line.lastRight = mark.index;
      }
    }
    return line;
  };
  // Only the marks themselves and line breaks are visited: linear, and cheap on plain prose.
  for (const match of text.matchAll(/[()[\]{}“”‘"\r\n]/g)) {
    const char = match[0];
    const at = match.index;
    if (char === '\n' || char === '\r') {
      lineStart = at + 1;
      first = firstNonSpace(text, lineStart);
      line = undefined;
    } else if (char === '‘') {
      // `’` doubles as the apostrophe, so only a `‘` with no `’` after it is surely unclosed.
      if (lineInfo().lastRight < at) found.push({ kind: 'unclosed', at });
    } else if (char in OPENERS) {
      const stack = stacks.get(char) ?? [];
      // A quotation running on into a new paragraph opens again there: that replaces the old mark.
      if (char === '“' && at === first && stack.length > 0 && stack.at(-1)!.at < lineStart) {
        stack.pop();
      }
      stack.push({ at, lineStart: at === first });
      stacks.set(char, stack);
    } else if (char in CLOSERS) {
      const stack = stacks.get(CLOSERS[char]!);
      if (stack && stack.length > 0) stack.pop();
      else {
        const before = text.slice(Math.max(lineStart, at - 5), at);
        if (!isLabelOrEmoticon(before)) {
          if (closesEarlierParagraph(text, at, lineInfo().end)) continue;
          found.push({ kind: 'unopened', at });
        }
      }
    } else {
      // A straight quote. An inch mark (`6' 2"`), unless a quotation is open and this closes it.
      const afterNumber = /\p{N}['’]?\s?$/u.test(text.slice(Math.max(lineStart, at - 3), at));
      if (afterNumber && straight === undefined) continue;
      if (straight !== undefined) straight = undefined;
      else {
        if (!closesEarlierParagraph(text, at, lineInfo().end)) {
          straight = { at, lineStart: at === first };
        }
      }
    }
  }
  const open = [...stacks.values()].flat();
  if (straight) open.push(straight);
  for (const { at, lineStart: opensLine } of open) {
    // A quotation that opens a paragraph and is still open may go on past the text we were given.
    if (opensLine && (text[at] === '“' || text[at] === '"')) continue;
    found.push({ kind: 'unclosed', at });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The offset of the first character of a line that is not a space or tab. */
function firstNonSpace(text: string, from: number): number {
  let at = from;
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}

/**
 * A quote mark that ends its paragraph (only a little punctuation after it) closes a quotation
 * begun in an earlier paragraph: news text and sentence-per-line MT output split long quotations so.
 */
function closesEarlierParagraph(text: string, at: number, lineEnd: number): boolean {
  return (
    /["”]/.test(text[at]!) &&
    lineEnd - at <= 6 &&
    /^[\p{P}\t ]*$/u.test(text.slice(at + 1, lineEnd))
  );
}

/** `1)`, `a)`, `iv)` as a list label, or `:)` as an emoticon, judged by the few characters before. */
function isLabelOrEmoticon(before: string): boolean {
  return /(?:^|[\s(])(?:\p{N}{1,3}|\p{L}|[ivx]{1,4})$/u.test(before) || /[:;]-?$/.test(before);
}

/** The lower-case word that follows white space at `from`, if one does. */
const LOWER_WORD = /[ \t]*(\p{Ll}[\p{L}'’-]*)/uy;

/**
 * The span and fix for a mark that starts a sentence (`ended. , experts said`): the mark and
 * the spaces after it go, and when a lower-case word follows, the span takes it in and the fix
 * gives it the capital a sentence start needs (`Experts`).
 */
function withoutOrphan(
  text: string,
  start: number,
  end: number,
): { at: { start: number; end: number }; expected: string[] } {
  LOWER_WORD.lastIndex = end;
  const word = LOWER_WORD.exec(text)?.[1];
  if (!word) return { at: { start, end }, expected: [''] };
  const wordEnd = LOWER_WORD.lastIndex;
  return {
    at: { start, end: wordEnd },
    expected: [word.charAt(0).toUpperCase() + word.slice(1)],
  };
}
