import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createMtLinter } from '../../src/linter.js';

/** Where retext-repeated-words itself reports, with its fix, on the whole tree. */
function reference(text: string): string[] {
  const processor = unified().use(retextEnglish).use(retextRepeatedWords);
  const file = new VFile({ value: text });
  processor.runSync(processor.parse(file), file);
  return file.messages.map(
    (message) =>
      `${message.place && 'start' in message.place ? message.place.start.offset : -1}:${JSON.stringify(message.expected)}`,
  );
}

const linter = createMtLinter({ rules: { 'repeated-words': 'error' } });
function ours(text: string): string[] {
  return linter
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'repeated-words')
    .map((d) => `${d.offset}:${JSON.stringify(d.suggestions)}`);
}

describe('repeated-words agrees with retext-repeated-words on the whole tree', () => {
  const word = fc.constantFrom(
    'the',
    'The',
    'THE',
    'had',
    'that',
    'was',
    'Was',
    'D.',
    'Duran',
    'it',
    'IT',
    ',',
    '"',
    '-',
    '\n',
    '\n\n',
  );
  const gap = fc.constantFrom(' ', ' ', '  ', '');
  const sentence = fc
    .array(fc.tuple(word, gap), { minLength: 1, maxLength: 12 })
    .map((pairs) => pairs.map(([text, space]) => text + space).join('') + '.');

  it('on generated sentences', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.join(' ');
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it('on news sentences with repeated words', () => {
    const text =
      'He visited the the exhibition. It was was a success. He had had enough. The The talks ended.\nThe it IT went on. Duran Duran played. D. D. came. She said that that plan would work.';
    const expected = reference(text);
    expect(expected.length).toBeGreaterThan(2);
    expect(ours(text)).toEqual(expected);
  });
});
