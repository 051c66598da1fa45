import retextIndefiniteArticle from 'retext-indefinite-article';
import { defineRule } from '../../src/core/index.js';

export default defineRule({
  meta: {
    id: 'indefinite-article',
    category: 'fluency/grammar',
    severity: 'warning',
    description: '"a" before a vowel sound or "an" before a consonant sound',
    messages: {},
    examples: {
      invalid: ['It was a important meeting.', 'She gave an speech.'],
      valid: ['It was an important meeting.', 'She met a UN official for an hour.'],
    },
  },
  create: () => retextIndefiniteArticle(),
});
