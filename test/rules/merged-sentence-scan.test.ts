import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { nextRunTogetherStop } from '../../rules/merged-sentence/scan.js';

/** Pieces that exercise the scan: stops, cases, letters beyond ASCII and the BMP, spaces. */
const piece = fc.constantFrom(
  '.',
  '!',
  '?',
  ' ',
  'a',
  'end',
  'A',
  'I',
  'The',
  'Z',
  '[',
  '1',
  'é',
  'É',
  'ǅ',
  '\u{1d41a}', // MATHEMATICAL BOLD SMALL A
  '\u{1d400}', // MATHEMATICAL BOLD CAPITAL A
  '\ud835', // a lone high surrogate
  '\n',
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

function stopsByScan(value: string): number[] {
  const found: number[] = [];
  for (let at = nextRunTogetherStop(value, 0); at !== -1; at = nextRunTogetherStop(value, at + 1)) {
    found.push(at);
  }
  return found;
}

describe('merged-sentence scan agrees with the pattern it stands for', () => {
  it('finds the stops with no space before a capitalised word, or `A` or `I` and a word', () => {
    expect(stopsByScan('The end.The next!Is it?Éric went. So Xi.Me ab.\u{1d400}b')).toEqual([
      7, 16, 22, 45,
    ]);
    // `A` and `I` are words of their own: before a lower-case word, a sentence starts with them.
    expect(stopsByScan('the process.A number of costs?I think so. U.S.A is big.')).toEqual([
      11, 29,
    ]);
    fc.assert(
      fc.property(text, (value) => {
        const expected = [
          ...value.matchAll(/(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll}|[AI][ \t]+\p{Ll})/gu),
        ].map((match) => match.index);
        expect(stopsByScan(value)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
