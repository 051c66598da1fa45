/**
 * Who a document talks about: named people ("Ms. Bachelet", "President Xi Jinping", "Michelle
 * Bachelet", "Ma Zhaoxu"), later bare references to them ("Bachelet"), unnamed people ("a buyer",
 * "his wife") and gendered pronouns. Named mentions are linked into entities, one per person.
 */
import { CHINESE_SURNAMES, isChineseName } from './pinyin.js';
import {
  FIRST_NAMES,
  GENDERED_NOUNS,
  HONORIFICS,
  KOREAN_SURNAMES,
  NAME_PARTICLES,
  nameKey,
  NOT_PERSON_NAMES,
  PERSON_NOUNS,
  mayBePersonNoun,
  PRONOUNS,
  PUBLIC_FIGURE_STARTS,
  PUBLIC_FIGURES,
  SPEECH_VERBS,
  TITLE_WORDS,
  VIETNAMESE_SURNAMES,
  type Gender,
  type PronounForm,
} from './lexicon.js';
import type { Token, TokenSentence } from './tokens.js';

export interface Entity {
  id: number;
  /** How messages name the person: the family name ("Bachelet"), or a Chinese name in full. */
  display: string;
  /** The longest name seen, lower case ("michelle bachelet"). */
  full: string;
  /** Family name, lower case: the last word of a Western name, the first of a Chinese one. */
  short: string;
  chinese: boolean;
  /** Gender of the honorifics seen with the name, to keep "Mr. Liu" and "Ms. Liu" apart. */
  honorific?: Gender;
  mentions: Mention[];
}

export type MentionKind =
  /** A name of one known person. */
  | 'named'
  /** A name that fits several people in the document ("Liu" beside "Liu Yi" and "Liu Bei"). */
  | 'ambiguous'
  /** A person without a name: "a buyer", "his wife". */
  | 'unnamed'
  /** Probably a person: an unrecognised capitalised word that says something ("Sharik said"). */
  | 'unknown';

export interface Mention {
  kind: MentionKind;
  sentence: number;
  /** Token range [start, end) of the name or noun. */
  start: number;
  end: number;
  /** The name's words as written (named mentions). */
  name: string[];
  /** The honorific before the name, e.g. `Ms.`: its token index and gender. */
  honorific?: { index: number; gender: Gender };
  /** A well-established first name as the name's first word. */
  firstName?: Gender;
  /** The gender of an unnamed person's noun ("woman", "wife"). */
  nounGender?: Gender;
  chinese: boolean;
  entity?: Entity;
}

export interface Pronoun {
  sentence: number;
  index: number;
  token: Token;
  gender: Gender;
  form: PronounForm;
}

export interface Mentions {
  entities: Entity[];
  /** Mentions of each sentence, in token order. */
  bySentence: Mention[][];
  pronouns: Pronoun[];
  /** Pronouns of each sentence, in token order. */
  pronounsBySentence: Pronoun[][];
  /** The pronoun a token is, if it is one. */
  pronounAt: Map<Token, Pronoun>;
  /** Capitalised words the document uses as places ("in China", "to Xinjiang"). */
  places: Set<string>;
}

/** Words after which `her` is an object, not a possessive ("told her that", "gave her a"). */
const AFTER_OBJECT_HER = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'from',
  'by',
  'of',
  'about',
  'as',
  'and',
  'or',
  'but',
  'so',
  'up',
  'out',
  'off',
  'down',
  'back',
  'into',
  'over',
  'again',
  'too',
  'also',
  'when',
  'while',
  'if',
  'after',
  'before',
  'because',
  'during',
  'some',
  'any',
  'no',
  'what',
  'how',
  'why',
  'where',
  'who',
  'not',
  'all',
  'both',
]);
const AUXILIARIES = new Set(['had', 'has', 'have', 'also', 'then', 'later', 'once', 'further']);
const ARTICLES = new Set(['a', 'an', 'the']);
const COPULAS = new Set(['is', 'was', 'became', 'remains']);

