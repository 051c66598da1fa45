/**
 * `GET /openapi.json`: the OpenAPI 3.1 description of the HTTP API. Every body schema is generated
 * from the zod schemas in ./schemas.ts (the ones the routes validate with) by zod's JSON Schema
 * export; what zod cannot know (paths, statuses, headers, descriptions) is the table below.
 */
import { z } from 'zod';
import { configSchema } from '../core/index.js';
import {
  batchRequestSchema,
  diagnosticSchema,
  errorSchema,
  healthSchema,
  languageToolCheckSchema,
  languageToolLanguagesSchema,
  languageToolResponseSchema,
  lintRequestSchema,
  lintResponseSchemas,
  loadSchema,
  readySchema,
  ruleSchema,
  rulesResponseSchema,
  type SchemaLimits,
} from './schemas.js';

export interface OpenApiLimits extends SchemaLimits {
  bodyLimit: number;
  batchBodyLimit: number;
}

type JsonSchema = Record<string, unknown>;

/** Named schemas as OpenAPI components, `$ref`ing each other by name. */
function components(named: Record<string, z.ZodType>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema }) => {
      // z.int() bounds integers to the safe range; in a document for people that is noise.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  for (const schema of Object.values(schemas)) {
    // Components live inside the document: no dialect or identity of their own.
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas as Record<string, JsonSchema>;
}

