import type { IncomingMessage, ServerResponse } from 'node:http';

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
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', typeof json === 'string' ? Buffer.byteLength(json) : json.length);
  res.end(req.method === 'HEAD' ? undefined : json);
}
