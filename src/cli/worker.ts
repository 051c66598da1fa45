/** A worker thread of the pool: lints the batch of files it is handed, in order. */
import { runTask, type LintTask, type TaskOutcome } from './task.js';

export default async function lintInWorker(tasks: LintTask[]): Promise<TaskOutcome[]> {
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) outcomes.push(await runTask(task));
  return outcomes;
}
