/**
 * What a rule needs to know about where a sentence sits in a news text: its line (a paragraph),
 * whether that line is a headline, byline or caption rather than running prose, and whether the
 * sentence is quoted speech. A view of the NewsDocument's blocks and quotes (built once per
 * document), so every rule asks in O(log n).
 */
import type { VFile } from 'vfile';
import { looksLikeHeadline } from './document/blocks.js';
import { buildDocument, type NewsDocument } from './document/build.js';
import { documentOf } from './document/of.js';
import { createPlacedParser } from './document/parser.js';

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
   * credit, recognised by not ending in a sentence's final punctuation and having at most 20
   * words (a longer line with no stop is prose that lost it).
   */
  isHeadingLine(line: Line): boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** The document's layout: see `layoutOf`. */
    mtlintLayout: Layout;
  }
}

/** The layout of the document in `file`, kept in the file's `data`. */
export function layoutOf(file: VFile): Layout {
  return (file.data.mtlintLayout ??= layoutFromDocument(documentOf(file)));
}

/** The layout of a plain text, for tools and tests that have no linted file. */
export function buildLayout(text: string): Layout {
  return layoutFromDocument(buildDocument(text, [], createPlacedParser()));
}

function layoutFromDocument(document: NewsDocument): Layout {
  const lineAt = (offset: number): Line => {
    const block = document.blockAt(offset);
    return block
      ? { start: block.start, end: block.end, text: block.text }
      : { start: offset, end: offset, text: '' };
  };
  // Rules ask about the same line once per sentence: answer each line once.
  const headings = new Map<number, boolean>();
  const isHeadingLine = (line: Line): boolean => {
    let heading = headings.get(line.start);
    if (heading === undefined) {
      heading = looksLikeHeadline(line.text);
      headings.set(line.start, heading);
    }
    return heading;
  };
  return { lineAt, isQuoted: document.isQuoted, isHeadingLine };
}
