import type { NextFunction, Request, Response } from 'express';

const ALLOWED_HEADERS = 'authorization, content-type, x-request-id';

/**
 * CORS for an allow-list of origins; with an empty list it adds nothing (browsers then refuse
 * cross-origin calls). `*` in the list allows any origin.
 */
export function cors(origins: readonly string[]) {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (origins.length === 0 || !origin || !(any || allowed.has(origin))) {
      next();
      return;
    }
    res.vary('Origin');
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    res.setHeader('Access-Control-Expose-Headers', 'x-request-id, retry-after');
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
