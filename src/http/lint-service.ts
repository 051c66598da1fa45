import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Format, LintResult } from '../core/index.js';
import type { AbandonSignal } from './abandon.js';
import { checkConfigLimits } from './config-limits.js';
import { withoutStackTrace } from './errors.js';
import { LinterCache } from './linter-cache.js';
import { DEFAULT_WORKER_YOUNG_MB } from '../worker-heap.js';
import { WorkerPool } from './worker-pool.js';
import {
  CheckState,
  runLintTask,
  unwrapOutcome,
  unwrapOutcomeBytes,
  unwrapOutcomeJson,
  type LintTask,
  type LintTaskOutcome,
} from './lint-task.js';

/**
 * The one seam through which routes lint. Rejects with the engine's ConfigError for a bad config,
 * and with a LintServiceError when the service cannot lint now (timeout, saturation, worker crash).
 */
export interface LintService {
  lint(text: string, config?: unknown, options?: LintOptions): Promise<LintResult>;
  /**
   * The same result as its JSON text, serialized off the HTTP thread when the service can
   * (routes that only send the result use it; without it they serialize `lint`'s result).
   */
  lintJson?(text: string, config?: unknown, options?: LintOptions): Promise<string>;
  /**
   * The same JSON as UTF-8 bytes, serialized and encoded off the HTTP thread (routes that send
   * one result as it is use it when there; else `lintJson`).
   */
  lintBytes?(text: string, config?: unknown, options?: LintOptions): Promise<Uint8Array>;
  /**
   * Throws the LintServiceError that `lint` would throw right now for want of room (saturated or
   * shutting down), so a route can refuse a document before reading its body. Admission is
   * still decided by `lint`: a document admitted here may be refused there.
   */
  checkAdmission?(): void;
  close(): Promise<void>;
}

export interface LintOptions {
  /**
   * Aborted when nobody waits for the result any more (the client hung up): a document not yet
   * started is then dropped (rejected with `client_closed`); one being checked runs to its end.
   */
  signal?: AbandonSignal;
  /** How to read the text (default `text`). */
  format?: Format;
  /** The Chinese source, and how to read it. */
  source?: string;
  sourceFormat?: Format;
  /** With a source: include the sentence alignment in the result. */
  alignment?: boolean;
}

export type LintServiceErrorCode =
  | 'check_timeout'
  | 'overloaded'
  | 'worker_out_of_memory'
  | 'worker_failed'
  | 'workers_unavailable'
  | 'shutting_down'
  | 'client_closed';

