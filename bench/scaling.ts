/**
 * `npm run bench:scaling`: every rule, alone, on 10k and 100k characters of adversarial text;
 * prints the time ratio (10 is linear) and writes the table to docs/benchmarks.md. No assertions.
 */
import { createMtLinter, registry } from '../src/linter.js';
import { readArticle, writeSection } from './shared.js';

const PATTERNS: Record<string, string> = {
  a: 'a',
  spaces: ' ',
  '`. `': '. ',
  '`a.`': 'a.',
  tabs: '\t',
  emoji: '😀',
  '`ab `': 'ab ',
  '`. .`': '. .',
  article: readArticle(),
};
const SMALL = 10_000;
const LARGE = 100_000;

function textOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * The fastest of several runs, in CPU time (user + system, GC threads included) rather than wall
 * time: on a shared machine, time spent waiting for a core would otherwise swamp the figures.
 */
function fastestMs(run: () => void, times: number): number {
  let fastest = Infinity;
  for (let i = 0; i < times; i++) {
    const started = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(started);
    fastest = Math.min(fastest, (user + system) / 1000);
  }
  return fastest;
}

const off = Object.fromEntries([...registry.keys()].map((id) => [id, 'off']));
const subjects: [string, object][] = [
  ['(parse only)', { extends: 'all', rules: off }],
  ...[...registry.values()].map((rule): [string, object] => [
    rule.meta.id,
    { extends: 'all', rules: { ...off, [rule.meta.id]: rule.meta.severity } },
  ]),
];

const header = `| rule | ${Object.keys(PATTERNS).join(' | ')} |`;
const rows: string[] = [
  header,
  `|---|${Object.keys(PATTERNS)
    .map(() => '---')
    .join('|')}|`,
];
const worst: string[] = [];
console.log('Time at 100k characters / time at 10k (10 = linear); ms at 100k in brackets.');
for (const [name, config] of subjects) {
  const linter = createMtLinter(config);
  const cells: string[] = [];
  for (const [pattern, unit] of Object.entries(PATTERNS)) {
    const small = textOf(unit, SMALL);
    const large = textOf(unit, LARGE);
    // Warm both sizes up first so neither figure carries JIT compilation.
    for (let i = 0; i < 3; i++) linter.lint(small);
    linter.lint(large);
    const smallMs = fastestMs(() => linter.lint(small), 9);
    const largeMs = fastestMs(() => linter.lint(large), 5);
    const ratio = largeMs / Math.max(smallMs, 0.01);
    cells.push(`${ratio.toFixed(1)} (${largeMs.toFixed(0)} ms)`);
    if (ratio > 20) worst.push(`${name} on ${pattern}: ${ratio.toFixed(1)}`);
  }
  const row = `| ${name} | ${cells.join(' | ')} |`;
  console.log(row);
  rows.push(row);
}

const report = `
## Linear scaling (\`npm run bench:scaling\`)

Each rule alone (with the parse it needs), in process, on ${SMALL.toLocaleString('en')} and
${LARGE.toLocaleString('en')} characters of each repeated pattern (\`article\` = the 1,000-word seed
excerpt repeated). Cells: time at 100k / time at 10k (10 is linear; below 10 is warm-up and fixed
cost), then the CPU time at 100k (fastest of 5 runs; 10k: fastest of 9). Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.

${rows.join('\n')}

${worst.length ? `Above 20 (worse than linear): ${worst.join('; ')}.` : 'No rule above a ratio of 20 on any pattern.'}
`;
writeSection('scaling', report);
console.log(worst.length ? `Above 20: ${worst.join('; ')}` : 'No ratio above 20.');
console.log('Wrote docs/benchmarks.md');
