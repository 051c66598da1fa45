/**
 * LanguageTool's `data` parameter: a document as a list of text and markup parts,
 * `{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"markup": "<br/>", "interpretAs": "\n"}]}`.
 * The linter sees the plain text (text parts, plus `interpretAs` for markup); offsets in the answer
 * point into the original (every part's text or markup, concatenated), as LanguageTool's do.
 */
export interface AnnotatedText {
  /** What the linter checks. */
  plain: string;
  /** Maps an offset in `plain` to one in the original document. */
  toOriginal(offset: number, edge: 'start' | 'end'): number;
}

interface Piece {
  plainStart: number;
  plainLength: number;
  originalStart: number;
  originalLength: number;
  /** Text maps character for character; markup maps as a whole. */
  isText: boolean;
}

export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

export function parseAnnotatedText(data: string): AnnotatedText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new AnnotationError("'data' is not valid JSON");
  }
  const annotation = (parsed as { annotation?: unknown } | null)?.annotation;
  if (!Array.isArray(annotation)) {
    throw new AnnotationError("'data' needs an 'annotation' array");
  }

  const pieces: Piece[] = [];
  const plain: string[] = [];
  let plainAt = 0;
  let originalAt = 0;
  for (const [index, part] of annotation.entries()) {
    const { text, markup, interpretAs } = (part ?? {}) as Record<string, unknown>;
    if (typeof text === 'string' && markup === undefined) {
      pieces.push(piece(plainAt, text.length, originalAt, text.length, true));
      plain.push(text);
      plainAt += text.length;
      originalAt += text.length;
    } else if (typeof markup === 'string' && text === undefined) {
      const stands = typeof interpretAs === 'string' ? interpretAs : '';
      pieces.push(piece(plainAt, stands.length, originalAt, markup.length, false));
      plain.push(stands);
      plainAt += stands.length;
      originalAt += markup.length;
    } else {
      throw new AnnotationError(
        `'data' annotation ${index} needs either 'text' or 'markup' (with optional 'interpretAs')`,
      );
    }
  }

  return {
    plain: plain.join(''),
    toOriginal(offset, edge) {
      const found = findPiece(pieces, offset, edge);
      if (!found) return originalAt;
      if (found.isText) return found.originalStart + (offset - found.plainStart);
      // Inside markup's stand-in text: the whole markup is the place.
      return edge === 'start' && offset < found.plainStart + found.plainLength
        ? found.originalStart
        : found.originalStart + found.originalLength;
    },
  };
}

function piece(
  plainStart: number,
  plainLength: number,
  originalStart: number,
  originalLength: number,
  isText: boolean,
): Piece {
  return { plainStart, plainLength, originalStart, originalLength, isText };
}

/**
 * The piece a plain offset falls in (binary search). A start offset belongs to the piece that
 * begins there, an end offset to the piece that ends there, so markup that produced no plain text
 * (a `<b>` between two words) stays outside the match.
 */
function findPiece(
  pieces: readonly Piece[],
  offset: number,
  edge: 'start' | 'end',
): Piece | undefined {
  let low = 0;
  let high = pieces.length - 1;
  let best: Piece | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = pieces[middle]!;
    const end = candidate.plainStart + candidate.plainLength;
    const inside =
      edge === 'start'
        ? offset >= candidate.plainStart && offset < end
        : offset > candidate.plainStart && offset <= end;
    if (inside) {
      best = candidate;
      break;
    }
    if (edge === 'start' ? candidate.plainStart > offset : candidate.plainStart >= offset) {
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  if (best) return best;
  // Empty pieces and zero-length matches: the first piece that starts at or after the offset.
  return pieces.find((candidate) => candidate.plainStart >= offset && candidate.isText);
}
