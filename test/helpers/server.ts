/**
 * Starts an mtlint HTTP service for the remote-mode tests: the real one (`node dist/src/server.js`,
 * built by `npm test`) on a free port of 127.0.0.1, waiting for `GET /healthz`. Where the service
 * is not part of the build, a minimal stand-in that speaks the same contract (`POST /v1/lint`
 * `{text, config}` -> `{diagnostics, summary}` or `{error: {code, message}}`, bearer token,
 * text limit) runs in this process instead, so that the client side is still tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ConfigError } from '../../src/core/index.js';
import { createMtLinter } from '../../src/linter.js';
import { ROOT } from './cli.js';

export const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'server.js');

export interface RunningServer {
  url: string;
  kind: 'real' | 'stand-in';
  stop(): Promise<void>;
}

export interface ServerEnv {
  MTLINT_TOKEN?: string;
  MTLINT_MAX_CHARS?: string;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

export async function startServer(env: ServerEnv = {}): Promise<RunningServer> {
  return existsSync(SERVER_ENTRY) ? startReal(env) : startStandIn(env);
}

async function startReal(env: ServerEnv): Promise<RunningServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    MTLINT_WORKERS: '1',
    MTLINT_LOG_LEVEL: 'silent',
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => stderr);
  return { url, kind: 'real', stop: () => stopChild(child) };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the mtlint service exited with ${child.exitCode}: ${stderr()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  await stopChild(child);
  throw new Error(`the mtlint service did not answer /healthz within 30 s: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function startStandIn(env: ServerEnv): Promise<RunningServer> {
  const maxChars = Number(env.MTLINT_MAX_CHARS ?? 100_000);
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string) =>
      send(status, { error: { code, message } });
    if (req.method === 'GET' && req.url === '/healthz') return send(200, { status: 'ok' });
    if (req.method !== 'POST' || req.url !== '/v1/lint') return fail(404, 'not_found', 'Not found');
    if (env.MTLINT_TOKEN && req.headers.authorization !== `Bearer ${env.MTLINT_TOKEN}`) {
      return fail(401, 'unauthorized', 'A valid bearer token is required');
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: { text?: unknown; config?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return fail(400, 'invalid_json', 'The body is not valid JSON');
      }
      if (typeof body.text !== 'string') return fail(400, 'invalid_request', '`text` is required');
      if (body.text.length > maxChars) return fail(413, 'text_too_long', 'The text is too long');
      try {
        send(200, createMtLinter(body.config ?? {}).lint(body.text));
      } catch (error) {
        if (error instanceof ConfigError) return fail(400, 'invalid_config', error.message);
        fail(500, 'internal', 'Internal error');
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'stand-in',
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
