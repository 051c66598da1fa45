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
 * inline comments disable, and recounts the summary with the configured penalty weights.
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
  if (prose.directives.length) diagnostics = applyDirectives(source, diagnostics, prose.directives);
  return { diagnostics, summary: recount(raw.summary, diagnostics, weights) };
}

/** The engine's counting (see core summary), redone after diagnostics were filtered. */
export function recount(
  summary: Summary,
  diagnostics: readonly Diagnostic[],
  weights: PenaltyWeights,
): Summary {
  const counts = { error: 0, warning: 0, info: 0 };
  const categories: Partial<Record<Category, number>> = {};
  for (const d of diagnostics) {
    counts[d.severity]++;
    categories[d.category] = (categories[d.category] ?? 0) + 1;
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
