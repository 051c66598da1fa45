import { defineSourceRule, SOURCE_CHECKS } from '../../src/core/rule-kit.js';

export default defineSourceRule(
  SOURCE_CHECKS.find((c) => c.meta.id === 'kept-token')!,
  {
    examples: {
      invalid: [
        {
          text: 'The Vietnamese company said on Monday that its profits rose in 2023.',
          source: '越南FPT公司周一表示，其2023年利润增长。',
        },
      ],
      valid: [
        {
          text: 'Vietnamese company FPT said on Monday that its profits rose in 2023.',
          source: '越南FPT公司周一表示，其2023年利润增长。',
        },
      ],
    },
  },
);
