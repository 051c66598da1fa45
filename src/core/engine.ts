import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { resolveConfig, type EnabledRule } from './config.js';
import { createReporter, spanOf, type Finding, type PluginMessage } from './define-rule.js';
import { buildDocument, MAX_PIECE, type NewsDocument } from './document/build.js';
import { createPlacedParser } from './document/parser.js';
import { indexDirectives } from './processors/directives.js';
import { processorFor } from './processors/index.js';
import { toOriginal } from './processors/map.js';
import { BLOCK_KINDS, type Directive, type Format, type Prose } from './processors/types.js';
import { bilingualOf } from './source-rule.js';
import { summarize, DEFAULT_PENALTY_WEIGHTS, type PenaltyWeights } from './summary.js';
import type {
  AlignmentPair,
  Diagnostic,
  LintResult,
  Rule,
  RuleError,
  Severity,
  Transformer,
} from './types.js';

export interface LinterOptions {
  /** Every rule the config may name, by id. */
  rules: ReadonlyMap<string, Rule>;
  /**
   * Most diagnostics listed per document; beyond it the list is shortened and the summary says
   * `truncated: true`. Counts, the penalty and every gate still take all findings into account.
   */
  maxDiagnostics?: number;
  /** The documentation address of a rule. */
  docsUrl?: (ruleId: string) => string;
  penaltyWeights?: PenaltyWeights;
  /** Report inline directives that switched nothing off (`unused-directive` diagnostics). */
  reportUnusedDirectives?: boolean;
  /** Longest line parsed whole (tests use small values to exercise windowed parsing). */
  maxPiece?: number;
}

export interface LintOptions {
  /**
   * How to read the input: `text` (default), `markdown`, `html` or `xliff` (whose sources are the
   * source, unless `source` is given); `annotated` is LanguageTool's.
   */
  format?: Format | 'annotated';
  /**
   * The Chinese source of the text: the rules that read one (`meta.needsSource`) check the
   * translation against it; without it they do not run.
   */
  source?: string;
  /** How to read `source` (default `text`). */
  sourceFormat?: Format;
  /**
   * With a source: give the sentence alignment in the result (`alignment`), for a client that
   * shows which source sentence each English one translates.
   */
  alignment?: boolean;
}

