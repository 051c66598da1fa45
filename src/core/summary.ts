import type { Category, Diagnostic, Severity, Summary } from './types.js';

/** MQM-style points per diagnostic by severity; the penalty is points per 100 words. */
export type PenaltyWeights = Record<Severity, number>;

export const DEFAULT_PENALTY_WEIGHTS: PenaltyWeights = { error: 5, warning: 1, info: 0 };

export function summarize(
  { words, sentences }: { words: number; sentences: number },
  diagnostics: readonly Diagnostic[],
  weights: PenaltyWeights,
  truncated: boolean,
): Summary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const categories: Partial<Record<Category, number>> = {};
  for (const diagnostic of diagnostics) {
    counts[diagnostic.severity]++;
    categories[diagnostic.category] = (categories[diagnostic.category] ?? 0) + 1;
  }
  const points =
    counts.error * weights.error + counts.warning * weights.warning + counts.info * weights.info;
  return {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    words,
    sentences,
    categories,
    penalty: words === 0 ? 0 : round2((points * 100) / words),
    truncated,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
