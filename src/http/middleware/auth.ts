import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors.js';

/**
 * Requires `Authorization: Bearer <token>`. Both sides are hashed before comparing so the
 * constant-time compare sees equal lengths and the token's length does not leak either.
 */
export function bearerAuth(token: string) {
  const expected = digest(token);
  return (req: Request, _res: Response, next: NextFunction): void => {
    // The header as sent (not req.get): the lint route also runs this below Express's router.
    const header = req.headers.authorization ?? '';
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match) {
      next(
        new HttpError(401, 'unauthorized', 'A bearer token is required', {
          'WWW-Authenticate': 'Bearer realm="mtlint"',
        }),
      );
      return;
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      next(
        new HttpError(401, 'unauthorized', 'The bearer token is not valid', {
          'WWW-Authenticate': 'Bearer realm="mtlint", error="invalid_token"',
        }),
      );
      return;
    }
    next();
  };
}

/**
 * A constant-time test of a presented token against `token`, for routes that take it from
 * elsewhere than the Authorization header (LanguageTool clients send it as `apiKey`).
 */
export function tokenMatcher(token: string): (candidate: string) => boolean {
  const expected = digest(token);
  return (candidate) => timingSafeEqual(digest(candidate), expected);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