export interface Linter {
  /** The rules this linter runs, with their effective severities. */
  readonly enabled: readonly EnabledRule[];
  /**
   * Lints one document. Synchronous: Markdown and HTML need their processor loaded first
   * (`loadProcessor`); the Node API (`lint`, `createLinter` from the package) does that for you.
   */
  lint(input: string, options?: LintOptions): LintResult;
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** Relative to the mtlint package: each rule documents itself in `rules/<id>/README.md`. */
export const defaultDocsUrl = (ruleId: string): string => `rules/${ruleId}/README.md`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

declare module 'vfile' {
  interface DataMap {
    /** The document every rule reads: see `documentOf`. */
    mtlintDocument: NewsDocument;
    /** The prose of the Chinese source, when one was given: see `sourceOf`. */
    mtlintSource: string;
  }
}

interface RunnableRule {
  entry: EnabledRule;
  transformer: Transformer;
  scope: readonly (typeof BLOCK_KINDS)[number][];
  /** Order in the registry: ties between overlapping findings go to the earlier rule. */
  rank: number;
}

/**
 * Builds the rules once (options validated); `lint` then turns the input into prose with its
 * format's processor, builds the NewsDocument once, runs every rule on the blocks in its scope,
 * and turns findings into diagnostics in the original's terms. Pure: no env, no I/O.
 */
export function createLinter(config: unknown, options: LinterOptions): Linter {
  const enabled = resolveConfig(config, options.rules);
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const docsUrl = options.docsUrl ?? defaultDocsUrl;
  const weights = options.penaltyWeights ?? DEFAULT_PENALTY_WEIGHTS;
  const maxPiece = options.maxPiece ?? MAX_PIECE;
  const parse = createPlacedParser();
  const order = [...options.rules.keys()];
  const runnable: RunnableRule[] = enabled.map((entry) => ({
    entry,
    transformer: instantiate(entry),
    scope: entry.rule.meta.scope ?? BLOCK_KINDS,
    rank: order.indexOf(entry.rule.meta.id),
  }));
  const byId = new Map(runnable.map((rule) => [rule.entry.rule.meta.id, rule]));

  return {
    enabled,
    lint(
      input: string,
      { format = 'text', source, sourceFormat = 'text', alignment = false }: LintOptions = {},
    ): LintResult {
      const prose = processorFor(format).process(input);
      const document = buildDocument(prose.text, prose.hints, parse, maxPiece);
      const file = new VFile({ value: prose.text });
      file.data.mtlintDocument = document;
      // A separate source wins; else a bilingual file (XLIFF) is its own source.
      const given = source === undefined ? undefined : processorFor(sourceFormat).process(source);
      const sourceProse = given ? (given.source ?? given) : prose.source;
      if (sourceProse) file.data.mtlintSource = sourceProse.text;

      const ruleErrors: RuleError[] = [];
      for (const rule of runnable) {
        if (rule.entry.rule.meta.needsSource && !sourceProse) continue;
        const findingsBefore = file.data.mtlintFindings?.length ?? 0;
        const messagesBefore = file.messages.length;
        try {
          rule.transformer(document.scoped(rule.scope), file);
        } catch (error) {
          // A crash is named by its rule, and costs only that rule's findings on this document.
          file.data.mtlintFindings?.splice(findingsBefore);
          file.messages.splice(messagesBefore);
          ruleErrors.push({ ruleId: rule.entry.rule.meta.id, message: describe(error) });
        }
      }

      const toPoint = location(input).toPoint;
      const lineOf = (offset: number) => toPoint(offset)?.line ?? 1;
      const directives = indexDirectives(prose.directives, lineOf);
      const all: Diagnostic[] = [];
      const add = (finding: Finding) => {
        const rule = byId.get(finding.ruleId);
        if (!rule) return;
        const [start, end] = prose.starts
          ? toOriginal(prose, finding.span.start, finding.span.end - finding.span.start)
          : [finding.span.start, finding.span.end];
        const diagnostic = toDiagnostic(finding, rule.entry, input, start, end, toPoint, docsUrl);
        if (finding.sourceSpan && sourceProse) {
          const { start: from, end: to } = finding.sourceSpan;
          const [sourceStart, sourceEnd] = sourceProse.starts
            ? toOriginal(sourceProse, from, to - from)
            : [from, to];
          diagnostic.sourceOffset = sourceStart;
          diagnostic.sourceLength = sourceEnd - sourceStart;
        }
        // A fix replaces original text: only where the flagged prose is that text, unit for unit
        // (in Markdown or HTML it may span markup or a character reference, `**the** the`).
        if (
          diagnostic.fix !== undefined &&
          prose.starts &&
          diagnostic.excerpt !== prose.text.slice(finding.span.start, finding.span.end)
        ) {
          delete diagnostic.fix;
        }
        if (directives.disables(diagnostic.ruleId, diagnostic.offset, diagnostic.line)) return;
        all.push(diagnostic);
      };
      for (const message of file.messages) {
        const finding = fromPluginMessage(message);
        if (finding) add(finding);
      }
      for (const finding of file.data.mtlintFindings ?? []) add(finding);
      if (options.reportUnusedDirectives) {
        for (const directive of directives.unused()) {
          all.push(unusedDirective(directive, input, toPoint));
        }
      }

      const kept = resolveOverlaps(all, byId);
      kept.sort(byPlace);
      const diagnostics = kept.length > maxDiagnostics ? kept.slice(0, maxDiagnostics) : kept;
      const result: LintResult = {
        diagnostics,
        summary: summarize(document.counts, kept, weights, kept.length > diagnostics.length),
      };
      if (ruleErrors.length > 0) result.ruleErrors = ruleErrors;
      if (alignment && sourceProse) result.alignment = alignmentOf(file, prose, sourceProse);
      return result;
    },
  };
}

/**
 * The sentence alignment in the original's terms: each side of a pair mapped back through its
 * processor like a diagnostic. Built by the source rules already when one ran; built here when none
 * did (all switched off). A source that is not this text's gives no pairs: its alignment means
 * nothing, and the `source-mismatch` finding says why.
 */
function alignmentOf(file: VFile, prose: Prose, sourceProse: Prose): AlignmentPair[] {
  const bilingual = bilingualOf(file);
  if (!bilingual || bilingual.status !== 'ok') return [];
  return bilingual.pairs.map(({ enRange, zhRange }) => {
    const pair: AlignmentPair = {};
    if (enRange) {
      const [start, end] = toOriginal(prose, enRange.start, enRange.end - enRange.start);
      pair.offset = start;
      pair.length = end - start;
    }
    if (zhRange) {
      const [start, end] = toOriginal(sourceProse, zhRange.start, zhRange.end - zhRange.start);
      pair.sourceOffset = start;
      pair.sourceLength = end - start;
    }
    return pair;
  });
}

/**
 * The one policy for findings of different rules on the same text: when two or more rules flag
 * exactly the same span, only the most severe finding is kept (on a tie, the rule registered
 * first). Findings that merely overlap or nest are all kept: each says something different, and
 * every adapter shows nested findings.
 */
function resolveOverlaps(
  diagnostics: Diagnostic[],
  byId: ReadonlyMap<string, RunnableRule>,
): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const best = new Map<string, Diagnostic>();
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = `${diagnostic.offset}:${diagnostic.length}`;
    const other = best.get(key);
    if (!other) {
      best.set(key, diagnostic);
      continue;
    }
    if (other.ruleId === diagnostic.ruleId) {
      if (other.messageId !== diagnostic.messageId) kept.push(diagnostic);
      continue;
    }
    if (wins(diagnostic, other, byId)) best.set(key, diagnostic);
  }
  for (const diagnostic of best.values()) kept.push(diagnostic);
  return kept;
}

