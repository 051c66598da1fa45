import { ConfigError, type LintResult } from '../core/index.js';
import type { LinterCache } from './linter-cache.js';

/** What the HTTP thread sends a lint worker. */
export interface LintTask {
  text: string;
  config?: unknown;
  /** Shared with the HTTP thread: the worker sets `[0]` to 1 when it starts (timeouts count from then). */
  started?: Int32Array;
}

/** What a lint worker answers: a result, or the config error it met. */
export type LintTaskOutcome =
  { ok: true; result: LintResult } | { ok: false; error: { message: string; ruleId?: string } };

/** Errors cross the thread boundary as plain data: a ConfigError must stay a ConfigError. */
export function runLintTask(
  linters: LinterCache,
  { text, config, started }: LintTask,
): LintTaskOutcome {
  if (started) Atomics.store(started, 0, 1);
  try {
    return { ok: true, result: linters.get(config).lint(text) };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { ok: false, error: { message: error.message, ruleId: error.ruleId } };
    }
    throw error;
  }
}

export function unwrapOutcome(outcome: LintTaskOutcome): LintResult {
  if (outcome.ok) return outcome.result;
  throw new ConfigError(outcome.error.message, outcome.error.ruleId);
}
