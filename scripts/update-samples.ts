/** `npm run samples:update`: rewrites samples/*.expected.json from the current rules. Review the diff. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createMtLinter } from '../src/linter.js';

const linter = createMtLinter();
for (const name of readdirSync('samples').filter((file) => file.endsWith('.txt'))) {
  const result = linter.lint(readFileSync(`samples/${name}`, 'utf8'));
  const target = `samples/${name.replace(/\.txt$/, '.expected.json')}`;
  writeFileSync(target, JSON.stringify(result, null, 2) + '\n');
  console.log(`${target}: ${result.diagnostics.length} diagnostics`);
}
