import { VFileMessage } from 'vfile-message';
import type { VFile } from 'vfile';
import type { Report, Rule, Severity, Span } from './types.js';

/** A vfile message as mtlint rules leave it: the fields the engine reads, never the text. */
export interface RuleMessage extends VFileMessage {
  /** Offsets of the flagged text in the document. */
  span?: { start: number; end: number };
  /** Severity cap from `Report.severity`. */
  severityCap?: Severity;
}

/** Identity with types: the one way to declare a rule. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export function formatMessage(
  template: string,
  data: Record<string, string | number> = {},
): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
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
 * Builds the one helper through which a rule reports: it fills the place, rule id, flagged text
 * (`actual`) and suggestions (`expected`) on a vfile message, so nobody downstream parses strings.
 */
export function createReporter(ruleId: string, messages: Record<string, string>) {
  return function report(file: VFile, { at, messageId, data, expected, severity }: Report): void {
    const template = messages[messageId];
    if (template === undefined) {
      throw new Error(`mtlint: rule ${ruleId} has no message "${messageId}"`);
    }
    const span = spanOf(at);
    // A vfile message is an Error: capturing its stack trace cost more than finding the problem
    // (measured: a sixth of a lint of the seed article), and nobody reads a finding's stack.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let message: RuleMessage;
    try {
      message = file.message(formatMessage(template, data), {
        ruleId,
        source: 'mtlint',
      }) as RuleMessage;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    message.span = span;
    message.actual = String(file.value).slice(span.start, span.end);
    message.expected = expected ?? [];
    if (severity) message.severityCap = severity;
  };
}
