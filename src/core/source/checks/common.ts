/** Helpers the source checks share: building findings, the English and Chinese of a pair. */
import type { AlignedPair, Bilingual } from '../bilingual.js';
import type { Range, SourceCheckMeta, SourceFinding } from '../types.js';

export function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

export function finding(
  meta: SourceCheckMeta,
  messageId: string,
  english: Range,
  source: Range,
  data: Record<string, string | number>,
  suggestions: string[] = [],
): SourceFinding {
  return {
    ruleId: meta.id,
    messageId,
    severity: meta.severities[messageId] ?? 'warning',
    category: meta.category,
    message: fill(meta.messages[messageId]!, data),
    offset: english.start,
    length: english.end - english.start,
    sourceOffset: source.start,
    sourceLength: source.end - source.start,
    data,
    suggestions,
  };
}

export function englishOf(bi: Bilingual, pair: AlignedPair): string {
  return pair.enRange ? bi.en.text.slice(pair.enRange.start, pair.enRange.end) : '';
}

export function chineseOf(bi: Bilingual, pair: AlignedPair): string {
  return pair.zhRange ? bi.zh.text.slice(pair.zhRange.start, pair.zhRange.end) : '';
}

/** The pairs around pair k (k−1, k, k+1) that have both sides: where a moved word may have gone. */
export function windowOf(bi: Bilingual, k: number, radius = 1): AlignedPair[] {
  const out: AlignedPair[] = [];
  for (let i = Math.max(0, k - radius); i <= Math.min(bi.pairs.length - 1, k + radius); i++)
    out.push(bi.pairs[i]!);
  return out;
}

/** Quote of a Chinese stretch for a message: the first 30 characters. */
export function quote(s: string): string {
  const chars = [...s.trim()];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
}

/** Where English that is missing belongs: the end of the English just before pair k. */
export function placeBefore(bi: Bilingual, k: number): Range {
  for (let i = k - 1; i >= 0; i--) {
    const r = bi.pairs[i]!.enRange;
    if (r) return { start: r.end, end: r.end };
  }
  for (let i = k + 1; i < bi.pairs.length; i++) {
    const r = bi.pairs[i]!.enRange;
    if (r) return { start: r.start, end: r.start };
  }
  return { start: 0, end: 0 };
}
