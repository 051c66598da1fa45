/**
 * Queue mode (`mtlint FILES --queue redis://HOST:PORT`): the files go to a BullMQ queue on Redis as
 * jobs, `mtlint worker` processes on any number of machines lint them, and this process waits for
 * the results and reports them as a local run would (same order, formats, exit codes and gates).
 *
 * - Each job carries the text, its kind and the resolved config (queue-common.ts), and its id is a
 *   hash of those and the mtlint version: adding a job that exists already is a no-op in BullMQ, so
 *   a resubmission waits for the job in flight, or takes the stored result at once.
 * - At most WINDOW jobs of this run are in flight: the texts of millions of files are never all in
 *   memory or all in Redis at once, and the files still outnumber the workers.
 * - Results come from BullMQ's event stream; a slow poll of the jobs still awaited catches any
 *   event missed (the stream is trimmed, and it is read from "now") and any job removed meanwhile.
 * - A Redis that stops answering ends the run with exit 2 (the connection gives up reconnecting,
 *   see submitterConnection), never a hang.
 */
import type { Job, Queue, QueueEvents } from 'bullmq';
import type { LintResult } from '../core/index.js';
import { CliError, describeError } from './errors.js';
import type { Progress } from './progress.js';
import {
  JOB_FORMAT,
  KEY_PREFIX,
  QUEUE_NAME,
  checkRedis,
  jobIdFor,
  parseRedisUrl,
  showRedis,
  submitterConnection,
  type LintJobData,
} from './queue-common.js';
import { readSource, type LintTask, type TaskOutcome } from './task.js';

/** Jobs of this run in flight at once. */
const WINDOW = 1000;
/** Jobs added in one round trip. */
const BATCH = 100;
/** How often the jobs still awaited are looked up, in case their event was missed. */
const POLL_MS = 3000;
/** How long closing the connections may take before they are cut. */
const CLOSE_POLITELY_MS = 2000;
/** How long closing them is waited for at all. */
const CLOSE_AT_MOST_MS = 4000;

export interface QueueRunOptions {
  /** The --queue value, not yet checked. */
  queue: string;
  /** This mtlint's version: part of every job id, and workers must run the same. */
  version: string;
  progress: Progress;
  stderr: NodeJS.WritableStream;
}

export async function lintAllQueued(
  tasks: LintTask[],
  options: QueueRunOptions,
): Promise<LintResult[]> {
  const url = parseRedisUrl('--queue', options.queue);
  await checkRedis(url);
  const { Queue, QueueEvents } = await import('bullmq');
  let connectionError: unknown;
  const remember = (error: unknown) => (connectionError = error);
  const queue = new Queue<LintJobData, LintResult>(QUEUE_NAME, {
    connection: submitterConnection(url),
    prefix: KEY_PREFIX,
  });
  queue.on('error', remember);
  const events = new QueueEvents(QUEUE_NAME, {
    connection: submitterConnection(url),
    prefix: KEY_PREFIX,
  });
  events.on('error', remember);

  const run = new QueueRun(tasks, queue, events, options.version, options.progress);
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    await warnWithoutWorkers(queue, url, options.stderr);
    await Promise.race([run.done(), connectionEnded(queue, events)]);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(
      `Lost the connection to Redis at ${showRedis(url)}: ${describeError(connectionError ?? error)}`,
    );
  } finally {
    run.stop();
    await closeAll(queue, events);
  }
  return run.results();
}

/**
 * Rejects when a connection gives up reconnecting ('end'): a command sent on it may then never
 * settle, so the run must not wait for its rejection. (On the run's own close it rejects too, after
 * the race it is in is decided; that rejection is dropped.)
 */
function connectionEnded(queue: Queue, events: QueueEvents): Promise<never> {
  const ended = new Promise<never>((_, reject) => {
    for (const client of [queue.backend.client, events.backend.client]) {
      client.then(
        (redis) => redis.once('end', () => reject(new Error('the connection was closed'))),
        reject,
      );
    }
  });
  ended.catch(() => undefined);
  return ended;
}

