import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../src/http/middleware/errors.js';
import { rateLimit } from '../src/http/middleware/rate-limit.js';
import { parseBytes, readSettings, SettingsError } from '../src/http/settings.js';

describe('readSettings', () => {
  it('needs no environment at all', () => {
    const settings = readSettings({});
    expect(settings).toMatchObject({
      port: 3000,
      bodyLimit: 1024 * 1024,
      maxChars: 100_000,
      maxDiagnostics: 1000,
      token: undefined,
      rateLimit: 0,
      corsOrigins: [],
      trustProxy: 0,
      maxConnections: 1024,
      queueTimeoutMs: 10_000,
      workerMaxOldMb: 512,
      workerYoungMb: 64,
    });
    expect(settings.workers).toBeGreaterThanOrEqual(1);
    expect(settings.headersTimeoutMs).toBeLessThanOrEqual(settings.requestTimeoutMs);
  });

  it('reads every limit from its variable', () => {
    const settings = readSettings({
      PORT: '8080',
      MTLINT_BODY_LIMIT: '512kb',
      MTLINT_MAX_CHARS: '5000',
      MTLINT_WORKERS: '3',
      MTLINT_CORS_ORIGINS: 'https://a.example, https://b.example',
      MTLINT_TOKEN: 'secret',
      MTLINT_WORKER_YOUNG_MB: '128',
    });
    expect(settings).toMatchObject({
      workerYoungMb: 128,
      port: 8080,
      bodyLimit: 512 * 1024,
      maxChars: 5000,
      workers: 3,
      maxQueue: 24,
      corsOrigins: ['https://a.example', 'https://b.example'],
      token: 'secret',
    });
  });

  it('names a bad variable', () => {
    expect(() => readSettings({ MTLINT_WORKERS: '0' })).toThrow(SettingsError);
    expect(() => readSettings({ MTLINT_BODY_LIMIT: 'huge' })).toThrow(/MTLINT_BODY_LIMIT/);
    expect(() => readSettings({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readSettings({ MTLINT_WORKER_YOUNG_MB: 'big' })).toThrow(/MTLINT_WORKER_YOUNG_MB/);
  });

  it('refuses a worker heap too small to start a worker, and a trust-everyone proxy setting', () => {
    expect(() => readSettings({ MTLINT_WORKER_MAX_OLD_MB: '16' })).toThrow(
      /MTLINT_WORKER_MAX_OLD_MB must be at least 64/,
    );
    expect(readSettings({ MTLINT_WORKER_MAX_OLD_MB: '64' }).workerMaxOldMb).toBe(64);
    expect(() => readSettings({ MTLINT_TRUST_PROXY: 'true' })).toThrow(/number of proxies/);
    expect(() => readSettings({ MTLINT_TRUST_PROXY: 'loopback' })).toThrow(/MTLINT_TRUST_PROXY/);
    expect(readSettings({ MTLINT_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readSettings({ MTLINT_TRUST_PROXY: 'false' }).trustProxy).toBe(0);
  });

  it('bounds the wait for a worker by the check timeout unless told otherwise', () => {
    expect(readSettings({ MTLINT_CHECK_TIMEOUT_MS: '3000' }).queueTimeoutMs).toBe(3000);
    expect(
      readSettings({ MTLINT_CHECK_TIMEOUT_MS: '3000', MTLINT_QUEUE_TIMEOUT_MS: '500' })
        .queueTimeoutMs,
    ).toBe(500);
    expect(readSettings({ MTLINT_MAX_CONNECTIONS: '10' }).maxConnections).toBe(10);
  });

  it('parses sizes', () => {
    expect(parseBytes('1mb')).toBe(1048576);
    expect(parseBytes('1.5 KB')).toBe(1536);
    expect(parseBytes('200')).toBe(200);
    expect(parseBytes('-1mb')).toBeUndefined();
  });
});

describe('rateLimit', () => {
  it('starts afresh in the next window', async () => {
    // express-rate-limit keeps its own clock: a one-second window, waited out for real.
    const app = express()
      .use(rateLimit({ limit: 1, windowMs: 1000 }))
      .get('/', (_req, res) => void res.json({}))
      .use(errorHandler);
    const first = await request(app).get('/');
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('1');
    expect(first.headers['ratelimit-remaining']).toBe('0');
    const limited = await request(app).get('/');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await request(app).get('/')).status).toBe(200);
  });
});
