/**
 * Cuts a stretch of the text into runs for the highlight layer. Diagnostics overlap (a readability
 * hint covers a sentence that holds a punctuation error), so the layer has two levels: wide
 * findings (whole sentences) are drawn beneath as an underline, and short ones above them as a
 * tinted mark, so a finding inside a sentence-long one stays visible and clickable. Within a level,
 * each run shows the most important finding covering it: the most severe, then the narrowest.
 */
import type { Severity } from './api-types.js';

export interface Highlightable {
  offset: number;
  length: number;
  severity: Severity;
}

/** Findings longer than this are drawn beneath the others, as an underline without a tint. */
export const WIDE_CHARS = 40;

export interface Run {
  start: number;
  end: number;
  /** Indexes of the short diagnostics covering the run, in input order. */
  covering: number[];
  /** The short diagnostic the run shows, or -1. */
  top: number;
  /** Indexes of the wide diagnostics covering the run, in input order. */
  wide: number[];
  /** The wide diagnostic the run underlines, or -1. */
  wideTop: number;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The span a diagnostic paints: a zero-length one paints the character beside it. */
export function paintedSpan(
  diagnostic: Highlightable,
  textLength: number,
): { start: number; end: number } {
  const start = Math.max(0, Math.min(diagnostic.offset, textLength));
  const end = Math.max(start, Math.min(diagnostic.offset + diagnostic.length, textLength));
  if (end > start || textLength === 0) return { start, end };
  return start < textLength ? { start, end: start + 1 } : { start: start - 1, end: start };
}

export function isWide(diagnostic: Highlightable): boolean {
  return diagnostic.length > WIDE_CHARS;
}

/**
 * Runs covering [from, to) of a text `textLength` long, exactly once and in order; `diagnostics`
 * may hold findings outside the stretch (they are ignored).
 */
export function toRuns(
  diagnostics: readonly Highlightable[],
  textLength: number,
  from = 0,
  to = textLength,
): Run[] {
  const spans = diagnostics.map((diagnostic) => paintedSpan(diagnostic, textLength));
  const inside: number[] = [];
  const cuts = new Set<number>([from, to]);
  spans.forEach((span, index) => {
    if (span.end <= from || span.start >= to) return;
    inside.push(index);
    cuts.add(Math.max(from, span.start));
    cuts.add(Math.min(to, span.end));
  });
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const covering: number[] = [];
    const wide: number[] = [];
    for (const member of inside) {
      const span = spans[member]!;
      if (span.start <= start && span.end >= end) {
        (isWide(diagnostics[member]!) ? wide : covering).push(member);
      }
    }
    runs.push({
      start,
      end,
      covering,
      top: pickTop(covering, diagnostics, spans),
      wide,
      wideTop: pickTop(wide, diagnostics, spans),
    });
  }
  return runs;
}

function pickTop(
  covering: readonly number[],
  diagnostics: readonly Highlightable[],
  spans: readonly { start: number; end: number }[],
): number {
  let best = -1;
  for (const index of covering) {
    if (best === -1) {
      best = index;
      continue;
    }
    const rank = RANK[diagnostics[index]!.severity] - RANK[diagnostics[best]!.severity];
    const width = spans[index]!.end - spans[index]!.start - (spans[best]!.end - spans[best]!.start);
    if (rank > 0 || (rank === 0 && width < 0)) best = index;
  }
  return best;
}
