/**
 * `npm run bench:load`: drives the built service with autocannon on loopback and prints figures
 * (no assertions). Steps: the engine in process on as many threads as the service has workers (the
 * baseline); the service at full concurrency for 30 s, with each thread's CPU time from /proc (the
 * HTTP thread's per request against the lint workers' per document); then offered twice its
 * measured capacity; then flooded by 64 connections as fast as they go; then the floor
 * (bench/floor-server.ts: Node's HTTP server and the same workers, nothing else) at full
 * concurrency, for what the service's own steps cost the HTTP thread. Writes the figures to
 * docs/benchmarks.md.
 *
 *   BENCH_SECONDS=30       length of each load phase
 *   BENCH_SOAK_SECONDS=300 then a soak at full concurrency, sampling RSS (default 0: no soak)
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { SERVICE_NODE_FLAGS } from '../src/http/node-flags.js';
import { readSettings } from '../src/http/settings.js';
import { LINT_THREAD_NAME } from '../src/http/thread-priority.js';
import {
  cpuSplit,
  fromRoot,
  readArticle,
  rssMb,
  startServer,
  threadCpu,
  writeSection,
  type CpuSplit,
} from './shared.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? 0);
const OVERLOAD_CONNECTIONS = 64;
/** The service's settings from the same environment: its workers and their heap, for the baseline. */
const settings = readSettings();
const workers = settings.workers;
const text = readArticle();
const words = text.split(/\s+/).filter(Boolean).length;
const body = JSON.stringify({ text });

interface Probe {
  count: number;
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

async function inProcessBaseline(): Promise<number> {
  const results = await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(fromRoot('dist/bench/inprocess-worker.js'), {
        workerData: { text, warmupMs: 2000, durationMs: 10_000 },
        // The same heap as the service's lint workers: the baseline is the engine, not a setting.
        resourceLimits: { maxYoungGenerationSizeMb: settings.workerYoungMb },
      });
      return new Promise<{ documents: number; seconds: number }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  return results.reduce((sum, r) => sum + r.documents / r.seconds, 0);
}

function startProbe(url: string) {
  const child = fork(fromRoot('dist/bench/probe.js'), [url, '20'], { stdio: 'inherit' });
  return {
    stop: () =>
      new Promise<Probe>((resolve) => {
        child.once('message', (message) => resolve(message as Probe));
        child.send('stop');
      }),
  };
}

/**
 * Waits until the service has no document running or queued: requests that autocannon abandoned
 * at the end of a phase are still linted, and would otherwise meet the next phase in the queue.
 */
async function waitUntilIdle(url: string): Promise<void> {
  for (;;) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as {
      load?: { running: number; queued: number };
    };
    if (!ready.load || ready.load.running + ready.load.queued === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Phase {
  name: string;
  connections: number;
  offered?: number;
  requests: number;
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  busyWithoutRetryAfter: number;
  health: Probe;
  /** CPU per thread role over the phase, and the 200s it produced. */
  cpu: CpuSplit;
  linted: number;
}

async function phase(
  url: string,
  name: string,
  connections: number,
  duration: number,
  overallRate?: number,
  /** The server's process: the service unless told otherwise. */
  serverPid = pid,
): Promise<Phase> {
  let busyWithoutRetryAfter = 0;
  await waitUntilIdle(url);
  const probe = startProbe(url);
  const cpuBefore = threadCpu(serverPid);
  const result = await autocannon({
    url: `${url}/v1/lint`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
    timeout: 30,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        onResponse: (
          status: number,
          _body: string,
          _context: unknown,
          headers: Record<string, string>,
        ) => {
          const retryAfter = Object.keys(headers).some(
            (key) => key.toLowerCase() === 'retry-after',
          );
          if (status === 503 && !retryAfter) busyWithoutRetryAfter++;
        },
      },
    ],
  });
  const cpu = cpuSplit(serverPid, cpuBefore, threadCpu(serverPid), LINT_THREAD_NAME);
  const health = await probe.stop();
  const statuses: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    statuses[status] = count;
  }
  return {
    name,
    connections,
    offered: overallRate,
    requests: result.requests.average,
    latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    busyWithoutRetryAfter,
    health,
    cpu,
    linted: statuses['200'] ?? 0,
  };
}

