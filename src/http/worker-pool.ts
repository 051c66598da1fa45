import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A task as the pool sends it: its id and the task. */
export type PoolRequest = readonly [id: number, task: unknown];
/** A thread's answer: the task's id and its result, or (third) the error it threw. */
export type PoolReply = readonly [id: number, result: unknown, error?: unknown];
/** What a thread sends once its task module is loaded. */
export const READY = 'ready';
/** Precedes the task module's URL in a pool thread's argv. */
export const POOL_MODULE_ARGUMENT = '--pool-module';

export interface WorkerPoolOptions {
  /** The task module (a path or file URL): its default export handles one task. */
  module: string;
  threads: number;
  /** The threads' `workerData`. */
  workerData?: unknown;
  resourceLimits?: ResourceLimits;
}

/**
 * The compiled thread module beside this one; when this module runs from TypeScript sources
 * (tests), the build's copy under dist/ (the test script builds first).
 */
const THREAD_MAIN = ((): URL => {
  const beside = new URL('./pool-thread.js', import.meta.url);
  return existsSync(beside)
    ? beside
    : new URL('../../dist/src/http/pool-thread.js', import.meta.url);
})();

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  /** The thread's tasks not yet answered, by id. */
  tasks: Map<number, Pending>;
  /** True once its task module has loaded. */
  ready: boolean;
  /** True once it has failed or exited (its tasks are failed, a replacement may be starting). */
  gone: boolean;
}

/**
 * A fixed number of worker threads, each answering its tasks in order; a task goes to the thread
 * holding the fewest (the caller bounds how many are handed over at once). It does per task only
 * what the lint service needs: one message each way (the result's buffers transferred when the
 * task module moves them) and a promise. A general pool's task records, queue, async-context
 * tracking and wake-up signals, per task, cost the HTTP thread more than the messages did.
 *
 * A thread that dies (an uncaught error, out of memory, or terminated) fails the tasks it held
 * with its error and is replaced; but once a thread fails before its task module has loaded,
 * no more are started (they would fail the same way), and with no thread left every task fails
 * at once. Errors outside any task are emitted as `error`.
 */
export class WorkerPool extends EventEmitter {
  private readonly live: Thread[] = [];
  private nextId = 0;
  private closing = false;
  private failsWhileStarting = false;
  /** Called, while closing, once no thread holds a task. */
  private whenIdle: (() => void) | undefined;
  private readonly options: WorkerPoolOptions;

  constructor(options: WorkerPoolOptions) {
    super();
    this.options = options;
    for (let i = 0; i < options.threads; i++) this.start();
  }

  /** The running threads (a failed one is left out as soon as it fails). */
  get threads(): Worker[] {
    return this.live.map((thread) => thread.worker);
  }

  /** Runs a task on the thread holding the fewest; rejects with the task's or the thread's error. */
  run(task: unknown): Promise<unknown> {
    let chosen: Thread | undefined;
    for (const thread of this.live) {
      if (!chosen || thread.tasks.size < chosen.tasks.size) chosen = thread;
    }
    if (!chosen || this.closing) {
      const error = new Error(this.closing ? 'The pool is closed' : 'No worker thread is running');
      return Promise.reject(Object.assign(error, { code: 'ERR_NO_WORKER_THREADS' }));
    }
    const thread = chosen;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.worker.postMessage([id, task] satisfies PoolRequest);
      // A thread keeps the process alive only while it holds work.
      if (thread.tasks.size === 0) thread.worker.ref();
      thread.tasks.set(id, { resolve, reject });
    });
  }

  /** Lets the threads finish the tasks they hold, then stops them. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.live.some((thread) => thread.tasks.size > 0)) {
      await new Promise<void>((resolve) => {
        this.whenIdle = resolve;
      });
    }
    await Promise.all(this.live.map((thread) => thread.worker.terminate()));
  }

  private start(): void {
    const { module, workerData, resourceLimits } = this.options;
    const worker = new Worker(THREAD_MAIN, {
      argv: [POOL_MODULE_ARGUMENT, module],
      workerData,
      resourceLimits,
    });
    const thread: Thread = { worker, tasks: new Map(), ready: false, gone: false };
    worker.unref();
    worker.on('message', (message: PoolReply | typeof READY) => {
      if (message === READY) {
        thread.ready = true;
        return;
      }
      const [id, result, error] = message;
      const pending = thread.tasks.get(id);
      if (!pending) return;
      thread.tasks.delete(id);
      if (thread.tasks.size === 0) {
        worker.unref();
        if (this.whenIdle) this.settled();
      }
      if (message.length > 2) pending.reject(error);
      else pending.resolve(result);
    });
    worker.on('error', (error) => this.fail(thread, error, true));
    worker.on('exit', (code) =>
      this.fail(thread, new Error(`The worker thread exited with code ${code}`), false),
    );
    this.live.push(thread);
  }

  /**
   * A thread failed (`error`: an uncaught error, or out of memory) or exited: its tasks fail with
   * that error; an error that failed no task is reported. It is replaced unless it never loaded.
   */
  private fail(thread: Thread, error: unknown, report: boolean): void {
    if (thread.gone) return;
    thread.gone = true;
    this.live.splice(this.live.indexOf(thread), 1);
    const tasks = [...thread.tasks.values()];
    thread.tasks.clear();
    for (const pending of tasks) pending.reject(error);
    if (this.whenIdle) this.settled();
    if (!thread.ready) this.failsWhileStarting = true;
    if (!this.closing && !this.failsWhileStarting) this.start();
    if (report && tasks.length === 0) this.emit('error', error);
  }

  private settled(): void {
    if (this.live.every((thread) => thread.tasks.size === 0)) this.whenIdle?.();
  }
}
