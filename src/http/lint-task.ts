import { threadId } from 'node:worker_threads';
import { ConfigError, DocumentError, type Format, type LintResult } from '../core/index.js';
// Markdown and HTML are parsed wherever a service lints: load their processors with the linter.
import '../core/processors/all.js';
import type { LinterCache } from './linter-cache.js';

/** What the HTTP thread sends a lint worker. */
export interface LintTask {
  text: string;
  config?: unknown;
  /** How to read `text` (default `text`). */
  format?: Format;
  /** The Chinese source of `text`, and how to read it. */
  source?: string;
  sourceFormat?: Format;
  /** With a source: include the sentence alignment in the result. */
  alignment?: boolean;
  /**
   * Shared with the HTTP thread. `[0]` is the check's state (see CheckState), moved by compare-and-
   * swap on both sides so that the two threads never disagree about it. When the worker starts the
   * check it writes `[2]` (if present), its thread id, so that a runaway check's worker can be
   * stopped, and `[1]` (if present), the milliseconds since `dispatchedAt` (timeouts count from then).
   */
  started?: Int32Array;
  /** `Date.now()` when the task was handed to the pool. */
  dispatchedAt?: number;
  /**
   * Answer the result as its JSON text: one string crosses the thread boundary (a memory copy)
   * instead of a structured clone of every diagnostic, and the HTTP thread sends it as it is.
   */
  json?: boolean;
  /**
   * With `json`: answer the JSON as UTF-8 bytes, which the worker moves (transfers) to the HTTP
   * thread. The thread then neither copies the text, nor measures nor encodes it: it writes the
   * bytes as they are.
   */
  bytes?: boolean;
}

/** The states of a check in `LintTask.started[0]`. */
export const CheckState = {
  /** Handed over, not started. */
  waiting: 0,
  /** Its worker is checking it. */
  running: 1,
  /** Its worker has finished it. */
  done: 2,
  /** The HTTP thread is stopping its worker (the check ran out of time). */
  stopping: 3,
  /** Dropped before it started (its client hung up, or it waited too long): a worker skips it. */
  cancelled: 4,
} as const;

/** What a lint worker answers: a result, the config error it met, or that the task was dropped. */
export type LintTaskOutcome =
  | { ok: true; result: LintResult }
  | { ok: true; json: string }
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: { message: string; ruleId?: string } }
  | { ok: false; documentError: string }
  | { ok: false; cancelled: true };

/**
 * Tells the HTTP thread that this worker starts the task's check (see `LintTask.started`); false
 * when the task was cancelled before it started, and must be skipped.
 */
export function markStarted({ started, dispatchedAt }: LintTask): boolean {
  if (!started) return true;
  if (started.length > 2) Atomics.store(started, 2, threadId);
  if (started.length > 1 && dispatchedAt !== undefined) {
    Atomics.store(started, 1, Math.max(0, Math.min(2 ** 31 - 1, Date.now() - dispatchedAt)));
  }
  const before = Atomics.compareExchange(started, 0, CheckState.waiting, CheckState.running);
  return before !== CheckState.cancelled;
}

/**
 * Tells the HTTP thread the check is over. If the HTTP thread has meanwhile decided to stop this
 * thread (the check ran out of time), the thread waits here for its end: it must not start the
 * next document it holds, which the stop would otherwise kill half-way.
 */
export function markFinished({ started }: LintTask): void {
  if (!started) return;
  const before = Atomics.compareExchange(started, 0, CheckState.running, CheckState.done);
  if (before === CheckState.stopping) {
    for (;;) Atomics.wait(started, 0, CheckState.stopping);
  }
}

/** Errors cross the thread boundary as plain data: a ConfigError must stay a ConfigError. */
export function runLintTask(linters: LinterCache, task: LintTask): LintTaskOutcome {
  if (!markStarted(task)) return { ok: false, cancelled: true };
  const { text, config, format, source, sourceFormat, alignment, json, bytes } = task;
  try {
    const result = linters.get(config).lint(text, { format, source, sourceFormat, alignment });
    if (!json) return { ok: true, result };
    const serialized = JSON.stringify(result);
    return bytes ? { ok: true, bytes: utf8.encode(serialized) } : { ok: true, json: serialized };
  } catch (error) {
    if (error instanceof ConfigError) {
      return { ok: false, error: { message: error.message, ruleId: error.ruleId } };
    }
    // A document its format cannot read (malformed XLIFF) is the client's error, not a crash.
    if (error instanceof DocumentError) return { ok: false, documentError: error.message };
    throw error;
  } finally {
    markFinished(task);
  }
}

function failure(outcome: Exclude<LintTaskOutcome, { ok: true }>): Error {
  if ('cancelled' in outcome) return new Error('The check was cancelled before it started');
  if ('documentError' in outcome) return new DocumentError(outcome.documentError);
  return new ConfigError(outcome.error.message, outcome.error.ruleId);
}

const utf8 = new TextEncoder();

export function unwrapOutcome(outcome: LintTaskOutcome): LintResult {
  if (outcome.ok && 'result' in outcome) return outcome.result;
  return JSON.parse(unwrapOutcomeJson(outcome)) as LintResult;
}

/** The result as JSON text, serialized wherever the task ran. */
export function unwrapOutcomeJson(outcome: LintTaskOutcome): string {
  if (!outcome.ok) throw failure(outcome);
  if ('json' in outcome) return outcome.json;
  if ('bytes' in outcome) return Buffer.from(outcome.bytes).toString('utf8');
  return JSON.stringify(outcome.result);
}

/** The result as UTF-8 JSON bytes, serialized and encoded wherever the task ran. */
export function unwrapOutcomeBytes(outcome: LintTaskOutcome): Uint8Array {
  if (!outcome.ok) throw failure(outcome);
  if ('bytes' in outcome) return outcome.bytes;
  return Buffer.from('json' in outcome ? outcome.json : JSON.stringify(outcome.result));
}