/** The response and request bodies, built once per document so shared parts become `$ref`s. */
function bodies(limits: OpenApiLimits) {
  const { summary, lintResult, batchResponse } = lintResponseSchemas(limits.maxDiagnostics);
  return {
    requests: components(
      {
        Config: configSchema,
        LintRequest: lintRequestSchema(limits.maxChars),
        BatchRequest: batchRequestSchema(limits),
        LanguageToolCheck: languageToolCheckSchema,
      },
      'input',
    ),
    responses: components(
      {
        Error: errorSchema,
        Diagnostic: diagnosticSchema,
        Summary: summary,
        LintResult: lintResult,
        BatchResponse: batchResponse,
        Rule: ruleSchema,
        Rules: rulesResponseSchema,
        Health: healthSchema,
        Load: loadSchema,
        Ready: readySchema(['ready']),
        NotReady: readySchema(['draining', 'saturated', 'workers_failing']),
        LanguageToolResult: languageToolResponseSchema,
        LanguageToolLanguages: languageToolLanguagesSchema,
      },
      'output',
    ),
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (mediaType: string, schema: object) => ({ [mediaType]: { schema } });
const json = (name: string) => body('application/json', ref(name));
const text = (mediaType = 'text/plain') => body(mediaType, { type: 'string' });
const answer = (description: string, content: object, headers?: object) => ({
  description,
  content,
  ...(headers ? { headers } : {}),
});
const error = (description: string, headers?: object) =>
  answer(description, json('Error'), headers);
const header = (description: string, required: boolean) => ({
  description,
  required,
  schema: { type: 'string' },
});
const retryAfter = (required: boolean) => ({
  'Retry-After': header('Seconds to wait before retrying', required),
});
/** LanguageTool answers errors as plain text (`Error: ...`), and so does /v2. */
const plainError = (description: string, headers?: object) =>
  answer(description, body('text/plain', { type: 'string', pattern: '^Error: ' }), headers);
const open = { security: [{}] };

/** The OpenAPI 3.1 description of the whole HTTP API; limits are the running service's. */
export function createOpenApi(limits: OpenApiLimits): Record<string, unknown> {
  const { requests, responses } = bodies(limits);
  requests.Config!.description = 'Which rules run and how: a preset plus per-rule settings.';

  const unauthorized = error('Missing or wrong bearer token (when MTLINT_TOKEN is set)', {
    'WWW-Authenticate': header('The scheme to use: Bearer', true),
  });
  const guarded = {
    '401': unauthorized,
    '429': error('Rate limit exceeded (when MTLINT_RATE_LIMIT is set)', retryAfter(true)),
  };
  const lintFailures = {
    '500': error('The check failed unexpectedly (`worker_failed`, `internal_error`)'),
    '503': error(
      'The check was stopped (`check_timeout`, `worker_out_of_memory`), or the service is saturated (`overloaded`), has no worker running (`workers_unavailable`) or is shutting down (`shutting_down`); Retry-After comes with `overloaded` and `worker_out_of_memory`',
      retryAfter(false),
    ),
  };
  const languageTool = {
    '200': answer("LanguageTool's response shape", json('LanguageToolResult')),
    '400': plainError(
      'Missing `text`/`data`, bad `data`, a language other than English, or nothing enabled',
    ),
    '401': plainError('MTLINT_TOKEN is set and neither `apiKey` nor a bearer token carries it', {
      'WWW-Authenticate': header('The scheme to use: Bearer', true),
    }),
    '413': plainError(
      `Text over ${limits.maxChars} characters (MTLINT_MAX_CHARS), or a form body over the limit`,
    ),
    '429': guarded['429'],
    '500': plainError('The check failed unexpectedly'),
    '503': plainError('The service cannot check the text now', retryAfter(false)),
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'mtlint',
      version: '1',
      description:
        'Translation-quality linting for machine-translated news. Every /v1 error has the shape {"error": {"code", "message"}}; /v2 speaks LanguageTool\'s API and answers errors as plain text.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: {
          type: 'apiKey',
          in: 'query',
          name: 'apiKey',
          description: 'On /v2/check only: the token as LanguageTool clients send it',
        },
      },
      schemas: { ...requests, ...responses },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/lint': {
        post: {
          summary: 'Lint one document',
          requestBody: {
            required: true,
            content: {
              ...json('LintRequest'),
              ...body('text/plain', { type: 'string', maxLength: limits.maxChars }),
            },
          },
          responses: {
            '200': answer('Diagnostics and summary', json('LintResult')),
            '400': error(
              'Malformed JSON (`malformed_json`), missing or non-string text or a bad field (`invalid_request`), unknown rule or bad option in config (`invalid_config`), a document its format cannot read, such as malformed XLIFF (`invalid_document`)',
            ),
            '413': error(
              `Body over ${limits.bodyLimit} bytes (\`body_too_large\`, MTLINT_BODY_LIMIT) or text over ${limits.maxChars} characters (\`text_too_long\`, MTLINT_MAX_CHARS)`,
            ),
            '415': error('Not application/json or text/plain (`unsupported_media_type`)'),
            ...guarded,
            ...lintFailures,
          },
        },
      },
      '/v1/lint/batch': {
        post: {
          summary: 'Lint several documents; each gets its own result or error, in order',
          requestBody: { required: true, content: json('BatchRequest') },
          responses: {
            '200': answer('Per-document results', json('BatchResponse')),
            '400': error('Malformed JSON or no `documents` array'),
            '413': error(
              `Body over ${limits.batchBodyLimit} bytes (MTLINT_BATCH_BODY_LIMIT) or more than ${limits.batchMaxDocuments} documents (\`too_many_documents\`, MTLINT_BATCH_MAX_DOCUMENTS)`,
            ),
            '415': error('Not application/json'),
            ...guarded,
            ...lintFailures,
          },
        },
      },
      '/v1/rules': {
        get: {
          summary: 'Every rule with its metadata and options schema',
          responses: { '200': answer('The rules', json('Rules')), ...guarded },
        },
      },
      '/rules/{id}/README.md': {
        get: {
          summary: "A rule's documentation (where a diagnostic's `url` points)",
          ...open,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': answer('Markdown', text('text/markdown')),
            '404': error('No such rule, or it has no documentation'),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness',
          ...open,
          responses: { '200': answer('The process answers', json('Health')) },
        },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: 503 while draining, saturated, or with no lint worker running',
          ...open,
          responses: {
            '200': answer('Ready', json('Ready')),
            '503': answer('Draining, saturated or no worker running', json('NotReady')),
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: {
            '200': answer('Prometheus text format', text()),
            ...guarded,
          },
        },
      },
      '/v2/check': {
        post: {
          summary: 'LanguageTool-compatible check (form-encoded `text` or `data`, `language`, …)',
          security: [{}, { bearer: [] }, { apiKey: [] }],
          requestBody: {
            required: true,
            content: body('application/x-www-form-urlencoded', ref('LanguageToolCheck')),
          },
          responses: languageTool,
        },
        get: {
          summary: 'LanguageTool-compatible check with the parameters in the query string',
          security: [{}, { bearer: [] }, { apiKey: [] }],
          parameters: Object.keys(languageToolCheckSchema.shape).map((name) => ({
            name,
            in: 'query',
            required: name === 'language',
            schema: { type: 'string' },
          })),
          responses: languageTool,
        },
      },
      '/v2/languages': {
        get: {
          summary: 'Languages, as LanguageTool lists them (open, as in LanguageTool)',
          ...open,
          responses: {
            '200': answer('The English variants mtlint checks', json('LanguageToolLanguages')),
            '429': guarded['429'],
          },
        },
      },
      '/': {
        get: {
          summary: "The editor's web page",
          ...open,
          responses: {
            '200': answer('HTML', text('text/html')),
            '503': answer('The page has not been built (`npm run build`)', text()),
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          ...open,
          responses: { '200': answer('OpenAPI 3.1', body('application/json', { type: 'object' })) },
        },
      },
    },
  };
}
