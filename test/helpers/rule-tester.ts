/**
 * A rule's cases, run on that rule alone (no other rule's finding, no overlap between rules):
 *
 *   testRule('stray-punctuation', {
 *     valid: ['He said: "Yes."'],
 *     invalid: [{ text: 'They met. . Then left.', errors: [{ messageId: 'doubled', excerpt: ' .' }] }],
 *   });
 *
 * An invalid case lists every finding the rule must make on its text, in document order; each
 * names its message (`messageId`, never the wording) and may pin the flagged text (`excerpt`) and
 * the suggestions. A valid case must give no finding at all.
 */
import { describe, expect, it } from '@jest/globals';
import type { Diagnostic } from '../../src/core/index.js';
import { createRuleLinter } from '../../src/linter.js';

export interface ExpectedError {
  messageId: string;
  excerpt?: string;
  suggestions?: string[];
  severity?: Diagnostic['severity'];
}

export interface RuleCases {
  /** The rule's setting, as in a config's `rules` (default: its default severity). */
  setting?: unknown;
  valid: string[];
  invalid: { text: string; errors: ExpectedError[] }[];
}

export function testRule(ruleId: string, cases: RuleCases): void {
  describe(`${ruleId} (alone)`, () => {
    const linter = createRuleLinter(ruleId, cases.setting);

    it.each(cases.valid)('does not flag: %s', (text) => {
      expect(linter.lint(text).diagnostics).toEqual([]);
    });

    it.each(cases.invalid)('flags: $text', ({ text, errors }) => {
      const found = linter.lint(text).diagnostics.map((diagnostic, index) => {
        const wanted = errors[index] ?? { messageId: '' };
        const seen: ExpectedError = { messageId: diagnostic.messageId };
        if (wanted.excerpt !== undefined) seen.excerpt = diagnostic.excerpt;
        if (wanted.suggestions !== undefined) seen.suggestions = diagnostic.suggestions;
        if (wanted.severity !== undefined) seen.severity = diagnostic.severity;
        return seen;
      });
      expect(found).toEqual(errors);
    });
  });
}
