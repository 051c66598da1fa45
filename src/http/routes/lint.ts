import { Router, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import type { Format, LintResult } from '../../core/index.js';
import { HttpError, type ErrorBody } from '../errors.js';
import { abandonSignal } from '../abandon.js';
import { checkConfigLimits } from '../config-limits.js';
import type { LintService, LintOptions } from '../lint-service.js';
import type { AppMetrics } from '../metrics.js';
import { sendJson } from '../json-response.js';
import { parseBody } from '../middleware/body.js';
import { textBodyType } from '../middleware/read-body.js';
import { describeError } from '../middleware/errors.js';
import { batchDocumentSchema, lintRequestIssue, lintRequestSchema } from '../schemas.js';

export interface LintRouterOptions {
  lintService: LintService;
  metrics: AppMetrics;
  bodyLimit: number;
  batchBodyLimit: number;
  maxChars: number;
  batchMaxDocuments: number;
  /** Documents of one batch linted at once (about the number of workers). */
  batchConcurrency: number;
}

type BatchEntry = { id: string | number } & (LintResult | ErrorBody);

export interface LintRoutes {
  router: Router;
  /**
   * The steps of `POST /lint` in order (refuse when saturated, read the body, lint and answer),
   * for serving it below the router as well (src/http/hot-routes.ts).
   */
  lintSteps: RequestHandler[];
}

/** `POST /lint` and `POST /lint/batch`: parse, validate, hand the text to the lint service, answer. */
export function createLintRoutes(options: LintRouterOptions): LintRoutes {
  const { lintService, metrics, maxChars } = options;
  const router = Router();
  // The same schemas GET /openapi.json is generated from.
  const lintRequest = lintRequestSchema(maxChars);
  const batchDocument = batchDocumentSchema(maxChars);

  // Each outcome's series is looked up once: prom-client hashes a labels object on every call.
  const durations = new Map<string, { observe(seconds: number): void }>();
  const observe = (outcome: string, started: number) => {
    let series = durations.get(outcome);
    if (!series) {
      series = metrics.lintDuration.labels(outcome);
      durations.set(outcome, series);
    }
    series.observe((performance.now() - started) / 1000);
  };
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      const result = await call();
      observe('ok', started);
      return result;
    } catch (error) {
      observe(error instanceof Error && 'code' in error ? String(error.code) : 'error', started);
      throw error;
    }
  };
  // The worker serializes the result: the HTTP thread neither clones nor stringifies diagnostics.
  const lintJson = (text: string, config: unknown, options: LintOptions): Promise<string> =>
    timed(async () =>
      lintService.lintJson
        ? lintService.lintJson(text, config, options)
        : JSON.stringify(await lintService.lint(text, config, options)),
    );

  // One result sent as it is: UTF-8 bytes from the worker when the service can make them there.
  const lintBody = (
    text: string,
    config: unknown,
    options: LintOptions,
  ): Promise<string | Uint8Array> =>
    lintService.lintBytes
      ? timed(() => lintService.lintBytes!(text, config, options))
      : lintJson(text, config, options);

  /**
   * Refuses a document while the pool is saturated before its body is read or parsed: under
   * overload a refusal then costs a few headers, and the HTTP thread stays free to feed the
   * workers. Node discards the unread body, so the connection stays usable.
   */
  const shedWhenSaturated: RequestHandler = (_req, _res, next) => {
    lintService.checkAdmission?.();
    next();
  };

  const lintSteps: RequestHandler[] = [
    shedWhenSaturated,
    ...parseBody({
      limit: options.bodyLimit,
      limitName: 'MTLINT_BODY_LIMIT',
      types: ['application/json', 'text/plain', 'text/markdown', 'text/html'],
    }),
    async (req, res) => {
      const request = readLintRequest(req);
      const { text, config, ...options }: z.infer<typeof lintRequest> =
        textAlone(request, maxChars) ?? validate(lintRequest, request);
      const body = await lintBody(text, config, { ...options, signal: abandonSignal(req, res) });
      sendJson(req, res, 200, body);
    },
  ];
  router.post('/lint', ...lintSteps);

  router.post(
    '/lint/batch',
    ...parseBody({
      limit: options.batchBodyLimit,
      limitName: 'MTLINT_BATCH_BODY_LIMIT',
      types: ['application/json'],
    }),
    async (req, res) => {
      const documents = readBatchRequest(req, options.batchMaxDocuments);
      const signal = abandonSignal(req, res);
      // Each entry is JSON text: the result as the worker serialized it, behind its id.
      const entries = await mapConcurrently(
        documents,
        options.batchConcurrency,
        async (document, index): Promise<string> => {
          const id = isId(document?.id) ? document.id : index;
          try {
            const { text, config, format, source, sourceFormat, alignment } = validate(
              batchDocument,
              document,
            );
            const options = { format, source, sourceFormat, alignment, signal };
            return withId(id, await lintJson(text, config, options));
          } catch (error) {
            const { code, message } = describeError(error, req);
            return JSON.stringify({ id, error: { code, message } } satisfies BatchEntry);
          }
        },
      );
      sendJson(req, res, 200, `{"results":[${entries.join(',')}]}`);
    },
  );

  return { router, lintSteps };
}

