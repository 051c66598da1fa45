import { describe, expect, it } from '@jest/globals';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import {
  ConfigError,
  createLinter,
  createRegistry,
  defineRule,
  loadProcessor,
  parseDocument,
  pieceBoundaries,
} from '../src/core/index.js';
import { createMtLinter, registry } from '../src/linter.js';

const parser = unified().use(retextEnglish).freeze();
const parsePiece = (text: string) => parser.parse(text) as Root;

interface AnyNode {
  type: string;
  value?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: AnyNode[];
}

function leaves(node: AnyNode, out: AnyNode[] = []): AnyNode[] {
  if (node.children) for (const child of node.children) leaves(child, out);
  else out.push(node);
  return out;
}

describe('parseDocument', () => {
  const paragraph = 'Ms. Bachelet visited Guangzhou. She met officials there, and left.';
  const text = Array.from({ length: 200 }, (_, i) => `${i}: ${paragraph}`).join('\n\n  ');

  it('parses long text in bounded pieces with exact offsets', () => {
    expect(pieceBoundaries(text, 500).length).toBeGreaterThan(10);
    const tree = parseDocument(text, parsePiece, 500);
    for (const leaf of leaves(tree as AnyNode)) {
      const { start, end } = leaf.position!;
      expect(text.slice(start.offset, end.offset)).toBe(leaf.value);
    }
  });

  it('yields the same words as parsing the whole text at once', () => {
    const words = (tree: Root) =>
      leaves(tree as AnyNode)
        .filter((leaf) => leaf.type === 'TextNode')
        .map((leaf) => `${leaf.position!.start.offset}:${leaf.value}`);
    expect(words(parseDocument(text, parsePiece, 500))).toEqual(words(parsePiece(text)));
  });

  it('cuts before the white space that holds a line break, even in long runs of spaces', () => {
    const text = ('Closing words.' + ' '.repeat(300) + '\n').repeat(20);
    const cuts = pieceBoundaries(text, 1000);
    expect(cuts.length).toBeGreaterThan(5);
    for (const cut of cuts) {
      expect(text.slice(cut - 1, cut)).toBe('.');
      expect(text.slice(cut, cut + 301)).toBe(' '.repeat(300) + '\n');
    }
  });

  it('cuts a paragraph with no line breaks at sentence ends, and text with no spaces anywhere', () => {
    const long = 'One sentence here. '.repeat(100);
    for (const cut of pieceBoundaries(long, 300)) expect(long.slice(cut - 2, cut)).toBe('. ');
    const solid = '😀'.repeat(1000);
    const cuts = pieceBoundaries(solid, 301);
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts) expect(cut % 2).toBe(0);
  });
});

describe('createLinter', () => {
  it('rejects an unknown rule, naming it', () => {
    expect(() => createMtLinter({ rules: { 'no-such-rule': 'error' } })).toThrow(
      /Unknown rule "no-such-rule"/,
    );
  });

  it('rejects bad options, naming the rule and the field', () => {
    try {
      createMtLinter({ rules: { readability: ['info', { age: 'old' }] } });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).ruleId).toBe('readability');
      expect((error as Error).message).toMatch(/readability.*age/);
    }
  });

  it('rejects a bad severity and an unknown preset', () => {
    expect(() => createMtLinter({ rules: { readability: 'loud' } })).toThrow(ConfigError);
    expect(() => createMtLinter({ extends: 'strict' })).toThrow(ConfigError);
  });

  it('turns rules off and changes severities', () => {
    const text = 'They met her respectively. . Then they left.';
    expect(
      createMtLinter({ rules: { 'stray-punctuation': 'off' } }).lint(text).diagnostics,
    ).toEqual([]);
    const [diagnostic] = createMtLinter({ rules: { 'stray-punctuation': 'warning' } }).lint(
      text,
    ).diagnostics;
    expect(diagnostic?.severity).toBe('warning');
  });

  it('reports the public diagnostic shape with exact places', () => {
    const text = 'Title\r\nThey met her respectively. . Then they left.';
    const { diagnostics, summary } = createMtLinter().lint(text);
    expect(diagnostics).toEqual([
      {
        ruleId: 'stray-punctuation',
        severity: 'error',
        category: 'fluency/punctuation',
        message: 'Unexpected `. .`: doubled punctuation, expected `.`',
        offset: 33,
        length: 2,
        line: 2,
        column: 27,
        endLine: 2,
        endColumn: 29,
        excerpt: ' .',
        suggestions: [''],
        url: 'rules/stray-punctuation/README.md',
        messageId: 'doubled',
        fix: '',
      },
    ]);
    expect(summary).toMatchObject({ errors: 1, warnings: 0, infos: 0, words: 8, truncated: false });
    expect(summary.categories).toEqual({ 'fluency/punctuation': 1 });
    expect(summary.penalty).toBeCloseTo((5 * 100) / 8, 2);
  });

  it('caps the list of diagnostics and says so; the summary still counts them all', () => {
    const text = 'It ended. . '.repeat(20);
    const { diagnostics, summary } = createMtLinter({}, { maxDiagnostics: 5 }).lint(text);
    expect(diagnostics).toHaveLength(5);
    expect(summary.truncated).toBe(true);
    const full = createMtLinter().lint(text);
    expect(full.summary.errors).toBeGreaterThanOrEqual(20);
    expect(summary).toEqual({ ...full.summary, truncated: true });
  });

  it('caps a finding at the severity its rule reports', () => {
    const unsure = defineRule({
      meta: {
        id: 'unsure',
        category: 'style',
        severity: 'error',
        description: 'test rule',
        messages: { m: 'maybe {{what}}' },
        examples: { invalid: ['x'], valid: [] },
      },
      create:
        (_options, { report }) =>
        (_tree, file) =>
          report(file, {
            at: { start: 0, end: 1 },
            messageId: 'm',
            data: { what: 'x' },
            severity: 'info',
          }),
    });
    const linter = createLinter({}, { rules: createRegistry([unsure]) });
    expect(linter.lint('x').diagnostics[0]).toMatchObject({ severity: 'info', message: 'maybe x' });
  });

  it('knows every rule by a kebab-case id', () => {
    for (const id of registry.keys()) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(() => createRegistry([...registry.values(), registry.get('readability')!])).toThrow(
      /twice/,
    );
  });
});

