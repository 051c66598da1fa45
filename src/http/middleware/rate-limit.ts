import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests each client may make per window. */
  limit: number;
  windowMs: number;
  /** Injectable clock for tests. */
  now?: () => number;
}

/**
 * A fixed-window counter per client address. All counters reset together at each window's end,
 * so memory is bounded by the clients seen in one window and no sweeping is needed.
 */
export function rateLimit({ limit, windowMs, now = Date.now }: RateLimitOptions) {
  let windowEnd = 0;
  let counts = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const time = now();
    if (time >= windowEnd) {
      windowEnd = time - (time % windowMs) + windowMs;
      counts = new Map();
    }
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    const resetSeconds = Math.max(1, Math.ceil((windowEnd - time) / 1000));
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - count)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (count > limit) {
      next(
        new HttpError(
          429,
          'rate_limited',
          `Too many requests: the limit is ${limit} per ${windowMs / 1000} s per client`,
          { 'Retry-After': String(resetSeconds) },
        ),
      );
      return;
    }
    next();
  };
}
