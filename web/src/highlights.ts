/**
 * Cuts the text into runs for the highlight layer. Diagnostics overlap (a readability hint covers a
 * sentence that holds a punctuation error), so each run records every diagnostic covering it and
 * shows the most important one: the most severe, then the narrowest.
 */
import type { Severity } from './api-types.js';

export interface Highlightable {
  offset: number;
  length: number;
  severity: Severity;
}

export interface Run {
  start: number;
  end: number;
  /** Indexes of the diagnostics covering the run, in input order; empty for plain text. */
  covering: number[];
  /** The diagnostic the run shows, or -1. */
  top: number;
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

export function toRuns(diagnostics: readonly Highlightable[], textLength: number): Run[] {
  const spans = diagnostics.map((diagnostic) => paintedSpan(diagnostic, textLength));
  const cuts = new Set<number>([0, textLength]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  // Sweep: diagnostics sorted by start enter, and leave once the run passes their end.
  const order = spans.map((_, index) => index).sort((a, b) => spans[a]!.start - spans[b]!.start);
  const active = new Set<number>();
  let next = 0;
  const runs: Run[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    while (next < order.length && spans[order[next]!]!.start <= start) active.add(order[next++]!);
    for (const member of active) if (spans[member]!.end <= start) active.delete(member);
    const covering = [...active].sort((a, b) => a - b);
    runs.push({ start, end, covering, top: pickTop(covering, diagnostics, spans) });
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
