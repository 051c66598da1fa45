/**
 * Words per second on one core, in process: bare retext-english parsing, the full default rule set
 * (`createMtLinter()`), the document with every rule off, and harper.js (a WASM grammar checker,
 * as a peer) on the same texts: the seed article, the seed repeated 10 and 100 times, and its
 * paragraphs as separate documents. Each figure is the median of several timed runs after warm-up.
 *
 *   npm run bench -- [--text FILE] [--runs N] [--min-ms MS] [--warmup-ms MS] [--per-rule] [--no-harper]
 *
 * Each contender is measured on each workload in a child process of its own, as a program that
 * uses it would run it: in one process, V8's JIT feedback and its collector's decisions (which
 * allocation sites go straight to the old generation) are shaped by whatever ran before (the rule
 * set measured in turn with bare parsing in one process: 250,000 words/s on the seed; alone in its
 * process: 348,000); and harper.js's WASM memory must not share a heap, GC threads and CPU accounting with the rest.
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
    'warmup-ms': { type: 'string', default: '3000' },
    'per-rule': { type: 'boolean', default: false },
    'no-harper': { type: 'boolean', default: false },
    /** Internal: measure harper.js only (a child process). */
    'peer-only': { type: 'boolean', default: false },
    /** Internal: measure this workload only and print the rate as JSON (a child process). */
    workload: { type: 'string' },
    /** Internal: the contender a child measures (an index; harper.js is `--peer-only`). */
    contender: { type: 'string' },
  },
});

