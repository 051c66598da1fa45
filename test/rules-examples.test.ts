import { describe, expect, it } from '@jest/globals';
import { createRuleLinter, registry } from '../src/linter.js';

// Every rule's meta.examples are its documentation and its first tests: each invalid example must be
// flagged by that rule, and no valid example may be. The rule runs alone, as a rule tester runs it.
describe.each([...registry.values()].map((rule) => [rule.meta.id, rule] as const))(
  '%s',
  (id, rule) => {
    const linter = createRuleLinter(id, 'error');
    const own = (text: string) => linter.lint(text).diagnostics;

    it('has at least one invalid and one valid example', () => {
      expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
      expect(rule.meta.examples.valid.length).toBeGreaterThan(0);
    });

    it.each(rule.meta.examples.invalid)('flags: %s', (text) => {
      expect(own(text).length).toBeGreaterThan(0);
    });

    it.each(rule.meta.examples.valid)('does not flag: %s', (text) => {
      expect(own(text)).toEqual([]);
    });
  },
);
