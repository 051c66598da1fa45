/**
 * The Node API (`import { lint, createLinter } from 'mtlint'`): the same result as the HTTP
 * service's `POST /v1/lint`, Markdown and HTML through the command line's processors, clear errors
 * for bad arguments; and the cap on listed diagnostics, which never shortens a count.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import {
  ConfigError,
  createLinter,
  createReport,
  formatters,
  lint,
  type LintResult,
} from '../src/index.js';
import { ROOT } from './helpers/cli.js';

const seed = readFileSync(join(ROOT, 'samples', 'xinhua-bachelet-visit.txt'), 'utf8');

function httpApp(maxDiagnostics?: number) {
  const lintService = createInProcessLintService(maxDiagnostics ? { maxDiagnostics } : {});
  return createApp({
    lintService,
    defaultMetrics: false,
    ...(maxDiagnostics ? { settings: { maxDiagnostics } } : {}),
  });
}

async function httpLint(body: object, maxDiagnostics?: number): Promise<LintResult> {
  const response = await request(httpApp(maxDiagnostics)).post('/v1/lint').send(body);
  expect(response.status).toBe(200);
  return response.body as LintResult;
}

/** `count` copies of a paragraph with one doubled full stop (a stray-punctuation error). */
const repeated = (count: number) =>
  Array.from({ length: count }, (_, n) => `They met her ${n + 1} times. . Then they left.`).join(
    '\n\n',
  );

describe('the same result as the HTTP API', () => {
  it('lint(text) equals POST /v1/lint on the seed article', async () => {
    const result = await lint(seed);
    expect(result.diagnostics.length).toBeGreaterThan(5);
    expect(result).toEqual(await httpLint({ text: seed }));
  });

  it('createLinter(config).lint(text) equals POST /v1/lint with that config', async () => {
    const config = { extends: 'all' as const, rules: { 'stray-punctuation': 'warning' as const } };
    const linter = createLinter(config);
    const result = await linter.lint(seed, { format: 'text' });
    expect(result.diagnostics.some((d) => d.ruleId === 'stray-punctuation')).toBe(true);
    expect(
      result.diagnostics.every((d) => d.ruleId !== 'stray-punctuation' || d.severity === 'warning'),
    ).toBe(true);
    expect(result).toEqual(await httpLint({ text: seed, config }));
    expect(linter.rules).toContainEqual({ id: 'stray-punctuation', severity: 'warning' });
  });
});

describe('formats', () => {
  it('markdown: only prose is linted, positions point into the Markdown', async () => {
    const source =
      '# Visit\n\n```\nThey met. . code\n```\n\nThey met [her](http://x.org). . Then.\n';
    const result = await lint(source, { format: 'markdown' });
    const stray = result.diagnostics.filter((d) => d.ruleId === 'stray-punctuation');
    expect(stray).toHaveLength(1);
    expect(stray[0]).toMatchObject({ line: 7, excerpt: ' .' });
    expect(source.slice(stray[0]!.offset, stray[0]!.offset + stray[0]!.length)).toBe(' .');
  });

  it('html: tags are not prose; inline directives apply and the counts follow', async () => {
    const source =
      '<p>They met her. . Then they left.</p>\n<!-- mtlint-disable-next-line -->\n<p>He came. . Then.</p>\n';
    const result = await lint(source, { format: 'html' });
    const stray = result.diagnostics.filter((d) => d.ruleId === 'stray-punctuation');
    expect(stray.map((d) => d.line)).toEqual([1]);
    expect(result.summary.errors).toBe(
      result.diagnostics.filter((d) => d.severity === 'error').length,
    );
  });

  it('the formatters render a result through createReport', async () => {
    const result = await lint('They met her. . Then they left.');
    const report = createReport([{ path: 'story.txt', result }]);
    expect(formatters.stylish(report)).toContain('story.txt:1:14  error');
    expect(JSON.parse(formatters.json(report)).totals).toMatchObject({ files: 1, errors: 1 });
  });
});

describe('the alignment with a source', () => {
  const text = '<p>Exports <b>rose</b> 7.1 percent.</p>\n<p>Imports fell.</p>\n';
  const source = '出口增长7.1%。\n\n进口下降。\n';

  it('lint and createLinter give the same pairs, offsets into the HTML as given', async () => {
    const options = { format: 'html', source, alignment: true } as const;
    const result = await lint(text, options);
    const pairs = result.alignment!.map(({ offset, length, sourceOffset, sourceLength }) => [
      text.slice(offset!, offset! + length!),
      source.slice(sourceOffset!, sourceOffset! + sourceLength!),
    ]);
    expect(pairs).toEqual([
      ['Exports <b>rose</b> 7.1 percent.', '出口增长7.1%。'],
      ['Imports fell.', '进口下降。'],
    ]);
    expect((await createLinter().lint(text, options)).alignment).toEqual(result.alignment);
    expect(await lint(text, { format: 'html', source })).not.toHaveProperty('alignment');
  });

  it('refuses an alignment option that is not a boolean', async () => {
    await expect(
      lint('x', { source: '中文', alignment: 'yes' as unknown as boolean }),
    ).rejects.toThrow('alignment must be true or false, got string');
  });
});

describe('bad arguments are clear errors', () => {
  it('rejects a text that is not a string, an unknown format, a source that is not a string', async () => {
    await expect(lint(42 as unknown as string)).rejects.toThrow(
      new TypeError('mtlint: the text must be a string, got number'),
    );
    await expect(lint('x', { format: 'rst' as 'text' })).rejects.toThrow(
      'format must be one of text, markdown, html, xliff, got "rst"',
    );
    await expect(lint('x', { source: ['中文'] as unknown as string })).rejects.toThrow(
      'source must be a string, got an array',
    );
    await expect(lint('They met.', { source: '他们见面了。' })).resolves.toMatchObject({
      diagnostics: [],
    });
  });

  it('an unknown rule or a bad option is a ConfigError naming the rule', async () => {
    expect(() => createLinter({ rules: { 'no-such-rule': 'error' } })).toThrow(ConfigError);
    await expect(lint('x', { config: { rules: { 'no-such-rule': 'error' } } })).rejects.toThrow(
      'Unknown rule "no-such-rule"',
    );
    expect(() => createLinter({}, { maxDiagnostics: -1 })).toThrow(TypeError);
  });
});

describe('the diagnostics cap shortens the list, never the counts', () => {
  it('HTTP: summary counts every finding, truncated says the list was cut', async () => {
    const text = repeated(30);
    const full = await httpLint({ text });
    const capped = await httpLint({ text }, 5);
    expect(full.summary.errors).toBeGreaterThanOrEqual(30);
    expect(full.summary.truncated).toBe(false);
    expect(capped.diagnostics).toEqual(full.diagnostics.slice(0, 5));
    expect(capped.summary).toEqual({ ...full.summary, truncated: true });
  });

  it('Node API: maxDiagnostics, for text and Markdown alike', async () => {
    const text = repeated(30);
    for (const format of ['text', 'markdown'] as const) {
      const full = await createLinter({}, { maxDiagnostics: Infinity }).lint(text, { format });
      const capped = await createLinter({}, { maxDiagnostics: 4 }).lint(text, { format });
      expect(capped.diagnostics).toEqual(full.diagnostics.slice(0, 4));
      expect(capped.summary).toEqual({ ...full.summary, truncated: true });
      expect(full.summary.errors).toBe(
        full.diagnostics.filter((d) => d.severity === 'error').length,
      );
    }
  });
});
