import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Format, LintResult } from '../core/index.js';
import { withoutStackTrace } from './errors.js';
import { LinterCache } from './linter-cache.js';
import { DEFAULT_WORKER_YOUNG_MB } from '../worker-heap.js';
import {
  runLintTask,
  unwrapOutcome,
  unwrapOutcomeJson,
  type LintTask,
  type LintTaskOutcome,
} from './lint-task.js';

/**
 * The one seam through which routes lint. Rejects with the engine's ConfigError for a bad config,
 * and with a LintServiceError when the service cannot lint now (timeout, saturation, worker crash).
 */
export interface LintService {
  lint(text: string, config?: unknown, format?: Format): Promise<LintResult>;
  /**
   * The same result as its JSON text, serialized off the HTTP thread when the service can
   * (routes that only send the result use it; without it they serialize `lint`'s result).
   */
  lintJson?(text: string, config?: unknown, format?: Format): Promise<string>;
  /**
   * Throws the LintServiceError that `lint` would throw right now for want of room (saturated or
   * shutting down), so a route can refuse a document before reading its body. Admission is
   * still decided by `lint`: a document admitted here may be refused there.
   */
  checkAdmission?(): void;
  close(): Promise<void>;
}

export type LintServiceErrorCode =
  'check_timeout' | 'overloaded' | 'worker_out_of_memory' | 'worker_failed' | 'shutting_down';

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
    async lint(text, config, format) {
      if (closed) throw new LintServiceError('shutting_down', 'The lint service is closed');
      return unwrapOutcome(runLintTask(cache, { text, config, format }));
    },
    async lintJson(text, config, format) {
      if (closed) throw new LintServiceError('shutting_down', 'The lint service is closed');
      return unwrapOutcomeJson(runLintTask(cache, { text, config, format, json: true }));
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
  /** Old-generation heap per worker, in MB. */
  workerMaxOldMb?: number;
  /** Young-generation heap per worker, in MB (default `DEFAULT_WORKER_YOUNG_MB`). */
  workerYoungMb?: number;
  /** The worker module (default: the compiled lint-worker.js). Tests may inject their own. */
  workerFile?: string | URL;
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
}

export interface PoolLintService extends LintService {
  lintJson(text: string, config?: unknown, format?: Format): Promise<string>;
  checkAdmission(): void;
  load(): PoolLoad;
}

/**
 * Lints in a piscina pool of worker threads. The service hands each worker at most two documents
 * (the one it checks and the next), so a worker that finishes starts the next document at once
 * instead of waiting for the HTTP thread to dispatch it (and, on a busy machine, losing its core
 * meanwhile); further documents wait in the service's own bounded queue. A check's timeout counts
 * from when its worker started it, not from when it was handed over. Tasks are not abortable
 * (piscina gives an abortable task only to an idle worker, which defeats the hand-over): a runaway
 * check is stopped by terminating the thread that runs it, which the worker names when it starts.
 */
