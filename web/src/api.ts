import type { LintResult, RuleInfo, SessionConfig, Severity } from './api-types.js';

/** A failure the editor should read: the service's own message when it sent one. */
export class ServiceError extends Error {
  override name = 'ServiceError';
}

const SEVERITIES = new Set<string>(['error', 'warning', 'info']);

async function readError(response: Response): Promise<ServiceError> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return new ServiceError(body.error.message);
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ServiceError(`The service answered ${response.status} ${response.statusText}`.trim());
}

export async function lint(
  text: string,
  config: SessionConfig | undefined,
  signal: AbortSignal,
): Promise<LintResult> {
  const response = await fetch('v1/lint', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(config ? { text, config } : { text }),
    signal,
  });
  if (!response.ok) throw await readError(response);
  return (await response.json()) as LintResult;
}

/** The rule list, read leniently: `{rules: [...]}` or a bare array, unknown fields ignored. */
export async function fetchRules(signal?: AbortSignal): Promise<RuleInfo[]> {
  const response = await fetch('v1/rules', { headers: { accept: 'application/json' }, signal });
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
