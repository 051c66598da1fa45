/**
 * Exit codes CI relies on (0 pass, 1 findings, 2 anything else, crashes included), ignored and
 * unmatched files, and the cap on listed diagnostics: it shortens a list, never a count or a gate.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, FIXTURES, json, mtlint } from './helpers/cli.js';

const tree = join(FIXTURES, 'tree');
const temp = mkdtempSync(join(tmpdir(), 'mtlint-exit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a run whose files are all ignored passes', () => {
  it('a named file in .mtlintignore (a pre-commit hook): warning, empty report, exit 0', () => {
    const run = mtlint(['drafts/draft.txt', '--format', 'json'], { cwd: tree });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('drafts/draft.txt is ignored');
    expect(run.stderr).toContain('nothing to lint');
    expect(json(run).files).toEqual([]);
    expect(json(run).totals).toMatchObject({ files: 0, errors: 0 });
  });

  it('a glob or a directory every file of which is ignored: exit 0 with a warning', () => {
    const glob = mtlint(['drafts/*.txt'], { cwd: tree });
    expect(glob.status).toBe(0);
    expect(glob.stderr).toContain('drafts/*.txt is ignored');
    const folder = mtlint(['drafts', 'old.bak.txt'], { cwd: tree });
    expect(folder.status).toBe(0);
    expect(folder.stderr).toContain('drafts is ignored');
    expect(folder.stderr).toContain('old.bak.txt is ignored');
  });

  it('the ignored files are left out while the others are linted', () => {
    const run = mtlint(['drafts/draft.txt', 'top.txt', '--format', 'json'], { cwd: tree });
    expect(run.status).toBe(1);
    expect(json(run).files.map((file) => file.path)).toEqual(['top.txt']);
  });
});

describe('a pattern that matches nothing', () => {
  it('is an error (exit 2) by default', () => {
    for (const pattern of ['**/*.rst', 'nope.txt']) {
      const run = mtlint([pattern, 'top.txt'], { cwd: tree });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/No files match the pattern|No such file or directory/);
    }
  });

  it('is a warning with --no-error-on-unmatched-pattern: the other files are linted', () => {
    const run = mtlint(
      ['**/*.rst', 'nope.txt', 'top.txt', '--no-error-on-unmatched-pattern', '--format', 'json'],
      { cwd: tree },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no files match "**/*.rst"');
    expect(run.stderr).toContain('no files match "nope.txt"');
    expect(json(run).files.map((file) => file.path)).toEqual(['top.txt']);
  });

  it('nothing matched at all with --no-error-on-unmatched-pattern: exit 0', () => {
    const run = mtlint(['**/*.rst', '--no-error-on-unmatched-pattern'], { cwd: tree });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('nothing to lint');
  });
});

describe('--max-diagnostics shortens the list, never the counts or the gate', () => {
  // 12 doubled full stops, each a stray-punctuation finding, made warnings.
  const article = Array.from({ length: 12 }, (_, n) => `They met her ${n + 1} times. . Then.`);
  const file = join(temp, 'long.txt');
  writeFileSync(file, article.join('\n\n') + '\n');
  const args = ['long.txt', '--no-config', '--format', 'json'];
  const warnings = ['--rule', 'stray-punctuation:warning'];

  it('lists N, counts all, says truncated (JSON and a warning on standard error)', () => {
    const full = json(mtlint(args, { cwd: temp })).files[0]!;
    const stray = full.diagnostics.filter((d) => d.ruleId === 'stray-punctuation');
    expect(stray).toHaveLength(12);
    expect(full.summary.truncated).toBe(false);

    const run = mtlint([...args, '--max-diagnostics', '3'], { cwd: temp });
    const capped = json(run).files[0]!;
    expect(capped.diagnostics).toEqual(full.diagnostics.slice(0, 3));
    expect(capped.summary).toEqual({ ...full.summary, truncated: true });
    expect(json(run).totals).toEqual(json(mtlint(args, { cwd: temp })).totals);
    expect(run.stderr).toContain(`long.txt: the list shows 3 of ${full.diagnostics.length}`);
    expect(run.status).toBe(1);
  });

  it('--max-warnings counts the warnings past the cap', () => {
    const run = mtlint([...args, ...warnings, '--max-diagnostics', '2', '--max-warnings', '5'], {
      cwd: temp,
    });
    const report = json(run);
    expect(report.files[0]!.diagnostics).toHaveLength(2);
    expect(report.totals.warnings).toBeGreaterThanOrEqual(12);
    expect(report.gate.failures).toEqual([
      `${report.totals.warnings} warnings, more than --max-warnings 5`,
    ]);
    expect(run.status).toBe(1);
  });

  it('rejects a bad value with exit 2', () => {
    const run = mtlint([...args, '--max-diagnostics', 'many'], { cwd: temp });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-diagnostics must be a whole number');
  });
});

describe('a crash exits 2, never 1', () => {
  const node = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(process.execPath, args, {
      cwd: tree,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '', DEBUG: '', CI: 'true', ...env },
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('mtlint not built (no dist/ beside bin/): one line, exit 2; the stack with --debug', () => {
    const bin = join(temp, 'unbuilt', 'bin', 'mtlint.js');
    mkdirSync(join(temp, 'unbuilt', 'bin'), { recursive: true });
    copyFileSync(BIN, bin);
    const run = node([bin, 'top.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^mtlint: mtlint is not built .*\(--debug for the stack\)\n$/);
    const debug = node([bin, 'top.txt', '--debug']);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  // A preloaded module makes the report's serialization fail: a real error in the real command.
  const preload = join(temp, 'fail.mjs');
  writeFileSync(
    preload,
    `const stringify = JSON.stringify;
JSON.stringify = function (value, ...rest) {
  if (value && typeof value === 'object' && 'totals' in value) {
    if (process.env.FAIL_LATER) setImmediate(() => { throw new Error('late failure'); });
    else throw new Error('serializer failure');
  }
  return stringify.call(this, value, ...rest);
};
`,
  );

  it('an error thrown during the run: one line, exit 2; the stack with DEBUG', () => {
    const run = node(['--import', preload, BIN, 'top.txt', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'mtlint: Unexpected error: serializer failure (--debug for the stack)\n',
    );
    const debug = node(['--import', preload, BIN, 'top.txt', '--format', 'json'], { DEBUG: '1' });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('an error thrown outside the run (uncaught, which Node exits 1 for): exit 2', () => {
    const run = node(['--import', preload, BIN, 'top.txt', '--format', 'json'], {
      FAIL_LATER: '1',
    });
    expect(run.stderr).toContain('mtlint: Unexpected error: late failure');
    expect(run.status).toBe(2);
  });
});
