import { readlinkSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How much lower than the HTTP thread a lint worker runs (added to its nice value). Linting is the bulk of the
 * work and can wait a few milliseconds; the HTTP thread's work is short and someone is waiting for
 * it: health checks, refusals under overload, handing the next document to a worker. With equal
 * priority, on a machine whose cores are all busy linting, every one of those waited for a time
 * slice behind the workers.
 */
export const LINT_WORKER_NICENESS = 10;

/**
 * Lowers the priority of the calling thread only (not the process) by `niceness`, to at most 19,
 * where the system allows it: on Linux a thread is a task with its own id, which
 * `/proc/thread-self` names. Elsewhere, or when refused, the thread keeps its priority: a slower
 * health check is no reason to fail.
 */
export function lowerThreadPriority(niceness: number): boolean {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, Math.min(19, getPriority(threadId) + niceness));
    return true;
  } catch {
    return false;
  }
}

/** The name lint worker threads give themselves (Linux): `top -H`, `ps -L` and `/proc` show it. */
export const LINT_THREAD_NAME = 'mtlint-lint';

/**
 * Names the calling thread (Linux, at most 15 bytes), so that its CPU time can be told apart from
 * the HTTP thread's and V8's helpers' in `/proc/<pid>/task/<tid>/`. Elsewhere it does nothing.
 */
export function nameThread(name: string): boolean {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
    return true;
  } catch {
    return false;
  }
}
