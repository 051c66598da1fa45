/**
 * Char-code reads of the document for the tests subjectless-sentence makes of every sentence of
 * five words or more: each does what a regular expression (named in its comment) does on the
 * sentence's text, without slicing it.
 */
import { endsWithMark } from '../../src/core/rule-kit.js';

/** `/^\p{L}+/u` tried at one offset: the letters that start there (the rest tried only off ASCII). */
const LETTERS = /\p{L}+/uy;

/** Where the run of letters that starts at `from` ends (`from` itself when there is none). */
export function lettersEnd(text: string, from: number): number {
  let at = from;
  let code = text.charCodeAt(at);
  while ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) {
    code = text.charCodeAt(++at);
  }
  // An ASCII character that is not a letter (or the end of the text) ends the run for sure.
  if (!(code >= 0x80)) return at;
  LETTERS.lastIndex = from;
  return LETTERS.test(text) ? LETTERS.lastIndex : from;
}

const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/** `/^\p{Lu}\p{Ll}+$/u` on `word`: read as char codes when it is ASCII. */
export function isCapitalised(word: string): boolean {
  let code = word.charCodeAt(0);
  if (code >= 0x80) return CAPITALISED.test(word);
  if (!(code >= 0x41 && code <= 0x5a) || word.length < 2) return false;
  for (let index = 1; index < word.length; index++) {
    code = word.charCodeAt(index);
    if (code >= 0x80) return CAPITALISED.test(word);
    if (!(code >= 0x61 && code <= 0x7a)) return false;
  }
  return true;
}

const UPPER_START = /^\p{Lu}/u;

/** `/^\p{Lu}/u` on `word`: read as a char code when it starts in ASCII. */
export function startsUpperCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER_START.test(word);
}

const STOP_OR_SEMICOLON = new Set([0x2e, 0x3b]);

/**
 * Whether `text` from `start` to `end`, trailing white space trimmed, ends on a full stop or a
 * semicolon and any closing quotes or brackets: `/[.;]["'”’)\]]*$/u` tested on the trimmed slice.
 */
export function endsWithStopOrSemicolon(text: string, start: number, end: number): boolean {
  return endsWithMark(text, start, end, STOP_OR_SEMICOLON);
}
