/** Every built-in rule. A new rule is a folder beside this file and one line here. */
import type { Rule } from '../src/core/rule-kit.js';
import calque from './calque/index.js';
import dateline from './dateline/index.js';
import enumeration from './enumeration/index.js';
import indefiniteArticle from './indefinite-article/index.js';
import mergedSentence from './merged-sentence/index.js';
import pronounAgreement from './pronoun-agreement/index.js';
import longSentence from './long-sentence/index.js';
import readability from './readability/index.js';
import repeatedWords from './repeated-words/index.js';
import repeatedPhrase from './repeated-phrase/index.js';
import sentenceSpacing from './sentence-spacing/index.js';
import strayPunctuation from './stray-punctuation/index.js';
import subjectlessSentence from './subjectless-sentence/index.js';
import truncatedSentence from './truncated-sentence/index.js';
import untranslated from './untranslated/index.js';
import numberMismatch from './number-mismatch/index.js';
import genderMismatch from './gender-mismatch/index.js';
import omission from './omission/index.js';
import keptToken from './kept-token/index.js';
import terminology from './terminology/index.js';
import sourceMismatch from './source-mismatch/index.js';
import houseStyle from './house-style/index.js';

export const builtinRules: readonly Rule[] = [
  strayPunctuation,
  repeatedWords,
  indefiniteArticle,
  sentenceSpacing,
  readability,
  untranslated,
  truncatedSentence,
  mergedSentence,
  repeatedPhrase,
  subjectlessSentence,
  pronounAgreement,
  longSentence,
  dateline,
  enumeration,
  calque,
  houseStyle,
  sourceMismatch,
  numberMismatch,
  genderMismatch,
  omission,
  keptToken,
  terminology,
] as Rule[];
