/** `--fix` and `--fix-dry-run` (the built CLI: `npm run build` first), and the fixing itself. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, LintResult } from '../src/core/index.js';
import { applyFixes, lintAndFix, MAX_FIX_PASSES } from '../src/cli/fix.js';
import { json, mtlint } from './helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtlint-fix-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of its own in the temporary folder. */
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

// "was was was" needs two passes: the two findings overlap, so the second waits for a re-lint.
const BROKEN =
  'It was was was fine on Monday.  The talks began on Tuesday, , he said. He bought a apple.\n';
const FIXED = 'It was fine on Monday. The talks began on Tuesday, he said. He bought a apple.\n';

describe('--fix', () => {
  it('writes the safe fixes, passes until stable, and reports what is left', () => {
    const name = file('story.txt', BROKEN);
    const run = mtlint([name, '--fix', '--format', 'json'], { cwd: dir });
    expect(read(name)).toBe(FIXED);
    const report = json(run);
    // A suggestion that is not a fix is never applied: "a apple" stays for an editor.
    expect(report.files[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['indefinite-article']);
    expect(report.files[0]!.diagnostics[0]!.fix).toBeUndefined();
    // Positions are those of the fixed file.
    expect(report.files[0]!.diagnostics[0]!.offset).toBe(FIXED.indexOf('a apple'));
    // As in ESLint's JSON, the fixed text is also in the report.
    expect((JSON.parse(run.stdout) as { files: { output?: string }[] }).files[0]!.output).toBe(
      FIXED,
    );
    expect(run.status).toBe(report.totals.errors > 0 ? 1 : 0);
  });

  it('leaves a file with nothing to fix untouched', () => {
    const name = file('clean.txt', 'The minister arrived in Beijing on Monday.\n');
    const run = mtlint([name, '--fix'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(read(name)).toBe('The minister arrived in Beijing on Monday.\n');
  });

  it('in Markdown, fixes the prose but never a span that holds markup', () => {
    const source =
      '# Talks\n\nThe talks began on Monday. . The minister spoke.\n\nIt was **the** the end.\n';
    const name = file('story.md', source);
    const run = mtlint([name, '--fix', '--format', 'json'], { cwd: dir });
    expect(read(name)).toBe(
      '# Talks\n\nThe talks began on Monday. The minister spoke.\n\nIt was **the** the end.\n',
    );
    // The repeated word is still reported, without a fix (applying it would drop the `**`).
    const left = json(run).files[0]!.diagnostics;
    expect(left.map((d) => [d.ruleId, d.fix])).toEqual([['repeated-words', undefined]]);
  });

  it('refuses standard input, as ESLint does, and points to --fix-dry-run', () => {
    const run = mtlint(['--fix', '-'], { input: BROKEN, cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('use --fix-dry-run --format json');
  });

  it('cannot be combined with --fix-dry-run', () => {
    const run = mtlint(['story.txt', '--fix', '--fix-dry-run'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--fix and --fix-dry-run cannot be used together');
  });
});

describe('--fix-dry-run', () => {
  it('computes the same fixes without writing; JSON carries the fixed text as output', () => {
    const name = file('dry.txt', BROKEN);
    const run = mtlint([name, '--fix-dry-run', '--format', 'json'], { cwd: dir });
    expect(read(name)).toBe(BROKEN);
    const parsed = JSON.parse(run.stdout) as { files: { output?: string }[] };
    expect(parsed.files[0]!.output).toBe(FIXED);
    expect(json(run).files[0]!.diagnostics.map((d) => d.ruleId)).toEqual(['indefinite-article']);
  });

  it('gives no output when nothing was fixed', () => {
    const name = file('dry-clean.txt', 'The minister arrived in Beijing on Monday.\n');
    const parsed = JSON.parse(
      mtlint([name, '--fix-dry-run', '--format', 'json'], { cwd: dir }).stdout,
    ) as { files: object[] };
    expect(parsed.files[0]).not.toHaveProperty('output');
  });

  it('works on standard input', () => {
    const run = mtlint(['--fix-dry-run', '--format', 'json', '-'], { input: BROKEN, cwd: dir });
    const parsed = JSON.parse(run.stdout) as { files: { output?: string }[] };
    expect(parsed.files[0]!.output).toBe(FIXED);
  });
});

function finding(offset: number, excerpt: string, fix: string | undefined): Diagnostic {
  return {
    ruleId: 'stray-punctuation',
    severity: 'error',
    category: 'fluency/punctuation',
    message: 'test',
    offset,
    length: excerpt.length,
    line: 1,
    column: offset + 1,
    endLine: 1,
    endColumn: offset + excerpt.length + 1,
    excerpt,
    suggestions: fix === undefined ? ['x'] : [fix],
    url: '',
    messageId: 'doubled',
    ...(fix === undefined ? {} : { fix }),
  };
}

describe('applyFixes', () => {
  it('applies fixes that do not overlap, whatever their order, and only fixes', () => {
    const text = 'a. . b , c';
    const result = applyFixes(text, [
      finding(6, ' ,', ''),
      finding(2, ' .', ''),
      finding(8, 'c', undefined), // a suggestion only
    ]);
    expect(result).toEqual({ text: 'a. b c', applied: 2 });
  });

  it('leaves overlapping and touching fixes for the next pass', () => {
    const text = 'was was was';
    const result = applyFixes(text, [finding(0, 'was was', 'was'), finding(4, 'was was', 'was')]);
    expect(result).toEqual({ text: 'was was', applied: 1 });
    expect(applyFixes('abcd', [finding(0, 'ab', 'X'), finding(2, 'cd', 'Y')]).text).toBe('Xcd');
  });

  it('skips a fix whose place no longer holds the flagged text', () => {
    expect(applyFixes('abc', [finding(1, 'x', '')])).toEqual({ text: 'abc', applied: 0 });
    expect(applyFixes('abc', [finding(2, 'cde', '')])).toEqual({ text: 'abc', applied: 0 });
  });
});

describe('lintAndFix', () => {
  const result = (diagnostics: Diagnostic[]): LintResult => ({
    diagnostics,
    summary: {
      errors: diagnostics.length,
      warnings: 0,
      infos: 0,
      words: 1,
      sentences: 1,
      categories: {},
      penalty: 0,
      truncated: false,
    },
  });

  it(`stops after ${MAX_FIX_PASSES} passes when fixes keep coming`, async () => {
    let lints = 0;
    // Every version of the text has one more thing to fix: append a letter.
    const fixed = await lintAndFix('a', async (text) => {
      lints++;
      return result([finding(text.length, '', 'a')]);
    });
    expect(fixed.output).toBe('a'.repeat(MAX_FIX_PASSES + 1));
    expect(lints).toBe(MAX_FIX_PASSES + 1); // each pass re-lints; the last result is of the final text
    expect(fixed.diagnostics).toHaveLength(1);
  });

  it('has no output when nothing changed', async () => {
    const fixed = await lintAndFix('abc', async () => result([finding(0, 'a', undefined)]));
    expect(fixed).not.toHaveProperty('output');
    expect(fixed.diagnostics).toHaveLength(1);
  });
});
