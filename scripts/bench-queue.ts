/**
 * How fast queue mode lints a folder of articles: starts a throwaway redis-server, writes the
 * articles bench:cli lints (paragraphs of the seed article, shuffled; mostly plain text, some
 * Markdown and HTML), and times `mtlint DIR --queue URL` end to end (the submitter's start
 * included) with one `mtlint worker` process and with two, started (and idle) beforehand. Then it
 * times a resubmission with no worker at all (every result is stored) and reports how much Redis
 * memory the stored jobs take.
 *
 *   npm run bench:queue -- [--files 500] [--runs 3]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { article, ROOT } from './bench-articles.js';
import { Redis } from 'ioredis';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' } },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);
const root = ROOT;
const bin = join(root, 'bin', 'mtlint.js');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise((done) => probe.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

function waitFor(child: ChildProcess, stream: 'stdout' | 'stderr', text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before "${text}":\n${seen}`)),
    );
    child.once('error', reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
delete env.NODE_OPTIONS;

/**
 * CPU seconds (user + system) from /proc (Linux): of a running process, or, for `self`, of its
 * children that have exited (cutime + cstime), which is how a finished submitter is measured.
 */
function cpu(pid: number | 'self'): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, cutime field 16.
    const at = (field: number) => Number(fields[field - 3]);
    return (pid === 'self' ? at(16) + at(17) : at(14) + at(15)) / 100;
  } catch {
    return NaN; // not Linux
  }
}

function mtlint(args: string[]): { seconds: number; cpu: number; stderr: string } {
  const started = performance.now();
  const cpuBefore = cpu('self');
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`mtlint ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  }
  return { seconds, cpu: cpu('self') - cpuBefore, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'mtlint-bench-queue-'));
const articles = join(dir, 'articles');
const report = join(dir, 'report.json');
let words = 0;
let textBytes = 0;
mkdirSync(articles);
for (let index = 0; index < fileCount; index++) {
  const { name, text } = article(index);
  words += text.split(/\s+/).filter(Boolean).length;
  textBytes += Buffer.byteLength(text);
  writeFileSync(join(articles, name), text);
}
// The folder has no config file above it in a temp dir: a stray one would change what is linted.
writeFileSync(join(articles, '.mtlintrc.json'), '{}\n');

const port = await freePort();
const url = `redis://127.0.0.1:${port}`;
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
);
const workers: ChildProcess[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (label: string, seconds: number) =>
  console.log(
    `${label}: ${seconds.toFixed(2)} s, ${(fileCount / seconds).toFixed(1)} files/s, ` +
      `${Math.round(words / seconds).toLocaleString('en-US')} words/s`,
  );

try {
  await waitFor(redis, 'stdout', 'Ready to accept connections');
  const client = new Redis(url);
  console.log(
    `bench:queue: ${fileCount} articles, ${words.toLocaleString('en-US')} words; redis-server on ` +
      `${url}; ${runs} runs each, median wall time of the submitter (its start included; the ` +
      `workers, one process each, started beforehand)\n`,
  );
  const submit = () =>
    mtlint([articles, '--format', 'json', '--output-file', report, '--queue', url]);
  const check = () => {
    const files = (JSON.parse(readFileSync(report, 'utf8')) as { files: unknown[] }).files;
    if (files.length !== fileCount) throw new Error(`linted ${files.length} files`);
  };

  const localRuns = Array.from({ length: runs }, () =>
    mtlint([articles, '--format', 'json', '--output-file', report, '--workers', '1']),
  );
  check();
  line('local run, --workers 1 (for reference)', median(localRuns.map((r) => r.seconds)));
  const cpuLine = (what: string) => console.log(`    CPU, median: ${what}`);
  cpuLine(`${median(localRuns.map((r) => r.cpu)).toFixed(2)} s`);

  for (const count of [1, 2]) {
    const times: number[] = [];
    const cpus: { workers: number; redis: number; submitter: number }[] = [];
    for (let run = 0; run < runs; run++) {
      mtlint(['queue-clear', '--queue', url, '--all']);
      const started = Array.from({ length: count }, () =>
        spawn(process.execPath, [bin, 'worker', '--queue', url], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
      );
      workers.push(...started);
      await Promise.all(started.map((child) => waitFor(child, 'stderr', 'waiting for jobs')));
      const workersCpu = () => started.reduce((sum, child) => sum + cpu(child.pid!), 0);
      const before = { workers: workersCpu(), redis: cpu(redis.pid!) };
      const submitted = submit();
      times.push(submitted.seconds);
      cpus.push({
        workers: workersCpu() - before.workers,
        redis: cpu(redis.pid!) - before.redis,
        submitter: submitted.cpu,
      });
      check();
      await Promise.all(started.map(stop));
    }
    line(`${count} worker${count === 1 ? ' ' : 's'}`, median(times));
    const part = (key: 'workers' | 'redis' | 'submitter') =>
      `${median(cpus.map((c) => c[key])).toFixed(2)} s`;
    cpuLine(
      `workers ${part('workers')} (after their start), redis-server ${part('redis')}, ` +
        `submitter ${part('submitter')}`,
    );
  }

  const again = Array.from({ length: runs }, () => {
    const { seconds, stderr } = submit();
    if (!stderr.includes('no worker is connected')) throw new Error('a worker is running');
    check();
    return seconds;
  });
  line('resubmitted, every result stored, no worker', median(again));

  const memory = Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? 0);
  const jobs = (await client.keys('bull:mtlint:lint-*')).length;
  const sizes = await Promise.all(
    (await client.keys('bull:mtlint:lint-*')).map((key) =>
      client.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'),
    ),
  );
  const perJob = sizes.reduce((sum: number, size) => sum + Number(size ?? 0), 0) / jobs;
  console.log(
    `\nRedis: ${jobs} finished jobs, ${(memory / 2 ** 20).toFixed(1)} MB used in all, ` +
      `${(perJob / 1024).toFixed(1)} kB per job (its text and its result; ` +
      `${(textBytes / fileCount / 1024).toFixed(1)} kB of text on average)`,
  );
  client.disconnect();
} finally {
  await Promise.all(workers.map(stop));
  await stop(redis);
  rmSync(dir, { recursive: true, force: true });
}
