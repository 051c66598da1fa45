/**
 * A worker thread of the pool: lints the batches of files it is handed, one batch after the other.
 * It holds two batches at once (so it has work while the main thread, which hands batches out, is
 * busy linting its own); chaining them makes the first finish, and go back, before the second
 * starts, instead of both advancing file by file and coming back together.
 */
import { runTask, type LintTask, type TaskOutcome } from './task.js';

let previous: Promise<unknown> = Promise.resolve();

async function lintBatch(tasks: LintTask[]): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task));
  return outcomes;
}

export default function lintInWorker(tasks: LintTask[]): Promise<TaskOutcome[]> {
  const batch = previous.then(() => lintBatch(tasks));
  previous = batch.catch(() => undefined); // runTask never throws; this keeps the chain going if it did
  return batch;
}
