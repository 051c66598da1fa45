import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './middleware/security-headers.js';

/**
 * The head of a response whose common headers were deferred (see deferCommonHeaders), as one flat
 * list of names and values: the request id (its value filled in per response), the security
 * headers, then the body's type and length (filled in).
 */
const DEFERRED_HEAD: readonly (string | number)[] = [
  'x-request-id',
  '',
  ...SECURITY_HEADERS.flat(),
  'Content-Type',
  'application/json; charset=utf-8',
  'Content-Length',
  0,
];

const deferred = new WeakSet<ServerResponse>();

/**
 * Marks a response whose request id (`req.id`) and security headers sendJson writes with its
 * status line, in one `writeHead` call with a flat list, instead of having them set one by one as
 * the request-id and security-header middleware do: a dozen `setHeader` calls (each name
 * lower-cased and stored, then the stored headers walked again to write them) were a share of the
 * HTTP thread's work per request of their own. For responses sendJson answers (the hot routes,
 * src/http/hot-routes.ts); headers another step sets on them (CORS, rate limit, `Retry-After`,
 * `Connection: close`) are merged in as before.
 */
export function deferCommonHeaders(res: ServerResponse): void {
  deferred.add(res);
}

/**
 * Sends a JSON body (text, UTF-8 bytes, or a value to serialize) with Node's own calls, not
 * Express's res.json: the routes served below the router (src/http/hot-routes.ts) answer without
 * Express's additions to the response, and no ETag is computed (res.json hashed every body for
 * one; neither a lint result, an error nor a probe's answer is ever revalidated). A HEAD request
 * gets the headers alone.
 */
export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Uint8Array | object,
): void {
  const json = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const length = typeof json === 'string' ? Buffer.byteLength(json) : json.length;
  if (deferred.has(res)) {
    const head = DEFERRED_HEAD.slice();
    head[1] = req.id;
    head[head.length - 1] = length;
    res.writeHead(status, head as (string | number)[] as string[]);
  } else {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', length);
  }
  res.end(req.method === 'HEAD' ? undefined : json);
}
