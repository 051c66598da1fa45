/** What the CLI needs to know of a file beyond the engine: its format, and a remote result's penalty. */
import type { Category, Diagnostic, Format, PenaltyWeights, Summary } from '../core/index.js';

export type DocumentKind = Format;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;
const HTML = /\.(?:html?|xhtml)$/i;

/** The format of a file, by its extension: Markdown, HTML, or else plain text. */
export function kindOf(path: string): DocumentKind {
  if (MARKDOWN.test(path)) return 'markdown';
  if (HTML.test(path)) return 'html';
  return 'text';
}

/**
 * The engine's counting (see core summary), redone with other penalty weights: a service lints
 * with its own weights, the CLI gates with the config's.
 */
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
  const points =
    counts.error * weights.error + counts.warning * weights.warning + counts.info * weights.info;
  return {
    ...summary,
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    categories,
    penalty: summary.words === 0 ? 0 : Math.round(((points * 100) / summary.words) * 100) / 100,
  };
}
