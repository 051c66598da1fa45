/**
 * What a rule needs to know about where a sentence sits in a news text: its line (a paragraph),
 * whether that line is a headline, byline or caption rather than running prose, and whether the
 * sentence is quoted speech. Built once per document (cached on the VFile) in one linear pass, so
 * every rule asks in O(log n).
 */
import type { VFile } from 'vfile';
import type { NewsDocument } from './document/build.js';
import { quotedRanges } from './document/quotes.js';

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

/**
 * The layout of the document in `file`, kept in the file's `data`: read from the NewsDocument the
 * engine built (its blocks and quotes), or built from the text when a rule runs on its own.
 */
export function layoutOf(file: VFile): Layout {
  return (file.data.mtlintLayout ??= file.data.mtlintDocument
    ? layoutFromDocument(file.data.mtlintDocument)
    : buildLayout(String(file.value)));
}

function layoutFromDocument(document: NewsDocument): Layout {
  const lineAt = (offset: number): Line => {
    const block = document.blockAt(offset);
    return block
      ? { start: block.start, end: block.end, text: block.text }
      : { start: offset, end: offset, text: '' };
  };
  const headings = new Map<number, boolean>();
  const isHeadingLine = (line: Line): boolean => {
    let heading = headings.get(line.start);
    if (heading === undefined) {
      heading = !PROSE_END.test(line.text);
      headings.set(line.start, heading);
    }
    return heading;
  };
  return { lineAt, isQuoted: document.isQuoted, isHeadingLine };
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
