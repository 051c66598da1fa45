/**
 * Measures the source checks on real MT output annotated by professional translators (WMT23
 * zh→en MQM, development split). Each system's translation of each article is rebuilt as a
 * document (segments joined by line breaks, the Chinese likewise), and:
 *
 *  1. alignment: segment i of the source is the source of segment i of the English; the share of
 *     English sentences the aligner pairs with Chinese from the right segment, with segments as
 *     paragraphs and with three segments merged into one paragraph on both sides; and how often
 *     a document given another article's source is recognised as a mismatch (and a true one is not);
 *  2. injected defects on the real MT: a changed digit in a figure the source has, million ↔
 *     billion, he ↔ she against 他/她, a dropped paragraph: recall per kind;
 *  3. untouched real MT: false alarms per 1000 English words that no rater's mark explains;
 *     pronoun-agreement, given the source, is linted on the same documents and counted with them;
 *  4. real annotations: share of accuracy errors containing a figure that number-mismatch finds,
 *     share of gender errors gender-mismatch finds (and with pronoun-agreement given the source),
 *     share of findings on a marked error;
 *  4b. injected: he ↔ she in a sentence whose source has no 他/她 (where gender-mismatch cannot
 *     see it): found by pronoun-agreement without the source and with it;
 *  5. speed: the bilingual pipeline against the English-only lint of the same documents, and at
 *     1x, 4x, 16x length.
 *
 *   npm run eval:source -- [--data DIR] [--json FILE]
 *
 * DIR holds segments.jsonl (default: MTLINT_EVAL_DATA, else ../shared/data/mqm-wmt23-zhen).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildBilingual,
  checkSource,
  chineseLength,
  jiebaLoadMs,
  loadJieba,
  parseChinese,
  splitEnglish,
  tagChinese,
  type SourceFinding,
} from '../src/core/source/index.js';
import { createMtLinter, createRuleLinter } from '../src/linter.js';

/** pronoun-agreement alone, on the engine: given the source, it takes the source's 他/她 as evidence. */
const pronounLinter = createRuleLinter('pronoun-agreement');
function pronounFindings(text: string, source?: string): SourceFinding[] {
  const options = source === undefined ? {} : { source };
  return pronounLinter.lint(text, options).diagnostics.map((d) => ({
    ruleId: d.ruleId,
    messageId: d.messageId,
    severity: d.severity,
    category: d.category as SourceFinding['category'],
    message: d.message,
    offset: d.offset,
    length: d.length,
    sourceOffset: d.sourceOffset ?? -1,
    sourceLength: d.sourceLength ?? 0,
    data: {},
    suggestions: d.suggestions,
  }));
}

const { values } = parseArgs({
  options: { data: { type: 'string' }, json: { type: 'string' } },
});
const data = resolve(
  values.data ?? process.env.MTLINT_EVAL_DATA ?? join('..', 'shared', 'data', 'mqm-wmt23-zhen'),
);
if (!existsSync(join(data, 'segments.jsonl'))) {
  console.error(
    `eval:source: no segments.jsonl in ${data}; pass --data DIR or set MTLINT_EVAL_DATA`,
  );
  process.exit(2);
}

interface GoldError {
  category: string;
  severity: string;
  start: number | null;
  end: number | null;
  span: string | null;
}
interface Segment {
  id: string;
  system: string;
  doc: string;
  doc_seg: number;
  source: string;
  target: string;
  errors: GoldError[];
}
interface Doc {
  id: string;
  source: string;
  target: string;
  /** Per segment: English and Chinese spans in the joined texts. */
  segs: { en: [number, number]; zh: [number, number]; errors: GoldError[] }[];
}

