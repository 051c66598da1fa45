/**
 * Pinyin: Chinese names in mainland romanisation, family name first ("Xi Jinping", "Ma Zhaoxu").
 * A given name is one to three syllables, written together or hyphenated ("Jinping", "Chun-shan").
 */
import { loadJson, wordArray } from '../../src/core/rule-kit.js';

const INITIALS = ['', 'zh', 'ch', 'sh', ...'bpmfdtnlgkhjqxrzcsyw'];
const FINALS = [
  'iang',
  'iong',
  'uang',
  'ueng',
  'ang',
  'eng',
  'ing',
  'ong',
  'ian',
  'iao',
  'uai',
  'uan',
  'ai',
  'ei',
  'ao',
  'ou',
  'an',
  'en',
  'in',
  'un',
  'ia',
  'ie',
  'iu',
  'ui',
  'ue',
  'ua',
  'uo',
  'er',
  'a',
  'o',
  'e',
  'i',
  'u',
  'v',
];
const SYLLABLES = new Set(INITIALS.flatMap((initial) => FINALS.map((final) => initial + final)));
const LONGEST = 6;

/** Common Chinese family names in pinyin, lower case. */
export const CHINESE_SURNAMES: ReadonlySet<string> = new Set(
  loadJson(import.meta.url, './chinese-surnames.json', wordArray.min(1)),
);

/** True when `word` splits into one to three pinyin syllables (hyphens allowed between them). */
export function isPinyinName(word: string): boolean {
  const syllables = pinyinSyllables(word);
  return syllables > 0 && syllables <= 3;
}

/** How many pinyin syllables `word` splits into (hyphens allowed between them), or 0. */
export function pinyinSyllables(word: string): number {
  const parts = word.toLowerCase().split('-');
  if (parts.some((part) => part === '')) return 0;
  let syllables = 0;
  for (const part of parts) {
    const count = countSyllables(part);
    if (count === 0) return 0;
    syllables += count;
  }
  return syllables;
}

/** The fewest syllables `text` splits into, or 0 when it does not split (at most 3 looked for). */
function countSyllables(text: string): number {
  // best[i]: fewest syllables covering text[0, i); dynamic programming, so linear in length.
  const best: number[] = new Array<number>(text.length + 1).fill(Infinity);
  best[0] = 0;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - LONGEST); start < end; start++) {
      if (best[start]! + 1 < best[end]! && SYLLABLES.has(text.slice(start, end))) {
        best[end] = best[start]! + 1;
      }
    }
  }
  const found = best[text.length]!;
  return found <= 3 ? found : 0;
}

/** A Chinese family name followed by a pinyin given name: "Wang Yi", "Liu Chun-shan". */
export function isChineseName(family: string, given: string): boolean {
  return (
    CHINESE_SURNAMES.has(family.toLowerCase()) &&
    /^\p{Lu}/u.test(given) &&
    !/^\p{Lu}{2,}/u.test(given) &&
    isPinyinName(given)
  );
}
