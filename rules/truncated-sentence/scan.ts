/**
 * Char-code scans for the two tests truncated-sentence makes of the raw text. Each does what a
 * regular expression (named in its comment) does, without slicing the text or trying the pattern at
 * every character: they run over the whole document or once per sentence, on every lint.
 */
import { endsWithMark } from '../../src/core/rule-kit.js';

export const FULL_STOP = 0x2e;
export const EXCLAMATION = 0x21;
export const QUESTION = 0x3f;

/**
 * A full stop, question or exclamation mark after a letter or digit (and perhaps a closing quote or
 * bracket, or a comma left behind), then a sentence that starts in lower case: `countries. echo.`,
 * `Why? because`, `the "1992 Consensus". according to`, `(Applause). so`. An ellipsis never
 * matches (the stop must follow a letter or digit). Sticky: tried only at the stops
 * `nextLowerAfterStop` picks out.
 */
const LOWER_AFTER_STOP = /(?<=[\p{L}\p{N}][,"'”’)\]]?)[.?!][ \t]+(?=\p{Ll})/uy;

/**
 * The next stop at or after `from` where LOWER_AFTER_STOP matches, or -1. The stops and what
 * follows them are read as char codes first, and the pattern is tried only where a space or tab and
 * then a letter that may be lower case follow: searching the text with the pattern itself tries its
 * look-behind at every character.
 */
export function nextLowerAfterStop(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const mark = text.charCodeAt(at);
    if (mark !== FULL_STOP && mark !== QUESTION && mark !== EXCLAMATION) continue;
    const next = afterSpaces(text, at + 1);
    if (next === at + 1) continue;
    const code = text.charCodeAt(next);
    // In ASCII only a-z is lower case; beyond it, the pattern decides.
    if (code < 0x80 && (code < 0x61 || code > 0x7a)) continue;
    LOWER_AFTER_STOP.lastIndex = at;
    if (LOWER_AFTER_STOP.test(text)) return at;
  }
  return -1;
}

/** The offset after the spaces and tabs that start at `from`. */
export function afterSpaces(text: string, from: number): number {
  let at = from;
  while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
  return at;
}

const STOPS = new Set([FULL_STOP, EXCLAMATION]);

/**
 * Whether `text` from `start` to `end`, trailing white space trimmed, ends on a full stop or an
 * exclamation mark and any closing quotes or brackets: `/[.!]["'”’)\]]*$/u` tested on the trimmed
 * slice, read from the document's char codes instead of slicing and trimming every sentence.
 */
export function endsWithStop(text: string, start: number, end: number): boolean {
  return endsWithMark(text, start, end, STOPS);
}
