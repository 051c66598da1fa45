/**
 * Runs in a piscina worker thread: lints one document per task. Each worker keeps the linters it
 * has built (one per distinct config) so rules are instantiated once, not per request.
 */
import { workerData } from 'piscina';
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
  return runLintTask(cache, task);
}
