/**
 * The words the rule knows: pronouns, honorifics, titles, gendered nouns, first names. Built once,
 * when the module loads.
 */
import { z } from 'zod';
import { loadJson, wordArray } from '../../src/core/rule-kit.js';

/** Word lists (lower case), kept as data beside the rule. */
const WORDS = loadJson(
  import.meta.url,
  './words.json',
  z.object({
    femaleNouns: wordArray,
    maleNouns: wordArray,
    titleWords: wordArray,
    notNameWords: wordArray,
    nameParticles: wordArray,
    personNouns: wordArray,
    speechVerbs: wordArray,
    preposedOpeners: wordArray,
    notPersonNames: wordArray,
    koreanSurnames: wordArray,
    vietnameseSurnames: wordArray,
  }),
);

export type Gender = 'female' | 'male';

export const OTHER: Record<Gender, Gender> = { female: 'male', male: 'female' };

export type PronounForm = 'subject' | 'object' | 'possessive' | 'independent' | 'reflexive';

/** Third-person singular pronouns that mark gender. `her` is object or possessive: see `formOf`. */
export const PRONOUNS: ReadonlyMap<string, { gender: Gender; form: PronounForm }> = new Map([
  ['he', { gender: 'male', form: 'subject' }],
  ['him', { gender: 'male', form: 'object' }],
  ['his', { gender: 'male', form: 'possessive' }],
  ['himself', { gender: 'male', form: 'reflexive' }],
  ['she', { gender: 'female', form: 'subject' }],
  ['her', { gender: 'female', form: 'object' }],
  ['hers', { gender: 'female', form: 'independent' }],
  ['herself', { gender: 'female', form: 'reflexive' }],
]);

/** The same form in the other gender, for the suggestion. `his` stands alone as `hers`. */
export const SWAP: Record<Gender, Record<PronounForm, string>> = {
  male: {
    subject: 'he',
    object: 'him',
    possessive: 'his',
    independent: 'his',
    reflexive: 'himself',
  },
  female: {
    subject: 'she',
    object: 'her',
    possessive: 'her',
    independent: 'hers',
    reflexive: 'herself',
  },
};

/** Honorifics before a name; lower case, without the full stop. */
export const HONORIFICS: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'male'],
  ['mister', 'male'],
  ['sir', 'male'],
  ['lord', 'male'],
  ['monsieur', 'male'],
  ['herr', 'male'],
  ['ms', 'female'],
  ['mrs', 'female'],
  ['miss', 'female'],
  ['madam', 'female'],
  ['madame', 'female'],
  ['mme', 'female'],
  ['dame', 'female'],
  ['lady', 'female'],
]);

/**
 * Nouns that say a person's gender, in apposition ("Fangfang, a girl from Guangdong"), as a title
 * ("Chairwoman Tsai") or after a copula. `-man` compounds (chairman, spokesman, businessman) are
 * not here: translation from Chinese uses them for women too.
 */
export const GENDERED_NOUNS: ReadonlyMap<string, Gender> = new Map([
  ...WORDS.femaleNouns.map((noun) => [noun, 'female'] as const),
  ...WORDS.maleNouns.map((noun) => [noun, 'male'] as const),
]);

/** `X's wife`: X is male; `the wife of X`: X is male. The spouse's gender is the opposite one. */
export const SPOUSES: ReadonlyMap<string, Gender> = new Map([
  ['wife', 'male'],
  ['widow', 'male'],
  ['husband', 'female'],
  ['widower', 'female'],
]);

/** Words of a title before a name ("Vice Foreign Minister", "spokesperson"); lower case. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(WORDS.titleWords);

/** Capitalised words that end a name: an organisation, a place or a date follows a title. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(WORDS.notNameWords);

/** Places written like a Chinese person's name ("Hong Kong"); lower case. */
export const NOT_PERSON_NAMES: ReadonlySet<string> = new Set(WORDS.notPersonNames);

/** Lower-case particles inside Western names ("Ursula von der Leyen"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(WORDS.nameParticles);

/**
 * Singular nouns for a person. An unnamed person ("a buyer said he") is a candidate antecedent too:
 * it keeps the rule from pinning the pronoun on the one named person nearby.
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  ...GENDERED_NOUNS.keys(),
  ...WORDS.personNouns,
]);

/**
 * A quick first test before a look-up in `PERSON_NOUNS`, which is asked about every word of a
 * document: false means surely not a person noun. See `lengthsAndEndings`.
 */
export const mayBePersonNoun = lengthsAndEndings(PERSON_NOUNS);

/** Verbs that introduce reported speech or thought. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(WORDS.speechVerbs);

/** Words that open a phrase put before its clause's subject ("During his stay ..., X visited"). */
export const PREPOSED_OPENERS: ReadonlySet<string> = new Set(WORDS.preposedOpeners);

/** Words that may stand between a clause's start and its subject's name ("The Chinese Vice ..."). */
export const SUBJECT_LEAD_IN: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'for', 'and']);

const firstNameFile = z.object({ female: wordArray, male: wordArray });

