import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ConfigError } from '../src/core/index.js';
import { createApp } from '../src/http/app.js';
import {
  createInProcessLintService,
  createPoolLintService,
  LintServiceError,
  type PoolLintService,
} from '../src/http/lint-service.js';
import { createSpecValidator } from './helpers/openapi.js';

// The test worker (real worker + texts that hang or exhaust memory); it loads the build in dist/.
const workerFile = new URL('./fixtures/test-lint-worker.mjs', import.meta.url);
const HANG = '\u0000test: hang';
const EXHAUST_MEMORY = '\u0000test: exhaust memory';
const THROW = '\u0000test: throw';
const HEAP = '\u0000test: heap';
const BUSY = '\u0000test: busy 50 ms';
const PRIORITY = '\u0000test: priority';
const STRAY = 'They met her respectively. . Then they left.';
const expectToMatchSpec = createSpecValidator();

const services: PoolLintService[] = [];
function pool(options: Parameters<typeof createPoolLintService>[0] = {}): PoolLintService {
  // A fresh pool's workers take a while to start on a busy machine: the time a document may wait
  // for one (queueTimeoutMs, by default the check timeout) is long here unless a test sets it.
  const service = createPoolLintService({
    workerFile,
    checkTimeoutMs: 5000,
    queueTimeoutMs: 30_000,
    ...options,
  });
  services.push(service);
  return service;
}
const appFor = (service: PoolLintService) =>
  createApp({ lintService: service, load: () => service.load(), defaultMetrics: false });

afterAll(() => Promise.all(services.map((service) => service.close())));

describe('the pool-backed lint service', () => {
  it('hands a worker its next document while it checks one', async () => {
    const service = pool({ workers: 1 });
    await service.lint(STRAY);
    const first = service.lint(BUSY) as Promise<unknown> as Promise<{ start: number; end: number }>;
    const second = service.lint(BUSY) as Promise<unknown> as Promise<{
      start: number;
      end: number;
    }>;
    // Let both be dispatched, then keep this (the HTTP) thread busy well past the first check.
    await new Promise((resolve) => setImmediate(resolve));
    const until = performance.timeOrigin + performance.now() + 400;
    while (performance.timeOrigin + performance.now() < until);
    const [a, b] = await Promise.all([first, second]);
    // The worker went on to the second document without waiting for this thread.
    expect(b.start - a.end).toBeLessThan(200);
  });

  it('lints at a lower priority than the HTTP thread (Linux threads)', async () => {
    const niceness = (await pool().lint(PRIORITY)) as unknown as {
      thread: number;
      process: number;
    };
    expect(niceness.thread).toBe(Math.min(19, niceness.process + 10));
  });

  it('gives its workers the configured heap', async () => {
    expect(await pool().lint(HEAP)).toMatchObject({
      maxOldGenerationSizeMb: 512,
      maxYoungGenerationSizeMb: 64,
    });
    expect(await pool({ workerMaxOldMb: 256, workerYoungMb: 32 }).lint(HEAP)).toMatchObject({
      maxOldGenerationSizeMb: 256,
      maxYoungGenerationSizeMb: 32,
    });
  });

  it('lints like the in-process service, and keeps a ConfigError a ConfigError', async () => {
    const service = pool();
    const inProcess = createInProcessLintService();
    expect(await service.lint(STRAY)).toEqual(await inProcess.lint(STRAY));
    const config = { rules: { readability: ['info', { age: 'old' }] } };
    const error = await service.lint(STRAY, config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ ruleId: 'readability', message: expect.stringMatching(/age/) });
  });

  it('answers the same result as JSON text serialized in the worker', async () => {
    const service = pool();
    const expected = await createInProcessLintService().lint(STRAY);
    const json = await service.lintJson(STRAY);
    expect(typeof json).toBe('string');
    expect(JSON.parse(json)).toEqual(expected);
    const config = { rules: { readability: ['info', { age: 'old' }] } };
    expect(await service.lintJson(STRAY, config).catch((e: unknown) => e)).toBeInstanceOf(
      ConfigError,
    );
  });

  it('answers the same result as UTF-8 bytes moved from the worker', async () => {
    const service = pool();
    const text = `${STRAY} “Quoted,” he said — in 北京.`;
    const expected = await createInProcessLintService().lint(text);
    const bytes = await service.lintBytes(text);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(Buffer.from(bytes).toString('utf8'))).toEqual(expected);
    const config = { rules: { readability: ['info', { age: 'old' }] } };
    expect(await service.lintBytes(text, config).catch((e: unknown) => e)).toBeInstanceOf(
      ConfigError,
    );
  });

  it('checks a document handed to a worker behind a runaway one, once that worker is replaced', async () => {
    const service = pool({ workers: 1, maxQueue: 1, checkTimeoutMs: 800 });
    const runaway = service.lint(HANG).catch((e: unknown) => e);
    const next = service.lint(STRAY);
    expect(service.load()).toMatchObject({ running: 1, queued: 1, saturated: true });
    expect(await runaway).toMatchObject({ code: 'check_timeout' });
    expect((await next).summary.errors).toBe(1);
    expect(service.load()).toMatchObject({ running: 0, queued: 0, saturated: false });
  });

  it('caps diagnostics at maxDiagnostics in the workers', async () => {
    const result = await pool({ maxDiagnostics: 2 }).lint('It ended. . '.repeat(10));
    expect(result.diagnostics).toHaveLength(2);
    expect(result.summary.truncated).toBe(true);
    expect(result.summary.errors).toBeGreaterThanOrEqual(10); // the list is cut, not the counts
  });

  it('refuses work beyond the queue limit, with a retry hint', async () => {
    const service = pool({ workers: 1, maxQueue: 1, checkTimeoutMs: 800 });
    const running = service.lint(HANG).catch((e: unknown) => e);
    const queued = service.lint(HANG).catch((e: unknown) => e);
    expect(service.load()).toMatchObject({ running: 1, queued: 1, saturated: true });
    const refused = await service.lint(STRAY).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LintServiceError);
    expect(refused).toMatchObject({ code: 'overloaded', retryAfterSeconds: expect.any(Number) });
    expect(await running).toMatchObject({ code: 'check_timeout' });
    expect(await queued).toMatchObject({ code: 'check_timeout' });
    expect(service.load()).toMatchObject({ running: 0, queued: 0, saturated: false });
  });

  it('counts the timeout from when the worker starts the check, not from its start-up', async () => {
    const service = createPoolLintService({
      workerFile: new URL('./fixtures/slow-start-lint-worker.mjs', import.meta.url),
      checkTimeoutMs: 300,
      queueTimeoutMs: 30_000,
    });
    services.push(service);
    const result = await service.lint(STRAY);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'stray-punctuation' });
  });
});

