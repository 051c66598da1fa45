import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ParseEnglish } from 'parse-english';
import type { Root, RootContent } from 'nlcst';
import type { Point } from 'unist';
import { withWordStops } from '../src/core/document/abbreviation-stops.js';
import { createPlacedParser } from '../src/core/document/parser.js';
import { shiftTree } from '../src/core/parse.js';

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

/**
 * retext-english's own parse of `piece` (with a stop after `in`, `sat` … used as words kept as the
 * sentence's end), every point then moved to where the piece lies.
 */
function reference(piece: string, offset: number, line: number, column: number): RootContent[] {
  const parser = new ParseEnglish();
  parser.tokenizeParagraphPlugins = withWordStops(parser.tokenizeParagraphPlugins);
  const tree = parser.parse(piece) as Root;
  shiftTree(tree, offset, line, column);
  return tree.children;
}

/** Every word whose text child does not share its start point (parse-latin shares it). */
function unsharedStarts(nodes: RootContent[]): number {
  let count = 0;
  const stack: Positioned[] = [...(nodes as Positioned[])];
  while (stack.length > 0) {
    const node = stack.pop()! as Positioned & { type?: string };
    if (node.type === 'WordNode' && node.children?.length === 1) {
      if (node.children[0]!.position!.start !== node.position!.start) count++;
    }
    if (node.children) stack.push(...node.children);
  }
  return count;
}

const pieces = fc.constantFrom(
  'The talks ended.',
  'The union gave in.',
  ' It is 5 in. wide, the Sun. ',
  ' ',
  '  \t',
  '\n',
  '\r\n',
  '\r',
  'Ms. Bachelet said “yes.” Then left…',
  "China's face-to-face talks (2,000 yuan, 18.3%) -- done!!",
  'U.S. e.g. 5:30 p.m. 2023-02-11',
  '@user #tag $5 & co. ½ ²',
  'AT&T w/ and/or 1/2 a/b -x- rock ’n’ roll',
  'tell ’em the ol’ tale of the ’90s',
  ' &x - y- & ',
  '北京 5月28日电（记者）',
  '😀👍🏽 ok',
  '«Bonjour», déjà — ¿qué?',
  'a\u00a0b\u2009c\u3000d',
  '...??!!',
  '\'quoted\' "double"',
  'x',
);
const text = fc.array(pieces, { minLength: 1, maxLength: 12 }).map((list) => list.join(''));

describe('the placed parser', () => {
  const parse = createPlacedParser();

  it('gives retext-english’s tree, placed where the piece lies in the document', () => {
    fc.assert(
      fc.property(
        text,
        fc.nat(5000),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        (value, offset, line, column) => {
          const placed = parse(value, offset, line, column);
          expect(placed).toEqual(reference(value, offset, line, column));
          expect(unsharedStarts(placed)).toBe(0);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agrees on any string, unit by unit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (value) => {
        expect(parse(value, 7, 3, 2)).toEqual(reference(value, 7, 3, 2));
      }),
      { numRuns: 400 },
    );
  });

  it('ends a sentence at a stop after `in`, `sat`, `sun` used as words, not as abbreviations', () => {
    const sentences = (value: string): string[] =>
      parse(value, 0, 1, 1).flatMap((paragraph) =>
        'children' in paragraph
          ? paragraph.children
              .filter((node) => node.type === 'SentenceNode')
              .map((node) => value.slice(node.position!.start.offset, node.position!.end.offset))
          : [],
      );
    expect(sentences('The union gave in. Talks resume. The cat sat. It slept.')).toEqual([
      'The union gave in.',
      'Talks resume.',
      'The cat sat.',
      'It slept.',
    ]);
    // parse-english's own reading stays where it is right: a capitalised day, inches after a figure.
    expect(sentences('We met on Sat. Mornings are best.')).toHaveLength(1);
    expect(sentences('It has a 5 in. Screen sizes vary.')).toHaveLength(1);
    expect(sentences('The toll was 20,665 in. Rescue went on.')).toHaveLength(2);
  });

  it('gives nothing for an empty piece', () => {
    expect(parse('', 10, 2, 1)).toEqual(reference('', 10, 2, 1));
  });
});