export function findMentions(sentences: TokenSentence[]): Mentions {
  const entities: Entity[] = [];
  const bySentence: Mention[][] = [];
  const pronouns: Pronoun[] = [];
  const pronounsBySentence: Pronoun[][] = [];

  const index: EntityIndex = { entities, byFull: new Map(), byShort: new Map() };
  // Names first, in document order, so that a later bare "Bachelet" finds its person.
  for (const sentence of sentences) {
    const named = findNames(sentence);
    for (const mention of named) linkName(mention, index);
    bySentence.push(named);
  }
  const byKey = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const key of new Set([entity.short, entity.full])) {
      byKey.set(key, [...(byKey.get(key) ?? []), entity]);
    }
  }
  // Which tokens of the sentence at hand belong to a mention: one flag per token (and one past the
  // end, never set), in one buffer for all sentences rather than a set per sentence.
  let longest = 0;
  for (const { tokens } of sentences) longest = Math.max(longest, tokens.length);
  const taken: Taken = new Uint8Array(longest + 1);
  for (const sentence of sentences) {
    const found = bySentence[sentence.index]!;
    taken.fill(0, 0, sentence.tokens.length + 1);
    for (const mention of found) {
      taken.fill(1, mention.start, mention.end);
      if (mention.honorific) taken[mention.honorific.index] = 1;
    }
    findReferences(sentence, taken, byKey, found);
    findUnnamed(sentence, taken, found);
    findUnknown(sentence, taken, found);
    // Usually in order already (names are found in order): sorting would only copy the array.
    if (!inOrder(found)) found.sort((a, b) => a.start - b.start);
    linkAppositions(sentence, found);
    const own = findPronouns(sentence, taken);
    pronouns.push(...own);
    pronounsBySentence.push(own);
  }
  const pronounAt = new Map(pronouns.map((pronoun) => [pronoun.token, pronoun]));
  return {
    entities,
    bySentence,
    pronouns,
    pronounsBySentence,
    pronounAt,
    places: findPlaces(sentences),
  };
}

function inOrder(mentions: Mention[]): boolean {
  for (let k = 1; k < mentions.length; k++) {
    if (mentions[k - 1]!.start > mentions[k]!.start) return false;
  }
  return true;
}

/** A capitalised word that can be part of a name (decided once per token: see tokens.ts). */
function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.nameWord;
}

/** Up to `max` name words from `from` (particles such as "von der" allowed inside). */
function nameWordsFrom(tokens: Token[], from: number, max = 3): number {
  let end = from;
  let words = 0;
  while (words < max) {
    const token = tokens[end];
    if (token && isNameWord(token)) {
      end++;
      words++;
      if (token.possessive) break;
    } else if (token && NAME_PARTICLES.has(token.text) && isNameWord(tokens[end + 1])) {
      end++;
    } else break;
  }
  return end;
}

function named(sentence: TokenSentence, start: number, end: number, chinese: boolean): Mention {
  return {
    kind: 'named',
    sentence: sentence.index,
    start,
    end,
    name: sentence.tokens
      .slice(start, end)
      .map((token) => token.text)
      .filter((word) => !NAME_PARTICLES.has(word)),
    chinese,
  };
}

