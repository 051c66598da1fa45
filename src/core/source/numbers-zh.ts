/**
 * Reads every number of a Chinese sentence: Arabic (1,234.5), Chinese numerals (一千八百, 两万,
 * 十三), mixed forms (3.5万, 315.1亿, 1.2万亿), percentages (百分之十五, 15%), percentage points
 * (百分点), dates (2023年, 2月11日, 11日), ordinals (第四十八) and ranges (3至5, 3-5万: the scale of
 * the upper end applies to the lower one).
 */
import { writtenPrecision, type NumberKind, type NumberMention } from './numbers.js';

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Value of a Chinese numeral (一千八百 → 1800, 十三 → 13, 三万五 → 35000, 二〇二三 → 2023). */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const point = s.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(s.slice(0, point));
    const frac = s.slice(point + 1);
    if (whole === undefined || frac.length === 0) return undefined;
    let digits = '';
    for (const ch of frac) {
      const d = DIGIT[ch];
      if (d === undefined) return undefined;
      digits += String(d);
    }
    return whole + Number(`0.${digits}`);
  }
  // Digit by digit, no unit: 二〇二三 (a year), 九二.
  if ([...s].every((ch) => DIGIT[ch] !== undefined)) {
    if (s.length === 1) return DIGIT[s]!;
    return Number([...s].map((ch) => DIGIT[ch]).join(''));
  }
  let total = 0; // completed 亿 and 万 sections
  let section = 0; // within the current 万 section
  let digit: number | undefined;
  let lastUnit = 0; // the last unit seen, for 三万五 = 35000 and 一千八 = 1800
  let lastBig = 0;
  let afterZero = false; // 二万零一: a digit after 零 is ones, never the next place down
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d !== undefined) {
      digit = digit === undefined || d !== 0 ? d : digit;
      if (d === 0) {
        lastUnit = 0; // 一千零五: the 5 is ones
        afterZero = true;
      }
      continue;
    }
    const u = UNIT[ch];
    if (u !== undefined) {
      section += (digit ?? 1) * u;
      digit = undefined;
      lastUnit = u;
      afterZero = false;
      continue;
    }
    const b = BIG[ch];
    if (b !== undefined) {
      if (digit !== undefined) section += digit;
      digit = undefined;
      if (b === 1e8) {
        total = (total + section) * b;
      } else {
        total += section * b;
      }
      section = 0;
      lastUnit = 0;
      lastBig = b;
      afterZero = false;
      continue;
    }
    return undefined;
  }
  if (digit !== undefined) {
    // A trailing digit after a unit is the next place down: 三万五 → 3.5万, 一千八 → 1800.
    if (afterZero) section += digit;
    else if (lastUnit >= 100) section += (digit * lastUnit) / 10;
    else if (lastUnit === 0 && section === 0 && lastBig > 0) section += (digit * lastBig) / 10;
    else section += digit;
  }
  return total + section;
}

const FULLWIDTH = /[\uFF10-\uFF19．，％]/g;
function halfWidth(s: string): string {
  return s.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const SCALES: [string, number][] = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['十亿', 1e9],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万', 1e4],
  ['千', 1e3],
];

