/**
 * gender-mismatch: the aligned source sentence says 他/他们 (he, they: men) and the English says
 * she/her, or the source says 她/她们 and the English says he/him/his. Also exports, for the
 * English pronoun rule, the persons the source calls 她.
 */
import type { Bilingual } from '../bilingual.js';
import { nameTokens } from '../bilingual.js';
import type { Range, SourceCheckMeta, SourceFinding } from '../types.js';
import { chineseOf, finding } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'gender-mismatch',
  category: 'accuracy/mistranslation',
  description: 'A pronoun of the translation has the other gender than the source',
  severities: { 'female-for-male': 'error', 'male-for-female': 'error', person: 'info' },
  messages: {
    person:
      'The translation says `{{actual}}` but its source sentence has no {{person}} pronoun: whose words are these?',
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

/** First and second person in the source: 我, 我们, 咱们, 本人, 笔者 (the writer), 你, 您. */
const ZH_FIRST = /[我咱]|本人|笔者|本报|本台|本网/u;
const ZH_SECOND = /[你您]/u;
const EN_SECOND = /\b(?:you|your|yours|yourself|yourselves)\b/giu;
/** "We" is capitalised only at a sentence start; "I" is always capital, never the Roman one in "World War I". */
const EN_FIRST_CASE = /\b(?:I|[Ww]e|us|[Oo]urs?|ourselves|me|[Mm]y|mine|myself)\b/gu;

const MODAL_CLAUSE = /(?:^|[，；：。！？“])[就更还也都]?(?:要|必须|应当|应该|需要|务必)/u;

/** Whether position `at` of `s` lies inside a quotation (an odd number of quote marks before it). */
function insideQuotes(s: string, at: number): boolean {
  const before = s.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

/** 大家 (everyone) is how a speaker addresses an audience: "you" in English. */
const ZH_SPEAKER = /[我咱你您]|大家|本人|笔者/u;

/**
 * Whether the source itself speaks in the first or second person in a third or more of its
 * sentences: a talk, an interview or an opinion piece, where Chinese drops the subjects "I", "we"
 * and "you" that the English must restore. Measured on both kinds of annotated data: news articles
 * do so in at most a fifth of their sentences (most never), transcripts of talks in more than half,
 * where the person check's findings were nearly all wrong (2 of 64 on a marked error).
 */
function speaksInPerson(bi: Bilingual): boolean {
  const sentences = bi.zh.sentences;
  let personal = 0;
  for (const s of sentences) if (ZH_SPEAKER.test(bi.zh.text.slice(s.start, s.end))) personal++;
  return sentences.length > 0 && personal * 3 >= sentences.length;
}

/**
 * A first- or second-person pronoun in the English where the aligned source has none: machine
 * translation fills Chinese's dropped subjects with "we" or "I" and turns reported speech into
 * someone's own words (raters mark this as a gender/person mismatch).
 */
function personCheck(bi: Bilingual, out: SourceFinding[]): void {
  if (speaksInPerson(bi)) return;
  for (const pair of bi.pairs) {
    if (!pair.enRange || !pair.zhRange) continue;
    const zh = chineseOf(bi, pair);
    const en = bi.en.text.slice(pair.enRange.start, pair.enRange.end);
    for (const [re, zhRe, person] of [
      [EN_FIRST_CASE, ZH_FIRST, 'first-person'],
      [EN_SECOND, ZH_SECOND, 'second-person'],
    ] as const) {
      if (zhRe.test(zh)) continue;
      // A clause that opens with a modal and no subject (要增强…, 必须…) is an exhortation: "we
      // must" is how English says it.
      if (person === 'first-person' && MODAL_CLAUSE.test(zh)) continue;
      const sourceQuotes = /[“”"「」]/u.test(zh);
      re.lastIndex = 0;
      for (let m = re.exec(en); m; m = re.exec(en)) {
        // Quoted speech in the source may drop the subject the English restores ("I'm afraid");
        // quotes only the English has (says: "We welcome…") are the translation's own invention.
        if (person === 'first-person' && sourceQuotes && insideQuotes(en, m.index)) continue;
        // "US" the country, "World War I", a Roman numeral after a name: not pronouns.
        if (m[0] === 'us' && /^U\.?S/.test(en.slice(m.index))) continue;
        if (
          m[0] === 'I' &&
          /\b(?:War|Phase|Class|Type|Stage|Part|Chapter|Henry|Elizabeth|George|Charles)\s$/.test(
            en.slice(Math.max(0, m.index - 10), m.index),
          )
        )
          continue;
        const start = pair.enRange.start + m.index;
        out.push(
          finding(meta, 'person', { start, end: start + m[0].length }, pair.zhRange, {
            actual: m[0],
            person,
          }),
        );
        break; // one finding per sentence and person is enough to send the editor there
      }
    }
  }
}

/** A third-person pronoun of one gender in a source sentence, with the English aligned to it. */
export interface SourcePronoun {
  /** 她/她们: female; 他/他们: male (他 is also generic: a man, or anyone). */
  gender: 'female' | 'male';
  /** As the source writes it: 她, 她们, 他, 他们. */
  mark: string;
  /** Where the source says it (UTF-16 into the source's prose). */
  source: Range;
  /** The English sentence(s) aligned with its source sentence(s). */
  english: Range;
  /**
   * Whether one of the sentence's 她 (他) opens a clause or is a possessive (她的): then it is
   * about the person the clause is about. Otherwise it may be an object (会见了她: met her), the
   * person someone else acts on.
   */
  topical: boolean;
}

/** A pronoun that opens a clause: after the start, a punctuation mark or a conjunction. */
const CLAUSE_LEAD =
  /(?:^|[，。：；“”"、！？（(\s并而但也就还又却便且当说称]|因为|所以|如果|虽然|表示|指出|认为)$/u;

/**
 * The aligned pairs whose source says 他 (他们) or 她 (她们), and not both: what this check compares
 * the English pronouns with, and the English pronoun rule's evidence of a person's gender.
 */
export function sourcePronouns(bi: Bilingual): SourcePronoun[] {
  const out: SourcePronoun[] = [];
  for (const pair of bi.pairs) {
    if (!pair.enRange || !pair.zhRange) continue;
    const zh = chineseOf(bi, pair);
    MALE.lastIndex = 0;
    FEMALE.lastIndex = 0;
    const male = MALE.exec(zh);
    const female = FEMALE.exec(zh);
    if ((male === null) === (female === null)) continue; // neither, or both: nothing to compare
    const found = (male ?? female)!;
    const plural = zh.startsWith('们', found.index + 1);
    const at = pair.zhRange.start + found.index;
    const all = male ? MALE : FEMALE;
    all.lastIndex = 0;
    let topical = false;
    for (let m = all.exec(zh); m && !topical; m = all.exec(zh)) {
      const after = zh.slice(m.index + 1, m.index + 3);
      topical =
        CLAUSE_LEAD.test(zh.slice(Math.max(0, m.index - 2), m.index)) || /^们?的/u.test(after);
    }
    out.push({
      gender: male ? 'male' : 'female',
      mark: plural ? `${found[0]}们` : found[0],
      source: { start: at, end: at + (plural ? 2 : 1) },
      english: pair.enRange,
      topical,
    });
  }
  return out;
}

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  personCheck(bi, out);
  for (const said of sourcePronouns(bi)) {
    const wrong = said.gender === 'male' ? EN_FEMALE : EN_MALE;
    const en = bi.en.text.slice(said.english.start, said.english.end);
    wrong.lastIndex = 0;
    for (let m = wrong.exec(en); m; m = wrong.exec(en)) {
      const start = said.english.start + m.index;
      out.push(
        finding(
          meta,
          said.gender === 'male' ? 'female-for-male' : 'male-for-female',
          { start, end: start + m[0].length },
          said.source,
          { source: said.mark, actual: m[0] },
          [swapPronoun(m[0])],
        ),
      );
    }
  }
  return out;
}

/**
 * The English pronouns this check reports (a he for 她, a she for 他), as [start, end) offsets: the
 * English pronoun rule leaves them to this check rather than report them twice.
 */
export function mismatchedPronouns(bi: Bilingual): Range[] {
  return check(bi)
    .filter((f) => f.messageId !== 'person')
    .map((f) => ({ start: f.offset, end: f.offset + f.length }));
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
