/**
 * Reads every number of an English sentence in the forms news copy uses: 31.51 billion, 35,000,
 * 35 thousand, three, twenty-five, third, the 48th, 18.3%, 18.3 percent, 1.5 percentage points,
 * Feb. 11, 11 February 2023, 2023, 3 p.m., a billion, two and a half million.
 */
import { writtenPrecision, type NumberKind, type NumberMention } from './numbers.js';

const ONES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  mn: 1e6,
  m: 1e6,
  k: 1e3,
};
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH_NAMES: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const NUMBER_WORD = new Set([
  ...Object.keys(ONES),
  ...Object.keys(TENS),
  ...Object.keys(ORDINALS),
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
]);

/** Value of a run of English number words: "twenty-five" → 25, "one hundred and five" → 105. */
export function parseNumberWords(words: string[]): { value: number; ordinal: boolean } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let ordinal = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w === 'and') continue;
    if (ordinal) return undefined; // nothing follows an ordinal word
    if (w in ONES) current += ONES[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w in ORDINALS) {
      const v = ORDINALS[w]!;
      if (v === 100) current = (current || 1) * 100;
      else current += v;
      ordinal = true;
    } else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') {
      total += (current || 1) * SCALE[w]!;
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? { value: total + current, ordinal } : undefined;
}

// Figures: 1,234.5 | 1234 | .5 ; then an optional scale word, a percent or point, an ordinal suffix.
// The optional spaces before `per cent` meet a word boundary only after a figure, never after a
// scale word: the linter's contradiction check cannot see the two paths apart.
const FIGURE =
  // eslint-disable-next-line regexp/no-contradiction-with-assertion
  /(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(st|nd|rd|th)?(?:(?:\s|-)?(thousand|million|billion|trillion|bn|mn|m|k)\b)?(%|\s?per\s?cent\b|\s(?:percentage|percent)\spoints?\b|\spoints?\b)?(\s?[ap]\.?m\.?(?!\w))?/giu;
const WORDS =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)(?:(?:\s+and\s+|\s+|-)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))*\b(\s?(?:%|per\s?cent\b|percentage points?\b))?/giu;
const DATE_MDY =
  /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4})\b)?/gu;
const DATE_DMY =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?(?:,?\s+(\d{4})\b)?/gu;
const MONTH_ALONE =
  /\b(January|February|March|April|June|July|August|September|October|November|December)\b/gu;