// One number: 第? (百分之)? body scale? (%|个百分点|百分点)? (年|月|日|号)?
// The body is Arabic digits (half or full width, with thousands separators and a decimal point)
// or a run of Chinese numerals; 点 joins a Chinese decimal.
const NUMBER =
  /(第)?(百分之)?(?:([0-9\uFF10-\uFF19]+(?:[,，]\d{3})*(?:[.．]\d+)?)|([零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?|[百千](?=[人名家万亿多余])))(多|余)?(万亿|千亿|百亿|十亿|[亿万]|千万|百万|十万|千)?(多|余)?([%％]|个百分点|百分点)?([年月日号])?/gu;

const LATIN_BEFORE = /[A-Z][-–]?$/i;
const LATIN_AFTER = /^[A-Z]/i;
/** 十 in these words is no number. */
const NOT_NUMBER_WORDS = [
  '十分',
  '万一',
  '一些',
  '一起',
  '一直',
  '一定',
  '一般',
  '一样',
  '统一',
  '唯一',
  '之一',
  '一再',
  '一度',
  '一旦',
  '一切',
  '一致',
  '一边',
  '一方面',
  '一同',
  '一律',
  '一向',
  '一带一路',
];

/** Reads the numbers of `text[start, end)`; offsets are into `text`. */
/** 数 and 几 before a numeral make it vague: 数十亿 (billions), 几百万 (several million). */
const VAGUE_BEFORE = /[数几]$/u;

export function chineseNumbers(text: string, start = 0, end = text.length): NumberMention[] {
  const piece = text.slice(start, end);
  const out: NumberMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(piece); m; m = NUMBER.exec(piece)) {
    const [whole, ordinal, percentPrefix, arabic, , , scale, , percentSuffix, dateUnit] = m;
    let chinese = m[4];
    let value: number | undefined;
    let precision = 1;
    let hard: boolean;
    if (arabic !== undefined) {
      const before = piece.slice(Math.max(0, m.index - 2), m.index);
      const after = piece.slice(m.index + whole.length, m.index + whole.length + 1);
      // Digits inside a Latin token (F-22, G20, COVID-19) belong to the token, not to the figures.
      if (
        LATIN_BEFORE.test(before) ||
        (!scale && !percentSuffix && !dateUnit && LATIN_AFTER.test(after))
      )
        continue;
      const digits = halfWidth(arabic).replace(/,/g, '');
      value = Number(digits);
      precision = writtenPrecision(digits);
      hard = true;
    } else {
      const at = m.index;
      if (
        NOT_NUMBER_WORDS.some(
          (w) =>
            piece.startsWith(w, at) || piece.slice(Math.max(0, at - 1), at + w.length - 1) === w,
        )
      )
        continue;
      // 一万六七千, 三四十: two neighbouring digits before a unit give a range (16,000-17,000).
      const approx = /([一二三四五六七八])([二三四五六七八九])(?=[十百千万亿])/u.exec(chinese!);
      if (approx && DIGIT[approx[2]!] === DIGIT[approx[1]!]! + 1) {
        const low = chinese!.slice(0, approx.index + 1) + chinese!.slice(approx.index + 2);
        const high = chinese!.slice(0, approx.index) + chinese!.slice(approx.index + 1);
        const lowValue = parseChineseNumeral(low);
        if (lowValue !== undefined) {
          const factor = scale ? SCALES.find(([w]) => w === scale)![1] : 1;
          out.push({
            start: start + m.index,
            end: start + m.index + whole.length,
            text: whole,
            value: lowValue * factor,
            kind: 'cardinal',
            precision: writtenPrecision(String(lowValue * factor)),
            scale: scale ?? '',
            hard: true,
          });
        }
        chinese = high;
      }
      value = parseChineseNumeral(chinese!);
      if (value === undefined) continue;
      // 两万 is precise to 10,000, 一千八百 to 100: the lowest place the numeral names.
      precision = Number.isInteger(value) ? writtenPrecision(String(value)) : 1;
      hard = false;
    }
    if (!Number.isFinite(value)) continue;
    let kind: NumberKind = 'cardinal';
    let scaleWord = '';
    if (scale) {
      const factor = SCALES.find(([w]) => w === scale)![1];
      value *= factor;
      precision *= factor;
      scaleWord = scale;
    } else if (chinese && /[万亿]/.test(chinese)) {
      scaleWord = chinese.includes('亿') ? '亿' : '万';
    }
    if (percentPrefix || percentSuffix === '%' || percentSuffix === '％') kind = 'percent';
    else if (percentSuffix) kind = 'point';
    else if (ordinal) kind = 'ordinal';
    else if (dateUnit === '年' && !scale)
      kind = value >= 1000 && value <= 2200 ? 'year' : 'cardinal';
    else if (dateUnit === '月' && value >= 1 && value <= 12 && !scale) kind = 'month';
    else if ((dateUnit === '日' || dateUnit === '号') && value >= 1 && value <= 31 && !scale)
      kind = 'day';
    if (chinese !== undefined) {
      // A Chinese numeral must be carried when it is a figure news copy keeps: a scaled amount,
      // a percentage, a date, a large number; 一, 十分, 二十大 are not.
      hard =
        kind === 'percent' ||
        kind === 'point' ||
        kind === 'year' ||
        kind === 'month' ||
        kind === 'day' ||
        scaleWord !== '' ||
        value >= 100 ||
        (kind === 'ordinal' && value > 10);
      // 数十亿, 几百万: "several billion", "millions": an order of magnitude, not a figure to carry.
      if (VAGUE_BEFORE.test(piece.slice(Math.max(0, m.index - 1), m.index))) hard = false;
    }
    if (kind !== 'cardinal' && kind !== 'percent' && kind !== 'point') precision = 1;
    // 九二共识 is the 1992 Consensus: two digits read one by one may be a year.
    const yearAlternatives =
      chinese !== undefined && /^[零〇一二三四五六七八九]{2}$/u.test(chinese)
        ? [1900 + value, 2000 + value]
        : undefined;
    // 年 after a non-year number is a duration (3年 = three years): keep the number, not the unit.
    const endsAt = kind === 'cardinal' && dateUnit ? whole.length - dateUnit.length : whole.length;
    out.push({
      start: start + m.index,
      end: start + m.index + endsAt,
      text: whole.slice(0, endsAt),
      value,
      kind,
      precision,
      scale: scaleWord,
      hard,
      ...(yearAlternatives ? { alternatives: yearAlternatives } : {}),
    });
  }
  return spreadRanges(piece, start, out);
}

/** 3至5万, 3-5%: the lower end of a range takes the scale and kind of the upper end. */
function spreadRanges(piece: string, start: number, nums: NumberMention[]): NumberMention[] {
  for (let i = 0; i + 1 < nums.length; i++) {
    const a = nums[i]!;
    const b = nums[i + 1]!;
    const between = piece.slice(a.end - start, b.start - start);
    if (!/^[至到\-–—~～〜]$/.test(between)) continue;
    if (a.scale === '' && b.scale !== '' && a.value < b.value) {
      const factor = SCALES.find(([w]) => w === b.scale)?.[1] ?? (b.scale === '亿' ? 1e8 : 1e4);
      a.value *= factor;
      a.precision *= factor;
      a.scale = b.scale;
      a.hard = true;
    }
    if (a.kind === 'cardinal' && (b.kind === 'percent' || b.kind === 'point')) {
      a.kind = b.kind;
      a.hard = true;
    }
  }
  return nums;
}
