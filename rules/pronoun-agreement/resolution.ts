/**
 * Which person a gendered pronoun most likely refers to. Three structures carry most of MT's gender
 * errors in news, and each has a clear reading:
 *
 * - a pronoun in a phrase put before its clause refers forward to the clause's subject ("During his
 *   stay in Guangzhou, Bachelet visited ...");
 * - a pronoun with exactly one person before it in its sentence refers to that person, which covers
 *   reported speech ("Mr. Sun told reporters that he ...");
 * - a pronoun that opens a sentence continues the previous sentence's subject.
 *
 * Anything else (two people before the pronoun, an unnamed person nearby, no person at all) is left
 * unresolved: the rule stays quiet rather than guess.
 */
import { PREPOSED_OPENERS, SUBJECT_LEAD_IN, TITLE_WORDS } from './lexicon.js';
import type { Entity, Mention, Mentions, Pronoun } from './mentions.js';
import type { TokenSentence } from './tokens.js';

/** `sure`: the structure leaves one reading. `likely`: the best reading, but others exist. */
export type Confidence = 'sure' | 'likely';

/** A person the pronoun might refer to instead: a named person, or an unnamed or unknown one. */
export type Rival = Entity | Mention;

export interface Resolution {
  pronoun: Pronoun;
  entity: Entity;
  confidence: Confidence;
  /** For a `likely` reading: the other people it was chosen over. */
  rivals: Rival[];
}

/** A preposed phrase may be long ("During his meeting with ... on Tuesday,"), not endless. */
const MAX_PREPOSED = 30;
/** How far a main clause is searched for its people. */
const MAX_CLAUSE = 60;
const CLAUSE_BREAK = new Set([';', ':']);
const CLAUSE_OPENERS = new Set(['that', 'and', 'but']);

export function resolvePronouns(sentences: TokenSentence[], mentions: Mentions): Resolution[] {
  const resolved: Resolved = new Map();
  for (const pronoun of mentions.pronouns) {
    const found = resolveOne(pronoun, sentences, mentions, resolved);
    if (!found) continue;
    const list = resolved.get(pronoun.sentence) ?? [];
    list.push({ ...found, pronoun });
    resolved.set(pronoun.sentence, list);
  }
  return [...resolved.values()].flat();
}

/** Resolutions so far, by sentence. */
type Resolved = Map<number, Resolution[]>;

type Found = { entity: Entity; confidence: Confidence; rivals: Rival[] } | undefined;

