/**
 * Two sentences run together when the full stop was lost and the second starts in lower case with
 * its subject: `… delivered a keynote speech the state TV was hacked to interrupt …`, `… cannot
 * hide behind a black hole this is Einstein's theory`. With no conjunction, comma or relative word
 * at the join, English puts a subject and a finite verb right after a noun in a few ways only, and
 * the rule tells them apart with the sentence's tags:
 *
 * - a reduced relative clause, whose verb misses its object (`the book the teacher recommended was
 *   good`, `the speech he gave was long`, `the house they live in`): the new clause must be
 *   complete, its verb followed by an object, a complement after `be`, a passive participle, or a
 *   phrase after a verb that never takes an object; and no finite verb may follow it before a
 *   comma or conjunction, as the main verb follows a relative (`the speech he gave the crowd was
 *   long`);
 * - the object clause of a verb of saying, thinking or telling (`told reporters the plan works`,
 *   `said at the meeting the plan works`), or of a noun like `fact` or `hope`: never after such a
 *   verb or noun;
 * - an adverbial noun or a subordinate clause before it (`last year the plan worked`, `the day the
 *   quake hit`, `if you want the money you have to work`): never after a noun of time or manner,
 *   nor after a subordinator that no comma closed;
 * - `so … (that)`, `such … (that)` and `the more … the more`: never after those.
 *
 * What is left is a complete clause, then another with its own subject, verb and object: two
 * sentences. The same reading holds when the second opens with a name or nationality after a
 * common noun (`… under the rubble Turkish authorities said on Saturday that …`), the name maybe
 * followed by an apposition between commas; not after a noun a name stands in apposition to
 * (`his counterpart He Lifeng`).
 */
