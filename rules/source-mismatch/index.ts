import {
  bilingualOf,
  defineRule,
  documentOf,
  SOURCE_STATUS_MESSAGES,
} from '../../src/core/rule-kit.js';

/**
 * Fewer English words than this are too little to tell another article from a loose translation:
 * a mismatch is then not reported (the source checks still stay quiet). An empty or non-Chinese
 * source is reported whatever the length.
 */
const MIN_WORDS_FOR_MISMATCH = 20;

/**
 * One finding for the whole document when the source given is not this text's source (empty, not
 * Chinese, or another article): the source checks then stay quiet instead of raising hundreds of
 * alarms.
 */
export default defineRule({
  meta: {
    id: 'source-mismatch',
    category: 'accuracy/mistranslation',
    severity: 'error',
    description:
      'The source given is not the source of this text, so nothing was checked against it',
    messages: {
      empty: SOURCE_STATUS_MESSAGES.empty,
      notChinese: SOURCE_STATUS_MESSAGES['not-chinese'],
      mismatch: SOURCE_STATUS_MESSAGES.mismatch,
    },
    needsSource: true,
    examples: {
      invalid: [
        { text: 'The talks ended on Monday.', source: 'The talks ended on Monday.' },
        { text: 'The talks ended on Monday.', source: '' },
      ],
      valid: [
        { text: 'The talks ended on Monday.', source: '会谈于周一结束。' },
        { text: 'They met.', source: '他们见面了。' },
      ],
    },
  },
  create:
    (_options, { report }) =>
    (_tree, file) => {
      const bilingual = bilingualOf(file);
      if (!bilingual || bilingual.status === 'ok') return;
      if (
        bilingual.status === 'mismatch' &&
        documentOf(file).counts.words < MIN_WORDS_FOR_MISMATCH
      ) {
        return;
      }
      const messageId = bilingual.status === 'not-chinese' ? 'notChinese' : bilingual.status;
      report(file, { at: { start: 0, end: 0 }, messageId });
    },
});
