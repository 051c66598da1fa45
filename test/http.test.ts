import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import request from 'supertest';
import { createApp, type AppDeps } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { registry } from '../src/linter.js';
import { createSpecValidator } from './helpers/openapi.js';

const lintService = createInProcessLintService();
const app = (deps: Partial<AppDeps> = {}) =>
  createApp({ lintService, defaultMetrics: false, ...deps });
const expectToMatchSpec = createSpecValidator();
const STRAY = 'They met her respectively. . Then they left.';

function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(res.body)).not.toMatch(/ at .*\.[jt]s:\d+/);
}

describe('POST /v1/lint', () => {
  it('flags the stray ` .` of the README example', async () => {
    const res = await request(app()).post('/v1/lint').send({ text: STRAY });
    expect(res.status).toBe(200);
    const stray = res.body.diagnostics.find(
      (d: { ruleId: string }) => d.ruleId === 'stray-punctuation',
    );
    expect(stray).toMatchObject({ offset: 26, length: 2, excerpt: ' .', line: 1, column: 27 });
    expect(STRAY.slice(stray.offset, stray.offset + stray.length)).toBe(' .');
    expect(res.body.summary).toMatchObject({ errors: 1, truncated: false });
    expectToMatchSpec(res, '/v1/lint');
  });

  it('takes a text/plain body', async () => {
    const res = await request(app()).post('/v1/lint').type('text/plain').send(STRAY);
    expect(res.status).toBe(200);
    expect(res.body.diagnostics[0]).toMatchObject({ ruleId: 'stray-punctuation', offset: 26 });
  });

  it('applies the config', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .send({ text: STRAY, config: { rules: { 'stray-punctuation': 'warning' } } });
    expect(res.body.diagnostics[0].severity).toBe('warning');
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .set('content-type', 'application/json')
      .send('{"text": "unterminated');
    expectError(res, 400, 'malformed_json');
    expectToMatchSpec(res, '/v1/lint');
  });

  it.each([
    ['missing text', { config: {} }, /`text` is required/],
    ['numeric text', { text: 42 }, /must be a string, got a number/],
    ['null text', { text: null }, /got null/],
    ['an array body', [STRAY], /must be an object/],
    ['a JSON string body', STRAY, /must be an object/],
  ])('answers %s with 400 invalid_request', async (_name, body, message) => {
    const res = await request(app())
      .post('/v1/lint')
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
    expectError(res, 400, 'invalid_request');
    expect(res.body.error.message).toMatch(message);
  });

  it('answers an empty body with 400 invalid_request', async () => {
    const res = await request(app()).post('/v1/lint');
    expectError(res, 400, 'invalid_request');
  });

  it('answers an unknown rule in config with 400 invalid_config naming it', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .send({ text: STRAY, config: { rules: { 'no-such-rule': 'error' } } });
    expectError(res, 400, 'invalid_config');
    expect(res.body.error.message).toMatch(/no-such-rule/);
    expectToMatchSpec(res, '/v1/lint');
  });

  it('answers a bad option with 400 invalid_config naming the rule and field', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .send({ text: STRAY, config: { rules: { readability: ['info', { age: 'old' }] } } });
    expectError(res, 400, 'invalid_config');
    expect(res.body.error.message).toMatch(/readability.*age/);
  });

  it('answers a config that is not an object with 400 invalid_config', async () => {
    const res = await request(app()).post('/v1/lint').send({ text: STRAY, config: 'strict' });
    expectError(res, 400, 'invalid_config');
  });

  it('answers other media types with 415', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .set('content-type', 'application/xml')
      .send('<text>hi</text>');
    expectError(res, 415, 'unsupported_media_type');
    expect(res.body.error.message).toMatch(/application\/xml/);
    expectToMatchSpec(res, '/v1/lint');
  });

  it('answers an unsupported charset with 415', async () => {
    const res = await request(app())
      .post('/v1/lint')
      .set('content-type', 'text/plain; charset=ebcdic')
      .send('hello');
    expectError(res, 415, 'unsupported_media_type');
  });

  it('answers a body over MTLINT_BODY_LIMIT with 413 body_too_large', async () => {
    const res = await request(app({ settings: { bodyLimit: 1000 } }))
      .post('/v1/lint')
      .send({ text: 'a'.repeat(2000) });
    expectError(res, 413, 'body_too_large');
    expect(res.body.error.message).toMatch(/1000 bytes \(MTLINT_BODY_LIMIT\)/);
    expectToMatchSpec(res, '/v1/lint');
  });

  it('answers a text over MTLINT_MAX_CHARS with 413 naming the limit and the length', async () => {
    const res = await request(app({ settings: { maxChars: 100 } }))
      .post('/v1/lint')
      .type('text/plain')
      .send('a'.repeat(101));
    expectError(res, 413, 'text_too_long');
    expect(res.body.error.message).toBe(
      'The text is 101 characters long; the limit is 100 (MTLINT_MAX_CHARS)',
    );
  });

  it('answers a JSON text over MTLINT_MAX_CHARS with 413 text_too_long', async () => {
    const res = await request(app({ settings: { maxChars: 100 } }))
      .post('/v1/lint')
      .send({ text: 'a'.repeat(101) });
    expectError(res, 413, 'text_too_long');
    expect(res.body.error.message).toBe(
      'The text is 101 characters long; the limit is 100 (MTLINT_MAX_CHARS)',
    );
  });

  it('answers {"text"} alone as it answers the same text with fields it ignores', async () => {
    const alone = await request(app()).post('/v1/lint').send({ text: STRAY });
    const withOthers = await request(app())
      .post('/v1/lint')
      .send({ text: STRAY, unknownField: true, format: 'text' });
    expect(alone.status).toBe(200);
    expect(alone.body.diagnostics.length).toBeGreaterThan(0);
    expect(alone.body).toEqual(withOthers.body);
  });

  it('answers a text that is not a string with 400 naming its type', async () => {
    const res = await request(app()).post('/v1/lint').send({ text: 42 });
    expectError(res, 400, 'invalid_request');
    expect(res.body.error.message).toBe('`text` must be a string, got a number');
  });

  it('accepts a text of exactly MTLINT_MAX_CHARS', async () => {
    const res = await request(app({ settings: { maxChars: 100 } }))
      .post('/v1/lint')
      .send({ text: 'a'.repeat(100) });
    expect(res.status).toBe(200);
  });

  it('caps diagnostics at MTLINT_MAX_DIAGNOSTICS and says truncated', async () => {
    const capped = createInProcessLintService({ maxDiagnostics: 3 });
    const res = await request(app({ lintService: capped }))
      .post('/v1/lint')
      .send({ text: 'It ended. . '.repeat(10) });
    expect(res.body.diagnostics).toHaveLength(3);
    expect(res.body.summary.truncated).toBe(true);
  });
});

