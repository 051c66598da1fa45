import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { BIN, FIXTURES, mtlint, type CliRun } from './helpers/cli.js';
import { freePort, startServer, type RunningServer } from './helpers/server.js';

/**
 * The CLI is a client of the HTTP service (`--server`): the same files must give the same report
 * and exit code as linting in process. The service listens on another process's event loop, so
 * the CLI is spawned asynchronously here (spawnSync would block the in-process stand-in).
 */
function mtlintAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1', ...env };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: FIXTURES,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

const FILES = ['basic', 'formats', 'tree'];

describe('--server: remote mode', () => {
  let server: RunningServer;
  let guarded: RunningServer;

  beforeAll(async () => {
    server = await startServer();
    guarded = await startServer({ MTLINT_TOKEN: 'sesame', MTLINT_MAX_CHARS: '2000' });
  }, 90_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), guarded?.stop()]);
  });

  it.each(['json', 'sarif', 'stylish'])(
    'gives the same %s output and exit code as in-process linting',
    async (format) => {
      const local = mtlint([...FILES, '--format', format, '--workers', '1']);
      const remote = await mtlintAsync([...FILES, '--format', format, '--server', server.url]);
      expect(remote.stderr).toBe(local.stderr);
      expect(remote.status).toBe(1);
      expect(remote.status).toBe(local.status);
      expect(remote.stdout).toBe(local.stdout);
    },
    60_000,
  );

  it('applies configs, inline comments and the gate the same way', async () => {
    const args = ['tree', 'formats/article.md', '--format', 'json', '--max-warnings', '0'];
    const local = mtlint(args);
    const remote = await mtlintAsync([...args, '--server', server.url]);
    expect(remote.status).toBe(local.status);
    expect(remote.stdout).toBe(local.stdout);
  });

  it('sends MTLINT_TOKEN as a bearer token', async () => {
    const ok = await mtlintAsync(['basic/clean.txt', '--server', guarded.url], {
      MTLINT_TOKEN: 'sesame',
    });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const denied = await mtlintAsync(['basic/clean.txt', '--server', guarded.url], {
      MTLINT_TOKEN: 'wrong',
    });
    expect(denied.status).toBe(2);
    expect(denied.stderr).toMatch(
      /^mtlint: The mtlint server at http:\/\/127\.0\.0\.1:\d+ answered 401/,
    );
  });

  it('an error answer is exit 2 with the server’s code and message', async () => {
    const run = await mtlintAsync(['basic/seed.txt', '--server', guarded.url], {
      MTLINT_TOKEN: 'sesame',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('answered 413');
    expect(run.stderr).toContain('for basic/seed.txt');
    expect(run.stdout).toBe('');
  });

  it('a server that is down is exit 2 with a clear message', async () => {
    const port = await freePort();
    const run = await mtlintAsync(['basic/clean.txt', '--server', `http://127.0.0.1:${port}`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^mtlint: Cannot reach the mtlint server at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('a --server that is not a URL is a usage error', async () => {
    const run = await mtlintAsync(['basic/clean.txt', '--server', 'not a url']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--server "not a url" is not a URL');
  });
});
