/**
 * The Chinese text model: paragraphs (line breaks end them) and sentences (。！？；… end them, a
 * closing quote or bracket after the mark stays with its sentence), all with UTF-16 offsets into
 * the source as given. Pure and cheap: no segmentation dictionary is needed for this layer.
 */
import type { Range, Segment } from './types.js';

export interface ChineseText {
  text: string;
  paragraphs: Segment[];
  /** Every sentence of every paragraph, in order; `paragraph` indexes `paragraphs`. */
  sentences: Segment[];
  /** Sentence index range [first, end) of each paragraph. */
  paragraphSentences: Range[];
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', '…']);
/** Closers that belong to the sentence they follow: 他说：“好。” ends after ”. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '"', "'", '】']);
const SPACE = /\s/;

function trimRange(text: string, start: number, end: number): Range {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Splits one paragraph's range into sentence ranges (trimmed, never empty). */
export function splitSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let from = start;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (SENTENCE_END.has(ch)) {
      let j = i + 1;
      // Runs of enders (……, ？！) and the closers after them end one sentence together.
      while (j < end && (SENTENCE_END.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
      // An ASCII ! or ? inside Latin text (Yahoo!) does not end a Chinese sentence.
      const asciiInLatin = (ch === '!' || ch === '?') && j < end && /[A-Z0-9]/i.test(text[j]!);
      if (!asciiInLatin) {
        const r = trimRange(text, from, j);
        if (r.end > r.start) out.push(r);
        from = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  const r = trimRange(text, from, end);
  if (r.end > r.start) out.push(r);
  return out;
}

/** Splits a Chinese article into paragraphs (at line breaks) and sentences. */
export function parseChinese(text: string): ChineseText {
  const paragraphs: Segment[] = [];
  const sentences: Segment[] = [];
  const paragraphSentences: Range[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029]/g;
  let from = 0;
  const addParagraph = (start: number, end: number): void => {
    const r = trimRange(text, start, end);
    if (r.end <= r.start) return;
    const index = paragraphs.length;
    paragraphs.push({ ...r, paragraph: index });
    const first = sentences.length;
    for (const s of splitSentences(text, r.start, r.end))
      sentences.push({ ...s, paragraph: index });
    paragraphSentences.push({ start: first, end: sentences.length });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    addParagraph(from, m.index);
    from = m.index + m[0].length;
  }
  addParagraph(from, text.length);
  return { text, paragraphs, sentences, paragraphSentences };
}

const HAN = /\p{Script=Han}/u;
const HAN_G = /\p{Script=Han}/gu;

/** Number of Han characters in a string (the length measure of the Chinese side). */
export function hanCount(s: string): number {
  let n = 0;
  HAN_G.lastIndex = 0;
  while (HAN_G.exec(s)) n++;
  return n;
}

/** Share of the letters of `s` that are Han characters (0 when there are no letters). */
export function hanShare(s: string): number {
  let han = 0;
  let letters = 0;
  for (const ch of s) {
    if (HAN.test(ch)) {
      han++;
      letters++;
    } else if (/\p{L}/u.test(ch)) letters++;
  }
  return letters === 0 ? 0 : han / letters;
}

/**
 * The length of a Chinese stretch in "Chinese characters": Han characters count one, and a run of
 * Latin letters or digits counts as a fraction of its length, since it is copied to the English
 * about one character for one character (the English/Chinese ratio is measured on Han characters).
 */
export function chineseLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (HAN.test(ch)) n += 1;
    else if (/[\p{L}\p{N}]/u.test(ch)) n += 0.26;
  }
  return n;
}
