/**
 * What the Chinese source says about a person's gender. Chinese writes 她 for a woman and 他 for a
 * man (or for anyone: 他 is also the generic pronoun), so a person the English names in a sentence
 * aligned with a source sentence that says 她 is a woman, for the whole article: the strongest
 * evidence there is, since the English pronouns are what is being checked. 他 is weaker evidence of a
 * man, and only ever makes a finding `info`.
 *
 * The person must be the only one the aligned English sentence could mean: one named person (or the
 * one person its pronouns surely refer to), and no unnamed or unrecognised person beside them.
 */
import type { SourcePronoun } from '../../src/core/rule-kit.js';
import type { Evidence } from './evidence.js';
import type { Entity, Mentions } from './mentions.js';
import type { Resolution } from './resolution.js';
import type { TokenSentence } from './tokens.js';

/** What the rule is given when the lint has a source. */
export interface SourceFacts {
  /** Source sentences that say 他/她 (not both), with their English. */
  pronouns: readonly SourcePronoun[];
  /** English pronouns that the source check gender-mismatch reports itself. */
  reported: readonly { start: number; end: number }[];
}

export function collectSourceEvidence(
  facts: SourceFacts,
  sentences: TokenSentence[],
  mentions: Mentions,
  resolutions: Resolution[],
): Map<Entity, Evidence[]> {
  const evidence = new Map<Entity, Evidence[]>();
  const sureBySentence = new Map<number, Entity[]>();
  for (const { pronoun, entity, confidence } of resolutions) {
    if (confidence !== 'sure') continue;
    const list = sureBySentence.get(pronoun.sentence);
    if (list) list.push(entity);
    else sureBySentence.set(pronoun.sentence, [entity]);
  }
  // Both lists are in document order: one sweep pairs each source pronoun with its sentences.
  const said = [...facts.pronouns].sort((a, b) => a.english.start - b.english.start);
  let first = 0;
  for (const item of said) {
    // 会见了她 (met her): the person the English names may be the one who met her.
    if (!item.topical) continue;
    while (first < sentences.length && endOf(sentences[first]!) <= item.english.start) first++;
    const people = new Set<Entity>();
    let others = 0;
    for (let k = first; k < sentences.length; k++) {
      const { tokens } = sentences[k]!;
      if (tokens.length === 0) continue;
      if (tokens[0]!.start >= item.english.end) break;
      for (const mention of mentions.bySentence[k]!) {
        // A name, or a noun set beside one ("Ms. Zheng, a buyer"), is that person; an unlinked
        // person noun ("a buyer"), an unrecognised speaker or a name two people share may be
        // whom the source means instead.
        if (mention.entity && (mention.kind === 'named' || mention.kind === 'unnamed')) {
          people.add(mention.entity);
        } else {
          others++;
        }
      }
      for (const entity of sureBySentence.get(k) ?? []) people.add(entity);
    }
    if (people.size !== 1 || others > 0) continue;
    const person = people.values().next().value as Entity;
    const found: Evidence = {
      gender: item.gender,
      kind: 'source',
      text: item.mark,
      offset: item.english.start,
      source: item.source,
    };
    const list = evidence.get(person);
    if (list) list.push(found);
    else evidence.set(person, [found]);
  }
  return evidence;
}

function endOf(sentence: TokenSentence): number {
  return sentence.tokens[sentence.tokens.length - 1]?.end ?? -Infinity;
}
