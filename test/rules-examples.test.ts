import { describe, expect, it } from '@jest/globals';
import type { RuleExample } from '../src/core/index.js';
import { createRuleLinter, registry } from '../src/linter.js';

// Every rule's meta.examples are its documentation and its first tests: each invalid example must be
// flagged by that rule, and no valid example may be. The rule runs alone, as a rule tester runs it;
// an example with a source is linted against it (with the rule's options when it gives some).
describe.each([...registry.values()].map((rule) => [rule.meta.id, rule] as const))(
  '%s',
  (id, rule) => {
    const linters = new Map<string, ReturnType<typeof createRuleLinter>>();
    const own = (example: RuleExample) => {
      const { text, source, options } =
        typeof example === 'string'
          ? { text: example, source: undefined, options: undefined }
          : example;
      const key = JSON.stringify(options ?? null);
      let linter = linters.get(key);
      if (!linter) {
        linter = createRuleLinter(id, options === undefined ? 'error' : ['error', options]);
        linters.set(key, linter);
      }
      return linter.lint(text, source === undefined ? {} : { source }).diagnostics;
    };
    const name = (example: RuleExample) =>
      typeof example === 'string'
        ? example
        : [
            example.text,
            example.source === undefined ? '' : ` ⟸ ${example.source}`,
            example.options === undefined ? '' : ` with ${JSON.stringify(example.options)}`,
          ].join('');

    it('has at least one invalid and one valid example', () => {
      expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
      expect(rule.meta.examples.valid.length).toBeGreaterThan(0);
    });

    it.each(rule.meta.examples.invalid.map((example) => [name(example), example] as const))(
      'flags: %s',
      (_name, example) => {
        expect(own(example).length).toBeGreaterThan(0);
      },
    );

    it.each(rule.meta.examples.valid.map((example) => [name(example), example] as const))(
      'does not flag: %s',
      (_name, example) => {
        expect(own(example)).toEqual([]);
      },
    );
  },
);
