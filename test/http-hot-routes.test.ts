/**
 * The lint route and the probes are served below Express's router (src/http/hot-routes.ts). The
 * same request sent with a query string takes the router's way; both must answer alike: status,
 * body, headers, log line and metrics.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { createApp, type AppDeps } from '../src/http/app.js';
import { createInProcessLintService, LintServiceError } from '../src/http/lint-service.js';

const lintService = createInProcessLintService();
const STRAY = 'They met her respectively. . Then they left.';
const ROUTED = '?via=router';

/** Headers that differ between any two answers (time, per-request values). */
const VARYING = new Set(['date', 'ratelimit-reset', 'retry-after']);

function comparable(res: request.Response) {
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(([name]) => !VARYING.has(name)),
  );
  return { status: res.status, headers, body: res.text };
}

type Send = (served: ReturnType<typeof createApp>, path: string) => request.Test;

/** The same request through the hot path and the router, each on an app of its own. */
async function bothWays(deps: Partial<AppDeps>, path: string, send: Send) {
  const make = () => createApp({ lintService, defaultMetrics: false, ...deps });
  const hot = await send(make(), path);
  const routed = await send(make(), `${path}${ROUTED}`);
  return { hot, routed };
}

async function expectAlike(deps: Partial<AppDeps>, path: string, send: Send) {
  const { hot, routed } = await bothWays(deps, path, send);
  expect(comparable(hot)).toEqual(comparable(routed));
  return hot;
}

const withId = (test: request.Test) => test.set('x-request-id', 'same-id');

