import { defineSourceRule, SOURCE_CHECKS } from '../../src/core/rule-kit.js';

export default defineSourceRule(
  SOURCE_CHECKS.find((c) => c.meta.id === 'number-mismatch')!,
  {
    examples: {
      invalid: [
        {
          text: 'Chinese Premier Li Qiang said the economy grew 6.2 percent in 2023.',
          source: '国务院总理李强表示，2023年经济增长5.2%。',
        },
        {
          text: 'Exports reached 3.1 million yuan last year, officials said on Monday.',
          source: '官员周一表示，去年出口额达到31亿元。',
        },
        {
          text: 'A Yangtse Evening Post reporter 10 found that the agreements were back.',
          source: '扬子晚报记者10日采访发现，“保价协议”又回来了。',
        },
      ],
      valid: [
        {
          text: 'Chinese Premier Li Qiang said the economy grew 5.2 percent in 2023.',
          source: '国务院总理李强表示，2023年经济增长5.2%。',
        },
        {
          text: 'A Yangtse Evening Post reporter found on the 10th that the agreements were back.',
          source: '扬子晚报记者10日采访发现，“保价协议”又回来了。',
        },
        'The economy grew 5.3 percent in 2023.',
      ],
    },
  },
);
