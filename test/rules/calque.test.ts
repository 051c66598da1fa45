import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createMtLinter } from '../../src/linter.js';
import fc from 'fast-check';
import { PhraseMatcher, words } from '../../rules/calque/matcher.js';

const own = (text: string, config: unknown = {}) =>
  createMtLinter(config)
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'calque');

interface Calque {
  phrases: string[];
  source: string;
  explanation: string;
  suggestions: string[];
}
const table = JSON.parse(
  readFileSync(new URL('../../rules/calque/calques.json', import.meta.url), 'utf8'),
) as Calque[];

describe('calque table', () => {
  it('has at least 40 entries, each with its Chinese source, a reason and a suggestion', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    for (const entry of table) {
      expect(entry.phrases.length).toBeGreaterThan(0);
      expect(entry.source).toMatch(/\p{Script=Han}/u);
      expect(entry.explanation.length).toBeGreaterThan(10);
      expect(entry.suggestions.length).toBeGreaterThan(0);
    }
  });

  it('finds every phrase it lists, as written', () => {
    const linter = createMtLinter();
    for (const entry of table) {
      for (const phrase of entry.phrases) {
        const found = linter
          .lint(`They said ${phrase} today.`)
          .diagnostics.filter((d) => d.ruleId === 'calque');
        expect(found.map((d) => d.excerpt)).toEqual([phrase]);
      }
    }
  });
});

describe('calque', () => {
  it('reports the seed article phrases at info, with the source and a fix', () => {
    const [found] = own(
      'Ma Zhaoxu finally emphasized that human rights protection is not the best, only better.',
    );
    expect(found).toMatchObject({
      severity: 'info',
      category: 'fluency/register',
      excerpt: 'not the best, only better',
      suggestions: ['there is always room for improvement'],
    });
    expect(found!.message).toContain('没有最好，只有更好');
  });

  it('matches case-insensitively, on word boundaries, across hyphens and line-internal spacing', () => {
    expect(own('WIN-WIN  COOPERATION was agreed.').map((d) => d.excerpt)).toEqual([
      'WIN-WIN  COOPERATION',
    ]);
    expect(own('They pursue win win cooperation.')).toHaveLength(1);
    expect(own('They swore unswervinglyness.')).toEqual([]);
    expect(own('The people’s livelihood improved.').map((d) => d.excerpt)).toEqual([
      'people’s livelihood',
    ]);
  });

  it('does not match across a sentence end or a line break', () => {
    expect(own('It was not the best. Only better ones remain.')).toEqual([]);
    expect(own('A win-win\ncooperation')).toEqual([]);
  });

  it('prefers the longest phrase and capitalises the fix like the text', () => {
    const [found] = own('The epidemic of the century hit hard.');
    expect(found!.excerpt).toBe('The epidemic of the century');
    expect(found!.suggestions[0]).toBe('The worst pandemic in a century');
  });

  it('accepts phrases a newsroom allows', () => {
    const config = { rules: { calque: ['info', { allow: ['Win-win cooperation'] }] } };
    expect(own('It was win-win cooperation.', config)).toEqual([]);
    expect(own('It was the epidemic of the century.', config)).toHaveLength(1);
    expect(() => own('x', { rules: { calque: ['info', { allow: 'all' }] } })).toThrow(/calque/);
  });
});

describe('PhraseMatcher', () => {
  it('refuses a duplicate phrase and one with no words', () => {
    const matcher = new PhraseMatcher<number>();
    expect(matcher.add('a b', 1)).toBe(true);
    expect(matcher.add('A-B', 2)).toBe(false);
    expect(() => matcher.add(' ,, ', 3)).toThrow(/no words/);
  });

  it('reports non-overlapping matches left to right', () => {
    const matcher = new PhraseMatcher<string>();
    matcher.add('a b', 'ab');
    matcher.add('b c', 'bc');
    matcher.add('a b c d', 'abcd');
    expect([...matcher.matches('a b c x b c a b c d')].map((m) => m.value)).toEqual([
      'ab',
      'bc',
      'abcd',
    ]);
  });

  it('reads words as letters and digits with inner apostrophes, on any text', () => {
    const spec = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom("people's", 'it’s', "'a'", '’’', 'x-y', '𝒜𝒷', '中国', 'é', '١٢', ' ', ','),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        const expected = [...text.matchAll(spec)].map((m) => [m.index, m.index + m[0].length]);
        expect(words(text).map((token) => [token.start, token.end])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds a phrase after any text, past non-ASCII letters and astral characters', () => {
    const matcher = new PhraseMatcher<string>();
    matcher.add('win-win cooperation', 'ww');
    matcher.add('people’s livelihood', 'pl');
    const text = "Ésta 𝒜𝒷 “win – win” Cooperation, and people's livelihood.";
    expect([...matcher.matches(text)].map((m) => [m.value, text.slice(m.start, m.end)])).toEqual([
      ['ww', 'win – win” Cooperation'],
      ['pl', "people's livelihood"],
    ]);
  });
});
