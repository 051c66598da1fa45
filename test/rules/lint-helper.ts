import { createRuleLinter } from '../../src/linter.js';
import type { Diagnostic } from '../../src/core/index.js';

/** Lints with one rule alone (at its default severity unless `setting` says otherwise). */
export function linterFor(ruleId: string, setting: unknown = undefined) {
  const linter = createRuleLinter(ruleId, setting);
  return (text: string): Diagnostic[] => linter.lint(text).diagnostics;
}