function wins(a: Diagnostic, b: Diagnostic, byId: ReadonlyMap<string, RunnableRule>): boolean {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity > 0;
  return (byId.get(a.ruleId)?.rank ?? 0) < (byId.get(b.ruleId)?.rank ?? 0);
}

/**
 * Calls the rule's create() once and wraps its transformer so that every message it leaves carries
 * the rule's id: wrapped retext plugins report under their own names, and this relabels them.
 */
function instantiate({ rule, options }: EnabledRule): Transformer {
  const { id, messages } = rule.meta;
  const transformer = rule.create(options, { report: createReporter(id, messages) });
  return (tree, file) => {
    const before = file.messages.length;
    transformer(tree, file);
    for (let index = before; index < file.messages.length; index++) {
      const message = file.messages[index]!;
      message.ruleId = id;
      message.source = 'mtlint';
    }
  };
}

type ToPoint = ReturnType<typeof location>['toPoint'];

function toDiagnostic(
  finding: Finding,
  { rule, severity }: EnabledRule,
  input: string,
  start: number,
  end: number,
  toPoint: ToPoint,
  docsUrl: (ruleId: string) => string,
): Diagnostic {
  const startPoint = toPoint(start) ?? { line: 1, column: 1 };
  const endPoint = toPoint(end) ?? startPoint;
  const cap = finding.severityCap;
  const diagnostic: Diagnostic = {
    ruleId: rule.meta.id,
    severity: cap && SEVERITY_RANK[cap] < SEVERITY_RANK[severity] ? cap : severity,
    category: rule.meta.category,
    message: finding.reason,
    offset: start,
    length: end - start,
    line: startPoint.line,
    column: startPoint.column,
    endLine: endPoint.line,
    endColumn: endPoint.column,
    excerpt: input.slice(start, end),
    suggestions: finding.expected,
    url: docsUrl(rule.meta.id),
    messageId: finding.messageId,
  };
  const fix = finding.expected[0];
  if (fix !== undefined && rule.meta.safeFixes?.includes(finding.messageId)) diagnostic.fix = fix;
  return diagnostic;
}

/** A directive that switched nothing off: probably a rule id misspelt, or a finding since fixed. */
function unusedDirective(directive: Directive, input: string, toPoint: ToPoint): Diagnostic {
  const from = toPoint(directive.start) ?? { line: 1, column: 1 };
  const to = toPoint(directive.end) ?? from;
  const rules = directive.rules.length ? ` for ${directive.rules.join(', ')}` : '';
  return {
    ruleId: 'unused-directive',
    severity: 'warning',
    category: 'style',
    message: `This mtlint-${directive.kind} comment${rules} switches nothing off: remove it`,
    offset: directive.start,
    length: directive.end - directive.start,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    excerpt: input.slice(directive.start, directive.end),
    suggestions: [''],
    url: 'docs/directives.md',
    messageId: 'unused',
  };
}

/** A wrapped retext plugin's message as a finding: it places itself on nodes, not by offsets. */
function fromPluginMessage(message: PluginMessage): Finding | undefined {
  if (message.ruleId === undefined) return undefined;
  return {
    ruleId: message.ruleId,
    messageId: message.ruleId,
    reason: message.reason,
    span: spanOfPlace(message.place),
    expected: (message.expected ?? []).filter((value) => typeof value === 'string'),
  };
}

function spanOfPlace(place: PluginMessage['place']): { start: number; end: number } {
  if (place && 'start' in place) return spanOf({ position: place });
  const offset = place?.offset ?? 0;
  return { start: offset, end: offset };
}

function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.offset - b.offset || a.length - b.length || a.ruleId.localeCompare(b.ruleId);
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
