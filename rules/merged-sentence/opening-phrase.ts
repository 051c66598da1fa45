/**
 * Two sentences run together when the full stop was lost and the second starts in lower case
 * with an opening phrase and its comma: `… killed more than 17,000 people according to official
 * statistics, the death toll stands at …`, `… in harsh weather conditions earlier, Supreme Leader
 * Ayatollah Ali Khamenei said …`. The signal is three parts that English does not put together
 * inside one sentence without a conjunction: a complete clause ending on a noun or number, a phrase
 * that opens sentences (a preposition of time or place, `according to`, a subordinator, `earlier`)
 * closed by a comma, and after the comma a new subject with its own finite verb. A reporting clause
 * after the comma (`… rose 5 percent in March, the bureau said`) and an apposition (`… in 2022,
 * the highest in a decade`) are good English and left alone.
 */
import {
  hasFiniteVerb,
  tagAlone,
  type TaggedWord,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import { isPassive, verbAlone } from './clause-join.js';
import { onlySpacesBetween } from './scan.js';

/** Words that open a sentence's opening phrase (prepositions, subordinators, adverbs of time). */
const OPENING = new Set(
  'according in since among at after before during amid following as when while once although though because if unless earlier'.split(
    ' ',
  ),
);
/** Subordinators: the phrase they open holds a verb of its own (`when they were rescued,`). */
const SUBORDINATORS = new Set([
  'when',
  'while',
  'once',
  'although',
  'though',
  'because',
  'if',
  'unless',
  'as',
  'since',
  'after',
  'before',
]);
/** Words that make the clause before the opening phrase a dependent one. */
const DEPENDENT = new Set(
  'if when whenever while because although though since as after before once unless until that which who whom whose where whether'.split(
    ' ',
  ),
);
/**
 * Whether the subordinator at `index` opens a clause inside the main one, which ends before the
 * opening phrase (`… called for silence as they struggled to hear … earlier, …`): a word that may be
 * a finite verb before it in the same stretch (no comma, bracket or dash between) and another after
 * it, read on their own (not `after being trapped`, nor `…)-if you put …`).
 */
function innerSubordinate(
  words: readonly { text: string; lower: string; start: number; end: number }[],
  index: number,
  text: string,
): boolean {
  if (!SUBORDINATORS.has(words[index]!.lower)) return false;
  let verbBefore = false;
  for (let at = index - 1; at >= 0 && !verbBefore; at--) {
    if (/[,;:()—–-]/u.test(text.slice(words[at]!.end, words[at + 1]!.start))) return false;
    verbBefore = verbAlone(words[at]!.lower);
  }
  if (!verbBefore) return false;
  // Its own subject, then its verb: `as they struggled`, not `after being trapped`.
  const subject = words[index + 1]?.lower ?? '';
  if (subject === '' || verbAlone(subject) || subject.endsWith('ing')) return false;
  return words.slice(index + 2, index + 5).some((word) => verbAlone(word.lower));
}

/**
 * Whether the word at `index`, which makes what follows it dependent, opens a clause that may end
 * before an opening phrase while the sentence's main clause is complete: a `that` right after a
 * verb (its object clause: `stated that …`); a `that`, `which` or `who` after a noun whose main
 * clause has its verb before it (a relative: `issued an amnesty that included …`); or a
 * subordinator that opens the sentence, whose clause a comma closes before the main one
 * (`When they were all rescued, cheers were heard …`).
 */
function closableClause(words: readonly WordInfo[], index: number, text: string): boolean {
  // (Whether a comma closes it is asked with each opening word: `clauseClosedBefore`.)
  if (index === 0) return SUBORDINATORS.has(words[0]!.lower);
  const word = words[index]!.lower;
  const before = words[index - 1]!.lower;
  if (
    word === 'that' &&
    (verbAlone(before) || (isIngForm(before) && tagAlone(before) === 'VERB'))
  ) {
    return true;
  }
  return (
    RELATIVE_OPENERS.has(word) &&
    tagAlone(before) === 'NOUN' &&
    verbInStretchBefore(words, index - 1, text)
  );
}
/** Conjunctions that go on with the clause before their comma. */
const COORDINATORS = new Set(['and', 'but', 'or', 'nor', 'yet', 'which', 'who']);
/** Words that open a relative clause after its noun. */
const RELATIVE_OPENERS = new Set(['that', 'which', 'who']);

/**
 * Whether the clause that the word at `index` opens (see `closableClause`) is closed before
 * `opening`: an object or relative clause with a verb of its own (read alone) after its first
 * word (not `said that in the event of war in Europe, we would act`, where the phrase opens the
 * object clause itself); a subordinate clause closed by its comma, then a verb of the main clause.
 */
function clauseClosedBefore(
  words: readonly WordInfo[],
  index: number,
  opening: number,
  text: string,
): boolean {
  let from = index + 2;
  if (index === 0) {
    // The main clause after the comma, not the subordinate one going on (`If …, and you want …`).
    const comma = commaAfter(words, 0, text);
    if (comma === -1 || comma >= opening || COORDINATORS.has(words[comma + 1]!.lower)) return false;
    from = comma + 1;
  }
  for (let at = from; at < opening; at++) if (verbAlone(words[at]!.lower)) return true;
  return false;
}

/** The index of the word before the first comma after `index`, or -1. */
function commaAfter(words: readonly WordInfo[], index: number, text: string): number {
  for (let at = index; at < words.length - 1; at++) {
    if (text.slice(words[at]!.end, words[at + 1]!.start).includes(',')) return at;
  }
  return -1;
}

/** Whether a verb is an `-ing` form, not a verb whose base ends so (`bring`, `sing`, `string`). */
function isIngForm(lower: string): boolean {
  return lower.endsWith('ing') && !ING_BASES.has(lower);
}
const ING_BASES = new Set(
  'bring sing ring spring sting swing cling fling sling string wring wing ding ping'.split(' '),
);

/** Whether a word that may be a finite verb (read alone) comes before `index` with no mark between. */
function verbInStretchBefore(words: readonly WordInfo[], index: number, text: string): boolean {
  for (let at = index - 1; at >= 0; at--) {
    if (/[,;:()—–]/u.test(text.slice(words[at]!.end, words[at + 1]!.start))) return false;
    if (verbAlone(words[at]!.lower)) return true;
  }
  return false;
}

/** The longest opening phrase, in words, up to its comma. */
const MAX_PHRASE = 8;
/**
 * The longest opening clause of a subordinator (`since a powerful earthquake struck Turkey and
 * neighboring Syria,`).
 */
const MAX_CLAUSE = 12;
/** How far after the comma the new clause's verb may come, in words. */
const MAX_SUBJECT = 12;
/** Words after the comma that continue the sentence rather than start one. */
const CONTINUES = new Set(
  'and but or nor so yet which who whom whose where when while that what as than then including such especially particularly with without from to of for by in on at'.split(
    ' ',
  ),
);
/** Verbs of saying and showing: `…, the bureau said`, `…, the data showed` close a sentence. */
const REPORTING =
  /^(?:said|says|say|told|tells|added|adds|noted|notes|reported|reports|announced|announces|stated|states|wrote|writes|explained|explains|showed|shows|show|shown|indicated|indicates|revealed|reveals|estimated|estimates|predicted|predicts|according|claimed|claims|argued|argues|insisted|insists|believes|believe|believed|thinks|think|thought|warned|warns|confirmed|confirms|suggested|suggests)$/u;
/** A relative pronoun: `…, the largest of which is …` is an apposition, not a new sentence. */
const RELATIVE = /^(?:which|who|whom|whose)$/u;
/** Tags that may end the clause before the opening phrase. */
const ENDS_CLAUSE = new Set(['NOUN', 'NUM', 'PROPN']);
/** Tags of a finite verb's words. */
const VERBS = new Set(['AUX', 'VERB']);

/**
 * Whether the clause before the opening phrase may end on the word at `index`: a noun, number or
 * name; a word after `the` that the tagger read as an adjective or adverb (`in the southeast`,
 * which is a noun there); or, before `according to`, a passive participle, which takes no object
 * (`are finally launched`, `can ultimately be deported`). Other phrases after a passive are most
 * often its own (`everything is stored in memory, …`, `the file is opened after the first, …`).
 */
function endsClauseAt(tags: readonly TaggedWord[], index: number, according: boolean): boolean {
  const word = tags[index]!;
  if (ENDS_CLAUSE.has(word.tag)) return true;
  if (word.tag === 'ADJ' || word.tag === 'ADV') return tags[index - 1]?.lower === 'the';
  return according && word.tag === 'VERB' && isPassive(tags, index);
}
/** Tags of a subject's words after the comma: `the Singapore tourism market`, `they`, `Beijing`. */
const SUBJECT = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);

