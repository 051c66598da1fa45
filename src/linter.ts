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