/** Names introduced by an honorific, a title, a Chinese name's shape or a known first name. */
function findNames(sentence: TokenSentence): Mention[] {
  const { tokens } = sentence;
  const found: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const next = tokens[i + 1];

    // Every test below looks up a word list only after the cheap checks on the tokens' flags:
    // this loop runs for every token of the document.
    const honorific =
      token.capitalized && isNameWord(next) ? HONORIFICS.get(token.bare) : undefined;
    if (honorific) {
      const end = nameWordsFrom(tokens, i + 1);
      const mention = named(sentence, i + 1, end, isFamilyFirstAt(tokens, i + 1));
      mention.honorific = { index: i, gender: honorific };
      addFirstName(tokens, mention);
      found.push(mention);
      i = end;
      continue;
    }

    // A public figure's full name: "Kim Jong Un", "Tsai Ing-wen", "Rishi Sunak".
    // ("Park" is never a name word on its own: "Central Park"; "He" is a pronoun.)
    const figure =
      token.capitalized && !token.possessive && isNameWord(next)
        ? PUBLIC_FIGURE_STARTS.has(token.bare)
        : false;
    if (figure) {
      const end = nameWordsFrom(tokens, i + 1, 3);
      if (!endsRun(tokens, end) && PUBLIC_FIGURES.has(keyOf(tokens, i, end))) {
        const mention = named(sentence, i, end, isFamilyFirstAt(tokens, i));
        addFirstName(tokens, mention);
        found.push(mention);
        i = end;
        continue;
      }
    }

    // "He Lifeng": the family name He, not the pronoun, when a pinyin given name follows.
    if (
      (token.nameWord || token.text === 'He') &&
      isChineseAt(tokens, i) &&
      !endsRun(tokens, i + 2) &&
      !NOT_PERSON_NAMES.has(`${token.bare} ${tokens[i + 1]!.bare}`)
    ) {
      found.push(named(sentence, i, i + 2, true));
      i += 2;
      continue;
    }

    // Korean, Vietnamese and Japanese names by their shape: "Moon Jae-in", "Pham Minh Chinh",
    // "Sanae Takaichi". They say nothing of gender; they make the person a candidate.
    const asian =
      (token.nameWord || (token.capitalized && KOREAN_SURNAMES.has(token.bare))) && isNameWord(next)
        ? eastAsianNameEnd(tokens, i)
        : 0;
    if (asian) {
      found.push(named(sentence, i, asian, KOREAN_SURNAMES.has(token.bare)));
      i = asian;
      continue;
    }

    const firstName =
      token.nameWord && (isNameWord(next) || NAME_PARTICLES.has(next?.text ?? ''))
        ? FIRST_NAMES.get(token.text)
        : undefined;
    if (firstName) {
      const end = nameWordsFrom(tokens, i);
      if (end - i >= 2 && !endsRun(tokens, end)) {
        const mention = named(sentence, i, end, false);
        mention.firstName = firstName;
        found.push(mention);
        i = end;
        continue;
      }
    }

    // A one-word name the rule does not know, introduced by an apposition: "Fangfang, a girl".
    if (token.nameWord && opensClauseAt(tokens, i) && introducesPerson(tokens, i + 1)) {
      found.push(named(sentence, i, i + 1, false));
      i++;
      continue;
    }

    if (isNameWord(next) && token.word && TITLE_WORDS.has(token.bare)) {
      const end = nameWordsFrom(tokens, i + 1);
      // "Former German Chancellor Angela Merkel": "German" is part of the title, not a name.
      const inTitle = tokens[end]?.capitalized === true && TITLE_WORDS.has(tokens[end]!.bare);
      if (!endsRun(tokens, end) && !inTitle) {
        // "Former German Chancellor Angela Merkel": the first name after a title is evidence too.
        const mention = named(sentence, i + 1, end, isFamilyFirstAt(tokens, i + 1));
        addFirstName(tokens, mention);
        found.push(mention);
        i = end;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** A hyphenated given name whose second part is lower case: "Ing-wen", "Jae-in", "Ching-te". */
const HYPHENATED_GIVEN = /^\p{Lu}[a-z]+-[a-z]+$/u;

/**
 * A name written family name first, whose family name is its first word: pinyin ("Xi Jinping"),
 * Korean ("Kim Jong Un") or a hyphenated given name ("Tsai Ing-wen", "Lee Teng-hui").
 */
function isFamilyFirstAt(tokens: Token[], i: number): boolean {
  const given = tokens[i + 1];
  return (
    isChineseAt(tokens, i) ||
    (isNameWord(given) &&
      !tokens[i]!.possessive &&
      (KOREAN_SURNAMES.has(tokens[i]!.bare) || HYPHENATED_GIVEN.test(given!.text)))
  );
}

function keyOf(tokens: Token[], start: number, end: number): string {
  const words: string[] = [];
  for (let k = start; k < end; k++) words.push(tokens[k]!.text);
  return nameKey(words);
}

/** A syllable of a given name in Korean romanisation ("Jae", "Un", "Yeol"). */
const KOREAN_SYLLABLE = /^\p{Lu}[a-z]{1,4}$/u;
/** A hyphenated Korean given name: "Jae-in", "Geun-hye". */
const KOREAN_GIVEN = /^\p{Lu}[a-z]{1,4}-[a-z]{1,4}$/u;
/** A Vietnamese syllable without its diacritics ("Minh", "Chinh", "Thi"). */
const VIETNAMESE_SYLLABLE = /^\p{Lu}[a-z]{0,5}$/u;
/** A Japanese word in Hepburn romanisation: whole morae ("Fumio", "Kishida", "Takaichi"). */
const JAPANESE_WORD = /^(?:(?:[kgsztdnhbpmyrwjf]|sh|ch|ts|[kgnhmrbp]y)?[aiueo]|n(?![aiueoy]))+$/u;

/**
 * Where an East Asian name starting at `i` ends, or 0: a Korean family name and a given name of
 * one hyphenated word or two syllables; a Vietnamese family name and two or three syllables; two
 * words made of Japanese morae (neither a known first name). The name must not run on.
 */
function eastAsianNameEnd(tokens: Token[], i: number): number {
  const token = tokens[i]!;
  if (token.possessive) return 0;
  const given = tokens[i + 1]!;
  const fits = (end: number) => (endsRun(tokens, end) ? 0 : end);
  if (KOREAN_SURNAMES.has(token.bare)) {
    if (KOREAN_GIVEN.test(given.text)) return fits(i + 2);
    const third = tokens[i + 2];
    const syllables =
      !given.possessive &&
      KOREAN_SYLLABLE.test(given.text) &&
      isNameWord(third) &&
      KOREAN_SYLLABLE.test(third!.text);
    return syllables ? fits(i + 3) : 0;
  }
  if (VIETNAMESE_SURNAMES.has(token.bare)) {
    let end = i + 1;
    while (end - i <= 3 && isNameWord(tokens[end]) && VIETNAMESE_SYLLABLE.test(tokens[end]!.text)) {
      end++;
      if (tokens[end - 1]!.possessive) break;
    }
    return end - i >= 3 ? fits(end) : 0;
  }
  const japanese =
    token.text.length >= 4 &&
    given.text.length >= 3 &&
    JAPANESE_WORD.test(token.bare) &&
    JAPANESE_WORD.test(given.bare) &&
    !FIRST_NAMES.has(token.text) &&
    !CHINESE_SURNAMES.has(token.bare);
  return japanese ? fits(i + 2) : 0;
}

/** A well-established first name opening a name of two words or more ("Angela Merkel"). */
function addFirstName(tokens: Token[], mention: Mention): void {
  if (mention.chinese || mention.end - mention.start < 2) return;
  mention.firstName = FIRST_NAMES.get(tokens[mention.start]!.text);
}

/** A name runs on into a capitalised word ("Grant Thornton Group"): not a person's name. */
function endsRun(tokens: Token[], end: number): boolean {
  return !tokens[end - 1]!.possessive && isNameWord(tokens[end]);
}

function opensClauseAt(tokens: Token[], i: number): boolean {
  return i === 0 || !tokens[i - 1]!.word;
}

/** At `at`: a comma, an article and up to three words ending in a singular person noun. */
function introducesPerson(tokens: Token[], at: number): boolean {
  if (tokens[at]?.text !== ',' || !ARTICLES.has(tokens[at + 1]?.bare ?? '')) return false;
  for (let k = at + 2; k < Math.min(tokens.length, at + 6); k++) {
    const token = tokens[k]!;
    if (!token.word) return false;
    if (PERSON_NOUNS.has(token.bare)) return true;
  }
  return false;
}

function isChineseAt(tokens: Token[], i: number): boolean {
  const family = tokens[i];
  const given = tokens[i + 1];
  // The family-name look-up by `bare` and `capitalized` come first only to spare most words the
  // full test: `isChineseName` asks the same of the text (a family name has no full stop).
  return (
    family !== undefined &&
    given !== undefined &&
    !family.possessive &&
    given.word &&
    given.capitalized &&
    CHINESE_SURNAMES.has(family.bare) &&
    isChineseName(family.text, given.text)
  );
}

/** Links a named mention to the person it names, or starts a new person. */
/** People found so far, with lookups by name (keys are added as names grow, never removed). */
interface EntityIndex {
  entities: Entity[];
  byFull: Map<string, Entity[]>;
  byShort: Map<string, Entity[]>;
}

function addKey(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key);
  if (!list) map.set(key, [entity]);
  else if (!list.includes(entity)) list.push(entity);
}

function linkName(mention: Mention, index: EntityIndex): void {
  const { entities, byFull, byShort } = index;
  const full = mention.name.join(' ').toLowerCase();
  const short = (mention.chinese ? mention.name[0]! : mention.name.at(-1)!).toLowerCase();
  const gender = mention.honorific?.gender;
  const compatible = (entity: Entity) =>
    !gender || !entity.honorific || entity.honorific === gender;

  const lookup = (map: Map<string, Entity[]>, key: string, fits: (entity: Entity) => boolean) =>
    (map.get(key) ?? []).filter((entity) => fits(entity) && compatible(entity));
  let matches = lookup(byFull, full, (entity) => entity.full === full);
  if (matches.length === 0 && mention.name.length === 1) {
    matches = lookup(byShort, full, (entity) => entity.short === full);
  }
  if (matches.length === 0 && mention.name.length > 1) {
    // "Mr. Sun" first, "Sun Wei" later: the fuller name of the same person.
    matches = lookup(
      byFull,
      short,
      (entity) => !entity.full.includes(' ') && entity.full === short,
    );
  }
  if (matches.length > 1) {
    mention.kind = 'ambiguous';
    return;
  }
  let entity = matches[0];
  if (!entity) {
    entity = {
      id: entities.length,
      display: '',
      full,
      short,
      chinese: mention.chinese,
      mentions: [],
    };
    entities.push(entity);
  }
  if (full.length >= entity.full.length) {
    entity.full = full;
    entity.short = short;
    entity.chinese = mention.chinese;
    entity.display = mention.chinese ? mention.name.join(' ') : mention.name.at(-1)!;
  }
  addKey(byFull, entity.full, entity);
  addKey(byShort, entity.short, entity);
  entity.honorific ??= gender;
  entity.mentions.push(mention);
  mention.entity = entity;
}

/** Bare references to known people: "Bachelet", "Sun", "Xi". */
/** 1 for each token of the sentence that is part of a mention; see `findMentions`. */
type Taken = Uint8Array;

// The finders below add to the sentence's mentions (`found`) and run for every token of the
// document: plain loops, and look-ups only after the cheap checks.

function findReferences(
  sentence: TokenSentence,
  taken: Taken,
  byKey: ReadonlyMap<string, Entity[]>,
  found: Mention[],
): void {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // "Park said": a Korean family name that is also an English word is still a reference.
    const korean = token.capitalized && !token.nameWord && KOREAN_SURNAMES.has(token.bare);
    if (!(token.nameWord || korean) || taken[i]) continue;
    // A name word's `bare` is its text in lower case (it has no full stop to drop).
    const matches = byKey.get(token.bare);
    if (!matches) continue;
    const mention = named(sentence, i, i + 1, matches[0]!.chinese);
    if (matches.length > 1) mention.kind = 'ambiguous';
    else {
      mention.entity = matches[0]!;
      matches[0]!.mentions.push(mention);
    }
    taken[i] = 1;
    found.push(mention);
  }
}

/** People without a name: "a buyer", "the woman", "his wife" (singular nouns only). */
function findUnnamed(sentence: TokenSentence, taken: Taken, found: Mention[]): void {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const noun = token.word && mayBePersonNoun(token.bare) && PERSON_NOUNS.has(token.bare);
    if (!noun || taken[i]) continue;
    // A title before a name ("spokesperson Hua Chunying") is part of that name's mention.
    if (isNameWord(tokens[i + 1]) || taken[i + 1]) continue;
    // A noun modifying another ("the woman's team" is fine, "host country" is not a person).
    const next = tokens[i + 1];
    if (
      next?.word &&
      !token.possessive &&
      /^(?:country|city|team|family|group)$/u.test(next.bare)
    ) {
      continue;
    }
    found.push({
      kind: 'unnamed',
      sentence: sentence.index,
      start: i,
      end: i + 1,
      name: [],
      nounGender: GENDERED_NOUNS.get(token.bare),
      chinese: false,
    });
  }
}

