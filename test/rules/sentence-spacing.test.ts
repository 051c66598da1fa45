import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextSentenceSpacing from 'retext-sentence-spacing';
import { createMtLinter } from '../../src/linter.js';
import { pluginFindings, ruleFindings } from '../helpers/plugin-reference.js';

const reference = (text: string, preferred: 1 | 2) =>
  pluginFindings(retextSentenceSpacing, text, { preferred });
const ours = (text: string, preferred: 1 | 2) =>
  ruleFindings('sentence-spacing', text, {
    rules: { 'sentence-spacing': ['info', { preferred }] },
  });

describe('sentence-spacing agrees with retext-sentence-spacing', () => {
  const sentence = fc.constantFrom(
    'The talks ended.',
    'The delegation left on Monday!',
    'Why?',
    'He said: "Yes."',
    'Prices rose 3.5 percent.',
    'See p. 4.',
  );
  const gap = fc.constantFrom(' ', '  ', '   ', '\n', '\n\n', ' \n', '\t', '  \t');

  it.each([1, 2] as const)('on generated paragraphs (preferred %d)', (preferred) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sentence, gap), { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.map(([words, space]) => words + space).join('');
        expect(ours(text, preferred)).toEqual(reference(text, preferred));
      }),
      { numRuns: 200 },
    );
  });

  it('reports with a message and a fix', () => {
    const [found] = createMtLinter({ rules: { 'sentence-spacing': 'warning' } })
      .lint('The talks ended.   The delegation left.')
      .diagnostics.filter((d) => d.ruleId === 'sentence-spacing');
    expect(found).toMatchObject({
      offset: 16,
      length: 3,
      severity: 'warning',
      message: 'Unexpected 3 spaces between sentences, expected 1 space',
      suggestions: [' '],
    });
  });
});
