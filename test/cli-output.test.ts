/**
 * What the report looks like: --quiet, custom formatters, colour, and the stylish columns (display
 * width, wrapping). CLI runs use the built command: `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { terminalWidth, useColor } from '../src/cli/terminal.js';
import { wrap } from '../src/formatters/stylish.js';
import { json, mtlint } from './helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtlint-output-'));
  // An error (doubled full stop), a warning (merged sentence) and Chinese left untranslated.
  writeFileSync(
    join(dir, 'story.txt'),
    'The talks began on Monday. . Officials met the The delegation from 北京 arrived later.\n',
  );
  writeFileSync(join(dir, 'clean.txt'), 'The minister arrived in Beijing on Monday.\n');
  writeFileSync(
    join(dir, 'formatter.mjs'),
    [
      'export default async (report, options) =>',
      '  report.files.map((f) => `${f.path} ${f.result.diagnostics.map((d) => d.ruleId).join(",")}`)',
      '    .join("\\n") + ` width=${options.width} color=${options.color}\\n`;',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'number.mjs'), 'export default () => 42;\n');
  writeFileSync(join(dir, 'throws.mjs'), 'export default () => { throw new Error("boom"); };\n');
  writeFileSync(join(dir, 'object.mjs'), 'export default { format() {} };\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => mtlint(args, { cwd: dir, env });

describe('--quiet', () => {
  it('reports errors only; warnings still count for the gate and the exit code', () => {
    const all = json(run(['story.txt', '--format', 'json']));
    const severities = new Set(all.files[0]!.diagnostics.map((d) => d.severity));
    expect(severities.has('error') && severities.size > 1).toBe(true);

    const quiet = run(['story.txt', '--format', 'json', '--quiet']);
    const shown = json(quiet).files[0]!.diagnostics;
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((d) => d.severity === 'error')).toBe(true);
    expect(shown).toEqual(all.files[0]!.diagnostics.filter((d) => d.severity === 'error'));
    expect(json(quiet).totals.warnings).toBe(0);
    expect(quiet.status).toBe(1);

    const warnings = all.totals.warnings;
    const gated = run([
      'story.txt',
      '--quiet',
      '--rule',
      'stray-punctuation:off',
      '--max-warnings',
      '0',
    ]);
    expect(warnings).toBeGreaterThan(0);
    expect(gated.status).toBe(1);
    expect(gated.stdout).toContain('--max-warnings 0');
  });
});

describe('--format with a module path', () => {
  it('loads the default export and gives it the report and the options', () => {
    const result = run(['story.txt', 'clean.txt', '--format', './formatter.mjs']);
    expect(result.stdout).toMatch(/^clean\.txt $/m);
    expect(result.stdout).toMatch(/^story\.txt .*stray-punctuation/m);
    expect(result.stdout).toContain('width=80 color=false');
    expect(result.status).toBe(1);
  });

  it('is exit 2 with a clear message when the module cannot be used', () => {
    const cases: [string, string][] = [
      ['./missing.mjs', 'Cannot load the formatter ./missing.mjs'],
      ['./number.mjs', 'The formatter ./number.mjs returned number, not a string'],
      ['./throws.mjs', 'The formatter ./throws.mjs failed: boom'],
      ['./object.mjs', 'The formatter ./object.mjs must export a function'],
      ['nope', '--format "nope" is not one of stylish, json'],
    ];
    for (const [format, message] of cases) {
      const result = run(['clean.txt', '--format', format]);
      expect([format, result.status]).toEqual([format, 2]);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('colour', () => {
  it('FORCE_COLOR, NO_COLOR and the flags decide (standard output is not a terminal here)', () => {
    const red = '\u001b[31merror';
    expect(run(['story.txt']).stdout).not.toContain('\u001b[');
    expect(run(['story.txt'], { FORCE_COLOR: '1' }).stdout).toContain(red);
    expect(run(['story.txt'], { FORCE_COLOR: '0', NO_COLOR: '' }).stdout).not.toContain('\u001b[');
    expect(run(['story.txt', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(run(['story.txt', '--color']).stdout).toContain(red);
  });

  it('useColor: flag, then FORCE_COLOR, then NO_COLOR and TERM=dumb, then the terminal', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(useColor({ flag: false, env: { FORCE_COLOR: '1' }, stream: tty })).toBe(false);
    expect(useColor({ flag: true, env: { NO_COLOR: '1' }, stream: pipe })).toBe(true);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: '' }, stream: pipe })).toBe(true);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: '3' }, stream: pipe })).toBe(true);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: 'false' }, stream: tty })).toBe(false);
    expect(useColor({ flag: undefined, env: { FORCE_COLOR: '0' }, stream: tty })).toBe(false);
    expect(useColor({ flag: undefined, env: { NO_COLOR: '1' }, stream: tty })).toBe(false);
    expect(useColor({ flag: undefined, env: { NO_COLOR: '' }, stream: tty })).toBe(true);
    expect(useColor({ flag: undefined, env: { TERM: 'dumb' }, stream: tty })).toBe(false);
    expect(useColor({ flag: undefined, env: {}, stream: tty })).toBe(true);
    expect(useColor({ flag: undefined, env: {}, stream: pipe })).toBe(false);
  });
});

describe('stylish columns', () => {
  it('terminalWidth: the terminal, else COLUMNS, else 80', () => {
    expect(
      terminalWidth({
        flag: undefined,
        env: { COLUMNS: '50' },
        stream: { isTTY: true, columns: 132 },
      }),
    ).toBe(132);
    expect(
      terminalWidth({ flag: undefined, env: { COLUMNS: '50' }, stream: { isTTY: false } }),
    ).toBe(50);
    expect(terminalWidth({ flag: undefined, env: { COLUMNS: 'wide' }, stream: {} })).toBe(80);
    expect(terminalWidth({ flag: undefined, env: {}, stream: {} })).toBe(80);
  });

  it('wraps the message column to the terminal and keeps every rule id on its first line', () => {
    for (const columns of [70, 80, 100]) {
      const out = run(['story.txt'], { COLUMNS: String(columns) }).stdout;
      const rows = out
        .split('\n')
        .filter((line) => line.startsWith('story.txt:') && /:\d+:\d+ /.test(line));
      const report = json(run(['story.txt', '--format', 'json']));
      expect(rows).toHaveLength(report.files[0]!.diagnostics.length);
      // Each first line ends with its rule id, and all rule ids start in the same column.
      const ids = report.files[0]!.diagnostics.map((d) => d.ruleId);
      rows.forEach((row, index) => expect(row.endsWith(ids[index]!)).toBe(true));
      const starts = rows.map((row, index) => stringWidth(row) - stringWidth(ids[index]!));
      expect(new Set(starts).size).toBe(1);
      // No line is wider than the terminal (the message column has room at these widths).
      for (const line of out
        .split('\n')
        .filter((l) => !l.startsWith('story.txt: ') && !l.startsWith('✖'))) {
        expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('aligns by display width: Chinese in a message takes two columns a character', () => {
    writeFileSync(join(dir, 'zh.txt'), 'It was was fine. . The talks began 北京.\n');
    const out = run(['zh.txt'], { COLUMNS: '200' }).stdout;
    const rows = out.split('\n').filter((line) => /^zh\.txt:\d+:\d+ /.test(line));
    const ids = json(run(['zh.txt', '--format', 'json'])).files[0]!.diagnostics.map(
      (d) => d.ruleId,
    );
    expect(rows).toHaveLength(3);
    expect(rows.some((row) => row.includes('北京'))).toBe(true);
    // The rule ids start in the same terminal column, after the message with `北京` too.
    const idAt = rows.map((row, index) => stringWidth(row) - stringWidth(ids[index]!));
    expect(new Set(idAt).size).toBe(1);
    // The message column is as wide as the longest message, not padded to the terminal.
    expect(Math.max(...rows.map((row) => stringWidth(row)))).toBeLessThan(200);
  });

  it('wrap breaks at spaces and between Chinese characters, never wider than asked', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('short', 20)).toEqual(['short']);
    const chinese = wrap('Full-width `。` is Chinese 中华人民共和国国务院 punctuation', 12);
    for (const line of chinese) expect(stringWidth(line)).toBeLessThanOrEqual(12);
    expect(chinese.join('').replace(/\s/g, '')).toBe(
      'Full-width`。`isChinese中华人民共和国国务院punctuation',
    );
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
