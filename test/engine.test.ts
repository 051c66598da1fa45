import { describe, expect, it } from '@jest/globals';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import {
  ConfigError,
  createLinter,
  createRegistry,
  defineRule,
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
