/** What the number readers of both languages produce, and how two numbers are compared. */

export type NumberKind =
  | 'cardinal'
  | 'percent'
  /** percentage points (百分点) */
  | 'point'
  | 'year'
  | 'month'
  | 'day'
  | 'ordinal';

export interface NumberMention {
  /** UTF-16 span of the whole number expression (with its scale word, % sign, 第 …). */
  start: number;
  end: number;
  text: string;
  value: number;
  kind: NumberKind;
  /**
   * The smallest unit the written form is precise to (31.5 billion → 1e8, 35,000 → 1000, 7 → 1):
   * a figure rounded to this unit still says the same thing.
   */
  precision: number;
  /** Scale word as written: 万, 亿, 万亿, thousand, million, billion, trillion (empty when none). */
  scale: string;
  /**
   * Whether a translation must carry this number. Digits always must; a small Chinese numeral
   * without a unit (一些, 十分, 二十大) or an English number word (one, first) often has no
   * counterpart, so those only serve to match.
   */
  hard: boolean;
  /** Other values the same words can mean (3 p.m. is also 15 o'clock). */
  alternatives?: number[];
}

/** Precision of a written decimal figure: "31.5" → 0.1, "35000" → 1000, "7" → 1. */
export function writtenPrecision(digits: string): number {
  const clean = digits.replace(/[,，]/g, '');
  const dot = clean.indexOf('.');
  if (dot >= 0) return 10 ** -(clean.length - dot - 1);
  const trailing = /0*$/.exec(clean)![0].length;
  return trailing === clean.length ? 1 : 10 ** trailing;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function valuesOf(n: NumberMention): number[] {
  return n.alternatives ? [n.value, ...n.alternatives] : [n.value];
}

/** Largest relative difference a rounded figure may have from the figure it rounds. */
const ROUNDING_SLACK = 0.05;

/**
 * Whether `a` and `b` state the same figure: equal, or one is the other rounded (to nearest or cut
 * down) to its own written precision, the way news copy rounds 315.1亿 to 31.5 billion or 92万 to
 * 920,000. Years are never rounded.
 */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  for (const x of valuesOf(a)) {
    for (const y of valuesOf(b)) {
      if (close(x, y)) return true;
      if (a.kind === 'year' || b.kind === 'year') continue;
      if (roundsTo(x, y, b.precision) || roundsTo(y, x, a.precision)) return true;
    }
  }
  return false;
}

/** Whether `exact`, rounded or truncated to `precision`, gives `rounded`. */
function roundsTo(exact: number, rounded: number, precision: number): boolean {
  if (precision <= 1e-12 || rounded === 0) return false;
  if (Math.abs(exact - rounded) / Math.abs(rounded) > ROUNDING_SLACK) return false;
  const q = exact / precision;
  return close(Math.round(q) * precision, rounded) || close(Math.trunc(q) * precision, rounded);
}

/**
 * Whether `a` and `b` differ by a power of ten, give or take rounding (a swapped scale word:
 * 315.1亿 against 31.5 million).
 */
export function scaleSwapped(a: NumberMention, b: NumberMention): boolean {
  if (a.value === 0 || b.value === 0) return false;
  const k = Math.round(Math.log10(Math.abs(a.value / b.value)));
  if (k === 0) return false;
  return Math.abs(a.value - b.value * 10 ** k) <= 0.01 * Math.abs(a.value);
}
