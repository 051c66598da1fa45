/** The public surface of the engine: what rules, adapters and formatters import. */
export * from './types.js';
export { defineRule, formatMessage } from './define-rule.js';
export { createLinter, defaultDocsUrl, DEFAULT_MAX_DIAGNOSTICS } from './engine.js';
export type { Linter, LinterOptions, LintOptions } from './engine.js';
export {
  ConfigError,
  configSchema,
  parseConfig,
  resolveConfig,
  PRESETS,
  STYLES,
} from './config.js';
export type { Config, EnabledRule, Preset, RuleSetting, Style } from './config.js';
export { createRegistry } from './registry.js';
export { DEFAULT_PENALTY_WEIGHTS, summarize } from './summary.js';
export type { PenaltyWeights } from './summary.js';
export { parseDocument, pieceBoundaries, MAX_PIECE } from './parse.js';
export * from './nlcst.js';
export { loadJson } from './data.js';
export { tagSentence, tagText, hasFiniteVerb, isCommonWord } from './pos.js';
export type { PosTag, TaggedWord, Tagging } from './pos.js';
export { layoutOf, buildLayout } from './layout.js';
export { endsWithMark } from './text-scan.js';
export type { Layout, Line } from './layout.js';
export { buildDocument, MAX_PIECE as MAX_LINE_PIECE } from './document/build.js';
export type { Block, NewsDocument } from './document/build.js';
export { documentOf } from './document/of.js';
export {
  FORMATS,
  BLOCK_KINDS,
  DocumentError,
  isFormat,
  loadProcessor,
  processorFor,
  registerProcessor,
  toOriginal,
  PLACEHOLDER,
} from './processors/index.js';
export type { BlockKind, Directive, Format, Processor, Prose } from './processors/index.js';
