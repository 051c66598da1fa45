/**
 * Sentence alignment of an English translation with its Chinese source, Gale–Church style: a
 * dynamic programme over "beads" (1-1, 1-2, 2-1, 1-3, 3-1, 1-0, 0-1) scored by how far the length
 * ratio strays from the one measured on real translations, plus anchors both sides share (figures,
 * Latin-script tokens, names in pinyin, quotes, question marks). Paragraphs are aligned first, then
 * the sentences inside each aligned group of paragraphs. The search stays within a band around the
 * diagonal, so the cost grows linearly with the length of the article.
 */

/** One unit to align: a sentence or a paragraph of one side. */
export interface AlignItem {
  /** Length in that side's measure (English: UTF-16 chars; Chinese: chineseLength). */
  length: number;
  anchors: ReadonlySet<string>;
}

export interface Bead {
  /** Indices of the English items in this bead (may be empty). */
  en: number[];
  /** Indices of the Chinese items in this bead (may be empty). */
  zh: number[];
  cost: number;
}

/**
 * English characters per Chinese character (log-mean and spread), measured on the WMT23 zh→en
 * development data by `npm run eval:source` (the figure it prints as "length ratio").
 */
export const LENGTH_MODEL = { logRatio: 1.5, sigma: 0.22 };

/** [english items, chinese items, prior cost (−log of how often the bead occurs)] */
export type BeadPriors = readonly (readonly [number, number, number])[];

/** Sentences: merges and splits are common, a sentence left out is rare. */
export const SENTENCE_BEADS: BeadPriors = [
  [1, 1, 0],
  [1, 2, 2.6],
  [2, 1, 2.6],
  [1, 3, 4.6],
  [3, 1, 4.6],
  [1, 0, 3.5],
  [0, 1, 3.5],
];

/**
 * Paragraphs: a translation keeps the source's paragraphs far more often than it merges them, so
 * a merge costs as much as a paragraph left out (measured: a dropped paragraph was otherwise merged
 * into its neighbour about one time in four).
 */
export const PARAGRAPH_BEADS: BeadPriors = [
  [1, 1, 0],
  [1, 2, 3],
  [2, 1, 3],
  [1, 3, 5],
  [3, 1, 5],
  [1, 0, 3],
  [0, 1, 3],
];

const MATCH_BONUS = 2;
const MISS_PENALTY = 0.6;

function union(items: readonly AlignItem[], from: number, to: number): Set<string> {
  const s = new Set<string>();
  for (let i = from; i < to; i++) for (const a of items[i]!.anchors) s.add(a);
  return s;
}

function lengthSum(prefix: Float64Array, from: number, to: number): number {
  return prefix[to]! - prefix[from]!;
}

/** Cost of pairing English items [i0, i1) with Chinese items [j0, j1), both non-empty. */
function pairCost(
  en: readonly AlignItem[],
  zh: readonly AlignItem[],
  enPrefix: Float64Array,
  zhPrefix: Float64Array,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
): number {
  const le = lengthSum(enPrefix, i0, i1);
  const lz = lengthSum(zhPrefix, j0, j1);
  const r = Math.log((le + 10) / (lz * Math.exp(LENGTH_MODEL.logRatio) + 10));
  let cost = (r * r) / (2 * LENGTH_MODEL.sigma * LENGTH_MODEL.sigma);
  const a = i1 - i0 === 1 ? en[i0]!.anchors : union(en, i0, i1);
  const b = j1 - j0 === 1 ? zh[j0]!.anchors : union(zh, j0, j1);
  if (a.size > 0 || b.size > 0) {
    let match = 0;
    let miss = 0;
    for (const x of b)
      if (a.has(x)) match++;
      else miss++;
    // Every capitalised English word is a candidate name: an English name the source lacks does
    // not count against a pair; figures, codes and lexicon words missing on either side do.
    for (const x of a) if (!b.has(x) && !x.startsWith('p:')) miss++;
    cost -= Math.min(3, match) * MATCH_BONUS;
    cost += Math.min(6, miss) * MISS_PENALTY;
  }
  return cost;
}

function prefixOf(items: readonly AlignItem[]): Float64Array {
  const p = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++) p[i + 1] = p[i]! + items[i]!.length;
  return p;
}

