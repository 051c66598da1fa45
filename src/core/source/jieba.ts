/**
 * Chinese word segmentation and part-of-speech tags (@node-rs/jieba, a prebuilt native binary) and
 * pinyin (pinyin-pro). jieba's dictionary takes a noticeable time to load (see
 * docs/accuracy-source.md), so it is loaded on first use, i.e. only when a source is given, and once
 * per process.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

export interface ZhToken {
  word: string;
  /** jieba's tag: n, v, m (numeral), nr/nrfg (person name), ns (place), nt (organisation), eng, x … */
  tag: string;
  start: number;
  end: number;
}

interface JiebaLike {
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
}

let jieba: JiebaLike | undefined;
let loadMs = 0;

/** Loads jieba with its default dictionary (once). */
export function loadJieba(): JiebaLike {
  if (jieba) return jieba;
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as {
    Jieba: { withDict(dict: Uint8Array): JiebaLike };
  };
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  jieba = Jieba.withDict(dict);
  loadMs = performance.now() - t0;
  return jieba;
}

/** Milliseconds the first `loadJieba` took (0 before it ran). */
export function jiebaLoadMs(): number {
  return loadMs;
}

/** Segments and tags `text[start, end)`; token offsets are into `text`. */
export function tagChinese(text: string, start = 0, end = text.length): ZhToken[] {
  const piece = text.slice(start, end);
  const tokens = loadJieba().tag(piece, true);
  const out: ZhToken[] = [];
  let at = 0;
  for (const t of tokens) {
    // jieba returns the text back in pieces; find each one from where the last ended, so a
    // dropped character (should it ever happen) cannot shift the offsets of the rest.
    const i = piece.indexOf(t.word, at);
    if (i < 0) continue;
    out.push({ word: t.word, tag: t.tag, start: start + i, end: start + i + t.word.length });
    at = i + t.word.length;
  }
  return out;
}

/** Toneless pinyin syllables of a Chinese word: 李强 → ['li', 'qiang']. */
export function pinyinSyllables(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
}
