/**
 * Source checks: compare an English translation with its Chinese source. Pure (no I/O at import, no
 * environment); jieba's dictionary loads on the first call that has a source.
 *
 *   const result = checkSource({ text, paragraphs, source, terms })
 *   result.status      'ok' | 'empty' | 'not-chinese' | 'mismatch'
 *   result.findings    SourceFinding[] (empty unless status is 'ok')
 */
import { buildBilingual, type Bilingual, type BilingualInput } from './bilingual.js';
import * as genderMismatch from './checks/gender-mismatch.js';
import * as keptToken from './checks/kept-token.js';
import * as numberMismatch from './checks/number-mismatch.js';
import * as omission from './checks/omission.js';
import * as terminology from './checks/terminology.js';
import type { SourceCheckMeta, SourceFinding } from './types.js';

export * from './types.js';
export { buildBilingual, MISMATCH_CONFIDENCE } from './bilingual.js';
export type { AlignedPair, Bilingual, BilingualInput, SourceStatus } from './bilingual.js';
export { alignSequences, LENGTH_MODEL } from './align.js';
export { parseChinese, hanShare, chineseLength } from './zh-text.js';
export type { ChineseText } from './zh-text.js';
export { splitEnglish } from './en-text.js';
export { chineseNumbers, parseChineseNumeral } from './numbers-zh.js';
export { englishNumbers, parseNumberWords } from './numbers-en.js';
export { sameNumber } from './numbers.js';
export type { NumberMention, NumberKind } from './numbers.js';
export { loadJieba, jiebaLoadMs, tagChinese, pinyinSyllables } from './jieba.js';
export { femalePersons, mismatchedPronouns, sourcePronouns } from './checks/gender-mismatch.js';
export type { FemalePerson, SourcePronoun } from './checks/gender-mismatch.js';
export { validateTerms } from './checks/terminology.js';

export interface SourceCheck {
  meta: SourceCheckMeta;
  check(bi: Bilingual): SourceFinding[];
}

/** Every source check, by id (the ids the rules take). */
export const SOURCE_CHECKS: readonly SourceCheck[] = [
  numberMismatch,
  genderMismatch,
  omission,
  keptToken,
  terminology,
];

/** The one finding to give instead of all others when the source is not this text's source. */
export const SOURCE_STATUS_MESSAGES: Record<Exclude<Bilingual['status'], 'ok'>, string> = {
  empty: 'The source is empty, so the translation could not be checked against it',
  'not-chinese':
    'The source is not Chinese text, so the translation could not be checked against it',
  mismatch:
    'The source does not match this text (another article?), so it was not checked against it',
};

export interface SourceResult {
  status: Bilingual['status'];
  confidence: number;
  findings: SourceFinding[];
  bilingual: Bilingual;
}

/** Builds the bilingual document and runs the checks named in `only` (default: all). */
export function checkSource(input: BilingualInput, only?: readonly string[]): SourceResult {
  const bilingual = buildBilingual(input);
  const findings: SourceFinding[] = [];
  if (bilingual.status === 'ok') {
    for (const c of SOURCE_CHECKS) {
      if (only && !only.includes(c.meta.id)) continue;
      findings.push(...c.check(bilingual));
    }
    findings.sort((a, b) => a.offset - b.offset || a.sourceOffset - b.sourceOffset);
  }
  return { status: bilingual.status, confidence: bilingual.confidence, findings, bilingual };
}