describe('POST /v1/lint/batch', () => {
  it('answers per document, in order, one bad document failing alone', async () => {
    const res = await request(app())
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 'a', text: STRAY },
          { id: 'b', text: 42 },
          { id: 3, text: 'Fine.', config: { rules: { nope: 'off' } } },
          { id: 'd', text: 'A clean sentence.' },
          'not a document',
        ],
      });
    expect(res.status).toBe(200);
    const [a, b, c, d, e] = res.body.results;
    expect(a).toMatchObject({ id: 'a', summary: { errors: 1 } });
    expect(b).toEqual({ id: 'b', error: { code: 'invalid_request', message: expect.any(String) } });
    expect(c).toEqual({ id: 3, error: { code: 'invalid_config', message: expect.any(String) } });
    expect(d).toMatchObject({ id: 'd', diagnostics: [] });
    expect(e).toEqual({ id: 4, error: { code: 'invalid_request', message: expect.any(String) } });
    expectToMatchSpec(res, '/v1/lint/batch');
  });

  it('gives an over-long document its own text_too_long entry', async () => {
    const res = await request(app({ settings: { maxChars: 10 } }))
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 1, text: 'x'.repeat(11) },
          { id: 2, text: 'Short.' },
        ],
      });
    expect(res.body.results[0].error.code).toBe('text_too_long');
    expect(res.body.results[1].summary).toBeDefined();
  });

  it('refuses more than MTLINT_BATCH_MAX_DOCUMENTS with 413', async () => {
    const res = await request(app({ settings: { batchMaxDocuments: 2 } }))
      .post('/v1/lint/batch')
      .send({ documents: [1, 2, 3].map((id) => ({ id, text: 'x' })) });
    expectError(res, 413, 'too_many_documents');
    expect(res.body.error.message).toMatch(/3 documents; the limit is 2/);
    expectToMatchSpec(res, '/v1/lint/batch');
  });

  it('answers a body without documents with 400, and text/plain with 415', async () => {
    expectError(
      await request(app()).post('/v1/lint/batch').send({ docs: [] }),
      400,
      'invalid_request',
    );
    expectError(
      await request(app()).post('/v1/lint/batch').type('text/plain').send('x'),
      415,
      'unsupported_media_type',
    );
  });

  it('answers a batch body over MTLINT_BATCH_BODY_LIMIT with 413', async () => {
    const res = await request(app({ settings: { batchBodyLimit: 500 } }))
      .post('/v1/lint/batch')
      .send({ documents: [{ id: 1, text: 'a'.repeat(600) }] });
    expectError(res, 413, 'body_too_large');
    expect(res.body.error.message).toMatch(/MTLINT_BATCH_BODY_LIMIT/);
  });
});