/** A candidate join: the opening word, and the comma that closes its phrase (word indices). */
export interface OpeningCandidate {
  /** Index of the opening word (`according`, `in`, `earlier`). */
  opening: number;
  /** Index of the last word before the comma. */
  beforeComma: number;
}

/**
 * Candidates read from the words and the text alone (no tagging), so that only the few sentences
 * that hold one are tagged: an opening word right after a lower-case word that is no function word,
 * with only spaces between, and a comma a few words on, followed by a word that may open a subject.
 */
export function openingCandidates(
  words: readonly WordInfo[],
  text: string,
  functionWords: ReadonlySet<string>,
): OpeningCandidate[] {
  const found: OpeningCandidate[] = [];
  let closable = -1;
  for (let index = 1; index < words.length - 2; index++) {
    const word = words[index]!;
    // After a word that makes the clause before dependent, no later opening word can be
    // a sentence's (see `opensRunTogetherSentence`): stop before tagging anything.
    // (A subordinator after the main clause's verb opens a clause that ends before the phrase,
    // `… called for silence as they struggled to hear … earlier, …`: read on.)
    // (And an object or relative clause, or an opening subordinate clause, may be closed
    // before a later phrase (`closableClause`): `… stated that …, meaning that half of the
    // population had invested in fund products according to …`; read on, and ask before each
    // opening word whether it is.)
    if (DEPENDENT.has(words[index - 1]!.lower) && !innerSubordinate(words, index - 1, text)) {
      if (!closableClause(words, index - 1, text)) break;
      closable = index - 1;
    }
    if (index < 3 || !OPENING.has(word.text)) continue;
    if (closable !== -1 && !clauseClosedBefore(words, closable, index, text)) continue;
    const previous = words[index - 1]!;
    // After a name only `according to` (`… 3,500 in Syria according to official statistics, the
    // quake has …`): other phrases after a capitalised word may be a title's (`In Cold Blood`).
    if (functionWords.has(previous.lower)) continue;
    if (!/^\p{Ll}/u.test(previous.text) && word.text !== 'according') continue;
    if (!onlySpacesBetween(text, previous.end, word.start)) continue;
    if (word.text === 'according' && words[index + 1]!.lower !== 'to') continue;
    // A subordinator's clause may run longer, after a verb in the same stretch (`… were signed
    // during the visit since a powerful earthquake struck Turkey and neighboring Syria, …`).
    const longest =
      SUBORDINATORS.has(word.text) && verbInStretchBefore(words, index, text)
        ? MAX_CLAUSE
        : MAX_PHRASE;
    const last = lastBeforeComma(words, text, index, longest);
    if (last === undefined) continue;
    // A second phrase may come before the subject: `according to Wind data, by the end of
    // 2021, there were …`.
    const second = secondPhraseEnd(words, text, last + 1);
    if (mayOpenSubject(words[(second ?? last) + 1]!)) {
      found.push({ opening: index, beforeComma: second ?? last });
    }
  }
  return found;
}

