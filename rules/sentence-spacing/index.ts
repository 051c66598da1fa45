import retextSentenceSpacing from 'retext-sentence-spacing';
import { z } from 'zod';
import { defineRule } from '../../src/core/index.js';

export default defineRule({
  meta: {
    id: 'sentence-spacing',
    category: 'fluency/punctuation',
    severity: 'info',
    description: 'More or fewer spaces between sentences than the house style',
    messages: {},
    options: z
      .object({
        preferred: z.union([z.literal(1), z.literal(2)]).default(1),
      })
      .strict()
      .default({ preferred: 1 }),
    examples: {
      invalid: ['The talks ended.  The delegation left.'],
      valid: ['The talks ended. The delegation left.'],
    },
  },
  create: ({ preferred }) => retextSentenceSpacing({ preferred }),
});
