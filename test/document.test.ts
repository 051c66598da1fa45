import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { VFile } from 'vfile';
import {
  createLinter,
  createRegistry,
  defineRule,
  documentOf,
  type BlockKind,
  type NewsDocument,
} from '../src/core/index.js';
import { createMtLinter, registry } from '../src/linter.js';
import { isShort } from '../src/core/document/blocks.js';
import { quotedRanges } from '../src/core/document/quotes.js';

const documentOfText = (text: string): NewsDocument => documentOf(new VFile({ value: text }));

const sentenceTexts = (document: NewsDocument): string[] =>
  document.blocks.flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.children
        .filter((node) => node.type === 'SentenceNode')
        .map((node) => document.text.slice(node.position!.start.offset, node.position!.end.offset)),
    ),
  );

describe('the NewsDocument', () => {
  it('ends sentences at line breaks', () => {
    const document = documentOfText(
      'Xi meets UN human rights chief\nThe two sides met. They talked.',
    );
    expect(sentenceTexts(document)).toEqual([
      'Xi meets UN human rights chief',
      'The two sides met.',
      'They talked.',
    ]);
  });

  it('keeps numbers whole: thousands, decimals, percentages and dates are one word each', () => {
    const text = 'It cost 2,000,000 yuan, up 18.3% or 3.5 points on 2023-02-11, and 1000% more.';
    const result = createMtLinter().lint(text);
    expect(result.summary.words).toBe(14);
    const words = documentOfText(text)
      .blocks[0]!.paragraphs[0]!.children.flatMap((s) =>
        s.type === 'SentenceNode' ? s.children : [],
      )
      .filter((node) => node.type === 'WordNode')
      .map((node) => text.slice(node.position!.start.offset, node.position!.end.offset));
    expect(words).toEqual(
      expect.arrayContaining(['2,000,000', '18.3%', '3.5', '2023-02-11', '1000%']),
    );
    // A list of numbers is not one number.
    expect(createMtLinter().lint('Rooms 12, 345 and 6 were open.').summary.words).toBe(7);
  });

  it('knows what each line is', () => {
    const text = [
      'Xi meets UN human rights chief in Guangzhou',
      'Xinhua News Agency, Beijing, February 11th.',
      'By Li Xin and Wang Yi',
      'The two sides held talks on Monday, officials said.',
      '- Measures to protect the rights of workers.',
      '“We will keep our promise.”',
      'A view of the Great Hall of the People in Beijing. (Xinhua/Li Xin)',
    ].join('\n');
    const kinds: BlockKind[] = documentOfText(text).blocks.map((block) => block.kind);
    expect(kinds).toEqual([
      'headline',
      'dateline',
      'byline',
      'prose',
      'list-item',
      'quotation',
      'caption',
    ]);
  });

  it('reads a line of more than 20 words with no full stop as prose that lost it, not a headline', () => {
    const long =
      'Since the beginning of this year, with the acceleration of centralized procurement of dental implants, price reductions have been put on the agenda';
    const kinds = documentOfText(`${long}\nEU summit debates refugee policy, officials say`).blocks;
    expect(kinds.map((block) => block.kind)).toEqual(['prose', 'headline']);
  });

  it('takes block kinds from markup', () => {
    const linter = createMtLinter();
    const seen: string[] = [];
    const probe = defineRule({
      meta: {
        id: 'probe',
        category: 'style',
        severity: 'info',
        description: 'test',
        messages: {},
        examples: { invalid: [], valid: [] },
      },
      create: () => (_tree, file) => {
        for (const block of documentOf(file).blocks) seen.push(`${block.kind}:${block.text}`);
      },
    });
    expect(linter.enabled.length).toBeGreaterThan(0);
    const probing = createLinter({}, { rules: createRegistry([probe]) });
    return import('../src/core/index.js').then(async ({ loadProcessor }) => {
      await loadProcessor('markdown');
      await loadProcessor('html');
      probing.lint('# Talks end\n\n> He said so.\n\n- first point\n', { format: 'markdown' });
      probing.lint('<h2>Talks end</h2><figure><figcaption>A view.</figcaption></figure>', {
        format: 'html',
      });
      expect(seen).toEqual([
        'headline:Talks end',
        'quotation:He said so.',
        'list-item:first point',
        'headline:Talks end',
        'caption:A view.',
      ]);
    });
  });

  it('gives a rule only the blocks of its scope', () => {
    const read: string[] = [];
    const prose = defineRule({
      meta: {
        id: 'prose-only',
        category: 'style',
        severity: 'info',
        description: 'test',
        messages: {},
        scope: ['prose'],
        examples: { invalid: [], valid: [] },
      },
      create: () => (tree, file) => {
        for (const paragraph of tree.children) {
          const { start, end } = paragraph.position!;
          read.push(String(file.value).slice(start.offset, end.offset));
        }
      },
    });
    createLinter({}, { rules: createRegistry([prose]) }).lint(
      'Talks end in Beijing\nThe two sides met.\nBy Li Xin',
    );
    expect(read).toEqual(['The two sides met.']);
  });
});