import { z } from 'zod';
import {
  baseForms,
  isCommonWord,
  isFiniteContraction,
  loadJson,
  tagAlone,
  wordArray,
  type TaggedWord,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import {
  endsWithLetterOrDigit,
  isAsciiDigit,
  isNumber,
  isPlural,
  onlySpacesBetween,
} from './scan.js';

const WORDS = loadJson(
  import.meta.url,
  './clause-words.json',
  z.object({
    description: z.string().min(1),
    clauseTaking: wordArray,
    clauseAdjectives: wordArray,
    ditransitive: wordArray,
    intransitive: wordArray,
    ergative: wordArray,
    attribution: wordArray,
    perceiving: wordArray,
    determiners: wordArray,
    units: wordArray,
    objectPronouns: wordArray,
    stranded: wordArray,
    linking: wordArray,
    objectAndVerb: wordArray,
    relativeHeads: wordArray,
    headDeterminers: wordArray,
    clauseNouns: wordArray,
    subordinators: wordArray,
    closingAdverbs: wordArray,
    pluralModifiers: wordArray,
    nameHeads: wordArray,
  }),
);
const CLAUSE_TAKING = new Set(WORDS.clauseTaking);
const CLAUSE_ADJECTIVES = new Set(WORDS.clauseAdjectives);
const DITRANSITIVE = new Set(WORDS.ditransitive);
const INTRANSITIVE = new Set(WORDS.intransitive);
/**
 * Verbs of perceiving, which take a clause (`heard the plan works`) or a noun phrase for their object
 * (`heard any signs of life`), and then no clause after it.
 */
const PERCEIVING = new Set(WORDS.perceiving);
/**
 * Words that open a noun phrase for a verb of perceiving and not a clause's subject: `hear any
 * signs of life`, `saw no sign` (but `heard some people were released`, `heard a man was`).
 */
const OBJECT_OPENERS = new Set(['any', 'no']);
/** Verbs that credit a report after it (`…, Reuters reported today`). */
const ATTRIBUTION = new Set(WORDS.attribution);
const ERGATIVE = new Set(WORDS.ergative);
/** Whether `lower`, or a form it may be a regular inflection of, is in `verbs`. */
const isVerbOf = (verbs: ReadonlySet<string>, lower: string): boolean =>
  baseForms(lower).some((form) => verbs.has(form));

/** Subject pronouns: `… a black hole we need to decode them`. */
const NOMINATIVE = new Set(['he', 'she', 'we', 'they', 'i', 'you', 'it']);
/** Demonstratives that are a subject when a verb follows them: `… in the universe this is …`. */
const DEMONSTRATIVES = new Set(['this', 'these', 'those']);
/** Words that open a noun phrase: `the state TV`, `another man`, `its mass`, `two more women`. */
const DETERMINERS = new Set(WORDS.determiners);
/** Words that may open the new clause (read before any tagging). */
const CLAUSE_STARTS = new Set([...NOMINATIVE, ...DEMONSTRATIVES, ...DETERMINERS, 'there']);
/**
 * A subject pronoun with its verb: `it's`, `we're`, `they've`, `there's`. Not `that's`, which after
 * a noun is mostly a relative's (`a domain that's already in ASCII`).
 */
const SUBJECT_CONTRACTION = /^(?:it|there|they|we|you|he|she|i|this|here)['’](?:[sdm]|re|ve|ll)$/u;
/** Nouns of measure after `a`: `dollars a piece`, `twice a day` (per piece, per day), no subject. */
const UNITS = new Set(WORDS.units);
/** Marks that end a stretch of the sentence that a clause may fill. */
const STRETCH_ENDS = /[,;:()—–]|\s-\s/u;
/** A gap between two words that holds a comma and nothing else. */
const COMMA_ONLY = /^\s*,\s*$/u;
/** Marks that no clause holds between its subject, verb and object. */
const INSIDE_MARKS = /[,;:()"“”—–]/u;
/** Tags before which a word is a noun's, whatever the tagger says of it. */
const NOMINAL_BEFORE = new Set(['DET', 'ADJ']);
const POSSESSIVES = new Set(['its', 'their', 'our', 'my', 'your', 'his', 'her']);
/** Object pronouns that may end the clause before the join: `… still lingers around us this is …`. */
const OBJECT_PRONOUNS = new Set(WORDS.objectPronouns);
/**
 * Prepositions and particles that a clause may end on (`… what is going on`, `… we look up at`),
 * before a pronoun that only subjects take.
 */
const STRANDED = new Set(WORDS.stranded);
/** Words a clause never ends on: they open or link what follows (`just like the earth orbits`). */
const LINKING = new Set(WORDS.linking);
/**
 * Verbs whose object a bare verb follows (`let the universe come`, `lets you walk the tree`), or a
 * name or description (`I call it self-directed replication`): what follows them is no new clause.
 */
const OBJECT_AND_VERB = new Set(WORDS.objectAndVerb);
/** Words that open a relative or an embedded clause: one before the join may hold it. */
const EMBEDDING = new Set(['who', 'whom', 'whose', 'which', 'that', 'what', 'how', 'why']);
/** Subject pronouns that no verb takes as its object (`it's` may be a misspelt `its`). */
const SUBJECT_ONLY = /^(?:he|she|we|they|i|(?:he|she|we|they|i)['’](?:ve|ll|d|m))$/u;
/** Subject pronouns that no preposition takes: after `… what is going on`, `they` opens a clause. */
const ONLY_SUBJECTS = /^(?:he|she|we|they|i|(?:he|she|we|they|i)['’](?:[sdm]|re|ve|ll))$/u;
/**
 * Nouns that head a relative clause with no `that`, `when` or `where`: of time (`the day the quake
 * hit`, `last year the plan worked`), place, manner and reason (`the way we build`, `in the order
 * they were added`), and `thing` and `one`. After a determiner only (`the day`, `every time`, `last
 * year`): `for several days` or `under cold weather conditions` close a clause.
 */
const RELATIVE_HEADS = new Set(WORDS.relativeHeads);
/** Words that determine a relative's head: `the day`, `every time`, `last year`, `the same way`. */
const HEAD_DETERMINERS = new Set(WORDS.headDeterminers);
/**
 * Nouns that take a clause with no `that`, with or without a determiner (`the fact the plan
 * failed`, `amid fears the virus spreads`), and adverbial ones (`for example`, `today`).
 */
const CLAUSE_NOUNS = new Set(WORDS.clauseNouns);
/** Subordinators whose clause a comma closes: before one with no comma after it, the join is theirs. */
const SUBORDINATORS = new Set(WORDS.subordinators);
/** Words of degree that a clause with no `that` follows: `so much money the …`, `such a mess the …`. */
const DEGREE = new Set(['so', 'such', 'too', 'enough', 'sure']);
/**
 * Adverbs that may close a clause before a new one (`… are developing together the Singapore
 * government has …`, `… to attract tourists back rescue teams …`); not the sentence adverbs that
 * open one (`perhaps`, `now`, `then`).
 */
const CLOSING_ADVERBS = new Set(WORDS.closingAdverbs);
/** Forms of `be`, and contractions of it. */
const BE =
  /^(?:am|is|are|was|were|be|been|being|(?:it|that|there|he|she|what|here|this|who)['’]s|(?:we|they|you)['’]re|i['’]m)$/u;
/** Contractions that hold a modal or `have`, before a verb: `we'll go`, `they've found`. */
const AUXILIARY_CONTRACTION = /['’](?:ll|d|ve)$|n['’]t$/u;
/** Tags of the words of a noun phrase after its determiner. */
const NOUN_PHRASE = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Tags of a noun phrase's head. */
const HEAD = new Set(['NOUN', 'PROPN', 'NUM']);
/** Prepositions that may sit inside a subject: `the death toll in Turkey stands`. */
const INSIDE_SUBJECT = new Set(['of', 'in', 'on', 'at', 'from', 'for', 'with', 'between', 'by']);
/** Words that end the new clause: after one, another finite verb belongs to another clause. */
const CLAUSE_BOUNDARY = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when']);
/** Particles of phrasal verbs: `pulled out the mother`. */
const PARTICLES = new Set(['out', 'up', 'down', 'off', 'back', 'away', 'over']);

/** The longest subject read, in words. */
const MAX_SUBJECT = 9;
/**
 * After `that`, which opens a clause for certain, a subject may run longer (`that the tight
 * supply and demand in the U.S. job market will`).
 */
const MAX_SUBJECT_AFTER_THAT = 12;

/**
 * Candidate joins read from the words and the text alone (no tagging), so that only the sentences
 * that hold one are tagged. The word before the join may end a clause: a noun, name, number or
 * object pronoun (read on its own), an adverb that closes clauses (`together`, `back`), or a
 * participle after `be` (`… are finally launched rescue workers …`); only spaces between. The
 * first word of the new clause, in lower case, may open a subject: a pronoun, a determiner,
 * `there`, or a noun or adjective with a verb a few words on (`… the rubble rescuers first
 * pulled …`). Returns the indices of the first words of the new clauses.
 */
export function clauseJoinCandidates(
  words: readonly WordInfo[],
  text: string,
  functionWords: ReadonlySet<string>,
): number[] {
  const found: number[] = [];
  for (let index = 3; index < words.length - 1; index++) {
    const word = words[index]!;
    const previous = words[index - 1]!;
    // Lower case (`I` is always a capital), or a capitalised word that is no function word after
    // a lower-case one: a name or a nationality opening the subject (`… of the monarchy Iran
    // marked the anniversary …`, `… under the rubble Turkish authorities said …`).
    const capitalised = word.text !== word.lower && word.text !== 'I';
    if (capitalised && !opensCapitalisedSubject(words, index, functionWords)) continue;
    // The cheap tests first (set look-ups and character codes), then the words read on their own.
    if (!capitalised && !mayStartSubject(words, index)) continue;
    if (!endsWithLetterOrDigit(previous.text)) continue;
    if (!onlySpacesBetween(text, previous.end, word.start)) continue;
    // A bare noun after an adjective or a number is the noun they describe or count (`human
    // rights`, `Western countries`, `two sides`), all but never a new subject; a figure after a
    // capitalised word is a date or a name's (`May 28`, `Boeing 737`).
    if (!CLAUSE_STARTS.has(word.lower)) {
      const before = tagAlone(previous.lower);
      if ((before === 'ADJ' && previous.lower !== 'first') || before === 'NUM') continue;
      if (isAsciiDigit(word.text.charCodeAt(0)) && previous.text !== previous.lower) continue;
    }
    if (!mayEndClause(words, index - 1, functionWords) || !mayOpenClause(words, index, text))
      continue;
    if (verbLikeBefore(words, index - 1, text)) found.push(index);
  }
  return found;
}

/**
 * Whether a word that may be a finite verb (read on its own, a verb or auxiliary not in `-ing`, or
 * a contraction that holds one) comes before `index` in its stretch of the sentence, or up to
 * `index` itself; or the stretch may be one that completeBefore reads as closing the clause before
 * its comma: a source (`…, according to official statistics`), a list (`…, including …`) or an
 * apposition (`…, the largest city in southeastern Turkey`).
 */
function verbLikeBefore(words: readonly WordInfo[], index: number, text: string): boolean {
  for (let back = index; back >= 0; back--) {
    const word = words[back]!;
    if (isFiniteContraction(word.lower) || verbAlone(word.lower)) return true;
    if (back > 0 && STRETCH_ENDS.test(text.slice(words[back - 1]!.end, word.start))) {
      // (An apposition only after a name, as completeBefore asks of the tags; read here as the
      // capital that a name has, so that no other sentence is tagged for it.)
      const name = words[back - 1]!;
      return (
        word.lower === 'according' ||
        word.lower === 'including' ||
        (APPOSITION_OPENERS.has(word.lower) && back < index && name.text !== name.lower)
      );
    }
  }
  return false;
}

/** Whether a word that may be a finite verb follows `index` within a few words. */
function verbLikeAfter(words: readonly WordInfo[], index: number, span: number): boolean {
  for (let next = index + 1; next < Math.min(words.length, index + 1 + span); next++) {
    const word = words[next]!;
    if (isFiniteContraction(word.lower) || verbAlone(word.lower)) return true;
  }
  return false;
}

/**
 * Whether a word read on its own may be a finite verb: a verb or auxiliary, not in `-ing`. A cheap
 * first reading, before any sentence is tagged.
 */
export function verbAlone(lower: string): boolean {
  const tag = tagAlone(lower);
  return (tag === 'VERB' || tag === 'AUX') && !lower.endsWith('ing');
}

/**
 * Whether the word at `index` may open a subject, from the letters alone: a pronoun, a determiner,
 * a number, or a plural as it or the word after it (`rescuers`, `dental implants`).
 */
function mayStartSubject(words: readonly WordInfo[], index: number): boolean {
  const { lower } = words[index]!;
  // Asked of every lower-case word: the tests on sets and character codes first, the expression
  // (only for a word with an apostrophe) last.
  return (
    CLAUSE_STARTS.has(lower) ||
    isNumber(lower) ||
    pluralAhead(words, index) ||
    (hasApostrophe(lower) && SUBJECT_CONTRACTION.test(lower))
  );
}
/** Whether a word holds `'` or `’`, as every contraction does. */
const hasApostrophe = (lower: string): boolean => lower.includes("'") || lower.includes('’');

/**
 * Whether a plural ends the run of nouns and adjectives (read on their own) from `index`, within
 * four words: `rescuers`, `dental implants`, `personal pension wealth management products`.
 */
function pluralAhead(words: readonly WordInfo[], index: number): boolean {
  if (isPlural(words[index]!.lower)) return true;
  for (let at = index + 1; at < Math.min(words.length, index + 5); at++) {
    const { lower } = words[at]!;
    if (isPlural(lower)) return true;
    const tag = tagAlone(lower);
    if (tag !== 'NOUN' && tag !== 'ADJ') return false;
  }
  return false;
}

/**
 * Whether a capitalised word may open the subject of a clause run into the one before: a word of
 * capital and lower-case letters (not `US`, `iPhone`), no function word (those are the capital
 * forms' finding), right after a lower-case word that is not one naming what a name follows in
 * apposition (`his counterpart He Lifeng`, `the province Henan`: `nameHeads`).
 */
function opensCapitalisedSubject(
  words: readonly WordInfo[],
  index: number,
  functionWords: ReadonlySet<string>,
): boolean {
  const word = words[index]!;
  const previous = words[index - 1]!;
  return (
    (CAPITALISED.test(word.text) || CAPITALISED_POSSESSIVE.test(word.text)) &&
    (!functionWords.has(word.lower) || isSurnameHe(words, index)) &&
    previous.text === previous.lower &&
    !NAME_HEADS.has(previous.lower)
  );
}

/**
 * Whether the `He` at `index` is the surname (`He Lifeng`): before a capitalised word the lexicon
 * does not know, as no pronoun comes before a name.
 */
function isSurnameHe(words: readonly { text: string; lower: string }[], index: number): boolean {
  const next = words[index + 1];
  return (
    words[index]!.text === 'He' &&
    next !== undefined &&
    CAPITALISED.test(next.text) &&
    !isCommonWord(next.lower)
  );
}

/**
 * Where the verb of a name's clause may stand: after the name's capitalised words and, when a
 * comma follows them, after the apposition the next comma closes (`He Lifeng, a member of the
 * Political Bureau …, attended`). Undefined when the words after `start` are not so.
 */
function afterNameSubject(
  words: readonly { text: string; start: number; end: number }[],
  start: number,
  text: string,
): { verbAt: number; apposition: boolean } | undefined {
  let index = start + 1;
  while (index < words.length && CAPITALISED.test(words[index]!.text)) index++;
  if (index >= words.length) return undefined;
  const gap = text.slice(words[index - 1]!.end, words[index]!.start);
  if (!gap.includes(',')) return { verbAt: index, apposition: false };
  if (gap.trim() !== ',') return undefined;
  // The apposition: up to its closing comma, with no other mark inside.
  for (let at = index + 1; at < Math.min(words.length, index + MAX_APPOSITION); at++) {
    const between = text.slice(words[at - 1]!.end, words[at]!.start);
    // (Its last words may be an abbreviation in brackets: `… Reform Commission (NDRC), attended`.)
    if (between.replace(/[()]/gu, '').trim() === ',') return { verbAt: at, apposition: true };
    if (/[^\s()-]/u.test(between)) return undefined;
  }
  return undefined;
}
/** The longest apposition read after a name, in words. */
const MAX_APPOSITION = 30;
/** A capitalised word's possessive, which may open a subject (`Monday's quake has killed`). */
const CAPITALISED_POSSESSIVE = /^\p{Lu}\p{Ll}+['’]s$/u;
/** A capitalised word: one capital, then lower-case letters (`Iran`, `Turkish`, `Lifeng`; not `US`, `I`, `iPhone`). */
export const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** Nouns a name follows in apposition: `counterpart`, `premier`, `the company`, `the city`. */
const NAME_HEADS = new Set(WORDS.nameHeads);

/** Whether the word at `index` may open a subject (see `clauseJoinCandidates`). */
function mayOpenClause(words: readonly WordInfo[], index: number, text: string): boolean {
  const word = words[index]!;
  // A name or nationality: its words, then a verb (`Iran marked`, `Turkish authorities said`),
  // or a name, its apposition, then a verb.
  if (word.text !== word.lower && word.text !== 'I') {
    if (subjectLikeBeforeVerb(words, index + 1)) return true;
    const name = afterNameSubject(words, index, text);
    return name !== undefined && name.apposition && verbLikeAfter(words, name.verbAt - 1, 2);
  }
  if (SUBJECT_CONTRACTION.test(word.lower)) return true;
  if (NOMINATIVE.has(word.lower) || word.lower === 'there') return verbLikeAfter(words, index, 3);
  if (CLAUSE_STARTS.has(word.lower)) return subjectLikeBeforeVerb(words, index + 1);
  // With no determiner: a number, or a plural among its first two words (`two more women`,
  // `rescuers`, `dental implants`).
  if (!isNumber(word.lower) && !pluralAhead(words, index)) return false;
  const alone = tagAlone(word.lower);
  if (alone !== 'NOUN' && alone !== 'ADJ' && alone !== 'NUM') return false;
  return subjectLikeBeforeVerb(words, index + 1);
}

/**
 * Whether, from `from`, words that may be a subject's (read on their own: nouns, adjectives,
 * numbers, determiners, names, prepositions inside a subject) run up to one that may be a finite
 * verb, within `MAX_SUBJECT` words.
 */
function subjectLikeBeforeVerb(words: readonly WordInfo[], from: number): boolean {
  for (let index = from; index < Math.min(words.length, from + MAX_SUBJECT); index++) {
    const word = words[index]!;
    if (isFiniteContraction(word.lower) || verbAlone(word.lower)) return true;
    const tag = tagAlone(word.lower);
    if (
      tag === 'ADP' ? !INSIDE_SUBJECT.has(word.lower) : tag !== undefined && !SUBJECT_WORDS.has(tag)
    ) {
      return false;
    }
  }
  return false;
}
/** Tags, read on their own, of the words of a subject. */
const SUBJECT_WORDS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PRON', 'ADV', 'X']);

/** Whether the word at `index` may end a clause (see `clauseJoinCandidates`). */
function mayEndClause(
  words: readonly WordInfo[],
  index: number,
  functionWords: ReadonlySet<string>,
): boolean {
  const word = words[index]!;
  if (OBJECT_PRONOUNS.has(word.lower) || CLOSING_ADVERBS.has(word.lower)) return true;
  // As `endsClause` reads it: `at all`, `them all`; not `all kinds`.
  if (word.lower === 'all') {
    const before = words[index - 1]?.lower ?? '';
    return before === 'at' || OBJECT_PRONOUNS.has(before);
  }
  if (STRANDED.has(word.lower)) return ONLY_SUBJECTS.test(words[index + 1]!.lower);
  if (functionWords.has(word.lower) || LINKING.has(word.lower)) return false;
  if (CLAUSE_NOUNS.has(word.lower) || POSSESSIVE.test(word.lower)) return false;
  // Read on its own, as `endsClause` reads the tagged word: a verb only where it may close its
  // clause, an adverb only one that closes clauses.
  switch (tagAlone(word.lower)) {
    case 'VERB':
      return (
        ((PARTICIPLE.test(word.lower) || /ing$/u.test(word.lower)) && beBefore(words, index)) ||
        isVerbOf(INTRANSITIVE, word.lower) ||
        SUBJECT_ONLY.test(words[index + 1]!.lower)
      );
    // An adverb, preposition or determiner ends no clause (`throughout the process`), unless
    // stranded or closing, as tested above.
    case 'ADV':
    case 'ADP':
    case 'DET':
      return false;
    case 'ADJ':
      return !CLAUSE_ADJECTIVES.has(word.lower);
    default:
      return true;
  }
}

/** Whether a form of `be` comes up to three words before `index` (`are finally launched`). */
function beBefore(words: readonly WordInfo[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (BE.test(words[back]!.lower)) return true;
  }
  return false;
}

/** `-ed` and `-en` forms, and the irregular participles that end passives in news. */
const PARTICIPLE =
  /[^e](?:ed|en)$|^(?:built|held|hit|hurt|made|paid|put|set|shut|sold|sent|spent|struck|taken|told|kept|left|lost|found|brought|bought|caught|taught|thought|won|shot|cut|led|fed|met|read|seen|heard|known|shown|written|said|felt|understood|done|gone|begun|run)$/u;

/**
 * Whether the tagged verb at `index` is a passive participle right after `be` and adverbs (`can
 * ultimately be deported`, `are finally launched`), not one that opens a condition (`are
 * irrevocable provided the …`).
 */
export function isPassive(tags: readonly TaggedWord[], index: number): boolean {
  return passiveBe(tags, index) !== -1;
}
/** The index of the `be` of the passive participle at `index` (adverbs between), or -1. */
function passiveBe(tags: readonly TaggedWord[], index: number): number {
  const word = tags[index]!;
  if (!PARTICIPLE.test(word.lower) || CONDITIONAL.has(word.lower)) return -1;
  let back = index - 1;
  while (back > 0 && tags[back]!.tag === 'ADV') back--;
  return back >= 0 && BE.test(tags[back]!.lower) ? back : -1;
}
/** Whether the `-ing` verb at `index` follows `be` and adverbs (`are moving`), not a gerund. */
function isProgressive(tags: readonly TaggedWord[], index: number): boolean {
  let back = index - 1;
  while (back > 0 && tags[back]!.tag === 'ADV') back--;
  return back >= 0 && BE.test(tags[back]!.lower);
}
/** Participles that open a clause of condition: `provided the conditions are met`. */
const CONDITIONAL = new Set(['provided', 'given', 'granted', 'supposed', 'assumed']);
/** A possessive: `user's`, `the debugger’s`, `members'`. */
const POSSESSIVE = /['’]s$|s['’]$/u;

/**
 * Whether the candidate at `start`, read with the sentence's tags, opens a complete clause right
 * after a complete one (see the module's comment). `text` is the document the tags point into.
 */
export function opensClauseAfterClause(
  tags: readonly TaggedWord[],
  start: number,
  text: string,
): boolean {
  if (!endsClause(tags, start)) return false;
  if (!completeBefore(tags, start, text)) return false;
  // A participle read as a passive across a mark is no passive (`is <code>, parenthesized
  // expressions are …`): the noun after it is its own.
  const be = passiveBe(tags, start - 1);
  if (be !== -1 && /[,;:()"“”]/u.test(text.slice(tags[be]!.end, tags[start - 1]!.start))) {
    return false;
  }
  // A name with its apposition between commas: the clause is read from the verb after it.
  const name = isNameSubject(tags, start) ? afterNameSubject(tags, start, text) : undefined;
  let verbAt = name?.apposition ? name.verbAt : subjectEnd(tags, start);
  if (verbAt === undefined) return false;
  // A relative clause between commas inside the subject (`the 7.8-magnitude earthquake on
  // Monday, which was followed by strong aftershocks, is the deadliest …`): the verb follows it.
  const afterRelative = name?.apposition ? undefined : verbAfterRelative(tags, verbAt, text);
  if (afterRelative !== undefined) verbAt = afterRelative;
  const end = completeClause(tags, start, verbAt);
  if (end === undefined) return false;
  // Marks between the words, not inside them (`20,000`, `U.S.`).
  const first = name?.apposition || afterRelative !== undefined ? verbAt : start;
  for (let index = first + 1; index < end; index++) {
    if (INSIDE_MARKS.test(text.slice(tags[index - 1]!.end, tags[index]!.start))) return false;
  }
  return !finiteBeforeBoundary(tags, end, text);
}

/** The longest relative clause between commas that verbAfterRelative reads past, in words. */
const MAX_RELATIVE = 20;

/**
 * The finite verb right after a relative clause that a comma opens at `at` and another closes
 * (`, which was followed by several aftershocks, is`), with a finite verb of its own; or
 * undefined.
 */
function verbAfterRelative(
  tags: readonly TaggedWord[],
  at: number,
  text: string,
): number | undefined {
  const relative = tags[at];
  if (relative?.lower !== 'which' && relative?.lower !== 'who') return undefined;
  if (at < 1 || !COMMA_ONLY.test(text.slice(tags[at - 1]!.end, relative.start))) return undefined;
  for (let index = at + 1; index < Math.min(tags.length, at + MAX_RELATIVE); index++) {
    const gap = text.slice(tags[index - 1]!.end, tags[index]!.start);
    if (!INSIDE_MARKS.test(gap)) continue;
    if (!COMMA_ONLY.test(gap) || !finiteBetween(tags, at + 1, index)) return undefined;
    return isFiniteAt(tags, index) ? index : undefined;
  }
  return undefined;
}

/** Whether the tagged word at `start` opens a name: a capitalised proper noun, or the surname `He`. */
function isNameSubject(tags: readonly TaggedWord[], start: number): boolean {
  const word = tags[start]!;
  return (word.tag === 'PROPN' && CAPITALISED.test(word.text)) || isSurnameHe(tags, start);
}

/**
 * Whether the tagged word before `start` ends a clause: a noun, name or number that is not the
 * head of a relative (`the day`) nor a noun that takes a clause (`the fact`); an object pronoun
 * (`can see you`, `hear them all`); an adjective that takes no clause (`is not really silent`,
 * `in the future`; not `sure`, `possible`); a verb (whether it takes a clause is asked of the
 * clause before); an adverb that closes clauses; or, before a pronoun that only subjects take, a
 * particle or preposition (`… what is going on they …`).
 */
function endsClause(tags: readonly TaggedWord[], start: number): boolean {
  const index = start - 1;
  const word = tags[index]!;
  if (OBJECT_PRONOUNS.has(word.lower)) return true;
  // `… saving his son and another daughter first hackers interrupted …`: `first` after a noun or
  // pronoun is the adverb; after a determiner, possessive or name it describes the noun after it
  // (`the first batch`, `China's first female …`).
  if (word.lower === 'first') {
    const before = tags[index - 1];
    return (
      before !== undefined &&
      (before.tag === 'NOUN' || OBJECT_PRONOUNS.has(before.lower)) &&
      !POSSESSIVE.test(before.lower)
    );
  }
  if (word.lower === 'all') {
    const before = tags[index - 1]?.lower ?? '';
    return before === 'at' || OBJECT_PRONOUNS.has(before);
  }
  // `… to attract tourists back the Singapore government …`: an adverb that closes clauses,
  // before the particles and prepositions a clause may strand.
  if (word.tag === 'ADV' && CLOSING_ADVERBS.has(word.lower)) return true;
  if (STRANDED.has(word.lower)) return ONLY_SUBJECTS.test(tags[start]!.lower);
  // A possessive goes on with its noun: `a user's application`, `the debugger's state`.
  if (POSSESSIVE.test(word.lower) || LINKING.has(word.lower)) return false;
  switch (word.tag) {
    case 'ADV':
      return CLOSING_ADVERBS.has(word.lower);
    case 'VERB':
      // Not a gerund (`holding this forum is …`) nor a verb whose object a verb or a name
      // follows (`let the universe come`, `call it …`), nor `provided`.
      if (OBJECT_AND_VERB.has(word.lower) || CONDITIONAL.has(word.lower)) return false;
      if (/ing$/u.test(word.lower) && !isProgressive(tags, index)) return false;
      // After a verb that takes an object, a noun phrase is that object, whatever verb the
      // tagger reads after it (`contains the legacy configuration file format`): only a pronoun
      // that no verb takes as its object opens a clause there (`… are moving we need …`).
      return (
        isPassive(tags, index) ||
        isVerbOf(INTRANSITIVE, word.lower) ||
        SUBJECT_ONLY.test(tags[start]!.lower)
      );
    case 'ADJ':
      return !CLAUSE_ADJECTIVES.has(word.lower);
    case 'NOUN':
    case 'PROPN':
    case 'NUM':
      if (CLAUSE_NOUNS.has(word.lower)) return false;
      return !(RELATIVE_HEADS.has(word.lower) && determinedBefore(tags, index));
    default:
      return false;
  }
}

/** Whether a word that determines a relative's head comes up to three words before `index`. */
function determinedBefore(tags: readonly TaggedWord[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (HEAD_DETERMINERS.has(tags[back]!.lower)) return true;
  }
  return false;
}

/**
 * Whether the words before `start` make a main clause that may end there: a finite verb, no verb
 * that takes a clause as its object between it and the join (`told reporters`, `said at the
 * meeting`), no `so`/`such` and no subordinator with a verb of its own that no comma closed, and no
 * `the more …`.
 */
function completeBefore(tags: readonly TaggedWord[], start: number, text: string): boolean {
  // The nearest finite verb in the same stretch of the sentence: not before a comma (`…, but
  // the price of tens of thousands of dollars`).
  let finite = -1;
  for (let index = start - 1; index >= 0; index--) {
    if (isFiniteAt(tags, index)) {
      finite = index;
      break;
    }
    if (index > 0 && STRETCH_ENDS.test(text.slice(tags[index - 1]!.end, tags[index]!.start))) {
      return (
        sourceClosesClause(tags, index, start, text) ||
        appositionClosesClause(tags, index, start, text)
      );
    }
  }
  if (finite === -1) return false;
  if (!embeddedClausesClosed(tags, start, finite, text)) return false;
  for (let index = finite; index < start; index++) {
    const word = tags[index]!;
    if (DEGREE.has(word.lower) && tags[index + 1]?.lower !== 'as') return false;
    if ((word.tag === 'VERB' || word.tag === 'AUX') && isVerbOf(CLAUSE_TAKING, word.lower)) {
      // Whose object is a gerund after its preposition, it takes no clause after that
      // (`insisted on saving his son first`, `talked about leaving`).
      if (tags[index + 1]?.tag === 'ADP' && /ing$/u.test(tags[index + 2]?.lower ?? '')) continue;
      if (creditsClauseBefore(tags, index, start, text)) continue;
      if (passiveTakesNoClause(tags, index)) continue;
      // A verb of perceiving with a noun phrase for its object (`to hear any signs of life from
      // the rubble`) takes no clause after it.
      if (isVerbOf(PERCEIVING, word.lower) && OBJECT_OPENERS.has(tags[index + 1]?.lower ?? '')) {
        continue;
      }
      return false;
    }
  }
  // A subordinate clause (`when they were rescued`, not `after surviving`) that no comma closed,
  // opening the sentence or the stretch: the clause after it is the main one. After a main clause
  // (`… can be heard because they hit space like drums it sounded …`), it ends at the join.
  for (let index = start - 1; index >= 0; index--) {
    const word = tags[index]!;
    if (!SUBORDINATORS.has(word.lower)) continue;
    if (/[,;:]/u.test(text.slice(word.end, tags[start]!.start))) break;
    if (!finiteBetween(tags, index + 1, start)) break;
    if (!finiteInStretchBefore(tags, index, text)) return false;
  }
  // `The more money you have the more you spend`.
  const [first, second] = tags;
  if (first?.lower === 'the' && second && /^(?:more|less|fewer)$|er$/u.test(second.lower)) {
    return false;
  }
  return true;
}

/**
 * Whether the verb of perceiving at `verb` is a passive, which takes no clause after it (`cheers
 * were heard in the crowd the death toll was …`), other than after `it` (`it was seen the plan
 * works`). Only these verbs: the passives of verbs of saying are as often read wrongly in text
 * that is not prose (`will be added to the response object` in a table that runs on).
 */
function passiveTakesNoClause(tags: readonly TaggedWord[], verb: number): boolean {
  if (!isVerbOf(PERCEIVING, tags[verb]!.lower)) return false;
  const be = passiveBe(tags, verb);
  return be >= 1 && tags[be - 1]!.lower !== 'it';
}

/** Words of time a report's credit may end on: `…, Reuters reported today`, `…, he said on Monday`. */
const CREDIT_TIME =
  /^(?:today|yesterday|tonight|earlier|later|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:this|last) (?:week|month|year|morning|afternoon|evening|night))$/u;
/** Tags of the short subject of a report's credit: `Reuters`, `the ministry`, `officials`, `he`. */
const CREDIT_SUBJECT = new Set(['PROPN', 'NOUN', 'DET', 'PRON', 'ADJ']);

/**
 * Whether the verb of saying at `verb` credits the clause before its comma (`… as Iran marked the
 * anniversary, Reuters reported today`), so that what follows its time word is no clause of its: a
 * short subject opens the stretch after a comma, the verb is one of `attribution`, only a time
 * word comes between it and the join, and the stretch before the comma is a clause of its own (a
 * finite verb, not an opening subordinate clause: `After the quake hit, Reuters reported today the
 * toll rose` is one sentence).
 */
function creditsClauseBefore(
  tags: readonly TaggedWord[],
  verb: number,
  start: number,
  text: string,
): boolean {
  if (!isVerbOf(ATTRIBUTION, tags[verb]!.lower)) return false;
  const time = tags
    .slice(verb + 1, start)
    .map((word) => word.lower)
    .join(' ');
  if (time !== '' && !CREDIT_TIME.test(time)) return false;
  // The subject: up to four words, back to the comma that opens the stretch.
  let subject = verb - 1;
  while (subject > 0 && verb - subject <= 4 && CREDIT_SUBJECT.has(tags[subject]!.tag)) {
    const gap = text.slice(tags[subject - 1]!.end, tags[subject]!.start);
    if (gap.includes(',')) break;
    if (STRETCH_ENDS.test(gap)) return false;
    subject--;
  }
  if (subject < 1 || subject === verb || !CREDIT_SUBJECT.has(tags[subject]!.tag)) return false;
  return clauseBeforeComma(tags, subject, text);
}

/** The longest source after `according to` that the join may close, in words (with `according to`). */
const MAX_SOURCE_BEFORE_JOIN = 8;

/**
 * Whether the stretch at `stretch` is a report's source after a comma and a clause (`… killed
 * 3,500 in Syria, according to official statistics`), which the join closes: `according to` and
 * a few words with no verb. Not a phrase that opens the sentence, whose clause follows it.
 */
function sourceClosesClause(
  tags: readonly TaggedWord[],
  stretch: number,
  start: number,
  text: string,
): boolean {
  if (tags[stretch]!.lower !== 'according' || tags[stretch + 1]?.lower !== 'to') return false;
  if (start - stretch > MAX_SOURCE_BEFORE_JOIN || start - stretch < 3) return false;
  for (let index = stretch + 2; index < start; index++) {
    const { tag } = tags[index]!;
    if (tag === 'VERB' || tag === 'AUX') return false;
  }
  return clauseBeforeComma(tags, stretch, text);
}

/** Determiners that open an apposition after a name: `Diyarbakir, the largest city in …`. */
const APPOSITION_OPENERS = new Set(['the', 'a', 'an']);
/** The longest apposition after a name that the join may close, in words. */
const MAX_APPOSITION_BEFORE_JOIN = 10;

/**
 * Whether the stretch at `stretch` is an apposition to the name before its comma, after a clause
 * (`… was rescued from a building in Diyarbakir, the largest city in southeastern Turkey`), or a
 * list of examples (`…, including the 31,000 deaths in neighboring Iran`), which the join closes:
 * a determiner or `including`, then a few words with no verb.
 */
function appositionClosesClause(
  tags: readonly TaggedWord[],
  stretch: number,
  start: number,
  text: string,
): boolean {
  const including = tags[stretch]!.lower === 'including';
  if (!including && !APPOSITION_OPENERS.has(tags[stretch]!.lower)) return false;
  if (start - stretch > MAX_APPOSITION_BEFORE_JOIN) return false;
  if (!including && tags[stretch - 1]?.tag !== 'PROPN') return false;
  for (let index = stretch + 1; index < start; index++) {
    const { tag } = tags[index]!;
    if (tag === 'VERB' || tag === 'AUX' || tag === 'PRON') return false;
  }
  return clauseBeforeComma(tags, stretch, text);
}

/**
 * Whether a comma right before the word at `after` ends a clause of its own: a stretch with a
 * finite verb that no subordinator opens (`After the quake hit, …` is no clause of its own).
 */
function clauseBeforeComma(tags: readonly TaggedWord[], after: number, text: string): boolean {
  if (after < 1 || !COMMA_ONLY.test(text.slice(tags[after - 1]!.end, tags[after]!.start))) {
    return false;
  }
  let first = after - 1;
  let finite = isFiniteAt(tags, first);
  while (first > 0 && !STRETCH_ENDS.test(text.slice(tags[first - 1]!.end, tags[first]!.start))) {
    first--;
    finite ||= isFiniteAt(tags, first);
  }
  return finite && !SUBORDINATORS.has(tags[first]!.lower);
}

/**
 * Whether every relative or embedded clause in the stretch before the join is closed by it: one
 * with no finite verb of its own before the join goes on after it (`it's possible that someday in
 * the future we'll …`), and one that opens the stretch, not after a comma, is a subject whose
 * verb is still to come (`those who pass the test can receive …`). A relative after a comma
 * (`…, which included some prisoners`) ends with the sentence.
 */
function embeddedClausesClosed(
  tags: readonly TaggedWord[],
  start: number,
  finite: number,
  text: string,
): boolean {
  for (let index = start - 1; index >= 0; index--) {
    const word = tags[index]!;
    const gap = index > 0 ? text.slice(tags[index - 1]!.end, word.start) : '';
    if (EMBEDDING.has(word.lower)) {
      if (finite < index) return false;
      if (!gap.includes(',') && !finiteInStretchBefore(tags, index, text)) return false;
    }
    if (STRETCH_ENDS.test(gap)) break;
  }
  return true;
}

function finiteBetween(tags: readonly TaggedWord[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (isFiniteAt(tags, index)) return true;
  return false;
}

/** Whether a finite verb comes before `index` with no comma, colon or dash between. */
function finiteInStretchBefore(tags: readonly TaggedWord[], index: number, text: string): boolean {
  for (let back = index - 1; back >= 0; back--) {
    if (STRETCH_ENDS.test(text.slice(tags[back]!.end, tags[back + 1]!.start))) return false;
    if (isFiniteAt(tags, back)) return true;
  }
  return false;
}

/**
 * A finite verb at `index`: an auxiliary or modal that is not `to be`, `being` or `been`, a
 * contraction that holds one (`it's`, `didn't`), or a verb not after `to` and not in `-ing`.
 */
function isFiniteAt(tags: readonly TaggedWord[], index: number): boolean {
  const word = tags[index];
  if (!word) return false;
  if (isFiniteContraction(word.lower)) return true;
  if (word.tag !== 'AUX' && word.tag !== 'VERB') return false;
  if (tags[index - 1]?.lower === 'to' || /ing$/u.test(word.lower)) return false;
  if (word.tag === 'AUX') return word.lower !== 'been' && word.lower !== 'be';
  // After a determiner, possessive or adjective a `verb` is the tagger's for a noun (`in our
  // download example`).
  const before = tags[index - 1];
  return before !== undefined && !NOMINAL_BEFORE.has(before.tag) && !POSSESSIVES.has(before.lower);
}

/**
 * The index of the first word after the new clause's subject, where its verb must be: a subject
 * pronoun, `there`, a demonstrative before a verb, a noun phrase with a determiner or number
 * (`the death toll in Turkey`, `two more women`), or adjectives and nouns alone (`dental
 * implants`, `rescuers`). A contraction (`it's`, `that's`) is subject and verb at once: its own
 * index is returned.
 */
function subjectEnd(
  tags: readonly TaggedWord[],
  start: number,
  afterThat = false,
): number | undefined {
  const word = tags[start]!;
  if (SUBJECT_CONTRACTION.test(word.lower)) return start;
  if (NOMINATIVE.has(word.lower) || word.lower === 'there') return start + 1;
  const next = tags[start + 1];
  if (DEMONSTRATIVES.has(word.lower) && (next?.tag === 'AUX' || next?.tag === 'VERB')) {
    return start + 1;
  }
  const determined = DETERMINERS.has(word.lower) || word.tag === 'NUM';
  // After `that` any noun phrase opens the clause (`we believe that supply tensions are …`).
  const bare = afterThat ? NOUN_PHRASE.has(word.tag) : opensBareSubject(tags, start);
  if (!determined && !bare) return undefined;
  let index = nounPhraseEnd(tags, determined ? start + 1 : start, word.tag === 'NUM');
  if (index === undefined) return undefined;
  // After `that`, two nouns joined by `and` (`that the supply and demand in the market are`).
  if (afterThat && tags[index]?.lower === 'and' && tags[index + 1]?.tag === 'NOUN') {
    index = nounPhraseEnd(tags, index + 1, false) ?? index;
  }
  // A noun of time, manner or measure makes the phrase an adverb: `the same way TypeScript
  // will`, `last year the plan`, `dollars a piece`. (Any noun of the phrase: the tagger runs
  // `the same way TypeScript` into one.)
  const phrase = tags.slice(start, index);
  if (phrase.some(({ lower }) => RELATIVE_HEADS.has(lower) || CLAUSE_NOUNS.has(lower))) {
    return undefined;
  }
  if ((word.lower === 'a' || word.lower === 'an') && UNITS.has(tags[index - 1]!.lower)) {
    return undefined;
  }
  // A possessive before a `verb` is before its noun: `the president's televised speech`.
  if (POSSESSIVE.test(tags[index - 1]!.lower)) return undefined;
  // A phrase inside the subject: `the account systems of each share registration institution`.
  for (let phrase = 0; phrase < 2; phrase++) {
    const preposition = tags[index];
    if (preposition?.tag !== 'ADP' || !INSIDE_SUBJECT.has(preposition.lower)) break;
    let from = index + 1;
    if (tags[from] && (DETERMINERS.has(tags[from]!.lower) || tags[from]!.tag === 'DET')) from++;
    const end = nounPhraseEnd(tags, from, false);
    if (end === undefined) break;
    index = end;
  }
  return index - start <= (afterThat ? MAX_SUBJECT_AFTER_THAT : MAX_SUBJECT) ? index : undefined;
}

/**
 * Whether the word at `start` opens a subject with no determiner rather than going on with the
 * noun before it: after a common noun, an adjective (`… on the agenda dental implants refer to
 * …`), or a plural after a plural (`… 17,000 people rescuers first pulled …`). A singular noun, a
 * name or a number before a noun makes one phrase with it (`member states`, `the death toll`,
 * `January payrolls`, `four theses`), and so do the plurals that modify nouns (`human rights
 * groups`, `sales figures`).
 */
function opensBareSubject(tags: readonly TaggedWord[], start: number): boolean {
  const word = tags[start]!;
  const previous = tags[start - 1]!;
  // After a passive participle, which takes no object (`… are finally launched rescue workers
  // first pulled …`), a noun phrase opens the next clause; not after one of a verb with two
  // objects (`were given books`).
  if (previous.tag === 'VERB' && isPassive(tags, start - 1)) {
    return (word.tag === 'ADJ' || word.tag === 'NOUN') && !isVerbOf(DITRANSITIVE, previous.lower);
  }
  // A plural or a name after an adverb that closes a clause, not a particle (`… another
  // daughter first hackers interrupted …`, `… first China is encouraging …`; not `brought back
  // memories`).
  if (
    (previous.lower === 'first' || CLOSING_ADVERBS.has(previous.lower)) &&
    !PARTICLES.has(previous.lower)
  ) {
    if (word.tag === 'PROPN') return word.text !== word.lower;
    return word.tag === 'NOUN' && isPlural(word.lower);
  }
  if (previous.tag !== 'NOUN') return false;
  if (word.tag === 'ADJ') return true;
  // A name after a common noun, in the case the candidates keep (no noun of apposition before).
  if (word.tag === 'PROPN' || isSurnameHe(tags, start)) return word.text !== word.lower;
  if (word.tag !== 'NOUN') return false;
  // A plural after a singular that `a`, `each` or `this` determines: the two make no phrase
  // (`without a recession rescuers have pulled …`, where `member states` or `sperm donors` do).
  if (isPlural(word.lower)) {
    if (!isPlural(previous.lower)) return singularDetermined(tags, start - 1);
    return !PLURAL_MODIFIERS.has(previous.lower);
  }
  // A noun before a plural, after a plural or a singular that `a` determines: `… sales
  // institutions rescue workers first pulled …`, `… a keynote speech rescue teams have …`.
  const next = tags[start + 1];
  if (next?.tag !== 'NOUN' || !isPlural(next.lower)) return false;
  if (!isPlural(previous.lower)) return singularDetermined(tags, start - 1);
  return !PLURAL_MODIFIERS.has(previous.lower);
}

/**
 * Whether the noun phrase that ends at `index` opens with a determiner of the singular alone (`a
 * keynote speech`, `each institution`), reading back over its adjectives and nouns.
 */
function singularDetermined(tags: readonly TaggedWord[], index: number): boolean {
  let back = index;
  while (back > 0 && NOUN_PHRASE.has(tags[back - 1]!.tag) && index - back < 4) back--;
  return back > 0 && SINGULAR_DETERMINERS.has(tags[back - 1]!.lower);
}
/** Determiners of a singular noun alone. */
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'each', 'every', 'another', 'this', 'that']);
/** Plurals that modify the noun after them: `sales figures`, `human rights lawyers`. */
const PLURAL_MODIFIERS = new Set(WORDS.pluralModifiers);

/** The end of the adjectives, nouns and numbers from `from`, if their last word is a noun or number. */
function nounPhraseEnd(
  tags: readonly TaggedWord[],
  from: number,
  headed: boolean,
): number | undefined {
  let index = from;
  let head = headed;
  while (index < tags.length && NOUN_PHRASE.has(tags[index]!.tag)) {
    head = HEAD.has(tags[index]!.tag);
    index++;
  }
  return head ? index : undefined;
}

/**
 * Reads the new clause's verbs from `verbAt` (the first after its subject) and what completes
 * them; returns the index after the clause's last word read, or undefined when the clause may miss
 * its object (a reduced relative) or has no finite verb.
 */
function completeClause(
  tags: readonly TaggedWord[],
  start: number,
  verbAt: number,
  afterThat = false,
): number | undefined {
  const subject = tags[start]!;
  let index = verbAt;
  let last: TaggedWord;
  if (index === start) {
    // `it's`, `that's`, `we'll`: the verb is in the subject's word.
    last = subject;
    index++;
  } else {
    index = skipAdverbs(tags, index);
    if (!isFiniteAt(tags, index)) return undefined;
    last = tags[index]!;
    index++;
  }
  let afterBe = BE.test(last.lower);
  // Further verbs of the group: auxiliaries, participles, infinitives after `to`.
  for (;;) {
    index = skipAdverbs(tags, index);
    const word = tags[index];
    if (!word) break;
    if (word.lower === 'to' && tags[index + 1]?.tag === 'VERB') {
      last = tags[index + 1]!;
      afterBe = false;
      index += 2;
      continue;
    }
    // Verbs sharing one object: `standardizes and integrates the price`.
    if (
      (word.lower === 'and' || word.lower === 'or') &&
      last.tag === 'VERB' &&
      !afterBe &&
      tags[index + 1]?.tag === 'VERB'
    ) {
      last = tags[index + 1]!;
      index += 2;
      continue;
    }
    if (word.tag !== 'AUX' && word.tag !== 'VERB') break;
    if (afterBe && word.tag === 'VERB' && !/ing$/u.test(word.lower)) {
      if (subject.lower === 'there') return undefined;
      // `was hacked`, `were rescued`: a passive has no object to miss, but may strand a
      // preposition (`the file this function was called from`).
      const after = tags[index + 1];
      if (after?.tag === 'ADP' && strandedAt(tags, index + 2)) return undefined;
      return index + 1;
    }
    last = word;
    afterBe = BE.test(word.lower);
    index++;
  }
  // `there is a voice`, not `there can be overridden` (`there` an adverb, the verb a passive).
  if (subject.lower === 'there' && !afterBe) return undefined;
  if (subject.lower === 'there') return nounPhraseObjectEnd(tags, index);
  if (afterBe) return complementEnd(tags, index);
  if (last === subject && !AUXILIARY_CONTRACTION.test(subject.lower)) return undefined;
  if (last.tag !== 'VERB' && last.tag !== 'AUX') return undefined;
  return objectEnd(tags, index, last.lower, afterThat);
}

/**
 * Whether a preposition before `index` is stranded (`the file this function was called from is`,
 * `the processors they are applied on in`): no object follows it, as `the start`, `122 hours`
 * or `surviving days` would.
 */
function strandedAt(tags: readonly TaggedWord[], index: number): boolean {
  const word = tags[index];
  if (!word) return true;
  if (word.tag === 'VERB') return !/ing$/u.test(word.lower);
  return !OBJECT_STARTS.has(word.tag);
}
/** Participles that open a phrase after the noun they describe: `a method based on`, `a city located in`. */
const PHRASE_PARTICIPLES = new Set([
  'based',
  'located',
  'aimed',
  'caused',
  'related',
  'compared',
  'designed',
  'intended',
  'dedicated',
]);
/** Tags of a preposition's object's first word (a gerund aside). */
const OBJECT_STARTS = new Set(['DET', 'NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON']);

function skipAdverbs(tags: readonly TaggedWord[], from: number): number {
  let index = from;
  while (
    index < tags.length &&
    (tags[index]!.tag === 'ADV' || /^(?:not|n['’]t)$/u.test(tags[index]!.lower))
  ) {
    index++;
  }
  return index;
}

/** After `be`: a noun phrase, an adjective, a number, or a preposition and its noun. */
function complementEnd(tags: readonly TaggedWord[], from: number): number | undefined {
  const word = tags[from];
  if (!word) return undefined;
  // `are about to be solved`, `is about to start`: the verb after `about to` completes it.
  if (word.lower === 'about' && tags[from + 1]?.lower === 'to') {
    let end = from + 2;
    while (end < tags.length && (tags[end]!.tag === 'VERB' || tags[end]!.tag === 'AUX')) end++;
    return end > from + 2 ? end : undefined;
  }
  if (word.tag === 'ADP') return nounPhraseObjectEnd(tags, from + 1);
  if (word.tag === 'ADJ') return from + 1;
  // (A number with its noun: `was 20,665`, not `was ten years ago`.)
  return nounPhraseObjectEnd(tags, from);
}

/**
 * A noun phrase from `from`: a determiner or possessive, adjectives and nouns, ending on a noun,
 * name, number or pronoun that is not one of time (`every day`, `this year`: adverbs there).
 */
function nounPhraseObjectEnd(tags: readonly TaggedWord[], from: number): number | undefined {
  const word = tags[from];
  if (!word) return undefined;
  if (word.tag === 'PRON' && !DETERMINERS.has(word.lower)) {
    return NOMINATIVE.has(word.lower) && word.lower !== 'it' && word.lower !== 'you'
      ? undefined
      : from + 1;
  }
  let index = from;
  if (word.tag === 'DET' || DETERMINERS.has(word.lower)) index++;
  index = afterQuantity(tags, index);
  const end = nounPhraseEnd(tags, index, false);
  if (end === undefined) return undefined;
  const head = tags[end - 1]!;
  return head.tag !== 'NUM' && RELATIVE_HEADS.has(head.lower) ? undefined : end;
}

/**
 * The index after the words that bound a figure before it (`more than 20,000 people`, `nearly
 * 31,000 deaths`, `at least 100`), or `index` when there are none.
 */
function afterQuantity(tags: readonly TaggedWord[], index: number): number {
  const word = tags[index]?.lower ?? '';
  const next = tags[index + 1];
  if (COMPARED.has(word) && next?.lower === 'than') return index + 2;
  if (word === 'at' && (next?.lower === 'least' || next?.lower === 'most')) return index + 2;
  if (APPROXIMATELY.has(word) && tags[index + 1]?.tag === 'NUM') return index + 1;
  return index;
}
const COMPARED = new Set(['more', 'less', 'fewer']);
const APPROXIMATELY = new Set([
  'over',
  'nearly',
  'about',
  'almost',
  'around',
  'roughly',
  'approximately',
  'some',
  'under',
]);

/**
 * After a verb that is not `be`: an object (`pulled the mother`, `repair themselves`, after a
 * particle: `pulled out the mother`), or a clause after `that` for a verb of saying or thinking
 * (`we believe that supply will …`); after a verb that takes none, or in that clause one that
 * may take none (`ergative`), a phrase (`collided with the universe`). A verb with two objects
 * keeps one in its reduced relative (`the speech he gave the crowd`): a pronoun or a phrase with
 * `the` alone is not enough there.
 */
function objectEnd(
  tags: readonly TaggedWord[],
  from: number,
  verb: string,
  afterThat = false,
): number | undefined {
  let index = from;
  if (tags[index] && PARTICLES.has(tags[index]!.lower)) index++;
  const word = tags[index];
  // An object or none: in a clause after `that`, where no relative's missing object is likely,
  // a phrase completes it as it does an intransitive verb's (`… that supply will not improve
  // without a recession`).
  const noObject =
    isVerbOf(INTRANSITIVE, verb) ||
    (afterThat &&
      (word === undefined || word.tag === 'ADV' || word.tag === 'ADP') &&
      isVerbOf(ERGATIVE, verb));
  if (noObject) {
    if (!word || word.tag === 'ADV') return index;
    if (word.tag === 'ADP') return nounPhraseObjectEnd(tags, index + 1);
    return undefined;
  }
  if (word && isVerbOf(CLAUSE_TAKING, verb)) {
    // `said that …`, also after a time or a phrase (`reported today that …`, `said on Saturday
    // that …`): the clause is the object.
    const that = thatAfterPhrase(tags, index);
    if (that !== undefined) {
      const verbAt = subjectEnd(tags, that + 1, true);
      return verbAt !== undefined && verbAt > that + 1
        ? completeClause(tags, that + 1, verbAt, true)
        : undefined;
    }
  }
  if (!word || word.tag === 'ADP' || word.tag === 'ADV') return undefined;
  const end = nounPhraseObjectEnd(tags, index);
  if (end === undefined) return undefined;
  if (isVerbOf(DITRANSITIVE, verb) && (word.tag === 'PRON' || word.lower === 'the')) {
    return nounPhraseObjectEnd(tags, end);
  }
  return end;
}

/**
 * The index of a `that` at `from`, or after an adverb or a short phrase of time or place
 * (`today`, `on Saturday`, `in a statement`) that starts there; undefined when none.
 */
function thatAfterPhrase(tags: readonly TaggedWord[], from: number): number | undefined {
  for (let index = from; index < Math.min(tags.length, from + 5); index++) {
    const word = tags[index]!;
    if (word.lower === 'that') return index;
    if (!PHRASE_BEFORE_THAT.has(word.tag)) return undefined;
  }
  return undefined;
}
/** Tags of the words of an adverb or phrase between a verb and its `that`. */
const PHRASE_BEFORE_THAT = new Set(['ADV', 'ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/**
 * Whether the word at `index` opens the subject of a clause after a subordinator: a subject
 * pronoun, a name (`as Iran marked`) or a determiner (`as the country marked`).
 */
function opensSubject(tags: readonly TaggedWord[], index: number): boolean {
  const word = tags[index];
  if (!word) return false;
  if (NOMINATIVE.has(word.lower)) return true;
  return (word.tag === 'PROPN' && CAPITALISED.test(word.text)) || word.tag === 'DET';
}

/**
 * Whether a finite verb follows `from` before a comma, a conjunction or a relative word: then the
 * clause read was a relative's, and the verb is the main clause's (`the speech he gave at the
 * meeting was long`).
 */
function finiteBeforeBoundary(tags: readonly TaggedWord[], from: number, text: string): boolean {
  for (let index = from; index < tags.length; index++) {
    const word = tags[index]!;
    if (/[,;:—–()]/u.test(text.slice(tags[index - 1]!.end, word.start))) return false;
    // (A subordinator the tagger reads as a preposition, before a subject pronoun, a name or a
    // determiner, opens a clause too: `after they were trapped`, `as Iran marked`.)
    if (
      word.tag === 'CCONJ' ||
      word.tag === 'SCONJ' ||
      CLAUSE_BOUNDARY.has(word.lower) ||
      (SUBORDINATORS.has(word.lower) && opensSubject(tags, index + 1))
    ) {
      return false;
    }
    // After a preposition a participle describes a noun: `from the rubble of collapsed buildings`;
    // so does one of the few that open a phrase after their noun (`a method based on`).
    if (word.tag === 'VERB' && tags[index - 1]!.tag === 'ADP') continue;
    if (PHRASE_PARTICIPLES.has(word.lower) && tags[index + 1]?.tag === 'ADP') continue;
    // A participle with its phrase after a plural describes it: `survivors buried under rubble`.
    if (
      word.tag === 'VERB' &&
      /ed$/u.test(word.lower) &&
      tags[index + 1]?.tag === 'ADP' &&
      tags[index - 1]!.tag === 'NOUN' &&
      isPlural(tags[index - 1]!.lower)
    ) {
      continue;
    }
    if (isFiniteAt(tags, index)) return true;
  }
  return false;
}
