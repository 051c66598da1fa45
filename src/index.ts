/**
 * The Node API: `import { lint, createLinter, formatters } from 'mtlint'`.
 *
 * A thin adapter over the engine: the same rules, config shape and result as the HTTP service's
 * `POST /v1/lint` (a plain-text document gives exactly the HTTP answer), plus the Markdown and
 * HTML processors the command line uses, so that `format` lints only the prose and positions
 * point into the text as given. Linting is asynchronous: the markup parsers (and, later, the
 * checks against a Chinese source) load on first need.
 */
import {
  ConfigError,
  DEFAULT_MAX_DIAGNOSTICS,
  DocumentError,
  type AlignmentPair,
  DEFAULT_PENALTY_WEIGHTS,
  loadProcessor,
  defaultDocsUrl,
  type Category,
  type Config,
  type Diagnostic,
  type LintResult,
  type RuleSetting,
  type Severity,
  type Summary,
} from './core/index.js';
import { formatters } from './formatters/index.js';
import type { FileReport, LintReport } from './formatters/index.js';
import { packageVersion } from './http/package-root.js';
import { createMtLinter, registry } from './linter.js';
// The processors (markup -> prose -> diagnostics mapped back, inline directives).
import { capDiagnostics } from './cli/document.js';

export { ConfigError, DocumentError, formatters };
export { FORMAT_NAMES } from './formatters/index.js';
export type { FormatName } from './formatters/index.js';
export type * from './formatters/types.js';
export type {
  AlignmentPair,
  Category,
  Config,
  Diagnostic,
  LintResult,
  RuleSetting,
  Severity,
  Summary,
};

/** What a document is: its prose is linted, and positions point into the document as given. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'xliff';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['text', 'markdown', 'html', 'xliff'];

export interface LintOptions {
  /**
   * `text` (default), `markdown`, `html` or `xliff` (a bilingual file: its targets are linted, its
   * sources are the source unless `source` is given).
   */
  format?: DocumentFormat;
  /**
   * The Chinese source the text was translated from: the source checks (number-mismatch,
   * gender-mismatch, omission, kept-token, terminology, source-mismatch) compare the text with it.
   */
  source?: string;
  /** How to read `source`: `text` (default), `markdown`, `html` or `xliff` (its sources). */
  sourceFormat?: DocumentFormat;
  /**
   * With a `source`: the result carries `alignment`, the pairs of English and Chinese sentence
   * groups (offsets into the text and the source as given).
   */
  alignment?: boolean;
}

export interface CreateLinterOptions {
  /** Diagnostics listed per document (default 1000, as the HTTP service); counts cover all. */
  maxDiagnostics?: number;
}

export interface MtLinter {
  /** The rules this linter runs, with their effective severities. */
  readonly rules: readonly { id: string; severity: Severity }[];
  /** Lints one document. Rejects with a TypeError for a bad argument. */
  lint(text: string, options?: LintOptions): Promise<LintResult>;
}

/**
 * Builds a linter for a config (the HTTP `config` shape: `extends`, `rules`) once, to lint many
 * documents. Throws ConfigError (naming the rule) for an unknown rule or a bad option.
 */
export function createLinter(config: Config = {}, options: CreateLinterOptions = {}): MtLinter {
  const max = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  if (!(Number.isInteger(max) && max >= 0) && max !== Infinity) {
    throw new TypeError(`maxDiagnostics must be a whole number of at least 0, got ${String(max)}`);
  }
  // Uncapped: inline directives in Markdown and HTML must see every finding; capped after.
  const engine = createMtLinter(config, { maxDiagnostics: Infinity });
  return {
    rules: engine.enabled.map(({ rule, severity }) => ({ id: rule.meta.id, severity })),
    async lint(text, lintOptions = {}) {
      const { format = 'text', source, alignment } = checkLintArguments(text, lintOptions);
      const sourceFormat = lintOptions.sourceFormat ?? 'text';
      await loadProcessor(format);
      await loadProcessor(sourceFormat);
      return capDiagnostics(engine.lint(text, { format, source, sourceFormat, alignment }), max);
    },
  };
}

let defaultLinter: MtLinter | undefined;

/**
 * Lints one document. With a `config`, builds a linter for it on each call: to lint many
 * documents with one config, build it once with `createLinter`.
 */
export async function lint(
  text: string,
  options: LintOptions & { config?: Config } = {},
): Promise<LintResult> {
  const { config, ...rest } = options ?? {};
  const linter = config === undefined ? (defaultLinter ??= createLinter()) : createLinter(config);
  return linter.lint(text, rest);
}

/**
 * A report of linted documents, ready for any of `formatters` (the command line's report, with
 * the default penalty weights and no quality gate): `formatters.stylish(createReport([{ path:
 * 'story.md', result }]))`.
 */
export function createReport(files: readonly FileReport[]): LintReport {
  const totals = { files: files.length, errors: 0, warnings: 0, infos: 0, words: 0, penalty: 0 };
  for (const { result } of files) {
    totals.errors += result.summary.errors;
    totals.warnings += result.summary.warnings;
    totals.infos += result.summary.infos;
    totals.words += result.summary.words;
  }
  const w = DEFAULT_PENALTY_WEIGHTS;
  const points = totals.errors * w.error + totals.warnings * w.warning + totals.infos * w.info;
  totals.penalty = totals.words === 0 ? 0 : Math.round(((points * 100) / totals.words) * 100) / 100;
  return {
    files: [...files],
    totals,
    rules: [...registry.values()].map(({ meta }) => ({
      id: meta.id,
      description: meta.description,
      category: meta.category,
      severity: meta.severity,
      url: defaultDocsUrl(meta.id),
    })),
    gate: { failures: [] },
    tool: { name: 'mtlint', version: packageVersion() },
  };
}

function checkLintArguments(text: unknown, options: unknown): LintOptions {
  if (typeof text !== 'string') {
    throw new TypeError(`mtlint: the text must be a string, got ${typeName(text)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`mtlint: the options must be an object, got ${typeName(options)}`);
  }
  const { format, source, sourceFormat, alignment } = options as Record<string, unknown>;
  for (const [name, value] of [
    ['format', format],
    ['sourceFormat', sourceFormat],
  ] as const) {
    if (value !== undefined && !DOCUMENT_FORMATS.includes(value as DocumentFormat)) {
      throw new TypeError(
        `mtlint: ${name} must be one of ${DOCUMENT_FORMATS.join(', ')}, got ${JSON.stringify(value) ?? typeName(value)}`,
      );
    }
  }
  if (source !== undefined && typeof source !== 'string') {
    throw new TypeError(`mtlint: source must be a string, got ${typeName(source)}`);
  }
  if (alignment !== undefined && typeof alignment !== 'boolean') {
    throw new TypeError(`mtlint: alignment must be true or false, got ${typeName(alignment)}`);
  }
  return options as LintOptions;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
