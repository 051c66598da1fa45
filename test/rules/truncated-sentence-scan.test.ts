import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { endsWithStop, nextLowerAfterStop } from '../../rules/truncated-sentence/scan.js';

/** Pieces that exercise the scans: stops, spaces, cases, letters beyond ASCII and the BMP. */
const piece = fc.constantFrom(
  '.',
  '..',
  '!',
  '?',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0085',
  'a',
  'echo',
  'A',
  'Z',
  '1',
  '٣',
  'é',
  'É',
  'ß',
  '\u{1d41a}', // MATHEMATICAL BOLD SMALL A: lower case, outside the BMP
  '\u{1d400}', // MATHEMATICAL BOLD CAPITAL A
  '\ud835', // a lone high surrogate
  '…',
  '"',
  "'",
  '”',
  '’',
  ')',
  ']',
  '(',
  '-',
);
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

function stopsByScan(value: string): number[] {
  const found: number[] = [];
  for (let at = nextLowerAfterStop(value, 0); at !== -1; at = nextLowerAfterStop(value, at + 1)) {
    found.push(at);
  }
  return found;
}

function stopsByPattern(value: string): number[] {
  return [...value.matchAll(/(?<=[\p{L}\p{N}][,"'”’)\]]?)[.?!][ \t]+(?=\p{Ll})/gu)].map(
    (match) => match.index,
  );
}

describe('truncated-sentence scans agree with the patterns they stand for', () => {
  it('finds the stops before a lower-case start that the pattern finds', () => {
    expect(stopsByScan('It grew. echo. And U.S. talks. \u{1d41a}b 5.\tfive')).toEqual([
      7, 22, 29, 36,
    ]);
    expect(stopsByScan('Why? because. Now! then')).toEqual([3, 17]);
    // After a closing quote or bracket, or a comma left behind: `"Consensus". according`.
    expect(stopsByScan('the "Plan". so (Applause)! we it,. now')).toEqual([10, 25, 33]);
    fc.assert(
      fc.property(text, (value) => {
        expect(stopsByScan(value)).toEqual(stopsByPattern(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a sentence that ends on a full stop or exclamation mark as the pattern does', () => {
    expect(endsWithStop('Go now!” \n', 0, 10)).toBe(true);
    expect(endsWithStop('Go now?', 0, 7)).toBe(false);
    fc.assert(
      fc.property(text, text, text, (before, value, after) => {
        const whole = before + value + after;
        const start = before.length;
        const end = start + value.length;
        expect(endsWithStop(whole, start, end)).toBe(/[.!]["'”’)\]]*$/u.test(value.trimEnd()));
      }),
      { numRuns: 2000 },
    );
  });
});
