/**
 * Scans of the text and of words on character codes, each standing for a pattern (named beside it)
 * that `merged-sentence-scan.test.ts` holds it to: they run on nearly every word or stop of a
 * document, where an expression or a slice per word cost more than the test itself.
 */

/**
 * `the end.The next`: a stop between a lower-case word and a capitalised one, with no space, or
 * the one-letter words `A` and `I` before a lower-case word (`the process.A number of`).
 * Sticky: tried only at the stops `nextRunTogetherStop` picks out.
 */
const NO_SPACE = /(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll}|[AI][ \t]+\p{Ll})/uy;

/**
 * The next stop at or after `from` where `NO_SPACE` matches, or -1.
 * The stops and the characters after them are read as char codes first, and the pattern is tried
 * only where a letter that may be upper case follows: searching the whole text with the pattern,
 * which starts with a look-behind, tries the look-behind at every character.
 */
export function nextRunTogetherStop(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue;
    const next = text.charCodeAt(at + 1);
    // In ASCII only A-Z is upper case; beyond it, the pattern decides.
    if (next < 0x80 && (next < 0x41 || next > 0x5a)) continue;
    NO_SPACE.lastIndex = at;
    if (NO_SPACE.test(text)) return at;
  }
  return -1;
}

/**
 * `(?<=\p{Ll}[ \t]+)` at `at`: one or more spaces or tabs before it, and a lower-case letter before
 * them.
 */
export function afterLowerCaseAndSpaces(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (text.charCodeAt(before) === 0x20 || text.charCodeAt(before) === 0x09)) {
    before--;
  }
  // The letter may be a surrogate pair: the pattern reads the code point that ends there.
  return (
    before < at - 1 &&
    before >= 0 &&
    ENDS_LOWER.test(text.slice(Math.max(0, before - 1), before + 1))
  );
}
const ENDS_LOWER = /\p{Ll}$/u;

/** Whether `text[from..to)` is one or more spaces and tabs (`/^[ \t]+$/`), read with no slice made. */
export function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/** Whether a word ends in a letter or a digit (`/[\p{L}\p{N}]$/u`): by its last code in ASCII. */
export function endsWithLetterOrDigit(value: string): boolean {
  const code = value.charCodeAt(value.length - 1);
  if (code < 0x80) {
    return isAsciiDigit(code) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  }
  return LETTER_OR_DIGIT_END.test(value);
}
const LETTER_OR_DIGIT_END = /[\p{L}\p{N}]$/u;

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Numbers in figures or words: `two more women`, `17,000 people`. */
export const isNumber = (lower: string): boolean =>
  isAsciiDigit(lower.charCodeAt(0)) || NUMBERS.has(lower);
const NUMBERS = new Set(
  'one two three four five six seven eight nine ten dozens hundreds thousands millions'.split(' '),
);

/**
 * A plural: in `-s` but not in `-ss`, `-us`, `-is` or `-ics` (`process`, `status`, `crisis`,
 * `politics`), or one of the plurals not in `-s`. Read on character codes: it is asked of nearly
 * every word, twice.
 */
export function isPlural(lower: string): boolean {
  const last = lower.length - 1;
  if (lower.charCodeAt(last) !== S) return IRREGULAR_PLURALS.has(lower);
  const before = lower.charCodeAt(last - 1);
  if (before === S || before === U || before === I) return false;
  return !(before === C && lower.charCodeAt(last - 2) === I);
}
/** The codes of `c`, `i`, `s` and `u`. */
const C = 0x63;
const I = 0x69;
const S = 0x73;
const U = 0x75;
/** Plurals not in `-s`. */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police']);