/**
 * The index of the last word before a comma that closes the phrase starting at `from` within
 * `longest` words, with no other mark before it; undefined when none does.
 */
export function lastBeforeComma(
  words: readonly WordInfo[],
  text: string,
  from: number,
  longest: number,
): number | undefined {
  for (let last = from; last < Math.min(words.length - 1, from + longest); last++) {
    const between = text.slice(words[last]!.end, words[last + 1]!.start).trim();
    if (between === ',') return last;
    if (between !== '') return undefined;
  }
  return undefined;
}

/**
 * The index of the last word of a second opening phrase that starts at `from` (a preposition of
 * time or measure: `by the end of 2021`, `as of the end of 2022`) and a comma closes, or
 * undefined when none starts there.
 */
function secondPhraseEnd(
  words: readonly WordInfo[],
  text: string,
  from: number,
): number | undefined {
  if (!SECOND_PHRASE.has(words[from]!.text)) return undefined;
  return lastBeforeComma(words, text, from, words[from]!.text === 'with' ? MAX_CLAUSE : MAX_PHRASE);
}
/**
 * Prepositions that open a second phrase of time or measure after the first one's comma, and
 * `with` and its circumstance, which may run longer (`since the beginning of this year, with the
 * accelerated implementation of centralized procurement of dental implants, …`).
 */
const SECOND_PHRASE = new Set(['by', 'as', 'in', 'at', 'on', 'during', 'until', 'since', 'with']);

/**
 * Whether the word after the comma may open a new clause's subject, judged before any tagging: not
 * a word that continues the sentence (`and`, `which`, `with`), and, in lower case, not one that read
 * on its own is a verb or an adverb (`, promoting …`, `, learned …`, `, jointly …`: participle
 * clauses and adverbs go on with the sentence before). Most commas in long sentences are of that
 * kind, and tagging the sentences they are in was most of the form's cost.
 */