/** Capitalised words that say something ("Sharik had said"): a person the rule cannot name. */
function findUnknown(sentence: TokenSentence, taken: Taken, found: Mention[]): void {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.nameWord || taken[i] || ARTICLES.has(token.bare)) continue;
    let verb = i + 1;
    while (tokens[verb]?.word && AUXILIARIES.has(tokens[verb]!.bare)) verb++;
    if (!tokens[verb] || !SPEECH_VERBS.has(tokens[verb]!.bare)) continue;
    found.push({
      kind: 'unknown',
      sentence: sentence.index,
      start: i,
      end: i + 1,
      name: [token.text],
      chinese: false,
    });
  }
}

/**
 * An unnamed person set beside a name is that person: "A prospective buyer, Mr. Sun, said" and
 * "Fangfang's mother" are not; "Ms. Zheng, a buyer from Jiangbei," is.
 */
function linkAppositions(sentence: TokenSentence, mentions: Mention[]): void {
  const { tokens } = sentence;
  for (const unnamed of mentions) {
    if (unnamed.kind !== 'unnamed') continue;
    // "a buyer, Mr. Sun" or "Vice Chairman of the Kuomintang (KMT), Mr. Hsia": the noun, maybe
    // an "of" phrase of names, a comma, the name.
    const comma = commaAfter(tokens, unnamed.end);
    const after = mentions.find(
      (other) => other.kind === 'named' && (other.honorific?.index ?? other.start) === comma + 1,
    );
    if (after && comma > 0 && !tokens[unnamed.start]!.possessive) {
      unnamed.entity = after.entity;
      continue;
    }
    // "Ms. Zheng, a buyer" and "Ms. Zheng is a buyer": the name, a comma or a copula, an article
    // and up to three words, the noun.
    const before = [...mentions]
      .reverse()
      .find((other) => other.kind === 'named' && other.end < unnamed.start);
    const link = before && tokens[before.end];
    if (!before || !link || !(link.text === ',' || COPULAS.has(link.bare))) continue;
    const between = tokens.slice(before.end + 1, unnamed.start);
    // "Ms. Chen, mother of two," has no article before the noun.
    const bare = between.length === 0 && tokens[unnamed.end]?.bare === 'of';
    if (bare) {
      unnamed.entity = before.entity;
      continue;
    }
    if (
      between.length >= 1 &&
      between.length <= 4 &&
      ARTICLES.has(between[0]!.bare) &&
      between.every((token) => token.word && !PRONOUNS.has(token.bare))
    ) {
      unnamed.entity = before.entity;
    }
  }
}

