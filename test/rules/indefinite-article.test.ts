import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createMtLinter } from '../../src/linter.js';

/** Where retext-indefinite-article itself reports, with its fix, on the whole tree. */
function reference(text: string): string[] {
  const processor = unified().use(retextEnglish).use(retextIndefiniteArticle);
  const file = new VFile({ value: text });
  processor.runSync(processor.parse(file), file);
  return file.messages.map(
    (message) =>
      `${message.place && 'start' in message.place ? message.place.start.offset : -1}:${JSON.stringify(message.expected)}`,
  );
}

const linter = createMtLinter({ rules: { 'indefinite-article': 'warning' } });
function ours(text: string): string[] {
  return linter
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'indefinite-article')
    .map((d) => `${d.offset}:${JSON.stringify(d.suggestions)}`);
}

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
});
