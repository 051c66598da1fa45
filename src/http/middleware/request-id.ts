import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Ids a client may choose: short and printable, so they are safe in logs and headers. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

/** Accepts `x-request-id` from the client (or makes one) and echoes it on the response. */
export function requestId() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    const id = given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    next();
  };
}
