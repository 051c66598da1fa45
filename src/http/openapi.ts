import { CATEGORIES, SEVERITIES } from '../core/index.js';

export interface OpenApiLimits {
  bodyLimit: number;
  batchBodyLimit: number;
  maxChars: number;
  batchMaxDocuments: number;
  maxDiagnostics: number;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const error = (description: string, headers?: Record<string, object>) => ({
  description,
  content: json(ref('Error')),
  ...(headers ? { headers } : {}),
});
const retryAfter = (required: boolean) => ({
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    required,
    schema: { type: 'string' },
  },
});

/** Responses every authenticated, rate-limited /v1 route may give. */
const guarded = {
  '401': error('Missing or wrong bearer token (when MTLINT_TOKEN is set)', {
    'WWW-Authenticate': { required: true, schema: { type: 'string' } },
  }),
  '429': error('Rate limit exceeded (when MTLINT_RATE_LIMIT is set)', retryAfter(true)),
};

/** Errors of the lint routes, beyond input validation. */
const lintFailures = {
  '500': error('The check failed unexpectedly (`worker_failed`, `internal_error`)'),
  '503': error(
    'The check was stopped (`check_timeout`, `worker_out_of_memory`), or the service is saturated or the document waited too long for a worker (`overloaded`), no lint worker is running (`workers_unavailable`) or the service is shutting down (`shutting_down`); Retry-After comes with `overloaded`, `workers_unavailable` and `worker_out_of_memory`',
    retryAfter(false),
  ),
};

