import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createMtLinter } from '../../src/linter.js';

const RULES = [
  'stray-punctuation',
  'untranslated',
  'truncated-sentence',
  'merged-sentence',
  'repeated-phrase',
  'subjectless-sentence',
];
const linter = createMtLinter({
  rules: Object.fromEntries(
    ['readability', 'repeated-words', 'indefinite-article', 'sentence-spacing'].map((id) => [
      id,
      'off',
    ]),
  ),
});

/** Text built from the pieces these rules look at, so that random input reaches their branches. */
const piece = fc.constantFrom(
  'The',
  'the',
  'From',
  'and',
  'support',
  'echo',
  'Watch',
  'China',
  'in the',
  '.',
  '. .',
  ', ',
  ';',
  '; ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '"',
  '“',
  '”',
  '‘',
  '’',
  '(',
  ')',
  '[',
  ']',
  '，',
  '。',
  '《',
  '北京',
  'が',
  '２０',
  '😀',
  'p.m.',
  'Fourth, ',
  '1)',
  '- ',
  ':',
  '?',
  '!',
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(' ')),
  fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

describe('rules 1-6 on arbitrary text', () => {
  it('never throw, and report spans inside the text whose excerpt is the text there', () => {
    fc.assert(
      fc.property(text, (value) => {
        const { diagnostics } = linter.lint(value);
        for (const d of diagnostics) {
          if (!RULES.includes(d.ruleId)) continue;
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.offset + d.length).toBeLessThanOrEqual(value.length);
          expect(value.slice(d.offset, d.offset + d.length)).toBe(d.excerpt);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finish on long pathological input (patterns are linear) and still find what is there', () => {
    const cases: [string, string[]][] = [
      ['a'.repeat(100_000) + '.', []],
      ['ab.'.repeat(30_000), []],
      ['('.repeat(30_000), ['stray-punctuation']],
      ['x "'.repeat(30_001) + 'y', ['stray-punctuation']],
      ['x ‘'.repeat(30_000), ['stray-punctuation']],
      [' ,'.repeat(30_000), ['stray-punctuation']],
      ['We met in the ' + 'in the '.repeat(20_000) + 'city.', ['repeated-phrase']],
      ['北'.repeat(50_000) + ' '.repeat(50_000) + 'x', ['untranslated']],
      ['It ended.Then '.repeat(10_000), ['merged-sentence', 'repeated-phrase']],
    ];
    for (const [input, expected] of cases) {
      const found = new Set(linter.lint(input).diagnostics.map((d) => d.ruleId));
      expect(RULES.filter((id) => found.has(id)).sort()).toEqual(expected);
    }
  });
});
