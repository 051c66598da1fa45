/**
 * Remote mode: each file goes as it is, with its format, to a running mtlint service
 * (`POST {server}/v1/lint`) instead of the engine in this process: the service reads it with the
 * same processor, so diagnostics come back in the same shape and places. Only the penalty is
 * recounted here, with the weights of the local config.
 */
import type { LintResult } from '../core/index.js';
import { withWeights } from './document.js';
import { CliError, describeError } from './errors.js';
import { lintAndFix } from './fix.js';
import { readSource, type LintTask } from './task.js';

export interface RemoteOptions {
  server: string;
  token?: string;
  timeoutMs?: number;
}

export async function lintRemote(task: LintTask, options: RemoteOptions): Promise<LintResult> {
  let source: string;
  try {
    source = readSource(task);
  } catch (error) {
    throw new CliError(`Cannot read ${task.display}: ${describeError(error)}`);
  }
  const lint = (text: string) => lintTextRemote(text, task, options);
  return task.fix ? lintAndFix(source, lint) : lint(source);
}

async function lintTextRemote(
  source: string,
  task: LintTask,
  options: RemoteOptions,
): Promise<LintResult> {
  const url = endpoint(options.server);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({
        text: source,
        format: task.kind,
        config: task.effective.config,
        ...(task.source ? { source: task.source.text, sourceFormat: task.source.kind } : {}),
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new CliError(
      `Cannot reach the mtlint server at ${options.server}: ${describeError(cause ?? error)}`,
    );
  }
  const body = await response.text();
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new CliError(
      `The mtlint server at ${options.server} answered ${response.status} with a body that is not JSON (linting ${task.display})`,
    );
  }
  if (!response.ok || !isLintResult(payload)) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } }).error;
    const detail =
      error && typeof error.message === 'string'
        ? `${String(error.code ?? 'error')}: ${error.message}`
        : 'an unexpected answer';
    throw new CliError(
      `The mtlint server at ${options.server} answered ${response.status} (${detail}) for ${task.display}`,
    );
  }
  return {
    ...payload,
    summary: withWeights(payload.summary, task.effective.weights),
  };
}

function endpoint(server: string): string {
  try {
    return new URL('v1/lint', server.endsWith('/') ? server : `${server}/`).href;
  } catch {
    throw new CliError(`--server "${server}" is not a URL (expected e.g. http://127.0.0.1:3000)`);
  }
}

function isLintResult(value: unknown): value is LintResult {
  const candidate = value as Partial<LintResult> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    Array.isArray(candidate.diagnostics) &&
    typeof candidate.summary === 'object' &&
    candidate.summary !== null
  );
}
