/**
 * LanguageTool's HTTP API (`POST /v2/check`, `GET /v2/languages`), so the editor plugins, browser
 * extensions and language servers that speak it can point at mtlint unchanged. Errors are plain
 * text (`Error: ...`), as LanguageTool sends them, not mtlint's JSON error shape.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import {
  ConfigError,
  DEFAULT_PENALTY_WEIGHTS,
  summarize,
  type LintResult,
  type Rule,
} from '../../core/index.js';
import { AnnotationError, parseAnnotatedText } from '../languagetool/annotated-text.js';
import { detectLanguage, isOtherLanguage, languageName } from '../languagetool/detect.js';
import {
  configFromParams,
  LANGUAGES,
  LanguageToolRequestError,
  param,
  preferredVariant,
  resolveLanguage,
} from '../languagetool/request.js';
import { toLanguageToolResponse, type ResponseInput } from '../languagetool/response.js';
import { languageToolCheckSchema } from '../schemas.js';
import { abandonSignal } from '../abandon.js';
import { HttpError } from '../errors.js';
import { LintServiceError, type LintService } from '../lint-service.js';
import { tokenMatcher } from '../middleware/auth.js';
import { boundMessage, describeError } from '../middleware/errors.js';
import { packageVersion } from '../package-root.js';

export interface LanguageToolRouterOptions {
  lintService: LintService;
  /** Every rule, by id: for descriptions and for the rule ids clients name. */
  registry: ReadonlyMap<string, Rule>;
  /** Longest text accepted, in UTF-16 code units (default 100,000, as MTLINT_MAX_CHARS). */
  maxTextLength?: number;
  /**
   * When set, `/v2/check` requires it, as LanguageTool's clients send credentials: the `apiKey`
   * parameter (with any `username`), or `Authorization: Bearer <token>`.
   */
  token?: string;
  /** Largest form body accepted (default `1mb`). */
  bodyLimit?: string | number;
  /** `software.version` in answers (default: mtlint's package version). */
  version?: string;
}

export const DEFAULT_LT_MAX_TEXT_LENGTH = 100_000;

/** What `language=auto` answers for a text in another language: no matches. */
const NOTHING_CHECKED: LintResult = {
  diagnostics: [],
  summary: summarize({ words: 0, sentences: 0 }, [], DEFAULT_PENALTY_WEIGHTS, false),
};

export function createLanguageToolRouter(options: LanguageToolRouterOptions): Router {
  const { lintService, registry } = options;
  const maxTextLength = options.maxTextLength ?? DEFAULT_LT_MAX_TEXT_LENGTH;
  const version = options.version ?? packageVersion();
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: options.bodyLimit ?? '1mb' });

  const authorize = options.token ? credentialsCheck(options.token) : () => undefined;

  const check = async (req: Request, params: Record<string, unknown>, res: Response) => {
    authorize(req, params);
    if (param(params, 'text') === undefined && param(params, 'data') === undefined) {
      throw new LanguageToolRequestError("Missing 'text' or 'data' parameter");
    }
    const input = readParams(params);
    const { text, data } = input;
    const resolved = resolveLanguage(input.language);
    const { auto } = resolved;
    let { language } = resolved;
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
    const config = configFromParams(input, registry);
    const answer = {
      plain: document.plain,
      toOriginal: document.toOriginal,
      rules: registry,
      version,
    };

    let detected: ResponseInput['detected'];
    if (auto) {
      const detection = await detectLanguage(document.plain);
      if (detection && isOtherLanguage(detection)) {
        // Not English: say which language it is, as LanguageTool does, and check nothing.
        const found = {
          name: languageName(detection.code),
          code: detection.code,
          confidence: detection.confidence,
          source: 'eld',
        };
        res.json(
          toLanguageToolResponse({
            ...answer,
            result: NOTHING_CHECKED,
            language: found,
            detected: found,
          }),
        );
        return;
      }
      // English, or too little to tell (a name, a word): linted as English, as before, in the
      // variant the client prefers (LanguageTool's `preferredVariants`, e.g. `en-GB,de-AT`).
      language = preferredVariant(input.preferredVariants) ?? language;
      const english = detection?.code === 'en';
      detected = {
        ...language,
        confidence: english ? detection.confidence : 0,
        source: english ? 'eld' : 'fallback',
      };
    }

    const result = await lintService.lint(document.plain, config, {
      signal: abandonSignal(req, res),
    });
    res.json(toLanguageToolResponse({ ...answer, result, language, detected }));
  };

  router.post('/v2/check', form, (req: Request, res: Response) =>
    check(req, { ...(req.query as object), ...((req.body as object | undefined) ?? {}) }, res),
  );
  router.get('/v2/check', (req: Request, res: Response) => check(req, req.query, res));

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
 * The parameters through the schema GET /openapi.json documents them with; a key given several
 * times counts with its first value, unknown keys are dropped (LanguageTool ignores them).
 */
function readParams(params: Record<string, unknown>) {
  const values = Object.fromEntries(Object.keys(params).map((name) => [name, param(params, name)]));
  const result = languageToolCheckSchema.safeParse(values);
  if (!result.success) throw new LanguageToolRequestError(result.error.issues[0]!.message);
  return result.data;
}

/**
 * The service's token, from the `apiKey` parameter (LanguageTool's clients send `username` and
 * `apiKey`; the username is not checked) or a bearer header. A missing or wrong one is a 401 in
 * LanguageTool's error shape: a plain-text `Error: ...` line.
 */
function credentialsCheck(token: string) {
  const matches = tokenMatcher(token);
  return (req: Request, params: Record<string, unknown>): void => {
    const apiKey = param(params, 'apiKey');
    const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (apiKey === undefined && bearer === undefined) {
      throw new LanguageToolRequestError(
        "Authentication required: send the service's token as 'apiKey' (with any 'username') or as 'Authorization: Bearer <token>'",
        401,
      );
    }
    const valid =
      (apiKey !== undefined && matches(apiKey)) || (bearer !== undefined && matches(bearer));
    if (!valid)
      throw new LanguageToolRequestError("The 'apiKey' or bearer token is not valid", 401);
  };
}

/**
 * LanguageTool answers errors with a status and a plain-text line; so do we, on /v2 only. The app
 * mounts it at /v2 too, for the errors of the guards in front of this router (429).
 */
export const plainTextErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const { status, message, headers } = describe(error);
  // 401 names the schemes a client may use (RFC 9110 requires the header on a 401).
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="mtlint"');
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
