/** Runs the real, built mtlint command as a child process. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Summary } from '../../src/core/index.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'mtlint.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function mtlint(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliRun {
  // The runner's own terminal settings would change colour and layout: tests set them explicitly.
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  Object.assign(env, options.env);
  delete env.NODE_OPTIONS; // jest's flags are not the command's
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface JsonReport {
  files: { path: string; diagnostics: Diagnostic[]; summary: Summary }[];
  totals: { files: number; errors: number; warnings: number; infos: number; penalty: number };
  gate: { failures: string[] };
}

export function json(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/**
 * Every position must point into the original file: the excerpt is the text at the offset, and
 * line/column (1-based, CRLF one break) agree with the offsets, computed here independently.
 */
export function expectPositionsInFile(path: string, diagnostics: Diagnostic[]): void {
  const source = readFileSync(path, 'utf8');
  for (const d of diagnostics) {
    const at = (offset: number) => {
      const before = source.slice(0, offset);
      const line = before.split(/\r?\n|\r/).length;
      const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
      return { line, column: offset - lineStart + 1 };
    };
    const problem = (what: string) => new Error(`${path}: ${d.ruleId} at ${d.offset}: ${what}`);
    if (source.slice(d.offset, d.offset + d.length) !== d.excerpt) throw problem('excerpt');
    const start = at(d.offset);
    const end = at(d.offset + d.length);
    if (start.line !== d.line || start.column !== d.column) throw problem('line/column');
    if (end.line !== d.endLine || end.column !== d.endColumn) throw problem('endLine/endColumn');
  }
}
