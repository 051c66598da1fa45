/**
 * `npm run docs`: regenerates, from the rules' metadata, the rules table in README.md and the
 * generated parts of every rule's README (header, Options, Examples). A rule without a README gets
 * a new one with every section, the hand-written ones still to write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { registry } from '../src/linter.js';
import { newReadme, withGeneratedParts } from './rule-readme.js';
import { withRulesTable } from './rules-table.js';

function update(path: string, next: (current: string | undefined) => string): boolean {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const updated = next(current);
  if (updated === current) return false;
  writeFileSync(path, updated);
  return true;
}

const changed: string[] = [];
if (update('README.md', (readme) => withRulesTable(readme ?? '', registry.values()))) {
  changed.push('README.md');
}
for (const rule of registry.values()) {
  const path = `rules/${rule.meta.id}/README.md`;
  if (
    update(path, (readme) =>
      readme === undefined ? newReadme(rule) : withGeneratedParts(readme, rule),
    )
  ) {
    changed.push(path);
  }
}
console.log(
  changed.length ? `updated: ${changed.join(', ')}` : 'all generated docs are up to date',
);
