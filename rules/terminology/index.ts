import { z } from 'zod';
import { defineSourceRule, SOURCE_CHECKS, validateTerms } from '../../src/core/rule-kit.js';

const TERMS = [{ source: '国务院', target: ['State Council'], forbidden: ['State Department'] }];

/** The house's term list: each Chinese term with its allowed and forbidden English renderings. */
const options = z
  .object({
    terms: z
      .unknown()
      .default([])
      .transform((value, context) => {
        try {
          return validateTerms(value);
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .describe('`[{"source": "国务院", "target": ["State Council"], "forbidden": [...]}]`'),
  })
  .strict()
  .prefault({});

export default defineSourceRule<z.infer<typeof options>>(
  SOURCE_CHECKS.find((c) => c.meta.id === 'terminology')!,
  {
    options,
    terms: (value) => value.terms,
    examples: {
      invalid: [
        {
          text: 'The State Department issued a notice on Monday about rural roads.',
          source: '国务院周一发布了关于农村公路的通知。',
          options: { terms: TERMS },
        },
      ],
      valid: [
        {
          text: 'The State Council issued a notice on Monday about rural roads.',
          source: '国务院周一发布了关于农村公路的通知。',
          options: { terms: TERMS },
        },
      ],
    },
  },
);
