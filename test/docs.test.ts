import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { registry } from '../src/linter.js';
import { withRulesTable } from '../scripts/rules-table.js';

describe('documentation', () => {
  it('README rules table matches the rules (run `npm run docs` to regenerate)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withRulesTable(readme, registry.values())).toBe(readme);
  });
});