describe('line tests', () => {
  it('calls a line short when it has at most twelve words, however long they are', () => {
    // A word: a run of characters above U+0020 (the space), as the line test reads them.
    const words = (text: string) =>
      [...text].reduce<string[]>((found, char, index, chars) => {
        const inWord = char.charCodeAt(0) > 32;
        if (inWord && (index === 0 || chars[index - 1]!.charCodeAt(0) <= 32)) found.push(char);
        return found;
      }, []);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'word', '\t', ' ', '  ', '\u00a0', '—', '\n'), {
          maxLength: 60,
        }),
        (parts) => {
          const text = parts.join('');
          expect(isShort(text)).toBe(words(text).length <= 12);
        },
      ),
    );
    expect(isShort('By Li Xin and Wang Yi')).toBe(true);
    expect(isShort('one two three four five six seven eight nine ten eleven twelve thirteen')).toBe(
      false,
    );
  });

  it('finds curly and straight quotations by character', () => {
    expect(quotedRanges([{ start: 10, text: 'He said “yes” and "no" then ”' }])).toEqual([
      [10, 39],
    ]);
    expect(quotedRanges([{ start: 0, text: 'a “b” c "d' }])).toEqual([
      [2, 5],
      [8, 10],
    ]);
  });
});

describe('findings do not depend on where a long text is cut', () => {
  it.each([16360, 16370, 16376, 16380, 16384, 16390, 17000])(
    'finds the doubled word after %i characters of one word',
    (length) => {
      const text = `${'x'.repeat(length)} The the cat.`;
      const found = createMtLinter()
        .lint(text)
        .diagnostics.filter((d) => d.ruleId === 'repeated-words');
      expect(found.map((d) => d.excerpt)).toEqual(['The the']);
    },
  );

  it('counts a word of 17,000 characters as one word', () => {
    expect(createMtLinter().lint(`${'x'.repeat(17000)} is long.`).summary.words).toBe(3);
  });

  it('gives the same diagnostics however small the parsed pieces', () => {
    const small = createMtLinter({}, { maxPiece: 40 });
    const whole = createMtLinter();
    const sentence = fc.constantFrom(
      'The talks ended.',
      'They met her respectively. .',
      'It was was a success.',
      'Ms. Bachelet said "yes." Then left.',
      'He visited the U.S. and met officials.',
      'echo.',
      'It cost 2,000 yuan, up 18.3%.',
      'which have won the support and support of the world.',
    );
    const line = fc.array(sentence, { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
    const text = fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, (value) => {
        expect(small.lint(value)).toEqual(whole.lint(value));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the engine', () => {
  const rule = (id: string, severity: 'error' | 'info', fail = false) =>
    defineRule({
      meta: {
        id,
        category: 'style',
        severity,
        description: 'test',
        messages: { found: 'found by {{id}}' },
        examples: { invalid: [], valid: [] },
      },
      create:
        (_options, { report }) =>
        (_tree, file) => {
          report(file, { at: { start: 0, end: 4 }, messageId: 'found', data: { id } });
          if (fail) throw new Error(`${id} broke`);
        },
    });

  it('names a rule that crashes and keeps the other rules’ findings', () => {
    const linter = createLinter(
      {},
      { rules: createRegistry([rule('first', 'info'), rule('broken', 'error', true)]) },
    );
    const result = linter.lint('Some text.');
    expect(result.ruleErrors).toEqual([{ ruleId: 'broken', message: 'broken broke' }]);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['first']);
  });

  it('keeps the most severe of findings of different rules on the same span', () => {
    const linter = createLinter(
      {},
      { rules: createRegistry([rule('mild', 'info'), rule('severe', 'error')]) },
    );
    const { diagnostics, summary } = linter.lint('Some text.');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['severe']);
    expect(summary).toMatchObject({ errors: 1, infos: 0 });
  });

  it('applies inline directives in plain text, and reports unused ones when asked', () => {
    const text =
      '<!-- mtlint-disable-next-line stray-punctuation -->\nThey met her. . Then left.\n<!-- mtlint-disable calque -->\nIt was done. , experts came.';
    const result = createMtLinter({}, { reportUnusedDirectives: true }).lint(text);
    const found = result.diagnostics.map((d) => `${d.ruleId}:${d.line}`);
    expect(found).toContain('stray-punctuation:4');
    expect(found).not.toContain('stray-punctuation:2');
    expect(found).toContain('unused-directive:3');
    // The directive line is not prose: nothing else is reported on it.
    expect(result.diagnostics.filter((d) => d.line === 1)).toEqual([]);
  });

  it('never reports outside the text, whatever the input', () => {
    const linter = createMtLinter();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const d of linter.lint(text).diagnostics) {
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.offset + d.length).toBeLessThanOrEqual(text.length);
          expect(text.slice(d.offset, d.offset + d.length)).toBe(d.excerpt);
        }
      }),
      { numRuns: 300 },
    );
    expect(registry.size).toBeGreaterThan(10);
  });
});
