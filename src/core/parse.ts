import type { Root, RootContent } from 'nlcst';
import type { Point } from 'unist';

/** Parses one piece of text into an nlcst root (retext-english's parser, from the processor). */
export type PieceParser = (text: string) => Root;

/**
 * Pieces are at most this many UTF-16 code units where the text allows. retext-english's cost per
 * word grows with the length of what it parses (measured: 1.41 M words/s on a 1,900-word article,
 * 0.36 M at 190,000 words) but stays flat across pieces of this size. A typical article (the seed
 * is 12,600 characters) fits in one piece and so pays nothing for moving positions.
 */
export const MAX_PIECE = 16384;

/**
 * Where to cut `text` so that every piece is at most `max` long. Cuts go, in order of preference,
 * before a line break (a paragraph boundary), after a sentence's final punctuation and space, after
 * any white space; and only failing all of those, at `max` itself (never inside a surrogate pair).
 */
export function pieceBoundaries(text: string, max = MAX_PIECE): number[] {
  const cuts: number[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    let cut = lastLineBreak(window);
    if (cut <= 0) cut = lastMatchEnd(window, /[.!?]["'”’)\]]*[ \t]+/g);
    if (cut <= 0) cut = lastMatchEnd(window, /\s+/g);
    if (cut <= 0) {
      cut = max;
      const code = text.charCodeAt(start + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    start += cut;
    cuts.push(start);
  }
  return cuts;
}

/**
 * Where the white space holding the window's last line break begins (0 if it begins the window).
 * Found by scanning back, not by a regular expression: a pattern with a look-ahead over `[ \t]*`
 * is quadratic on a window of spaces.
 */
function lastLineBreak(window: string): number {
  let at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
  if (at === -1) return -1;
  while (at > 0 && ' \t\r\n'.includes(window[at - 1]!)) at--;
  return at;
}

function lastMatchEnd(window: string, pattern: RegExp): number {
  let end = -1;
  for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

/**
 * One nlcst tree for the whole document, parsed in bounded pieces. Node positions are shifted so
 * that offsets are exact indices into `text`, and rules that need the whole document (pronouns,
 * enumerations, datelines) still see one root.
 */
export function parseDocument(text: string, parsePiece: PieceParser, max = MAX_PIECE): Root {
  const cuts = pieceBoundaries(text, max);
  if (cuts.length === 0) return parsePiece(text);

  const children: RootContent[] = [];
  let start = 0;
  let line = 1;
  let column = 1;
  for (const end of [...cuts, text.length]) {
    const piece = text.slice(start, end);
    const tree = parsePiece(piece);
    for (const child of tree.children) {
      shiftTree(child, start, line, column);
      children.push(child);
    }
    ({ line, column } = advance(piece, line, column));
    start = end;
  }
  return {
    type: 'RootNode',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line, column, offset: text.length },
    },
  };
}

/** Line and column just after `piece`, which starts at `line`, `column`. */
function advance(piece: string, line: number, column: number): { line: number; column: number } {
  const lastBreak = piece.lastIndexOf('\n');
  if (lastBreak === -1) return { line, column: column + piece.length };
  let breaks = 0;
  for (let index = piece.indexOf('\n'); index !== -1; index = piece.indexOf('\n', index + 1)) {
    breaks++;
  }
  return { line: line + breaks, column: piece.length - lastBreak };
}

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

/**
 * Moves every point of a piece's tree by the piece's place in the document. parse-latin shares point
 * objects between neighbouring nodes (a word and its text, a sentence and its first word), so each
 * point is moved once, in place, remembered in `moved`.
 */
export function shiftTree(root: Positioned, offset: number, line: number, column: number): void {
  const moved = new Set<Point>();
  const move = (point: Point) => {
    if (moved.has(point)) return;
    moved.add(point);
    if (point.line === 1) point.column += column - 1;
    point.line += line - 1;
    point.offset = (point.offset ?? 0) + offset;
  };
  const stack: Positioned[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if (node.children) for (const child of node.children) stack.push(child);
  }
}
