import type { LintResult, RuleInfo, SessionConfig, Severity } from './api-types.js';
import type { Format } from './parts.js';

/** A failure the editor should read: the service's own message when it sent one. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    message: string,
    /** The HTTP status, or 0 when the service could not be reached. */
    readonly status = 0,
    /** The service's error code (`unauthorized`, `text_too_long`, ...), when it sent one. */
    readonly code = '',
  ) {
    super(message);
  }
}

const SEVERITIES = new Set<string>(['error', 'warning', 'info']);

/** The default of `MTLINT_MAX_CHARS`, used when the service does not say its own. */
export const DEFAULT_MAX_CHARS = 100_000;

async function readError(response: Response): Promise<ServiceError> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown; code?: unknown } };
    if (typeof body.error?.message === 'string') {
      const code = typeof body.error.code === 'string' ? body.error.code : '';
      return new ServiceError(body.error.message, response.status, code);
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ServiceError(
    `The service answered ${response.status} ${response.statusText}`.trim(),
    response.status,
  );
}

function headers(token: string | undefined, extra: Record<string, string> = {}) {
  return {
    accept: 'application/json',
    ...extra,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

export async function lint(
  text: string,
  format: Format,
  config: SessionConfig | undefined,
  token: string | undefined,
  signal: AbortSignal,
  source = '',
): Promise<LintResult> {
  // `format` says how the service reads the text (Markdown and HTML through the same processors
  // as the command line); offsets in the answer are into the text exactly as sent.
  const body: {
    text: string;
    format?: Format;
    config?: SessionConfig;
    source?: string;
    alignment?: true;
  } = { text };
  if (format !== 'text') body.format = format;
  if (config) body.config = config;
  // With a source, the source checks run, and a service that aligns the texts says how.
  if (source.trim() !== '') {
    body.source = source;
    body.alignment = true;
  }
  const response = await fetch('v1/lint', {
    method: 'POST',
    headers: headers(token, { 'content-type': 'application/json' }),
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as LintResult;
}

/** The longest text the service takes in one request, from its OpenAPI description. */
export async function fetchMaxChars(): Promise<number> {
  try {
    const response = await fetch('openapi.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return DEFAULT_MAX_CHARS;
    const spec = (await response.json()) as {
      components?: {
        schemas?: { LintRequest?: { properties?: { text?: { maxLength?: unknown } } } };
      };
    };
    const max = spec.components?.schemas?.LintRequest?.properties?.text?.maxLength;
    return typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : DEFAULT_MAX_CHARS;
  } catch {
    return DEFAULT_MAX_CHARS;
  }
}

/** The rule list, read leniently: `{rules: [...]}` or a bare array, unknown fields ignored. */
export async function fetchRules(token: string | undefined): Promise<RuleInfo[]> {
  const response = await fetch('v1/rules', { headers: headers(token) });
  if (!response.ok) throw await readError(response);
  const body = (await response.json()) as unknown;
  const list = Array.isArray(body) ? body : (body as { rules?: unknown }).rules;
  if (!Array.isArray(list)) throw new ServiceError('The rule list has an unexpected shape');
  return list.flatMap((item: unknown): RuleInfo[] => {
    const rule = item as Record<string, unknown>;
    if (typeof rule.id !== 'string') return [];
    const severity = typeof rule.severity === 'string' ? rule.severity : 'warning';
    return [
      {
        id: rule.id,
        category: typeof rule.category === 'string' ? rule.category : 'style',
        severity: (SEVERITIES.has(severity) ? severity : 'warning') as Severity,
        recommended: rule.recommended !== false,
        description: typeof rule.description === 'string' ? rule.description : '',
        url: typeof rule.url === 'string' ? rule.url : undefined,
      },
    ];
  });
}