const segments = readFileSync(join(data, 'segments.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Segment);

function buildDocs(mergeEvery: number): Doc[] {
  const byDoc = new Map<string, Segment[]>();
  for (const s of segments) {
    const key = `${s.system}/${s.doc}`;
    const list = byDoc.get(key) ?? [];
    list.push(s);
    byDoc.set(key, list);
  }
  const docs: Doc[] = [];
  for (const [id, list] of byDoc) {
    list.sort((a, b) => a.doc_seg - b.doc_seg);
    let source = '';
    let target = '';
    const segs: Doc['segs'] = [];
    list.forEach((s, i) => {
      if (i > 0) {
        const newParagraph = i % mergeEvery === 0;
        source += newParagraph ? '\n' : '';
        target += newParagraph ? '\n' : ' ';
      }
      segs.push({
        en: [target.length, target.length + s.target.length],
        zh: [source.length, source.length + s.source.length],
        errors: s.errors,
      });
      source += s.source;
      target += s.target;
    });
    docs.push({ id, source, target, segs });
  }
  return docs;
}

const docs = buildDocs(1);
const words = (s: string): number => s.split(/\s+/).filter((w) => w !== '').length;
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const results: Record<string, unknown> = {};

// ---- 0. jieba and the length model -------------------------------------------------------
{
  const t0 = performance.now();
  loadJieba();
  const loadMs = performance.now() - t0;
  const text = docs.map((d) => d.source).join('\n');
  const t1 = performance.now();
  let n = 0;
  for (let r = 0; r < 3; r++) n += tagChinese(text).length;
  const ms = (performance.now() - t1) / 3;
  const logs = segments
    .filter((s) => chineseLength(s.source) >= 5)
    .map((s) => Math.log(s.target.length / chineseLength(s.source)));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
  const sorted = [...logs].sort((a, b) => a - b);
  console.log(
    `jieba: dictionary load ${loadMs.toFixed(0)} ms (reported ${jiebaLoadMs().toFixed(0)} ms); ` +
      `segmentation+POS ${(((text.length / ms) * 1000) / 1e6).toFixed(2)} M chars/s (${n / 3} tokens, ${text.length} chars)`,
  );
  console.log(
    `length ratio (English chars per Chinese char, by segment): log mean ${mean.toFixed(3)} ` +
      `(×${Math.exp(mean).toFixed(2)}), sd ${sd.toFixed(3)}, 1st percentile ${sorted[Math.floor(sorted.length * 0.01)]!.toFixed(2)}`,
  );
  results.jieba = { loadMs, charsPerSecond: (text.length / ms) * 1000 };
  results.lengthModel = { logMean: mean, sd };
}

// ---- 1. alignment ---------------------------------------------------------------------------
function alignmentAccuracy(list: Doc[]): { right: number; total: number; docsOk: number } {
  let right = 0;
  let total = 0;
  let docsOk = 0;
  for (const d of list) {
    const bi = buildBilingual({ text: d.target, source: d.source });
    if (bi.status === 'ok') docsOk++;
    const segOfEn = (pos: number): number =>
      d.segs.findIndex((s) => pos >= s.en[0] && pos < s.en[1]);
    const segOfZh = (pos: number): number =>
      d.segs.findIndex((s) => pos >= s.zh[0] && pos < s.zh[1]);
    for (const p of bi.pairs) {
      for (const i of p.en) {
        total++;
        const want = segOfEn(bi.en.sentences[i]!.start);
        if (p.zh.length > 0 && p.zh.every((j) => segOfZh(bi.zh.sentences[j]!.start) === want))
          right++;
      }
    }
  }
  return { right, total, docsOk };
}
{
  const a1 = alignmentAccuracy(docs);
  const merged = buildDocs(3);
  const a3 = alignmentAccuracy(merged);
  console.log(
    `alignment: English sentences paired with the right source segment: ${pct(a1.right, a1.total)} of ${a1.total} ` +
      `(segments as paragraphs); ${pct(a3.right, a3.total)} (three segments per paragraph)`,
  );
  // Another article's source: the next article in the list, same system.
  let flagged = 0;
  for (let i = 0; i < docs.length; i++) {
    const other =
      docs.find(
        (d, j) =>
          j !== i &&
          d.id.split('/')[0] === docs[i]!.id.split('/')[0] &&
          d.id !== docs[i]!.id &&
          j > i,
      ) ??
      docs.find((d) => d.id.split('/')[0] === docs[i]!.id.split('/')[0] && d.id !== docs[i]!.id)!;
    const bi = buildBilingual({ text: docs[i]!.target, source: other.source });
    if (bi.status !== 'ok') flagged++;
    if (process.env.EVAL_SOURCE_EXAMPLES) {
      const good = buildBilingual({ text: docs[i]!.target, source: docs[i]!.source });
      console.log(
        `  evidence right ${JSON.stringify(good.evidence)} other ${JSON.stringify(bi.evidence)}`,
      );
    }
  }
  console.log(
    `mismatch: another article's source recognised in ${pct(flagged, docs.length)} of ${docs.length}; ` +
      `the right source taken for a mismatch in ${pct(docs.length - a1.docsOk, docs.length)}`,
  );
  results.alignment = { segments: a1, merged3: a3, otherArticleRecognised: flagged / docs.length };
}

// ---- 2. injected defects --------------------------------------------------------------------
interface Injection {
  text: string;
  source: string;
  /** The English span the finding must overlap (or, for a dropped paragraph, the Chinese span). */
  span: [number, number];
  side: 'en' | 'zh';
  rule: string;
}
const overlaps = (f: SourceFinding, inj: Injection): boolean => {
  if (inj.side === 'zh') {
    const a = f.sourceOffset;
    const b = f.sourceOffset + Math.max(1, f.sourceLength);
    return a < inj.span[1] && b > inj.span[0];
  }
  return f.offset < inj.span[1] && f.offset + Math.max(1, f.length) > inj.span[0];
};

function inject(kind: string): Injection[] {
  const out: Injection[] = [];
  for (const d of docs) {
    const bi = buildBilingual({ text: d.target, source: d.source });
    if (bi.status !== 'ok') continue;
    if (kind === 'digit' || kind === 'scale') {
      // One injection per document: the first English figure that matches a source figure.
      for (const p of bi.pairs) {
        const zhVals = p.zh.flatMap((j) => bi.zhNumbers[j]!).filter((n) => n.hard);
        const en = p.en
          .flatMap((i) => bi.enNumbers[i]!)
          .filter((n) => n.hard && n.kind !== 'month');
        const hit = en.find((e) =>
          zhVals.some((z) => Math.abs(z.value - e.value) < 1e-6 * Math.max(1, e.value)),
        );
        if (!hit) continue;
        const t = d.target.slice(hit.start, hit.end);
        if (kind === 'digit') {
          const pos = [...t].findIndex((c) => /\d/.test(c));
          const digit = Number(t[pos]);
          const changed =
            t.slice(0, pos) +
            String((digit + 1) % 10 === 0 && pos === 0 ? 2 : (digit + 1) % 10) +
            t.slice(pos + 1);
          out.push({
            text: d.target.slice(0, hit.start) + changed + d.target.slice(hit.end),
            source: d.source,
            span: [hit.start, hit.start + changed.length],
            side: 'en',
            rule: 'number-mismatch',
          });
          break;
        }
        const m = /million|billion/.exec(t);
        if (!m) continue;
        const swapped = t.replace(m[0], m[0] === 'million' ? 'billion' : 'million');
        out.push({
          text: d.target.slice(0, hit.start) + swapped + d.target.slice(hit.end),
          source: d.source,
          span: [hit.start, hit.start + swapped.length],
          side: 'en',
          rule: 'number-mismatch',
        });
        break;
      }
    } else if (kind === 'gender') {
      for (const p of bi.pairs) {
        if (!p.enRange || !p.zhRange) continue;
        const zh = d.source.slice(p.zhRange.start, p.zhRange.end);
        const male = /(?<![其吉利])他(?![人国乡])/u.test(zh);
        const female = zh.includes('她');
        if (male === female) continue;
        const en = d.target.slice(p.enRange.start, p.enRange.end);
        const m = (male ? /\b(he|him|his)\b/i : /\b(she|her)\b/i).exec(en);
        if (!m) continue;
        const swap: Record<string, string> = {
          he: 'she',
          him: 'her',
          his: 'her',
          she: 'he',
          her: 'his',
        };
        let w = swap[m[0].toLowerCase()]!;
        if (m[0][0] !== m[0][0]!.toLowerCase()) w = w[0]!.toUpperCase() + w.slice(1);
        const at = p.enRange.start + m.index;
        out.push({
          text: d.target.slice(0, at) + w + d.target.slice(at + m[0].length),
          source: d.source,
          span: [at, at + w.length],
          side: 'en',
          rule: 'gender-mismatch',
        });
        break;
      }
    } else if (kind === 'drop') {
      // Drop the English of a middle paragraph (a segment of at least 15 Han characters).
      const k = Math.floor(d.segs.length / 2);
      const s = d.segs[k]!;
      if (chineseLength(d.source.slice(s.zh[0], s.zh[1])) < 15) continue;
      const text = d.target.slice(0, s.en[0]) + d.target.slice(s.en[1] + 1);
      out.push({ text, source: d.source, span: [s.zh[0], s.zh[1]], side: 'zh', rule: 'omission' });
    }
  }
  return out;
}
{
  const recall: Record<string, string> = {};
  for (const kind of ['digit', 'scale', 'gender', 'drop']) {
    const list = inject(kind);
    let found = 0;
    for (const inj of list) {
      const r = checkSource({ text: inj.text, source: inj.source });
      if (r.findings.some((f) => f.ruleId === inj.rule && overlaps(f, inj))) found++;
    }
    recall[kind] = `${pct(found, list.length)} of ${list.length}`;
    console.log(`injected ${kind}: found ${found} of ${list.length} (${pct(found, list.length)})`);
  }
  results.injected = recall;
}

// ---- 3 and 4. untouched real MT ------------------------------------------------------------
{
  const NUMBER_WORD =
    /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent|first|second|third)\b/i;
  const fitting = (c: string): boolean => /^(?:Accuracy|Terminology|Locale)/.test(c);
  let wordsTotal = 0;
  const unexplained: Record<string, number> = {};
  const total: Record<string, number> = {};
  const byMessage: Record<string, { n: number; any: number; strict: number }> = {};
  let onMarked = 0;
  let onStrict = 0;
  let findingsTotal = 0;
  let numErrors = 0;
  let numFound = 0;
  let digitErrors = 0;
  let digitFound = 0;
  let genderErrors = 0;
  let genderFound = 0;
  let genderWithPronouns = 0;
  let pronounWithout = 0;
  const examples: string[] = [];
  const missedNumbers: string[] = [];
  const missedGender: string[] = [];
  for (const d of docs) {
    wordsTotal += words(d.target);
    const checked = checkSource({ text: d.target, source: d.source });
    const r = { findings: [...checked.findings, ...pronounFindings(d.target, d.source)] };
    pronounWithout += pronounFindings(d.target).length;
    const spans: { start: number; end: number; category: string; seg: number }[] = [];
    d.segs.forEach((s, k) => {
      for (const e of s.errors) {
        if (e.start === null || e.end === null) continue;
        spans.push({
          start: s.en[0] + e.start,
          end: s.en[0] + Math.max(e.end, e.start + 1),
          category: e.category,
          seg: k,
        });
      }
    });
    const segAt = (pos: number): number =>
      d.segs.findIndex((s) => pos >= s.en[0] && pos <= s.en[1]);
    for (const f of r.findings) {
      findingsTotal++;
      total[f.ruleId] = (total[f.ruleId] ?? 0) + 1;
      const a = f.offset;
      const b = f.offset + Math.max(1, f.length);
      let marked = spans.some((s) => s.start < b && s.end > a);
      // A missing source sentence is explained by an accuracy mark on its segment (omissions are
      // marked on the source side and carry no English span).
      if (!marked && f.ruleId === 'omission') {
        const seg = d.segs.findIndex((s) => f.sourceOffset >= s.zh[0] && f.sourceOffset < s.zh[1]);
        const k = seg >= 0 ? seg : segAt(f.offset);
        marked = k >= 0 && d.segs[k]!.errors.some((e) => e.category.startsWith('Accuracy'));
      }
      // Strictly: a mark of an accuracy, terminology or locale category under a short span; for a
      // finding over a whole sentence, or at a place, such a mark anywhere in that segment.
      const k0 = segAt(f.offset);
      const strict =
        (f.ruleId === 'omission' && marked) ||
        (f.length > 0 && f.length <= 30
          ? spans.some((s) => s.start < b && s.end > a && fitting(s.category))
          : k0 >= 0 && d.segs[k0]!.errors.some((e) => fitting(e.category)));
      const row = (byMessage[`${f.ruleId}/${f.messageId}`] ??= { n: 0, any: 0, strict: 0 });
      row.n++;
      if (marked) row.any++;
      if (strict) {
        row.strict++;
        onStrict++;
      }
      if (marked) onMarked++;
      else {
        unexplained[f.ruleId] = (unexplained[f.ruleId] ?? 0) + 1;
        if (examples.length < 60)
          examples.push(
            `${f.ruleId}/${f.messageId}: ${f.message} | ${d.target.slice(f.offset, f.offset + Math.max(f.length, 40)).slice(0, 120)}`,
          );
      }
    }
    for (const s of spans) {
      const span = d.target.slice(s.start, s.end);
      const hit = (rule: string): boolean =>
        r.findings.some(
          (f) =>
            f.ruleId === rule && f.offset < s.end && f.offset + Math.max(1, f.length) > s.start,
        );
      if (s.category.startsWith('Accuracy') && NUMBER_WORD.test(span)) {
        numErrors++;
        if (hit('number-mismatch')) numFound++;
        else if (missedNumbers.length < 400)
          missedNumbers.push(`${span} | ${d.target.slice(Math.max(0, s.start - 60), s.end + 60)}`);
      }
      if (s.category.startsWith('Accuracy') && /\d/.test(span)) {
        digitErrors++;
        if (hit('number-mismatch')) digitFound++;
      }
      if (s.category === 'Accuracy/Gender Mismatch') {
        genderErrors++;
        if (hit('gender-mismatch')) genderFound++;
        if (hit('gender-mismatch') || hit('pronoun-agreement')) genderWithPronouns++;
        else
          missedGender.push(`${span} | ${d.target.slice(Math.max(0, s.start - 80), s.end + 60)}`);
      }
    }
  }
  const fa = Object.values(unexplained).reduce((a, b) => a + b, 0);
  console.log(
    `pronoun-agreement on the untouched MT: ${pronounWithout} findings without the source, ` +
      `${total['pronoun-agreement'] ?? 0} given the source`,
  );
  console.log(
    `untouched real MT: ${docs.length} documents, ${wordsTotal} words, ${findingsTotal} findings`,
  );
  for (const id of Object.keys(total).sort())
    console.log(
      `  ${id}: ${total[id]} findings, ${unexplained[id] ?? 0} unexplained = ${((1000 * (unexplained[id] ?? 0)) / wordsTotal).toFixed(2)} per 1000 words`,
    );
  console.log(
    `false alarms (unexplained) per 1000 words: ${((1000 * fa) / wordsTotal).toFixed(2)}`,
  );
  console.log(
    `findings on a marked error: ${pct(onMarked, findingsTotal)} (${onMarked}/${findingsTotal}); ` +
      `on an accuracy, terminology or locale mark (strict): ${pct(onStrict, findingsTotal)}`,
  );
  for (const key of Object.keys(byMessage).sort()) {
    const row = byMessage[key]!;
    console.log(
      `  ${key}: ${row.n} findings, on a mark ${pct(row.any, row.n)}, strict ${pct(row.strict, row.n)}`,
    );
  }
  console.log(
    `accuracy errors containing a figure (digits or number words) found by number-mismatch: ` +
      `${pct(numFound, numErrors)} (${numFound}/${numErrors}); containing digits: ` +
      `${pct(digitFound, digitErrors)} (${digitFound}/${digitErrors})`,
  );
  console.log(
    `gender errors found by gender-mismatch: ${pct(genderFound, genderErrors)} (${genderFound}/${genderErrors}); ` +
      `by gender-mismatch or pronoun-agreement (given the source): ${pct(genderWithPronouns, genderErrors)} (${genderWithPronouns}/${genderErrors})`,
  );
  if (process.env.EVAL_SOURCE_EXAMPLES) for (const e of examples) console.log(`  ? ${e}`);
  if (process.env.EVAL_SOURCE_MISSES) {
    for (const e of missedNumbers) console.log(`  missed: ${e}`);
    for (const e of missedGender) console.log(`  missed gender: ${e}`);
  }
  results.real = {
    wordsTotal,
    findingsTotal,
    unexplained,
    byMessage,
    falseAlarmsPer1000: (1000 * fa) / wordsTotal,
    onMarked: onMarked / findingsTotal,
    onStrict: onStrict / findingsTotal,
    numbers: [numFound, numErrors],
    digits: [digitFound, digitErrors],
    gender: [genderFound, genderErrors],
    genderWithPronouns: [genderWithPronouns, genderErrors],
  };
}

// ---- 4b. injected gender errors the source check cannot see --------------------------------
{
  // Every English he/him/his/she/her in a sentence whose aligned source says neither 他 nor 她
  // (Chinese leaves the pronoun out), turned to the other gender, one variant per pronoun.
  const SWAP: Record<string, string> = { he: 'she', him: 'her', his: 'her', she: 'he', her: 'his' };
  let variants = 0;
  const found = { without: 0, with: 0, withError: 0 };
  let elsewhere = 0;
  for (const d of docs) {
    const bi = buildBilingual({ text: d.target, source: d.source });
    if (bi.status !== 'ok') continue;
    const untouched = pronounFindings(d.target, d.source).map((f) => f.offset);
    for (const p of bi.pairs) {
      if (!p.enRange || !p.zhRange) continue;
      const zh = d.source.slice(p.zhRange.start, p.zhRange.end);
      if (/(?<![其吉利])他(?![人国乡])|她/u.test(zh)) continue;
      const en = d.target.slice(p.enRange.start, p.enRange.end);
      for (const m of en.matchAll(/\b(?:he|him|his|she|her)\b/giu)) {
        let w = SWAP[m[0].toLowerCase()]!;
        if (m[0][0] !== m[0][0]!.toLowerCase()) w = w[0]!.toUpperCase() + w.slice(1);
        const at = p.enRange.start + m.index;
        const text = d.target.slice(0, at) + w + d.target.slice(at + m[0].length);
        const on = (f: SourceFinding): boolean => f.offset === at;
        variants++;
        if (pronounFindings(text).some(on)) found.without++;
        const given = pronounFindings(text, d.source);
        if (given.some(on)) found.with++;
        if (given.some((f) => on(f) && f.severity === 'error')) found.withError++;
        // A finding the untouched text does not have (offsets after the swap move by its change).
        const shift = w.length - m[0].length;
        const before = new Set(untouched.map((o) => (o > at ? o + shift : o)));
        if (given.some((f) => !on(f) && !before.has(f.offset))) elsewhere++;
      }
    }
  }
  console.log(
    `injected he ↔ she where the source has no 他/她 (${variants} variants): pronoun-agreement ` +
      `without the source ${found.without} (${pct(found.without, variants)}), with it ${found.with} ` +
      `(${pct(found.with, variants)}; ${found.withError} as error); variants with a new finding elsewhere: ${elsewhere}`,
  );
  results.pronounInjected = { variants, ...found, elsewhere };
}

// ---- 5. speed --------------------------------------------------------------------------------
{
  const linter = createMtLinter({ extends: 'all' });
  const sample = docs.slice(0, 40);
  const time = (f: () => void, reps: number): number => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) f();
    return (performance.now() - t0) / reps;
  };
  for (const d of sample) {
    linter.lint(d.target);
    checkSource({ text: d.target, source: d.source });
  }
  const english = time(() => sample.forEach((d) => linter.lint(d.target)), 3);
  const bilingual = time(
    () => sample.forEach((d) => checkSource({ text: d.target, source: d.source })),
    3,
  );
  console.log(
    `speed (${sample.length} documents, after warm-up, shared machine): English-only lint ${english.toFixed(0)} ms, ` +
      `bilingual pipeline ${bilingual.toFixed(0)} ms (${(bilingual / english).toFixed(2)}x)`,
  );
  const base = docs[0]!;
  const rows: string[] = [];
  for (const times of [1, 4, 16, 64]) {
    const text = Array.from({ length: times }, () => base.target).join('\n');
    const source = Array.from({ length: times }, () => base.source).join('\n');
    checkSource({ text, source });
    const ms = time(() => checkSource({ text, source }), 3);
    rows.push(`${times}x: ${ms.toFixed(1)} ms (${(ms / times).toFixed(2)} ms per copy)`);
  }
  console.log(`scaling (one article repeated): ${rows.join('; ')}`);
  void parseChinese;
  void splitEnglish;
  results.speed = { english, bilingual, scaling: rows };
}
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