describe('HTTP through the pool', () => {
  it('stops a runaway check with 503 check_timeout, then the next request succeeds', async () => {
    const service = pool({ workers: 1, checkTimeoutMs: 500 });
    const app = appFor(service);
    const res = await request(app).post('/v1/lint').type('text/plain').send(HANG);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: { code: 'check_timeout', message: expect.stringMatching(/500 ms/) },
    });
    expectToMatchSpec(res, '/v1/lint');
    const next = await request(app).post('/v1/lint').send({ text: STRAY });
    expect(next.status).toBe(200);
    expect(next.body.diagnostics[0]).toMatchObject({ ruleId: 'stray-punctuation', offset: 26 });
  });

  it('answers a worker that runs out of memory with 503, then serves the next request', async () => {
    const service = pool({ workers: 1, workerMaxOldMb: 64, checkTimeoutMs: 20_000 });
    const app = appFor(service);
    const res = await request(app).post('/v1/lint').type('text/plain').send(EXHAUST_MEMORY);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('worker_out_of_memory');
    expect(res.headers['retry-after']).toBe('1');
    expectToMatchSpec(res, '/v1/lint');
    const next = await request(app).post('/v1/lint').send({ text: STRAY });
    expect(next.status).toBe(200);
  });

  it('answers a check that throws with 500 worker_failed, without its details', async () => {
    const app = appFor(pool({ workers: 1 }));
    const res = await request(app).post('/v1/lint').type('text/plain').send(THROW);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: { code: 'worker_failed', message: 'The check failed in its worker' },
    });
    expectToMatchSpec(res, '/v1/lint');
    expect((await request(app).post('/v1/lint').send({ text: STRAY })).status).toBe(200);
  });

  it('answers 503 with Retry-After when saturated, and /readyz says so', async () => {
    const service = pool({ workers: 1, maxQueue: 1, checkTimeoutMs: 1500 });
    const app = appFor(service);
    const hung = [HANG, HANG].map((text) =>
      request(app)
        .post('/v1/lint')
        .type('text/plain')
        .send(text)
        .then((res) => res),
    );
    // Wait until both hung checks are admitted (one running, one queued).
    while (!service.load().saturated) await new Promise((resolve) => setTimeout(resolve, 10));
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'saturated', load: { running: 1, queued: 1 } });
    expectToMatchSpec(ready, '/readyz', 'get');
    const res = await request(app).post('/v1/lint').send({ text: STRAY });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('overloaded');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expectToMatchSpec(res, '/v1/lint');
    // Refused before its body is read: a malformed body is not even parsed.
    const unread = await request(app)
      .post('/v1/lint')
      .type('application/json')
      .send('{"text": not json');
    expect(unread.status).toBe(503);
    expect(unread.body.error.code).toBe('overloaded');
    expect(Number(unread.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const statuses = (await Promise.all(hung)).map((r) => r.body.error?.code);
    expect(statuses).toEqual(['check_timeout', 'check_timeout']);
    expect((await request(app).get('/readyz')).status).toBe(200);
  });

  it('lints a batch in order through the pool, a runaway document failing alone', async () => {
    const service = pool({ workers: 2, checkTimeoutMs: 1000 });
    const res = await request(appFor(service))
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 'hang', text: HANG },
          { id: 'stray', text: STRAY },
          { id: 'clean', text: 'A clean sentence.' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { id: string }) => r.id)).toEqual(['hang', 'stray', 'clean']);
    expect(res.body.results[0].error.code).toBe('check_timeout');
    expect(res.body.results[1].summary.errors).toBe(1);
    expect(res.body.results[2].diagnostics).toEqual([]);
    expectToMatchSpec(res, '/v1/lint/batch');
  });
});
