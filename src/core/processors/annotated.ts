import type { Processor, Prose } from './types.js';

/**
 * LanguageTool's annotated text: a document as a list of text and markup parts,
 * `{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"markup": "<br/>", "interpretAs": "\n"}]}`.
 * The prose is the text parts plus each markup's `interpretAs`; offsets map into the original
 * (every part's text or markup, concatenated), as LanguageTool's do. A markup's stand-in text
 * stands for the whole markup.
 */
export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

export const annotatedProcessor: Processor = {
  format: 'annotated',
  process(data: string): Prose {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      throw new AnnotationError("'data' is not valid JSON");
    }
    const annotation = (parsed as { annotation?: unknown } | null)?.annotation;
    if (!Array.isArray(annotation)) throw new AnnotationError("'data' needs an 'annotation' array");

    const pieces: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    let originalAt = 0;
    for (const [index, part] of annotation.entries()) {
      const { text, markup, interpretAs } = (part ?? {}) as Record<string, unknown>;
      if (typeof text === 'string' && markup === undefined) {
        pieces.push(text);
        for (let unit = 0; unit < text.length; unit++) {
          starts.push(originalAt + unit);
          ends.push(originalAt + unit + 1);
        }
        originalAt += text.length;
      } else if (typeof markup === 'string' && text === undefined) {
        const stands = typeof interpretAs === 'string' ? interpretAs : '';
        pieces.push(stands);
        for (let unit = 0; unit < stands.length; unit++) {
          starts.push(originalAt);
          ends.push(originalAt + markup.length);
        }
        originalAt += markup.length;
      } else {
        throw new AnnotationError(
          `'data' annotation ${index} needs either 'text' or 'markup' (with optional 'interpretAs')`,
        );
      }
    }
    return {
      text: pieces.join(''),
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      hints: [],
      directives: [],
    };
  },
};
