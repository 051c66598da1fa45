import retextRepeatedWords from 'retext-repeated-words';
import { defineRule } from '../../src/core/index.js';

export default defineRule({
  meta: {
    id: 'repeated-words',
    category: 'fluency/grammar',
    severity: 'error',
    description: 'The same word twice in a row, as in "the the"',
    messages: {},
    examples: {
      invalid: ['He visited the the exhibition.', 'It was was a success.'],
      valid: ['He had had enough.', 'She said that that plan would work.'],
    },
  },
  // retext-repeated-words already knows the words English legitimately doubles ("had had",
  // "that that"); its messages are relabelled with this rule's id by the engine.
  create: () => retextRepeatedWords(),
});
