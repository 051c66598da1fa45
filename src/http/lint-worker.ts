/**
 * The lint service's task module, run in each thread of its worker pool (worker-pool.ts): lints
 * one document per task. Each worker keeps the linters it has built (one per distinct config) so
 * rules are instantiated once, not per request.
 */
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { LinterCache } from './linter-cache.js';
import { runLintTask, type LintTask, type LintTaskOutcome } from './lint-task.js';
import {
  LINT_THREAD_NAME,
  LINT_WORKER_NICENESS,
  lowerThreadPriority,
  nameThread,
} from './thread-priority.js';

const options = (workerData ?? {}) as { maxDiagnostics?: number; linterCacheSize?: number };
const cache = new LinterCache(options.linterCacheSize ?? 32, options.maxDiagnostics ?? 1000);

lowerThreadPriority(LINT_WORKER_NICENESS);
nameThread(LINT_THREAD_NAME);

// Build the default linter while the worker starts rather than on its first request.
cache.get(undefined);

export default function lint(task: LintTask): LintTaskOutcome {
  const outcome = runLintTask(cache, task);
  if (!outcome.ok || !('bytes' in outcome)) return outcome;
  // The bytes' memory is moved to the HTTP thread, not copied (piscina's transferable wrapper).
  return move({
    [transferableSymbol]: [outcome.bytes.buffer],
    [valueSymbol]: outcome,
  }) as unknown as LintTaskOutcome;
}
