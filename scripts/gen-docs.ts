/** `npm run docs`: regenerates the rules table in README.md from the rules' metadata. */
import { readFileSync, writeFileSync } from 'node:fs';
import { registry } from '../src/linter.js';
import { withRulesTable } from './rules-table.js';

const readme = readFileSync('README.md', 'utf8');
const updated = withRulesTable(readme, registry.values());
if (updated !== readme) writeFileSync('README.md', updated);
console.log(
  updated === readme ? 'README.md rules table is up to date' : 'README.md rules table updated',
);
