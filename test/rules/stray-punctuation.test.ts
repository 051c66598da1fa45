import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SPACE_BEFORE, unbalanced } from '../../rules/stray-punctuation/index.js';
import { linterFor } from './lint-helper.js';
import { testRule } from '../helpers/rule-tester.js';

const lint = linterFor('stray-punctuation');

describe('stray-punctuation', () => {
  it('finds a space before a mark exactly where the look-behind-first expression does', () => {
    const lookBehindFirst = /(?<=[\p{L}\p{N}"'”’)\]])[ \t]+(?:[,;:?!]|\.(?![.\p{N}]| \.))/gu;
    const found = (pattern: RegExp, text: string) =>
      [...text.matchAll(pattern)].map((match) => [match.index, match[0]]);
    const pieces = fc.constantFrom(...[...'aZ5é𝐀"\'”’)]([ \t\n.,;:?!…-x'], ' .', ' ,');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(found(SPACE_BEFORE, text)).toEqual(found(lookBehindFirst, text));
      }),
      { numRuns: 2000 },
    );
    expect(found(SPACE_BEFORE, 'said , and 𝐀 . . . ok ?')).toEqual([
      [4, ' ,'],
      [22, ' ?'],
    ]);
  });

  it('flags the doubled stop of the seed article and suggests dropping it', () => {
    const text = 'The heads met and held talks with her respectively. .';
    const [found] = lint(text);
    expect(found?.excerpt).toBe(' .');
    expect(found?.suggestions).toEqual(['']);
  });

  it('flags the orphaned comma of a lost clause, not the stop before it, and gives the next word its capital', () => {
    const text = 'They discussed labor rights protection. , experts and scholars came to discuss.';
    const found = lint(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.excerpt).toBe(', experts');
    expect(found[0]?.suggestions).toEqual(['Experts']);
    expect(found[0]?.message).toMatch(/lost/);
  });

  it('replaces each full-width mark with its English counterpart, spaced before a word', () => {
    const found = lint('The minister said，the plan works；it is good。');
    expect(found.map((d) => [d.excerpt, d.suggestions[0]])).toEqual([
      ['，', ', '],
      ['；', '; '],
      ['。', '.'],
    ]);
  });

  it('leaves full-width marks inside untranslated Chinese to the untranslated rule', () => {
    expect(lint('The slogan 中国梦，复兴梦 was used.')).toEqual([]);
    expect(lint('The slogan 中国梦，复兴梦 was used.')).toEqual([]);
  });

  it('reports unbalanced brackets and quotes as warnings without a mechanical fix', () => {
    const found = lint('The delegation (led by the minister arrived on Monday.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ excerpt: '(', severity: 'warning', suggestions: [] });
  });

  it('does not treat curly quotes as Chinese punctuation', () => {
    expect(lint('He said “the plan works” and left.')).toEqual([]);
  });
});

describe('unbalanced', () => {
  const kinds = (text: string) => unbalanced(text).map(({ kind, at }) => `${kind}@${at}`);

  it('matches quotes across lines, as sentence-per-line MT output splits them', () => {
    expect(kinds('She said: "The video was good.\nIt was seen by many," she added.')).toEqual([]);
    expect(kinds('He said: “The plan began.\nAnd ran on.” Then he left.')).toEqual([]);
  });

  it('accepts a quotation reopened at each new paragraph', () => {
    expect(kinds('“The first part.\n“The second part,” he said.')).toEqual([]);
  });

  it('flags a closing bracket that closes nothing, but not a list label', () => {
    expect(kinds('The rules: 1) be brief, 2) be clear.')).toEqual([]);
    expect(kinds('They arrived) and left.')).toEqual(['unopened@12']);
  });

  it('ignores inch marks and apostrophes', () => {
    expect(kinds("He is 6' 2\" tall and it's Bachelet’s plan.")).toEqual([]);
  });

  it('flags a quotation opened mid-paragraph and never closed', () => {
    expect(kinds('He said "the plan will work and left.')).toEqual(['unclosed@8']);
  });

  it('stays linear on long unbalanced input', () => {
    const text = '('.repeat(50_000) + ')'.repeat(10);
    expect(unbalanced(text)).toHaveLength(49_990);
  });
});

testRule('stray-punctuation', {
  valid: ['He said: "Yes."', 'See p. 4, line 2.', 'The U.S. and China agreed.'],
  invalid: [
    {
      text: 'They met her respectively. . Then they left.',
      errors: [{ messageId: 'doubled', excerpt: ' .', suggestions: [''] }],
    },
    {
      text: 'It was done. , experts and scholars came.',
      errors: [{ messageId: 'orphan', excerpt: ', experts', suggestions: ['Experts'] }],
    },
    {
      text: 'The visit was a success .',
      errors: [{ messageId: 'spaceBefore', excerpt: ' .', suggestions: ['.'] }],
    },
    {
      text: 'The delegation (led by the minister arrived.',
      errors: [{ messageId: 'unclosed', excerpt: '(', severity: 'warning' }],
    },
  ],
});