/** Waiting with no worker is legitimate (they may start later), but silent waiting is not. */
async function warnWithoutWorkers(
  queue: Queue,
  url: URL,
  stderr: NodeJS.WritableStream,
): Promise<void> {
  let count: number;
  try {
    count = await queue.getWorkersCount();
  } catch {
    return; // some hosted Redis services refuse CLIENT LIST: nothing to say then
  }
  if (count === 0) {
    stderr.write(
      `mtlint: no worker is connected to ${showRedis(url)} yet; waiting ` +
        `(start one with: mtlint worker --queue ${showRedis(url)})\n`,
    );
  }
}

async function closeAll(queue: Queue, events: QueueEvents): Promise<void> {
  const closing = Promise.allSettled([events.close(), queue.close()]);
  // A connection that is gone may not close politely: cut it rather than keep the process alive.
  const late = setTimeout(() => {
    void events.disconnect().catch(() => undefined);
    void queue.disconnect().catch(() => undefined);
  }, CLOSE_POLITELY_MS);
  // And a close that never settles even then (its connection ended under it) must not leave the
  // run waiting on nothing: Node would exit with 13, "unsettled top-level await", not the run's
  // own status. Give up waiting after a while; the connections are cut by then.
  let giveUp: NodeJS.Timeout | undefined;
  await Promise.race([
    closing,
    new Promise<void>((resolve) => (giveUp = setTimeout(resolve, CLOSE_AT_MOST_MS))),
  ]);
  clearTimeout(late);
  clearTimeout(giveUp);
}

type Finished = { ok: true; result: LintResult } | { ok: false; reason: string };

class QueueRun {
  private readonly outcomes: (TaskOutcome | undefined)[];
  /** Job id -> the files (positions in `tasks`) waiting for it: copies of one text share a job. */
  private readonly awaited = new Map<string, number[]>();
  private settled = 0;
  private stopped = false;
  /** Who waits for the next result: the submitter when its window is full, or for the last ones. */
  private readonly waiters = new Set<() => void>();
  private pollTimer: NodeJS.Timeout | undefined;
  private pollWake: (() => void) | undefined;

  constructor(
    private readonly tasks: LintTask[],
    private readonly queue: Queue<LintJobData, LintResult>,
    events: QueueEvents,
    private readonly version: string,
    private readonly progress: Progress,
  ) {
    this.outcomes = new Array(tasks.length);
    events.on('completed', ({ jobId, returnvalue }) =>
      this.finish(jobId, { ok: true, result: returnvalue as unknown as LintResult }),
    );
    events.on('failed', ({ jobId, failedReason }) =>
      this.finish(jobId, { ok: false, reason: failedReason }),
    );
  }

  /** Resolves when every file has its outcome; rejects when Redis fails us. */
  async done(): Promise<void> {
    await Promise.all([this.submit(), this.poll()]);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    this.pollWake?.();
    this.wakeAll();
  }

