import type { NextFunction, Request, Response } from 'express';
import { ConfigError } from '../../core/index.js';
import { errorBody, HttpError, withoutStackTrace } from '../errors.js';
import { LintServiceError, type LintServiceErrorCode } from '../lint-service.js';

const SERVICE_STATUS: Record<LintServiceErrorCode, number> = {
  check_timeout: 503,
  overloaded: 503,
  worker_out_of_memory: 503,
  shutting_down: 503,
  worker_failed: 500,
};

/** Maps any error to a status and the API's error body. Exported for routes that answer per item. */
export function describeError(error: unknown, req?: Request): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ConfigError) return new HttpError(400, 'invalid_config', error.message);
  if (error instanceof LintServiceError) {
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(error.retryAfterSeconds) };
    return withoutStackTrace(
      () => new HttpError(SERVICE_STATUS[error.code], error.code, error.message, headers),
    );
  }
  const parserError = describeParserError(error, req);
  if (parserError) return parserError;
  return new HttpError(500, 'internal_error', 'Internal server error');
}

/** body-parser's errors carry a `type`; their messages are not written for API clients. */
function describeParserError(error: unknown, req?: Request): HttpError | undefined {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'The request body is not valid JSON');
    case 'entity.too.large': {
      const limit = req?.bodyLimit;
      const which = limit ? ` of ${limit.bytes} bytes (${limit.name})` : '';
      return new HttpError(413, 'body_too_large', `The request body exceeds the limit${which}`);
    }
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpError(
        415,
        'unsupported_media_type',
        'Unsupported charset or content encoding: send UTF-8',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'bad_request', 'The request body was incomplete');
  }
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', 'The request body could not be read');
  }
  return undefined;
}

export function notFound(req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError(404, 'not_found', `No route for ${req.method} ${req.path}`));
}

/** The last middleware: every error leaves as JSON in one shape, never as a stack trace or HTML. */
export function errorHandler(
  error: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (res.headersSent) {
    next(error);
    return;
  }
  const described = describeError(error, req);
  if (error instanceof LintServiceError && error.code !== 'worker_failed') {
    // The request's own log line carries it (code and message): one line per refusal, not two.
    res.err = error;
  } else if (described.status >= 500) {
    // A bug: log the error (with its cause from the worker) for the maintainers, not the client.
    req.log?.error({ err: error }, 'request failed');
  }
  res.set(described.headers);
  res.status(described.status).json(errorBody(described.code, described.message));
}
