/**
 * Whether a sentence that ends on a preposition or an infinitive `to` was cut there. English
 * strands prepositions where something was moved away from them (`what we talked about`, `the
 * universe we look up into`, `nothing to worry about`) and ends on a particle after a verb
 * (`gave in`, `turn it on`); a translation cut short ends on a preposition with nothing of the
 * kind before it (`to prevent black holes from forming to.`, `most of the growth in.`).
 */
import { z } from 'zod';
import {
  baseForms,
  loadJson,
  wordArray,
  type TaggedWord,
  type WordInfo,
} from '../../src/core/rule-kit.js';

/**
 * The verbs that may leave each preposition at the end of a whole sentence: as a phrasal verb's
 * particle (`gave in`) or stranded by the passive (`was laughed at`). Base forms and irregular
 * forms; regular inflections are recognised by `baseForms`.
 */
const STRANDING_VERBS = new Map(
  Object.entries(
    loadJson(
      import.meta.url,
      './stranding-verbs.json',
      z.object({ description: z.string().min(1), verbs: z.record(z.string(), wordArray) }),
    ).verbs,
  ).map(([preposition, verbs]) => [preposition, new Set(verbs)]),
);

/** Prepositions that need an object and are not also common adverbs (`before`, `over`, `up`). */
export const PREPOSITIONS = new Set([
  'of',
  'into',
  'at',
  'from',
  'with',
  'for',
  'in',
  'on',
  'by',
  'about',
  'between',
  'among',
  'amongst',
  'during',
  'against',
  'through',
  'without',
  'upon',
  'onto',
  'toward',
  'towards',
  'via',
  'per',
  'despite',
  'regarding',
  'concerning',
  'to',
]);

/** Wh-words and relatives: something was moved away from the preposition (`what we talked about`). */
const GAP_OPENERS = new Set([
  'worth',
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'whatever',
  'whichever',
  'whoever',
]);

/**
 * Words that open a relative clause only right after a noun: `the thing that we talked about`,
 * `nothing to worry about`, and the relative clauses English writes without `that` (`the
 * universe we look up into`). At the start of a clause they are its subject or a complement, and
 * license nothing (`He believed that nature would prevent the formation of.`).
 */
