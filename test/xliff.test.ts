/**
 * XLIFF 1.2 and 2.x: the targets are linted as English prose, the sources are the source side, and
 * every position (of a finding, of its source, of the alignment) points into the XLIFF file itself,
 * through character references and inline codes. Malformed XML is a clear error everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DocumentError, loadProcessor, processorFor, type Diagnostic } from '../src/core/index.js';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { lint } from '../src/index.js';
import { createMtLinter } from '../src/linter.js';
import { json, mtlint, ROOT } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'xliff');
const v12 = readFileSync(join(FIXTURES, 'story-1.2.xlf'), 'utf8');
const v20 = readFileSync(join(FIXTURES, 'story-2.0.xlf'), 'utf8');

const at = (file: string, offset: number, length: number) => file.slice(offset, offset + length);
const excerptIsFileText = (file: string, diagnostics: Diagnostic[]) => {
  for (const d of diagnostics) expect(at(file, d.offset, d.length)).toBe(d.excerpt);
};

beforeAll(async () => {
  await loadProcessor('xliff');
});

describe('the XLIFF processor', () => {
  it('1.2: targets are the prose, sources the source; untranslated and translate="no" units are left out', () => {
    const prose = processorFor('xliff').process(v12);
    expect(prose.text).toBe(
      'Chinese Premier Li Qiang said the economy grew 6.2 percent in 2023.\n\n' +
        'Exports \u2022 rose & imports fell. .\n\n',
    );
    expect(prose.source!.text).toBe(
      '国务院总理李强表示，2023年经济增长5.2%。\n\n出口\u2022增长。\n\n',
    );
    // `&amp;` is one character of prose that stands for the whole reference in the file.
    const amp = prose.text.indexOf('&');
    expect(at(v12, prose.starts![amp]!, prose.ends![amp]! - prose.starts![amp]!)).toBe('&amp;');
    // The placeholder stands for the whole inline code.
    const code = prose.text.indexOf('\u2022');
    expect(v12.slice(prose.starts![code]!, prose.ends![code]!)).toBe('<x id="img"/>');
  });

  it('2.0: the segments of a unit are one block, kept apart; <pc> is prose, <ph/> a placeholder', () => {
    const prose = processorFor('xliff').process(v20);
    expect(prose.text).toBe('He said exports grew 7.1 percent & more. Imports \u2022 fell. .\n\n');
    expect(prose.source!.text).toBe('她说，出口增长了7.1%。 进口\u2022下降。\n\n');
  });

  it('2.0: <cp/> is the character it names; <sc/>, <ec/> and other vocabularies are not prose', () => {
    const file =
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:m="urn:x" version="2.1" srcLang="zh" trgLang="en"><file id="f"><unit id="u"><segment>' +
      '<source>一</source><target>A<cp hex="00A0"/>B <sc id="1"/>bold<ec startRef="1"/><m:note>not this</m:note> text</target>' +
      '</segment></unit></file></xliff>';
    const prose = processorFor('xliff').process(file);
    expect(prose.text).toBe('A\u00a0B bold text\n\n');
    const nbsp = prose.text.indexOf('\u00a0');
    expect(file.slice(prose.starts![nbsp]!, prose.ends![nbsp]!)).toBe('<cp hex="00A0"/>');
  });

  it('malformed XML or a file that is not XLIFF is a DocumentError naming the line', () => {
    const process = (file: string) => () => processorFor('xliff').process(file);
    expect(process('<xliff version="1.2">\n<file><body>\n</file>')).toThrow(
      new DocumentError(
        'The XLIFF file is not well-formed XML: line 3, column 7: unexpected close tag',
      ),
    );
    expect(process('<html><body/></html>')).toThrow(/line 1: the root element is <html>/);
    expect(process('<xliff version="3.0"/>')).toThrow(/version "3.0" is not supported/);
    expect(process('')).toThrow(DocumentError);
  });
});

describe('linting XLIFF', () => {
  it('reports findings with offsets into the file, through entities and inline tags (1.2)', () => {
    const { diagnostics } = createMtLinter().lint(v12, { format: 'xliff' });
    expect(diagnostics.map((d) => [d.ruleId, d.excerpt, d.line])).toEqual([
      ['number-mismatch', '6.2 percent', 7],
      ['stray-punctuation', ' .', 11],
    ]);
    excerptIsFileText(v12, diagnostics);
    // After `&amp;` the prose is shorter than the file: the offset is the file's.
    const stray = diagnostics[1]!;
    expect(stray.offset).toBe(v12.indexOf('fell. .') + 'fell.'.length);
    // The number is found through the unit's source, and its source offset is in the file too.
    const number = diagnostics[0]!;
    expect(number.offset).toBe(v12.indexOf('6.2 percent'));
    expect(at(v12, number.sourceOffset!, number.sourceLength!)).toBe('5.2%');
    expect(number.sourceOffset).toBe(v12.indexOf('5.2%'));
  });

  it('reports findings through the source in 2.0, and a character reference in the excerpt', () => {
    const { diagnostics } = createMtLinter().lint(v20, { format: 'xliff' });
    expect(diagnostics.map((d) => [d.ruleId, d.excerpt])).toEqual([
      ['gender-mismatch', 'He'],
      ['stray-punctuation', ' &#46;'],
    ]);
    excerptIsFileText(v20, diagnostics);
    const gender = diagnostics[0]!;
    expect(at(v20, gender.sourceOffset!, gender.sourceLength!)).toBe('她');
  });

  it('the alignment pairs each target with its source, in the file', async () => {
    const { alignment } = await lint(v12, { format: 'xliff', alignment: true });
    expect(
      alignment!.map((p) => [
        at(v12, p.offset!, p.length!),
        at(v12, p.sourceOffset!, p.sourceLength!),
      ]),
    ).toEqual([
      [
        'Chinese Premier <g id="b1">Li Qiang</g> said the economy grew 6.2 percent in 2023.',
        '国务院总理<g id="b1">李强</g>表示，2023年经济增长5.2%。',
      ],
      ['Exports <x id="img"/> rose &amp; imports fell. .', '出口<x id="img"/>增长。'],
    ]);
  });

  it('a source given separately wins over the file’s own', async () => {
    const own = await lint(v12, { format: 'xliff' });
    expect(own.diagnostics.some((d) => d.ruleId === 'number-mismatch')).toBe(true);
    const given = await lint(v12, {
      format: 'xliff',
      source: '国务院总理李强表示，2023年经济增长6.2%。\n\n出口增长。',
    });
    expect(given.diagnostics.some((d) => d.ruleId === 'number-mismatch')).toBe(false);
  });

  it('the Node API rejects malformed XLIFF with a DocumentError', async () => {
    await expect(lint('<xliff version="2.0"><file>', { format: 'xliff' })).rejects.toThrow(
      DocumentError,
    );
  });
});

describe('XLIFF over HTTP', () => {
  const app = () => createApp({ lintService: createInProcessLintService(), defaultMetrics: false });

  it('lints `format: "xliff"`, positions in the file', async () => {
    const res = await request(app()).post('/v1/lint').send({ text: v20, format: 'xliff' });
    expect(res.status).toBe(200);
    excerptIsFileText(v20, res.body.diagnostics);
    expect(res.body.diagnostics.map((d: Diagnostic) => d.ruleId)).toContain('gender-mismatch');
  });

  it('answers malformed XLIFF with 400 invalid_document naming the line', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .send({ text: '<xliff version="1.2">\n<file></xliff>', format: 'xliff' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_document');
    expect(res.body.error.message).toMatch(/not well-formed XML: line 2/);
  });
});

describe('XLIFF on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mtlint-xliff-'));
    copyFileSync(join(FIXTURES, 'story-1.2.xlf'), join(dir, 'story.xlf'));
    copyFileSync(join(FIXTURES, 'story-2.0.xlf'), join(dir, 'brief.xliff'));
    // A pairing rule does not apply to a file that carries its own source.
    writeFileSync(join(dir, '.mtlintrc.json'), '{"source": "{dir}/{base}.zh{ext}"}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds .xlf and .xliff files in a folder and lints them against their own sources', () => {
    const run = mtlint(['.', '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const files = json(run).files;
    expect(files.map((f) => f.path)).toEqual(['brief.xliff', 'story.xlf']);
    const number = files[1]!.diagnostics.find((d) => d.ruleId === 'number-mismatch')!;
    expect(at(v12, number.offset, number.length)).toBe('6.2 percent');
  });

  it('malformed XLIFF is exit 2 with a message naming the file and the line', () => {
    writeFileSync(join(dir, 'bad.xlf'), '<xliff version="1.2">\n<file>\n<body></file>');
    const run = mtlint(['bad.xlf'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.xlf: The XLIFF file is not well-formed XML: line 3/);
  });
});
