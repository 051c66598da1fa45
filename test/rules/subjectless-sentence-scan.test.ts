import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  endsWithStopOrSemicolon,
  isCapitalised,
  lettersEnd,
  startsUpperCase,
} from '../../rules/subjectless-sentence/scan.js';

/** Pieces that exercise the scans: cases, letters beyond ASCII and the BMP, marks, spaces. */
const piece = fc.constantFrom(
  'a',
  'z',
  'A',
  'Z',
  'Watch',
  'the',
  '1',
  '@',
  '[',
  '`',
  '{',
  'é',
  'É',
  'ß',
  'ǅ', // title case: a letter, neither \p{Lu} nor \p{Ll}
  'ſ',
  '\u{1d41a}', // MATHEMATICAL BOLD SMALL A
  '\u{1d400}', // MATHEMATICAL BOLD CAPITAL A
  '\ud835', // a lone high surrogate
  '٣',
  '.',
  ';',
  '!',
  ',',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2029',
  '\ufeff',
  '"',
  '”',
  '’',
  ')',
  ']',
);
const text = fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join(''));

describe('subjectless-sentence scans agree with the patterns they stand for', () => {
  it('finds the letters that start at an offset', () => {
    expect(lettersEnd('Fourth, experience it', 8)).toBe(18);
    expect(lettersEnd('Café au lait', 0)).toBe(4);
    fc.assert(
      fc.property(text, text, (before, value) => {
        const whole = before + value;
        const run = /^\p{L}+/u.exec(value)?.[0] ?? '';
        expect(lettersEnd(whole, before.length)).toBe(before.length + run.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells capitalised words and upper-case starts', () => {
    expect(isCapitalised('Watch')).toBe(true);
    expect(isCapitalised('WATCH')).toBe(false);
    expect(isCapitalised('Élan')).toBe(true);
    expect(startsUpperCase('Élan')).toBe(true);
    fc.assert(
      fc.property(text, (value) => {
        expect(isCapitalised(value)).toBe(/^\p{Lu}\p{Ll}+$/u.test(value));
        expect(startsUpperCase(value)).toBe(/^\p{Lu}/u.test(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a sentence that ends on a full stop or semicolon as the pattern does', () => {
    expect(endsWithStopOrSemicolon('Go now;” \n', 0, 10)).toBe(true);
    expect(endsWithStopOrSemicolon('Go now!', 0, 7)).toBe(false);
    fc.assert(
      fc.property(text, text, text, (before, value, after) => {
        const whole = before + value + after;
        const start = before.length;
        const end = start + value.length;
        expect(endsWithStopOrSemicolon(whole, start, end)).toBe(
          /[.;]["'”’)\]]*$/u.test(value.trimEnd()),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
