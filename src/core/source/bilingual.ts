/**
 * The bilingual document: the English (paragraphs of sentences), the Chinese source (paragraphs,
 * sentences, jieba tokens, numbers) and the alignment between them, built once and read by every
 * source check.
 */
import {
  alignSequences,
  LENGTH_MODEL,
  PARAGRAPH_BEADS,
  type AlignItem,
  type Bead,
} from './align.js';
import { splitEnglish } from './en-text.js';
import { pinyinSyllables, tagChinese, type ZhToken } from './jieba.js';
import { LEXICON } from './lexicon.js';
import type { NumberMention } from './numbers.js';
import { englishNumbers } from './numbers-en.js';
import { chineseNumbers } from './numbers-zh.js';
import type { EnglishParagraphInput, Range, Segment, Term } from './types.js';
import { chineseLength, hanShare, parseChinese, type ChineseText } from './zh-text.js';

export interface BilingualInput {
  /** The English text as submitted. */
  text: string;
  /** Its paragraphs of sentences (offsets into `text`); split plainly when not given. */
  paragraphs?: EnglishParagraphInput[];
  /** The Chinese source article. */
  source: string;
  /** Terminology for the `terminology` check. */
  terms?: Term[];
}

/** A group of English sentences paired with a group of Chinese sentences (either may be empty). */
export interface AlignedPair {
  /** Indices into `Bilingual.en.sentences`. */
  en: number[];
  /** Indices into `Bilingual.zh.sentences`. */
  zh: number[];
  /** Span of the English group (null when it has no English). */
  enRange: Range | null;
  /** Span of the Chinese group (null when it has no Chinese). */
  zhRange: Range | null;
  /** The whole paragraph group around this pair has no counterpart on the other side. */
  paragraphUnmatched: boolean;
  /** Alignment cost of this pair (lower is surer). */
  cost: number;
}

export type SourceStatus = 'ok' | 'empty' | 'not-chinese' | 'mismatch';

export interface EnglishSide {
  text: string;
  paragraphs: Segment[];
  sentences: Segment[];
}

export interface Bilingual {
  en: EnglishSide;
  zh: ChineseText;
  /** jieba tokens per Chinese sentence. */
  zhTokens: ZhToken[][];
  zhNumbers: NumberMention[][];
  enNumbers: NumberMention[][];
  /** Sentence-level alignment, in reading order. */
  pairs: AlignedPair[];
  /** For each English sentence, the index of its pair. */
  pairOfEn: number[];
  /** For each Chinese sentence, the index of its pair. */
  pairOfZh: number[];
  /**
   * Whether the source is this text's source: 'empty' (no source text), 'not-chinese', 'mismatch'
   * (another article, or too little in common), else 'ok'. Checks only run on 'ok'.
   */
  status: SourceStatus;
  /** 0..1: how sure the alignment is that the two texts are translations of each other. */
  confidence: number;
  /** What the confidence was computed from (for reports and tuning). */
  evidence: { lengthZ: number; skipShare: number; anchorAgreement: number; meanCost: number };
  terms: Term[];
}

