/**
 * Words per second on one core, in process: bare retext-english parsing, the full default rule set
 * (`createMtLinter()`), and harper.js (a WASM grammar checker, as a peer) on the same texts: the seed
 * article, the seed repeated 10 and 100 times, and its paragraphs as separate documents. Each figure
 * is the median of several timed runs after warm-up.
 *
 *   npm run bench -- [--text FILE] [--runs N] [--min-ms MS] [--per-rule] [--no-harper]
 *
 * harper.js is measured afterwards in a child process of its own, so that its WASM memory and
 * allocations do not share a heap, GC threads and CPU accounting with the JavaScript contenders.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { parseDocument } from '../src/core/index.js';
import { createMtLinter, registry } from '../src/linter.js';

const { values } = parseArgs({
  options: {
    text: { type: 'string', default: 'samples/xinhua-bachelet-visit.txt' },
    runs: { type: 'string', default: '7' },
    'min-ms': { type: 'string', default: '300' },
    'per-rule': { type: 'boolean', default: false },
    'no-harper': { type: 'boolean', default: false },
    /** Internal: measure harper.js only and print its rates as JSON (the child process). */
    'peer-only': { type: 'boolean', default: false },
  },
});

const RUNS = Number(values.runs);
const MIN_MS = Number(values['min-ms']);
if (!Number.isInteger(RUNS) || RUNS < 1 || !(MIN_MS > 0)) {
  console.error('bench: --runs must be a positive integer and --min-ms a positive number');
  process.exit(2);
}

const seed = readFileSync(values.text, 'utf8');
const paragraphs = seed.split(/\n[ \t]*\n/).filter((paragraph) => paragraph.trim() !== '');

/** A workload: documents linted one after another; one pass over them is one iteration. */
interface Workload {
  name: string;
  documents: string[];
  words: number;
}

const counter = createMtLinter({ extends: 'recommended', rules: {} });
const wordsIn = (documents: string[]) =>
  documents.reduce((sum, text) => sum + counter.lint(text).summary.words, 0);

const workloads: Workload[] = [
  { name: 'seed', documents: [seed] },
  { name: 'seed x10', documents: [Array(10).fill(seed).join('\n\n')] },
  { name: 'seed x100', documents: [Array(100).fill(seed).join('\n\n')] },
  { name: 'paragraphs', documents: paragraphs },
].map((workload) => ({ ...workload, words: wordsIn(workload.documents) }));

type Run = (text: string) => unknown;

/**
 * One timed run: passes over the workload until at least MIN_MS of CPU time have gone by. CPU time
 * (process.cpuUsage), not wall time, because the machine may be shared: a process that waits for
 * a core does no work and should not be charged for it.
 */
async function timed(run: Run, workload: Workload): Promise<number> {
  let iterations = 0;
  const start = process.cpuUsage();
  let elapsedMs = 0;
  do {
    for (const text of workload.documents) await run(text);
    iterations++;
    const used = process.cpuUsage(start);
    elapsedMs = (used.user + used.system) / 1000;
  } while (elapsedMs < MIN_MS);
  return (workload.words * iterations) / (elapsedMs / 1000);
}

interface Contender {
  name: string;
  run: Run;
  /** Words/s per workload, one sample per round. */
  samples: number[][];
}

const contenders: Contender[] = [];
const contender = (name: string, run: Run): Contender => {
  const entry = { name, run, samples: workloads.map(() => [] as number[]) };
  contenders.push(entry);
  return entry;
};

const peerOnly = values['peer-only'];
const processor = unified().use(retextEnglish).freeze();
const linter = createMtLinter();

if (!peerOnly) {
  contender('retext-english parse (whole text)', (text) => processor.parse(text));
  contender('retext-english parse (bounded pieces)', (text) =>
    parseDocument(text, (piece) => processor.parse(piece) as Root),
  );
  contender(`default rule set (${linter.enabled.length} rules)`, (text) => linter.lint(text));
  if (values['per-rule']) {
    for (const rule of registry.values()) {
      const only = createMtLinter({
        rules: Object.fromEntries(
          [...registry.keys()].map((id) => [id, id === rule.meta.id ? 'info' : 'off']),
        ),
      });
      contender(`  parse + ${rule.meta.id} only`, (text) => only.lint(text));
    }
  }
}

