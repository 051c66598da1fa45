/**
 * Puts it together: a pronoun whose gender disagrees with what the document says about the person it
 * refers to. Strong evidence (an honorific, a gendered noun, a first name) outweighs any number of
 * pronouns; without it, a person referred to with both genders is reported where the document
 * disagrees with itself, on the side with fewer pronouns.
 */
import type { Root } from '../../src/core/rule-kit.js';
import { collectEvidence, type Evidence } from './evidence.js';
import { OTHER, SWAP, type Gender } from './lexicon.js';
import { findMentions, type Entity, type Pronoun } from './mentions.js';
import { resolvePronouns, type Confidence, type Rival } from './resolution.js';
import { hasPronoun, mayReport } from './prefilter.js';
import { tokenize } from './tokens.js';
import { collectSourceEvidence, type SourceFacts } from './source-evidence.js';

/** What a document says for one gender of one person. Built once per person, shared by findings. */
export interface Side {
  /** Honorifics, nouns and first names, strongest kind first. */
  strong: Evidence[];
  /** Pronouns whose antecedent the structure settled. */
  pronouns: Evidence[];
  /** The two strongest distinct pieces, quoted: "'Ms. Bachelet' and 'she'". */
  quoted: string;
  /** Offsets of the first and last piece. */
  first: number;
  last: number;
}

export interface Finding {
  kind: 'conflict' | 'mixed';
  pronoun: Pronoun;
  entity: Entity;
  /** The pronoun in the gender the evidence calls for. */
  expected: string;
  /** The evidence against the pronoun. */
  evidence: Side;
  confidence: Confidence;
  /** When the strongest evidence is the source's 她 or 他: where the source says it. */
  source?: { start: number; end: number; mark: string };
}

type Profile = Record<Gender, Side>;

/**
 * The findings of a document (`tree`, parsed from `text`); `facts`, when the lint has a Chinese
 * source, add what the source says about people's gender.
 */
export function checkAgreement(tree: Root, text: string, facts?: SourceFacts): Finding[] {
  // Most texts have no gendered pronoun, or nothing that could disagree with one: skip the
  // analysis when a cheap look at the words proves there is nothing to report (see prefilter.ts).
  // The source's 她/他 is evidence the words cannot show, so with one only the pronoun is needed.
  const fromSource = facts !== undefined && facts.pronouns.length > 0;
  if (fromSource ? !hasPronoun(tree, text) : !mayReport(tree, text)) return [];
  return analyseAgreement(tree, text, facts);
}

