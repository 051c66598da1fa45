/** Linting one file in process: what the main thread and each worker thread run. */
import { readFileSync } from 'node:fs';
import { loadProcessor, type Linter, type LintResult } from '../core/index.js';
import { createMtLinter } from '../linter.js';
import type { EffectiveConfig } from './config.js';
import type { DocumentKind } from './document.js';
import { describeError } from './errors.js';
import { lintAndFix } from './fix.js';

export interface LintTask {
  absolute: string;
  display: string;
  kind: DocumentKind;
  effective: EffectiveConfig;
  /** The text itself (stdin); otherwise the file is read. */
  text?: string;
  /** Apply safe fixes until stable (`--fix`, `--fix-dry-run`): the result then has `output`. */
  fix?: boolean;
  /** The Chinese source of the file (`--source`), and how to read it. */
  source?: { text: string; kind: DocumentKind };
}

export type TaskOutcome = { ok: true; result: LintResult } | { ok: false; error: string };

/** One linter per distinct config, built once: building validates options and compiles rules. */
const linters = new Map<string, Linter>();

function linterFor({ config, weights }: EffectiveConfig): Linter {
  const key = JSON.stringify([config, weights]);
  let linter = linters.get(key);
  if (!linter) {
    // Uncapped: inline directives must see every finding; the run caps each file's list after.
    linter = createMtLinter(config, { penaltyWeights: weights, maxDiagnostics: Infinity });
    linters.set(key, linter);
  }
  return linter;
}

export function readSource(task: LintTask): string {
  return task.text ?? readFileSync(task.absolute, 'utf8');
}

export async function runTask(task: LintTask): Promise<TaskOutcome> {
  let source: string;
  try {
    source = readSource(task);
  } catch (error) {
    return { ok: false, error: `Cannot read ${task.display}: ${describeError(error)}` };
  }
  try {
    const linter = linterFor(task.effective);
    await loadProcessor(task.kind);
    if (task.source) await loadProcessor(task.source.kind);
    const against = task.source ? { source: task.source.text, sourceFormat: task.source.kind } : {};
    const lint = async (text: string) => linter.lint(text, { format: task.kind, ...against });
    return { ok: true, result: task.fix ? await lintAndFix(source, lint) : await lint(source) };
  } catch (error) {
    return { ok: false, error: `Cannot lint ${task.display}: ${describeError(error)}` };
  }
}
