/**
 * `--fix` and `--fix-dry-run`: apply the fixes that rules mark safe (a diagnostic's `fix`), never a
 * mere suggestion, the way ESLint does it: fixes that do not overlap are applied in one pass, back
 * to front; the text is linted again and fixed again until nothing is left to fix, at most 10
 * passes; the diagnostics reported are those of the final text.
 */
import { writeFileSync } from 'node:fs';
import type { Diagnostic, LintResult } from '../core/index.js';
import { CliError, describeError } from './errors.js';
import type { LintTask } from './task.js';

/** ESLint's limit: fixes that keep producing new fixes stop here instead of looping forever. */
export const MAX_FIX_PASSES = 10;

/** A file's result in a fixing run: `output` is the fixed text, present only when it changed. */
export interface FixedResult extends LintResult {
  output?: string;
}

/**
 * Applies the diagnostics' fixes to `text`. Fixes are taken in order of position; one that starts
 * at or before the end of a fix already taken is left for the next pass (ESLint's rule: touching
 * fixes could merge into something neither rule checked). A fix whose span no longer holds the
 * flagged text is skipped: it was computed for other text.
 */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
): { text: string; applied: number } {
  const fixes = diagnostics
    .filter(
      (d) =>
        d.fix !== undefined &&
        d.offset >= 0 &&
        d.length >= 0 &&
        d.offset + d.length <= text.length &&
        text.slice(d.offset, d.offset + d.length) === d.excerpt,
    )
    .sort((a, b) => a.offset - b.offset || a.length - b.length);
  const chosen: Diagnostic[] = [];
  let lastEnd = -Infinity;
  for (const d of fixes) {
    if (d.offset <= lastEnd) continue;
    chosen.push(d);
    lastEnd = d.offset + d.length;
  }
  // Back to front, so each replacement leaves the offsets of the ones before it valid.
  let fixed = text;
  for (const d of chosen.reverse()) {
    fixed = fixed.slice(0, d.offset) + d.fix! + fixed.slice(d.offset + d.length);
  }
  return { text: fixed, applied: chosen.length };
}

/**
 * Lints, fixes and lints again until stable. `lint` lints one version of the text; the result is
 * that of the final text, with `output` when it differs from `source`.
 */
export async function lintAndFix(
  source: string,
  lint: (text: string) => Promise<LintResult>,
): Promise<FixedResult> {
  let text = source;
  let result = await lint(text);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = applyFixes(text, result.diagnostics);
    if (next.applied === 0 || next.text === text) break;
    text = next.text;
    result = await lint(text);
  }
  return text === source ? result : { ...result, output: text };
}

/** --fix: the fixed files are written before the report, as ESLint does. */
export function writeFixes(tasks: LintTask[], results: FixedResult[]): void {
  tasks.forEach((task, index) => {
    const output = results[index]!.output;
    if (output === undefined) return;
    try {
      writeFileSync(task.absolute, output);
    } catch (error) {
      throw new CliError(`Cannot write the fixes to ${task.display}: ${describeError(error)}`);
    }
  });
}
