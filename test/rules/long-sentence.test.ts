import { describe, expect, it } from '@jest/globals';
import { createMtLinter } from '../../src/linter.js';

const own = (text: string, options?: unknown) =>
  createMtLinter(options ? { rules: { 'long-sentence': ['warning', options] } } : {})
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'long-sentence');

const words = (count: number) =>
  Array.from({ length: count }, (_, index) => (index === 0 ? 'Word' : 'word')).join(' ') + '.';

describe('long-sentence', () => {
  it('is a warning by default and reports more than 50 words', () => {
    expect(own(words(50))).toEqual([]);
    const [found] = own(words(51));
    expect(found).toMatchObject({ severity: 'warning', offset: 0, category: 'style' });
    expect(found!.message).toContain('51 words');
    // The span covers the words, without the final full stop.
    expect(found!.length).toBe(words(51).length - 1);
  });

  it('takes maxWords from its options', () => {
    expect(own(words(21), { maxWords: 20 })).toHaveLength(1);
    expect(own(words(20), { maxWords: 20 })).toEqual([]);
    expect(() => own('x', { maxWords: 'many' })).toThrow(/long-sentence/);
    expect(() => own('x', { limit: 3 })).toThrow(/long-sentence/);
  });

  it('counts each sentence on its own, and a line break ends a stretch', () => {
    expect(own(`${words(30)} ${words(30)}`)).toEqual([]);
    expect(own(`${words(30).slice(0, -1)}\n${words(30)}`)).toEqual([]);
    const found = own(`${words(10)}\n\n${words(60)}`);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(3);
  });

  it('counts a number with separators as one word', () => {
    const numbers = Array.from({ length: 25 }, () => '1,000,000').join(' ');
    expect(own(`Paid ${numbers}.`)).toEqual([]);
  });
});
