import type { RequestHandler } from 'express';
import { readBody, type BodyMediaType } from './read-body.js';

export interface BodyOptions {
  /** Bytes of the decoded body. */
  limit: number;
  /** The environment variable that sets `limit`, named in the 413 message. */
  limitName: string;
  /** Accepted media types: JSON, or a text type read as a string. */
  types: readonly BodyMediaType[];
}

/**
 * Refuses other media types, charsets and content encodings with 415 before reading the body,
 * then reads and parses it within the limit (see readBody). Every failure is an HttpError.
 */
export function parseBody(options: BodyOptions): RequestHandler[] {
  return [readBody(options)];
}
