/**
 * The NewsDocument: what every rule reads, built once per document. Blocks (one per line, each with
 * its kind), sentences that end at line breaks and never span blocks, numbers as single words,
 * quoted stretches; retext-english's nlcst tree underneath, parsed block by block.
 */
import type { Paragraph, Root, RootContent, Sentence } from 'nlcst';
import { BLOCK_KINDS, type BlockHint, type BlockKind } from '../processors/types.js';
import { classifyLine, hintAt } from './blocks.js';
import { mergeNumbers } from './numbers.js';
import type { PlacedParse } from './parser.js';
import { inRanges, quotedRanges } from './quotes.js';

/** One line of the document with what it is. */
export interface Block {
  kind: BlockKind;
  /** Offsets of the line in the linted text (without its line break). */
  start: number;
  end: number;
  text: string;
  /** 1-based line number. */
  line: number;
  /** The paragraph nodes parsed from this line (usually one). */
  paragraphs: Paragraph[];
}

export interface NewsDocument {
  /** The text the rules read (the processor's prose). */
  readonly text: string;
  /** The nlcst tree of the whole document: one or more paragraphs per block. */
  readonly tree: Root;
  readonly blocks: readonly Block[];
  /** Quoted stretches, [start, end), sorted and disjoint. */
  readonly quotes: readonly (readonly [number, number])[];
  /** Words and sentences in the document (numbers count once). */
  readonly counts: { words: number; sentences: number };
  /** The block (line) that holds `offset`, if any (white space between lines has none). */
  blockAt(offset: number): Block | undefined;
  isQuoted(offset: number): boolean;
  /** A root holding only the blocks of these kinds: what a rule with that scope reads. */
  scoped(kinds: readonly BlockKind[]): Root;
}

/**
 * Lines of this many UTF-16 units or fewer are parsed whole. A longer one (a paragraph with no line
 * break) is parsed in windows that always end on a sentence the parser itself closed, so findings
 * never depend on where the text was cut; retext-english's cost per word grows with the length of
 * what it parses (1.41 M words/s on a 1,900-word article, 0.36 M at 190,000 words).
 */
export const MAX_PIECE = 16384;

const LINE = /[^\r\n]+/g;

export function buildDocument(
  text: string,
  hints: readonly BlockHint[],
  parse: PlacedParse,
  maxPiece = MAX_PIECE,
): NewsDocument {
  const blocks: Block[] = [];
  const children: RootContent[] = [];
  let lineNumber = 1;
  let lineStart = 0;
  let counted = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(LINE)) {
    const start = match.index;
    lineNumber += countBreaks(text, counted, start);
    counted = start;
    lineStart = start;
    const lineText = match[0];
    if (lineText.trim() === '') continue;
    if (start > previousEnd) children.push(whiteSpace(text, previousEnd, start, lineNumber));
    const nodes = parseLine(lineText, start, lineNumber, start - lineStart + 1, parse, maxPiece);
    const paragraphs: Paragraph[] = [];
    for (const node of nodes) {
      children.push(node);
      if (node.type === 'ParagraphNode') {
        paragraphs.push(node);
        for (const sentence of node.children) {
          if (sentence.type === 'SentenceNode') mergeNumbers(sentence);
        }
      }
    }
    blocks.push({
      kind: classifyLine(lineText, hintAt(hints, start)),
      start,
      end: start + lineText.length,
      text: lineText,
      line: lineNumber,
      paragraphs,
    });
    previousEnd = start + lineText.length;
  }
  if (text.length > previousEnd) {
    children.push(whiteSpace(text, previousEnd, text.length, lineNumber));
  }

  const tree: Root = {
    type: 'RootNode',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lineNumber, column: 1, offset: text.length },
    },
  };
  const quotes = quotedRanges(blocks);
  const scopes = new Map<readonly BlockKind[], Root>();
  let counts: { words: number; sentences: number } | undefined;

  return {
    text,
    tree,
    blocks,
    quotes,
    get counts() {
      return (counts ??= countUnits(blocks));
    },
    blockAt(offset) {
      let low = 0;
      let high = blocks.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const block = blocks[middle]!;
        if (offset < block.start) high = middle - 1;
        else if (offset > block.end) low = middle + 1;
        else return block;
      }
      return undefined;
    },
    isQuoted: (offset) => inRanges(quotes, offset),
    scoped(kinds) {
      if (kinds.length === BLOCK_KINDS.length) return tree;
      // Keyed by the list itself: each rule passes the same list (its `meta.scope`) every time,
      // and joining it into a key cost more than the rest of this, per rule and document.
      let root = scopes.get(kinds);
      if (!root) {
        root = {
          type: 'RootNode',
          children: blocks.filter((b) => kinds.includes(b.kind)).flatMap((b) => b.paragraphs),
          position: tree.position,
        };
        scopes.set(kinds, root);
      }
      return root;
    },
  };
}

/**
 * One line's nodes. A line longer than `maxPiece` is parsed a window at a time: every sentence of
 * a window but its last is kept (the parser closed it, with text after it to look at), and the next
 * window starts where that last sentence starts. A window holding one sentence only grows until it
 * holds two or reaches the end of the line, so a sentence, or a word, is never cut.
 */
function parseLine(
  line: string,
  offset: number,
  lineNumber: number,
  column: number,
  parse: PlacedParse,
  maxPiece: number,
): RootContent[] {
  if (line.length <= maxPiece) return parse(line, offset, lineNumber, column);
  const sentences: Paragraph['children'] = [];
  let from = 0;
  let size = maxPiece;
  while (from < line.length) {
    const to = Math.min(line.length, from + size);
    const nodes = parse(line.slice(from, to), offset + from, lineNumber, column + from);
    const flat = nodes.flatMap((node) => (node.type === 'ParagraphNode' ? node.children : [node]));
    const lastSentence = findLast(flat, (node) => node.type === 'SentenceNode');
    if (to === line.length) {
      sentences.push(...(flat as Paragraph['children']));
      break;
    }
    const keep = lastSentence === -1 ? -1 : countBefore(flat, lastSentence);
    if (keep <= 0) {
      size *= 2;
      continue;
    }
    sentences.push(...(flat.slice(0, lastSentence) as Paragraph['children']));
    from = (flat[lastSentence] as Sentence).position!.start.offset! - offset;
    size = maxPiece;
  }
  const first = sentences[0]?.position?.start;
  const last = sentences.at(-1)?.position?.end;
  return [
    {
      type: 'ParagraphNode',
      children: sentences,
      ...(first && last ? { position: { start: first, end: last } } : {}),
    },
  ];
}

/** Sentences before index `at` of `nodes`. */
function countBefore(nodes: readonly RootContent[], at: number): number {
  let count = 0;
  for (let index = 0; index < at; index++) if (nodes[index]!.type === 'SentenceNode') count++;
  return count;
}

function findLast<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let index = list.length - 1; index >= 0; index--) if (test(list[index]!)) return index;
  return -1;
}

function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) breaks++;
  }
  return breaks;
}

function whiteSpace(text: string, start: number, end: number, line: number): RootContent {
  return {
    type: 'WhiteSpaceNode',
    value: text.slice(start, end),
    position: {
      start: { line, column: 1, offset: start },
      end: { line, column: 1, offset: end },
    },
  };
}

function countUnits(blocks: readonly Block[]): { words: number; sentences: number } {
  let words = 0;
  let sentences = 0;
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        sentences++;
        for (const node of sentence.children) if (node.type === 'WordNode') words++;
      }
    }
  }
  return { words, sentences };
}