function mayOpenSubject(word: WordInfo): boolean {
  if (CONTINUES.has(word.lower)) return false;
  if (!/^\p{Ll}/u.test(word.text)) return true;
  const tag = tagAlone(word.lower);
  return tag === undefined || SUBJECT.has(tag);
}

/**
 * Whether the candidate, read with the sentence's tags, is a sentence run into the one before: a
 * finite verb before the opening word, which may end a clause (`endsClauseAt`); no finite verb in
 * a prepositional opening phrase; and after the comma a subject of at most a few words, perhaps an
 * adverb, and a finite verb that is not one of saying (`…, the bureau said`).
 */
export function opensRunTogetherSentence(
  tags: readonly TaggedWord[],
  { opening, beforeComma }: OpeningCandidate,
  text: string,
): boolean {
  if (!endsClauseAt(tags, opening - 1, tags[opening]!.lower === 'according')) return false;
  const before = tags.slice(0, opening - 1);
  // A main clause before: not a subordinate one that the comma closes (`if you hear it while
  // you're on vacation in the universe, I suggest …`, `the strength in the data, we see …`).
  // (A subordinator after the main clause's verb opens a clause inside it: read on.)
  const dependent = before.some(
    (word, index) =>
      DEPENDENT.has(word.lower) &&
      !innerSubordinate(tags, index, text) &&
      !(closableClause(tags, index, text) && clauseClosedBefore(tags, index, opening, text)),
  );
  if (dependent || !hasFiniteVerb(before)) return false;
  // The nearest verb before the phrase is not a gerund the phrase may belong to (`… building a
  // modern country and promoting the rejuvenation of the nation in an all-round way, we will …`).
  const verb = before.findLastIndex((word) => word.tag === 'VERB' || word.tag === 'AUX');
  if (
    verb > 0 &&
    isIngForm(before[verb]!.lower) &&
    !/^(?:is|are|was|were|be|been)$/u.test(before[verb - 1]!.lower)
  ) {
    return false;
  }
  const phrase = tags.slice(opening + 1, beforeComma + 1);
  if (!SUBORDINATORS.has(tags[opening]!.lower) && hasFiniteVerb(phrase)) return false;
  // The new clause: its subject words, then a finite verb.
  for (
    let index = beforeComma + 1;
    index < Math.min(tags.length, beforeComma + 1 + MAX_SUBJECT);
    index++
  ) {
    const word = tags[index]!;
    if (word.tag === 'AUX' || word.tag === 'VERB') {
      if (index === beforeComma + 1 || REPORTING.test(word.lower)) return false;
      return hasFiniteVerb(tags.slice(beforeComma + 1, index + 1));
    }
    // A subject may hold a preposition and its noun (`the death toll in Turkey stands`), and,
    // after a determiner, `and` between two nouns or before another determiner (`the tight
    // supply and demand in the U.S. job market will`, `a 16-year-old boy and a 70-year-old woman
    // were`); not a mark (a list goes on: `…, education and health`).
    if (index > beforeComma + 1 && /\S/u.test(text.slice(tags[index - 1]!.end, word.start))) {
      return false;
    }
    // An adverb between the subject and its verb: `they often called`, `it also has`.
    if (word.tag === 'ADV' && index > beforeComma + 1 && VERBS.has(tags[index + 1]?.tag ?? '')) {
      continue;
    }
    if (
      word.lower === 'and' &&
      tags[beforeComma + 1]!.tag === 'DET' &&
      tags[index - 1]!.tag === 'NOUN' &&
      (tags[index + 1]?.tag === 'NOUN' || tags[index + 1]?.tag === 'DET')
    ) {
      continue;
    }
    if ((!SUBJECT.has(word.tag) && word.tag !== 'ADP') || RELATIVE.test(word.lower)) return false;
    // A pronoun inside the subject opens a clause of its own: `…in Diyarbakir, the largest city
    // in southeastern Turkey there was …` is an apposition, then that clause.
    if (word.tag === 'PRON' && index > beforeComma + 1 && CLAUSE_PRONOUNS.has(word.lower)) {
      return false;
    }
  }
  return false;
}
/** Pronouns that open a clause: not inside another clause's subject. */
const CLAUSE_PRONOUNS = new Set(['there', 'he', 'she', 'they', 'we', 'i', 'you', 'it']);
