import { describe, expect, it } from '@jest/globals';
import { createMtLinter } from '../../src/linter.js';

const own = (text: string, config: unknown = {}) =>
  createMtLinter(config)
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'enumeration');

// The seed article's two interleaved lists, shortened: an outer list (The first is ... Fourth,) and,
// between its second and third points, an inner one after a colon (First, ... The fourth is ...).
const SEED = [
  'The first is to enhance the understanding of the path.',
  'Since the congress, the party has led the people.',
  'The second is to clarify the proposition.',
  'He pointed out that the most important thing is to do four things well: First, adhere to the approach.',
  'The second is to respect the path of each country.',
  'The third is to make overall plans.',
  'The fourth is to strengthen governance.',
  'China gave an introduction.',
  'The third is to strengthen cooperation between China and OHCHR.',
  'Fourth, experience a real Xinjiang.',
].join('\n\n');

describe('enumeration', () => {
  it('untangles interleaved lists and reports the point in the odd form, with a fix', () => {
    const found = own(SEED);
    expect(found.map((d) => [d.excerpt, d.suggestions])).toEqual([
      ['First,', ['The first is to']],
      ['Fourth,', ['The fourth is to']],
    ]);
    expect(found[0]!.message).toBe(
      'This list changes form: its other points read `The second is to`, this one `First,`; keep one form',
    );
    expect(found[0]).toMatchObject({ severity: 'warning', category: 'style', line: 7 });
  });

  it('keeps the case of the point it rewrites', () => {
    const [found] = own(
      'He named three aims: first, cut costs; the second is to raise pay; the third is to build.',
    );
    expect(found!.suggestions).toEqual(['the first is to']);
  });

  it('reports skipped and repeated numbers', () => {
    expect(own('First, it rose. Second, it fell. Fourth, it ran out.')[0]!.message).toBe(
      'This list goes from point 2 to point 4: is a point missing?',
    );
    expect(own('First, it rose. Second, it fell. Second, it ran out.')[0]!.message).toBe(
      'This list has point 2 twice',
    );
  });

  it('mixes numbered lines and ordinals', () => {
    const found = own('1. Cut costs.\n2. Raise wages.\nThird, build roads.');
    expect(found.map((d) => d.excerpt)).toEqual(['Third,']);
    expect(found[0]!.suggestions).toEqual(['3.']);
  });

  it('starts afresh beyond its window', () => {
    const far = `First, it rose. ${'It was quiet. '.repeat(50)}Third, it fell.`;
    expect(own(far)).toHaveLength(1);
    expect(own(far, { rules: { enumeration: ['warning', { window: 200 }] } })).toEqual([]);
    expect(() => own(far, { rules: { enumeration: ['warning', { window: 'far' }] } })).toThrow(
      /enumeration/,
    );
  });

  it('keeps lists apart in a long document of many lists', () => {
    const text = 'First, it rose. Second, it fell. Fourth, it ran out.\n\n'.repeat(400);
    const found = own(text);
    expect(found).toHaveLength(400);
    expect(new Set(found.map((d) => d.message))).toEqual(
      new Set(['This list goes from point 2 to point 4: is a point missing?']),
    );
  });

  it('ignores ordinals that do not open a point', () => {
    expect(own('He was first, she was second, and they were fourth.')).toEqual([]);
    expect(own('The first is cheap. Secondly, the second is dear.')).toHaveLength(1);
    expect(own('Second, nobody knew what came first.')).toEqual([]);
  });
});
