import type { RequestHandler } from 'express';
import { rateLimit as expressRateLimit } from 'express-rate-limit';
import { HttpError } from '../errors.js';

export interface RateLimitOptions {
  /** Requests each client may make per window. */
  limit: number;
  windowMs: number;
}

/**
 * express-rate-limit's fixed window per client address (`req.ip`, which honours the hop count of
 * `MTLINT_TRUST_PROXY`; IPv6 clients count per /56, as one subscriber gets a whole prefix). Sends
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, and refuses with the API's
 * 429 `rate_limited` and `Retry-After`.
 */
export function rateLimit({ limit, windowMs }: RateLimitOptions): RequestHandler {
  return expressRateLimit({
    limit,
    windowMs,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // Any client may send X-Forwarded-For; without trusted proxies it is ignored, which is right,
    // so the package need not log a warning about it.
    validate: { xForwardedForHeader: false },
    handler: (_req, res, next) => {
      const retryAfter = res.getHeader('Retry-After');
      next(
        new HttpError(
          429,
          'rate_limited',
          `Too many requests: the limit is ${limit} per ${windowMs / 1000} s per client`,
          retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
        ),
      );
    },
  });
}