/** The whole analysis, without the prefilter: exported so tests can prove the prefilter sound. */
export function analyseAgreement(tree: Root, text: string, facts?: SourceFacts): Finding[] {
  const sentences = tokenize(tree, text);
  const mentions = findMentions(sentences);
  const resolutions = resolvePronouns(sentences, mentions);
  const evidence = collectEvidence(sentences, mentions, resolutions);
  if (facts) {
    const fromSource = collectSourceEvidence(facts, sentences, mentions, resolutions);
    for (const [entity, items] of fromSource) {
      evidence.set(entity, [...(evidence.get(entity) ?? []), ...items]);
    }
  }
  // Pronouns the source check gender-mismatch reports (a "he" for 她 in the same sentence): one
  // finding per pronoun, the one that can point at the source.
  const reported = new Set((facts?.reported ?? []).map((range) => range.start));
  const profiles = new Map<Entity, Profile>();
  const profileOf = (entity: Entity) => {
    let profile = profiles.get(entity);
    if (!profile) {
      profile = buildProfile(evidence.get(entity) ?? []);
      profiles.set(entity, profile);
    }
    return profile;
  };

  const findings: Finding[] = [];
  for (const { pronoun, entity, confidence, rivals } of resolutions) {
    if (reported.has(pronoun.token.start)) continue;
    // A likely reading is reported only when nobody else nearby could be the one meant.
    if (
      confidence === 'likely' &&
      rivals.some((rival) => couldBe(rival, pronoun.gender, profileOf))
    ) {
      continue;
    }
    const profile = profileOf(entity);
    const against = profile[OTHER[pronoun.gender]];
    const forIt = profile[pronoun.gender];
    // Two people under one name, or a document that is unsure itself: say nothing. The source's
    // 她 outweighs the public record of someone of the same name.
    const herInSource =
      against.strong[0]?.kind === 'source' && against.strong[0].gender === 'female';
    const forItStrong = herInSource
      ? forIt.strong.filter((item) => item.kind !== 'known')
      : forIt.strong;
    if (forItStrong.length > 0) continue;
    const expected = SWAP[OTHER[pronoun.gender]][pronoun.form];
    const finding = (kind: Finding['kind'], sure: Confidence): Finding => {
      const best = against.strong[0];
      return {
        kind,
        pronoun,
        entity,
        expected,
        evidence: against,
        confidence: sure,
        ...(best?.source ? { source: { ...best.source, mark: best.text } } : {}),
      };
    };
    if (against.strong.length > 0) {
      // The source's 他 alone: also the generic pronoun, so only a likely reading.
      const onlyHim = against.strong.every(
        (item) => item.kind === 'source' && item.gender === 'male',
      );
      if (onlyHim) {
        findings.push(finding('conflict', 'likely'));
        continue;
      }
      // Only the public record against pronouns that all agree with each other: likely someone
      // else of the same name ("Wang Yi" is also a common name), so the article is believed.
      const onRecordOnly = against.strong.every((item) => item.kind === 'known');
      if (onRecordOnly && against.pronouns.length === 0 && forIt.pronouns.length >= 2) continue;
      findings.push(finding('conflict', confidence));
      continue;
    }
    if (against.pronouns.length === 0) continue;
    // Only pronouns on either side: report the minority gender; a tie is uncertain. The pronoun
    // itself is among its side's evidence when its reading was sure.
    const mine = forIt.pronouns.length + (confidence === 'sure' ? 0 : 1);
    const theirs = against.pronouns.length;
    if (theirs > mine) {
      findings.push(finding('mixed', theirs >= 2 * mine ? confidence : 'likely'));
    } else if (theirs === mine && against.first < pronoun.token.start) {
      findings.push(finding('mixed', 'likely'));
    }
  }
  return findings.sort((a, b) => a.pronoun.token.start - b.pronoun.token.start);
}

/** Strongest first: the source's 她, the article's own words, the public record, the source's 他. */
const RANK = {
  source: 0,
  honorific: 1,
  noun: 2,
  'first-name': 3,
  known: 4,
  pronoun: 6,
} as const;

function rank(item: Evidence): number {
  return item.kind === 'source' && item.gender === 'male' ? 5 : RANK[item.kind];
}

function buildProfile(items: Evidence[]): Profile {
  const side = (gender: Gender): Side => {
    const mine = items.filter((item) => item.gender === gender);
    const strong = mine.filter((item) => item.kind !== 'pronoun').sort((a, b) => rank(a) - rank(b));
    const pronouns = mine.filter((item) => item.kind === 'pronoun');
    const offsets = mine.map((item) => item.offset);
    return {
      strong,
      pronouns,
      quoted: quote(strong, pronouns),
      first: offsets.length ? Math.min(...offsets) : Infinity,
      last: offsets.length ? Math.max(...offsets) : -Infinity,
    };
  };
  return { female: side('female'), male: side('male') };
}

/** The strongest piece of evidence, then a pronoun if there is one, else the next strongest. */
function quote(strong: Evidence[], pronouns: Evidence[]): string {
  const [best] = [...strong, ...pronouns];
  if (!best) return '';
  const differs = (item: Evidence) => item.text.toLowerCase() !== best.text.toLowerCase();
  const second = pronouns.find(differs) ?? strong.find(differs);
  return second ? `${quoted(best)} and ${quoted(second)}` : quoted(best);
}

/** "'Li Qiang' (a man, by public record)" for a public figure; else the words in quotes. */
function quoted(item: Evidence): string {
  if (item.kind === 'source') return `'${item.text}' in the source`;
  if (item.kind !== 'known') return `'${item.text}'`;
  return `'${item.text}' (a ${item.gender === 'male' ? 'man' : 'woman'}, by public record)`;
}

/** Whether a rival might be the person the pronoun means: nothing says they are of the other gender. */
function couldBe(rival: Rival, gender: Gender, profileOf: (entity: Entity) => Profile): boolean {
  if (!('display' in rival)) {
    return rival.kind !== 'unnamed' || (rival.nounGender ?? gender) === gender;
  }
  const profile = profileOf(rival);
  const other = profile[OTHER[gender]];
  const same = profile[gender];
  return (
    same.strong.length + same.pronouns.length > 0 ||
    other.strong.length + other.pronouns.length === 0
  );
}
