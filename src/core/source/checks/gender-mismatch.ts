/**
 * gender-mismatch: the aligned source sentence says 他/他们 (he, they: men) and the English says
 * she/her, or the source says 她/她们 and the English says he/him/his. Also exports, for the
 * English pronoun rule, the persons the source calls 她.
 */
import type { Bilingual } from '../bilingual.js';
import { nameTokens } from '../bilingual.js';
import type { SourceCheckMeta, SourceFinding } from '../types.js';
import { chineseOf, finding } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'gender-mismatch',
  category: 'accuracy/mistranslation',
  description: 'A pronoun of the translation has the other gender than the source',
  severities: { 'female-for-male': 'error', 'male-for-female': 'error' },
  messages: {
    'female-for-male': 'The source says `{{source}}` (a man) but the translation says `{{actual}}`',
    'male-for-female':
      'The source says `{{source}}` (a woman) but the translation says `{{actual}}`',
  },
};

/** 他 as a pronoun: not in 其他 (other), 他人 (others), 吉他 (guitar), 他国/他乡 (another country/place). */
const MALE = /(?<![其吉利])他(?![人国乡])/gu;
const FEMALE = /她/gu;
const EN_MALE = /\b(?:he|him|his|himself)\b/giu;
const EN_FEMALE = /\b(?:she|her|hers|herself)\b/giu;

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  for (const pair of bi.pairs) {
    if (!pair.enRange || !pair.zhRange) continue;
    const zh = chineseOf(bi, pair);
    MALE.lastIndex = 0;
    FEMALE.lastIndex = 0;
    const male = MALE.exec(zh);
    const female = FEMALE.exec(zh);
    if ((male === null) === (female === null)) continue; // neither, or both: nothing to compare
    const wrong = male ? EN_FEMALE : EN_MALE;
    const mark = (male ?? female)!;
    const en = bi.en.text.slice(pair.enRange.start, pair.enRange.end);
    wrong.lastIndex = 0;
    for (let m = wrong.exec(en); m; m = wrong.exec(en)) {
      const start = pair.enRange.start + m.index;
      const at = pair.zhRange.start + mark.index;
      const plural = zh.startsWith('们', mark.index + 1);
      out.push(
        finding(
          meta,
          male ? 'female-for-male' : 'male-for-female',
          { start, end: start + m[0].length },
          { start: at, end: at + (plural ? 2 : 1) },
          { source: plural ? `${mark[0]}们` : mark[0], actual: m[0] },
          [swapPronoun(m[0])],
        ),
      );
    }
  }
  return out;
}

const SWAP: Record<string, string> = {
  he: 'she',
  him: 'her',
  his: 'her',
  himself: 'herself',
  she: 'he',
  her: 'his',
  hers: 'his',
  herself: 'himself',
};

function swapPronoun(w: string): string {
  const s = SWAP[w.toLowerCase()] ?? w;
  return w[0] === w[0]!.toUpperCase() ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export interface FemalePerson {
  /** The name as the source writes it (李娜). */
  name: string;
  /** Toneless pinyin syllables (li, na): how the English usually spells the name. */
  pinyin: string[];
  /** Where the source names her. */
  sourceOffset: number;
}

/**
 * Persons the source calls 她: a name (jieba nr) in a sentence where 她 follows it, or in the
 * sentence just before one that says 她, with no 他 in between. Evidence for the English pronoun
 * rule: "he" for one of these persons is wrong.
 */
export function femalePersons(bi: Bilingual): FemalePerson[] {
  const out: FemalePerson[] = [];
  const seen = new Set<string>();
  const sentences = bi.zh.sentences;
  for (let j = 0; j < sentences.length; j++) {
    const s = sentences[j]!;
    const text = bi.zh.text.slice(s.start, s.end);
    const next =
      j + 1 < sentences.length
        ? bi.zh.text.slice(sentences[j + 1]!.start, sentences[j + 1]!.end)
        : '';
    for (const { token, pinyin } of nameTokens(bi.zhTokens[j] ?? [])) {
      const after = text.slice(token.end - s.start);
      MALE.lastIndex = 0;
      const her = after.includes('她') ? after : next.includes('她') ? after + next : '';
      if (her === '') continue;
      const between = her.slice(0, her.indexOf('她'));
      MALE.lastIndex = 0;
      if (MALE.test(between)) continue;
      if (seen.has(token.word)) continue;
      seen.add(token.word);
      out.push({ name: token.word, pinyin, sourceOffset: token.start });
    }
  }
  return out;
}
