import { threadId } from 'node:worker_threads';
import { ConfigError, type Format, type LintResult } from '../core/index.js';
// Markdown and HTML are parsed wherever a service lints: load their processors with the linter.
import '../core/processors/all.js';
import type { LinterCache } from './linter-cache.js';

/** What the HTTP thread sends a lint worker. */
export interface LintTask {
  text: string;
  config?: unknown;
  /** How to read `text` (default `text`). */
  format?: Format;
  /**
   * Shared with the HTTP thread, written by `markStarted` when the worker starts the check: `[2]`
   * (if present) the worker's thread id, so that a runaway check's worker can be stopped; `[1]` (if
   * present) the milliseconds since `dispatchedAt`; then `[0]` is set to 1 (timeouts count from then).
   */
  started?: Int32Array;
  /** `Date.now()` when the task was handed to the pool. */
  dispatchedAt?: number;
  /**
   * Answer the result as its JSON text: one string crosses the thread boundary (a memory copy)
   * instead of a structured clone of every diagnostic, and the HTTP thread sends it as it is.
   */
  json?: boolean;
}

/** What a lint worker answers: a result, or the config error it met. */
export type LintTaskOutcome =
  | { ok: true; result: LintResult }
  | { ok: true; json: string }
  | { ok: false; error: { message: string; ruleId?: string } };

/** Tells the HTTP thread that this worker has started the task's check (see `LintTask.started`). */
export function markStarted({ started, dispatchedAt }: LintTask): void {
  if (!started) return;
  if (started.length > 2) Atomics.store(started, 2, threadId);
  if (started.length > 1 && dispatchedAt !== undefined) {
    Atomics.store(started, 1, Math.max(0, Math.min(2 ** 31 - 1, Date.now() - dispatchedAt)));
  }
  Atomics.store(started, 0, 1);
}

/** Errors cross the thread boundary as plain data: a ConfigError must stay a ConfigError. */
export function runLintTask(linters: LinterCache, task: LintTask): LintTaskOutcome {
  markStarted(task);
  const { text, config, format, json } = task;
  try {
    const result = linters.get(config).lint(text, { format });
    return json ? { ok: true, json: JSON.stringify(result) } : { ok: true, result };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { ok: false, error: { message: error.message, ruleId: error.ruleId } };
    }
    throw error;
  }
}

export function unwrapOutcome(outcome: LintTaskOutcome): LintResult {
  if (!outcome.ok) throw new ConfigError(outcome.error.message, outcome.error.ruleId);
  return 'json' in outcome ? (JSON.parse(outcome.json) as LintResult) : outcome.result;
}

/** The result as JSON text, serialized wherever the task ran. */
export function unwrapOutcomeJson(outcome: LintTaskOutcome): string {
  if (!outcome.ok) throw new ConfigError(outcome.error.message, outcome.error.ruleId);
  return 'json' in outcome ? outcome.json : JSON.stringify(outcome.result);
}
