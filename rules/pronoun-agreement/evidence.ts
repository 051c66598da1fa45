/**
 * What a document says about each person's gender: an honorific ("Ms. Bachelet"), a gendered noun
 * ("Ms. Zheng, a mother of two", "Queen Elizabeth", "Xi's wife"), a well-established first name
 * ("Michelle Bachelet"), and pronouns whose antecedent the structure alone settles.
 */
import { GENDERED_NOUNS, PUBLIC_FIGURES, SPOUSES, nameKey, type Gender } from './lexicon.js';
import type { Entity, Mention, Mentions, Pronoun } from './mentions.js';
import type { Resolution } from './resolution.js';
import type { TokenSentence } from './tokens.js';

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * `known`: a widely reported public figure whose gender is on record (public-figures.json).
 * `source`: the Chinese source calls the person 她 or 他 (see source-evidence.ts).
 */
export type EvidenceKind = 'source' | 'honorific' | 'noun' | 'first-name' | 'known' | 'pronoun';

export interface Evidence {
  gender: Gender;
  kind: EvidenceKind;
  /** The words as written, quoted in messages: "Ms. Bachelet", "a girl", "she". */
  text: string;
  /** Offset in the document, to say "earlier" or "elsewhere". */
  offset: number;
  /** The pronoun this evidence comes from, so a pronoun is never its own evidence. */
  pronoun?: Pronoun;
  /** For evidence from the source: where the source says 她 or 他. */
  source?: { start: number; end: number };
}

export function collectEvidence(
  sentences: TokenSentence[],
  mentions: Mentions,
  resolutions: Resolution[],
): Map<Entity, Evidence[]> {
  const evidence = new Map<Entity, Evidence[]>();
  const add = (entity: Entity, item: Evidence) => {
    const list = evidence.get(entity);
    if (list) list.push(item);
    else evidence.set(entity, [item]);
  };

  for (const sentenceMentions of mentions.bySentence) {
    for (const mention of sentenceMentions) {
      const entity = mention.entity;
      if (!entity) continue;
      const sentence = sentences[mention.sentence]!;
      for (const item of evidenceOfMention(sentence, mention)) add(entity, item);
    }
  }
  for (const resolution of resolutions) {
    if (resolution.confidence !== 'sure') continue;
    const { pronoun } = resolution;
    add(resolution.entity, {
      gender: pronoun.gender,
      kind: 'pronoun',
      text: pronoun.token.text.toLowerCase(),
      offset: pronoun.token.start,
      pronoun,
    });
  }
  return evidence;
}

function evidenceOfMention(sentence: TokenSentence, mention: Mention): Evidence[] {
  const { tokens } = sentence;
  const found: Evidence[] = [];
  const first = tokens[mention.start]!;
  const last = tokens[mention.end - 1]!;
  const quote = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((token) => token.text + (token.possessive && token !== last ? "'s" : ''))
      .join(' ');

  if (mention.kind === 'unnamed') {
    // "Ms. Zheng, a buyer" or "a woman, Ms. Zheng": linked to the person by apposition.
    if (mention.nounGender) {
      let from = mention.start;
      for (let k = mention.start - 1; k >= Math.max(0, mention.start - 4); k--) {
        if (!tokens[k]!.word) break;
        if (ARTICLES.has(tokens[k]!.bare)) {
          from = k;
          break;
        }
      }
      const text = quote(from, mention.end);
      found.push({ gender: mention.nounGender, kind: 'noun', text, offset: tokens[from]!.start });
    }
    return found;
  }
  if (mention.kind !== 'named') return found;

  if (mention.honorific) {
    const text = quote(mention.honorific.index, mention.end);
    found.push({ gender: mention.honorific.gender, kind: 'honorific', text, offset: first.start });
  }
  if (mention.firstName) {
    const text = quote(mention.start, mention.end);
    found.push({ gender: mention.firstName, kind: 'first-name', text, offset: first.start });
  }
  // "Li Qiang", "Angela Merkel": a public figure, by the full name (one Map look-up).
  const known = mention.name.length >= 2 ? PUBLIC_FIGURES.get(nameKey(mention.name)) : undefined;
  if (known) {
    const text = quote(mention.start, mention.end);
    found.push({ gender: known, kind: 'known', text, offset: first.start });
  }
  // A gendered title: "Queen Elizabeth", "actress Zhang Ziyi", "Chairwoman Tsai".
  const title = tokens[mention.start - 1];
  const titleGender = title?.word ? GENDERED_NOUNS.get(title.bare) : undefined;
  if (title && titleGender && !mention.honorific) {
    const text = quote(mention.start - 1, mention.end);
    found.push({ gender: titleGender, kind: 'noun', text, offset: title.start });
  }
  // "Xi's wife": Xi is a man.
  const after = tokens[mention.end];
  const spouseOf = last.possessive && after?.word ? SPOUSES.get(after.bare) : undefined;
  if (spouseOf) {
    found.push({
      gender: spouseOf,
      kind: 'noun',
      text: `${quote(mention.start, mention.end)}'s ${after!.text}`,
      offset: last.start,
    });
  }
  // "the wife of Xi": likewise.
  const of = tokens[mention.start - 1];
  const spouse = tokens[mention.start - 2];
  const spouseGender = of?.bare === 'of' && spouse?.word ? SPOUSES.get(spouse.bare) : undefined;
  if (spouseGender) {
    found.push({
      gender: spouseGender,
      kind: 'noun',
      text: `${spouse!.text} of`,
      offset: spouse!.start,
    });
  }
  return found;
}
