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
 * the suggestions. A valid case must give no finding at all. A case may give the text's Chinese
 * `source` (`{text, source}`), for the rules that read one.
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
  valid: (string | { text: string; source: string })[];
  invalid: { text: string; source?: string; errors: ExpectedError[] }[];
}

export function testRule(ruleId: string, cases: RuleCases): void {
  describe(`${ruleId} (alone)`, () => {
    const linter = createRuleLinter(ruleId, cases.setting);

    const valid = cases.valid.map((c) => (typeof c === 'string' ? { text: c } : c));
    it.each(valid)('does not flag: $text', ({ text, ...source }) => {
      expect(linter.lint(text, source).diagnostics).toEqual([]);
    });

    it.each(cases.invalid)('flags: $text', ({ text, source, errors }) => {
      const options = source === undefined ? {} : { source };
      const found = linter.lint(text, options).diagnostics.map((diagnostic, index) => {
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
