import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from '../src/http/node-flags.js';

/** Paths from the package root, whether this runs from bench/ or dist/bench/. */
export function fromRoot(path: string): string {
  for (const up of ['../', '../../']) {
    const candidate = new URL(up, import.meta.url);
    if (existsSync(new URL('package.json', candidate))) {
      return fileURLToPath(new URL(path, candidate));
    }
  }
  throw new Error('bench: cannot find the package root');
}

/** The first ~1,000 words of the seed article (a real machine translation). */
export function readArticle(): string {
  return readFileSync(fromRoot('bench/article-1000-words.txt'), 'utf8');
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

/**
 * Starts the built server (or another script that prints its listening line, such as
 * bench/floor-server.ts) on a free loopback port and waits until it listens. With the node flags
 * the service is started with everywhere (src/http/node-flags.ts): the floor too, so that the two
 * differ only in what their HTTP threads do.
 */
export async function startServer(
  env: Record<string, string> = {},
  script = 'dist/src/server.js',
): Promise<RunningServer> {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, fromRoot(script)], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Request logs stay on (info), as in production; the listening line gives the port.
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === 'mtlint listening') {
      child.stdout!.resume();
      const url = `http://127.0.0.1:${entry.port}`;
      return {
        child,
        url,
        stop: async () => {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const [code] = (await exited) as [number | null];
          return code;
        },
      };
    }
  }
  throw new Error('bench: the server exited before listening');
}

/** Resident set size of a process (Linux), in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md. */
export function writeSection(name: string, body: string): void {
  const file = fromRoot('docs/benchmarks.md');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time (user + system, ms) of each thread of a process (Linux), by thread id, with its name. */
export function threadCpu(pid: number): Map<number, { name: string; ms: number }> {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const threads = new Map<number, { name: string; ms: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the name: state is field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    threads.set(Number(tid), { name, ms: ticks / ticksPerMs });
  }
  return threads;
}

export interface CpuSplit {
  /** The HTTP (main) thread. */
  httpMs: number;
  /** The lint worker threads together. */
  lintMs: number;
  /** Every other thread (V8's GC and compiler helpers, libuv's pool): shared by all of the above. */
  otherMs: number;
}

/** CPU spent by a process's threads between two `threadCpu` samples, split by role. */
export function cpuSplit(
  pid: number,
  before: Map<number, { name: string; ms: number }>,
  after: Map<number, { name: string; ms: number }>,
  lintThreadName: string,
): CpuSplit {
  const split: CpuSplit = { httpMs: 0, lintMs: 0, otherMs: 0 };
  for (const [tid, { name, ms }] of after) {
    const spent = ms - (before.get(tid)?.ms ?? 0);
    if (tid === pid) split.httpMs += spent;
    else if (name === lintThreadName) split.lintMs += spent;
    else split.otherMs += spent;
  }
  return split;
}
