/**
 * What a rule imports: the way to declare a rule and the shared views of the document (words,
 * tags, blocks, quotes) that every rule reads instead of building its own. Adapters import the
 * engine (`./index.js`) instead; rules never do.
 */
export type {
  Category,
  Report,
  Reporter,
  Rule,
  RuleContext,
  RuleExamples,
  RuleMeta,
  Severity,
  Span,
  Transformer,
} from './types.js';
export { defineRule, formatMessage } from './define-rule.js';
export * from './nlcst.js';
export { loadJson, loadWordList, listWord, wordArray, wordListFile } from './data.js';
export { ABBREVIATIONS } from './abbreviations.js';
export { baseForms, inflectionsOf } from './inflection.js';
export { STYLES } from './config.js';
export {
  tagSentence,
  tagText,
  hasFiniteVerb,
  isCommonWord,
  tagAlone,
  isFiniteContraction,
} from './pos.js';
export type { PosTag, TaggedWord, Tagging } from './pos.js';
export { layoutOf } from './layout.js';
export type { Layout, Line } from './layout.js';
export { documentOf } from './document/of.js';
export type { Block, NewsDocument } from './document/build.js';
export type { BlockKind } from './processors/types.js';
export { LIST_ITEM } from './document/blocks.js';
export { endsWithMark } from './text-scan.js';
export { bilingualOf, defineSourceRule } from './source-rule.js';
export {
  SOURCE_CHECKS,
  SOURCE_STATUS_MESSAGES,
  validateTerms,
  femalePersons,
  mismatchedPronouns,
  sourcePronouns,
} from './source/index.js';
export type { Bilingual, SourceCheck, SourcePronoun, Term } from './source/index.js';
