import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import { SERVICE_NODE_FLAGS } from '../src/http/node-flags.js';

// The built server (the test script builds first), as `npm start` runs it: with its node flags.
const serverFile = fileURLToPath(new URL('../dist/src/server.js', import.meta.url));
const serverArgs = [...SERVICE_NODE_FLAGS, serverFile];

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the server on a free loopback port; resolves with its base URL once it listens. */
async function startServer(env: Record<string, string> = {}): Promise<string> {
  child = spawn(process.execPath, serverArgs, {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === 'mtlint listening') {
      // Keep draining stdout so the child never blocks on a full pipe.
      child.stdout!.resume();
      return `http://127.0.0.1:${entry.port}`;
    }
  }
  throw new Error('the server exited before listening');
}

async function gauge(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = new RegExp(`^${name} (\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

describe('the server process', () => {
  it('starts with no configuration and finishes in-flight requests on SIGTERM, exit 0', async () => {
    const base = await startServer({ MTLINT_WORKERS: '1' });
    const article = 'Officials met the delegation. . They discussed trade and culture. '.repeat(
      700,
    );
    const inFlight = Array.from({ length: 5 }, () =>
      fetch(`${base}/v1/lint`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: article,
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as object })),
    );
    // SIGTERM once most requests are admitted: running or waiting for the single worker.
    for (;;) {
      const admitted =
        (await gauge(base, 'mtlint_lint_running')) + (await gauge(base, 'mtlint_lint_queue_depth'));
      if (admitted >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const exited = once(child!, 'exit');
    child!.kill('SIGTERM');
    const responses = await Promise.all(inFlight);
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ summary: { errors: 700, truncated: false } });
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('closes kept-alive connections while draining and exits 0 once in-flight work is done', async () => {
    // A keep-alive timeout far past the shutdown bound: waiting on idle sockets would exit 1.
    const base = await startServer({
      MTLINT_WORKERS: '1',
      MTLINT_KEEP_ALIVE_TIMEOUT_MS: '120000',
      MTLINT_SHUTDOWN_TIMEOUT_MS: '20000',
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const get = (path: string, method = 'GET', body?: string) =>
      new Promise<{ res: IncomingMessage; text: string }>((resolve, reject) => {
        const req = request(`${base}${path}`, { agent, method }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += String(chunk)));
          res.on('end', () => resolve({ res, text }));
        });
        req.on('error', reject);
        if (body) req.setHeader('content-type', 'text/plain');
        req.end(body);
      });
    // Two idle kept-alive connections, then work in flight on two more.
    await Promise.all([get('/healthz'), get('/healthz')]);
    const article = 'Officials met the delegation. . They discussed trade. '.repeat(1500);
    const inFlight = [get('/v1/lint', 'POST', article), get('/v1/lint', 'POST', article)];
    for (;;) {
      const admitted =
        (await gauge(base, 'mtlint_lint_running')) + (await gauge(base, 'mtlint_lint_queue_depth'));
      if (admitted >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const exited = once(child!, 'exit');
    child!.kill('SIGTERM');
    for (const { res } of await Promise.all(inFlight)) {
      expect(res.statusCode).toBe(200);
      expect(res.headers.connection).toBe('close');
    }
    const [code] = await exited;
    expect(code).toBe(0);
    agent.destroy();
  });

  it('closes connections beyond MTLINT_MAX_CONNECTIONS at once', async () => {
    const base = await startServer({ MTLINT_WORKERS: '1', MTLINT_MAX_CONNECTIONS: '2' });
    const { port } = new URL(base);
    const open = () => {
      const socket = connect(Number(port), '127.0.0.1');
      return once(socket, 'connect').then(() => socket);
    };
    const kept = [await open(), await open()];
    const extra = await open();
    // The server accepts the TCP connection and closes it without reading a request.
    await once(extra, 'close');
    // The first two still work.
    kept[0]!.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const [reply] = (await once(kept[0]!, 'data')) as [Buffer];
    expect(String(reply)).toMatch(/^HTTP\/1.1 200/);
    for (const socket of kept) socket.destroy();
  });

  it('refuses a worker heap too small to start a worker, exit 2', async () => {
    child = spawn(process.execPath, serverArgs, {
      env: { PATH: process.env.PATH ?? '', PORT: '0', MTLINT_WORKER_MAX_OLD_MB: '16' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(/MTLINT_WORKER_MAX_OLD_MB must be at least 64/);
  });

  it('refuses to start on a bad setting, naming it', async () => {
    child = spawn(process.execPath, serverArgs, {
      env: { PATH: process.env.PATH ?? '', PORT: '0', MTLINT_MAX_CHARS: 'lots' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(/MTLINT_MAX_CHARS must be an integer/);
  });
});
