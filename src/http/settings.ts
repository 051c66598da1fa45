import { availableParallelism } from 'node:os';
import { DEFAULT_WORKER_YOUNG_MB } from '../worker-heap.js';

/** Every limit and switch of the HTTP service; each one comes from an environment variable. */
export interface Settings {
  port: number;
  host: string | undefined;
  /** Bytes accepted in one request body (`MTLINT_BODY_LIMIT`). */
  bodyLimit: number;
  /** Bytes accepted in one batch request body (`MTLINT_BATCH_BODY_LIMIT`). */
  batchBodyLimit: number;
  /** UTF-16 code units (JavaScript string length) accepted per document (`MTLINT_MAX_CHARS`). */
  maxChars: number;
  /** Documents accepted in one batch request (`MTLINT_BATCH_MAX_DOCUMENTS`). */
  batchMaxDocuments: number;
  /** Diagnostics returned per document; beyond it the summary says truncated (`MTLINT_MAX_DIAGNOSTICS`). */
  maxDiagnostics: number;
  /** Worker threads that lint (`MTLINT_WORKERS`, default: the cores). */
  workers: number;
  /** Documents allowed to wait for a worker; beyond it 503 (`MTLINT_MAX_QUEUE`). */
  maxQueue: number;
  /** Time one document may take in a worker before the worker is terminated (`MTLINT_CHECK_TIMEOUT_MS`). */
  checkTimeoutMs: number;
  /** Time one document may wait for a worker before it is dropped with 503 (`MTLINT_QUEUE_TIMEOUT_MS`). */
  queueTimeoutMs: number;
  /** Old-generation heap per worker, in MB (`MTLINT_WORKER_MAX_OLD_MB`). */
  workerMaxOldMb: number;
  /** Young-generation heap per worker, in MB (`MTLINT_WORKER_YOUNG_MB`). */
  workerYoungMb: number;
  /** Linters (one per distinct config) each worker keeps built (`MTLINT_LINTER_CACHE`). */
  linterCacheSize: number;
  /** Token required on /v1, /metrics (bearer) and /v2/check (bearer or `apiKey`) when set (`MTLINT_TOKEN`). */
  token: string | undefined;
  /** Requests per client per window on /v1; 0 is off (`MTLINT_RATE_LIMIT`). */
  rateLimit: number;
  rateWindowMs: number;
  /** Origins allowed by CORS; empty is off (`MTLINT_CORS_ORIGINS`, comma-separated). */
  corsOrigins: string[];
  /**
   * Proxies in front of the service whose `X-Forwarded-For` entries are trusted, as a hop count
   * (`MTLINT_TRUST_PROXY`, default 0: the socket's address is the client's).
   */
  trustProxy: number;
  /** Open connections at most; further ones are closed at once (`MTLINT_MAX_CONNECTIONS`). */
  maxConnections: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Bound on graceful shutdown (`MTLINT_SHUTDOWN_TIMEOUT_MS`). */
  shutdownTimeoutMs: number;
  logLevel: string;
}

/** A bad environment variable: the service refuses to start and says which one. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Env = Record<string, string | undefined>;

export function readSettings(env: Env = process.env): Settings {
  const workers = integer(env, 'MTLINT_WORKERS', availableParallelism(), 1);
  const requestTimeoutMs = integer(env, 'MTLINT_REQUEST_TIMEOUT_MS', 30_000, 1);
  const checkTimeoutMs = integer(env, 'MTLINT_CHECK_TIMEOUT_MS', 10_000, 1);
  return {
    port: integer(env, 'PORT', 3000, 0, 65_535),
    host: env.HOST || undefined,
    bodyLimit: bytes(env, 'MTLINT_BODY_LIMIT', '1mb'),
    batchBodyLimit: bytes(env, 'MTLINT_BATCH_BODY_LIMIT', '10mb'),
    maxChars: integer(env, 'MTLINT_MAX_CHARS', 100_000, 1),
    batchMaxDocuments: integer(env, 'MTLINT_BATCH_MAX_DOCUMENTS', 100, 1),
    maxDiagnostics: integer(env, 'MTLINT_MAX_DIAGNOSTICS', 1000, 1),
    workers,
    maxQueue: integer(env, 'MTLINT_MAX_QUEUE', workers * 8, 0),
    checkTimeoutMs,
    queueTimeoutMs: integer(env, 'MTLINT_QUEUE_TIMEOUT_MS', checkTimeoutMs, 1),
    workerMaxOldMb: workerHeap(env),
    workerYoungMb: integer(env, 'MTLINT_WORKER_YOUNG_MB', DEFAULT_WORKER_YOUNG_MB, 1),
    linterCacheSize: integer(env, 'MTLINT_LINTER_CACHE', 32, 1),
    token: env.MTLINT_TOKEN || undefined,
    rateLimit: integer(env, 'MTLINT_RATE_LIMIT', 0, 0),
    rateWindowMs: integer(env, 'MTLINT_RATE_WINDOW_MS', 60_000, 1),
    corsOrigins: (env.MTLINT_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: hopCount(env),
    maxConnections: integer(env, 'MTLINT_MAX_CONNECTIONS', 1024, 1),
    requestTimeoutMs,
    headersTimeoutMs: Math.min(
      integer(env, 'MTLINT_HEADERS_TIMEOUT_MS', 10_000, 1),
      requestTimeoutMs,
    ),
    keepAliveTimeoutMs: integer(env, 'MTLINT_KEEP_ALIVE_TIMEOUT_MS', 5_000, 0),
    shutdownTimeoutMs: integer(env, 'MTLINT_SHUTDOWN_TIMEOUT_MS', 15_000, 1),
    logLevel: env.MTLINT_LOG_LEVEL || 'info',
  };
}

/**
 * Smallest old-generation heap a lint worker may have, in MB. A worker needs about 48 MB for the
 * rules and a document of the default `MTLINT_MAX_CHARS`; with less, workers die while starting
 * or on every large document, so the service refuses to start rather than fail every request.
 */
export const MIN_WORKER_MAX_OLD_MB = 64;

function workerHeap(env: Env): number {
  const value = integer(env, 'MTLINT_WORKER_MAX_OLD_MB', 512, 1);
  if (value < MIN_WORKER_MAX_OLD_MB) {
    throw new SettingsError(
      `MTLINT_WORKER_MAX_OLD_MB must be at least ${MIN_WORKER_MAX_OLD_MB}, got "${value}": a lint worker needs about 48 MB for the rules and one document, and would die while starting`,
    );
  }
  return value;
}

/**
 * `MTLINT_TRUST_PROXY` as a number of proxy hops. `true` would trust every `X-Forwarded-For`
 * entry, which any client can write, and so let it choose its address (and its rate limit).
 */
function hopCount(env: Env): number {
  const raw = env.MTLINT_TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 16) {
    throw new SettingsError(
      `MTLINT_TRUST_PROXY must be the number of proxies in front of the service (0 to 16), got "${raw}": with "true" any client could choose its address through X-Forwarded-For`,
    );
  }
  return Number(raw);
}

function integer(env: Env, name: string, fallback: number, min: number, max = 2 ** 31): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Sizes such as `1mb`, `512kb` or a plain number of bytes. */
export function parseBytes(raw: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?) ?([kmg]?b)?$/i.exec(raw.trim());
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]!);
}

function bytes(env: Env, name: string, fallback: string): number {
  const raw = env[name]?.trim() || fallback;
  const value = parseBytes(raw);
  if (value === undefined || value < 1) {
    throw new SettingsError(`${name} must be a size such as 1mb or 500kb, got "${raw}"`);
  }
  return value;
}
