import { defineSourceRule, SOURCE_CHECKS } from '../../src/core/rule-kit.js';

export default defineSourceRule(
  SOURCE_CHECKS.find((c) => c.meta.id === 'gender-mismatch')!,
  {
    examples: {
      invalid: [
        {
          text: 'Bachelet arrived in Guangzhou on Monday. He said the visit was useful.',
          source: '巴切莱特周一抵达广州。她说，这次访问很有意义。',
        },
      ],
      valid: [
        {
          text: 'Bachelet arrived in Guangzhou on Monday. She said the visit was useful.',
          source: '巴切莱特周一抵达广州。她说，这次访问很有意义。',
        },
      ],
    },
  },
);
