/**
 * The service's answers to faulty input and to faults of its own, each raised for real: real
 * compressed bytes over a real socket, real worker threads that hang, run out of memory or fail
 * to start, real client hang-ups.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createApp, type AppDeps } from '../src/http/app.js';
import {
  createInProcessLintService,
  createPoolLintService,
  type PoolLintService,
} from '../src/http/lint-service.js';
import { MAX_ERROR_MESSAGE } from '../src/http/middleware/errors.js';
import { createSpecValidator } from './helpers/openapi.js';

const STRAY = 'They met her respectively. . Then they left.';
const HANG = '\u0000test: hang';
const EXHAUST_MEMORY = '\u0000test: exhaust memory';
const testWorker = new URL('./fixtures/test-lint-worker.mjs', import.meta.url);
const expectToMatchSpec = createSpecValidator();

const inProcess = createInProcessLintService();
const services: PoolLintService[] = [];
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(services.map((service) => service.close()));
});

function pool(options: Parameters<typeof createPoolLintService>[0] = {}): PoolLintService {
  const service = createPoolLintService({ queueTimeoutMs: 30_000, ...options });
  services.push(service);
  return service;
}

function appWith(deps: Partial<AppDeps> = {}) {
  const lintService = deps.lintService ?? inProcess;
  const load = 'load' in lintService ? () => (lintService as PoolLintService).load() : undefined;
  return createApp({ lintService, load, defaultMetrics: false, ...deps });
}

/** The app on a real loopback socket. */
async function listen(deps: Partial<AppDeps> = {}): Promise<Server> {
  const server = appWith(deps).listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Sends exactly these bytes (no client library re-encodes them). */
function send(
  server: Server,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = (text: string) => Buffer.from(JSON.stringify({ text }));

describe('compressed request bodies', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('decodes a %s body, JSON or text', async (encoding, compress) => {
    const server = await listen();
    for (const [type, body] of [
      ['application/json', json(STRAY)],
      ['text/plain', Buffer.from(STRAY)],
    ] as const) {
      const res = await send(
        server,
        'POST',
        '/v1/lint',
        { 'content-type': type, 'content-encoding': encoding },
        compress(body),
      );
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).diagnostics[0]).toMatchObject({
        ruleId: 'stray-punctuation',
        offset: 26,
      });
    }
  });

  it('answers a truncated or corrupt gzip body with 400 malformed_body', async () => {
    const server = await listen();
    const whole = gzipSync(json(STRAY));
    for (const body of [whole.subarray(0, whole.length - 12), Buffer.from('not gzip at all')]) {
      const res = await send(
        server,
        'POST',
        '/v1/lint',
        { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body,
      );
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({
        error: { code: 'malformed_body', message: expect.stringMatching(/Content-Encoding/) },
      });
    }
  });

  it('refuses an encoding it does not decode with 415 unsupported_encoding', async () => {
    const server = await listen();
    const res = await send(
      server,
      'POST',
      '/v1/lint',
      { 'content-type': 'application/json', 'content-encoding': 'compress' },
      json(STRAY),
    );
    expect(res.status).toBe(415);
    expect(JSON.parse(res.text).error.code).toBe('unsupported_encoding');
  });

  it('applies MTLINT_BODY_LIMIT to the decoded size', async () => {
    const server = await listen({ settings: { bodyLimit: 10_000 } });
    const bomb = gzipSync(json('a'.repeat(50_000)));
    expect(bomb.length).toBeLessThan(10_000);
    const res = await send(
      server,
      'POST',
      '/v1/lint',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.code).toBe('body_too_large');
  });

  it('does the same on /v2/check, in plain text', async () => {
    const server = await listen();
    const form = new URLSearchParams({ text: STRAY, language: 'en-US' }).toString();
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-encoding': 'gzip',
    };
    const ok = await send(server, 'POST', '/v2/check', headers, gzipSync(form));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).matches.length).toBeGreaterThan(0);
    const whole = gzipSync(form);
    const truncated = await send(
      server,
      'POST',
      '/v2/check',
      headers,
      whole.subarray(0, whole.length - 12),
    );
    expect(truncated.status).toBe(400);
    expect(truncated.text).toMatch(/^Error: The request body could not be decoded/);
    const unknown = await send(
      server,
      'POST',
      '/v2/check',
      { ...headers, 'content-encoding': 'compress' },
      form,
    );
    expect(unknown.status).toBe(415);
    expect(unknown.text).toMatch(/^Error: /);
  });
});