describe('the alignment in the result', () => {
  const text =
    '# Growth\n\nChinese Premier **Li Qiang** said the economy grew 6.2 percent in 2023. Exports rose.\n\nThe weather was fine.\n';
  const source =
    '# 增长\n\n国务院总理**李强**表示，2023年经济增长5.2%。出口增长。\n\n天气很好。\n\n他还说了别的事情，很多很多的事情。\n';
  const slice = (from: string, offset?: number, length?: number) =>
    offset === undefined ? undefined : from.slice(offset, offset + length!);

  it('pairs sentence groups in reading order, offsets into the Markdown as given', async () => {
    await loadProcessor('markdown');
    const { alignment } = createMtLinter().lint(text, {
      format: 'markdown',
      source,
      sourceFormat: 'markdown',
      alignment: true,
    });
    const pairs = alignment!.map((pair) => [
      slice(text, pair.offset, pair.length),
      slice(source, pair.sourceOffset, pair.sourceLength),
    ]);
    expect(pairs).toEqual([
      ['Growth', '增长'],
      // The bold markup lies inside the sentence: both ends map back through the processor.
      [
        'Chinese Premier **Li Qiang** said the economy grew 6.2 percent in 2023.',
        '国务院总理**李强**表示，2023年经济增长5.2%。',
      ],
      ['Exports rose.', '出口增长。'],
      ['The weather was fine.', '天气很好。'],
      // A source sentence the English left out: a 0-1 pair, without English offsets.
      [undefined, '他还说了别的事情，很多很多的事情。'],
    ]);
    expect(Object.keys(alignment![4]!)).toEqual(['sourceOffset', 'sourceLength']);
  });

  it('is given only when asked for, with a source; built even with every source rule off', () => {
    const plain = 'The economy grew 5.2 percent in 2023.';
    const zh = '2023年经济增长5.2%。';
    const linter = createMtLinter();
    expect(linter.lint(plain, { source: zh })).not.toHaveProperty('alignment');
    expect(linter.lint(plain, { alignment: true })).not.toHaveProperty('alignment');
    const off = Object.fromEntries(
      [...registry.values()].filter((r) => r.meta.needsSource).map((r) => [r.meta.id, 'off']),
    );
    const result = createMtLinter({ rules: off }).lint(plain, { source: zh, alignment: true });
    expect(result.alignment).toEqual([
      { offset: 0, length: plain.length, sourceOffset: 0, sourceLength: zh.length },
    ]);
  });

  it('is empty when the source is not this text’s', () => {
    const result = createMtLinter().lint('The economy grew.', {
      source: 'Not Chinese at all.',
      alignment: true,
    });
    expect(result.alignment).toEqual([]);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('source-mismatch');
  });
});