/**
 * Well-established first names (stdlib's English first-name lists, kept only where unambiguous,
 * plus a curated list of public figures' names), minus names that are mostly places or brands.
 */
export const FIRST_NAMES: ReadonlyMap<string, Gender> = (() => {
  const generated = loadJson(import.meta.url, './first-names.json', firstNameFile);
  const curated = loadJson(
    import.meta.url,
    './first-names-curated.json',
    firstNameFile.extend({ notNames: wordArray }),
  );
  const names = new Map<string, Gender>();
  for (const data of [generated, curated]) {
    for (const name of data.female) names.set(name, 'female');
    for (const name of data.male) names.set(name, 'male');
  }
  for (const name of curated.notNames) names.delete(name);
  return names;
})();

/**
 * Which last letters the words of a list have at each length (up to 31), as a test far cheaper
 * than a set look-up: a word it rejects is surely not in the list; any other must be looked up.
 */
function lengthsAndEndings(words: Iterable<string>): (word: string) => boolean {
  // endings[length]: bit n set when a word of that length ends in a character whose code is n
  // modulo 32 (collisions only let more words through to the look-up).
  const endings = new Uint32Array(32);
  const bit = (word: string) => 1 << (word.charCodeAt(word.length - 1) & 31);
  for (const word of words) endings[Math.min(word.length, 31)]! |= bit(word);
  return (word) => (endings[Math.min(word.length, 31)]! & bit(word)) !== 0;
}

/**
 * The key a person's name is looked up by: its words in lower case, hyphens read as spaces ("Kim
 * Jong-un" and "Kim Jong Un" are one key), lower-case particles left out as the name finder leaves
 * them out of a mention's name ("Ursula von der Leyen" is "ursula leyen").
 */
export function nameKey(words: readonly string[]): string {
  let key = '';
  for (const word of words) {
    if (NAME_PARTICLES.has(word)) continue;
    const lower = word.toLowerCase();
    key += (key ? ' ' : '') + (lower.includes('-') ? lower.replaceAll('-', ' ') : lower);
  }
  return key;
}

const FIGURE_WORD = /^(?:\p{Lu}[\p{L}'’-]*|[a-z]+)$/u;

/**
 * Widely reported public figures and their gender (public-figures.json), by `nameKey`. Checked
 * when loaded: two lists of names of two to four words, each word capitalised (or a name particle),
 * no name twice. A bad file throws here, when the rule loads, with what is wrong.
 */
export function publicFigures(data: unknown, file = 'public-figures.json'): Map<string, Gender> {
  const figures = new Map<string, Gender>();
  if (typeof data !== 'object' || data === null) throw new Error(`${file}: not an object`);
  for (const gender of ['female', 'male'] as const) {
    const names = (data as Record<string, unknown>)[gender];
    if (!Array.isArray(names)) throw new Error(`${file}: "${gender}" is not a list of names`);
    for (const name of names as unknown[]) {
      if (typeof name !== 'string')
        throw new Error(`${file}: ${JSON.stringify(name)} is not a name`);
      const words = name.split(' ');
      const shaped = words.every(
        (word) => FIGURE_WORD.test(word) && (/^\p{Lu}/u.test(word) || NAME_PARTICLES.has(word)),
      );
      const counted = words.filter((word) => !NAME_PARTICLES.has(word)).length;
      if (!shaped || counted < 2 || words.length > 4 || !/^\p{Lu}/u.test(name)) {
        throw new Error(`${file}: "${name}" is not a name of two to four capitalised words`);
      }
      const key = nameKey(words);
      if (figures.has(key)) throw new Error(`${file}: "${name}" is listed twice`);
      figures.set(key, gender);
    }
  }
  return figures;
}

// Checked name by name (and for names listed twice across genders) by `publicFigures`.
const FIGURE_DATA = loadJson(import.meta.url, './public-figures.json', z.unknown());

/** See `publicFigures`: loaded once, a Map look-up per candidate name. */
export const PUBLIC_FIGURES: ReadonlyMap<string, Gender> = publicFigures(FIGURE_DATA);

/** The first words of the public figures' names, lower case as written ("kim", "jean-yves"). */
export const PUBLIC_FIGURE_STARTS: ReadonlySet<string> = new Set(
  Object.values(FIGURE_DATA as Record<Gender, string[]>)
    .flat()
    .map((name) => name.split(' ')[0]!.toLowerCase()),
);

/** The first two words of each public figure's key ("li qiang", "kim jong"): see prefilter.ts. */
export const FIGURE_PAIRS: ReadonlySet<string> = new Set(
  [...PUBLIC_FIGURES.keys()].map((key) => key.split(' ').slice(0, 2).join(' ')),
);

/** Korean family names as romanised in news, lower case: "Kim Jong Un", "Moon Jae-in". */
export const KOREAN_SURNAMES: ReadonlySet<string> = new Set(WORDS.koreanSurnames);

/** Vietnamese family names, lower case, without diacritics: "Pham Minh Chinh". */
export const VIETNAMESE_SURNAMES: ReadonlySet<string> = new Set(WORDS.vietnameseSurnames);
