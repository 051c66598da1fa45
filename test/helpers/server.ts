/**
 * Starts the real mtlint HTTP service for the remote-mode tests (`node dist/src/server.js`, built by
 * `npm test`, with the node flags it is deployed with) on a free port of 127.0.0.1, waiting for
 * `GET /healthz`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '../../src/http/node-flags.js';
import { ROOT } from './cli.js';

export const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'server.js');

export interface RunningServer {
  url: string;
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
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run npm run build`);
  return startReal(env);
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
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, SERVER_ENTRY], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => stderr);
  return { url, stop: () => stopChild(child) };
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
