/**
 * What the CLI needs of a file beyond the engine: its format, a list cut to `--max-diagnostics`,
 * and a service's penalty redone with the local config's weights.
 */
import type { Format, LintResult, PenaltyWeights, Summary } from '../core/index.js';

export type DocumentKind = Format;

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;
const HTML = /\.(?:html?|xhtml)$/i;
const XLIFF = /\.(?:xlf|xliff)$/i;

/** The format of a file, by its extension: Markdown, HTML, XLIFF, or else plain text. */
export function kindOf(path: string): DocumentKind {
  if (MARKDOWN.test(path)) return 'markdown';
  if (HTML.test(path)) return 'html';
  if (XLIFF.test(path)) return 'xliff';
  return 'text';
}

/**
 * The summary with its penalty redone with other weights: a service lints with its own, the CLI
 * gates with the config's. Counts cover every finding, listed or not, so the penalty is read from
 * them, never from the (possibly shortened) list.
 */
export function withWeights(summary: Summary, weights: PenaltyWeights): Summary {
  const points =
    summary.errors * weights.error +
    summary.warnings * weights.warning +
    summary.infos * weights.info;
  return {
    ...summary,
    penalty: summary.words === 0 ? 0 : Math.round(((points * 100) / summary.words) * 100) / 100,
  };
}

/**
 * Lists at most `max` diagnostics; the summary keeps counting them all and says `truncated`. The
 * CLI lints uncapped and cuts the list here, where `--max-diagnostics` is known.
 */
export function capDiagnostics(result: LintResult, max: number): LintResult {
  if (result.diagnostics.length <= max) return result;
  return {
    ...result,
    diagnostics: result.diagnostics.slice(0, max),
    summary: { ...result.summary, truncated: true },
  };
}
