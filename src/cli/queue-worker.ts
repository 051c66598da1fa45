/**
 * `mtlint worker --queue redis://HOST:PORT`: a BullMQ worker that lints the jobs `mtlint FILES
 * --queue` submits, until SIGTERM or SIGINT. Run any number, on any machines; each lints on its
 * main thread, so run one per core (docs/queue.md).
 *
 * `mtlint queue-clear --queue redis://HOST:PORT [--all]`: removes the stored results.
 */
import { parseArgs } from 'node:util';
import type { LintResult } from '../core/index.js';
import { CliError, describeError } from './errors.js';
import {
  KEY_PREFIX,
  QUEUE_NAME,
  checkJobData,
  checkRedis,
  lintJob,
  parseRedisUrl,
  showRedis,
  warmUp,
  type LintJobData,
} from './queue-common.js';
import type { CliIo } from './run.js';

export const WORKER_USAGE = `Usage: mtlint worker --queue redis://HOST:PORT [options]
       mtlint queue-clear --queue redis://HOST:PORT [--all]

mtlint worker lints the files that "mtlint FILES --queue redis://HOST:PORT" submits, until
SIGTERM or SIGINT (it finishes the jobs in hand first; a second signal stops at once, and those
jobs go back to the queue when their lock expires). Run any number, on any machines, one per core.

Worker options:
      --queue URL             Redis: redis://[user:password@]host[:port][/db], rediss:// for TLS
      --concurrency N         jobs this process holds at once (default 1; linting is
                              single-threaded: start more processes for more cores)
      --keep SECONDS          how long finished results stay in Redis (default 86400, a day)
      --lock-duration MS      a job's lock; a worker that stops renewing it (killed, hung) loses
                              the job after this long (default 30000)
      --stalled-interval MS   how often this worker looks for such jobs (default 30000)
      --max-stalled N         how often one job may be lost so before it fails (default 1)

queue-clear removes the finished jobs (results and failures) of every mtlint version;
--all removes the waiting and running ones too.

Exit codes: 0 stopped on a signal (or cleared), 2 a usage error or Redis unreachable.
`;

export async function runQueueCommand(io: CliIo, version: string): Promise<number> {
  const [command, ...argv] = io.argv;
  return command === 'worker' ? runWorker(io, argv, version) : clearQueue(io, argv);
}

interface WorkerOptions {
  queue: URL;
  concurrency: number;
  keepSeconds: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
}

const FLAGS = {
  queue: { type: 'string' },
  concurrency: { type: 'string' },
  keep: { type: 'string' },
  'lock-duration': { type: 'string' },
  'stalled-interval': { type: 'string' },
  'max-stalled': { type: 'string' },
  all: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags of both subcommands; each rejects the other's. */
function parse(argv: string[], command: string, accepted: (keyof typeof FLAGS)[]) {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: FLAGS,
    }).values;
  } catch (error) {
    throw new CliError(
      `${(error as Error).message}\nRun "mtlint ${command} --help" for the options.`,
    );
  }
  for (const flag of Object.keys(values)) {
    if (!accepted.includes(flag as keyof typeof FLAGS) && flag !== 'help') {
      throw new CliError(`mtlint ${command} has no --${flag} option\n\n${WORKER_USAGE}`);
    }
  }
  return values;
}