function resolveOne(
  pronoun: Pronoun,
  sentences: TokenSentence[],
  all: Mentions,
  resolved: Resolved,
): Found | undefined {
  const sentence = sentences[pronoun.sentence]!;
  if (pronoun.token.quoted) {
    // Inside a quotation the speaker is "I": only a person named in the same quotation before the
    // pronoun can be meant, and only when there is exactly one.
    const inQuote = all.bySentence[pronoun.sentence]!.filter(
      (mention) =>
        mention.end <= pronoun.index &&
        sentence.tokens[mention.start]!.quoted === pronoun.token.quoted,
    );
    const only = onlyPerson(inQuote);
    return only ? sure(only) : undefined;
  }
  const mentions = all.bySentence[pronoun.sentence]!;
  const before = mentions.filter((mention) => mention.end <= pronoun.index);

  const preposed = preposedPhrase(sentence, pronoun.index);
  const subject = preposed && subjectAt(sentence, preposed.mainStart, mentions, all);
  // "During her stay, she met ...": both pronouns are read as the subject pronoun is, below.
  if (preposed && subject !== 'pronoun' && before.every((m) => m.end <= preposed.start)) {
    // "During his stay, Ms. Li showed him around": another man is about; the phrase is his.
    const sameGenderLater = sentence.tokens
      .slice(preposed.mainStart, preposed.mainEnd)
      .some((token) => {
        const other = all.pronounAt.get(token);
        return other?.gender === pronoun.gender && other.form !== 'reflexive';
      });
    if (sameGenderLater) return undefined;
    if (subject) {
      return subject.kind === 'named' && subject.entity ? sure(subject.entity) : undefined;
    }
    // No person as subject ("During his stay, China gave Bachelet ..."): the one person the
    // main clause names, if there is exactly one and the subject is surely a thing or a place.
    if (!opensWithThing(sentence, preposed.mainStart, all.places)) return undefined;
    const main = mentions.filter(
      (mention) => mention.start >= preposed.mainStart && mention.start < preposed.mainEnd,
    );
    const only = onlyPerson(main);
    if (!only) return undefined;
    const previous = people(all.bySentence[pronoun.sentence - 1] ?? []);
    if (previous.has(only)) return sure(only);
    return { entity: only, confidence: 'likely', rivals: [...previous] };
  }

  if (before.length > 0) {
    // One person before it in the sentence: "Ms. Zheng said that he ...". Someone in the previous
    // sentence may still be meant ("Mr. Wang was invited. Ms. Li said he would come").
    const only = onlyPerson(before);
    if (!only) return undefined;
    const rivals = [...people(all.bySentence[pronoun.sentence - 1] ?? [])].filter(
      (rival) => rival !== only,
    );
    return rivals.length === 0 ? sure(only) : { entity: only, confidence: 'likely', rivals };
  }

  // An earlier pronoun in the same sentence: "He said his ...".
  // Pronouns are resolved in order, so the last reading of this sentence is the nearest before.
  const earlier = resolved.get(pronoun.sentence)?.at(-1);
  if (earlier) {
    return earlier.pronoun.gender === pronoun.gender ? { ...earlier } : undefined;
  }
  if (all.pronounsBySentence[pronoun.sentence]![0] !== pronoun) return undefined;

  return continuation(pronoun, sentences, all, resolved);
}

function sure(entity: Entity): Found {
  return { entity, confidence: 'sure', rivals: [] };
}

/** The distinct people among mentions: a named person once, each unnamed or unknown one apart. */
function people(mentions: Mention[]): Set<Rival> {
  return new Set<Rival>(mentions.map((mention) => mention.entity ?? mention));
}

/** The one named person among mentions, if there is exactly one person. */
function onlyPerson(mentions: Mention[]): Entity | undefined {
  const found = people(mentions);
  const [only] = found;
  return found.size === 1 && only !== undefined && 'display' in only ? only : undefined;
}

/** The previous sentence's subject, for a pronoun with no person before it in its own sentence. */
function continuation(
  pronoun: Pronoun,
  sentences: TokenSentence[],
  all: Mentions,
  resolved: Resolved,
): Found {
  const previous = sentences[pronoun.sentence - 1];
  if (!previous) return undefined;
  const sentence = sentences[pronoun.sentence]!;
  const previousMentions = all.bySentence[previous.index]!;
  const only = onlyPerson(previousMentions);
  const here = all.bySentence[pronoun.sentence]!;

  const atSubject = opensClause(sentence, pronoun.index);
  if (atSubject) {
    const preposed = preposedPhrase(previous, 0);
    const start = preposed ? preposed.mainStart : 0;
    const subject = subjectAt(previous, start, previousMentions, all);
    if (subject && subject !== 'pronoun' && subject.kind === 'named' && subject.entity) {
      const entity = subject.entity;
      if (only === entity) return sure(entity);
      const rivals = [...people(previousMentions)].filter((rival) => rival !== entity);
      return { entity, confidence: 'likely', rivals };
    }
    if (subject === 'pronoun') {
      // "She met farmers. She later toured ...": the chain goes on, as sure as its last link
      // when nobody else came in between.
      const link = (resolved.get(previous.index) ?? []).find((r) => r.pronoun.index === start);
      if (!link || link.pronoun.gender !== pronoun.gender) return undefined;
      const rivals = [...people(previousMentions)].filter((rival) => rival !== link.entity);
      return rivals.length === 0
        ? { ...link }
        : { entity: link.entity, confidence: 'likely', rivals };
    }
    // The subject is no person we know of: it may be one we cannot recognise.
    return undefined;
  }
  // Mid-sentence, with no person anywhere in its own sentence: the previous sentence's only person.
  return only && here.length === 0 ? sure(only) : undefined;
}

