import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  afterLowerCaseAndSpaces,
  endsWithLetterOrDigit,
  isNumber,
  isPlural,
  nextRunTogetherStop,
  onlySpacesBetween,
} from '../../rules/merged-sentence/scan.js';

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
  '\t',
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

/** Words of letters, digits, marks and spaces, in and beyond ASCII, and the plural endings. */
const wordPiece = fc.constantFrom(
  's',
  'ss',
  'us',
  'is',
  'ics',
  'c',
  'i',
  'u',
  'one',
  'ten',
  'people',
  'police',
  'millions',
  '7',
  '٣', // ARABIC-INDIC DIGIT THREE: a number, not an ASCII digit
  'é',
  'É',
  '\u{1d41a}', // MATHEMATICAL BOLD SMALL A
  '\ud835', // a lone high surrogate
  "'",
  '’',
  '.',
  ',',
  '-',
  ' ',
  '\t',
  '\n',
  '\u00a0',
);
const word = fc.array(wordPiece, { maxLength: 6 }).map((pieces) => pieces.join(''));

describe('merged-sentence word scans agree with the patterns they stand for', () => {
  it('tells a plural by its ending, or as one of the plurals not in -s', () => {
    expect(['rescuers', 'people', 's', 'cs'].map(isPlural)).toEqual([true, true, true, true]);
    expect(['process', 'status', 'crisis', 'politics', 'man', ''].map(isPlural)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const irregular = new Set(['people', 'children', 'men', 'women', 'police']);
    fc.assert(
      fc.property(word, (value) => {
        const expected =
          (value.endsWith('s') && !/(?:ss|us|is|ics)$/u.test(value)) || irregular.has(value);
        expect(isPlural(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a number in figures or words', () => {
    expect(['17,000', 'two', 'hundreds', 'twofold', '٣', 'none'].map(isNumber)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    fc.assert(
      fc.property(word, (value) => {
        const expected =
          /^(?:\d|one$|two$|three$|four$|five$|six$|seven$|eight$|nine$|ten$|dozens$|hundreds$|thousands$|millions$)/u.test(
            value,
          );
        expect(isNumber(value)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a word ending in a letter or a digit', () => {
    expect(
      ['end', 'A', '7', 'é', '٣', '\u{1d41a}', 'end.', 'it’', ''].map(endsWithLetterOrDigit),
    ).toEqual([true, true, true, true, true, true, false, false, false]);
    fc.assert(
      fc.property(word, (value) => {
        expect(endsWithLetterOrDigit(value)).toBe(/[\p{L}\p{N}]$/u.test(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a stretch of only spaces and tabs, and nothing for an empty one', () => {
    expect(onlySpacesBetween('a \t b', 1, 4)).toBe(true);
    expect(onlySpacesBetween('a , b', 1, 4)).toBe(false);
    expect(onlySpacesBetween('ab', 1, 1)).toBe(false);
    fc.assert(
      fc.property(word, fc.nat(8), fc.nat(8), (value, from, to) => {
        // Offsets into the text, as words give them.
        const end = Math.min(to, value.length);
        expect(onlySpacesBetween(value, from, end)).toBe(/^[ \t]+$/u.test(value.slice(from, end)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('merged-sentence look-behind scan', () => {
  it('tells a place after a lower-case letter and spaces, as the look-behind it stands for', () => {
    expect(afterLowerCaseAndSpaces('costs however,', 6)).toBe(true);
    expect(afterLowerCaseAndSpaces('costs \t however,', 8)).toBe(true);
    expect(afterLowerCaseAndSpaces('Costs however,', 6)).toBe(true);
    expect(afterLowerCaseAndSpaces('COSTS however,', 6)).toBe(false);
    expect(afterLowerCaseAndSpaces('costs; however,', 7)).toBe(false);
    expect(afterLowerCaseAndSpaces('costshowever,', 5)).toBe(false);
    expect(afterLowerCaseAndSpaces(' however,', 1)).toBe(false);
    const lookBehind = /(?<=\p{Ll}[ \t]+)/uy;
    fc.assert(
      fc.property(text, fc.nat(30), (value, offset) => {
        const at = Math.min(offset, value.length);
        // Places where a match may start: not inside a surrogate pair (there, the pattern is tried
        // from the pair's start).
        const high = value.charCodeAt(at - 1);
        const low = value.charCodeAt(at);
        if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) return;
        lookBehind.lastIndex = at;
        expect(afterLowerCaseAndSpaces(value, at)).toBe(lookBehind.test(value));
      }),
      { numRuns: 5000 },
    );
  });
});
