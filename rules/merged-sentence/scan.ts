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