describe('bad paths and configs', () => {
  it('answers a path that is not valid percent-encoding with 400', async () => {
    const res = await request(appWith()).get('/rules/%ZZ/README.md');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
  });

  /** JSON text nested `depth` objects deep (too deep for a client library to serialize). */
  const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

  it('refuses a deeply nested config before it reaches a worker: 400 invalid_config', async () => {
    const app = appWith({ lintService: pool({ workers: 1 }) });
    for (const depth of [40, 3_000, 3_500, 20_000]) {
      const res = await request(app)
        .post('/v1/lint')
        .set('content-type', 'application/json')
        .send(`{"text":"x","config":{"rules":{"readability":["info",${nested(depth)}]}}}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({
        code: 'invalid_config',
        message: expect.stringMatching(/nested more than 32 levels/),
      });
      expectToMatchSpec(res, '/v1/lint');
    }
    // A real config still goes through the same workers.
    expect((await request(app).post('/v1/lint').send({ text: STRAY })).status).toBe(200);
  });

  it('refuses `__proto__` anywhere in a config', async () => {
    const body = `{"text": ${JSON.stringify(STRAY)}, "config": {"rules": {"__proto__": {"x": 1}}}}`;
    const res = await request(appWith())
      .post('/v1/lint')
      .set('content-type', 'application/json')
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'invalid_config',
      message: expect.stringMatching(/__proto__/),
    });
  });

  it('bounds the message of an error about a huge config', async () => {
    const rules = Object.fromEntries(
      Array.from({ length: 60_000 }, (_, i) => [`no-such-rule-${i}`, 'error']),
    );
    const res = await request(appWith({ settings: { bodyLimit: 10_000_000 } }))
      .post('/v1/lint')
      .send({ text: STRAY, config: { rules } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_config');
    expect(res.text.length).toBeLessThan(MAX_ERROR_MESSAGE + 200);
    // Below the size limit, an error naming many keys is cut, with what was left out.
    const some = Object.fromEntries(
      Array.from({ length: 2_000 }, (_, i) => [`no-such-rule-${i}`, 'error']),
    );
    const cut = await request(appWith())
      .post('/v1/lint')
      .send({ text: STRAY, config: { rules: some } });
    expect(cut.status).toBe(400);
    expect(cut.body.error.message.length).toBeLessThan(MAX_ERROR_MESSAGE + 100);
  });

  it('keeps a byte-order mark in a text/plain body: offsets are into the text as sent', async () => {
    const server = await listen();
    const text = `\uFEFF${STRAY}`;
    const res = await send(
      server,
      'POST',
      '/v1/lint',
      { 'content-type': 'text/plain; charset=utf-8' },
      Buffer.from(text, 'utf8'),
    );
    expect(res.status).toBe(200);
    const [first] = JSON.parse(res.text).diagnostics as { offset: number; length: number }[];
    expect(first!.offset).toBe(27);
    expect(text.slice(first!.offset, first!.offset + first!.length)).toBe(' .');
  });
});

describe('/v2 refusals, shaped as LanguageTool shapes them', () => {
  it('answers real overload with 503 and Retry-After, in plain text', async () => {
    const service = pool({ workers: 1, maxQueue: 0, workerFile: testWorker, checkTimeoutMs: 2000 });
    const app = appWith({ lintService: service });
    const hung = request(app).post('/v1/lint').type('text/plain').send(HANG);
    const pending = hung.then((res) => res);
    while (!service.load().saturated) await new Promise((resolve) => setTimeout(resolve, 10));
    const res = await request(app)
      .post('/v2/check')
      .type('form')
      .send({ text: STRAY, language: 'en-US' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^Error: The service is saturated/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await pending).body.error.code).toBe('check_timeout');
  });

  it('answers a check timeout with 503 in plain text', async () => {
    const service = pool({ workers: 1, workerFile: testWorker, checkTimeoutMs: 300 });
    const res = await request(appWith({ lintService: service }))
      .post('/v2/check')
      .type('form')
      .send({ text: HANG, language: 'en-US' });
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/^Error: The check took longer than 300 ms/);
  });

  it('answers 401, 429 and 404 in plain text with their headers', async () => {
    const guarded = appWith({ settings: { token: 's3cret' } });
    const unauthorized = await request(guarded).get('/v2/check?text=Hi.&language=en-US');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.text).toMatch(
      /^Error: Authentication required: send the service's token as 'apiKey'/,
    );
    expect(unauthorized.headers['www-authenticate']).toBe('Bearer realm="mtlint"');

    const limited = appWith({ settings: { rateLimit: 1, rateWindowMs: 60_000 } });
    expect((await request(limited).get('/v2/languages')).status).toBe(200);
    const tooMany = await request(limited).get('/v2/languages');
    expect(tooMany.status).toBe(429);
    expect(tooMany.text).toMatch(/^Error: Too many requests/);
    expect(Number(tooMany.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const missing = await request(appWith()).get('/v2/nothing');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/plain/);
    expect(missing.text).toBe('Error: No such endpoint: GET /v2/nothing');
  });

  it('applies MTLINT_BODY_LIMIT to /v2 form bodies', async () => {
    const res = await request(appWith({ settings: { bodyLimit: 1000 } }))
      .post('/v2/check')
      .type('form')
      .send({ text: 'a'.repeat(2000), language: 'en-US' });
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/^Error: /);
  });
});

describe('the worker pool under faults', () => {
  it('gives every slow document a 503 of its own, never a 500', async () => {
    const service = pool({
      workers: 2,
      maxQueue: 16,
      workerFile: testWorker,
      checkTimeoutMs: 300,
      queueTimeoutMs: 60_000,
    });
    const app = appWith({ lintService: service });
    const responses = await Promise.all(
      Array.from({ length: 18 }, () => request(app).post('/v1/lint').type('text/plain').send(HANG)),
    );
    const codes = responses.map((res) => `${res.status} ${res.body.error?.code}`);
    expect(codes).toEqual(Array.from({ length: 18 }, () => '503 check_timeout'));
  }, 180_000);

  it("never hands a document its neighbour's out-of-memory error", async () => {
    const service = pool({ workers: 1, workerFile: testWorker, workerMaxOldMb: 64 });
    const hog = service.lint(EXHAUST_MEMORY).catch((error: unknown) => error);
    const neighbours = [service.lint(STRAY), service.lint(STRAY), service.lint(STRAY)];
    expect(await hog).toMatchObject({ code: 'worker_out_of_memory' });
    for (const result of await Promise.all(neighbours)) {
      expect(result.diagnostics[0]).toMatchObject({ ruleId: 'stray-punctuation' });
    }
  });

  it('drops documents whose client hung up before they start', async () => {
    const service = pool({ workers: 1, maxQueue: 8, workerFile: testWorker, checkTimeoutMs: 3000 });
    const runaway = service.lint(HANG).catch((error: unknown) => error);
    const controllers = Array.from({ length: 6 }, () => new AbortController());
    const abandoned = controllers.map((controller) =>
      service
        .lint(STRAY, undefined, { signal: controller.signal })
        .catch((error: unknown) => error),
    );
    // One is held by the stuck worker as its next document, the others wait in the queue.
    expect(service.load()).toMatchObject({ running: 1, queued: 6 });
    for (const controller of controllers) controller.abort();
    for (const outcome of await Promise.all(abandoned)) {
      expect(outcome).toMatchObject({ code: 'client_closed' });
    }
    // Dropped while the only worker is still stuck: none of them waited for it.
    expect(service.load()).toMatchObject({ running: 1, queued: 0 });
    expect(await runaway).toMatchObject({ code: 'check_timeout' });
    expect((await service.lint(STRAY)).summary.errors).toBe(1);
  });

  it('drops the documents of clients that hung up, over real sockets', async () => {
    const service = pool({
      workers: 1,
      maxQueue: 16,
      workerFile: testWorker,
      checkTimeoutMs: 3000,
    });
    const server = await listen({ lintService: service });
    const runaway = send(server, 'POST', '/v1/lint', { 'content-type': 'text/plain' }, HANG);
    while (service.load().running === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const { port } = server.address() as AddressInfo;
    const requests = Array.from({ length: 10 }, () => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/lint',
        headers: { 'content-type': 'text/plain' },
      });
      req.on('error', () => {});
      req.end(STRAY);
      return req;
    });
    while (service.load().queued < 10) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const req of requests) req.destroy();
    while (service.load().queued > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // The queue emptied while the worker was still stuck on the runaway check.
    expect(service.load().running).toBe(1);
    expect((await runaway).status).toBe(503);
  });

  it('refuses a document that waited longer than the queue timeout with 503', async () => {
    const service = pool({
      workers: 1,
      workerFile: testWorker,
      checkTimeoutMs: 3000,
      queueTimeoutMs: 300,
    });
    // Until its worker has started, the pool drops what waits longer than 300 ms.
    for (;;) {
      const warm = await service.lint(STRAY).catch(() => undefined);
      if (warm) break;
    }
    const app = appWith({ lintService: service });
    const runaway = request(app).post('/v1/lint').type('text/plain').send(HANG);
    const pending = runaway.then((res) => res);
    while (service.load().running === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const waited = await request(app).post('/v1/lint').send({ text: STRAY });
    expect(waited.status).toBe(503);
    expect(waited.body.error).toEqual({
      code: 'overloaded',
      message: 'The document waited more than 300 ms for a worker and was dropped',
    });
    expect(Number(waited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Refused while the worker was still stuck, long before the check's own timeout.
    expect(service.load().running).toBe(1);
    expect((await pending).body.error.code).toBe('check_timeout');
  });

  it('logs workers that fail to start, fails /readyz and refuses work at once', async () => {
    const failures: unknown[] = [];
    const service = pool({
      workers: 1,
      workerFile: new URL('./fixtures/broken-lint-worker.mjs', import.meta.url),
      onWorkerError: (error) => failures.push(error),
    });
    const app = appWith({ lintService: service });
    while (!service.load().workersFailing) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(String(failures[0])).toMatch(/cannot load its rules/);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'workers_failing', load: { workersFailing: true } });
    expectToMatchSpec(ready, '/readyz', 'get');
    const res = await request(app).post('/v1/lint').send({ text: STRAY });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('workers_unavailable');
    expectToMatchSpec(res, '/v1/lint');
  });
});

describe('rate limiting behind proxies', () => {
  it('counts the address its own proxy saw, whatever a client writes in X-Forwarded-For', async () => {
    const app = appWith({ settings: { rateLimit: 2, rateWindowMs: 60_000, trustProxy: 1 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // The client forges the first entry; the one proxy in front appended the real address.
      const res = await request(app)
        .get('/v1/rules')
        .set('x-forwarded-for', `10.0.0.${i}, 203.0.113.7`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    // Another client behind the same proxy has its own count.
    const other = await request(app).get('/v1/rules').set('x-forwarded-for', '203.0.113.8');
    expect(other.status).toBe(200);
  });
});