const CAPITALISED_RUN = /[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*/g;
const LATIN_TOKEN = /[A-Z0-9][\w.&@/:+-]*[A-Z0-9]|[A-Z]/gi;
const URL_OR_MAIL = /https?:\/\/[^\s\u3001-\u303f\uff00-\uffef"'<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Key of a figure for anchoring: two significant digits, so rounding still matches. */
export function numberKey(n: NumberMention): string {
  return `n:${n.value === 0 ? '0' : Number(n.value.toPrecision(2))}`;
}

/** Latin-script tokens of a Chinese sentence (FPT, F-22, PMI, URLs, e-mail addresses). */
export function latinTokens(text: string, start: number, end: number): Range[] {
  const piece = text.slice(start, end);
  const out: Range[] = [];
  const taken: Range[] = [];
  URL_OR_MAIL.lastIndex = 0;
  for (let m = URL_OR_MAIL.exec(piece); m; m = URL_OR_MAIL.exec(piece)) {
    const r = {
      start: start + m.index,
      end: start + m.index + m[0].replace(/[.,;:]+$/, '').length,
    };
    out.push(r);
    taken.push(r);
  }
  LATIN_TOKEN.lastIndex = 0;
  for (let m = LATIN_TOKEN.exec(piece); m; m = LATIN_TOKEN.exec(piece)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (taken.some((t) => s < t.end && e > t.start)) continue;
    if (!/[A-Z]/i.test(m[0])) continue; // digits alone are figures, read elsewhere
    out.push({ start: s, end: e });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The commonest Chinese surnames: a name jieba tags that starts with none of these is more likely
 * a transliterated foreign name (布林肯 = Blinken), whose English spelling pinyin cannot predict.
 */
export const SURNAMES: ReadonlySet<string> = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);

/** Tags after which a one-character surname is not followed by its given name. */
const NOT_GIVEN_NAME = /^(?:[vdpcurxmqfyeo]|vn|ul|uj|uz|ug)$/;

/**
 * Person names in a Chinese sentence, as toneless pinyin: jieba's nr/nrfg words, and a surname
 * jieba split from its given name (王|亚平).
 */
export function nameTokens(tokens: readonly ZhToken[]): { token: ZhToken; pinyin: string[] }[] {
  const out: { token: ZhToken; pinyin: string[] }[] = [];
  const han = /^\p{Script=Han}+$/u;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!han.test(t.word)) continue;
    if ((t.tag === 'nr' || t.tag === 'nrfg') && t.word.length >= 2) {
      out.push({ token: t, pinyin: pinyinSyllables(t.word) });
      continue;
    }
    const next = tokens[i + 1];
    if (
      t.tag === 'nr' &&
      t.word.length === 1 &&
      SURNAMES.has(t.word) &&
      next &&
      next.start === t.end &&
      next.word.length <= 2 &&
      han.test(next.word) &&
      !NOT_GIVEN_NAME.test(next.tag)
    ) {
      const token = { word: t.word + next.word, tag: 'nr', start: t.start, end: next.end };
      out.push({ token, pinyin: pinyinSyllables(token.word) });
      i++;
    }
  }
  return out;
}

function englishAnchors(text: string, r: Range, numbers: readonly NumberMention[]): Set<string> {
  const s = new Set<string>();
  for (const n of numbers) if (n.hard) s.add(numberKey(n));
  const piece = text.slice(r.start, r.end);
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(piece); m; m = CAPITALISED_RUN.exec(piece)) {
    const words = m[0].split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      let joined = '';
      for (let k = i; k < Math.min(words.length, i + 3); k++) {
        joined += words[k]!.toLowerCase().replace(/[^a-z]/g, '');
        if (joined.length >= 5) s.add(`p:${joined}`);
      }
    }
  }
  LATIN_TOKEN.lastIndex = 0;
  for (let m = LATIN_TOKEN.exec(piece); m; m = LATIN_TOKEN.exec(piece)) {
    if (/[A-Z].*[A-Z0-9]|\d/.test(m[0]) && /[A-Z]/i.test(m[0])) s.add(`l:${m[0].toLowerCase()}`);
  }
  for (let k = 0; k < LEXICON.length; k++) if (LEXICON[k]![1].test(piece)) s.add(`w:${k}`);
  if (/[?？]/.test(piece)) s.add('q:?');
  if (/["“”]/.test(piece)) s.add('q:"');
  return s;
}

function chineseAnchors(
  text: string,
  r: Range,
  numbers: readonly NumberMention[],
  tokens: readonly ZhToken[],
): Set<string> {
  const s = new Set<string>();
  for (const n of numbers) if (n.hard) s.add(numberKey(n));
  for (const { pinyin } of nameTokens(tokens)) {
    const joined = pinyin.join('');
    if (joined.length >= 5) s.add(`p:${joined}`);
  }
  for (const t of latinTokens(text, r.start, r.end)) {
    const w = text.slice(t.start, t.end);
    if (/[A-Z].*[A-Z0-9]|\d/.test(w)) s.add(`l:${w.toLowerCase()}`);
  }
  const piece = text.slice(r.start, r.end);
  for (let k = 0; k < LEXICON.length; k++) if (piece.includes(LEXICON[k]![0])) s.add(`w:${k}`);
  if (/[?？]/.test(piece)) s.add('q:?');
  if (/["“”]/.test(piece)) s.add('q:"');
  return s;
}

function spanOf(segments: readonly Range[], indices: readonly number[]): Range | null {
  if (indices.length === 0) return null;
  return { start: segments[indices[0]!]!.start, end: segments[indices[indices.length - 1]!]!.end };
}

/** Confidence below which the source is taken for another text (see docs/accuracy-source.md). */
export const MISMATCH_CONFIDENCE = 0.5;

/** Builds the bilingual document: Chinese model, numbers, tokens, alignment, confidence. */
export function buildBilingual(input: BilingualInput): Bilingual {
  const text = input.text;
  const paragraphsIn = input.paragraphs ?? splitEnglish(text);
  const enParagraphs: Segment[] = [];
  const enSentences: Segment[] = [];
  const enParaSentences: Range[] = [];
  paragraphsIn.forEach((p, pi) => {
    enParagraphs.push({ start: p.start, end: p.end, paragraph: pi });
    const first = enSentences.length;
    const sentences = p.sentences.length > 0 ? p.sentences : [{ start: p.start, end: p.end }];
    for (const s of sentences) enSentences.push({ start: s.start, end: s.end, paragraph: pi });
    enParaSentences.push({ start: first, end: enSentences.length });
  });
  const zh = parseChinese(input.source);
  const terms = input.terms ?? [];
  const share = hanShare(input.source);
  const status0: SourceStatus =
    zh.sentences.length === 0 ? 'empty' : share < 0.3 ? 'not-chinese' : 'ok';
  const enNumbers = enSentences.map((s) => englishNumbers(text, s.start, s.end));
  const base: Omit<
    Bilingual,
    | 'zhTokens'
    | 'zhNumbers'
    | 'pairs'
    | 'pairOfEn'
    | 'pairOfZh'
    | 'status'
    | 'confidence'
    | 'evidence'
  > = {
    en: { text, paragraphs: enParagraphs, sentences: enSentences },
    zh,
    enNumbers,
    terms,
  };
  if (status0 !== 'ok' || enSentences.length === 0) {
    return {
      ...base,
      zhTokens: zh.sentences.map(() => []),
      zhNumbers: zh.sentences.map(() => []),
      pairs: [],
      pairOfEn: enSentences.map(() => -1),
      pairOfZh: zh.sentences.map(() => -1),
      status: status0 === 'ok' ? 'empty' : status0,
      confidence: 0,
      evidence: { lengthZ: 0, skipShare: 1, anchorAgreement: 0, meanCost: 0 },
    };
  }
  const source = input.source;
  const zhTokens = zh.sentences.map((s) => tagChinese(source, s.start, s.end));
  const zhNumbers = zh.sentences.map((s) => chineseNumbers(source, s.start, s.end));
  const enItems: AlignItem[] = enSentences.map((s, i) => ({
    length: s.end - s.start,
    anchors: englishAnchors(text, s, enNumbers[i]!),
  }));
  const zhItems: AlignItem[] = zh.sentences.map((s, i) => ({
    length: chineseLength(source.slice(s.start, s.end)),
    anchors: chineseAnchors(source, s, zhNumbers[i]!, zhTokens[i]!),
  }));
  const group = (items: AlignItem[], ranges: Range[]): AlignItem[] =>
    ranges.map((r) => {
      let length = 0;
      const anchors = new Set<string>();
      for (let i = r.start; i < r.end; i++) {
        length += items[i]!.length;
        for (const a of items[i]!.anchors) anchors.add(a);
      }
      return { length, anchors };
    });
  const paraBeads = alignSequences(
    group(enItems, enParaSentences),
    group(zhItems, zh.paragraphSentences),
    PARAGRAPH_BEADS,
  );
  const pairs: AlignedPair[] = [];
  for (const pb of paraBeads) {
    const enIdx = pb.en.flatMap((p) => range(enParaSentences[p]!));
    const zhIdx = pb.zh.flatMap((p) => range(zh.paragraphSentences[p]!));
    const unmatched = enIdx.length === 0 || zhIdx.length === 0;
    const beads: Bead[] = alignSequences(
      enIdx.map((i) => enItems[i]!),
      zhIdx.map((i) => zhItems[i]!),
    );
    for (const b of beads) {
      const en = b.en.map((k) => enIdx[k]!);
      const zhs = b.zh.map((k) => zhIdx[k]!);
      pairs.push({
        en,
        zh: zhs,
        enRange: spanOf(enSentences, en),
        zhRange: spanOf(zh.sentences, zhs),
        paragraphUnmatched: unmatched,
        cost: b.cost,
      });
    }
  }
  const pairOfEn = enSentences.map(() => -1);
  const pairOfZh = zh.sentences.map(() => -1);
  pairs.forEach((p, k) => {
    for (const i of p.en) pairOfEn[i] = k;
    for (const j of p.zh) pairOfZh[j] = k;
  });
  const evidence = documentEvidence(enItems, zhItems, pairs);
  const confidence = confidenceOf(evidence);
  return {
    ...base,
    zhTokens,
    zhNumbers,
    pairs,
    pairOfEn,
    pairOfZh,
    status: confidence < MISMATCH_CONFIDENCE ? 'mismatch' : 'ok',
    confidence,
    evidence,
  };
}

function range(r: Range): number[] {
  return Array.from({ length: r.end - r.start }, (_, k) => r.start + k);
}

function documentEvidence(
  enItems: readonly AlignItem[],
  zhItems: readonly AlignItem[],
  pairs: readonly AlignedPair[],
): Bilingual['evidence'] {
  const le = enItems.reduce((a, b) => a + b.length, 0);
  const lz = zhItems.reduce((a, b) => a + b.length, 0);
  const lengthZ =
    Math.abs(Math.log((le + 10) / (lz + 10)) - LENGTH_MODEL.logRatio) / LENGTH_MODEL.sigma;
  let skipped = 0;
  let total = 0;
  let cost = 0;
  let paired = 0;
  let shared = 0;
  let anchors = 0;
  for (const p of pairs) {
    total += p.en.length + p.zh.length;
    if (p.en.length === 0 || p.zh.length === 0) skipped += p.en.length + p.zh.length;
    else {
      cost += p.cost;
      paired++;
      const a = new Set<string>();
      for (const i of p.en)
        for (const x of enItems[i]!.anchors)
          if (!x.startsWith('q:') && !x.startsWith('w:')) a.add(x);
      const b = new Set<string>();
      for (const j of p.zh)
        for (const x of zhItems[j]!.anchors)
          if (!x.startsWith('q:') && !x.startsWith('w:')) b.add(x);
      for (const x of b) if (a.has(x)) shared++;
      anchors += b.size;
    }
  }
  return {
    lengthZ,
    skipShare: total === 0 ? 1 : skipped / total,
    anchorAgreement: anchors === 0 ? 0.5 : shared / anchors,
    meanCost: paired === 0 ? 10 : cost / paired,
  };
}

/**
 * Folds the evidence into one figure. The mean cost of the paired groups carries most of it (a
 * translation's sentences pair up cheaply, another article's do not), helped by shared figures and
 * names, the share of unpaired text and the overall length ratio. Weights and the midpoint (score 2)
 * set on the development data against other articles' sources, with a margin over the worst true
 * pair (docs/accuracy-source.md).
 */
function confidenceOf(e: Bilingual['evidence']): number {
  const score =
    e.meanCost - 2 * e.anchorAgreement + 6 * e.skipShare + 0.6 * Math.max(0, e.lengthZ - 1.5);
  return 1 / (1 + Math.exp(2.5 * (score - 2)));
}
