import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { deferCommonHeaders } from '../json-response.js';

/** Ids a client may choose: short and printable, so they are safe in logs and headers. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

/** Accepts `x-request-id` from the client (or makes one) and echoes it on the response. */
export function requestId() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = requestIdOf(req.headers['x-request-id']);
    req.id = id;
    res.setHeader('x-request-id', id);
    next();
  };
}

/**
 * requestId() and securityHeaders() in one step, for routes whose every answer is sent by
 * sendJson (the hot routes): the id and the security headers are then written with the status
 * line instead of set one by one (see deferCommonHeaders).
 */
export function requestIdAndDeferredHeaders() {
  return (req: Request, res: Response, next: NextFunction): void => {
    req.id = requestIdOf(req.headers['x-request-id']);
    deferCommonHeaders(res);
    next();
  };
}

/** The client's `x-request-id` when it is acceptable (one short printable value), else a new one. */
export function requestIdOf(given: string | string[] | undefined): string {
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}