/** `{"id": id, ...result}` from the result's JSON text (an object), without parsing it. */
function withId(id: string | number, resultJson: string): string {
  const rest = resultJson.slice(1).trimStart();
  return `{"id":${JSON.stringify(id)}${rest.startsWith('}') ? '' : ','}${rest}`;
}

/** The body's media type names the format of a text sent as it is. */
const FORMAT_OF_TYPE: Record<string, Format> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/html': 'html',
};

/**
 * The JSON body, or a text body as `{text, format}` (its media type names the format); the schema
 * then says what is wrong with it.
 */
function readLintRequest(req: Request): unknown {
  if (typeof req.body === 'string') {
    const type = textBodyType(req);
    if (type) return { text: req.body, format: FORMAT_OF_TYPE[type] ?? 'text' };
  }
  if (req.body === undefined) {
    throw new HttpError(
      400,
      'invalid_request',
      'The request has no body: send {"text": "..."} as application/json, or the text as text/plain',
    );
  }
  if (!isObject(req.body)) {
    throw new HttpError(400, 'invalid_request', 'The JSON body must be an object: {"text": "..."}');
  }
  return req.body;
}

/**
 * The common request, `{"text": "..."}` and nothing else, within the length limit: the schema
 * would answer it as it is, so it is not run (zod's walk cost the HTTP thread more than the rest of
 * the validation). Anything else, a bad request included, goes through the schema.
 */
function textAlone(input: unknown, maxChars: number): { text: string } | undefined {
  if (!isObject(input)) return undefined;
  const { text } = input;
  if (typeof text !== 'string' || text.length > maxChars) return undefined;
  return Object.keys(input).length === 1 ? { text } : undefined;
}

/** Parses with a request schema; its first problem becomes the API's error. */
function validate<T>(schema: z.ZodType<T>, input: unknown): T {
  // The config's depth, size and keys are checked on the body as sent: parsing copies it (a deep
  // one overflows the stack) and drops a `__proto__` key that must be refused, not ignored.
  if (isObject(input)) checkConfigLimits(input.config);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { status, code, message } = lintRequestIssue(result.error);
  throw new HttpError(status, code, message);
}

function readBatchRequest(req: Request, max: number): Record<string, unknown>[] {
  const documents: unknown = isObject(req.body) ? req.body.documents : undefined;
  if (!Array.isArray(documents)) {
    throw new HttpError(
      400,
      'invalid_request',
      'The body must be {"documents": [{"id": ..., "text": "..."}]}',
    );
  }
  if (documents.length > max) {
    throw new HttpError(
      413,
      'too_many_documents',
      `The batch has ${documents.length} documents; the limit is ${max} (MTLINT_BATCH_MAX_DOCUMENTS)`,
    );
  }
  return documents as Record<string, unknown>[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Like Promise.all over `items`, with at most `limit` calls running at once; keeps the order. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  call: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await call(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
