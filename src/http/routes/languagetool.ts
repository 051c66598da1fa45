/**
 * LanguageTool's HTTP API (`POST /v2/check`, `GET /v2/languages`), so the editor plugins, browser
 * extensions and language servers that speak it can point at mtlint unchanged. Errors are plain
 * text (`Error: ...`), as LanguageTool sends them, not mtlint's JSON error shape.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { ConfigError, type Rule } from '../../core/index.js';
import { AnnotationError, parseAnnotatedText } from '../languagetool/annotated-text.js';
import {
  configFromParams,
  LANGUAGES,
  LanguageToolRequestError,
  param,
  resolveLanguage,
} from '../languagetool/request.js';
import { toLanguageToolResponse } from '../languagetool/response.js';
import { abandonSignal } from '../abandon.js';
import { HttpError } from '../errors.js';
import { LintServiceError, type LintService } from '../lint-service.js';
import { boundMessage, describeError } from '../middleware/errors.js';
import { packageVersion } from '../package-root.js';

export interface LanguageToolRouterOptions {
  lintService: LintService;
  /** Every rule, by id: for descriptions and for the rule ids clients name. */
  registry: ReadonlyMap<string, Rule>;
  /** Longest text accepted, in UTF-16 code units (default 200,000). */
  maxTextLength?: number;
  /** Largest form body accepted (default `1mb`). */
  bodyLimit?: string | number;
  /** `software.version` in answers (default: mtlint's package version). */
  version?: string;
}

export const DEFAULT_LT_MAX_TEXT_LENGTH = 200_000;

export function createLanguageToolRouter(options: LanguageToolRouterOptions): Router {
  const { lintService, registry } = options;
  const maxTextLength = options.maxTextLength ?? DEFAULT_LT_MAX_TEXT_LENGTH;
  const version = options.version ?? packageVersion();
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: options.bodyLimit ?? '1mb' });

  const check = async (params: Record<string, unknown>, req: Request, res: Response) => {
    const text = param(params, 'text');
    const data = param(params, 'data');
    if (text === undefined && data === undefined) {
      throw new LanguageToolRequestError("Missing 'text' or 'data' parameter");
    }
    const { language } = resolveLanguage(param(params, 'language'));
    const document =
      text !== undefined
        ? { plain: text, toOriginal: (offset: number) => offset }
        : parseAnnotatedText(data!);
    if (document.plain.length > maxTextLength) {
      throw new LanguageToolRequestError(
        `Your text exceeds the limit of ${maxTextLength} characters (it's ${document.plain.length} characters). Please submit a shorter text.`,
        413,
      );
    }
    const config = configFromParams(params, registry);
    const result = await lintService.lint(document.plain, config, {
      signal: abandonSignal(req, res),
    });
    res.json(
      toLanguageToolResponse({
        result,
        plain: document.plain,
        toOriginal: document.toOriginal,
        language,
        rules: registry,
        version,
      }),
    );
  };

  router.post('/v2/check', form, (req: Request, res: Response) =>
    check({ ...(req.query as object), ...((req.body as object | undefined) ?? {}) }, req, res),
  );
  router.get('/v2/check', (req: Request, res: Response) => check(req.query, req, res));

  router.get('/v2/languages', (_req: Request, res: Response) => {
    res.json(LANGUAGES.map(({ name, code }) => ({ name, code: code.slice(0, 2), longCode: code })));
  });

  // Unknown /v2 paths are answered as LanguageTool answers them, not with mtlint's JSON 404.
  router.use('/v2', (req: Request, _res: Response, next) => {
    next(new LanguageToolRequestError(`No such endpoint: ${req.method} /v2${req.path}`, 404));
  });
  router.use('/v2', plainTextErrors);
  return router;
}

/**
 * LanguageTool answers errors with a status and a plain-text line; so do we, on /v2 only. The app
 * mounts it at /v2 too, for the errors of the guards in front of this router (401, 429).
 */
export const plainTextErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const { status, message, headers } = describe(error);
  res.set(headers).status(status).type('text/plain').send(`Error: ${message}`);
};

function describe(error: unknown): {
  status: number;
  message: string;
  headers?: Record<string, string>;
} {
  if (error instanceof LanguageToolRequestError) {
    return { status: error.status, message: error.message };
  }
  if (error instanceof AnnotationError || error instanceof ConfigError) {
    return { status: 400, message: boundMessage(error.message) };
  }
  // The service's refusals (503 with Retry-After when trying again helps) and the guards' 401 and
  // 429 (with WWW-Authenticate or Retry-After), with the status and headers /v1 gives them.
  if (error instanceof LintServiceError || error instanceof HttpError) {
    const described = describeError(error);
    if (described.status >= 500 && described.code === 'worker_failed') {
      return { status: 500, message: 'Internal error' };
    }
    return { status: described.status, message: described.message, headers: described.headers };
  }
  // The form parser's refusals (too large, corrupt gzip, unknown encoding), worded as on /v1.
  const parsed = describeError(error);
  if (parsed.status < 500) return { status: parsed.status, message: parsed.message };
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    return { status, message: (error as Error).message || 'Bad request' };
  }
  if (status !== undefined) {
    return { status, message: 'The service cannot check this text now; try again later' };
  }
  return { status: 500, message: 'Internal error' };
}

/** Body-parser errors and limit errors carry `status` or `statusCode`. */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value <= 599 ? value : undefined;
}