/** Widest band searched around the diagonal, so that very long inputs stay linear. */
const MAX_BAND = 400;

/**
 * Aligns two sequences. Returns the beads in order; every item of both sides is in exactly one
 * bead. Cost and memory are O((n + m) × band), band = min(MAX_BAND, |n − m| + 12).
 */
export function alignSequences(
  en: readonly AlignItem[],
  zh: readonly AlignItem[],
  BEADS: BeadPriors = SENTENCE_BEADS,
): Bead[] {
  const n = en.length;
  const m = zh.length;
  if (n === 0 || m === 0) {
    const beads: Bead[] = [];
    for (let i = 0; i < n; i++)
      beads.push({ en: [i], zh: [], cost: BEADS.find((b) => b[1] === 0)![2] });
    for (let j = 0; j < m; j++)
      beads.push({ en: [], zh: [j], cost: BEADS.find((b) => b[0] === 0)![2] });
    return beads;
  }
  const band = Math.min(MAX_BAND, Math.abs(n - m) + 12);
  const lo = (i: number): number => Math.max(0, Math.floor((i * m) / n) - band);
  const hi = (i: number): number => Math.min(m, Math.ceil((i * m) / n) + band);
  const enPrefix = prefixOf(en);
  const zhPrefix = prefixOf(zh);
  // Row i holds cells j in [lo(i), hi(i)].
  const cost: Float64Array[] = [];
  const back: Uint8Array[] = [];
  for (let i = 0; i <= n; i++) {
    const width = hi(i) - lo(i) + 1;
    cost.push(new Float64Array(width).fill(Infinity));
    back.push(new Uint8Array(width).fill(255));
  }
  cost[0]![0 - lo(0)] = 0;
  const get = (i: number, j: number): number => {
    if (i < 0 || j < 0) return Infinity;
    const l = lo(i);
    if (j < l || j > hi(i)) return Infinity;
    return cost[i]![j - l]!;
  };
  for (let i = 0; i <= n; i++) {
    const l = lo(i);
    for (let j = l; j <= hi(i); j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let which = 255;
      for (let b = 0; b < BEADS.length; b++) {
        const [di, dj, prior] = BEADS[b]!;
        if (di > i || dj > j) continue;
        const prev = get(i - di, j - dj);
        if (prev === Infinity) continue;
        const c =
          di > 0 && dj > 0
            ? prior + pairCost(en, zh, enPrefix, zhPrefix, i - di, i, j - dj, j)
            : prior;
        if (prev + c < best) {
          best = prev + c;
          which = b;
        }
      }
      cost[i]![j - l] = best;
      back[i]![j - l] = which;
    }
  }
  const beads: Bead[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const b = back[i]![j - lo(i)]!;
    if (b === 255) throw new Error(`alignment: no path at ${i},${j}`);
    const [di, dj] = BEADS[b]!;
    const total = get(i, j) - get(i - di, j - dj);
    beads.push({
      en: Array.from({ length: di }, (_, k) => i - di + k),
      zh: Array.from({ length: dj }, (_, k) => j - dj + k),
      cost: total,
    });
    i -= di;
    j -= dj;
  }
  return mergeCrossedSkips(beads.reverse());
}

/**
 * A sentence with no source right beside a source sentence with no English is, far more often, one
 * translation that came out much shorter or longer than usual: the pair is kept together, so the
 * checks see a short translation rather than an omission plus an addition.
 */
function mergeCrossedSkips(beads: Bead[]): Bead[] {
  const out: Bead[] = [];
  for (const b of beads) {
    const prev = out[out.length - 1];
    if (
      prev &&
      ((prev.en.length === 0 && b.zh.length === 0 && prev.zh.length > 0 && b.en.length > 0) ||
        (prev.zh.length === 0 && b.en.length === 0 && prev.en.length > 0 && b.zh.length > 0))
    ) {
      out[out.length - 1] = {
        en: [...prev.en, ...b.en],
        zh: [...prev.zh, ...b.zh],
        cost: prev.cost + b.cost,
      };
      continue;
    }
    out.push(b);
  }
  return out;
}
