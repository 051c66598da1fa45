import { describe, expect, it } from '@jest/globals';
import { parsePreset, PRESETS } from '../../rules/house-style/presets.js';
import { lintAndFix } from '../../src/cli/fix.js';
import { createMtLinter, createRuleLinter } from '../../src/linter.js';
import { testRule } from '../helpers/rule-tester.js';

const AP = ['warning', { style: 'ap' }];
const REUTERS = ['warning', { style: 'reuters' }];

testRule('house-style', {
  setting: AP,
  invalid: [
    {
      text: 'He said "we will go" on Monday.',
      errors: [
        { messageId: 'quote', excerpt: '"', suggestions: ['\u201c'], severity: 'info' },
        { messageId: 'quote', excerpt: '"', suggestions: ['\u201d'], severity: 'info' },
      ],
    },
    {
      text: '"Yes," she said.',
      errors: [
        { messageId: 'quote', suggestions: ['\u201c'] },
        { messageId: 'quote', suggestions: ['\u201d'] },
      ],
    },
    // Spaces on both sides: which mark it is cannot be told, so no fix.
    { text: 'He said " we will go.', errors: [{ messageId: 'quote', suggestions: [] }] },
    {
      text: 'The network runs at 100Mbps and stores 2.5GB.',
      errors: [
        { messageId: 'unit', excerpt: '100Mbps', suggestions: ['100 Mbps'] },
        { messageId: 'unit', excerpt: '2.5GB', suggestions: ['2.5 GB'] },
      ],
    },
    {
      text: 'The US economy grew. Exports went to the US.',
      errors: [
        { messageId: 'country', excerpt: 'US', suggestions: ['U.S.'], severity: 'warning' },
        // The sentence's full stop serves the abbreviation too.
        { messageId: 'country', excerpt: 'US.', suggestions: ['U.S.'] },
      ],
    },
    {
      text: 'He praised the \u201cPlan\u201d and the \u201cBelt and Road\u201d Initiative.',
      errors: [
        { messageId: 'quoted-term', excerpt: '\u201cPlan\u201d', suggestions: ['Plan'] },
        {
          messageId: 'quoted-term',
          excerpt: '\u201cBelt and Road\u201d',
          suggestions: ['Belt and Road'],
          severity: 'info',
        },
      ],
    },
    {
      text: 'Exports year-on-year increased 5%.',
      errors: [{ messageId: 'year-on-year-order', excerpt: 'year-on-year increased' }],
    },
    {
      text: 'Exports rose 5% year-on-year, and imports rose 3% year-on-year in May.',
      errors: [
        { messageId: 'year-on-year-hyphen', suggestions: ['year on year'], severity: 'info' },
        { messageId: 'year-on-year-hyphen', suggestions: ['year on year'] },
      ],
    },
  ],
  valid: [
    'He said \u201cwe will go\u201d on Monday.',
    // An inch or seconds mark after a figure, with no quotation open.
    'The screen measures 6.1" across.',
    'The network runs at 100 Mbps. The road is 5km-long. The 5G network and 100m sprint.',
    'The U.S. economy grew. U.S.-China talks resumed.',
    // The pronoun in capitals, and US$ (a currency).
    'JOIN US NOW',
    'It cost US$5 million.',
    'He called it the \u201cPlan\u201d. The so-called \u201cRed Line\u201d stayed. He read the book \u201cWolf Totem\u201d.',
    'Year-on-year growth was 5%; year-on-year and month-on-month figures rose; a year-on-year increase.',
    'Exports rose 5% year on year.',
  ],
});

testRule('house-style', {
  setting: REUTERS,
  invalid: [
    {
      text: 'US, China agree on talks\n\nThe talks begin on Monday.',
      errors: [{ messageId: 'country', excerpt: 'US', suggestions: ['U.S.'] }],
    },
  ],
  valid: ['U.S., China agree on talks\n\nThe talks begin on Monday.'],
});

