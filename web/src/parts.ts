/**
 * Articles longer than the service takes in one request (`MTLINT_MAX_CHARS`, 100,000 characters by
 * default) are checked in parts: cut at paragraph breaks, each part checked on its own, the
 * findings shifted back to the article's offsets, lines and columns, and the summaries added up.
 * Parts go to the service at once, so its workers check them side by side; a part already checked
 * with the same text and settings is not sent again, so an edit re-checks one part, not the article.
 */
import type { Diagnostic, LintResult, Summary } from './api-types.js';

export type Format = 'text' | 'markdown' | 'html';

export interface Part {
  /** Where the part starts in the article. */
  offset: number;
  text: string;
}

/** Why a text cannot be cut into parts the service takes. */
export class PartError extends Error {
  override name = 'PartError';
}

/**
 * The article in parts of at most `max` characters, each ending after a blank line where one is in
 * reach (then a line break, then a space, then anywhere but inside a surrogate pair). Markdown is
 * never cut inside a fenced code block. HTML is not cut at all: a cut could fall inside a script,
 * a style or an element's attributes, so an HTML file over the limit is refused with the limit.
 */
export function splitIntoParts(text: string, max: number, format: Format = 'text'): Part[] {
  if (text.length <= max) return [{ offset: 0, text }];
  if (format === 'html') {
    throw new PartError(
      `This HTML file is ${text.length.toLocaleString('en-US')} characters long; the service checks HTML up to ${max.toLocaleString('en-US')} characters at once. Open it as text (paste it) or check it in smaller files.`,
    );
  }
  const fenced = format === 'markdown' ? fencedRanges(text) : [];
  const insideFence = (at: number) => fenced.some(([start, end]) => at > start && at < end);
  const parts: Part[] = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    const cut =
      lastBreak(text, start, limit, /\n[ \t]*\n/g, insideFence) ??
      lastBreak(text, start, limit, /\n/g, insideFence) ??
      lastBreak(text, start, limit, /\s/g, insideFence) ??
      safeCut(text, limit);
    parts.push({ offset: start, text: text.slice(start, cut) });
    start = cut;
  }
  parts.push({ offset: start, text: text.slice(start) });
  return parts;
}

/** The end of the last match of `pattern` in text[start, limit), if it is past `start`. */
function lastBreak(
  text: string,
  start: number,
  limit: number,
  pattern: RegExp,
  excluded: (at: number) => boolean,
): number | undefined {
  const window = text.slice(start, limit);
  let best: number | undefined;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(window); match; match = pattern.exec(window)) {
    const end = start + match.index + match[0].length;
    if (end > start && end <= limit && !excluded(end)) best = end;
  }
  return best;
}

function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** [start, end) of each fenced code block (``` or ~~~), an unclosed one running to the end. */
function fencedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const fence = /^ {0,3}(`{3,}|~{3,})/gm;
  let open: { at: number; marker: string } | undefined;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    const marker = match[1]!;
    if (!open) open = { at: match.index, marker };
    else if (marker[0] === open.marker[0] && marker.length >= open.marker.length) {
      ranges.push([open.at, match.index + match[0].length]);
      open = undefined;
    }
  }
  if (open) ranges.push([open.at, text.length]);
  return ranges;
}

/** The parts' results as one result for the whole article. */
export function mergeResults(
  text: string,
  parts: readonly Part[],
  results: readonly LintResult[],
): LintResult {
  if (results.length === 1 && parts[0]?.offset === 0) return results[0]!;
  const diagnostics: Diagnostic[] = [];
  const summary: Summary = {
    errors: 0,
    warnings: 0,
    infos: 0,
    words: 0,
    sentences: 0,
    categories: {},
    penalty: 0,
    truncated: false,
  };
  let points = 0;
  let line = 0;
  let scanned = 0;
  let lineStart = 0;
  parts.forEach((part, index) => {
    // Line breaks before the part, and where its first line starts in the article.
    for (; scanned < part.offset; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    }
    const column = part.offset - lineStart;
    const result = results[index]!;
    for (const diagnostic of result.diagnostics) {
      diagnostics.push({
        ...diagnostic,
        offset: diagnostic.offset + part.offset,
        line: diagnostic.line + line,
        column: diagnostic.line === 1 ? diagnostic.column + column : diagnostic.column,
        endLine: diagnostic.endLine + line,
        endColumn: diagnostic.endLine === 1 ? diagnostic.endColumn + column : diagnostic.endColumn,
      });
    }
    const { summary: own } = result;
    summary.errors += own.errors;
    summary.warnings += own.warnings;
    summary.infos += own.infos;
    summary.words += own.words;
    summary.sentences += own.sentences;
    summary.truncated ||= own.truncated;
    for (const [category, count] of Object.entries(own.categories)) {
      const key = category as keyof Summary['categories'];
      summary.categories[key] = (summary.categories[key] ?? 0) + (count ?? 0);
    }
    // Each part's penalty is its points per 100 of its words: weigh it back by its words.
    points += own.penalty * own.words;
  });
  summary.penalty = summary.words === 0 ? 0 : Math.round((points / summary.words) * 100) / 100;
  return { diagnostics, summary };
}
