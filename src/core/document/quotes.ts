/**
 * Quoted stretches of a document, in order, as [start, end) offsets. A quotation left open at the
 * end of a line runs to the end of it (news style reopens it in the next paragraph); a closing
 * quote with no opener on its line closes a quotation that began on an earlier line, so the
 * quotation runs from the line's start.
 */
export function quotedRanges(
  lines: readonly { start: number; text: string }[],
): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { start, text } of lines) {
    // Most lines hold no quotation mark: three searches (fast) rather than a loop over them.
    if (text.indexOf('"') === -1 && text.indexOf('“') === -1 && text.indexOf('”') === -1) continue;
    let open: number | undefined;
    let straightOpen: number | undefined;
    // Character codes: this reads every character of the document.
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === OPENING) open ??= start + index;
      else if (code === CLOSING) {
        ranges.push([open ?? start, start + index + 1]);
        open = undefined;
      } else if (code === STRAIGHT) {
        if (straightOpen === undefined) straightOpen = start + index;
        else {
          ranges.push([straightOpen, start + index + 1]);
          straightOpen = undefined;
        }
      }
    }
    const lineEnd = start + text.length;
    if (open !== undefined) ranges.push([open, lineEnd]);
    if (straightOpen !== undefined) ranges.push([straightOpen, lineEnd]);
  }
  // Straight and curly ranges were pushed in two streams per line: order and merge them.
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `“`, `”` and `"`. */
const OPENING = 0x201c;
const CLOSING = 0x201d;
const STRAIGHT = 34;

/** Whether `offset` lies in one of `ranges` (sorted, disjoint). */
export function inRanges(ranges: readonly (readonly [number, number])[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}
