import { ParseEnglish } from 'parse-english';
import type { Root, RootContent, SentenceContent } from 'nlcst';
import type { Point } from 'unist';

/**
 * retext-english's parser, told where its input lies in the document: every token it makes is
 * placed at `base` + its place in the piece as it is made, before sentences and paragraphs are
 * built on it. Parents take their positions from their children, so nothing is moved afterwards
 * (moving a finished tree meant a walk and a set of visited points per piece).
 */
class PlacedParser extends ParseEnglish {
  base = { offset: 0, line: 1, column: 1 };

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const tokens = super.tokenize(value);
    const { offset, line, column } = this.base;
    if (offset === 0 && line === 1 && column === 1) return tokens;
    const move = (point: Point) => {
      if (point.line === 1) point.column += column - 1;
      point.line += line - 1;
      point.offset = (point.offset ?? 0) + offset;
    };
    // Each token has points of its own, but a word shares its start point with its text child.
    for (const token of tokens) {
      const { start, end } = token.position!;
      move(start);
      move(end);
      if (token.type !== 'WordNode') continue;
      for (const child of token.children) {
        if (child.position!.start !== start) move(child.position!.start);
        if (child.position!.end !== end) move(child.position!.end);
      }
    }
    return tokens;
  }
}

/** Parses pieces of one document; each call says where its piece starts. */
export interface PlacedParse {
  (piece: string, offset: number, line: number, column: number): RootContent[];
}

export function createPlacedParser(): PlacedParse {
  const parser = new PlacedParser();
  return (piece, offset, line, column) => {
    parser.base = { offset, line, column };
    return (parser.parse(piece) as Root).children;
  };
}