export function createPoolLintService(options: PoolLintServiceOptions = {}): PoolLintService {
  const workers = options.workers ?? 1;
  const maxQueue = options.maxQueue ?? workers * 8;
  const checkTimeoutMs = options.checkTimeoutMs ?? 10_000;
  const pool = new Piscina({
    filename: toPath(options.workerFile ?? defaultWorkerFile()),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    workerData: {
      maxDiagnostics: options.maxDiagnostics,
      linterCacheSize: options.linterCacheSize,
    },
    resourceLimits: {
      maxOldGenerationSizeMb: options.workerMaxOldMb ?? 512,
      maxYoungGenerationSizeMb: options.workerYoungMb ?? DEFAULT_WORKER_YOUNG_MB,
    },
    concurrentTasksPerWorker: PER_WORKER,
  });
  /** Documents handed to piscina at most: two per worker, within the admission limit. */
  const dispatchLimit = Math.min(workers * PER_WORKER, workers + maxQueue);
  // A worker that dies outside a task (say, while starting) is replaced by piscina; the error
  // must not become an uncaught exception of the server.
  pool.on('error', () => {});

  /** Documents handed to piscina (checked or next in their worker). */
  let dispatched = 0;
  let closing = false;
  const waiting: (() => void)[] = [];
  /** Moving average of lint time, for Retry-After. */
  let averageMs = 50;

  const retryAfter = () =>
    Math.max(1, Math.ceil((((dispatched + waiting.length) / workers) * averageMs) / 1000));
  const running = () => Math.min(dispatched, workers);
  const queued = () => dispatched - running() + waiting.length;
  const saturated = () => dispatched + waiting.length >= workers + maxQueue;

  function checkAdmission(): void {
    if (closing) {
      throw withoutStackTrace(
        () => new LintServiceError('shutting_down', 'The service is shutting down'),
      );
    }
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

  async function admit(): Promise<void> {
    checkAdmission();
    if (dispatched < dispatchLimit) {
      dispatched++;
      return;
    }
    // The slot is handed over by release(): `dispatched` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else dispatched--;
  }

  /**
   * Stops the worker thread running a runaway check. Piscina fails every task that worker held
   * (the check, and the next document if it had been handed one) and starts a replacement.
   */
  function stopThread(id: number): void {
    const thread = pool.threads.find((worker) => worker.threadId === id);
    if (thread) void thread.terminate();
  }

  async function run(
    text: string,
    config: unknown,
    json: boolean,
    format?: Format,
  ): Promise<LintTaskOutcome> {
    const dispatchedAt = performance.now();
    const started = new Int32Array(new SharedArrayBuffer(12));
    let timedOut = false;
    // Settles only when the document times out before any worker started it: then there is no
    // thread to stop, and the client must not wait for the pool to get round to it.
    let giveUp: () => void = () => {};
    const unstarted = new Promise<never>((_resolve, reject) => {
      giveUp = () => reject(timeoutError(checkTimeoutMs));
    });
    const stopTimer = watchCheck(started, checkTimeoutMs, () => {
      timedOut = true;
      const thread = Atomics.load(started, 2);
      if (thread !== 0) stopThread(thread);
      else giveUp();
    });
    try {
      const task: LintTask = { text, config, format, started, json, dispatchedAt: Date.now() };
      for (let attempt = 1; ; attempt++) {
        try {
          // Not abortable: piscina hands an abortable task only to an idle worker, and each worker
          // must hold its next document. A runaway check is stopped by stopping its thread.
          const outcome = (await Promise.race([pool.run(task), unstarted])) as LintTaskOutcome;
          averageMs = averageMs * 0.9 + (performance.now() - dispatchedAt) * 0.1;
          return outcome;
        } catch (error) {
          // Its worker was stopped (another document's timeout or memory) before this document
          // started: it did nothing wrong, so it goes to the replacement worker.
          const neverStarted = Atomics.load(started, 0) === 0 && !timedOut;
          if (!neverStarted || closing || attempt >= MAX_ATTEMPTS) throw error;
          task.dispatchedAt = Date.now();
        }
      }
    } catch (error) {
      throw timedOut ? timeoutError(checkTimeoutMs) : translatePoolError(error);
    } finally {
      stopTimer();
    }
  }

  return {
    async lint(text, config, format) {
      await admit();
      try {
        return unwrapOutcome(await run(text, config, false, format));
      } finally {
        release();
      }
    },
    async lintJson(text, config, format) {
      await admit();
      try {
        return unwrapOutcomeJson(await run(text, config, true, format));
      } finally {
        release();
      }
    },
    checkAdmission,
    async close() {
      closing = true;
      await pool.close();
    },
    load() {
      return {
        workers,
        running: running(),
        queued: queued(),
        maxQueue,
        saturated: saturated(),
      };
    },
  };
}

/** Documents a worker holds: the one it checks and the next. */
const PER_WORKER = 2;
/** Times a document is handed over again when its worker was stopped before it started. */
const MAX_ATTEMPTS = 3;

/** Longest a document may wait for its worker to start (a replaced worker loads the rules first). */
const STARTUP_GRACE_MS = 30_000;

/**
 * Calls `onTimeout` `timeoutMs` after its worker started the check. Normally a check starts as
 * soon as it is dispatched; but after a worker was terminated, its replacement first loads the
 * engine, and that time must not count against the document. The worker raises `started[0]` when
 * it begins. A document that never starts within the grace period times out as well.
 */
function watchCheck(started: Int32Array, timeoutMs: number, onTimeout: () => void): () => void {
  const dispatched = performance.now();
  let timer: NodeJS.Timeout;
  const arm = (delay: number, onFire: () => void) => {
    timer = setTimeout(onFire, delay);
    timer.unref();
  };
  const waitForStart = () => {
    if (Atomics.load(started, 0) === 1) arm(timeoutMs, onTimeout);
    else if (performance.now() - dispatched > STARTUP_GRACE_MS) onTimeout();
    else arm(10, waitForStart);
  };
  arm(timeoutMs, () => {
    if (Atomics.load(started, 0) !== 1) waitForStart();
    else {
      // The worker wrote how long after its hand-over the check started (it may have waited
      // behind the document before it); that wait does not count.
      const waited = Atomics.load(started, 1);
      if (waited > 0) arm(waited, onTimeout);
      else onTimeout();
    }
  });
  return () => clearTimeout(timer);
}

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

function toPath(file: string | URL): string {
  return file instanceof URL ? fileURLToPath(file) : file;
}
