import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { registry } from '../src/linter.js';
import { withRulesTable } from '../scripts/rules-table.js';

describe('documentation', () => {
  it('README rules table matches the rules (run `npm run docs` to regenerate)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withRulesTable(readme, registry.values())).toBe(readme);
  });

  it.each([...registry.keys()])('rules/%s has a README that names it', (id) => {
    const path = `rules/${id}/README.md`;
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`^# \`?${id}\`?`, 'm'));
  });
});
