/**
 * number-mismatch: every figure of the source must be in the aligned English with the same value
 * (scale words checked, rounding the way news copy rounds tolerated, dates matched as dates), and
 * a figure in the English with no counterpart in the source was added.
 */
import type { Bilingual } from '../bilingual.js';
import { sameNumber, scaleSwapped, type NumberMention } from '../numbers.js';
import type { SourceCheckMeta, SourceFinding } from '../types.js';
import { finding } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'number-mismatch',
  category: 'accuracy/number',
  description: 'A figure of the source is changed, rescaled, missing or added in the translation',
  severities: {
    changed: 'error',
    scale: 'error',
    missing: 'warning',
    added: 'warning',
    'bare-day': 'warning',
    ordinal: 'warning',
  },
  messages: {
    'bare-day':
      'The source’s `{{source}}` is a day of the month (the {{day}}), but the translation has a bare `{{actual}}`',
    ordinal:
      'The source’s `{{source}}` is a count, but the translation makes it an order: `{{actual}}`',
    changed: 'The source says `{{source}}` ({{value}}) but the translation says `{{actual}}`',
    scale: 'Wrong scale: the source says `{{source}}` ({{value}}), the translation `{{actual}}`',
    missing: 'The source figure `{{source}}` ({{value}}) is missing from this sentence',
    added: 'The figure `{{actual}}` is not in the source sentence',
  },
};

/** Kinds that can stand for each other (a day may be written as a bare figure or as 11th). */
function compatible(a: NumberMention, b: NumberMention): boolean {
  const group = (n: NumberMention): string =>
    n.kind === 'percent' || n.kind === 'point' ? 'pct' : n.kind === 'month' ? 'month' : 'plain';
  const ga = group(a);
  const gb = group(b);
  if (ga === gb) return true;
  // "15-20%" leaves 15 plain in some readings; a bare figure may still carry a percentage.
  return (
    (ga === 'pct' && gb === 'plain') ||
    (ga === 'plain' && gb === 'pct') ||
    (ga === 'month' && gb === 'plain' && a.value <= 12)
  );
}

function spoken(n: NumberMention): string {
  if (n.kind === 'percent') return `${n.value}%`;
  if (n.kind === 'point') return `${n.value} percentage points`;
  if (n.kind === 'year') return `the year ${n.value}`;
  if (n.kind === 'month') return `month ${n.value}`;
  if (n.kind === 'day') return `day ${n.value}`;
  if (n.kind === 'ordinal') return `number ${n.value} in order`;
  return Number.isInteger(n.value)
    ? n.value.toLocaleString('en-US')
    : String(Number(n.value.toPrecision(12)));
}

const MONTH_NEAR =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
/** After a figure, words that make a bare number right for N日: a span of days, not a date. */
const DAYS_AFTER = /^(?:\s*|-)(?:days?|-day)\b/i;
/**
 * Measure words that count people and things (百人 = 100 people, 5只 = five products): a numeral
 * before one is a count. Sessions and editions (十六届, 二十次) are left out: English says "16th".
 */
const COUNTED = /^[人名位个家只件项条座辆架艘头种户所篇本张台吨元岁]/u;
/** After an ordinal, the words that make it right for a count (百年 = the 100th anniversary). */
const ORDINAL_OK = /^\s*(?:anniversary|birthday|centenary|year)\b/i;

function ordinalSuffix(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/**
 * A figure with the right value but the wrong kind: 记者10日 (the 10th) as "reporter 10", 百人 (a
 * hundred people) as "the 100th delegation". Each is a common machine slip that the value alone
 * cannot show.
 */
function kindMismatch(
  bi: Bilingual,
  z: NumberMention,
  e: NumberMention,
): SourceFinding | undefined {
  const en = bi.en.text;
  const source = bi.zh.text.slice(z.start, z.end);
  const actual = en.slice(e.start, e.end);
  if (z.kind === 'day' && e.kind === 'cardinal' && /^\d{1,2}$/.test(actual)) {
    const around = en.slice(Math.max(0, e.start - 25), e.end + 25);
    if (MONTH_NEAR.test(around) || DAYS_AFTER.test(en.slice(e.end, e.end + 8))) return undefined;
    return finding(meta, 'bare-day', e, z, {
      source,
      actual,
      day: `${z.value}${ordinalSuffix(z.value)}`,
    });
  }
  if (
    z.kind === 'cardinal' &&
    z.hard &&
    e.kind === 'ordinal' &&
    e.hard && // "first" is as often 首 (the first batch) as 1: only written ordinals, 100th
    COUNTED.test(bi.zh.text.slice(z.end, z.end + 1)) &&
    !ORDINAL_OK.test(en.slice(e.end, e.end + 16))
  )
    return finding(meta, 'ordinal', e, z, { source, actual });
  return undefined;
}

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  bi.pairs.forEach((pair, k) => {
    if (pair.en.length === 0 || pair.zh.length === 0) return;
    const zhNums = pair.zh.flatMap((j) => bi.zhNumbers[j]!);
    const enNums = pair.en.flatMap((i) => bi.enNumbers[i]!);
    if (zhNums.length === 0 && enNums.length === 0) return;
    // The neighbouring pairs: a figure moved across a sentence boundary is not missing.
    const near = [k - 1, k + 1]
      .filter((x) => x >= 0 && x < bi.pairs.length)
      .map((x) => bi.pairs[x]!);
    const nearEn = near.flatMap((p) => p.en.flatMap((i) => bi.enNumbers[i]!));
    const nearZh = near.flatMap((p) => p.zh.flatMap((j) => bi.zhNumbers[j]!));
    const usedEn = new Set<NumberMention>();
    const unmatchedZh: NumberMention[] = [];
    const order = [...zhNums].sort((a, b) => Number(b.hard) - Number(a.hard));
    for (const z of order) {
      const e = enNums.find((x) => !usedEn.has(x) && compatible(z, x) && sameNumber(z, x));
      if (e) {
        usedEn.add(e);
        const wrongKind = kindMismatch(bi, z, e);
        if (wrongKind) out.push(wrongKind);
      } else if (z.hard) unmatchedZh.push(z);
    }
    const freeEn = enNums.filter(
      (e) => !usedEn.has(e) && e.hard && !nearZh.some((z) => sameNumber(z, e)),
    );
    const sentence = pair.enRange!;
    for (const z of unmatchedZh) {
      if (nearEn.some((e) => compatible(z, e) && sameNumber(z, e))) continue;
      const data = { source: bi.zh.text.slice(z.start, z.end), value: spoken(z) };
      const swapped = freeEn.find((e) => scaleSwapped(z, e) && compatible(z, e));
      const changed = swapped ?? freeEn.find((e) => compatible(z, e) && e.kind === z.kind);
      if (changed) {
        freeEn.splice(freeEn.indexOf(changed), 1);
        out.push(
          finding(meta, swapped ? 'scale' : 'changed', changed, z, {
            ...data,
            actual: bi.en.text.slice(changed.start, changed.end),
          }),
        );
      } else {
        out.push(finding(meta, 'missing', sentence, z, data));
      }
    }
    for (const e of freeEn) {
      if (e.kind === 'year' && zhNums.length === 0) continue; // a year the copy made explicit (今年)
      out.push(
        finding(meta, 'added', e, pair.zhRange!, { actual: bi.en.text.slice(e.start, e.end) }),
      );
    }
  });
  return out;
}