const RELATIVE_AFTER_NOUN =
  /^(?:that|to|i|we|you|they|he|she|it|(?:we|you|they|i|he|she|it)['’]\p{L}+)$/u;
const NOUN_TAGS = new Set(['NOUN', 'PROPN']);
const INDEFINITES = new Set([
  'something',
  'anything',
  'nothing',
  'everything',
  'one',
  'lot',
  'much',
]);

/** Verbs that end a sentence on `to` standing for an infinitive: `He wants to.`, `We have to.` */
const ELLIPTICAL_TO = new Set(
  [
    'want wants wanted wanting need needs needed have has had having going got ought used',
    'try tries tried trying like likes liked love loves loved hate hated hope hoped hopes',
    'plan plans planned mean meant able supposed allowed refuse refused agree agreed choose',
    'chose wish wished decide decided expect expected afford seem seems seemed prefer',
    'continue continued start started begin began learn learned forget forgot remember',
    'promise promised pretend deserve intend intended tend asked ask told tell willing glad',
    'happy ready unable best how',
  ]
    .join(' ')
    .split(' '),
);

/** Prepositions that double as particles of phrasal verbs: `gave in`, `log on`, `stood by`. */
const PARTICLES = new Set(['in', 'on', 'by', 'about', 'through', 'with']);

/** Adverbs and particles between a verb and its preposition: `looked back on`, `gave up on`. */
const BETWEEN_VERB_AND_PREPOSITION = new Set(['ADV', 'PART', 'ADP']);

/**
 * Whether the verb before the sentence's last word (a preposition) may leave it there: `gave in`,
 * `was laughed at`, `looked back on`. Any other word leaves the preposition without its object.
 */
function strandsPreposition(tagged: readonly TaggedWord[], preposition: string): boolean {
  const verbs = STRANDING_VERBS.get(preposition);
  if (!verbs) return false;
  for (let index = tagged.length - 2; index >= Math.max(0, tagged.length - 4); index--) {
    const word = tagged[index]!;
    if (baseForms(word.lower).some((form) => verbs.has(form))) {
      // A particle ends an active clause (`gave in`); any other preposition only a passive one
      // (`was laughed at`; `they laughed at.` lost its object).
      return PARTICLES.has(preposition) || isPassive(tagged, index);
    }
    if (!BETWEEN_VERB_AND_PREPOSITION.has(word.tag)) return false;
  }
  return false;
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got']);

/** Whether the verb at `index` is a passive participle: a form of `be` one or two words before it. */
function isPassive(tagged: readonly TaggedWord[], index: number): boolean {
  return [tagged[index - 1], tagged[index - 2]].some(
    (word) => word !== undefined && (BE.has(word.lower) || /['’](?:s|re)$/.test(word.lower)),
  );
}

/** Object pronouns between a verb and its particle: `turn it on`, `let them in`. */
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her', 'me', 'us', 'you', 'this', 'that']);

/** Tags of a word after a wh-word that make the wh-word its subject: `which included`. */
const SUBJECT_OF = new Set(['VERB', 'AUX']);

const CLAUSE_BREAK = /[,;:()—–]|\s-\s/u;

/**
 * Whether the sentence, ending on the preposition `words.at(-1)`, was cut there. `tagged` are the
 * same words with their tags; `text` is the document they were read from.
 */
export function isCutAfterPreposition(
  words: readonly WordInfo[],
  tagged: readonly TaggedWord[],
  text: string,
  hasAntecedent: () => boolean,
): boolean {
  const last = words.at(-1)!;
  const previous = tagged.at(-2);
  if (!previous) return false;
  if (last.lower === 'to') {
    // `He wants to.` stands for a verb phrase said before it: in the same sentence (`I would go
    // if I wanted to.`) or before it (`Will he sign? He wants to.`). With neither, nothing is
    // there for it to stand for: `We need to.` opening a text was cut.
    if (ELLIPTICAL_TO.has(previous.lower) || /['’]d$/.test(previous.lower)) {
      return !hasAntecedent() && !hasEarlierClause(words, tagged, text);
    }
  } else {
    // `turn it on`, `let them in`; `gave in`, `was laughed at`, `has been paid for`: a particle,
    // or a preposition the passive strands, of a verb that takes it that way. `rescued in.`,
    // `said on.`, `was rescued from.` leave theirs without an object; so does `with` after a
    // pronoun (`hear them with.`).
    if (PARTICLES.has(last.lower) && last.lower !== 'with' && OBJECT_PRONOUNS.has(previous.lower)) {
      return false;
    }
    if (strandsPreposition(tagged, last.lower)) return false;
  }
  if (last.lower !== 'to') {
    // `and so on`, `not at all`, `for good`.
    if (`${previous.lower} ${last.lower}` === 'so on') return false;
  }
  // A gap opener anywhere in the clause that ends here licenses a stranded preposition, unless
  // the preposition follows a noun, whose phrase it completes (`measures to accelerate the
  // recovery of.`), and unless the wh-word is the subject of a verb right after it (`which
  // included prisoners arrested in.`): then nothing was moved away from the preposition.
  if (NOUN_TAGS.has(previous.tag) || previous.tag === 'NUM') return true;
  for (let index = words.length - 2; index >= 0; index--) {
    const word = words[index]!;
    const subject = SUBJECT_OF.has(tagged[index + 1]?.tag ?? '');
    if (GAP_OPENERS.has(word.lower.replace(/['’]s$/, '')) && (word.lower === 'worth' || !subject)) {
      return false;
    }
    const before = tagged[index - 1];
    if (before && CLAUSE_BREAK.test(text.slice(before.end, word.start))) break;
    if (
      before &&
      RELATIVE_AFTER_NOUN.test(word.lower) &&
      (NOUN_TAGS.has(before.tag) || INDEFINITES.has(before.lower)) &&
      // `machines that can take us into.`: a `that` with its verb right after it is the
      // relative's subject, and nothing was moved away from the preposition.
      !(word.lower === 'that' && subject)
    ) {
      return false;
    }
  }
  return true;
}

/** Words that join a second clause to a sentence: one may hold what an elliptical `to` stands for. */
const CLAUSE_JOINERS = new Set([
  'and',
  'but',
  'or',
  'if',
  'because',
  'when',
  'though',
  'although',
  'unless',
  'than',
  'as',
  'so',
  'since',
  'while',
  'whether',
]);

/**
 * Whether the sentence before its last word holds a clause of its own: a verb, then a joiner
 * (`I'd go if I wanted to.`; not `If you want to.`) or a clause break (`…build the chain, you
 * need to.`; not `In the next few years, we will be able to.`, whose first part has no verb).
 */
function hasEarlierClause(
  words: readonly WordInfo[],
  tagged: readonly TaggedWord[],
  text: string,
): boolean {
  let verb = false;
  for (let index = 1; index < words.length - 1; index++) {
    const tag = tagged[index - 1]?.tag;
    if (tag === 'VERB' || tag === 'AUX') verb = true;
    if (!verb) continue;
    if (CLAUSE_JOINERS.has(words[index]!.lower)) return true;
    if (CLAUSE_BREAK.test(text.slice(words[index - 1]!.end, words[index]!.start))) return true;
  }
  return false;
}