describe('the top-level "style" of a config', () => {
  const text = 'The US economy grew.';
  const ids = (config: unknown) =>
    createMtLinter(config)
      .lint(text)
      .diagnostics.filter((d) => d.ruleId === 'house-style')
      .map((d) => [d.excerpt, d.suggestions[0]]);

  it('names the house style for the house-style rule', () => {
    expect(ids({ style: 'reuters' })).toEqual([['US', 'U.S.']]);
    expect(ids({ style: 'none' })).toEqual([]);
    expect(ids({})).toEqual([]);
  });

  it('gives way to the rule’s own settings: its severity, "off", and a style in its options', () => {
    const [found] = createMtLinter({ style: 'reuters', rules: { 'house-style': 'info' } })
      .lint(text)
      .diagnostics.filter((d) => d.ruleId === 'house-style');
    expect(found?.severity).toBe('info');
    expect(ids({ style: 'reuters', rules: { 'house-style': 'off' } })).toEqual([]);
    expect(
      ids({ style: 'reuters', rules: { 'house-style': ['warning', { style: 'none' }] } }),
    ).toEqual([]);
  });

  it('is one of the named styles', () => {
    expect(() => createMtLinter({ style: 'guardian' })).toThrow(/style/);
  });
});

describe('house-style presets', () => {
  it('AP writes US in headlines and U.S. in text', () => {
    const linter = createRuleLinter('house-style', AP);
    const text = 'U.S., China agree on talks\n\nThe US side said so.';
    const found = linter.lint(text).diagnostics.map((d) => [d.excerpt, d.suggestions[0]]);
    expect(found).toEqual([
      ['U.S.', 'US'],
      ['US', 'U.S.'],
    ]);
  });

  it('"none" checks nothing, and is the default', () => {
    const text = 'He said "the US will go" at 100Mbps, year-on-year.';
    expect(
      createRuleLinter('house-style', ['warning', { style: 'none' }]).lint(text).diagnostics,
    ).toEqual([]);
    expect(createRuleLinter('house-style').lint(text).diagnostics).toEqual([]);
    expect(createRuleLinter('house-style', AP).lint(text).diagnostics.length).toBeGreaterThan(0);
  });

  it('a preset of the config’s own, in the same shape', () => {
    const linter = createRuleLinter('house-style', [
      'warning',
      { style: { name: 'Guardian', country: { prose: 'US' } } },
    ]);
    const [finding] = linter.lint('The U.S. economy grew.').diagnostics;
    expect(finding?.suggestions).toEqual(['US']);
    expect(finding?.message).toBe('`U.S.`: The Guardian style writes `US`');
  });

  it('safe fixes: quotes, units and the country; not the quoted term or year-on-year', () => {
    const linter = createRuleLinter('house-style', AP);
    const text = 'He praised the "Plan" at 100Mbps in the US, up 5% year-on-year.';
    const fixes = linter.lint(text).diagnostics.map((d) => [d.messageId, d.fix]);
    expect(fixes).toEqual([
      ['quote', '\u201c'],
      ['quoted-term', undefined],
      ['quote', '\u201d'],
      ['unit', '100 Mbps'],
      ['country', 'U.S.'],
      ['year-on-year-hyphen', undefined],
    ]);
  });

  it('--fix applies the safe fixes and leaves the rest for an editor', async () => {
    const linter = createMtLinter({ rules: { 'house-style': AP } });
    const fixed = await lintAndFix(
      'He said "the US line runs at 100Mbps" and praised the "Plan".',
      async (text) => linter.lint(text),
    );
    expect(fixed.output).toBe(
      'He said \u201cthe U.S. line runs at 100 Mbps\u201d and praised the \u201cPlan\u201d.',
    );
    expect(fixed.diagnostics.map((d) => d.messageId)).toEqual(['quoted-term']);
  });

  it('an unknown style or a bad preset is a config error naming the field', () => {
    expect(() =>
      createMtLinter({ rules: { 'house-style': ['warning', { style: 'bbc' }] } }),
    ).toThrow(/Invalid options for rule "house-style": style/);
    expect(() =>
      createMtLinter({
        rules: { 'house-style': ['warning', { style: { name: 'x', quotes: 'curly' } }] },
      }),
    ).toThrow(/house-style/);
  });

  it('preset files are checked when loaded', () => {
    expect(PRESETS.get('ap')?.country).toEqual({ prose: 'U.S.', headline: 'US' });
    expect(() => parsePreset({ name: 'x', unitSpace: 'yes' }, 'presets/x.json')).toThrow(
      'house-style: presets/x.json: field "unitSpace"',
    );
    expect(() => parsePreset({ name: 'x', colour: true }, 'presets/x.json')).toThrow(
      'field "(top level)"',
    );
  });
});
