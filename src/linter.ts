/** The engine with mtlint's built-in rules: what the adapters (HTTP, CLI, workers) build on. */
import { builtinRules } from '../rules/index.js';
import { createLinter, createRegistry, type Linter, type LinterOptions } from './core/index.js';

export const registry = createRegistry(builtinRules);

export function createMtLinter(
  config: unknown = {},
  options: Omit<LinterOptions, 'rules'> = {},
): Linter {
  return createLinter(config, { ...options, rules: registry });
}

/**
 * A linter that runs one rule alone (at `setting`, or its default severity): what a rule's tests
 * use, so that no other rule's finding, and no overlap between rules, stands in the way.
 */
export function createRuleLinter(
  ruleId: string,
  setting?: unknown,
  options: Omit<LinterOptions, 'rules'> = {},
): Linter {
  const rule = registry.get(ruleId);
  if (!rule) throw new Error(`No rule "${ruleId}"`);
  return createLinter(
    { rules: { [ruleId]: setting ?? rule.meta.severity } },
    { ...options, rules: new Map([[ruleId, rule]]) },
  );
}