describe('the lint route below the router answers as through it', () => {
  it('lints JSON and text/plain bodies (a byte-order mark kept)', async () => {
    const json = await expectAlike({}, '/v1/lint', (app, path) =>
      withId(request(app).post(path).send({ text: STRAY })),
    );
    expect(json.status).toBe(200);
    expect(json.body.diagnostics.length).toBeGreaterThan(0);
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    const plain = await expectAlike({}, '/v1/lint', (app, path) =>
      withId(request(app).post(path).type('text/plain').send(`\ufeff${STRAY}`)),
    );
    expect(plain.status).toBe(200);
  });

  it('refuses bad bodies with the same errors', async () => {
    const cases: Send[] = [
      (app, path) => withId(request(app).post(path).type('json').send('{"text": ')),
      (app, path) => withId(request(app).post(path).type('image/png').send('xx')),
      (app, path) => withId(request(app).post(path).send({ text: 7 })),
      (app, path) =>
        withId(
          request(app)
            .post(path)
            .send({ text: 'x'.repeat(200) }),
        ),
      (app, path) =>
        withId(
          request(app)
            .post(path)
            .send({ text: STRAY, config: { rules: 3 } }),
        ),
      (app, path) => withId(request(app).post(path)),
    ];
    const statuses = [];
    for (const send of cases) {
      statuses.push((await expectAlike({ settings: { maxChars: 100 } }, '/v1/lint', send)).status);
    }
    expect(statuses).toEqual([400, 415, 400, 413, 400, 400]);
  });

  it('requires the bearer token alike', async () => {
    const settings = { token: 's3cret' };
    const none = await expectAlike({ settings }, '/v1/lint', (app, path) =>
      withId(request(app).post(path).send({ text: STRAY })),
    );
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="mtlint"');
    const right = await expectAlike({ settings }, '/v1/lint', (app, path) =>
      withId(request(app).post(path).set('authorization', 'Bearer s3cret').send({ text: STRAY })),
    );
    expect(right.status).toBe(200);
  });

  it('rate-limits alike', async () => {
    const settings = { rateLimit: 1, rateWindowMs: 60_000 };
    const twice: Send = (app, path) =>
      request(app)
        .post(path)
        .send({ text: STRAY })
        .then(() => withId(request(app).post(path).send({ text: STRAY }))) as request.Test;
    const { hot, routed } = await bothWays({ settings }, '/v1/lint', twice);
    expect(comparable(hot)).toEqual(comparable(routed));
    expect(hot.status).toBe(429);
    expect(Number(hot.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('refuses alike when saturated: 503 with Retry-After', async () => {
    const saturated = {
      ...lintService,
      checkAdmission() {
        throw new LintServiceError('overloaded', 'The service is saturated', 3);
      },
    };
    const res = await expectAlike({ lintService: saturated }, '/v1/lint', (app, path) =>
      withId(request(app).post(path).send({ text: STRAY })),
    );
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('overloaded');
    expect(res.headers['retry-after']).toBe('3');
  });

  it('sends CORS headers alike, and Connection: close while draining', async () => {
    const cors = await expectAlike(
      { settings: { corsOrigins: ['https://news.example'] } },
      '/v1/lint',
      (app, path) =>
        withId(request(app).post(path).set('origin', 'https://news.example').send({ text: STRAY })),
    );
    expect(cors.headers['access-control-allow-origin']).toBe('https://news.example');
    const draining = await expectAlike({ isDraining: () => true }, '/v1/lint', (app, path) =>
      withId(request(app).post(path).send({ text: STRAY })),
    );
    expect(draining.headers.connection).toBe('close');
  });

  it('writes the same log line', async () => {
    const lines = (through: string) => {
      const written: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          written.push(String(chunk));
          done();
        },
      });
      const app = createApp({
        lintService,
        defaultMetrics: false,
        logger: pino({ level: 'info', timestamp: false, base: null }, sink),
      });
      return withId(request(app).post(`/v1/lint${through}`).send({ text: 7 })).then(() =>
        written.map((line) => JSON.parse(line) as Record<string, unknown>),
      );
    };
    const [hot, routed] = [await lines(''), await lines(ROUTED)];
    const strip = (entries: Record<string, unknown>[]) =>
      entries.map(({ responseTime: _time, ...entry }) => entry);
    expect(strip(hot)).toEqual(strip(routed));
    expect(hot).toHaveLength(1);
    expect(hot[0]).toMatchObject({
      req: { id: 'same-id', method: 'POST', url: '/v1/lint' },
      res: { statusCode: 400 },
    });
  });

  it('counts the same series in /metrics', async () => {
    const series = async (through: string) => {
      const app = createApp({ lintService, defaultMetrics: false, settings: { token: 't' } });
      const auth = 'Bearer t';
      await request(app)
        .post(`/v1/lint${through}`)
        .set('authorization', auth)
        .send({ text: STRAY });
      await request(app).post(`/v1/lint${through}`).set('authorization', auth).send({ text: 1 });
      await request(app).post(`/v1/lint${through}`).send({ text: STRAY });
      await request(app).get(`/healthz${through}`);
      const text = (await request(app).get('/metrics').set('authorization', auth)).text;
      return text
        .split('\n')
        .filter((line) => line.startsWith('http_requests_total{'))
        .filter((line) => !line.includes('/metrics'));
    };
    const hot = await series('');
    expect(hot).toEqual(await series(ROUTED));
    expect(hot).toEqual(
      expect.arrayContaining([
        'http_requests_total{method="POST",route="/v1/lint",status="200"} 1',
        'http_requests_total{method="POST",route="/v1/lint",status="400"} 1',
        'http_requests_total{method="POST",route="unmatched",status="401"} 1',
        'http_requests_total{method="GET",route="/healthz",status="200"} 1',
      ]),
    );
  });
});

describe('the probes below the router answer as through it', () => {
  const load = () => ({
    workers: 2,
    running: 2,
    queued: 16,
    maxQueue: 16,
    saturated: true,
    workersFailing: false,
  });

  it('answers /healthz (GET and HEAD) and /readyz alike', async () => {
    const health = await expectAlike({}, '/healthz', (app, path) => withId(request(app).get(path)));
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(health.headers['content-security-policy']).toBeDefined();
    const head = await expectAlike({}, '/healthz', (app, path) => withId(request(app).head(path)));
    expect(head.status).toBe(200);
    const ready = await expectAlike({ load }, '/readyz', (app, path) =>
      withId(request(app).get(path)),
    );
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('saturated');
    const draining = await expectAlike({ load, isDraining: () => true }, '/readyz', (app, path) =>
      withId(request(app).get(path)),
    );
    expect(draining.body.status).toBe('draining');
  });
});
