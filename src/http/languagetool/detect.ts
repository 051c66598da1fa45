/**
 * Language identification for LanguageTool's `language=auto`. mtlint checks English only, so the
 * question is "is this text something other than English?". It uses eld (Efficient Language
 * Detector, its `small` n-gram database): on short news sentences it was right where franc and
 * tinyld were not, and it takes about 0.2 ms for a 1,900-word article (docs/web.md).
 *
 * Precision first: a text is taken as another language only when eld names one and calls the
 * result reliable; anything it cannot tell (a word, a name, "Hello.") is linted as English, as
 * before.
 */

/** LanguageTool's `detectedLanguage` (without `name`, which the caller words). */
export interface Detection {
  /** ISO 639-1, e.g. `fr`, `zh`. */
  code: string;
  /** eld's score for that language, 0..1. */
  confidence: number;
  /** True when eld calls it reliable. */
  reliable: boolean;
}

/** Enough text to identify a language; the rest would only cost time. */
const SAMPLE_LENGTH = 10_000;

type Detector = (text: string) => {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
};

let loading: Promise<Detector> | undefined;

/**
 * The detector, loaded on first use: its database costs about 0.35 s and 50 MB of heap, which a
 * service that never receives `language=auto` should not pay.
 */
function detector(): Promise<Detector> {
  loading ??= import('eld/small').then(
    ({ eld }) =>
      (text: string) =>
        eld.detect(text),
    (error: unknown) => {
      loading = undefined; // a failed load is tried again by the next request
      throw error;
    },
  );
  return loading;
}

/** The text's language as eld sees it, or undefined when it cannot tell. */
export async function detectLanguage(text: string): Promise<Detection | undefined> {
  const detect = await detector();
  const result = detect(text.slice(0, SAMPLE_LENGTH));
  if (!result.language) return undefined;
  const confidence = result.getScores()[result.language] ?? 0;
  return {
    code: result.language,
    confidence: Math.round(confidence * 1000) / 1000,
    reliable: result.isReliable(),
  };
}

/** True when the text should be answered as another language rather than linted as English. */
export function isOtherLanguage(detection: Detection): boolean {
  return detection.reliable && detection.code !== 'en';
}

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** `French` for `fr`, `Chinese` for `zh`; the code itself when the runtime has no name for it. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