  private wakeAll(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiting) wake();
  }

  private nextResult(): Promise<void> {
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** The results in file order, or the first file's error in file order (as a local run). */
  results(): LintResult[] {
    const failed = this.outcomes.find((outcome) => outcome && !outcome.ok);
    if (failed && !failed.ok) throw new CliError(failed.error);
    return this.outcomes.map((outcome) => (outcome as { result: LintResult }).result);
  }

  private get finishedAll(): boolean {
    return this.settled === this.tasks.length;
  }

  private settle(index: number, outcome: TaskOutcome): void {
    this.outcomes[index] = outcome;
    this.settled++;
    this.progress.tick();
  }

  private finish(jobId: string | undefined, finished: Finished): void {
    const indexes = jobId === undefined ? undefined : this.awaited.get(jobId);
    if (!indexes) return; // another submitter's job, or one settled already
    this.awaited.delete(jobId!);
    for (const index of indexes) {
      this.settle(
        index,
        finished.ok
          ? { ok: true, result: finished.result }
          : { ok: false, error: `Cannot lint ${this.tasks[index]!.display}: ${finished.reason}` },
      );
    }
    this.wakeAll();
  }

  private dataFor(index: number): LintJobData | string {
    const task = this.tasks[index]!;
    let text: string;
    try {
      text = readSource(task);
    } catch (error) {
      return `Cannot read ${task.display}: ${describeError(error)}`;
    }
    return {
      format: JOB_FORMAT,
      version: this.version,
      kind: task.kind,
      effective: task.effective,
      text,
    };
  }

  private async submit(): Promise<void> {
    let batch: { id: string; data: LintJobData }[] = [];
    for (let index = 0; index < this.tasks.length && !this.stopped; index++) {
      const data = this.dataFor(index);
      if (typeof data === 'string') {
        this.settle(index, { ok: false, error: data });
        continue;
      }
      const id = jobIdFor(data);
      const sharing = this.awaited.get(id);
      if (sharing) {
        sharing.push(index);
        continue;
      }
      this.awaited.set(id, [index]);
      batch.push({ id, data });
      if (batch.length === BATCH) {
        await this.add(batch, true);
        batch = [];
        while (this.awaited.size >= WINDOW && !this.stopped) await this.nextResult();
      }
    }
    if (batch.length) await this.add(batch, true);
    while (!this.finishedAll && !this.stopped) await this.nextResult();
    this.stop(); // ends the poll
  }

  /**
   * Adds the jobs (a no-op for an id that exists), then looks at each once: a job finished before
   * this run has no event coming. A job found failed is retried once (it may have failed for a
   * reason that has passed, such as a worker of another version); its next failure is final.
   */
  private async add(batch: { id: string; data: LintJobData }[], retryFailed: boolean) {
    await this.queue.addBulk(
      batch.map(({ id, data }) => ({ name: 'lint', data, opts: { jobId: id } })),
    );
    await this.look(
      batch.map(({ id }) => id),
      retryFailed,
    );
  }

  private async look(ids: string[], retryFailed: boolean): Promise<void> {
    const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
    const missing: string[] = [];
    await Promise.all(
      ids.map(async (id, n) => {
        const state = states[n];
        if (state === 'unknown') {
          missing.push(id);
          return;
        }
        if (state !== 'completed' && state !== 'failed') return;
        const job: Job<LintJobData, LintResult> | undefined = await this.queue.getJob(id);
        if (!job) {
          missing.push(id);
          return;
        }
        if (state === 'completed') {
          this.finish(id, { ok: true, result: job.returnvalue });
        } else if (retryFailed) {
          await job.retry('failed').catch(() => undefined); // another submitter retried it first
        } else {
          this.finish(id, { ok: false, reason: job.failedReason });
        }
      }),
    );
    // Removed between our add and now (cleared, or its result expired): add it again.
    const again = missing.filter((id) => this.awaited.has(id));
    if (again.length) await this.readd(again);
  }

  private async readd(ids: string[]): Promise<void> {
    const batch: { id: string; data: LintJobData }[] = [];
    for (const id of ids) {
      const data = this.dataFor(this.awaited.get(id)![0]!);
      if (typeof data === 'string') {
        for (const index of this.awaited.get(id)!) this.settle(index, { ok: false, error: data });
        this.awaited.delete(id);
      } else {
        batch.push({ id, data });
      }
    }
    if (batch.length) await this.add(batch, false);
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      await new Promise<void>((resolve) => {
        this.pollWake = resolve;
        this.pollTimer = setTimeout(resolve, POLL_MS);
      });
      const ids = [...this.awaited.keys()];
      for (let start = 0; start < ids.length && !this.stopped; start += BATCH) {
        await this.look(ids.slice(start, start + BATCH), false);
      }
    }
  }
}