/** "a billion", "an hundred", "two and a half million", "half a million": amounts said in words. */
const SPOKEN_SCALE =
  /\b(?:(an?)|(one|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+and\s+a\s+half|(half)\s+an?)\s+(hundred|thousand|million|billion|trillion)\b/giu;

function overlaps(taken: boolean[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (taken[i]) return true;
  return false;
}

/** Reads the numbers of `text[start, end)`; offsets are into `text`. */
export function englishNumbers(text: string, start = 0, end = text.length): NumberMention[] {
  const piece = text.slice(start, end);
  const out: NumberMention[] = [];
  const taken: boolean[] = new Array<boolean>(piece.length).fill(false);
  const push = (
    at: number,
    length: number,
    value: number,
    kind: NumberKind,
    precision: number,
    scale: string,
    hard: boolean,
    alternatives?: number[],
  ): void => {
    for (let i = at; i < at + length; i++) taken[i] = true;
    const n: NumberMention = {
      start: start + at,
      end: start + at + length,
      text: piece.slice(at, at + length),
      value,
      kind,
      precision,
      scale,
      hard,
    };
    if (alternatives) n.alternatives = alternatives;
    out.push(n);
  };
  // Dates first: "Feb. 11, 2023" is a month, a day and a year, not a figure 11 and a figure 2023.
  for (const re of [DATE_MDY, DATE_DMY]) {
    re.lastIndex = 0;
    for (let m = re.exec(piece); m; m = re.exec(piece)) {
      const monthWord = (re === DATE_MDY ? m[1] : m[2])!.toLowerCase();
      const dayText = (re === DATE_MDY ? m[2] : m[1])!;
      const month =
        MONTH_NAMES[monthWord] ?? MONTHS[monthWord.slice(0, monthWord === 'sept' ? 4 : 3)];
      const day = Number(dayText);
      if (!month || day < 1 || day > 31 || overlaps(taken, m.index, m.index + m[0].length))
        continue;
      const monthAt = m.index + (re === DATE_MDY ? 0 : m[0].indexOf(m[2]!));
      const monthLen = re === DATE_MDY ? m[1]!.length : m[2]!.length;
      const dayAt = m.index + (re === DATE_MDY ? m[0].indexOf(dayText, m[1]!.length) : 0);
      push(monthAt, monthLen, month, 'month', 1, '', false);
      push(dayAt, dayText.length, day, 'day', 1, '', true);
      if (m[3]) push(m.index + m[0].lastIndexOf(m[3]), 4, Number(m[3]), 'year', 1, '', true);
    }
  }
  MONTH_ALONE.lastIndex = 0;
  for (let m = MONTH_ALONE.exec(piece); m; m = MONTH_ALONE.exec(piece)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    push(m.index, m[0].length, MONTH_NAMES[m[1]!.toLowerCase()]!, 'month', 1, '', false);
  }
  SPOKEN_SCALE.lastIndex = 0;
  for (let m = SPOKEN_SCALE.exec(piece); m; m = SPOKEN_SCALE.exec(piece)) {
    const [whole, article, count, half, scaleWord] = m;
    const factor = SCALE[scaleWord!.toLowerCase()]!;
    const units = article ? 1 : half ? 0.5 : (ONES[count!.toLowerCase()] ?? Number(count)) + 0.5;
    push(
      m.index,
      whole.length,
      units * factor,
      'cardinal',
      article ? factor : factor / 2,
      '',
      false,
    );
  }
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(piece); m; m = FIGURE.exec(piece)) {
    const [whole, digits, suffix, scaleWord, pct, ampm] = m;
    if (overlaps(taken, m.index, m.index + whole.length)) continue;
    const after = piece.slice(m.index + whole.length, m.index + whole.length + 1);
    const before = piece.slice(Math.max(0, m.index - 2), m.index);
    // Digits glued to letters are part of a name or code (F-22, COVID-19, G20, 5G).
    if (/^[A-Z]/i.test(after) && !scaleWord && !suffix) continue;
    if (/[A-Z]-?$/i.test(before)) continue;
    const clean = digits!.replace(/,/g, '');
    let value = Number(clean);
    let precision = writtenPrecision(clean);
    let scale = '';
    if (scaleWord) {
      const lower = scaleWord.toLowerCase();
      // "5 m" after a figure is more often metres than millions: only the glued 5m counts.
      if (
        (lower === 'm' || lower === 'k') &&
        /\s/.test(
          whole.slice(
            digits!.length,
            whole.length - scaleWord.length - (pct?.length ?? 0) - (ampm?.length ?? 0),
          ),
        )
      )
        continue;
      const factor = SCALE[lower]!;
      value *= factor;
      precision *= factor;
      scale = lower;
    }
    let kind: NumberKind = 'cardinal';
    if (pct) kind = /point/i.test(pct) && !/^%|cent/i.test(pct.trim()) ? 'point' : 'percent';
    if (pct && /percentage/i.test(pct)) kind = 'point';
    if (suffix) kind = 'ordinal';
    else if (!scale && !pct && /^\d{4}$/.test(clean) && value >= 1800 && value <= 2100)
      kind = 'year';
    let alternatives: number[] | undefined;
    if (kind === 'year' || kind === 'ordinal') precision = 1;
    if (ampm && /p/i.test(ampm) && value < 12) alternatives = [value + 12];
    push(m.index, whole.length, value, kind, precision, scale, true, alternatives);
  }
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(piece); m; m = WORDS.exec(piece)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    const words = m[0]
      .replace(/(?:%|per\s?cent|percentage points?)$/i, '')
      .split(/[\s-]+/)
      .filter((w) => w !== '');
    // A scale word alone ("thousands of", "hundred") or "second" as time is no figure.
    if (words.length === 1 && SCALE[words[0]!.toLowerCase()] !== undefined) continue;
    if (!words.every((w) => NUMBER_WORD.has(w.toLowerCase()) || w.toLowerCase() === 'and'))
      continue;
    const parsed = parseNumberWords(words);
    if (!parsed) continue;
    const kind: NumberKind = m[1]
      ? /point/i.test(m[1])
        ? 'point'
        : 'percent'
      : parsed.ordinal
        ? 'ordinal'
        : 'cardinal';
    const hasScale = words.some((w) => /^(?:thousand|million|billion|trillion)$/i.test(w));
    push(
      m.index,
      m[0].length,
      parsed.value,
      kind,
      hasScale ? 10 ** Math.floor(Math.log10(parsed.value || 1)) : 1,
      '',
      false,
    );
  }
  // "3.5 to 5 billion", "15-20%": the lower end takes the upper end's scale and kind.
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const between = text.slice(a.end, b.start);
    if (!/^\s*(?:to|[-–—]|and)\s*(?:[A-Z]{0,3}[$€£¥])?$/.test(between)) continue;
    const factor = SCALE[b.scale] ?? 1;
    if (a.scale === '' && b.scale !== '' && a.value * factor <= b.value) {
      a.value *= factor;
      a.precision *= factor;
      a.scale = b.scale;
    }
    if (a.kind === 'cardinal' && (b.kind === 'percent' || b.kind === 'point')) a.kind = b.kind;
  }
  return out;
}
