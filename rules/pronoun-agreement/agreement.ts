/**
 * Puts it together: a pronoun whose gender disagrees with what the document says about the person it
 * refers to. Strong evidence (an honorific, a gendered noun, a first name) outweighs any number of
 * pronouns; without it, a person referred to with both genders is reported where the document
 * disagrees with itself, on the side with fewer pronouns.
 */
import type { Root } from '../../src/core/index.js';
import { collectEvidence, type Evidence } from './evidence.js';
import { OTHER, SWAP, type Gender } from './lexicon.js';
import { findMentions, type Entity, type Pronoun } from './mentions.js';
import { resolvePronouns, type Confidence, type Rival } from './resolution.js';
import { tokenize } from './tokens.js';

export interface Finding {
  kind: 'conflict' | 'mixed';
  pronoun: Pronoun;
  entity: Entity;
  /** The pronoun in the gender the evidence calls for. */
  expected: string;
  /** The evidence against the pronoun, strongest first. */
  evidence: Evidence[];
  confidence: Confidence;
}

export function checkAgreement(tree: Root): Finding[] {
  const sentences = tokenize(tree);
  const mentions = findMentions(sentences);
  const resolutions = resolvePronouns(sentences, mentions);
  const evidence = collectEvidence(sentences, mentions, resolutions);

  const findings: Finding[] = [];
  for (const { pronoun, entity, confidence, rivals } of resolutions) {
    // A likely reading is reported only when nobody else nearby could be the one meant.
    if (
      confidence === 'likely' &&
      rivals.some((rival) => couldBe(rival, pronoun.gender, evidence))
    ) {
      continue;
    }
    const items = (evidence.get(entity) ?? []).filter((item) => item.pronoun !== pronoun);
    const against = items.filter((item) => item.gender !== pronoun.gender);
    const forIt = items.filter((item) => item.gender === pronoun.gender);
    if (against.length === 0) continue;
    const strongAgainst = against.filter((item) => item.kind !== 'pronoun');
    const strongFor = forIt.filter((item) => item.kind !== 'pronoun');
    // Two people under one name, or a document that is unsure itself: say nothing.
    if (strongFor.length > 0) continue;

    const finding = (kind: Finding['kind'], sure: Confidence): Finding => ({
      kind,
      pronoun,
      entity,
      expected: SWAP[OTHER[pronoun.gender] as Gender][pronoun.form],
      evidence: [...strongAgainst, ...against.filter((item) => item.kind === 'pronoun')],
      confidence: sure,
    });
    if (strongAgainst.length > 0) {
      findings.push(finding('conflict', confidence));
      continue;
    }
    // Only pronouns on either side: report the minority gender; a tie is uncertain.
    const mine = forIt.length + 1;
    if (against.length > mine) {
      findings.push(finding('mixed', against.length >= 2 * mine ? confidence : 'likely'));
    } else if (against.length === mine && firstOffset(against) < pronoun.token.start) {
      findings.push(finding('mixed', 'likely'));
    }
  }
  return findings.sort((a, b) => a.pronoun.token.start - b.pronoun.token.start);
}

/** Whether a rival might be the person the pronoun means: nothing says they are of the other gender. */
function couldBe(rival: Rival, gender: Gender, evidence: Map<Entity, Evidence[]>): boolean {
  if (!('display' in rival))
    return rival.kind !== 'unnamed' || (rival.nounGender ?? gender) === gender;
  const items = evidence.get(rival) ?? [];
  return items.length === 0 || items.some((item) => item.gender === gender);
}

function firstOffset(items: Evidence[]): number {
  return Math.min(...items.map((item) => item.offset));
}
