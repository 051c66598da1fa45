/**
 * What a rule needs to know about where a sentence sits in a news text: its line (a paragraph),
 * whether that line is a headline, byline or caption rather than running prose, and whether the
 * sentence is quoted speech. Built once per document (cached on the VFile) in one linear pass, so
 * every rule asks in O(log n).
 */
import type { VFile } from 'vfile';

export interface Line {
  start: number;
  end: number;
  text: string;
}

export interface Layout {
  /** The line (paragraph) that holds `offset`. */
  lineAt(offset: number): Line;
  /** True when `offset` lies inside a quotation (curly or straight double quotes). */
  isQuoted(offset: number): boolean;
  /**
   * True for a line that is not running prose: a headline, byline, dateline-only line or caption
   * credit, recognised by not ending in a sentence's final punctuation.
   */
  isHeadingLine(line: Line): boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** The document's layout: see `layoutOf`. */
    mtlintLayout: Layout;
  }
}

/** The layout of the document in `file`, built on first use and kept in the file's `data`. */
export function layoutOf(file: VFile): Layout {
  return (file.data.mtlintLayout ??= buildLayout(String(file.value)));
}

/** A line's last meaningful mark: terminal punctuation, possibly inside closing quotes or brackets. */
const PROSE_END = /[.!?…:;,]["'”’)\]]*\s*$/u;

export function buildLayout(text: string): Layout {
  const lines: Line[] = [];
  for (const match of text.matchAll(/[^\r\n]+/g)) {
    lines.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  const quoted = quotedRanges(lines);

  const lineAt = (offset: number): Line => {
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const line = lines[middle]!;
      if (offset < line.start) high = middle - 1;
      else if (offset > line.end) low = middle + 1;
      else return line;
    }
    return { start: offset, end: offset, text: '' };
  };

  const isQuoted = (offset: number): boolean => {
    let low = 0;
    let high = quoted.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = quoted[middle]!;
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return true;
    }
    return false;
  };

  // Rules ask about the same line once per sentence: answer each line once.
  const headings = new Map<number, boolean>();
  const isHeadingLine = (line: Line): boolean => {
    let heading = headings.get(line.start);
    if (heading === undefined) {
      heading = !PROSE_END.test(line.text);
      headings.set(line.start, heading);
    }
    return heading;
  };

  return { lineAt, isQuoted, isHeadingLine };
}

/**
 * Quoted stretches, in order, as [start, end) offsets. A quotation left open at the end of a line
 * runs to the end of it (news style reopens it in the next paragraph); a closing quote with no
 * opener on its line closes a quotation that began on an earlier line, so the quotation runs from
 * the line's start.
 */
function quotedRanges(lines: Line[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { start, text } of lines) {
    let open: number | undefined;
    let straightOpen: number | undefined;
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === '“') open ??= start + index;
      else if (char === '”') {
        ranges.push([open ?? start, start + index + 1]);
        open = undefined;
      } else if (char === '"') {
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
