/**
 * Document-wide tests that prove the rule has nothing to report, so that most texts skip
 * tokenising, name finding and resolution. They read words as `tokenize` does (`someWord`), and
 * each may let through a document that has nothing to report, never the other way round.
 *
 * A finding needs a gendered pronoun, and evidence of the other gender for the person it refers
 * to: either strong evidence (an honorific, a gendered noun or title, a spouse, a first name, a
 * public figure's name: each needs one of the words in `EVIDENCE_WORDS` or `FIRST_NAMES`, or two
 * words in a row that open a listed public figure's name), or a pronoun of the other gender.
 */
import type { Root, WordInfo } from '../../src/core/rule-kit.js';
import {
  FIRST_NAMES,
  GENDERED_NOUNS,
  HONORIFICS,
  FIGURE_PAIRS,
  NAME_PARTICLES,
  PRONOUNS,
  PUBLIC_FIGURE_STARTS,
  SPOUSES,
  nameKey,
  type Gender,
} from './lexicon.js';
import { bareOfWord, endsWithStop, isPossessive, someWord } from './tokens.js';

/** Whether the rule could report anything in the document; false only when it surely cannot. */
export function mayReport(tree: Root, text: string): boolean {
  return someWord(tree, text, isPronounWord) && hasEvidenceAgainst(tree, text);
}

/** Whether the document has a gendered pronoun at all: all a finding needs when a source speaks. */
export function hasPronoun(tree: Root, text: string): boolean {
  return someWord(tree, text, isPronounWord);
}

/** Words whose `bare` form gives a person's gender as an honorific, a noun or a spouse. */
const EVIDENCE_WORDS: ReadonlySet<string> = new Set([
  ...HONORIFICS.keys(),
  ...GENDERED_NOUNS.keys(),
  ...SPOUSES.keys(),
]);

const GENDER_BIT: Record<Gender, number> = { female: 1, male: 2 };

/**
 * A gendered pronoun. Only words that start with "h" or "s" (or a character outside ASCII, in
 * case its lower case is one) are lower-cased and looked up: most documents have no such pronoun,
 * and this runs for every word of theirs.
 */
function isPronounWord(word: WordInfo): boolean {
  const first = word.text.charCodeAt(0);
  if (first < 128 && first !== 104 && first !== 72 && first !== 115 && first !== 83) return false;
  return PRONOUNS.has(bareOfWord(word));
}

/**
 * Pronouns of both genders, or a pronoun and a word that may be strong evidence. Stops at the
 * first word where that is known, which in most articles with names comes early.
 */
function hasEvidenceAgainst(tree: Root, documentText: string): boolean {
  let genders = 0;
  let evidence = false;
  // The word before, when it starts a public figure's name; particles ("von der") are skipped
  // as the name's key skips them.
  let previous = '';
  return someWord(tree, documentText, (word) => {
    const raw = word.text;
    const text = withoutPossessive(raw);
    const bare = bareOfWord(word);
    const pronoun = PRONOUNS.get(bare);
    if (pronoun) genders |= GENDER_BIT[pronoun.gender];
    evidence ||=
      EVIDENCE_WORDS.has(bare) ||
      mayBeFirstName(text) ||
      (previous !== '' && opensFigure(previous, bare));
    if (!NAME_PARTICLES.has(raw)) previous = isPossessive(raw) ? '' : figureStart(text, bare);
    return genders === 3 || (genders !== 0 && evidence);
  });
}

function withoutPossessive(raw: string): string {
  return isPossessive(raw) ? raw.slice(0, -2) : raw;
}

/**
 * A first name as the name finder reads it: the token's text, which loses a final full stop when
 * the stop ends a sentence ("met Michelle."). Only words that do not start with a lower-case
 * ASCII letter are looked up: a name starts with a capital.
 */
function mayBeFirstName(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) return false;
  return FIRST_NAMES.has(endsWithStop(text) ? text.slice(0, -1) : text);
}

/** A capitalised word that starts a listed public figure's name ("Li", "Kim"), as its `bare`. */
function figureStart(text: string, bare: string): string {
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) return '';
  return PUBLIC_FIGURE_STARTS.has(bare) ? bare : '';
}

/**
 * Two words that open a listed public figure's name ("Li Qiang", "Kim Jong-un"), compared by the
 * first two words of their `nameKey`, as the name finder's look-up compares whole names.
 */
function opensFigure(previous: string, bare: string): boolean {
  const key = nameKey([previous, bare]);
  const space = key.indexOf(' ');
  const second = key.indexOf(' ', space + 1);
  return FIGURE_PAIRS.has(second < 0 ? key : key.slice(0, second));
}
