import { defineSourceRule, SOURCE_CHECKS } from '../../src/core/rule-kit.js';

export default defineSourceRule(
  SOURCE_CHECKS.find((c) => c.meta.id === 'omission')!,
  {
    examples: {
      invalid: [
        {
          text: 'Chinese Premier Li Qiang met the delegation in Beijing on Monday.\n\nThe two sides signed three agreements on trade.',
          source:
            '国务院总理李强周一在北京会见了代表团。\n\n双方就经济合作、气候变化和人文交流等问题深入交换了意见，并一致同意加强在各领域的务实合作。\n\n双方签署了三项贸易协议。',
        },
      ],
      valid: [
        {
          text: 'Chinese Premier Li Qiang met the delegation in Beijing on Monday.\n\nThe two sides signed three agreements on trade.',
          source: '国务院总理李强周一在北京会见了代表团。\n\n双方签署了三项贸易协议。',
        },
      ],
    },
  },
);
