import corsMiddleware from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS (the `cors` package) for an allow-list of origins; with an empty list it adds nothing
 * (browsers then refuse cross-origin calls). `*` in the list allows any origin.
 */
export function cors(origins: readonly string[]): RequestHandler {
  if (origins.length === 0) return (_req, _res, next) => next();
  return corsMiddleware({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