let peerSetup = 0;
if (peerOnly) {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const started = performance.now();
  const peer = new LocalLinter({ binary: binaryInlined });
  await peer.setup();
  await peer.lint('Warm up the dictionary.', { language: 'plaintext' });
  peerSetup = performance.now() - started;
  contender('harper.js LocalLinter (plaintext)', (text) =>
    peer.lint(text, { language: 'plaintext' }),
  );
}

// Warm-up (JIT, caches, lazily built tables), then rounds in which every contender runs every
// workload in turn, so that a change in machine load touches all of them alike.
for (const entry of contenders) {
  for (const workload of workloads) await timed(entry.run, workload);
}
for (let round = 0; round < RUNS; round++) {
  for (const entry of contenders) {
    for (const [index, workload] of workloads.entries()) {
      entry.samples[index]!.push(await timed(entry.run, workload));
    }
  }
  process.stderr.write(`  ${peerOnly ? 'harper.js ' : ''}round ${round + 1}/${RUNS} done\n`);
}

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
interface Row {
  name: string;
  rates: number[];
}
const row = (entry: Contender): Row => ({ name: entry.name, rates: entry.samples.map(median) });
const rows = contenders.map(row);

if (peerOnly) {
  console.log(JSON.stringify({ row: rows[0], setup: peerSetup }));
  process.exit(0);
}

const [parsed, pieces, ruleSet] = rows as [Row, Row, Row];
let harperRow: Row | undefined;
let harperSetup = 0;
if (!values['no-harper']) {
  const child = spawnSync(
    process.execPath,
    [
      fileURLToPath(import.meta.url),
      '--peer-only',
      '--text',
      values.text,
      '--runs',
      String(RUNS),
      '--min-ms',
      String(MIN_MS),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status === 0) {
    const result = JSON.parse(child.stdout) as { row: Row; setup: number };
    harperRow = result.row;
    harperSetup = result.setup;
    rows.splice(3, 0, harperRow);
  } else {
    console.error(`bench: harper.js could not be measured (exit ${child.status}); skipped`);
  }
}

const format = (rate: number) => Math.round(rate).toLocaleString('en-US');
const pad = (text: string, width: number) => text.padStart(width);

console.log(
  `mtlint bench: Node ${process.version}; words per CPU-second on one core; median of ${RUNS} rounds ` +
    `(each run >= ${MIN_MS} ms of CPU time) after a warm-up round`,
);
console.log(
  `texts: ${workloads.map((workload) => `${workload.name} = ${workload.documents.length} doc(s), ${workload.words} words`).join('; ')}\n`,
);

const nameWidth = Math.max(...rows.map((entry) => entry.name.length));
console.log(
  `| ${'what'.padEnd(nameWidth)} | ${workloads.map((workload) => pad(workload.name, 11)).join(' | ')} |`,
);
console.log(
  `|${'-'.repeat(nameWidth + 2)}|${workloads.map(() => '-'.repeat(12) + ':').join('|')}|`,
);
for (const entry of rows) {
  console.log(
    `| ${entry.name.padEnd(nameWidth)} | ${entry.rates.map((rate) => pad(format(rate), 11)).join(' | ')} |`,
  );
}
if (harperRow)
  console.log(`\nharper.js setup (WASM + dictionary, first lint): ${Math.round(harperSetup)} ms`);

// The bars, on the seed and at 100x: at least 10x faster than harper.js, at most 5x slower than
// bare parsing, judged against the faster of the two ways to parse (the stricter test).
console.log('\nbars (seed, seed x100):');
for (const index of [0, 2]) {
  const name = workloads[index]!.name;
  const slowerPieces = pieces.rates[index]! / ruleSet.rates[index]!;
  const slowerWhole = parsed.rates[index]! / ruleSet.rates[index]!;
  const slower = Math.max(slowerPieces, slowerWhole);
  console.log(
    `  ${name}: default set is ${slowerWhole.toFixed(2)}x slower than whole-text parsing, ` +
      `${slowerPieces.toFixed(2)}x than bounded-piece parsing -> ${slower <= 5 ? 'PASS' : 'FAIL'} (<= 5x)`,
  );
  if (harperRow) {
    const faster = ruleSet.rates[index]! / harperRow.rates[index]!;
    console.log(
      `  ${name}: default set is ${faster.toFixed(1)}x faster than harper.js -> ${faster >= 10 ? 'PASS' : 'FAIL'} (>= 10x)`,
    );
  }
}
