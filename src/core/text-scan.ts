/**
 * Char-code reads of the document that rules make once per sentence, each doing what a small
 * regular expression does on the sentence's text, without slicing or trimming it.
 */

/** Marks that may close a sentence after its final punctuation: `["'”’)\]]`. */
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d]);

/**
 * Whether `text` from `start` to `end`, trailing white space trimmed, ends on one of `marks` (the
 * char codes of punctuation marks) and any closing quotes or brackets: for `.` and `!`, what
 * `/[.!]["'”’)\]]*$/u` says of the trimmed slice.
 */
export function endsWithMark(
  text: string,
  start: number,
  end: number,
  marks: ReadonlySet<number>,
): boolean {
  let at = end - 1;
  while (at >= start && isTrimmedSpace(text.charCodeAt(at))) at--;
  while (at >= start && CLOSERS.has(text.charCodeAt(at))) at--;
  return at >= start && marks.has(text.charCodeAt(at));
}

/** The white space and line terminators that `String.prototype.trimEnd` removes. */
function isTrimmedSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
