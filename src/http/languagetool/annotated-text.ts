/**
 * LanguageTool's `data` parameter: a document as a list of text and markup parts,
 * `{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"markup": "<br/>", "interpretAs": "\n"}]}`.
 * Read by the engine's annotated-text processor, as every format is: the linter sees the plain
 * text (text parts, plus `interpretAs` for markup), and offsets in the answer point into the
 * original (every part's text or markup, concatenated), as LanguageTool's do.
 */
import { AnnotationError, annotatedProcessor } from '../../core/processors/annotated.js';

export { AnnotationError };

export interface AnnotatedText {
  /** What the linter checks. */
  plain: string;
  /**
   * Maps an offset in `plain` to one in the original document. A start belongs to the character
   * that begins there, an end to the character that ends there, so markup that stands for no
   * text (a `<b>` between two words) stays outside a match.
   */
  toOriginal(offset: number, edge: 'start' | 'end'): number;
}

export function parseAnnotatedText(data: string): AnnotatedText {
  const prose = annotatedProcessor.process(data);
  const starts = prose.starts!;
  const ends = prose.ends!;
  const size = prose.text.length;
  const originalLength = originalEnd(data);
  return {
    plain: prose.text,
    toOriginal(offset, edge) {
      if (edge === 'start') return offset < size ? starts[offset]! : originalLength;
      return offset <= 0 ? (size > 0 ? starts[0]! : 0) : ends[Math.min(offset, size) - 1]!;
    },
  };
}

/** The original document's length: every part's text or markup, concatenated. */
function originalEnd(data: string): number {
  const parts = (JSON.parse(data) as { annotation: { text?: string; markup?: string }[] })
    .annotation;
  return parts.reduce((sum, part) => sum + (part.text ?? part.markup ?? '').length, 0);
}
