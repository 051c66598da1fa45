/**
 * Keeps highlights on the right words between an edit and the next lint: the edit is found as the
 * one changed region between the old and new text (common prefix and suffix), diagnostics after it
 * shift, and diagnostics it touches are dropped until the service answers again.
 */
export interface Span {
  offset: number;
  length: number;
}

export interface Change {
  /** Where the old and new text start to differ. */
  start: number;
  /** End of the changed region in the old text. */
  oldEnd: number;
  /** End of the changed region in the new text. */
  newEnd: number;
}

/**
 * Stretches compared at once before going character by character: comparing two slices runs in
 * the engine's own string code, several times faster than a loop over a 100,000-character article
 * (the loop alone took about 0.6 ms of each keystroke there).
 */
const STRETCH = 256;

export function findChange(before: string, after: string): Change | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (
    start + STRETCH <= shorter &&
    before.slice(start, start + STRETCH) === after.slice(start, start + STRETCH)
  ) {
    start += STRETCH;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let suffix = 0;
  while (
    suffix + STRETCH <= room &&
    before.slice(before.length - suffix - STRETCH, before.length - suffix) ===
      after.slice(after.length - suffix - STRETCH, after.length - suffix)
  ) {
    suffix += STRETCH;
  }
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** The spans as they stand after the change; those it touched are left out. */
export function shiftThrough<T extends Span>(spans: readonly T[], change: Change | undefined): T[] {
  if (!change) return [...spans];
  const delta = change.newEnd - change.oldEnd;
  const kept: T[] = [];
  for (const span of spans) {
    if (span.offset + span.length <= change.start) kept.push(span);
    else if (span.offset >= change.oldEnd) kept.push({ ...span, offset: span.offset + delta });
  }
  return kept;
}
