/**
 * What the submitter (`mtlint FILES --queue URL`) and the workers (`mtlint worker --queue URL`)
 * agree on: the queue, the shape of a job, its id, and how to reach Redis.
 *
 * A job carries everything the lint needs: the file's text, its kind (text, Markdown, HTML) and the
 * engine config and penalty weights the submitter resolved for it (config files, overrides and
 * --rule flags). A worker reads nothing from disk and has no config of its own, so the submitter's
 * config is the one that applies, and a worker on another machine needs no copy of the archive.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_PENALTY_WEIGHTS, type LintResult, type Linter } from '../core/index.js';
import { createMtLinter } from '../linter.js';
import type { EffectiveConfig } from './config.js';
import type { DocumentKind } from './document.js';
import { loadProcessor, tagText } from '../core/index.js';
import { CliError, describeError } from './errors.js';

/** One queue for every version: a worker refuses (fails) a job another version submitted. */
export const QUEUE_NAME = 'mtlint';
/** BullMQ's default key prefix: every key of the queue starts with `bull:mtlint:`. */
export const KEY_PREFIX = 'bull';
/** Bumped when the job's shape changes; part of the job id. */
export const JOB_FORMAT = 1;
const KINDS: readonly DocumentKind[] = ['text', 'markdown', 'html', 'xliff'];

export interface LintJobData {
  format: number;
  /** The mtlint version that submitted the job; a worker of another version fails it. */
  version: string;
  kind: DocumentKind;
  effective: EffectiveConfig;
  text: string;
}

/**
 * Same text, kind, config and mtlint version -> same id, whoever submits it from wherever: a
 * second submission finds the finished result (or the job in flight) instead of adding work.
 * The path is not part of it: two copies of one article are one job.
 */
export function jobIdFor(data: LintJobData): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([data.format, data.version, data.kind, data.effective]));
  hash.update('\n');
  hash.update(data.text);
  // A prefix keeps the id from ever looking like a number (BullMQ's own ids are numbers).
  return `lint-${hash.digest('hex')}`;
}

/** `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS); anything else is a usage error. */
export function parseRedisUrl(flag: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`${flag} "${value}" is not a URL (expected e.g. redis://127.0.0.1:6379)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new CliError(
      `${flag} "${value}" is not a Redis URL (expected e.g. redis://127.0.0.1:6379)`,
    );
  }
  return url;
}

/** The address as messages show it: never the password. */
export function showRedis(url: URL): string {
  if (!url.password) return url.href.replace(/\/$/, '');
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/** How long a connection attempt may take before the address counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connection options for the submitter's BullMQ connections. ioredis reconnects forever by default
 * and BullMQ queues commands while it does, so a Redis that goes away mid-run would leave the
 * command hanging: here reconnecting stops after about six seconds, which fails the pending
 * commands and ends the run with exit 2.
 */
export function submitterConnection(url: URL): Record<string, unknown> {
  return {
    url: url.href,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (times: number) => (times > 5 ? null : times * 400),
  };
}

/**
 * Connects once, without retrying, and pings: an unreachable or misconfigured Redis is reported in
 * bounded time (the connect timeout) with its reason, before BullMQ, which would retry forever,
 * gets the address.
 */
export async function checkRedis(url: URL): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url.href, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  let lastError: unknown;
  client.on('error', (error: unknown) => (lastError = error)); // reported below, not thrown
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = describeError(lastError ?? error);
    throw new CliError(`Cannot connect to Redis at ${showRedis(url)}: ${reason}`);
  } finally {
    // Not after the connection ended: ioredis would arm a 2 s timer that keeps the process alive.
    if (client.status !== 'end') client.disconnect();
  }
}

/** A job whose data is not what this version submits: failing it again would not help. */
export class BadJobError extends Error {}

export function checkJobData(data: unknown, version: string): LintJobData {
  const job = data as Partial<LintJobData> | null;
  if (typeof job !== 'object' || job === null) throw new BadJobError('the job has no data');
  if (job.version !== version || job.format !== JOB_FORMAT) {
    throw new BadJobError(
      `the job was submitted by mtlint ${String(job.version)} (job format ${String(job.format)}); ` +
        `this worker runs mtlint ${version} (job format ${JOB_FORMAT}): run workers of the submitter's version`,
    );
  }
  if (typeof job.text !== 'string') throw new BadJobError('the job has no text');
  if (!KINDS.includes(job.kind as DocumentKind)) {
    throw new BadJobError(`the job's kind "${String(job.kind)}" is not one of ${KINDS.join(', ')}`);
  }
  const effective = job.effective as Partial<EffectiveConfig> | undefined;
  if (
    typeof effective !== 'object' ||
    effective === null ||
    typeof effective.config !== 'object' ||
    typeof effective.weights !== 'object'
  ) {
    throw new BadJobError('the job has no config');
  }
  return job as LintJobData;
}

/**
 * One linter per distinct config, as in a local run, but a worker lives long and serves many
 * submitters: the least recently used linters go once there are more than this many.
 */
const MAX_LINTERS = 16;
const linters = new Map<string, Linter>();

function linterFor({ config, weights }: EffectiveConfig): Linter {
  const key = JSON.stringify([config, weights]);
  let linter = linters.get(key);
  if (linter) {
    linters.delete(key); // re-inserted below: Map order is the recency order
  } else {
    linter = createMtLinter(config, { penaltyWeights: weights, maxDiagnostics: Infinity });
    if (linters.size >= MAX_LINTERS) linters.delete(linters.keys().next().value!);
  }
  linters.set(key, linter);
  return linter;
}

/** What a local run does for one file (src/cli/task.ts), on the text the job carries. */
export async function lintJob(data: LintJobData): Promise<LintResult> {
  await loadProcessor(data.kind);
  return linterFor(data.effective).lint(data.text, { format: data.kind });
}

/**
 * Loads what the first job would (the rules, the language model, the Markdown, HTML and XLIFF parsers)
 * before a worker takes jobs: a first job that blocked the event loop for that long could outlast
 * its lock (short locks are allowed) and be taken for lost.
 */
export async function warmUp(version: string): Promise<void> {
  const effective: EffectiveConfig = { config: {}, weights: { ...DEFAULT_PENALTY_WEIGHTS } };
  tagText('The worker is ready.'); // the language model loads on first tag
  for (const kind of KINDS) {
    const text = kind === 'xliff' ? READY_XLIFF : 'The worker is ready.';
    await lintJob({ format: JOB_FORMAT, version, kind, effective, text });
  }
}

/** The smallest XLIFF document: its parser loads like the others' (a plain sentence is no XLIFF). */
const READY_XLIFF =
  '<xliff version="2.0" srcLang="en" trgLang="en"><file id="f"><unit id="u"><segment>' +
  '<source>The worker is ready.</source><target>The worker is ready.</target></segment></unit></file></xliff>';
