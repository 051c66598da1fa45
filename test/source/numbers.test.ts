import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { sameNumber, type NumberMention } from '../../src/core/source/numbers.js';
import { englishNumbers, parseNumberWords } from '../../src/core/source/numbers-en.js';
import { chineseNumbers, parseChineseNumeral } from '../../src/core/source/numbers-zh.js';

const zh = (s: string): [string, number, string][] =>
  chineseNumbers(s).map((n) => [n.text, Number(n.value.toPrecision(12)), n.kind]);
const en = (s: string): [string, number, string][] =>
  englishNumbers(s).map((n) => [n.text, Number(n.value.toPrecision(12)), n.kind]);

describe('Chinese numbers', () => {
  test.each([
    ['超92万份申请', [['92万', 920000, 'cardinal']]],
    ['一千八百人', [['一千八百', 1800, 'cardinal']]],
    ['两万名', [['两万', 20000, 'cardinal']]],
    ['第四十八届', [['第四十八', 48, 'ordinal']]],
    ['3.5万人', [['3.5万', 35000, 'cardinal']]],
    ['315.1亿元', [['315.1亿', 31510000000, 'cardinal']]],
    ['1.2万亿美元', [['1.2万亿', 1200000000000, 'cardinal']]],
    ['增长百分之十五', [['百分之十五', 15, 'percent']]],
    ['增长15%', [['15%', 15, 'percent']]],
    ['上升1.5个百分点', [['1.5个百分点', 1.5, 'point']]],
    [
      '2023年2月11日',
      [
        ['2023年', 2023, 'year'],
        ['2月', 2, 'month'],
        ['11日', 11, 'day'],
      ],
    ],
    ['二〇二三年', [['二〇二三年', 2023, 'year']]],
    [
      '3至5万',
      [
        ['3', 30000, 'cardinal'],
        ['5万', 50000, 'cardinal'],
      ],
    ],
    [
      '3-5%',
      [
        ['3', 3, 'percent'],
        ['5%', 5, 'percent'],
      ],
    ],
    ['三万五', [['三万五', 35000, 'cardinal']]],
    ['十三个', [['十三', 13, 'cardinal']]],
    ['500余万的缺口', [['500余万', 5000000, 'cardinal']]],
    ['百人考察团', [['百', 100, 'cardinal']]],
    ['１２３人', [['１２３', 123, 'cardinal']]],
  ])('%s', (text, expected) => {
    expect(zh(text)).toEqual(expected);
  });

  test('a range read as two neighbouring digits (一万六七千) gives both ends', () => {
    expect(chineseNumbers('一万六七千元').map((n) => n.value)).toEqual([16000, 17000]);
  });

  test('digits inside Latin tokens are not figures', () => {
    expect(zh('F-22和G20峰会')).toEqual([]);
  });

  test('small numerals without a unit are soft, figures with digits are hard', () => {
    const [a, b] = chineseNumbers('三个人说，7人');
    expect(a).toMatchObject({ value: 3, hard: false });
    expect(b).toMatchObject({ value: 7, hard: true });
    expect(chineseNumbers('一些人十分重要')).toEqual([]);
  });

  test('数十亿 and 几百万 are orders of magnitude, not figures the English must carry', () => {
    expect(chineseNumbers('需要数十亿年，质量是几百万倍').map((n) => [n.text, n.hard])).toEqual([
      ['十亿', false],
      ['百万', false],
    ]);
    expect(chineseNumbers('十亿年前').map((n) => n.hard)).toEqual([true]);
  });

  test('九二共识 may be the year 1992', () => {
    const [n] = chineseNumbers('九二共识');
    expect(n?.alternatives).toContain(1992);
  });
});

