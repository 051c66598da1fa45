import { z } from 'zod';
import { defineRule, documentOf } from '../../src/core/rule-kit.js';
import { checkLine } from './checks.js';
import { PRESET_NAMES, PRESETS, presetSchema, type Preset } from './presets.js';

const options = z
  .object({
    style: z
      .union([z.enum(PRESET_NAMES), presetSchema])
      .default('none')
      .describe(
        'the house style: "ap", "reuters", "none" (nothing checked), or a preset of your own in the same shape',
      ),
  })
  .strict()
  .prefault({});

export default defineRule({
  meta: {
    id: 'house-style',
    category: 'style',
    severity: 'warning',
    description: 'Spelling and punctuation that the house style (AP, Reuters) writes otherwise',
    messages: {
      quote: 'Straight quotation mark: {{house}} style uses typographic quotes (`{{expected}}`)',
      unit: '`{{actual}}`: {{house}} style puts a space between a number and its unit (`{{expected}}`)',
      country: '`{{actual}}`: {{house}} style writes `{{expected}}`{{where}}',
      'quoted-term':
        '`{{actual}}`: quotation marks around a name, carried over from Chinese emphasis; English news writes the name without them',
      'year-on-year-order':
        '`{{actual}}` follows the Chinese word order (同比增长): put it after the figure (`rose 5% year on year`)',
      'year-on-year-hyphen':
        '`{{actual}}` after its verb takes no hyphens (`year on year`); hyphens only before a noun (`year-on-year growth`)',
    },
    options,
    safeFixes: ['quote', 'unit', 'country'],
    examples: {
      invalid: [
        { text: 'He said "we will go" on Monday.', options: { style: 'ap' } },
        { text: 'The network runs at 100Mbps.', options: { style: 'reuters' } },
        { text: 'The US economy grew.', options: { style: 'reuters' } },
        { text: 'US, China agree on talks', options: { style: 'reuters' } },
        { text: 'U.S., China agree on talks', options: { style: 'ap' } },
        { text: 'He praised the "Plan" on Monday.', options: { style: 'ap' } },
        { text: 'Exports year-on-year increased 5%.', options: { style: 'ap' } },
        { text: 'Exports rose 5% year-on-year.', options: { style: 'ap' } },
      ],
      valid: [
        // No house style unless the config names one.
        'He said "we will go" on Monday. The US economy grew.',
        { text: 'He said \u201cwe will go\u201d on Monday.', options: { style: 'ap' } },
        { text: 'The network runs at 100 Mbps.', options: { style: 'ap' } },
        { text: 'The U.S. economy grew.', options: { style: 'ap' } },
        { text: 'US, China agree on talks', options: { style: 'ap' } },
        {
          text: 'Exports rose 5% year on year, after year-on-year growth of 3%.',
          options: { style: 'ap' },
        },
        {
          text: 'He said \u201cwe will go\u201d on Monday. The US economy grew.',
          options: { style: 'none' },
        },
      ],
    },
  },
  create({ style }, { report }) {
    const preset: Preset = typeof style === 'string' ? PRESETS.get(style)! : style;
    const off = typeof style === 'string' && style === 'none';
    return (_tree, file) => {
      if (off) return;
      for (const block of documentOf(file).blocks) {
        for (const finding of checkLine(block.text, block.kind, preset)) {
          report(file, {
            at: { start: block.start + finding.start, end: block.start + finding.end },
            messageId: finding.messageId,
            data: { house: houseName(preset), ...finding.data },
            expected: finding.expected,
            severity: finding.severity,
          });
        }
      }
    };
  },
});

function houseName(preset: Preset): string {
  if (preset.name === 'ap') return 'AP';
  if (preset.name === 'reuters') return 'Reuters';
  return `The ${preset.name}`;
}
