/**
 * Linting many files on this machine: the main thread lints, and so do `threads - 1` worker threads.
 *
 * Why it is shaped like this (measured with --cpu-prof and per-thread CPU; docs/cli.md, "Speed on
 * many files"):
 * - The main thread has the linter and its language model loaded anyway (config validation needs the
 *   rule registry), so leaving it idle while N workers load their own copy wasted a core. Here it
 *   takes its share of the files, and only `threads - 1` workers pay the start-up (~0.4 s of CPU each).
 * - One message per file cost more than many short files take to lint (piscina's per-task
 *   bookkeeping, a message each way, a wake-up per task), so files go out in batches.
 * - Files are handed out from one queue, batch by batch, to whichever thread is free: a worker that
 *   starts late or gets long files simply takes fewer batches. Results are stored by position, so
 *   the output order does not depend on who linted what. */
import type { Piscina } from 'piscina';
import type { LintResult } from '../core/index.js';
import { DEFAULT_WORKER_YOUNG_MB } from '../worker-heap.js';
import { CliError } from './errors.js';
import type { Progress } from './progress.js';
import { runTask, type LintTask, type TaskOutcome } from './task.js';

/**
 * Below this many files the in-process run wins: a worker needs ~0.4 s of CPU to load the linter and
 * its model, and in that time the main thread lints over a hundred articles (~3.5 ms each) itself.
 */
export const MIN_FILES_FOR_WORKERS = 150;
/** Files per message: big enough that messaging is negligible, small enough to balance the end. */
const BATCH_SIZE = 10;
/** Batches a worker holds at once, so it has the next one while the main thread is busy linting. */
const BATCHES_PER_WORKER = 2;

export interface LocalOptions {
  /** Threads that lint, the main thread included. */
  threads: number;
  progress: Progress;
}

export async function lintAllLocal(
  tasks: LintTask[],
  { threads, progress }: LocalOptions,
): Promise<LintResult[]> {
  const outcomes: TaskOutcome[] = new Array(tasks.length);
  const workers = Math.min(threads - 1, Math.ceil(tasks.length / BATCH_SIZE) - 1);

  if (workers < 1) {
    for (const [index, task] of tasks.entries()) {
      outcomes[index] = await runTask(task);
      progress.tick();
    }
    return results(outcomes);
  }

  // The batches, as start positions; each thread takes the next one when it is free.
  const starts: number[] = [];
  for (let start = 0; start < tasks.length; start += BATCH_SIZE) starts.push(start);
  let next = 0;
  const take = (): number | undefined => (next < starts.length ? starts[next++] : undefined);
  const store = (start: number, batch: TaskOutcome[]) => {
    batch.forEach((outcome, offset) => (outcomes[start + offset] = outcome));
    for (let n = 0; n < batch.length; n++) progress.tick();
  };

  const mainThread = async () => {
    for (let start = take(); start !== undefined; start = take()) {
      const batch: TaskOutcome[] = [];
      for (const task of tasks.slice(start, start + BATCH_SIZE)) batch.push(await runTask(task));
      store(start, batch);
      // Let the event loop deliver the workers' results and send them their next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  const { Piscina } = await import('piscina');
  const pool: Piscina<LintTask[], TaskOutcome[]> = new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: BATCHES_PER_WORKER,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: DEFAULT_WORKER_YOUNG_MB },
  });
  const workerSlot = async () => {
    for (let start = take(); start !== undefined; start = take()) {
      store(start, await pool.run(tasks.slice(start, start + BATCH_SIZE)));
    }
  };
  try {
    await Promise.all([
      mainThread(),
      ...Array.from({ length: workers * BATCHES_PER_WORKER }, workerSlot),
    ]);
  } finally {
    await pool.destroy();
  }
  return results(outcomes);
}

/** The results in file order, or the first file's error (in file order too). */
function results(outcomes: TaskOutcome[]): LintResult[] {
  const failed = outcomes.find((outcome) => !outcome.ok);
  if (failed && !failed.ok) throw new CliError(failed.error);
  return outcomes.map((outcome) => (outcome as { result: LintResult }).result);
}
