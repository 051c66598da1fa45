/** Shapes shared by the source (Chinese) side of mtlint: text model, alignment and checks. */

/** A half-open range of UTF-16 code units, [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** A sentence or paragraph of one side, with its place in that side's text. */
export interface Segment extends Range {
  /** Index of the paragraph this sentence belongs to (for paragraphs: its own index). */
  paragraph: number;
}

/** The English as the engine hands it over: paragraphs of sentences, offsets into `text`. */
export interface EnglishParagraphInput extends Range {
  sentences: Range[];
}

export interface Term {
  /** The Chinese term as it appears in the source. */
  source: string;
  /** Allowed English renderings (any one of them satisfies the term). */
  target: string[];
  /** Renderings that are wrong for this term. */
  forbidden?: string[];
}

export type SourceSeverity = 'error' | 'warning' | 'info';

export type SourceCategory =
  'accuracy/number' | 'accuracy/mistranslation' | 'accuracy/omission' | 'terminology';

/** One finding of a source check: where in the English, where in the Chinese, and why. */
export interface SourceFinding {
  ruleId: string;
  messageId: string;
  severity: SourceSeverity;
  category: SourceCategory;
  /** The finding's message, filled from its template and `data`. */
  message: string;
  /** English span (UTF-16 into the English text); length 0 marks a place (e.g. where text is missing). */
  offset: number;
  length: number;
  /** Chinese span (UTF-16 into the source text). */
  sourceOffset: number;
  sourceLength: number;
  data: Record<string, string | number>;
  /** Suggested English replacements, best first (may be empty). */
  suggestions: string[];
}

/** What a source check declares about itself, the same fields a rule's meta has. */
export interface SourceCheckMeta {
  id: string;
  category: SourceCategory;
  description: string;
  /** Default severity of each message, set from measured precision (see docs/accuracy-source.md). */
  severities: Record<string, SourceSeverity>;
  messages: Record<string, string>;
}