describe('English numbers', () => {
  test.each([
    ['31.51 billion', [['31.51 billion', 31510000000, 'cardinal']]],
    ['35,000 people', [['35,000', 35000, 'cardinal']]],
    ['35 thousand', [['35 thousand', 35000, 'cardinal']]],
    ['three', [['three', 3, 'cardinal']]],
    ['the third', [['third', 3, 'ordinal']]],
    ['18.3%', [['18.3%', 18.3, 'percent']]],
    ['18.3 percent', [['18.3 percent', 18.3, 'percent']]],
    ['1.5 percentage points', [['1.5 percentage points', 1.5, 'point']]],
    ['the 48th', [['48th', 48, 'ordinal']]],
    ['twenty-five', [['twenty-five', 25, 'cardinal']]],
    ['one hundred and five', [['one hundred and five', 105, 'cardinal']]],
    [
      'Feb. 11, 2023',
      [
        ['Feb', 2, 'month'],
        ['11', 11, 'day'],
        ['2023', 2023, 'year'],
      ],
    ],
    [
      '11 February 2023',
      [
        ['11', 11, 'day'],
        ['February', 2, 'month'],
        ['2023', 2023, 'year'],
      ],
    ],
    ['in 2023', [['2023', 2023, 'year']]],
    ['$3.5bn', [['3.5bn', 3500000000, 'cardinal']]],
    [
      '3 to 5 million',
      [
        ['3', 3000000, 'cardinal'],
        ['5 million', 5000000, 'cardinal'],
      ],
    ],
    [
      'S$13.8 to S$14.3 billion',
      [
        ['13.8', 13800000000, 'cardinal'],
        ['14.3 billion', 14300000000, 'cardinal'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(en(text)).toEqual(expected);
  });

  test('codes are not figures: F-22, COVID-19, G20', () => {
    expect(en('F-22, COVID-19 and the G20')).toEqual([]);
  });

  test('amounts said in words: a billion, two and a half million, half a million', () => {
    expect(en('a billion years ago')).toEqual([['a billion', 1e9, 'cardinal']]);
    expect(en('two and a half million parts')).toEqual([
      ['two and a half million', 2.5e6, 'cardinal'],
    ]);
    expect(en('half a million people')).toEqual([['half a million', 5e5, 'cardinal']]);
    expect(en('an hour and a half')).toEqual([]);
  });

  test('3 p.m. may be 15 o’clock', () => {
    expect(englishNumbers('at 3 p.m.')[0]?.alternatives).toEqual([15]);
  });
});

const mention = (
  value: number,
  precision: number,
  kind: NumberMention['kind'] = 'cardinal',
): NumberMention => ({
  start: 0,
  end: 1,
  text: '',
  value,
  kind,
  precision,
  scale: '',
  hard: true,
});

describe('sameNumber', () => {
  test('rounding the way news copy rounds is the same figure', () => {
    const [source] = chineseNumbers('315.1亿');
    const [english] = englishNumbers('31.5 billion');
    expect(sameNumber(source!, english!)).toBe(true);
    const [rounded] = englishNumbers('32 billion');
    expect(sameNumber(source!, rounded!)).toBe(true);
  });

  test('a changed digit, a swapped scale word, a changed year are not', () => {
    const [source] = chineseNumbers('315.1亿');
    for (const s of ['31.6 billion', '31.5 million', '3.15 billion']) {
      expect(sameNumber(source!, englishNumbers(s)[0]!)).toBe(false);
    }
    expect(sameNumber(mention(2023, 1, 'year'), mention(2020, 10, 'year'))).toBe(false);
  });

  test('a coarse rounding far from the value is not the same figure', () => {
    expect(sameNumber(mention(1095, 1), mention(1000, 1000))).toBe(false);
  });
});

// ---- property tests: the readers read back what a writer wrote -------------------------------

const CN_DIGITS = '零一二三四五六七八九';

/** Writes 0..9999 in standard Chinese numerals (一千零五, 三百二十). */
function cnBelow10000(n: number): string {
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let zero = false;
  let rest = n;
  for (const [p, unit] of places) {
    const d = Math.floor(rest / p);
    rest %= p;
    if (d > 0) {
      if (zero) out += '零';
      out += CN_DIGITS[d]! + unit;
      zero = false;
    } else if (out !== '') zero = true;
  }
  if (rest > 0) out += (zero ? '零' : '') + CN_DIGITS[rest]!;
  return out === '' ? '零' : out;
}

function cnNumeral(n: number): string {
  if (n < 10000) return cnBelow10000(n);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  return (
    cnBelow10000(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + cnBelow10000(low))
  );
}

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
function enBelow1000(n: number): string[] {
  const out: string[] = [];
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)]!, 'hundred');
    n %= 100;
    if (n > 0) out.push('and');
  }
  if (n >= 20) {
    out.push(TENS[Math.floor(n / 10)]! + (n % 10 ? `-${ONES[n % 10]}` : ''));
  } else if (n > 0 || out.length === 0) out.push(ONES[n]!);
  return out;
}
function enWords(n: number): string {
  if (n < 1000) return enBelow1000(n).join(' ');
  const high = Math.floor(n / 1000);
  const low = n % 1000;
  return [...enBelow1000(high), 'thousand', ...(low ? enBelow1000(low) : [])].join(' ');
}

describe('round trips', () => {
  test('a digit after 零 is ones; after a unit, the next place down', () => {
    expect(parseChineseNumeral('二千一百六十三万零一')).toBe(21_630_001);
    expect(parseChineseNumeral('二万零一')).toBe(20_001);
    expect(parseChineseNumeral('三万五')).toBe(35_000);
    expect(parseChineseNumeral('一千八')).toBe(1_800);
    expect(parseChineseNumeral('一千零五')).toBe(1_005);
  });

  test('Chinese numerals: write n, read n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(cnNumeral(n))).toBe(n);
      }),
      { numRuns: Number(process.env.MTLINT_PROPERTY_RUNS ?? 100) },
    );
  });

  test('Arabic with 万 or 亿 in a Chinese sentence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999 }),
        fc.constantFrom(['万', 1e4], ['亿', 1e8]),
        (n, [w, f]) => {
          const value = n / 10;
          const [m] = chineseNumbers(`增长了${value}${w}元`);
          expect(m?.value).toBeCloseTo(value * (f as number), 0);
        },
      ),
    );
  });

  test('English figures: 1,234,567.8 and "1.5 million" read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (n) => {
        const [a] = englishNumbers(`about ${n.toLocaleString('en-US')} people`);
        expect(a?.value).toBe(n);
        const [b] = englishNumbers(`about ${(n / 10).toFixed(1)} million yuan`);
        expect(b?.value).toBeCloseTo((n / 10) * 1e6, 0);
      }),
    );
  });

  test('English number words: write n, read n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const words = enWords(n);
        expect(parseNumberWords(words.split(/[\s-]+/))?.value).toBe(n);
        expect(englishNumbers(`there were ${words} of them`)[0]?.value).toBe(n);
      }),
    );
  });

  test('a Chinese figure and its English rendering are the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (n) => {
        const [z] = chineseNumbers(`${n}万人`);
        const [e] = englishNumbers(`${(n * 10_000).toLocaleString('en-US')} people`);
        expect(sameNumber(z!, e!)).toBe(true);
        const [wrong] = englishNumbers(`${(n * 10).toLocaleString('en-US')} million people`);
        expect(sameNumber(z!, wrong!)).toBe(false);
      }),
    );
  });
});