describe('GET /v1/rules and rule docs', () => {
  it('lists every rule with its options as JSON Schema', async () => {
    const res = await request(app()).get('/v1/rules');
    expect(res.status).toBe(200);
    expect(res.body.rules.map((rule: { id: string }) => rule.id).sort()).toEqual(
      [...registry.keys()].sort(),
    );
    const readability = res.body.rules.find((rule: { id: string }) => rule.id === 'readability');
    expect(readability).toMatchObject({
      severity: 'info',
      url: 'rules/readability/README.md',
      options: { type: 'object', properties: { age: { type: 'integer' } } },
    });
    expectToMatchSpec(res, '/v1/rules', 'get');
  });

  it("serves a rule's README.md as markdown, and 404s unknown rules and paths", async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), 'mtlint-rules-'));
    try {
      mkdirSync(join(rulesDir, 'stray-punctuation'));
      writeFileSync(join(rulesDir, 'stray-punctuation', 'README.md'), '# stray-punctuation\n');
      const served = app({ rulesDir });
      const res = await request(served).get('/rules/stray-punctuation/README.md');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/markdown/);
      expect(res.text).toBe('# stray-punctuation\n');
      expectToMatchSpec(res, '/rules/{id}/README.md', 'get');
      expectError(await request(served).get('/rules/readability/README.md'), 404, 'not_found');
      expectError(
        await request(served).get('/rules/..%2Fpackage.json/README.md'),
        404,
        'not_found',
      );
      const missing = await request(served).get('/rules/no-such-rule/README.md');
      expectError(missing, 404, 'not_found');
      expectToMatchSpec(missing, '/rules/{id}/README.md', 'get');
    } finally {
      rmSync(rulesDir, { recursive: true });
    }
  });
});

