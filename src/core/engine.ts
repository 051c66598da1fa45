import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Root } from 'nlcst';
import { resolveConfig, type EnabledRule } from './config.js';
import { createReporter, spanOf, type Finding, type PluginMessage } from './define-rule.js';
import { parseDocument } from './parse.js';
import { summarize, DEFAULT_PENALTY_WEIGHTS, type PenaltyWeights } from './summary.js';
import type { Diagnostic, LintResult, Rule, Severity, Transformer } from './types.js';

export interface LinterOptions {
  /** Every rule the config may name, by id. */
  rules: ReadonlyMap<string, Rule>;
  /** Cap on diagnostics listed per document (the summary counts all); beyond it `truncated: true`. */
  maxDiagnostics?: number;
  /** The documentation address of a rule. */
  docsUrl?: (ruleId: string) => string;
  penaltyWeights?: PenaltyWeights;
}

export interface Linter {
  /** The rules this linter runs, with their effective severities. */
  readonly enabled: readonly EnabledRule[];
  lint(text: string): LintResult;
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** Relative to the mtlint package: each rule documents itself in `rules/<id>/README.md`. */
export const defaultDocsUrl = (ruleId: string): string => `rules/${ruleId}/README.md`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Builds the processor once (retext-english + the enabled rules, options validated); `lint` then
 * parses each document once and runs every rule over the same tree. Pure: no env, no I/O.
 */
export function createLinter(config: unknown, options: LinterOptions): Linter {
  const enabled = resolveConfig(config, options.rules);
  const maxDiagnostics = options.maxDiagnostics ?? DEFAULT_MAX_DIAGNOSTICS;
  const docsUrl = options.docsUrl ?? defaultDocsUrl;
  const weights = options.penaltyWeights ?? DEFAULT_PENALTY_WEIGHTS;
  const byId = new Map(enabled.map((entry) => [entry.rule.meta.id, entry]));

  let processor = unified().use(retextEnglish);
  for (const entry of enabled) {
    const transformer = instantiate(entry);
    processor = processor.use(() => transformer);
  }
  const frozen = processor.freeze();
  const parsePiece = (piece: string) => frozen.parse(piece) as Root;

  return {
    enabled,
    lint(text: string): LintResult {
      const file = new VFile({ value: text });
      const tree = parseDocument(text, parsePiece);
      frozen.runSync(tree, file);

      const toPoint = location(text).toPoint;
      const all: Diagnostic[] = [];
      const add = (finding: Finding) => {
        const entry = byId.get(finding.ruleId);
        if (entry) all.push(toDiagnostic(finding, entry, text, toPoint, docsUrl));
      };
      for (const message of file.messages) {
        const finding = fromPluginMessage(message);
        if (finding) add(finding);
      }
      for (const finding of file.data.mtlintFindings ?? []) add(finding);
      all.sort(byPlace);
      const diagnostics = all.slice(0, maxDiagnostics);
      // The cap shortens the list only: counts, penalty (and so every gate) cover every finding.
      return {
        diagnostics,
        summary: summarize(tree, all, weights, all.length > diagnostics.length),
      };
    },
  };
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
  text: string,
  toPoint: ToPoint,
  docsUrl: (ruleId: string) => string,
): Diagnostic {
  const { start, end } = finding.span;
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
    excerpt: text.slice(start, end),
    suggestions: finding.expected,
    url: docsUrl(rule.meta.id),
    messageId: finding.messageId,
  };
  const fix = finding.expected[0];
  if (fix !== undefined && rule.meta.safeFixes?.includes(finding.messageId)) diagnostic.fix = fix;
  return diagnostic;
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