/** The pronoun stands where a clause's subject stands: first word, or first after a lead-in phrase. */
function opensClause(sentence: TokenSentence, index: number): boolean {
  if (index === 0) return true;
  const preposed = preposedPhrase(sentence, index);
  if (preposed) return true;
  const lead = preposedPhrase(sentence, 0);
  return lead !== undefined && lead.mainStart === index;
}

/**
 * The clause opens with a thing or a place, not a person: a lower-case word ("police", "it") or
 * a capitalised word the document uses as a place ("China" in "visited China").
 */
function opensWithThing(sentence: TokenSentence, start: number, places: ReadonlySet<string>) {
  const first = sentence.tokens[start];
  if (!first?.word) return false;
  if (!first.capitalized) return true;
  const head = first.bare === 'the' ? sentence.tokens[start + 1] : first;
  return head !== undefined && head.word && (!head.capitalized || places.has(head.text));
}

interface Preposed {
  /** First token of the phrase ("During"). */
  start: number;
  /** First token of the main clause, after the comma. */
  mainStart: number;
  /** End of the main clause (a semicolon, a colon or the sentence's end). */
  mainEnd: number;
}

/**
 * The phrase put before a clause that contains `index`: it opens the sentence or follows
 * "that"/";", starts with a preposition or subordinator ("During", "After", "While") and ends at a
 * comma that comes after `index`.
 */
function preposedPhrase(sentence: TokenSentence, index: number): Preposed | undefined {
  const { tokens } = sentence;
  let start = -1;
  for (let k = index; k >= Math.max(0, index - MAX_PREPOSED); k--) {
    const token = tokens[k]!;
    if (k < index && !token.word) {
      if (token.text === ',' || CLAUSE_BREAK.has(token.text)) break;
      continue;
    }
    const boundary =
      k === 0 || CLAUSE_BREAK.has(tokens[k - 1]!.text) || CLAUSE_OPENERS.has(tokens[k - 1]!.bare);
    if (token.word && PREPOSED_OPENERS.has(token.bare) && boundary) {
      start = k;
      break;
    }
  }
  if (start < 0) return undefined;
  let comma = -1;
  for (let k = Math.max(index, start + 1); k < tokens.length && k - start <= MAX_PREPOSED; k++) {
    const text = tokens[k]!.text;
    if (CLAUSE_BREAK.has(text)) return undefined;
    if (text === ',') {
      comma = k;
      break;
    }
  }
  if (comma < 0 || comma === index) return undefined;
  let mainEnd = comma + 1;
  const limit = Math.min(tokens.length, comma + 1 + MAX_CLAUSE);
  while (mainEnd < limit && !CLAUSE_BREAK.has(tokens[mainEnd]!.text)) mainEnd++;
  return { start, mainStart: comma + 1, mainEnd };
}

/**
 * The person who is the subject of the clause starting at `start`: its first mention, reached
 * through nothing but titles and articles ("The Chinese Vice Foreign Minister Ma Zhaoxu"). Returns
 * 'pronoun' when the clause opens with a gendered pronoun.
 */
function subjectAt(
  sentence: TokenSentence,
  start: number,
  mentions: Mention[],
  all: Mentions,
): Mention | 'pronoun' | undefined {
  const { tokens } = sentence;
  if (tokens[start] && all.pronounAt.has(tokens[start]!)) {
    return 'pronoun';
  }
  for (let k = start; k < tokens.length; k++) {
    const mention = mentions.find(
      (m) => m.start === k || (m.kind === 'named' && m.honorific?.index === k),
    );
    // "Mr. Wang's mother moved": the subject is the mother, whoever she is.
    if (mention && tokens[mention.end - 1]!.possessive) {
      return mentions.find((m) => m.kind === 'unnamed' && m.start > mention.end - 1);
    }
    if (mention) return mention;
    const token = tokens[k]!;
    const leadIn =
      token.word &&
      (token.capitalized || SUBJECT_LEAD_IN.has(token.bare) || TITLE_WORDS.has(token.bare));
    if (!leadIn) return undefined;
  }
  return undefined;
}