const RUNS = Number(values.runs);
const MIN_MS = Number(values['min-ms']);
const WARMUP_MS = Number(values['warmup-ms']);
if (!Number.isInteger(RUNS) || RUNS < 1 || !(MIN_MS > 0) || !(WARMUP_MS >= 0)) {
  console.error(
    'bench: --runs must be a positive integer, --min-ms a positive number, --warmup-ms a number',
  );
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

/** The default rule set, here only to count words and rules. */
const counter = createMtLinter();
const wordsIn = (documents: string[]) =>
  documents.reduce((sum, text) => sum + counter.lint(text).summary.words, 0);

const allWorkloads = [
  { name: 'seed', documents: [seed] },
  { name: 'seed x10', documents: [Array(10).fill(seed).join('\n\n')] },
  { name: 'seed x100', documents: [Array(100).fill(seed).join('\n\n')] },
  { name: 'paragraphs', documents: paragraphs },
];
/** In a child: the one workload it measures. */
const only = values.workload === undefined ? undefined : allWorkloads[Number(values.workload)];
if (values.workload !== undefined && !only) {
  console.error(`bench: no workload ${values.workload}`);
  process.exit(2);
}
const workloads: Workload[] = (only ? [only] : allWorkloads).map((workload) => ({
  ...workload,
  words: wordsIn(workload.documents),
}));

type Run = (text: string) => unknown;

/**
 * One timed run: passes over the workload until at least MIN_MS of CPU time have gone by. CPU time
 * (process.cpuUsage), not wall time, because the machine may be shared: a process that waits for
 * a core does no work and should not be charged for it.
 */
async function timed(run: Run, workload: Workload, minMs = MIN_MS): Promise<number> {
  let iterations = 0;
  const start = process.cpuUsage();
  let elapsedMs = 0;
  do {
    for (const text of workload.documents) await run(text);
    iterations++;
    const used = process.cpuUsage(start);
    elapsedMs = (used.user + used.system) / 1000;
  } while (elapsedMs < minMs);
  return (workload.words * iterations) / (elapsedMs / 1000);
}

/** A contender: its name, and how to set it up in the process that measures it. */
interface Contender {
  name: string;
  setUp: () => Promise<Run>;
}

const contenders: Contender[] = [
  {
    name: 'retext-english parse (whole text)',
    setUp: async () => {
      const processor = unified().use(retextEnglish).freeze();
      return (text) => processor.parse(text);
    },
  },
  {
    name: 'retext-english parse (bounded pieces)',
    setUp: async () => {
      const processor = unified().use(retextEnglish).freeze();
      return (text) => parseDocument(text, (piece) => processor.parse(piece) as Root);
    },
  },
  {
    name: `default rule set (${counter.enabled.length} rules)`,
    setUp: async () => {
      const linter = createMtLinter();
      return (text) => linter.lint(text);
    },
  },
  {
    // The floor under any rule set: the input read, the news document built and the summary made,
    // with no rule to run. Whatever the rules cost comes on top of this.
    name: 'document alone (every rule off)',
    setUp: async () => {
      const none = createMtLinter({
        rules: Object.fromEntries([...registry.keys()].map((id) => [id, 'off'])),
      });
      return (text) => none.lint(text);
    },
  },
  ...(values['per-rule'] ? [...registry.keys()] : []).map((id) => ({
    name: `  parse + ${id} only`,
    setUp: async () => {
      const alone = createMtLinter({
        rules: Object.fromEntries(
          [...registry.keys()].map((other) => [other, other === id ? 'info' : 'off']),
        ),
      });
      return (text: string) => alone.lint(text);
    },
  })),
];

const PEER_NAME = 'harper.js LocalLinter (plaintext)';
/** harper.js, set up as its users do; `setupMs` is how long that took. */
async function setUpPeer(): Promise<{ run: Run; setupMs: number }> {
  const { LocalLinter } = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const started = performance.now();
  const peer = new LocalLinter({ binary: binaryInlined });
  await peer.setup();
  await peer.lint('Warm up the dictionary.', { language: 'plaintext' });
  const setupMs = performance.now() - started;
  return { run: (text) => peer.lint(text, { language: 'plaintext' }), setupMs };
}

/** What a child process reports: the median rate of its contender on its workload. */
interface Measured {
  rate: number;
  setupMs: number;
}

if (only) {
  // A child: one contender on one workload. Warm-up, then RUNS timed runs, median. The warm-up is
  // long because CPU time counts V8's background compiler threads too: with 15 rules, optimizing
  // their code goes on for the first seconds (measured on the seed: about 65 ms of CPU per lint in
  // the first 300 ms, 6 ms after 2 s).
  const workload = workloads[0]!;
  let run: Run;
  let setupMs = 0;
  if (values['peer-only']) ({ run, setupMs } = await setUpPeer());
  else {
    const entry = contenders[Number(values.contender)];
    if (!entry) {
      console.error(`bench: no contender ${values.contender}`);
      process.exit(2);
    }
    run = await entry.setUp();
  }
  await timed(run, workload, WARMUP_MS);
  const samples: number[] = [];
  for (let round = 0; round < RUNS; round++) samples.push(await timed(run, workload));
  samples.sort((x, y) => x - y);
  const measured: Measured = { rate: samples[Math.floor(samples.length / 2)]!, setupMs };
  console.log(JSON.stringify(measured));
  process.exit(0);
}

/** Measures one contender on one workload in a child process; undefined when the child failed. */
function measureInChild(workload: number, contender: number | 'peer'): Measured | undefined {
  const child = spawnSync(
    process.execPath,
    [
      fileURLToPath(import.meta.url),
      ...(contender === 'peer' ? ['--peer-only'] : ['--contender', String(contender)]),
      ...(values['per-rule'] ? ['--per-rule'] : []),
      '--workload',
      String(workload),
      '--text',
      values.text,
      '--runs',
      String(RUNS),
      '--min-ms',
      String(MIN_MS),
      '--warmup-ms',
      String(WARMUP_MS),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) return undefined;
  return JSON.parse(child.stdout) as Measured;
}

interface Row {
  name: string;
  rates: number[];
}

/** A contender's rates on every workload, each measured in a process of its own. */
function row(name: string, contender: number | 'peer'): { row: Row; setupMs: number } | undefined {
  const rates: number[] = [];
  let setupMs = 0;
  for (const [index, workload] of workloads.entries()) {
    const measured = measureInChild(index, contender);
    if (!measured) return undefined;
    rates.push(measured.rate);
    setupMs = Math.max(setupMs, measured.setupMs);
    process.stderr.write(`  ${name.trim()}: ${workload.name} done\n`);
  }
  return { row: { name, rates }, setupMs };
}

const rows: Row[] = [];
for (const [index, entry] of contenders.entries()) {
  const measured = row(entry.name, index);
  if (!measured) {
    console.error(`bench: measuring ${entry.name.trim()} failed`);
    process.exit(1);
  }
  rows.push(measured.row);
}
const [parsed, pieces, ruleSet, documentAlone] = rows as [Row, Row, Row, Row];
let harperRow: Row | undefined;
let harperSetup = 0;
if (!values['no-harper']) {
  const peer = row(PEER_NAME, 'peer');
  if (peer) {
    harperRow = peer.row;
    harperSetup = peer.setupMs;
    rows.splice(4, 0, harperRow);
  } else {
    console.error('bench: harper.js could not be measured; skipped');
  }
}

const format = (rate: number) => Math.round(rate).toLocaleString('en-US');
const pad = (text: string, width: number) => text.padStart(width);

console.log(
  `mtlint bench: Node ${process.version}; words per CPU-second on one core; median of ${RUNS} rounds ` +
    `(each run >= ${MIN_MS} ms of CPU time) after ${WARMUP_MS} ms of warm-up; each contender and workload in a process of its own`,
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

// The bars. Against bare parsing (seed and 100x): at most 5x slower, judged against the faster of
// the two ways to parse (the stricter test). Against harper.js: at least 15x faster on the seed, its
// paragraphs linted as separate documents, and the seed repeated 100 times. Consistency: the
// paragraphs and the 100x text at no less than 0.8x the seed's rate.
const [SEED, X100, PARAGRAPHS] = [0, 2, 3];
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
console.log('\nbars:');
for (const index of [SEED, X100]) {
  const name = workloads[index]!.name;
  const slowerPieces = pieces.rates[index]! / ruleSet.rates[index]!;
  const slowerWhole = parsed.rates[index]! / ruleSet.rates[index]!;
  const slower = Math.max(slowerPieces, slowerWhole);
  console.log(
    `  ${name}: default set is ${slowerWhole.toFixed(2)}x slower than whole-text parsing, ` +
      `${slowerPieces.toFixed(2)}x than bounded-piece parsing -> ${verdict(slower <= 5)} (<= 5x)`,
  );
}
for (const index of [SEED, PARAGRAPHS, X100]) {
  if (!harperRow) break;
  const name = workloads[index]!.name;
  const faster = ruleSet.rates[index]! / harperRow.rates[index]!;
  console.log(
    `  ${name}: default set is ${faster.toFixed(1)}x faster than harper.js -> ${verdict(faster >= 15)} (>= 15x)`,
  );
}
// Not a bar: the floor under the default set. With rules that cost nothing it would run at the
// document's own rate; the rules' share is the part of the default set's time they add to it.
for (const index of [SEED, PARAGRAPHS, X100]) {
  if (!harperRow) break;
  const name = workloads[index]!.name;
  const faster = documentAlone.rates[index]! / harperRow.rates[index]!;
  const rulesShare = 1 - ruleSet.rates[index]! / documentAlone.rates[index]!;
  console.log(
    `  ${name}: the document alone (every rule off) is ${faster.toFixed(1)}x faster than harper.js; ` +
      `the rules take ${(100 * rulesShare).toFixed(0)}% of the default set's time (not a bar)`,
  );
}
for (const index of [PARAGRAPHS, X100]) {
  const name = workloads[index]!.name;
  const share = ruleSet.rates[index]! / ruleSet.rates[SEED]!;
  console.log(
    `  ${name}: default set at ${share.toFixed(2)}x the seed's rate -> ${verdict(share >= 0.8)} (>= 0.8x)`,
  );
}
