import type { VFileMessage } from 'vfile-message';
import type { VFile } from 'vfile';
import type { Report, Rule, Severity, Span } from './types.js';

/** A wrapped retext plugin's message, relabelled with the rule's id by the engine. */
export type PluginMessage = VFileMessage;

/** What a rule's `report` leaves for the engine: plain data, read into a diagnostic. */
export interface Finding {
  ruleId: string;
  /** A key of the rule's `meta.messages`, or the rule's id for a wrapped plugin's message. */
  messageId: string;
  reason: string;
  /** Offsets of the flagged text in the document. */
  span: { start: number; end: number };
  expected: string[];
  /** Where in the source's prose the finding points (source checks). */
  sourceSpan?: { start: number; end: number };
  /** Severity cap from `Report.severity`. */
  severityCap?: Severity;
}

declare module 'vfile' {
  interface DataMap {
    /** Findings reported through `report`, in order. */
    mtlintFindings: Finding[];
  }
}

/** Identity with types: the one way to declare a rule. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function formatMessage(
  template: string,
  data: Record<string, string | number> = {},
): string {
  return fill(compile(template), data);
}

const PLACEHOLDER = /(\{\{\s*(\w+)\s*\}\})/;

/**
 * A template cut at its placeholders: literal, then (placeholder as written, key, literal) for each
 * placeholder. A rule's messages are cut once, when its reporter is made, not at every finding.
 */
function compile(template: string): readonly string[] {
  return template.split(PLACEHOLDER);
}

/** The template with each placeholder replaced by its value (or kept as written if it has none). */
function fill(parts: readonly string[], data: Record<string, string | number>): string {
  let out = parts[0]!;
  for (let index = 1; index + 2 < parts.length; index += 3) {
    const key = parts[index + 1]!;
    out += (key in data ? String(data[key]) : parts[index]!) + parts[index + 2]!;
  }
  return out;
}

export function spanOf(at: Span): { start: number; end: number } {
  if ('start' in at) return { start: at.start, end: at.end };
  const start = at.position?.start.offset;
  const end = at.position?.end.offset;
  if (start === undefined || end === undefined) {
    throw new Error('mtlint: reported node has no position offsets');
  }
  return { start, end };
}

/**
 * Builds the one helper through which a rule reports: it records the place, rule id, message and
 * suggestions (`expected`) as plain data on the file, so nobody downstream parses strings. Not a
 * vfile message: each of those is an Error, and creating one cost more than finding the problem.
 */
export function createReporter(ruleId: string, messages: Record<string, string>) {
  const templates = new Map(Object.entries(messages).map(([id, text]) => [id, compile(text)]));
  return function report(
    file: VFile,
    { at, messageId, data, expected, severity, source }: Report,
  ): void {
    const template = templates.get(messageId);
    if (template === undefined) {
      throw new Error(`mtlint: rule ${ruleId} has no message "${messageId}"`);
    }
    const finding: Finding = {
      ruleId,
      messageId,
      reason: fill(template, data ?? {}),
      span: spanOf(at),
      expected: expected ?? [],
    };
    if (severity) finding.severityCap = severity;
    if (source) finding.sourceSpan = source;
    (file.data.mtlintFindings ??= []).push(finding);
  };
}
