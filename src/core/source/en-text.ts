/**
 * A plain English splitter for callers that have no document model at hand (the evaluation, the
 * tests): paragraphs at line breaks, sentences after . ! ? (with closing quotes) before a capital,
 * a digit or an opening quote, except after common abbreviations. The engine hands over its own
 * sentences instead.
 */
import { ABBREVIATIONS } from '../abbreviations.js';
import type { EnglishParagraphInput, Range } from './types.js';

function trim(text: string, start: number, end: number): Range {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export function splitEnglishSentences(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let from = start;
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (m[0] === '.') {
      const word = /([A-Z.]+)$/i.exec(text.slice(Math.max(from, m.index - 12), m.index))?.[1] ?? '';
      const w = word.toLowerCase();
      // "Mr." or "U.S." before a capital does not end the sentence; a lone initial neither.
      if (ABBREVIATIONS.has(w) || /^[a-z]$/i.test(w)) continue;
    }
    const r = trim(text, from, m.index + m[0].length);
    if (r.end > r.start) out.push(r);
    from = m.index + m[0].length;
  }
  const r = trim(text, from, end);
  if (r.end > r.start) out.push(r);
  return out;
}

export function splitEnglish(text: string): EnglishParagraphInput[] {
  const out: EnglishParagraphInput[] = [];
  const lineBreak = /\r\n|[\n\r\u2028\u2029]/g;
  let from = 0;
  const add = (a: number, b: number): void => {
    const r = trim(text, a, b);
    if (r.end > r.start) out.push({ ...r, sentences: splitEnglishSentences(text, r.start, r.end) });
  };
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    add(from, m.index);
    from = m.index + m[0].length;
  }
  add(from, text.length);
  return out;
}
