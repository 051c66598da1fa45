/** Every built-in rule. A new rule is a folder beside this file and one line here. */
import type { Rule } from '../src/core/index.js';
import calque from './calque/index.js';
import dateline from './dateline/index.js';
import enumeration from './enumeration/index.js';
import indefiniteArticle from './indefinite-article/index.js';
import longSentence from './long-sentence/index.js';
import readability from './readability/index.js';
import repeatedWords from './repeated-words/index.js';
import sentenceSpacing from './sentence-spacing/index.js';
import strayPunctuation from './stray-punctuation/index.js';

export const builtinRules: readonly Rule[] = [
  strayPunctuation,
  repeatedWords,
  indefiniteArticle,
  sentenceSpacing,
  readability,
  longSentence,
  dateline,
  enumeration,
  calque,
] as Rule[];
