/**
 * Measures the part-of-speech helper on our own text: speed (words per second on the seed article,
 * median of several runs after warm-up, parse alone and parse + tagging every sentence) and accuracy
 * against the hand-checked sample in test/fixtures/pos-sample.json.
 *
 *   npm run build && node dist/scripts/pos-measure.js [ARTICLE]
 *
 * ARTICLE defaults to samples/xinhua-bachelet-visit.txt, else MTLINT_SEED.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import { parseDocument, sentences, tagSentence, wordsOf } from '../src/core/index.js';

const root = process.cwd();
const candidates = [
  process.argv[2],
  process.env.MTLINT_SEED,
  join(root, 'samples', 'xinhua-bachelet-visit.txt'),
  join(root, '..', 'shared', 'samples', 'xinhua-bachelet-visit.txt'),
].filter((path): path is string => Boolean(path));
const article = candidates.find((path) => existsSync(path));
if (!article) {
  console.error('pos-measure: no article; pass a path');
  process.exit(2);
}
const text = readFileSync(article, 'utf8');
const processor = unified().use(retextEnglish).freeze();
const parse = (value: string): Root =>
  parseDocument(value, (piece) => processor.parse(piece) as Root);

function countWords(tree: Root): number {
  return sentences(tree).reduce((sum, sentence) => sum + wordsOf(sentence).length, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Words per second of each task, median of several rounds after warm-up. Rounds alternate between
 * the tasks and count CPU time, so that load from other processes on a shared machine falls on all
 * tasks alike and waiting for a core is not counted.
 */
function wordsPerSecond(tasks: Record<string, () => number>, rounds = 40, warmup = 10) {
  const times: Record<string, number[]> = {};
  let words = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, run] of Object.entries(tasks)) {
      const started = process.cpuUsage();
      words = run();
      const used = process.cpuUsage(started);
      if (round >= warmup) (times[name] ??= []).push((used.user + used.system) / 1e6);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, seconds]) => [name, words / median(seconds)]),
  );
}

const rates = wordsPerSecond({
  parse: () => countWords(parse(text)),
  tag: () => {
    const tree = parse(text);
    for (const sentence of sentences(tree)) tagSentence(sentence);
    return countWords(tree);
  },
});
const parseOnly = rates.parse!;
const parseAndTag = rates.tag!;
const tagOnly = 1 / (1 / parseAndTag - 1 / parseOnly);

interface Sample {
  sentences: { sentence: string; words: [string, string][] }[];
}
const sample = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'pos-sample.json'), 'utf8'),
) as Sample;
let total = 0;
let right = 0;
const confusions = new Map<string, number>();
for (const entry of sample.sentences) {
  const [sentence] = sentences(parse(entry.sentence));
  const tagged = sentence ? tagSentence(sentence) : [];
  entry.words.forEach(([word, gold], index) => {
    total++;
    const got = tagged[index];
    if (got && got.text === word && got.tag === gold) right++;
    else {
      const key = `${gold} -> ${got?.tag ?? 'none'}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  });
}

const fmt = (value: number) => Math.round(value).toLocaleString('en-US');
console.log(`article: ${countWords(parse(text))} words`);
console.log(`parse alone:          ${fmt(parseOnly)} words/s`);
console.log(`parse + POS tagging:  ${fmt(parseAndTag)} words/s`);
console.log(`POS tagging alone:    ${fmt(tagOnly)} words/s (derived)`);
console.log(
  `accuracy on the hand-checked sample: ${right}/${total} = ${((100 * right) / total).toFixed(1)}%`,
);
console.log('errors (gold -> tagger):');
for (const [key, count] of [...confusions].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${key}: ${count}`);
}