const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'across', 'throughout', 'visited']);

function findPlaces(sentences: TokenSentence[]): Set<string> {
  const places = new Set<string>();
  for (const { tokens } of sentences) {
    for (let i = 1; i < tokens.length; i++) {
      const before = tokens[i - 1]!;
      if (tokens[i]!.capitalized && before.word && PLACE_PREPOSITIONS.has(before.bare)) {
        places.add(tokens[i]!.text);
      }
    }
  }
  return places;
}

/** The comma right after a noun, or after its "of" phrase of names ("of the Kuomintang (KMT)"). */
function commaAfter(tokens: Token[], end: number): number {
  if (tokens[end]?.text === ',') return end;
  if (tokens[end]?.bare !== 'of') return -1;
  for (let k = end + 1; k < Math.min(tokens.length, end + 10); k++) {
    const token = tokens[k]!;
    if (token.text === ',') return k;
    const fits = token.word
      ? token.capitalized || token.bare === 'the' || token.bare === 'of' || token.bare === 'and'
      : token.text === '(' || token.text === ')';
    if (!fits) return -1;
  }
  return -1;
}

function findPronouns(sentence: TokenSentence, taken: Taken): Pronoun[] {
  const { tokens } = sentence;
  const found: Pronoun[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const entry = token.word && mayBePronoun(token.bare) ? PRONOUNS.get(token.bare) : undefined;
    if (!entry || taken[i]) continue;
    let form = entry.form;
    if (token.bare === 'her') {
      const next = tokens[i + 1];
      const possessive =
        next !== undefined &&
        next.word &&
        !AFTER_OBJECT_HER.has(next.bare) &&
        !/ly$/u.test(next.bare) &&
        !PRONOUNS.has(next.bare);
      form = possessive ? 'possessive' : 'object';
    }
    // "The decision was his.": standing alone, its other-gender form is "hers".
    if (token.bare === 'his' && !tokens[i + 1]?.word) form = 'independent';
    found.push({ sentence: sentence.index, index: i, token, gender: entry.gender, form });
  }
  return found;
}

/** Every gendered pronoun starts with "h" or "sh": most words are answered without a look-up. */
function mayBePronoun(bare: string): boolean {
  const first = bare.charCodeAt(0);
  return first === 104 || (first === 115 && bare.charCodeAt(1) === 104);
}
