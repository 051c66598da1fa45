import { createMtLinter } from '../../src/linter.js';
import type { Diagnostic } from '../../src/core/index.js';

/** Lints with one rule switched on (at its default severity unless `severity` says otherwise). */
export function linterFor(ruleId: string, setting: unknown = undefined) {
  const linter = createMtLinter({
    extends: 'all',
    rules: setting === undefined ? {} : { [ruleId]: setting as 'error' },
  });
  return (text: string): Diagnostic[] =>
    linter.lint(text).diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
}
