import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/** Paths not logged: probes and scrapes, many times a minute, say nothing about the service's use. */
const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request when its response is finished (or its connection closed): the
 * request's id, method, path without query, client address, the status and the time taken; the
 * error for a 5xx or a refusal the error handler marked (`res.err`). Never the body, headers or
 * query: article text and tokens stay out of the logs. It writes through the service's logger
 * directly: pino-http's per-request child loggers and serializers cost the HTTP thread more than
 * the line itself. `req.log` is that logger, for handlers that log more.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    req.log = logger;
    if (!isLogged(req.url)) {
      next();
      return;
    }
    const started = performance.now();
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      logRequest(logger, req, res, started);
    };
    // \`on\`, not \`once\`: \`done\` runs once anyway, and once's wrapper (made, then removed, per
    // event) cost the HTTP thread more than the line's own listener.
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

/** False for probes and scrapes (see QUIET). */
export function isLogged(url: string): boolean {
  return !QUIET.has(url);
}

/**
 * Writes a finished (or abandoned) request's line: `started` is `performance.now()` when it came
 * in. Shared by the middleware and the routes served below the router (src/http/hot-routes.ts).
 */
export function logRequest(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  started: number,
): void {
  const status = res.statusCode;
  const aborted = !res.writableFinished;
  // 503 is the service refusing or stopping work it cannot do now (load, timeouts): a warning.
  const level =
    (status >= 500 && status !== 503) || aborted ? 'error' : status >= 400 ? 'warn' : 'info';
  if (!logger.isLevelEnabled(level)) return;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  logger[level](
    {
      req: {
        id: req.id,
        method: req.method,
        url: query < 0 ? url : url.slice(0, query),
        remoteAddress: req.socket.remoteAddress,
      },
      res: { statusCode: status },
      err: res.err,
      responseTime: Math.round(performance.now() - started),
    },
    aborted ? 'request aborted' : 'request completed',
  );
}

declare module 'http' {
  interface IncomingMessage {
    id: string;
    log?: Logger;
  }
  interface ServerResponse {
    /** The error behind this response, for its log line. */
    err?: unknown;
  }
}
