import type { NextFunction, Request, Response } from 'express';
import { ConfigError, DocumentError } from '../../core/index.js';
import { errorBody, HttpError, withoutStackTrace } from '../errors.js';
import { sendJson } from '../json-response.js';
import { LintServiceError, type LintServiceErrorCode } from '../lint-service.js';

const SERVICE_STATUS: Record<LintServiceErrorCode, number> = {
  check_timeout: 503,
  overloaded: 503,
  worker_out_of_memory: 503,
  shutting_down: 503,
  workers_unavailable: 503,
  worker_failed: 500,
  // Nobody reads it (the client hung up); the status is for the request's log line and metrics.
  client_closed: 499,
};

/** Maps any error to a status and the API's error body. Exported for routes that answer per item. */
export function describeError(error: unknown, _req?: Request): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ConfigError) {
    return new HttpError(400, 'invalid_config', boundMessage(error.message));
  }
  if (error instanceof DocumentError) {
    return new HttpError(400, 'invalid_document', boundMessage(error.message));
  }
  // The router could not percent-decode a path parameter (`/rules/%ZZ/README.md`).
  if (error instanceof URIError) {
    return new HttpError(400, 'bad_request', 'The request path is not valid percent-encoding');
  }
  if (error instanceof LintServiceError) {
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(error.retryAfterSeconds) };
    return withoutStackTrace(
      () => new HttpError(SERVICE_STATUS[error.code], error.code, error.message, headers),
    );
  }
  const parserError = describeParserError(error);
  if (parserError) return parserError;
  return new HttpError(500, 'internal_error', 'Internal server error');
}

/** body-parser's errors carry a `type`; their messages are not written for API clients. */
function describeParserError(error: unknown): HttpError | undefined {
  const { type, status, code } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    code?: unknown;
  };
  // zlib's errors (a corrupt or truncated gzip, deflate or br body) have a status but no `type`.
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new HttpError(
      400,
      'malformed_body',
      'The request body could not be decoded: it is corrupt or truncated for its Content-Encoding',
    );
  }
  switch (type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', 'The request body exceeds the limit');
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'Unsupported charset: send UTF-8');
    case 'encoding.unsupported':
      return new HttpError(
        415,
        'unsupported_encoding',
        'Unsupported content encoding: send gzip, deflate, br or none',
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
    req.log?.error({ err: error, req: { id: req.id } }, 'request failed');
  }
  for (const [name, value] of Object.entries(described.headers)) res.setHeader(name, value);
  // Node's own calls (see sendJson): the lint route's refusals are answered below the router.
  sendJson(req, res, described.status, errorBody(described.code, boundMessage(described.message)));
}

/** Longest error message sent: a message that quotes the client's input must not echo all of it. */
export const MAX_ERROR_MESSAGE = 1000;

export function boundMessage(message: string): string {
  return message.length > MAX_ERROR_MESSAGE
    ? `${message.slice(0, MAX_ERROR_MESSAGE)}… (${message.length - MAX_ERROR_MESSAGE} more characters)`
    : message;
}
