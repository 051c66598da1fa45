import type { Root } from 'nlcst';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import type { BlockKind } from './processors/types.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A severity as configured: a real one, or `off` to disable the rule. */
export type SeveritySetting = Severity | 'off';

/**
 * Categories follow MQM (Multidimensional Quality Metrics), the typology that WMT's human evaluation
 * of machine translation uses, so a report reads next to a human reviewer's.
 */
export const CATEGORIES = [
  'fluency/punctuation',
  'fluency/grammar',
  'fluency/spelling',
  'fluency/register',
  'accuracy/omission',
  'accuracy/mistranslation',
  'accuracy/untranslated',
  'accuracy/number',
  'terminology',
  'style',
  'locale-convention',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The public diagnostic: every adapter speaks this shape. Field names are part of the API. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  category: Category;
  message: string;
  /** UTF-16 code units into the text as submitted. */
  offset: number;
  length: number;
  /** 1-based; CRLF counts as one line break. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  excerpt: string;
  /** Replacement strings, best first (may be empty). */
  suggestions: string[];
  url: string;
  /** Which of the rule's messages this is: tests and tools match on it, never on the wording. */
  messageId: string;
  /**
   * The replacement for the flagged text when it is safe to apply without an editor's review
   * (`--fix`): present only for the messages a rule lists in `meta.safeFixes`, and equal to the
   * first suggestion.
   */
  fix?: string;
  /** Checks against a Chinese source: where in the source (UTF-16 into it) the finding points. */
  sourceOffset?: number;
  sourceLength?: number;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  words: number;
  sentences: number;
  /** Diagnostics per category (only categories that occur). */
  categories: Partial<Record<Category, number>>;
  /** MQM-style penalty points per 100 words (see `PenaltyWeights`). */
  penalty: number;
  /** True when the list of diagnostics was cut at the configured maximum (the counts are not). */
  truncated: boolean;
}

/** A rule that threw on a document: its findings there are lost, every other rule's are kept. */
export interface RuleError {
  ruleId: string;
  message: string;
}

/**
 * One pair of the alignment of a text with its Chinese source: a group of English sentences and
 * the group of Chinese sentences it translates, each as UTF-16 offsets into the text and the
 * source as submitted. A side is absent when the other has no counterpart there (a sentence added
 * to the English, or one of the source left out).
 */
export interface AlignmentPair {
  offset?: number;
  length?: number;
  sourceOffset?: number;
  sourceLength?: number;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  summary: Summary;
  /** Present when a rule crashed on this document. */
  ruleErrors?: RuleError[];
  /**
   * With a source and the `alignment` option: the sentence pairs, in reading order (empty when
   * the source could not be aligned: empty, not Chinese, or another article's).
   */
  alignment?: AlignmentPair[];
}

/**
 * An example text, or a translation with its Chinese source (for rules that read one), with the
 * rule's options when the example needs some (a term list, a house style).
 */
export type RuleExample = string | { text: string; source?: string; options?: unknown };

export interface RuleExamples {
  /** Each must be flagged by the rule. */
  invalid: RuleExample[];
  /** None may be flagged by the rule. */
  valid: RuleExample[];
}

export interface RuleMeta<Options = unknown> {
  /** kebab-case, names the problem found; equals the rule's folder name. */
  id: string;
  category: Category;
  /** Default severity; config may change it. */
  severity: Severity;
  /** In the `recommended` preset (default true). Rules outside it run only with `all` or when named. */
  recommended?: boolean;
  description: string;
  /** Message templates by id, with `{{placeholders}}`. */
  messages: Record<string, string>;
  /** Validated once, when the linter is built. Must accept `undefined`: use `.prefault({})` (zod 4's `.default({})` returns `{}` as it is, without the inner defaults). */
  options?: z.ZodType<Options>;
  /**
   * Message ids whose first suggestion never changes meaning (punctuation, a doubled word,
   * spacing): their findings carry `fix`, which `--fix` applies. A wrapped retext plugin's
   * messages have the rule's id as their message id.
   */
  safeFixes?: readonly string[];
  /**
   * The kinds of block the rule reads (default: all). The rule's transformer is given a tree of
   * only those blocks: a rule about running prose never sees a headline, byline or caption.
   */
  scope?: readonly BlockKind[];
  /** The rule compares the text with its Chinese source: it runs only when a source is given. */
  needsSource?: boolean;
  examples: RuleExamples;
}

/** Where a finding lies: a node with a position, or UTF-16 offsets into the document. */
export type Span = { start: number; end: number } | { position?: import('unist').Position };

export interface Report {
  /** The flagged place. */
  at: Span;
  /** A key of `meta.messages`. */
  messageId: string;
  /** Values for the message's placeholders. */
  data?: Record<string, string | number>;
  /** Suggested replacements for the flagged text, best first. */
  expected?: string[];
  /** Where in the Chinese source the finding points (offsets into the source's prose). */
  source?: { start: number; end: number };
  /**
   * Caps the severity of this one finding, for when the rule is less sure of it than of its usual
   * findings: a rule configured as `error` that reports with `severity: 'info'` yields `info`.
   */
  severity?: Severity;
}

export type Reporter = (file: VFile, report: Report) => void;

export type Transformer = (tree: Root, file: VFile) => void;

export interface RuleContext {
  report: Reporter;
}

export interface Rule<Options = unknown> {
  meta: RuleMeta<Options>;
  /** Runs once per linter, with validated options; returns the per-document transformer. */
  create(options: Options, context: RuleContext): Transformer;
}
