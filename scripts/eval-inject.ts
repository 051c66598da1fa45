/**
 * Measures recall on machine-translation defects injected into real, clean MT output, and false
 * alarms on the same clean text left untouched.
 *
 *   npm run eval:inject -- [--data DIR] [--config FILE] [--seed N] [--severity error,warning]
 *                          [--files segments.jsonl] [--list KIND[,KIND...]]
 *
 * DIR holds ../shared-style MQM data: JSON lines with `target` and `clean` (every rater: no
 * error). Only the clean segments are used. Each variant is one clean text with one defect put in
 * by a seeded random choice, so a run is repeatable and another seed gives another sample:
 *
 * - truncated: a sentence cut right after a word that needs a continuation (a conjunction,
 *   subordinator, possessive, `than`, `very`), the rest of the sentence dropped;
 * - dangling: a sentence cut right after a preposition, an article or an infinitive `to`;
 * - merged: two sentences run together: the stop dropped (`…at all But LISA`), the space dropped
 *   (`…at all.But LISA`), or the stop dropped and the next word lower-cased (`…at all but LISA`);
 * - doubled: a word doubled (`the the`), a capitalised word doubled (`Health Health`), or a word
 *   coordinated with itself (`don't and don't`, `small-mass and small-mass`);
 * - lowerStart: a sentence starting in lower case after `.`, `?`, `!`, or as a numbered item.
 *
 * A variant is found when a finding (of the kept severities) overlaps the injected place and is
 * short enough to point at it (at most 40 characters): the cut word and its stop, the join of the
 * two sentences, the doubled words, the lower-case word. Findings that span a whole sentence are
 * counted apart ("overlapping"), as they do not show an editor what is wrong. False alarms are the
 * findings on the clean texts themselves, per 1000 words. `--list` prints the variants of the
 * kinds named that were missed, each with the findings that did overlap its place (too long, or of
 * a severity not counted), and the clean texts' alarms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMtLinter } from '../src/linter.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    config: { type: 'string' },
    seed: { type: 'string', default: '1' },
    /** Count only findings of these severities (comma-separated); default: error and warning. */
    severity: { type: 'string', default: 'error,warning' },
    files: { type: 'string', default: 'segments.jsonl' },
    /** Print the variants of these kinds (comma-separated) that were not found, and the clean texts' alarms. */
    list: { type: 'string' },
  },
});

const data = resolve(
  values.data ?? process.env.MTLINT_EVAL_DATA ?? join('..', 'shared', 'data', 'mqm-wmt23-zhen'),
);
const seed = Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`eval-inject: --seed must be an integer, not ${values.seed}`);
  process.exit(2);
}
const texts: string[] = [];
for (const file of values.files.split(',').filter(Boolean)) {
  const path = join(data, file);
  if (!existsSync(path)) {
    console.error(`eval-inject: no ${file} in ${data}; pass --data DIR and --files`);
    process.exit(2);
  }
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { target?: unknown; clean?: unknown };
    if (typeof record.target !== 'string' || typeof record.clean !== 'boolean') {
      console.error(
        `eval-inject: ${file}: every record needs a string "target" and a boolean "clean"`,
      );
      process.exit(2);
    }
    if (record.clean && record.target.trim()) texts.push(record.target);
  }
}
if (texts.length < 2) {
  console.error(`eval-inject: fewer than two clean segments in ${data}`);
  process.exit(2);
}

const config: unknown = values.config
  ? JSON.parse(readFileSync(values.config, 'utf8'))
  : { extends: 'recommended' };
const linter = createMtLinter(config);
const severities = new Set(values.severity.split(','));

/** mulberry32: a small seeded generator, so the same seed gives the same variants. */
function generator(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const pick = <T>(items: readonly T[]): T | undefined =>
  items.length ? items[Math.floor(random() * items.length)] : undefined;

interface Word {
  text: string;
  start: number;
  end: number;
}
interface Variant {
  kind: string;
  form: string;
  text: string;
  place: { start: number; end: number };
}

/** Words with their offsets; punctuation that trails a word is not part of it. */
function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const found: Word[] = [];
  for (const match of text
    .slice(from, to)
    .matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    found.push({
      text: match[0],
      start: from + match.index,
      end: from + match.index + match[0].length,
    });
  }
  return found;
}

/** Sentences: from a start to a `.`, `?` or `!` followed by a space and a capital, or the end. */
function sentencesOf(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/(?<=\p{Ll}{2}|\p{N})[.?!]["”’)]*(?=\s+["“]?\p{Lu})/gu)) {
    found.push({ start, end: match.index + match[0].length });
    start = match.index + match[0].length;
    while (/\s/.test(text[start] ?? '')) start++;
  }
  found.push({ start, end: text.trimEnd().length });
  return found;
}

