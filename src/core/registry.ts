import type { Rule } from './types.js';

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Rules by id, checked once: ids are kebab-case and unique. */
export function createRegistry(rules: readonly Rule[]): ReadonlyMap<string, Rule> {
  const registry = new Map<string, Rule>();
  for (const rule of rules) {
    const { id } = rule.meta;
    if (!ID.test(id)) throw new Error(`mtlint: rule id "${id}" is not kebab-case`);
    if (registry.has(id)) throw new Error(`mtlint: rule id "${id}" is registered twice`);
    registry.set(id, rule);
  }
  return registry;
}
