import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EMPTY_CONFIG, effectiveConfig } from '../src/cli/config.js';
import { JOB_FORMAT, jobIdFor } from '../src/cli/queue-common.js';
import { BIN, FIXTURES, ROOT, mtlint, type CliRun } from './helpers/cli.js';
import { startRedis, stopProcess, type RunningRedis } from './helpers/redis.js';
import { freePort } from './helpers/server.js';

/**
 * Queue mode end to end: a real redis-server, real `mtlint worker` processes and real submitters,
 * each compared with a local run of the same files. The tests share one Redis and run in order.
 */

const ARTICLES = 60;
const FILES = ['basic', 'formats', 'tree', 'archive'];

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
  delete env.NODE_OPTIONS; // jest's flags are not the command's
  return env;
}

/** The command, asynchronously: the test watches Redis and the workers while it runs. */
function start(args: string[], cwd: string): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (status) => resolve({ status, stdout, stderr })),
  );
  return { child, done };
}

interface RunningWorker {
  child: ChildProcess;
  log(): string;
}

const workers: ChildProcess[] = [];

async function startWorker(url: string, extra: string[] = []): Promise<RunningWorker> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'worker',
      '--queue',
      url,
      '--lock-duration',
      '1000',
      '--stalled-interval',
      '500',
      ...extra,
    ],
    { env: childEnv(), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  workers.push(child);
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await until(
    () => log.includes('waiting for jobs'),
    () => `the worker did not start:\n${log}`,
  );
  return { child, log: () => log };
}

