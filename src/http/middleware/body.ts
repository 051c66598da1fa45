import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { HttpError } from '../errors.js';

export interface BodyOptions {
  /** Bytes. */
  limit: number;
  /** The environment variable that sets `limit`, named in the 413 message. */
  limitName: string;
  /** Accepted media types: `application/json` and/or text types read as a string. */
  types: readonly ('application/json' | 'text/plain' | 'text/markdown' | 'text/html')[];
}

/**
 * Refuses other media types with 415 before reading the body, then parses it within the limit.
 * Parser failures (malformed JSON, too large, bad charset) reach the error handler, which answers
 * them in the API's error shape.
 */
export function parseBody({ limit, limitName, types }: BodyOptions): RequestHandler[] {
  const handlers: RequestHandler[] = [requireMediaType(types)];
  const tag = (req: Request, _res: Response, next: NextFunction) => {
    req.bodyLimit = { bytes: limit, name: limitName };
    next();
  };
  handlers.push(tag);
  if (types.includes('application/json')) {
    handlers.push(express.json({ limit, type: 'application/json', strict: false }));
  }
  const textTypes = types.filter((type) => type.startsWith('text/'));
  if (textTypes.length > 0) {
    handlers.push(express.text({ limit, type: textTypes, defaultCharset: 'utf-8' }));
  }
  return handlers;
}

function requireMediaType(types: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    // A request without a body has no type to check; the route then reports what is missing.
    const empty = !req.get('content-type') && !Number(req.get('content-length'));
    if (empty || req.is(types as string[]) !== false) {
      next();
      return;
    }
    next(
      new HttpError(
        415,
        'unsupported_media_type',
        `Unsupported content type "${req.get('content-type') ?? ''}": send ${listOr(types)}`,
      ),
    );
  };
}

declare module 'http' {
  interface IncomingMessage {
    bodyLimit?: { bytes: number; name: string };
  }
}

/** `a`, `a or b`, `a, b or c`. */
function listOr(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
