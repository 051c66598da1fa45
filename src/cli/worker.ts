/** A worker thread of the pool: lints the files it is handed, one at a time. */
import { runTask, type LintTask, type TaskOutcome } from './task.js';

export default function lintInWorker(task: LintTask): Promise<TaskOutcome> {
  return runTask(task);
}