/** The OpenAPI 3.1 description of the whole HTTP API; limits are the running service's. */
export function createOpenApi(limits: OpenApiLimits): Record<string, unknown> {
  // LanguageTool answers errors as plain text (`Error: ...`), and so does this endpoint.
  const plainError = (description: string) => ({
    description,
    content: { 'text/plain': { schema: { type: 'string', pattern: '^Error: ' } } },
  });
  const languageToolResponses = {
    '200': {
      description: "LanguageTool's response shape",
      content: json(ref('LanguageToolResult')),
    },
    '400': plainError('Missing `text`/`data`, bad `data`, another language, or nothing enabled'),
    '413': plainError(`Text over the limit (MTLINT_MAX_CHARS)`),
    ...guarded,
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'mtlint',
      version: '1',
      description:
        'Translation-quality linting for machine-translated news. Every error has the shape {"error": {"code", "message"}}.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          additionalProperties: false,
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        Config: {
          type: 'object',
          description: 'Which rules run and how: a preset plus per-rule settings.',
          additionalProperties: false,
          properties: {
            extends: { enum: ['recommended', 'all'] },
            rules: {
              type: 'object',
              additionalProperties: {
                oneOf: [
                  ref('SeveritySetting'),
                  {
                    type: 'array',
                    prefixItems: [ref('SeveritySetting')],
                    minItems: 1,
                    maxItems: 2,
                  },
                ],
              },
            },
          },
        },
        SeveritySetting: { enum: ['off', ...SEVERITIES] },
        LintRequest: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', maxLength: limits.maxChars },
            config: ref('Config'),
          },
        },
        Diagnostic: {
          type: 'object',
          additionalProperties: false,
          required: [
            'ruleId',
            'severity',
            'category',
            'message',
            'offset',
            'length',
            'line',
            'column',
            'endLine',
            'endColumn',
            'excerpt',
            'suggestions',
            'url',
            'messageId',
          ],
          properties: {
            ruleId: { type: 'string' },
            severity: { enum: [...SEVERITIES] },
            category: { enum: [...CATEGORIES] },
            message: { type: 'string' },
            offset: { type: 'integer', minimum: 0, description: 'UTF-16 code units into the text' },
            length: { type: 'integer', minimum: 0 },
            line: { type: 'integer', minimum: 1 },
            column: { type: 'integer', minimum: 1 },
            endLine: { type: 'integer', minimum: 1 },
            endColumn: { type: 'integer', minimum: 1 },
            excerpt: { type: 'string' },
            suggestions: { type: 'array', items: { type: 'string' } },
            messageId: {
              type: 'string',
              description: "Which of the rule's messages this is: match on it, not on the wording",
            },
            fix: {
              type: 'string',
              description:
                'The replacement for the flagged text when it is safe to apply without review',
            },
            url: {
              type: 'string',
              description: "The rule's documentation, relative to the service",
            },
          },
        },
        Summary: {
          type: 'object',
          additionalProperties: false,
          required: [
            'errors',
            'warnings',
            'infos',
            'words',
            'sentences',
            'categories',
            'penalty',
            'truncated',
          ],
          properties: {
            errors: { type: 'integer', minimum: 0 },
            warnings: { type: 'integer', minimum: 0 },
            infos: { type: 'integer', minimum: 0 },
            words: { type: 'integer', minimum: 0 },
            sentences: { type: 'integer', minimum: 0 },
            categories: {
              type: 'object',
              propertyNames: { enum: [...CATEGORIES] },
              additionalProperties: { type: 'integer', minimum: 1 },
            },
            penalty: { type: 'number', minimum: 0, description: 'MQM-style points per 100 words' },
            truncated: {
              type: 'boolean',
              description: `True when diagnostics were cut at ${limits.maxDiagnostics} (MTLINT_MAX_DIAGNOSTICS)`,
            },
          },
        },
        LintResult: {
          type: 'object',
          additionalProperties: false,
          required: ['diagnostics', 'summary'],
          properties: {
            diagnostics: {
              type: 'array',
              items: ref('Diagnostic'),
              maxItems: limits.maxDiagnostics,
            },
            summary: ref('Summary'),
          },
        },
        BatchRequest: {
          type: 'object',
          required: ['documents'],
          properties: {
            documents: {
              type: 'array',
              maxItems: limits.batchMaxDocuments,
              items: {
                type: 'object',
                required: ['id', 'text'],
                properties: {
                  id: { type: ['string', 'number'] },
                  text: { type: 'string', maxLength: limits.maxChars },
                  config: ref('Config'),
                },
              },
            },
          },
        },
        BatchResponse: {
          type: 'object',
          additionalProperties: false,
          required: ['results'],
          properties: {
            results: {
              type: 'array',
              description: 'One entry per document, in order: its result or its own error',
              items: {
                oneOf: [
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id', 'diagnostics', 'summary'],
                    properties: {
                      id: { type: ['string', 'number'] },
                      diagnostics: ref('LintResult/properties/diagnostics'),
                      summary: ref('Summary'),
                    },
                  },
                  {
                    type: 'object',
                    additionalProperties: false,
                    required: ['id', 'error'],
                    properties: {
                      id: { type: ['string', 'number'] },
                      error: ref('Error/properties/error'),
                    },
                  },
                ],
              },
            },
          },
        },
        Rule: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'category', 'severity', 'recommended', 'description', 'options', 'url'],
          properties: {
            id: { type: 'string' },
            category: { enum: [...CATEGORIES] },
            severity: { enum: [...SEVERITIES] },
            recommended: { type: 'boolean' },
            description: { type: 'string' },
            options: {
              type: ['object', 'null'],
              description: "JSON Schema of the rule's options, or null when it takes none",
            },
            url: { type: 'string' },
          },
        },
        LanguageToolCheck: {
          type: 'object',
          description: 'Unknown parameters are ignored, as LanguageTool does',
          properties: {
            text: { type: 'string' },
            data: {
              type: 'string',
              description: 'Annotated text: {"annotation": [{"text"}|{"markup"}]}',
            },
            language: { type: 'string', examples: ['en-US', 'en-GB', 'en', 'auto'] },
            enabledRules: { type: 'string', description: 'Comma-separated rule ids' },
            disabledRules: { type: 'string', description: 'Comma-separated rule ids' },
            enabledOnly: { enum: ['true', 'false'] },
            level: { enum: ['default', 'picky'] },
          },
        },
        LanguageToolResult: {
          type: 'object',
          required: ['software', 'language', 'matches'],
          properties: {
            software: { type: 'object', required: ['name', 'version', 'apiVersion'] },
            warnings: { type: 'object' },
            language: { type: 'object', required: ['name', 'code'] },
            matches: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'message',
                  'shortMessage',
                  'replacements',
                  'offset',
                  'length',
                  'context',
                  'sentence',
                  'type',
                  'rule',
                ],
                properties: {
                  message: { type: 'string' },
                  shortMessage: { type: 'string' },
                  replacements: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['value'],
                      properties: { value: { type: 'string' } },
                    },
                  },
                  offset: { type: 'integer', minimum: 0 },
                  length: { type: 'integer', minimum: 0 },
                  context: {
                    type: 'object',
                    required: ['text', 'offset', 'length'],
                    properties: {
                      text: { type: 'string' },
                      offset: { type: 'integer' },
                      length: { type: 'integer' },
                    },
                  },
                  sentence: { type: 'string' },
                  type: {
                    type: 'object',
                    required: ['typeName'],
                    properties: { typeName: { type: 'string' } },
                  },
                  rule: {
                    type: 'object',
                    required: ['id', 'description', 'issueType', 'category'],
                    properties: {
                      id: { type: 'string' },
                      description: { type: 'string' },
                      issueType: { type: 'string' },
                      category: {
                        type: 'object',
                        required: ['id', 'name'],
                        properties: { id: { type: 'string' }, name: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        Load: {
          type: 'object',
          required: ['workers', 'running', 'queued', 'maxQueue', 'saturated'],
          properties: {
            workers: { type: 'integer' },
            running: { type: 'integer' },
            queued: { type: 'integer' },
            maxQueue: { type: 'integer' },
            saturated: { type: 'boolean' },
            workersFailing: { type: 'boolean' },
          },
        },
      },
    },
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/lint': {
        post: {
          summary: 'Lint one document',
          requestBody: {
            required: true,
            content: {
              ...json(ref('LintRequest')),
              'text/plain': { schema: { type: 'string', maxLength: limits.maxChars } },
            },
          },
          responses: {
            '200': { description: 'Diagnostics and summary', content: json(ref('LintResult')) },
            '400': error(
              'Malformed JSON (`malformed_json`), a body not decodable for its Content-Encoding (`malformed_body`), missing or non-string text (`invalid_request`), unknown rule, bad option, or a config too deep, too large or with a `__proto__` key (`invalid_config`)',
            ),
            '413': error(
              `Body over ${limits.bodyLimit} bytes (\`body_too_large\`, MTLINT_BODY_LIMIT) or text over ${limits.maxChars} characters (\`text_too_long\`, MTLINT_MAX_CHARS)`,
            ),
            '415': error(
              'Not application/json or text/plain, or a charset other than UTF-8 (`unsupported_media_type`); a Content-Encoding other than gzip, deflate or br (`unsupported_encoding`)',
            ),
            ...guarded,
            ...lintFailures,
          },
        },
      },
      '/v1/lint/batch': {
        post: {
          summary: 'Lint several documents; each gets its own result or error, in order',
          requestBody: { required: true, content: json(ref('BatchRequest')) },
          responses: {
            '200': { description: 'Per-document results', content: json(ref('BatchResponse')) },
            '400': error('Malformed JSON or no `documents` array'),
            '413': error(
              `Body over ${limits.batchBodyLimit} bytes (MTLINT_BATCH_BODY_LIMIT) or more than ${limits.batchMaxDocuments} documents (\`too_many_documents\`, MTLINT_BATCH_MAX_DOCUMENTS)`,
            ),
            '415': error('Not application/json'),
            ...guarded,
            '500': error('Unexpected failure'),
          },
        },
      },
      '/v1/rules': {
        get: {
          summary: 'Every rule with its metadata and options schema',
          responses: {
            '200': {
              description: 'The rules',
              content: json({
                type: 'object',
                required: ['rules'],
                additionalProperties: false,
                properties: { rules: { type: 'array', items: ref('Rule') } },
              }),
            },
            ...guarded,
          },
        },
      },
      '/rules/{id}/README.md': {
        get: {
          summary: "A rule's documentation (where a diagnostic's `url` points)",
          security: [{}],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'Markdown',
              content: { 'text/markdown': { schema: { type: 'string' } } },
            },
            '404': error('No such rule, or it has no documentation'),
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness',
          security: [{}],
          responses: {
            '200': {
              description: 'The process answers',
              content: json({
                type: 'object',
                required: ['status'],
                properties: { status: { const: 'ok' } },
              }),
            },
          },
        },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: 503 while draining or saturated',
          security: [{}],
          responses: Object.fromEntries(
            [
              ['200', 'Ready', ['ready']],
              [
                '503',
                'Draining, saturated, or no lint worker running',
                ['draining', 'saturated', 'workers_failing'],
              ],
            ].map(([status, description, states]) => [
              status,
              {
                description,
                content: json({
                  type: 'object',
                  required: ['status'],
                  properties: { status: { enum: states }, load: ref('Load') },
                }),
              },
            ]),
          ),
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          responses: {
            '200': {
              description: 'Prometheus text format',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
            '401': guarded['401'],
          },
        },
      },
      '/v2/check': {
        post: {
          summary: 'LanguageTool-compatible check (form-encoded `text` or `data`, `language`, …)',
          requestBody: {
            required: true,
            content: { 'application/x-www-form-urlencoded': { schema: ref('LanguageToolCheck') } },
          },
          responses: languageToolResponses,
        },
        get: {
          summary: 'LanguageTool-compatible check with the parameters in the query string',
          responses: languageToolResponses,
        },
      },
      '/v2/languages': {
        get: {
          summary: 'Languages, as LanguageTool lists them',
          responses: {
            '200': {
              description: 'The English variants mtlint checks',
              content: json({
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'code', 'longCode'],
                  properties: {
                    name: { type: 'string' },
                    code: { type: 'string' },
                    longCode: { type: 'string' },
                  },
                },
              }),
            },
            ...guarded,
          },
        },
      },
      '/': {
        get: {
          summary: "The editor's web page",
          security: [{}],
          responses: {
            '200': {
              description: 'HTML',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            '503': {
              description: 'The page has not been built (`npm run build`)',
              content: { 'text/plain': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          security: [{}],
          responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
        },
      },
    },
  };
}
