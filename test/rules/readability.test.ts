import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { createMtLinter, createRuleLinter } from '../../src/linter.js';

const SENTENCES = [
  'The minister met the delegation on Monday.',
  "Chinese Vice Foreign Minister Ma Zhaoxu was interviewed by reporters on May 28, and introduced the relevant situation of China's reception of Bachelet's visit to China.",
  "This is Ms. Bachelet's first visit to China since she took office as the High Commissioner for Human Rights, and it is also the first time that China has received a visit from the United Nations High Commissioner for Human Rights in 17 years.",
  'The comprehensive institutionalization of multidimensional intergovernmental coordination mechanisms necessitates unprecedented administrative harmonization across jurisdictions.',
  "During his meeting with Bachelet, President Xi Jinping elaborated in depth on major issues concerning the development of China's human rights cause based on Chinese history and culture, and expressed the principled position of the Chinese party and government to safeguard and protect human rights in an all-round way, emphasizing that the Communist Party of China From the day it was born, it has taken the pursuit of happiness for the Chinese people and the rejuvenation of the Chinese nation as its original mission, and has been fighting for the interests of the people for more than 100 years.",
  'The cat sat on the mat and the dog lay by the door.',
  'Henan province standardizes and integrates dental implant medical service prices-Chinanews.com',
  'Thanks to unremitting efforts, Xinjiang has been free from violence and terrorism for more than five consecutive years.',
  "It's a nice day, isn't it, and we'll go out.",
  'Dark clouds cannot cover the sun, and all Xinjiang-related lies and rumors will be self-defeating in the face of facts.',
  'Go.',
  'A B C D E F.',
];

/** Sentences that retext-readability itself flags, as `start:agreeing` (agreeing formulas). */
function referenceFlags(
  text: string,
  options: { age: number; threshold: number; minWords: number },
) {
  const processor = unified().use(retextEnglish).use(retextReadability, options);
  const file = new VFile({ value: text });
  processor.runSync(processor.parse(file), file);
  return file.messages.map((message) => {
    const agreeing = /according to (?:all (\d+)|(\d+) out of)/.exec(message.reason);
    return `${message.place && 'start' in message.place ? message.place.start.offset : -1}:${agreeing?.[1] ?? agreeing?.[2]}`;
  });
}

function ourFlags(text: string, options: { age: number; threshold: number; minWords: number }) {
  const linter = createRuleLinter('readability', ['info', options]);
  return linter
    .lint(text)
    .diagnostics.filter((d) => d.ruleId === 'readability')
    .map((d) => `${d.offset}:${/^Hard to read: (\d+) of/.exec(d.message)?.[1]}`);
}

describe('readability agrees with retext-readability', () => {
  const settings = [
    { age: 16, threshold: 4 / 7, minWords: 5 },
    { age: 16, threshold: 1 / 7, minWords: 1 },
    { age: 12, threshold: 2 / 7, minWords: 3 },
    { age: 22, threshold: 5 / 7, minWords: 5 },
    { age: 20, threshold: 1, minWords: 5 },
  ];

  it.each(settings)('on news sentences at %o', (options) => {
    const text = SENTENCES.join(' ');
    const expected = referenceFlags(text, options);
    expect(ourFlags(text, options)).toEqual(expected);
  });

  it('flags something at the lowest settings (the comparison is not vacuous)', () => {
    expect(referenceFlags(SENTENCES.join(' '), settings[1]!).length).toBeGreaterThan(5);
  });

  it('on generated sentences, formula by formula count', () => {
    const word = fc.constantFrom(
      'the',
      'of',
      'cooperation',
      'Xinjiang',
      'international',
      'people',
      'cat',
      'a',
      'comprehensively',
      "It's",
      'de-radicalization',
      'human',
      'rights',
      'and',
      'development',
      'go',
      'UN',
      'extraordinarily',
      'by',
      '2022',
      'Beijing',
      'responsibility',
    );
    const sentence = fc
      .array(word, { minLength: 1, maxLength: 60 })
      .map((words) => words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.');
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 6, max: 30 }),
        (list, age) => {
          const text = list.join(' ');
          const options = { age, threshold: 1 / 7, minWords: 1 };
          expect(ourFlags(text, options)).toEqual(referenceFlags(text, options));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readability defaults', () => {
  const linter = createRuleLinter('readability');
  const own = (text: string) =>
    linter.lint(text).diagnostics.filter((d) => d.ruleId === 'readability');

  it("reports the seed article's 99-word sentence at info", () => {
    const found = own(SENTENCES[4]!);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('info');
    expect(found[0]!.message).toContain('99-word sentence');
  });

  it('scores a headline line apart from the sentence after it', () => {
    // From the MQM data: a headline line, then the story's first sentence (raters: no error).
    const headline = 'Two-day intensive trip to find business opportunities and increase publicity';
    const sentence =
      'Yesterday and today, the delegation visited the World Heritage Site "Historic City of Macau", experienced the Macau Grand Prix Museum, "Time Travel and Tour Samba" - the immersive digital experience exhibition of the Grand Samba Archway, the Macao Pinnacle, the Old Town of Taipa, as well as a number of large resort hotels and facilities: Shanghai Lisboa, The Karl Lagerfeld, Wynn Palace, Merion MGM, Morpeth, The Londoner Macau, Galaxy Macau, Artelli Multidimensional Art Space at Melco World and teamLab Supernatural Space at The Venetian Macau.';
    expect(own(`${headline} ${sentence}`)).toHaveLength(1);
    expect(own(`${headline}\n${sentence}`)).toEqual([]);
  });

  it('stays quiet on ordinary news sentences', () => {
    expect(own(SENTENCES.slice(0, 3).join(' '))).toEqual([]);
  });

  it('rejects invalid options with a clear error', () => {
    expect(() => createMtLinter({ rules: { readability: ['info', { age: 'old' }] } })).toThrow(
      /readability.*age/,
    );
    expect(() => createMtLinter({ rules: { readability: ['info', { threshold: 0 }] } })).toThrow(
      /readability/,
    );
  });
});
