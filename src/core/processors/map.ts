import type { Prose } from './types.js';

/** Maps a span of the prose string back to the original file. */
export function toOriginal(
  prose: Pick<Prose, 'starts' | 'ends'>,
  offset: number,
  length: number,
): [number, number] {
  if (!prose.starts || !prose.ends) return [offset, offset + length];
  const size = prose.starts.length;
  if (size === 0) return [0, 0];
  const first = Math.min(offset, size - 1);
  const start = offset >= size ? prose.ends[size - 1]! : prose.starts[first]!;
  if (length <= 0) return [start, start];
  const end = prose.ends[Math.min(offset + length, size) - 1]!;
  return [start, Math.max(start, end)];
}