function whole(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new CliError(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

function queueUrl(value: string | undefined, command: string): URL {
  if (value === undefined) {
    throw new CliError(`mtlint ${command} needs --queue redis://HOST:PORT\n\n${WORKER_USAGE}`);
  }
  return parseRedisUrl('--queue', value);
}

function parseWorkerArgs(argv: string[]): WorkerOptions | undefined {
  const values = parse(argv, 'worker', [
    'queue',
    'concurrency',
    'keep',
    'lock-duration',
    'stalled-interval',
    'max-stalled',
  ]);
  if (values.help) return undefined;
  return {
    queue: queueUrl(values.queue, 'worker'),
    concurrency: whole('--concurrency', values.concurrency, 1, 1),
    keepSeconds: whole('--keep', values.keep, 86_400, 1),
    lockDuration: whole('--lock-duration', values['lock-duration'], 30_000, 100),
    stalledInterval: whole('--stalled-interval', values['stalled-interval'], 30_000, 100),
    maxStalledCount: whole('--max-stalled', values['max-stalled'], 1, 0),
  };
}

/** Errors repeat while Redis is away (every reconnect attempt): say each message once a minute. */
function throttled(log: (line: string) => void): (line: string) => void {
  const said = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if ((said.get(line) ?? 0) > now - 60_000) return;
    said.set(line, now);
    log(line);
  };
}

async function runWorker(io: CliIo, argv: string[], version: string): Promise<number> {
  const options = parseWorkerArgs(argv);
  if (!options) {
    io.stdout.write(WORKER_USAGE);
    return 0;
  }
  const log = (line: string) => io.stderr.write(`mtlint worker: ${line}\n`);
  const where = showRedis(options.queue);
  await checkRedis(options.queue);
  await warmUp(version);

  const { Worker } = await import('bullmq');
  let linted = 0;
  const worker = new Worker<LintJobData, LintResult>(
    QUEUE_NAME,
    async (job) => {
      // Thrown errors fail the job (one attempt: linting the same text again gives the same
      // error); the message is what the submitter prints after "Cannot lint FILE: ".
      const data = checkJobData(job.data, version);
      try {
        return await lintJob(data);
      } catch (error) {
        throw new Error(describeError(error));
      }
    },
    {
      // BullMQ's own reconnection (forever, backing off to 20 s): a worker outlives a Redis restart.
      connection: { url: options.queue.href },
      prefix: KEY_PREFIX,
      autorun: false,
      concurrency: options.concurrency,
      lockDuration: options.lockDuration,
      stalledInterval: options.stalledInterval,
      maxStalledCount: options.maxStalledCount,
      removeOnComplete: { age: options.keepSeconds },
      removeOnFail: { age: options.keepSeconds },
    },
  );
  const warn = throttled(log);
  worker.on('error', (error) => warn(`Redis at ${where}: ${describeError(error)}`));
  worker.on('failed', (job, error) => log(`job ${job?.id ?? '?'} failed: ${error.message}`));
  worker.on('completed', () => linted++);
  worker.on('stalled', (jobId) =>
    log(`job ${jobId} stalled (its worker stopped renewing the lock): back in the queue`),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(
        `${signal} again: stopping now; unfinished jobs return to the queue when their lock expires`,
      );
      void worker.close(true);
      return;
    }
    stopping = true;
    log(`${signal}: finishing the jobs in hand, then stopping`);
    void worker.close();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    await worker.waitUntilReady();
    log(
      `mtlint ${version} waiting for jobs on ${where} (queue "${QUEUE_NAME}", concurrency ${options.concurrency})`,
    );
    await worker.run();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    await worker.close();
  }
  log(`stopped after ${linted} job${linted === 1 ? '' : 's'}`);
  return 0;
}

async function clearQueue(io: CliIo, argv: string[]): Promise<number> {
  const values = parse(argv, 'queue-clear', ['queue', 'all']);
  if (values.help) {
    io.stdout.write(WORKER_USAGE);
    return 0;
  }
  const url = queueUrl(values.queue, 'queue-clear');
  await checkRedis(url);
  const { Queue } = await import('bullmq');
  const queue = new Queue(QUEUE_NAME, { connection: { url: url.href }, prefix: KEY_PREFIX });
  let lastError: unknown;
  queue.on('error', (error) => (lastError = error));
  try {
    if (values.all) {
      await queue.obliterate({ force: true });
      io.stderr.write(`mtlint: removed every job of queue "${QUEUE_NAME}" on ${showRedis(url)}\n`);
    } else {
      const completed = await queue.clean(0, 0, 'completed');
      const failed = await queue.clean(0, 0, 'failed');
      io.stderr.write(
        `mtlint: removed ${completed.length} results and ${failed.length} failures from ${showRedis(url)}\n`,
      );
    }
  } catch (error) {
    throw new CliError(
      `Cannot clear the queue on ${showRedis(url)}: ${describeError(lastError ?? error)}`,
    );
  } finally {
    await queue.close();
  }
  return 0;
}