/** The service could not lint this document; `retryAfterSeconds` when trying again may help. */
export class LintServiceError extends Error {
  override name = 'LintServiceError';
  constructor(
    readonly code: LintServiceErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface LinterSettings {
  maxDiagnostics?: number;
  linterCacheSize?: number;
}

/** Lints on the calling thread: for tests, benchmarks and tools that lint a few documents. */
export function createInProcessLintService(settings: LinterSettings = {}): LintService {
  const cache = new LinterCache(settings.linterCacheSize ?? 32, settings.maxDiagnostics ?? 1000);
  let closed = false;
  return {
    async lint(text, config, options) {
      if (closed) throw new LintServiceError('shutting_down', 'The lint service is closed');
      checkConfigLimits(config);
      return unwrapOutcome(runLintTask(cache, { text, config, ...lintFields(options) }));
    },
    async lintJson(text, config, options) {
      if (closed) throw new LintServiceError('shutting_down', 'The lint service is closed');
      checkConfigLimits(config);
      return unwrapOutcomeJson(
        runLintTask(cache, { text, config, ...lintFields(options), json: true }),
      );
    },
    async close() {
      closed = true;
    },
  };
}

export interface PoolLintServiceOptions extends LinterSettings {
  /** Worker threads (default 1). */
  workers?: number;
  /** Documents that may wait for a free worker; one more is refused as overloaded. */
  maxQueue?: number;
  /** Time one document may run in a worker before that worker is terminated. */
  checkTimeoutMs?: number;
  /**
   * Time a document may wait for a worker to start it (default: `checkTimeoutMs`); past it, it is
   * dropped and refused as overloaded.
   */
  queueTimeoutMs?: number;
  /** Old-generation heap per worker, in MB. */
  workerMaxOldMb?: number;
  /** Young-generation heap per worker, in MB (default `DEFAULT_WORKER_YOUNG_MB`). */
  workerYoungMb?: number;
  /** The worker module (default: the compiled lint-worker.js). Tests may inject their own. */
  workerFile?: string | URL;
  /** Told of a worker that failed outside any check (while starting, say): for the log. */
  onWorkerError?: (error: unknown) => void;
}

export interface PoolLoad {
  workers: number;
  /** Documents being linted now. */
  running: number;
  /** Documents waiting for a worker. */
  queued: number;
  maxQueue: number;
  /** True when the next document would be refused. */
  saturated: boolean;
  /** True when no lint worker is running (they failed to start): nothing can be linted. */
  workersFailing: boolean;
}

export interface PoolLintService extends LintService {
  lintJson(text: string, config?: unknown, options?: LintOptions): Promise<string>;
  lintBytes(text: string, config?: unknown, options?: LintOptions): Promise<Uint8Array>;
  checkAdmission(): void;
  load(): PoolLoad;
}

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Lints in a pool of worker threads (worker-pool.ts). The service hands each worker at most two
 * documents (the one it checks and the next), so a worker that finishes starts the next document
 * at once instead of waiting for the HTTP thread to dispatch it (and, on a busy machine, losing
 * its core meanwhile); further documents wait in the service's own bounded queue. A check's
 * timeout counts from when its worker started it, not from when it was handed over; the time a
 * document waits to be started is bounded too (`queueTimeoutMs`). A runaway check is stopped by
 * terminating the thread that runs it, which the worker names when it starts. Each document shares
 * its state with the worker (waiting, running, done, stopping, cancelled; see CheckState), so that
 * a document dropped before it starts is skipped, and a document never gets the error of another:
 * one whose worker was stopped or died before it started goes to the next worker.
 */
export function createPoolLintService(options: PoolLintServiceOptions = {}): PoolLintService {
  const workers = options.workers ?? 1;
  const maxQueue = options.maxQueue ?? workers * 8;
  const checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
  const queueTimeoutMs = options.queueTimeoutMs ?? checkTimeoutMs;
  const pool = new WorkerPool({
    module: toUrl(options.workerFile ?? defaultWorkerFile()),
    threads: workers,
    workerData: {
      maxDiagnostics: options.maxDiagnostics,
      linterCacheSize: options.linterCacheSize,
    },
    resourceLimits: {
      maxOldGenerationSizeMb: options.workerMaxOldMb ?? 512,
      maxYoungGenerationSizeMb: options.workerYoungMb ?? DEFAULT_WORKER_YOUNG_MB,
    },
  });
  /** Documents handed to the pool at most: two per worker, within the admission limit. */
  const dispatchLimit = Math.min(workers * PER_WORKER, workers + maxQueue);
  // A worker that dies outside a task is replaced by the pool, unless it failed while starting
  // (replacements would fail too); it is logged, and when no worker is left /readyz and admission
  // say so.
  pool.on('error', (error: unknown) => options.onWorkerError?.(error));

  /** Documents handed to the pool (checked or next in their worker). */
  let dispatched = 0;
  let closing = false;
  const waiting: Waiter[] = [];
  /** Moving average of lint time, for Retry-After. */
  let averageMs = 50;

  const retryAfter = () =>
    Math.max(1, Math.ceil((((dispatched + waiting.length) / workers) * averageMs) / 1000));
  const running = () => Math.min(dispatched, workers);
  const queued = () => dispatched - running() + waiting.length;
  const saturated = () => dispatched + waiting.length >= workers + maxQueue;
  const workersFailing = () => pool.threads.length === 0;

  function checkAdmission(): void {
    if (closing) {
      throw withoutStackTrace(
        () => new LintServiceError('shutting_down', 'The service is shutting down'),
      );
    }
    if (workersFailing()) throw workersUnavailableError();
    if (saturated()) {
      throw withoutStackTrace(
        () =>
          new LintServiceError(
            'overloaded',
            `The service is saturated: ${running()} documents are being checked and ${queued()} are waiting`,
            retryAfter(),
          ),
      );
    }
  }

  const workersUnavailableError = () =>
    withoutStackTrace(
      () =>
        new LintServiceError(
          'workers_unavailable',
          'No lint worker is running: they failed to start (the service log says why)',
          5,
        ),
    );
  const queueTimeoutError = () =>
    withoutStackTrace(
      () =>
        new LintServiceError(
          'overloaded',
          `The document waited more than ${queueTimeoutMs} ms for a worker and was dropped`,
          retryAfter(),
        ),
    );
  const clientClosedError = () =>
    withoutStackTrace(
      () =>
        new LintServiceError(
          'client_closed',
          'The client closed the request before its check started',
        ),
    );

  /**
   * Takes a slot for the document, or throws when it must not have one. When no slot is free it
   * answers a promise that resolves once release() hands one over (or rejects); the common case,
   * a free slot, costs no promise.
   */
  function admit(signal: AbandonSignal | undefined): Promise<void> | undefined {
    checkAdmission();
    if (signal?.aborted) throw clientClosedError();
    if (dispatched < dispatchLimit) {
      dispatched++;
      return undefined;
    }
    // The slot is handed over by release(): `dispatched` stays counted.
    return new Promise<void>((resolve, reject) => {
      const leave = (error: Error) => {
        const index = waiting.indexOf(waiter);
        if (index < 0) return;
        waiting.splice(index, 1);
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onAbort = () => leave(clientClosedError());
      const timer = setTimeout(() => leave(queueTimeoutError()), queueTimeoutMs);
      timer.unref();
      const waiter: Waiter = {
        resolve() {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject: leave,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next.resolve();
    else dispatched--;
  }

  /**
   * Stops the worker thread running a runaway check. The pool fails every task that worker held
   * (the check, and the next document if it had been handed one) and starts a replacement.
   */
  function stopThread(id: number): void {
    const thread = pool.threads.find((worker) => worker.threadId === id);
    if (thread) void thread.terminate();
  }

  async function run(
    text: string,
    config: unknown,
    output: Output,
    startBy: number,
    signal: AbandonSignal | undefined,
    fields: Pick<LintTask, 'format' | 'source' | 'sourceFormat' | 'alignment'>,
  ): Promise<LintTaskOutcome> {
    let state = new Int32Array(new SharedArrayBuffer(12));
    let dispatchedAt = performance.now();
    let timedOut = false;
    // Called when the document is dropped before any worker started it (it waited too long, or
    // its client left): then there is no thread to stop, and nobody must wait for the pool. The
    // wait for the pool below rejects at once (or, when not begun yet, as soon as it begins).
    let droppedBy: Error | undefined;
    let drop = (error: Error) => {
      droppedBy = error;
    };
    const cancel = (error: Error): boolean => {
      if (Atomics.compareExchange(state, 0, CheckState.waiting, CheckState.cancelled) !== 0) {
        return false;
      }
      drop(error);
      return true;
    };
    const onAbort = () => void cancel(clientClosedError());
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();

    let timer: NodeJS.Timeout | undefined;
    const arm = (delay: number) => {
      timer = setTimeout(watch, Math.max(0, delay));
      timer.unref();
    };
    // One timer per document. Until the document starts, the timer looks every twentieth of the
    // check timeout whether it has (the worker cannot say so: it is busy or starting), and drops
    // it at its queue deadline; once it runs, the timer fires at the check's deadline.
    const poll = Math.max(10, checkTimeoutMs / 20);
    function watch(): void {
      const now = performance.now();
      const current = Atomics.load(state, 0);
      if (current === CheckState.waiting) {
        if (now < startBy) arm(Math.min(startBy - now, poll));
        else if (!cancel(queueTimeoutError())) watch();
      } else if (current === CheckState.running) {
        // The worker wrote how long after the hand-over it started (it may have waited behind
        // the document before it); that wait does not count.
        const due = dispatchedAt + Atomics.load(state, 1) + checkTimeoutMs;
        if (now < due) {
          arm(due - now);
        } else if (
          Atomics.compareExchange(state, 0, CheckState.running, CheckState.stopping) ===
          CheckState.running
        ) {
          timedOut = true;
          stopThread(Atomics.load(state, 2));
        } else {
          watch();
        }
      }
    }
    arm(Math.min(checkTimeoutMs, startBy - performance.now()));

    try {
      const task: LintTask = {
        text,
        config,
        ...fields,
        started: state,
        dispatchedAt: Date.now(),
        ...OUTPUT_FIELDS[output],
      };
      for (;;) {
        try {
          // A runaway check is stopped by stopping its thread (see watch).
          const outcome = await new Promise<LintTaskOutcome>((resolve, reject) => {
            if (droppedBy) {
              reject(droppedBy);
              return;
            }
            drop = (error) => {
              droppedBy = error;
              reject(error);
            };
            (pool.run(task) as Promise<LintTaskOutcome>).then(resolve, reject);
          });
          averageMs = averageMs * 0.9 + (performance.now() - dispatchedAt) * 0.1;
          return outcome;
        } catch (error) {
          const current = Atomics.load(state, 0);
          // Its worker was stopped or died before this document started (another document's
          // timeout or memory), or after it finished but before its result came back: it did
          // nothing wrong, so it goes to the replacement worker, within its queue deadline.
          const innocent = current === CheckState.waiting || current === CheckState.done;
          if (!innocent || closing || timedOut) throw error;
          if (workersFailing()) throw workersUnavailableError();
          if (performance.now() >= startBy) throw queueTimeoutError();
          state = new Int32Array(new SharedArrayBuffer(12));
          task.started = state;
          task.dispatchedAt = Date.now();
          dispatchedAt = performance.now();
        }
      }
    } catch (error) {
      if (error instanceof LintServiceError) throw error;
      throw timedOut ? timeoutError(checkTimeoutMs) : translatePoolError(error);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function lintWith<T>(
    text: string,
    config: unknown,
    lintOptions: LintOptions | undefined,
    output: Output,
    unwrap: (outcome: LintTaskOutcome) => T,
  ): Promise<T> {
    checkConfigLimits(config);
    const startBy = performance.now() + queueTimeoutMs;
    const signal = lintOptions?.signal;
    const slot = admit(signal);
    if (slot) await slot;
    try {
      return unwrap(await run(text, config, output, startBy, signal, lintFields(lintOptions)));
    } finally {
      release();
    }
  }

  return {
    lint: (text, config, lintOptions) =>
      lintWith(text, config, lintOptions, 'result', unwrapOutcome),
    lintJson: (text, config, lintOptions) =>
      lintWith(text, config, lintOptions, 'json', unwrapOutcomeJson),
    lintBytes: (text, config, lintOptions) =>
      lintWith(text, config, lintOptions, 'bytes', unwrapOutcomeBytes),
    checkAdmission,
    async close() {
      closing = true;
      for (const waiter of waiting.splice(0)) {
        waiter.reject(new LintServiceError('shutting_down', 'The service is shutting down'));
      }
      await pool.close();
    },
    load() {
      return {
        workers,
        running: running(),
        queued: queued(),
        maxQueue,
        saturated: saturated(),
        workersFailing: workersFailing(),
      };
    },
  };
}

/** What a worker answers: the result (cloned), its JSON text, or that text as UTF-8 bytes. */
type Output = 'result' | 'json' | 'bytes';
const OUTPUT_FIELDS: Record<Output, Pick<LintTask, 'json' | 'bytes'>> = {
  result: {},
  json: { json: true },
  bytes: { json: true, bytes: true },
};

/** Documents a worker holds: the one it checks and the next. */
const PER_WORKER = 2;

function timeoutError(checkTimeoutMs: number): LintServiceError {
  return new LintServiceError(
    'check_timeout',
    `The check took longer than ${checkTimeoutMs} ms and was stopped`,
  );
}

function translatePoolError(error: unknown): Error {
  const { code } = (error ?? {}) as { code?: string };
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new LintServiceError(
      'worker_out_of_memory',
      'The check ran out of memory and was stopped',
      1,
    );
  }
  return new LintServiceError('worker_failed', 'The check failed in its worker', undefined, {
    cause: error,
  });
}

/**
 * The compiled worker beside this module; when this module runs from TypeScript sources (tests),
 * the build's copy under dist/ (the test script builds first).
 */
function defaultWorkerFile(): URL {
  const beside = new URL('./lint-worker.js', import.meta.url);
  if (existsSync(beside)) return beside;
  return new URL('../../dist/src/http/lint-worker.js', import.meta.url);
}

function toUrl(file: string | URL): string {
  return file instanceof URL ? file.href : pathToFileURL(file).href;
}

/** What a task carries of the lint options (not the signal: it stays on this thread). */
function lintFields(
  options: LintOptions | undefined,
): Pick<LintTask, 'format' | 'source' | 'sourceFormat' | 'alignment'> {
  const fields: Pick<LintTask, 'format' | 'source' | 'sourceFormat' | 'alignment'> = {};
  if (options?.format !== undefined) fields.format = options.format;
  if (options?.source !== undefined) fields.source = options.source;
  if (options?.sourceFormat !== undefined) fields.sourceFormat = options.sourceFormat;
  if (options?.alignment) fields.alignment = true;
  return fields;
}