describe('the service', () => {
  it('answers unknown routes and methods with JSON 404, never HTML', async () => {
    expectError(await request(app()).get('/nowhere'), 404, 'not_found');
    expectError(await request(app()).get('/v1/lint'), 404, 'not_found');
    expectError(await request(app()).delete('/v1/rules'), 404, 'not_found');
  });

  it('answers /healthz, /readyz, /metrics and /openapi.json', async () => {
    let draining = false;
    const served = app({ isDraining: () => draining });
    const health = await request(served).get('/healthz');
    expect(health.body).toEqual({ status: 'ok' });
    expectToMatchSpec(health, '/healthz', 'get');
    const ready = await request(served).get('/readyz');
    expect(ready.status).toBe(200);
    expectToMatchSpec(ready, '/readyz', 'get');
    draining = true;
    const drain = await request(served).get('/readyz');
    expect(drain.status).toBe(503);
    expect(drain.body.status).toBe('draining');
    expect(drain.headers.connection).toBe('close');
    expectToMatchSpec(drain, '/readyz', 'get');
    const spec = await request(served).get('/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expectToMatchSpec(spec, '/openapi.json', 'get');
  });

  it('counts requests by route and status in /metrics', async () => {
    const served = createApp({ lintService });
    await request(served).post('/v1/lint').send({ text: STRAY });
    await request(served).post('/v1/lint').send({ text: 1 });
    await request(served).get('/no/such/path');
    const res = await request(served).get('/metrics');
    expect(res.status).toBe(200);
    expectToMatchSpec(res, '/metrics', 'get');
    expect(res.text).toMatch(
      /http_requests_total\{method="POST",route="\/v1\/lint",status="200"\} 1/,
    );
    // Only the scrape itself is in flight: each finished request was counted out.
    expect(res.text).toMatch(/^http_requests_in_flight 1$/m);
    expect(res.text).toMatch(
      /http_requests_total\{method="POST",route="\/v1\/lint",status="400"\} 1/,
    );
    expect(res.text).toMatch(
      /http_requests_total\{method="GET",route="unmatched",status="404"\} 1/,
    );
    expect(res.text).toMatch(/mtlint_lint_duration_seconds_count\{outcome="ok"\} 1/);
    expect(res.text).toMatch(/nodejs_eventloop_lag_p99_seconds/);
    expect(res.text).not.toMatch(/no\/such\/path/);
  });

  it('sends the security headers and no x-powered-by', async () => {
    const res = await request(app()).get('/healthz');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('echoes an acceptable x-request-id and replaces a bad one', async () => {
    const given = await request(app()).get('/healthz').set('x-request-id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const bad = await request(app()).get('/healthz').set('x-request-id', 'a b\u00e9');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await request(app()).get('/healthz');
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs requests with their id and never the article text', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'info' }, sink);
    const secret = 'Zyxwvu secret article sentence . .';
    const served = app({ logger });
    await request(served).post('/v1/lint').set('x-request-id', 'req-42').send({ text: secret });
    await request(served).post('/v1/lint').type('text/plain').send(secret);
    await request(served).post('/v1/lint?text=Zyxwvu').send({ text: 7 });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(log).toMatch(/"id":"req-42"/);
    expect(log).toMatch(/"statusCode":200/);
    expect(log).not.toMatch(/Zyxwvu/);
  });
});

describe('auth, rate limit and CORS', () => {
  it('requires the bearer token when MTLINT_TOKEN is set, on /v1 and /metrics only', async () => {
    const served = app({ settings: { token: 's3cret' } });
    const none = await request(served).post('/v1/lint').send({ text: STRAY });
    expectError(none, 401, 'unauthorized');
    expect(none.headers['www-authenticate']).toBe('Bearer realm="mtlint"');
    expectToMatchSpec(none, '/v1/lint');
    const wrong = await request(served).get('/v1/rules').set('authorization', 'Bearer s3cre');
    expectError(wrong, 401, 'unauthorized');
    expect(wrong.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    expectError(
      await request(served).get('/metrics').set('authorization', 'Basic czNjcmV0'),
      401,
      'unauthorized',
    );
    const right = await request(served)
      .post('/v1/lint')
      .set('authorization', 'Bearer s3cret')
      .send({ text: STRAY });
    expect(right.status).toBe(200);
    expect((await request(served).get('/healthz')).status).toBe(200);
  });

  it('limits each client per window with 429 and Retry-After', async () => {
    const served = app({ settings: { rateLimit: 2, rateWindowMs: 60_000 } });
    for (let i = 0; i < 2; i++) {
      expect((await request(served).get('/v1/rules')).status).toBe(200);
    }
    const res = await request(served).get('/v1/rules');
    expectError(res, 429, 'rate_limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expectToMatchSpec(res, '/v1/rules', 'get');
    expect((await request(served).get('/healthz')).status).toBe(200);
  });

  it('sends no CORS headers by default, and allows listed origins only', async () => {
    const closed = await request(app()).get('/v1/rules').set('origin', 'https://news.example');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const served = app({ settings: { corsOrigins: ['https://news.example'] } });
    const allowed = await request(served).get('/v1/rules').set('origin', 'https://news.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://news.example');
    expect(allowed.headers.vary).toMatch(/Origin/);
    const other = await request(served).get('/v1/rules').set('origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(served)
      .options('/v1/lint')
      .set('origin', 'https://news.example')
      .set('access-control-request-method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/content-type/);
  });
});

afterAll(() => lintService.close());

describe('POST /v1/lint with a format', () => {
  const markdown = '# Talks\n\nThey met [her](http://x.org/a). . Then they left.\n';
  const html = '<p>They met <b>her</b>. . Then <code>npm ci</code> they left.</p>';

  it('reads Markdown and HTML with positions in the original', async () => {
    for (const [text, format] of [
      [markdown, 'markdown'],
      [html, 'html'],
    ] as const) {
      const res = await request(app()).post('/v1/lint').send({ text, format });
      expect(res.status).toBe(200);
      const stray = res.body.diagnostics.find(
        (d: { ruleId: string }) => d.ruleId === 'stray-punctuation',
      );
      expect(stray).toMatchObject({ excerpt: ' .' });
      expect(text.slice(stray.offset, stray.offset + stray.length)).toBe(' .');
      expectToMatchSpec(res, '/v1/lint', 'post');
    }
  });

  it('takes the format from text/markdown and text/html bodies', async () => {
    const res = await request(app()).post('/v1/lint').type('text/html').send(html);
    expect(res.status).toBe(200);
    const json = await request(app()).post('/v1/lint').send({ text: html, format: 'html' });
    expect(res.body).toEqual(json.body);
    // As plain text, the tags are words: the same HTML gives other findings.
    const plain = await request(app()).post('/v1/lint').send({ text: html });
    expect(plain.body).not.toEqual(json.body);
  });

  it('lints each batch document in its own format', async () => {
    const res = await request(app())
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 'md', text: markdown, format: 'markdown' },
          { id: 'bad', text: markdown, format: 'docx' },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.results[0].diagnostics.length).toBeGreaterThan(0);
    expect(res.body.results[1].error.code).toBe('invalid_request');
  });

  it('refuses an unknown format with 400 naming the allowed values', async () => {
    const res = await request(app()).post('/v1/lint').send({ text: 'x', format: 'docx' });
    expectError(res, 400, 'invalid_request');
    expect(res.body.error.message).toMatch(/"text", "markdown", "html"/);
  });
});

describe('POST /v1/lint with a Chinese source', () => {
  const text = 'Chinese Premier Li Qiang said the economy grew 6.2 percent in 2023.';
  const source = '国务院总理李强表示，2023年经济增长5.2%。';

  it('checks the text against its source, pointing into both', async () => {
    const res = await request(app()).post('/v1/lint').send({ text, source });
    expect(res.status).toBe(200);
    const found = res.body.diagnostics.find(
      (d: { ruleId: string }) => d.ruleId === 'number-mismatch',
    );
    expect(found).toMatchObject({ excerpt: '6.2 percent', category: 'accuracy/number' });
    expect(source.slice(found.sourceOffset, found.sourceOffset + found.sourceLength)).toContain(
      '5.2',
    );
    expectToMatchSpec(res, '/v1/lint', 'post');
    // Without the source, the source rules do not run.
    const alone = await request(app()).post('/v1/lint').send({ text });
    expect(
      alone.body.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'number-mismatch'),
    ).toBe(false);
  });

  it('says once when the source is not this text’s source', async () => {
    const res = await request(app()).post('/v1/lint').send({ text, source: 'Not Chinese at all.' });
    expect(res.status).toBe(200);
    const source_ = res.body.diagnostics.filter((d: { category: string }) =>
      d.category.startsWith('accuracy/'),
    );
    expect(source_.map((d: { ruleId: string }) => d.ruleId)).toEqual(['source-mismatch']);
  });

  it('refuses a source that is not a string', async () => {
    const res = await request(app()).post('/v1/lint').send({ text, source: 42 });
    expectError(res, 400, 'invalid_request');
  });

  it('answers the alignment when asked, offsets into the Markdown text and source', async () => {
    const markdown = `# Growth\n\n**${text}** Exports rose.\n`;
    const zh = `# 增长\n\n${source}出口增长。\n\n他还说了别的事情，很多很多的事情。\n`;
    const body = { text: markdown, format: 'markdown', source: zh, sourceFormat: 'markdown' };
    const res = await request(app())
      .post('/v1/lint')
      .send({ ...body, alignment: true });
    expect(res.status).toBe(200);
    expectToMatchSpec(res, '/v1/lint', 'post');
    const pairs = res.body.alignment.map(
      (p: { offset?: number; length?: number; sourceOffset?: number; sourceLength?: number }) => [
        p.offset === undefined ? null : markdown.slice(p.offset, p.offset + p.length!),
        p.sourceOffset === undefined
          ? null
          : zh.slice(p.sourceOffset, p.sourceOffset + p.sourceLength!),
      ],
    );
    expect(pairs).toEqual([
      ['Growth', '增长'],
      // The bold markup around the sentence is not part of it.
      [text, source],
      ['Exports rose.', '出口增长。'],
      [null, '他还说了别的事情，很多很多的事情。'],
    ]);
    const without = await request(app()).post('/v1/lint').send(body);
    expect(without.body).not.toHaveProperty('alignment');
  });

  it('answers the alignment per document of a batch, and refuses a non-boolean', async () => {
    const res = await request(app())
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 'a', text, source, alignment: true },
          { id: 'b', text, source },
          { id: 'c', text, source, alignment: 'yes' },
        ],
      });
    expect(res.status).toBe(200);
    expectToMatchSpec(res, '/v1/lint/batch', 'post');
    const [a, b, c] = res.body.results;
    expect(a.alignment).toEqual([
      { offset: 0, length: text.length, sourceOffset: 0, sourceLength: source.length },
    ]);
    expect(b).not.toHaveProperty('alignment');
    expect(c.error).toEqual({
      code: 'invalid_request',
      message: '`alignment` must be true or false',
    });
  });
});
