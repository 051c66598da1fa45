/**
 * What pronoun-agreement costs: words per second of the default rule set on an article, with and
 * without the rule, and of the parser alone with and without it. Timed runs of each set alternate,
 * so that a busy machine slows them alike; figures are medians after warm-up, in process, one core.
 *
 *   npm run build && node dist/bench/pronoun-agreement.js [ARTICLE.txt] [--runs N]
 *
 * Without a file it lints the seed article's test fixture. Prints figures only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createMtLinter, registry } from '../src/linter.js';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '21' } },
  allowPositionals: true,
});
const path = positionals[0] ?? 'test/fixtures/xinhua-bachelet-visit.txt';
if (!existsSync(path)) {
  console.error(`bench: no article at ${path}; pass a text file`);
  process.exit(2);
}
const text = readFileSync(path, 'utf8');
const runs = Math.max(3, Number(values.runs) || 21);

const allOff = Object.fromEntries([...registry.keys()].map((id) => [id, 'off']));
const sets = [
  ['default rules without pronoun-agreement', { rules: { 'pronoun-agreement': 'off' } }],
  ['default rules with pronoun-agreement', {}],
  ['parse only', { rules: allOff }],
  ['parse + pronoun-agreement', { rules: { ...allOff, 'pronoun-agreement': 'error' } }],
] as const;

const linters = sets.map(([, config]) => createMtLinter(config));
const words = linters[0]!.lint(text).summary.words;
// Enough repetitions per timed run that the clock's resolution does not matter.
const repeat = Math.max(1, Math.round(20000 / Math.max(1, words)));
for (const linter of linters) for (let i = 0; i < 5; i++) linter.lint(text);

const rates: number[][] = sets.map(() => []);
for (let run = 0; run < runs; run++) {
  linters.forEach((linter, index) => {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) linter.lint(text);
    rates[index]!.push((words * repeat) / ((performance.now() - started) / 1000));
  });
}
const medians = rates.map((list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!);

console.log(`${path}: ${words} words, median of ${runs} alternating runs`);
sets.forEach(([label], index) => {
  const rate = Math.round(medians[index]!).toLocaleString('en-US');
  console.log(`${label.padEnd(42)} ${rate.padStart(10)} words/s`);
});
console.log(
  `default set with / without the rule: ${(medians[0]! / medians[1]!).toFixed(2)}x slower`,
);
console.log(
  `rule's own cost: ${((1e6 / medians[3]! - 1e6 / medians[2]!) * 1000).toFixed(0)} ns per word`,
);
