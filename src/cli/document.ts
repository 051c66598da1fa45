/** Turns a file into what the engine lints, and the engine's result back into the file's terms. */
import { location } from 'vfile-location';
import type { Category, Diagnostic, LintResult, PenaltyWeights, Summary } from '../core/index.js';
import { applyDirectives } from './directives.js';
import { extractProse, loadParser, toOriginal, type DocumentKind, type Prose } from './prose.js';

export { kindOf, type DocumentKind } from './prose.js';

export async function prepare(source: string, kind: DocumentKind): Promise<Prose> {
  await loadParser(kind);
  return extractProse(source, kind);
}

/**
 * Maps the engine's diagnostics (on the prose string) back onto the original file, drops those that
 * inline comments disable, and recounts the summary with the configured penalty weights: the
 * engine's counts (which cover every finding, even past a cap on the list) less what was dropped.
 */
export function finish(
  source: string,
  prose: Prose,
  raw: LintResult,
  weights: PenaltyWeights,
): LintResult {
  let diagnostics = raw.diagnostics;
  if (prose.starts) {
    const toPoint = location(source).toPoint;
    diagnostics = diagnostics.map((d) => {
      const [start, end] = toOriginal(prose, d.offset, d.length);
      const from = toPoint(start) ?? { line: 1, column: 1 };
      const to = toPoint(end) ?? from;
      return {
        ...d,
        offset: start,
        length: end - start,
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        excerpt: source.slice(start, end),
      };
    });
  }
  let dropped: Diagnostic[] = [];
  if (prose.directives.length) {
    const kept = applyDirectives(source, diagnostics, prose.directives);
    const keep = new Set(kept);
    dropped = diagnostics.filter((d) => !keep.has(d));
    diagnostics = kept;
  }
  return { diagnostics, summary: recount(raw.summary, dropped, weights) };
}

/**
 * The engine's counts less the `dropped` diagnostics, with the penalty redone with `weights`. A
 * capped list (a service's limit) can only have the directives applied to what it lists: findings
 * past the cap stay counted.
 */
export function recount(
  summary: Summary,
  dropped: readonly Diagnostic[],
  weights: PenaltyWeights,
): Summary {
  const counts = { error: summary.errors, warning: summary.warnings, info: summary.infos };
  const categories: Partial<Record<Category, number>> = { ...summary.categories };
  for (const d of dropped) {
    counts[d.severity]--;
    const left = (categories[d.category] ?? 1) - 1;
    if (left > 0) categories[d.category] = left;
    else delete categories[d.category];
  }
  return {
    ...summary,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    categories,
    penalty: penaltyOf(counts, summary.words, weights),
  };
}

/**
 * Lists at most `max` diagnostics; the summary keeps counting them all and says `truncated`. The
 * CLI and the Node API lint uncapped (inline directives must see every finding) and cap here.
 */
export function capDiagnostics(result: LintResult, max: number): LintResult {
  if (result.diagnostics.length <= max) return result;
  return {
    diagnostics: result.diagnostics.slice(0, max),
    summary: { ...result.summary, truncated: true },
  };
}

/** MQM-style points per 100 words, rounded to two decimals as the engine does. */
function penaltyOf(
  counts: { error: number; warning: number; info: number },
  words: number,
  weights: PenaltyWeights,
): number {
  const points =
    counts.error * weights.error + counts.warning * weights.warning + counts.info * weights.info;
  return words === 0 ? 0 : Math.round(((points * 100) / words) * 100) / 100;
}
