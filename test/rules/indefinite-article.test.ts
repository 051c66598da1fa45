import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextIndefiniteArticle from 'retext-indefinite-article';
import { pluginFindings, ruleFindings } from '../helpers/plugin-reference.js';

const reference = (text: string) => pluginFindings(retextIndefiniteArticle, text);
const ours = (text: string) =>
  ruleFindings('indefinite-article', text, { rules: { 'indefinite-article': 'warning' } });

describe('indefinite-article agrees with retext-indefinite-article on the whole tree', () => {
  const word = fc.constantFrom(
    'a',
    'an',
    'A',
    'An',
    'AN',
    'hour',
    'UN',
    'university',
    'apple',
    'honour',
    'European',
    'one',
    '8',
    '11',
    'and',
    'or',
    'the',
    'Station',
    '"',
    '(',
    'x-ray',
    'MP',
    'unit',
    'egg',
    'B',
  );
  const sentence = fc
    .array(word, { minLength: 1, maxLength: 12 })
    .map((words) => words.join(' ') + '.');

  it('on generated sentences', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.join(' ');
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it('on news sentences with many articles', () => {
    const text =
      'A official said an European delegation had a hour-long meeting. A and B met. Station A equals a honest man, an university and an "apple". An 8-year-old and a 11-year-old met an one-time champion.';
    const expected = reference(text);
    expect(expected.length).toBeGreaterThan(4);
    expect(ours(text)).toEqual(expected);
  });

  it('judges a pair the same in every document, a capital `A` by whether it opens the sentence', () => {
    // The plugin's verdict on each article and next word is remembered: a later document with the
    // same pair must still be judged as the plugin judges it there.
    const texts = [
      'A apple fell.',
      'It was A apple.',
      'A apple fell.',
      'She ate a apple. An apple fell.',
      'Then an apple, a apple.',
    ];
    for (const text of texts) expect(ours(text)).toEqual(reference(text));
    expect(ours('A apple fell.')).toHaveLength(1);
    expect(ours('It was A apple.')).toHaveLength(0);
  });
});
