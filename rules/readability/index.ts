import retextReadability from 'retext-readability';
import { z } from 'zod';
import { defineRule } from '../../src/core/index.js';

export default defineRule({
  meta: {
    id: 'readability',
    category: 'style',
    severity: 'info',
    description: 'A sentence that most readability formulas rate too hard for a general reader',
    messages: {},
    options: z
      .object({
        /** Reader age the text should suit. */
        age: z.number().int().min(6).max(30).default(16),
        /** Share of the seven formulas that must agree before a sentence is reported. */
        threshold: z
          .number()
          .gt(0)
          .max(1)
          .default(4 / 7),
        /** Shorter sentences are never reported. */
        minWords: z.number().int().min(1).default(5),
      })
      .strict()
      .default({ age: 16, threshold: 4 / 7, minWords: 5 }),
    examples: {
      invalid: [
        'The comprehensive institutionalization of multidimensional intergovernmental coordination mechanisms necessitates unprecedented administrative harmonization across jurisdictions.',
      ],
      valid: ['The minister met the delegation on Monday.'],
    },
  },
  create(options) {
    const check = retextReadability(options);
    // The plugin's reason names its algorithms; an editor needs to know what to do about it.
    return (tree, file) => {
      const before = file.messages.length;
      check(tree, file);
      for (const message of file.messages.slice(before)) {
        const agreeing = /according to (.+) algorithms/.exec(message.reason)?.[1] ?? 'most';
        message.reason = `Hard to read: ${agreeing} readability formulas rate this sentence above age ${options.age}; consider splitting it`;
      }
    };
  },
});