/** The HTTP thread's CPU per request and the workers' per linted document, and their ratio. */
function describeCpu(p: Phase): string {
  const total = requestsIn(p);
  const http = cpuPerRequest(p);
  const lint = p.cpu.lintMs / Math.max(1, p.linted);
  return `HTTP thread ${http.toFixed(3)} ms per request (${total} requests), lint workers ${lint.toFixed(3)} ms per document (${p.linted} documents): **${((http / lint) * 100).toFixed(1)}%**; V8's and libuv's helper threads ${(p.cpu.otherMs / Math.max(1, total)).toFixed(3)} ms per request`;
}

/** Requests answered in a phase, whatever their status. */
function requestsIn(p: Phase): number {
  return Object.values(p.statuses).reduce((sum, count) => sum + count, 0);
}

/** The HTTP thread's CPU per request over a phase, in ms. */
function cpuPerRequest(p: Phase): number {
  return p.cpu.httpMs / Math.max(1, requestsIn(p));
}

function describePhase(p: Phase): string {
  const statuses = Object.entries(p.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  return [
    `| ${p.name} | ${p.connections}${p.offered ? ` (offered ${p.offered} req/s)` : ''} | ${p.requests.toFixed(1)} |`,
    ` ${p.latency.p50} / ${p.latency.p99} / ${p.latency.max} | ${p.errors} (${p.timeouts} timeouts) |`,
    ` ${statuses} | ${p.busyWithoutRetryAfter} | ${p.health.p99.toFixed(1)} (max ${p.health.max.toFixed(1)}, ${p.health.failures} failed) |`,
  ].join('');
}

console.log(`Article: ${words} words, ${text.length} characters; ${workers} workers.`);
console.log('In-process baseline (10 s after 2 s warm-up)...');
const baselineBefore = await inProcessBaseline();
console.log(`  ${baselineBefore.toFixed(1)} documents/s on ${workers} threads`);

const server = await startServer({ MTLINT_WORKERS: String(workers) });
const pid: number = server.child.pid!;
const rssBefore = rssMb(pid);
console.log(`Service at ${server.url}, RSS ${rssBefore} MB`);
console.log('Warm-up (5 s)...');
await phase(server.url, 'warm-up', workers * 2, 5);
const rssWarm = rssMb(pid);

console.log(`Full concurrency (${workers * 2} connections, ${seconds} s)...`);
const full = await phase(server.url, 'full concurrency', workers * 2, seconds);
console.log(
  `  ${full.requests.toFixed(1)} req/s, p50 ${full.latency.p50} ms, p99 ${full.latency.p99} ms`,
);
const rate = Math.max(1, Math.round(full.requests * 2));
console.log(
  `2x capacity (${rate} req/s offered, ${OVERLOAD_CONNECTIONS} connections, ${seconds} s)...`,
);
const over = await phase(server.url, '2x capacity', OVERLOAD_CONNECTIONS, seconds, rate);
console.log(`  ${over.requests.toFixed(1)} req/s, statuses ${JSON.stringify(over.statuses)}`);
console.log(`Flood (${OVERLOAD_CONNECTIONS} connections, unpaced, ${seconds} s)...`);
const flood = await phase(server.url, 'flood', OVERLOAD_CONNECTIONS, seconds);
console.log(`  ${flood.requests.toFixed(1)} req/s, /healthz p99 ${flood.health.p99.toFixed(1)} ms`);
const rssAfter = rssMb(pid);

let soak: { phase: Phase; rss: number[] } | undefined;
if (soakSeconds > 0) {
  console.log(`Soak at full concurrency (${soakSeconds} s), RSS every 30 s...`);
  const rss: number[] = [rssMb(pid)];
  const sampler = setInterval(() => rss.push(rssMb(pid)), 30_000);
  const soakPhase = await phase(server.url, 'soak', workers * 2, soakSeconds);
  clearInterval(sampler);
  rss.push(rssMb(pid));
  soak = { phase: soakPhase, rss };
  console.log(`  RSS (MB): ${rss.join(', ')}`);
}
const exitCode = await server.stop();

// The floor: Node's HTTP server with the same workers and nothing else (bench/floor-server.ts).
const floorServer = await startServer(
  { MTLINT_WORKERS: String(workers) },
  'dist/bench/floor-server.js',
);
const floorPid = floorServer.child.pid!;
console.log(`Floor: Node's HTTP server and the same workers, nothing else (${seconds} s)...`);
await phase(floorServer.url, 'warm-up', workers * 2, 5, undefined, floorPid);
const floor = await phase(floorServer.url, 'floor', workers * 2, seconds, undefined, floorPid);
await floorServer.stop();
console.log(`  ${floor.requests.toFixed(1)} req/s`);
// Measured again after the service: other work on a shared machine shifts the figure.
console.log('In-process baseline again...');
const baselineAfter = await inProcessBaseline();
console.log(`  ${baselineAfter.toFixed(1)} documents/s on ${workers} threads`);
const baseline = (baselineBefore + baselineAfter) / 2;

const ratio = full.requests / baseline;
const date = new Date().toISOString().slice(0, 10);
const report = `
## Load (\`npm run bench:load\`)

Run on ${date}: ${availableParallelism()} cores (shared with other work while measured), Node ${process.version},
${workers} lint workers, defaults otherwise; the service and the floor started as \`npm start\` starts the
service (\`node ${SERVICE_NODE_FLAGS.join(' ')}\`). Request: \`POST /v1/lint\` with the first ${words} words of
the seed article (${text.length} characters) as JSON. autocannon and a /healthz probe (every 20 ms,
own process) ran on the same machine over loopback.

| phase | connections | req/s | latency p50 / p99 / max (ms) | errors | statuses | 503 without Retry-After | /healthz p99 (ms) |
|---|---|---|---|---|---|---|---|
${describePhase(full)}
${describePhase(over)}
${describePhase(flood)}

- CPU per thread (\`/proc/<pid>/task/<tid>/stat\`, utime + stime), at full concurrency:
  ${describeCpu(full)}.
  Flooded: ${describeCpu(flood)}.
  The floor, Node's HTTP server handing each body to the same workers and doing nothing else
  (\`bench/floor-server.ts\`; ${floor.requests.toFixed(1)} req/s at ${workers * 2} connections): ${describeCpu(floor)}.
  The service's own steps (routing, request id, log line, metrics, headers, admission, timeouts,
  validation) cost the HTTP thread ${(cpuPerRequest(full) - cpuPerRequest(floor)).toFixed(3)} ms per request above that floor.
- /healthz under the ${OVERLOAD_CONNECTIONS}-connection flood: p99 **${flood.health.p99.toFixed(1)} ms** (max ${flood.health.max.toFixed(1)} ms, ${flood.health.failures} failed).
- Engine in process on ${workers} threads: **${baseline.toFixed(1)} documents/s** (mean of
  ${baselineBefore.toFixed(1)} before and ${baselineAfter.toFixed(1)} after the service ran); the service at full
  concurrency: **${full.requests.toFixed(1)} req/s = ${(ratio * 100).toFixed(0)}%** of that.
- RSS of the server process (workers included): ${rssBefore} MB at start, ${rssWarm} MB after warm-up,
  ${rssAfter} MB after the three phases.
- SIGTERM after the run: exit code ${exitCode}.
`;
console.log(report);
writeSection('load', report);
if (soak) {
  writeSection(
    'soak',
    `
## Soak (\`BENCH_SOAK_SECONDS=${soakSeconds} npm run bench:load\`)

Run on ${date}, right after the load phases, same server: ${soakSeconds} s at full concurrency
(${workers * 2} connections). ${soak.phase.requests.toFixed(1)} req/s, ${soak.phase.errors} errors,
statuses ${JSON.stringify(soak.phase.statuses)}, latency p50 / p99 ${soak.phase.latency.p50} / ${soak.phase.latency.p99} ms,
/healthz p99 ${soak.phase.health.p99.toFixed(1)} ms.
RSS of the server process every 30 s (MB): ${soak.rss.join(', ')}.
`,
  );
}
console.log('Wrote docs/benchmarks.md');