const CUT_TRUNCATED = new Set(
  'and or but nor because although whereas whether than its their our my your very whose while if unless so'.split(
    ' ',
  ),
);
const CUT_DANGLING = new Set(
  'the a an of in on at for with from by into about between among during against through without to under over'.split(
    ' ',
  ),
);
/** Words that English may legitimately double (`had had`, `that that`). */
const DOUBLES = new Set(['had', 'that', 'is', 'do']);

/** Cut a sentence of `text` after a word of `cut`; the rest of the sentence is dropped. */
function cutAfter(text: string, cut: ReadonlySet<string>, kind: string): Variant | undefined {
  const candidates: { sentence: { start: number; end: number }; word: Word }[] = [];
  for (const sentence of sentencesOf(text)) {
    if (!/[.!]["”’)]*$/.test(text.slice(sentence.start, sentence.end))) continue;
    const words = wordsOf(text, sentence.start, sentence.end);
    for (let index = 2; index < words.length - 1; index++) {
      const word = words[index]!;
      // Mid-clause: only a space between the word and the next one.
      if (text.slice(word.end, words[index + 1]!.start) !== ' ') continue;
      if (cut.has(word.text.toLowerCase())) candidates.push({ sentence, word });
    }
  }
  const chosen = pick(candidates);
  if (!chosen) return undefined;
  const { sentence, word } = chosen;
  const after = text.slice(sentence.end);
  return {
    kind,
    form: word.text.toLowerCase() === 'to' ? 'to' : kind,
    text: `${text.slice(0, word.end)}.${after}`,
    place: { start: word.start, end: word.end + 1 },
  };
}

/** Two texts as one paragraph, for the kinds that need a sentence after another. */
function pair(text: string): [string, string] {
  return [text, pick(texts.filter((other) => other !== text)) ?? text];
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Whether the first word may be lower-cased without making a name or `I` lower case. */
function lowerable(text: string): boolean {
  const first = /^[\p{L}'’-]+/u.exec(text)?.[0] ?? '';
  return (
    /^\p{Lu}\p{Ll}+$/u.test(first) &&
    !texts.some((t) => new RegExp(`\\p{Ll} ${first}\\b`, 'u').test(t))
  );
}

function merged(text: string): Variant[] {
  const [first, second] = pair(text);
  if (!/\p{Ll}[.!?]$/u.test(first.trimEnd()) || !/^\p{Lu}/u.test(second)) return [];
  const head = first.trimEnd().slice(0, -1);
  const lastWord = wordsOf(head).at(-1)!;
  const secondWord = wordsOf(second)[0]!;
  const variants: Variant[] = [];
  const join = (form: string, glue: string, rest: string): void => {
    const text = head + glue + rest;
    variants.push({
      kind: 'merged',
      form,
      text,
      place: { start: lastWord.start, end: head.length + glue.length + secondWord.end },
    });
  };
  join('stop dropped', ' ', second);
  join('space dropped', first.trimEnd().slice(-1), second);
  if (lowerable(second)) join('stop dropped, lower case', ' ', lowerFirst(second));
  return variants;
}

function doubled(text: string): Variant[] {
  const words = wordsOf(text);
  const variants: Variant[] = [];
  const double = (form: string, word: Word | undefined, glue: string): void => {
    if (!word) return;
    variants.push({
      kind: 'doubled',
      form,
      text: `${text.slice(0, word.end)}${glue}${word.text}${text.slice(word.end)}`,
      place: { start: word.start, end: word.end + glue.length + word.text.length },
    });
  };
  const lower = words.filter(
    (word, index) =>
      index > 0 && /^\p{Ll}+$/u.test(word.text) && !DOUBLES.has(word.text.toLowerCase()),
  );
  double('word', pick(lower), ' ');
  double('capitalised', pick(words.filter((word) => /^\p{Lu}\p{Ll}+$/u.test(word.text))), ' ');
  const coordinated = words.filter(
    (word) => /^\p{Ll}[\p{L}'’-]{2,}$/u.test(word.text) && !/^(?:and|or)$/.test(word.text),
  );
  const marked = coordinated.filter((word) => /['’-]/.test(word.text));
  double('X and X', pick(marked.length && random() < 0.5 ? marked : coordinated), ' and ');
  return variants;
}

function lowerStart(text: string): Variant[] {
  const variants: Variant[] = [];
  const second = pick(texts.filter((other) => other !== text && lowerable(other)));
  if (!second) return variants;
  const word = wordsOf(second)[0]!;
  const head = text.trimEnd().replace(/[.!?]["”’]*$/u, '');
  for (const mark of ['.', '?', '!']) {
    const start = head.length + 2;
    variants.push({
      kind: 'lowerStart',
      form: `after ${mark}`,
      text: `${head}${mark} ${lowerFirst(second)}`,
      place: { start, end: start + word.end },
    });
  }
  const item = `${text.trimEnd()}\n2. `;
  variants.push({
    kind: 'lowerStart',
    form: 'numbered item',
    text: `${item}${lowerFirst(second)}`,
    place: { start: item.length, end: item.length + word.end },
  });
  return variants;
}

const variants: Variant[] = [];
for (const text of texts) {
  const truncated = cutAfter(text, CUT_TRUNCATED, 'truncated');
  if (truncated) variants.push(truncated);
  const dangling = cutAfter(text, CUT_DANGLING, 'dangling');
  if (dangling) variants.push(dangling);
  variants.push(...merged(text), ...doubled(text), ...lowerStart(text));
}

/** The longest finding that still points at a place rather than at a sentence. */
const POINTING = 40;

interface Tally {
  variants: number;
  found: number;
  overlapping: number;
}
const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let entry = tallies.get(key);
  if (!entry) tallies.set(key, (entry = { variants: 0, found: 0, overlapping: 0 }));
  return entry;
};
const missed: { variant: Variant; near: string[] }[] = [];
for (const variant of variants) {
  const all = linter.lint(variant.text).diagnostics;
  const findings = all.filter((finding) => severities.has(finding.severity));
  const { start, end } = variant.place;
  const overlaps = (finding: { offset: number; length: number }): boolean =>
    finding.offset < end && finding.offset + Math.max(1, finding.length) > start;
  const overlapping = findings.filter(overlaps);
  const found = overlapping.some((finding) => finding.length <= POINTING);
  for (const key of [variant.kind, `${variant.kind}: ${variant.form}`, 'all']) {
    const entry = tally(key);
    entry.variants++;
    if (found) entry.found++;
    if (overlapping.length) entry.overlapping++;
  }
  if (!found && values.list?.split(',').includes(variant.kind)) {
    // What the rules did say there: too long, of another severity, or nothing at all.
    const near = all
      .filter(overlaps)
      .map(
        (finding) => `${finding.ruleId} ${finding.severity} ${finding.length}: ${finding.message}`,
      );
    missed.push({ variant, near });
  }
}

let words = 0;
let flaggedTexts = 0;
const alarms = new Map<string, number>();
const alarmTexts: string[] = [];
for (const text of texts) {
  const { diagnostics, summary } = linter.lint(text);
  words += summary.words;
  const kept = diagnostics.filter((finding) => severities.has(finding.severity));
  if (kept.length) flaggedTexts++;
  for (const finding of kept) {
    alarms.set(finding.ruleId, (alarms.get(finding.ruleId) ?? 0) + 1);
    alarmTexts.push(`${finding.ruleId}: ${finding.excerpt}  <<  ${text}`);
  }
}

const percent = (part: number, whole: number): string =>
  whole ? `${((100 * part) / whole).toFixed(1)}%` : '–';
console.log(
  `# Injected defects: ${data.split('/').at(-1)}, seed ${seed}, severities ${values.severity}\n`,
);
console.log('| kind | variants | found (pointing) | overlapping at all |');
console.log('| --- | ---: | ---: | ---: |');
for (const [key, entry] of [...tallies].sort(([a], [b]) =>
  a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
)) {
  console.log(
    `| ${key} | ${entry.variants} | ${entry.found} = ${percent(entry.found, entry.variants)} | ${percent(entry.overlapping, entry.variants)} |`,
  );
}
const total = [...alarms.values()].reduce((sum, count) => sum + count, 0);
console.log(
  `\nClean texts: ${texts.length}, ${words} words; ${total} findings on ${flaggedTexts} texts = ${((1000 * total) / words).toFixed(2)} per 1000 words`,
);
for (const [rule, count] of [...alarms].sort((a, b) => b[1] - a[1])) {
  console.log(`- ${rule}: ${count}`);
}
if (values.list) {
  for (const { variant, near } of missed) {
    console.log(
      `\nMISSED ${variant.form}: …${variant.text.slice(Math.max(0, variant.place.start - 60), variant.place.end + 30)}…`,
    );
    for (const line of near) console.log(`  overlapping: ${line}`);
  }
  for (const line of alarmTexts) console.log(`\nALARM ${line}`);
}