async function until(condition: () => boolean | Promise<boolean>, what: () => string) {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(what());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Articles made of the seed article's paragraphs, some Markdown and HTML, one copy of another. */
function writeArchive(dir: string): void {
  const paragraphs = readFileSync(join(FIXTURES, 'basic', 'seed.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  mkdirSync(dir);
  for (let index = 0; index < ARTICLES; index++) {
    const picked = Array.from(
      { length: 2 + (index % 5) },
      (_, n) => paragraphs[(index * 7 + n * 3) % paragraphs.length]!,
    );
    const id = String(index).padStart(3, '0');
    picked.unshift(`Article ${id} was filed on day ${index + 1}.`); // no two alike
    if (index % 10 === 1) {
      writeFileSync(join(dir, `article-${id}.md`), `# Article ${id}\n\n${picked.join('\n\n')}\n`);
    } else if (index % 10 === 2) {
      const body = picked.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
      writeFileSync(
        join(dir, `article-${id}.html`),
        `<html><body>\n${body.join('\n')}\n</body></html>\n`,
      );
    } else {
      writeFileSync(join(dir, `article-${id}.txt`), `${picked.join('\n\n')}\n`);
    }
  }
  // The same text and config as article-000.txt: one job serves both files.
  cpSync(join(dir, 'article-000.txt'), join(dir, 'copy-of-000.txt'));
}

describe('--queue: linting on BullMQ workers', () => {
  let redis: RunningRedis;
  let client: Redis;
  let cwd: string;
  let local: CliRun;
  /** Distinct texts (with their configs) among FILES: the jobs one submission of them makes. */
  let jobs = 0;

  const lintJobs = async () => (await client.keys('bull:mtlint:lint-*')).length;

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => undefined); // the last test stops Redis under it
    cwd = mkdtempSync(join(tmpdir(), 'mtlint-queue-'));
    cpSync(join(FIXTURES, '.mtlintrc.json'), join(cwd, '.mtlintrc.json'));
    for (const dir of ['basic', 'formats', 'tree']) {
      cpSync(join(FIXTURES, dir), join(cwd, dir), { recursive: true });
    }
    writeArchive(join(cwd, 'archive'));
    local = mtlint([...FILES, '--format', 'json', '--workers', '1'], { cwd });
  }, 120_000);

  // A test that fails half-way leaves its workers running: they must not take the next test's jobs.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((child) => stopProcess(child, 'SIGKILL')));
  });

  afterAll(async () => {
    if (client && client.status !== 'end') client.disconnect();
    await redis?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('two workers, one killed mid-run: the report is the local run’s, byte for byte', async () => {
    expect(local.status).toBe(1);
    const doomed = await startWorker(redis.url, ['--concurrency', '4']);
    const submit = start([...FILES, '--format', 'json', '--queue', redis.url], cwd);
    await until(
      async () => (await client.zcard('bull:mtlint:completed')) >= 1,
      () => 'no job was completed',
    );
    await stopProcess(doomed.child, 'SIGKILL');
    // The killed worker held jobs: nobody renews their locks now.
    expect(await client.llen('bull:mtlint:active')).toBeGreaterThan(0);

    const survivor = await startWorker(redis.url);
    const queued = await submit.done;
    expect(queued.stderr).toBe(local.stderr);
    expect(queued.status).toBe(local.status);
    expect(queued.stdout).toBe(local.stdout);
    // The survivor's stalled-job check gave the killed worker's jobs back to the queue.
    expect(survivor.log()).toMatch(/job lint-[0-9a-f]{64} stalled/);

    // SIGTERM: the worker finishes what it holds and exits 0.
    expect(await stopProcess(survivor.child, 'SIGTERM')).toBe(0);
    expect(survivor.log()).toMatch(
      /SIGTERM: finishing the jobs in hand[\s\S]*stopped after \d+ jobs/,
    );
  }, 120_000);

  it('a resubmission takes the stored results: same report, no new job, no worker needed', async () => {
    const files = (JSON.parse(local.stdout) as { files: unknown[] }).files.length;
    jobs = await lintJobs();
    expect(jobs).toBeLessThan(files); // copy-of-000.txt shares article-000.txt's job, at least

    const again = await start([...FILES, '--format', 'json', '--queue', redis.url], cwd).done;
    expect(again.stderr).toContain('no worker is connected');
    expect(again.status).toBe(local.status);
    expect(again.stdout).toBe(local.stdout);
    expect(await lintJobs()).toBe(jobs);
  }, 120_000);

  it('two submissions at once share the jobs in flight: each text is linted once', async () => {
    const cleared = await start(['queue-clear', '--queue', redis.url, '--all'], cwd).done;
    expect(cleared.status).toBe(0);
    expect(await lintJobs()).toBe(0);

    const args = [...FILES, '--format', 'json', '--queue', redis.url];
    const first = start(args, cwd);
    const second = start(args, cwd);
    await until(
      async () => (await client.llen('bull:mtlint:wait')) >= jobs,
      () => 'the jobs were not queued',
    );
    const worker = await startWorker(redis.url);
    const [a, b] = await Promise.all([first.done, second.done]);
    for (const run of [a, b]) {
      expect(run.status).toBe(local.status);
      expect(run.stdout).toBe(local.stdout);
    }
    expect(await stopProcess(worker.child, 'SIGTERM')).toBe(0);
    expect(worker.log()).toContain(`stopped after ${jobs} jobs`);
    expect(await lintJobs()).toBe(jobs);
  }, 120_000);

  it('exit codes, gates and formats are the local run’s', async () => {
    await startWorker(redis.url); // stopped after the test
    const cases = [
      ['basic/clean.txt'],
      ['formats', 'tree', '--max-warnings', '0', '--max-penalty', '100', '--format', 'sarif'],
    ];
    const runs = await Promise.all(
      cases.map(async (args) => {
        const [expected, queued] = await Promise.all([
          start(args, cwd).done,
          start([...args, '--queue', redis.url], cwd).done,
        ]);
        expect({ args, ...queued }).toEqual({ args, ...expected });
        return queued.status;
      }),
    );
    expect([...new Set(runs)].sort()).toEqual([0, 1]);
  }, 120_000);

  it('a job that fails is reported as a local run reports a file it cannot lint', async () => {
    // A job of another mtlint version under the id this file's job has: its worker fails it.
    const version = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
    // A text no other test submits, so that no finished job has this id yet.
    mkdirSync(join(cwd, 'odd'));
    const path = join(cwd, 'odd', 'odd.txt');
    writeFileSync(path, 'A text that only the failing job carries.\n');
    const data = {
      format: JOB_FORMAT,
      version,
      kind: 'text' as const,
      effective: effectiveConfig(EMPTY_CONFIG, path, {}),
      text: readFileSync(path, 'utf8'),
    };
    const queue = new Queue('mtlint', { connection: { url: redis.url } });
    await queue.add('lint', { ...data, version: '0.0.0-other' }, { jobId: jobIdFor(data) });
    await queue.close();

    const worker = await startWorker(redis.url);
    const run = await start(['odd/odd.txt', '--no-config', '--queue', redis.url], cwd).done;
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `mtlint: Cannot lint odd/odd.txt: the job was submitted by mtlint 0.0.0-other (job format ${JOB_FORMAT}); ` +
        `this worker runs mtlint ${version} (job format ${JOB_FORMAT}): run workers of the submitter's version\n`,
    );
    expect(run.status).toBe(2);
    expect(worker.log()).toContain('failed: the job was submitted by mtlint 0.0.0-other');
  }, 120_000);

  it('an unreachable Redis is exit 2 with a clear message, for submitter and worker', async () => {
    const down = `redis://127.0.0.1:${await freePort()}`;
    const [submitted, worked, notRedis, both, badFlag] = await Promise.all([
      start(['basic', '--queue', down], cwd).done,
      start(['worker', '--queue', down], cwd).done,
      start(['basic', '--queue', 'http://127.0.0.1:6379'], cwd).done,
      start(['basic', '--queue', redis.url, '--server', 'http://127.0.0.1:1'], cwd).done,
      start(['worker', '--queue', redis.url, '--concurrency', '0'], cwd).done,
    ]);
    for (const run of [submitted, worked]) {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        /^mtlint: Cannot connect to Redis at redis:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+\n$/,
      );
    }
    expect(notRedis.status).toBe(2);
    expect(notRedis.stderr).toContain('--queue "http://127.0.0.1:6379" is not a Redis URL');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--queue cannot be combined with --server or --workers');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toBe(
      'mtlint: --concurrency must be a whole number of at least 1, got "0"\n',
    );
  }, 120_000);

  it('a Redis that goes away mid-run ends the run with exit 2, not a hang', async () => {
    // No worker: the jobs wait, and the submitter with them, until Redis stops.
    const submit = start(['archive', '--rule', 'repeated-words:off', '--queue', redis.url], cwd);
    await until(
      async () => (await client.llen('bull:mtlint:wait')) >= ARTICLES,
      () => 'the jobs were not queued',
    );
    await redis.stop();
    const run = await submit.done;
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^mtlint: Lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+: /m,
    );
    expect(run.stdout).toBe('');
  }, 120_000);
});
