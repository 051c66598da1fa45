/**
 * The Chinese source beside the article: which of its spans to highlight. A source check's finding
 * points into the source (`sourceOffset`, `sourceLength`); a service that aligns the two texts
 * answers `alignment`, English sentence groups paired with Chinese ones, so the caret's sentence
 * can show its source. A service that does not align answers no `alignment`: the page then shows
 * the findings' own source spans only.
 */
import type { Span } from './edits.js';

/** An English sentence group and the Chinese one it was paired with (offsets into each text). */
export interface AlignedGroup extends Span {
  /** Absent when the English sentences have no source (added in translation). */
  sourceOffset?: number;
  sourceLength?: number;
}

/** A Chinese sentence group with no English counterpart (left out of the translation). */
export interface SourceSpan {
  sourceOffset: number;
  sourceLength: number;
}

export interface Alignment {
  groups: AlignedGroup[];
  unpaired: SourceSpan[];
}

export const NO_ALIGNMENT: Alignment = { groups: [], unpaired: [] };

/**
 * The answer's `alignment`, read leniently: absent or not a list gives none; an entry whose
 * offsets are not whole numbers inside the texts as sent is left out.
 */
export function readAlignment(
  result: unknown,
  textLength: number,
  sourceLength: number,
): Alignment {
  const list = (result as { alignment?: unknown } | null)?.alignment;
  if (!Array.isArray(list)) return NO_ALIGNMENT;
  const groups: AlignedGroup[] = [];
  const unpaired: SourceSpan[] = [];
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const {
      offset,
      length,
      sourceOffset,
      sourceLength: sourceSpan,
    } = entry as Record<string, unknown>;
    const english = spanWithin(offset, length, textLength);
    const chinese = spanWithin(sourceOffset, sourceSpan, sourceLength);
    if (english === 'bad' || chinese === 'bad') continue;
    if (english) {
      groups.push(
        chinese
          ? { ...english, sourceOffset: chinese.offset, sourceLength: chinese.length }
          : english,
      );
    } else if (chinese) {
      unpaired.push({ sourceOffset: chinese.offset, sourceLength: chinese.length });
    }
  }
  groups.sort((a, b) => a.offset - b.offset);
  return { groups, unpaired };
}

/** A side of an entry: absent (both fields missing), a span inside the text, or malformed. */
function spanWithin(
  offset: unknown,
  length: unknown,
  textLength: number,
): Span | undefined | 'bad' {
  if (offset === undefined && length === undefined) return undefined;
  if (
    !Number.isInteger(offset) ||
    !Number.isInteger(length) ||
    (offset as number) < 0 ||
    (length as number) < 0 ||
    (offset as number) + (length as number) > textLength
  ) {
    return 'bad';
  }
  return { offset: offset as number, length: length as number };
}

/** The English group holding an offset of the article (its end counts: a caret after a full stop). */
export function groupAt(groups: readonly AlignedGroup[], offset: number): AlignedGroup | undefined {
  return groups.find((group) => group.offset <= offset && offset <= group.offset + group.length);
}

export type SourceMarkKind = 'finding' | 'aligned' | 'unpaired';

export interface SourceMark {
  start: number;
  end: number;
  kind: SourceMarkKind;
}

export interface SourceRun {
  start: number;
  end: number;
  /** The kinds of mark covering the run, in the order finding, aligned, unpaired. */
  kinds: SourceMarkKind[];
}

const ORDER: readonly SourceMarkKind[] = ['finding', 'aligned', 'unpaired'];

/** Cuts a source `length` long into runs, each covered by the same marks (clipped to the text). */
export function sourceRuns(length: number, marks: readonly SourceMark[]): SourceRun[] {
  const inside = marks
    .map((mark) => ({
      ...mark,
      start: Math.max(0, Math.min(mark.start, length)),
      end: Math.max(0, Math.min(mark.end, length)),
    }))
    .filter((mark) => mark.end > mark.start);
  const cuts = [...new Set([0, length, ...inside.flatMap((mark) => [mark.start, mark.end])])].sort(
    (a, b) => a - b,
  );
  const runs: SourceRun[] = [];
  for (let index = 0; index + 1 < cuts.length; index++) {
    const start = cuts[index]!;
    const end = cuts[index + 1]!;
    const covering = new Set(
      inside.filter((mark) => mark.start <= start && mark.end >= end).map((mark) => mark.kind),
    );
    runs.push({ start, end, kinds: ORDER.filter((kind) => covering.has(kind)) });
  }
  return runs;
}
