import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors.js';

export type BodyMediaType = 'application/json' | 'text/plain' | 'text/markdown' | 'text/html';

export interface ReadBodyOptions {
  /** Bytes of the decoded body (after any content encoding is undone). */
  limit: number;
  /** The environment variable that sets `limit`, named in the 413 message. */
  limitName: string;
  /** Accepted media types. */
  types: readonly BodyMediaType[];
}

/** Content encodings a client may compress a body with; anything else is refused with 415. */
const DECODERS: Record<string, (() => Transform) | undefined> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads and parses a request body in one step: media type and charset (UTF-8 only), content
 * encoding (gzip, deflate, br, or none), the limit on the decoded size, then `JSON.parse` or the
 * text as sent. It replaces body-parser on the lint routes, where its layers (type-is, iconv,
 * raw-body, on-finished) cost the HTTP thread more than reading the body does; and a text/plain
 * body keeps a leading byte-order mark, because diagnostics' offsets are into the text as sent.
 * Every failure is an HttpError in the API's shape.
 */
export function readBody({ limit, limitName, types }: ReadBodyOptions) {
  const limitMessage = `The request body exceeds the limit of ${limit} bytes (${limitName})`;
  const accepted = listOr(types);
  return (req: Request, _res: Response, next: NextFunction): void => {
    const contentType = req.headers['content-type'];
    const length = req.headers['content-length'];
    // A request without a body has no type to check; the route then reports what is missing.
    if (
      !contentType &&
      (length === undefined || length === '0') &&
      !req.headers['transfer-encoding']
    ) {
      next();
      return;
    }
    const type = mediaType(contentType ?? '', types);
    if (!type) {
      next(
        new HttpError(
          415,
          'unsupported_media_type',
          `Unsupported content type "${bounded(contentType ?? '')}": send ${accepted}`,
        ),
      );
      return;
    }
    if (!utf8Charset(contentType!)) {
      next(
        new HttpError(
          415,
          'unsupported_media_type',
          'Unsupported charset: send UTF-8 (or no charset)',
        ),
      );
      return;
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const decoder = encoding === 'identity' ? undefined : DECODERS[encoding];
    if (encoding !== 'identity' && !decoder) {
      next(
        new HttpError(
          415,
          'unsupported_encoding',
          `Unsupported content encoding "${bounded(encoding)}": send gzip, deflate, br or none`,
        ),
      );
      return;
    }
    // Refused before reading when the client says the body is too large (only exact without encoding).
    if (!decoder && length !== undefined && Number(length) > limit) {
      next(new HttpError(413, 'body_too_large', limitMessage));
      return;
    }
    read(req, decoder?.(), limit, limitMessage).then(
      (body) => {
        if (type !== 'application/json') {
          req.body = body.toString('utf8');
          textBodyTypes.set(req, type);
          next();
          return;
        }
        // A byte-order mark before JSON is not part of any string in it.
        const text = body.toString('utf8');
        try {
          req.body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        } catch {
          next(new HttpError(400, 'malformed_json', 'The request body is not valid JSON'));
          return;
        }
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

/** The media type of each text body read (JSON bodies are parsed, so need no record). */
const textBodyTypes = new WeakMap<IncomingMessage, BodyMediaType>();

/** The media type a text body was read as (`req.body` is then that text). */
export function textBodyType(req: IncomingMessage): BodyMediaType | undefined {
  return textBodyTypes.get(req);
}

/** The body's bytes, decoded from its content encoding, at most `limit` of them. */
function read(
  req: IncomingMessage,
  decoder: Transform | undefined,
  limit: number,
  limitMessage: string,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const source = decoder ?? req;
    const finish = (error: HttpError | undefined) => {
      if (settled) return;
      settled = true;
      req.off('aborted', onAborted);
      req.off('error', onRequestError);
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onDecodeError);
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      if (error) {
        // Node discards the rest of an unread body once the response is sent.
        req.resume();
        reject(error);
      } else {
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new HttpError(413, 'body_too_large', limitMessage));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onAborted = () =>
      finish(new HttpError(400, 'bad_request', 'The request body was incomplete'));
    const onRequestError = onAborted;
    const onDecodeError = () =>
      finish(
        new HttpError(
          400,
          'malformed_body',
          'The request body could not be decoded: it is corrupt or truncated for its Content-Encoding',
        ),
      );
    req.on('aborted', onAborted);
    req.on('error', onRequestError);
    source.on('data', onData);
    source.on('end', onEnd);
    if (decoder) {
      decoder.on('error', onDecodeError);
      req.pipe(decoder);
    }
  });
}

function mediaType(header: string, types: readonly BodyMediaType[]): BodyMediaType | undefined {
  const end = header.indexOf(';');
  const type = (end < 0 ? header : header.slice(0, end)).trim().toLowerCase();
  return types.find((accepted) => accepted === type);
}

/** No charset, or UTF-8 (any case, quoted or not). */
function utf8Charset(header: string): boolean {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(header);
  if (!match) return true;
  const charset = match[1]!.toLowerCase();
  return charset === 'utf-8' || charset === 'utf8';
}

/** `a`, `a or b`, `a, b or c`. */
function listOr(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function bounded(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}…` : value;
}
