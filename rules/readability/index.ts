import { z } from 'zod';
import { defineRule, sentences, sentenceWords, type WordInfo } from '../../src/core/rule-kit.js';
import { FORMULAS, stretchAges } from './formulas.js';

/**
 * Defaults measured on MQM-annotated MT news (WMT23 zh-en, development split): retext-readability's
 * own defaults (age 16, 4 of 7 formulas) flag about 60% of the segments every rater called clean;
 * age 22 with 5 of 7 formulas flags under 1% of them and still reports the 99-word sentences that
 * machine translation makes of a Chinese run-on paragraph.
 */
export const DEFAULT_AGE = 22;
export const DEFAULT_THRESHOLD = 5 / 7;
export const DEFAULT_MIN_WORDS = 5;

/**
 * Whether a line break lies between two words. retext-english runs a sentence on across a single
 * line break, so a headline without a full stop would otherwise be scored with the paragraph after
 * it: the words of a sentence are scored in stretches cut at line breaks. Read from the document's
 * char codes (line breaks only ever sit in white-space nodes), so no stretch is built as an array.
 */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'readability',
    category: 'style',
    severity: 'info',
    description: 'A sentence that most readability formulas rate too hard for a general reader',
    messages: {
      hard: 'Hard to read: {{agreeing}} of {{total}} readability formulas rate this {{words}}-word sentence above age {{age}}; consider splitting it',
    },
    options: z
      .object({
        /** Reader age the text should suit. */
        age: z
          .number()
          .int()
          .min(6)
          .max(30)
          .default(DEFAULT_AGE)
          .describe('reader age the text should suit'),
        /** Share of the seven formulas that must agree before a sentence is reported. */
        threshold: z
          .number()
          .gt(0)
          .max(1)
          .default(DEFAULT_THRESHOLD)
          .describe('share of the seven formulas that must agree'),
        /** Shorter sentences are never reported: one long word skews every formula. */
        minWords: z
          .number()
          .int()
          .min(1)
          .default(DEFAULT_MIN_WORDS)
          .describe('shorter sentences are never reported (one long word skews every formula)'),
      })
      .strict()
      .prefault({}),
    examples: {
      invalid: [
        'The comprehensive institutionalization of multidimensional intergovernmental coordination mechanisms necessitates unprecedented administrative harmonization across jurisdictions.',
        // The seed article's 99-word sentence.
        "During his meeting with Bachelet, President Xi Jinping elaborated in depth on major issues concerning the development of China's human rights cause based on Chinese history and culture, and expressed the principled position of the Chinese party and government to safeguard and protect human rights in an all-round way, emphasizing that the Communist Party of China From the day it was born, it has taken the pursuit of happiness for the Chinese people and the rejuvenation of the Chinese nation as its original mission, and has been fighting for the interests of the people for more than 100 years.",
        'China has put forward a series of initiatives, including development to promote human rights, cooperation to promote human rights, issues left over from colonialism, opposition to racism and racial discrimination, promotion of fair distribution of vaccines, and opposition to unilateral coercive measures, which have won the support and support of the international community, especially developing countries.',
      ],
      valid: [
        'The minister met the delegation on Monday.',
        // Long but plain: formulas driven by word length stay low.
        'He said that the two sides had met on Monday and on Tuesday, that they had talked about trade and about the weather, and that they would meet again in June when the rains come.',
        // One long word in a short sentence skews every formula: below minWords it is never scored.
        'Internationalization matters.',
        'Chinese Vice Foreign Minister Ma Zhaoxu was interviewed by reporters on May 28.',
      ],
    },
  },
  create(options, { report }) {
    const { age, threshold, minWords } = options;
    return (tree, file) => {
      const text = String(file.value);
      for (const sentence of sentences(tree)) {
        const words = sentenceWords(sentence, text);
        let from = 0;
        for (let to = 1; to <= words.length; to++) {
          if (to < words.length && !lineBreakBetween(text, words[to - 1]!.end, words[to]!.start)) {
            continue;
          }
          score(words, from, to);
          from = to;
        }
      }

      /** Scores the stretch `words[from..to)` and reports it if enough formulas agree. */
      function score(words: readonly WordInfo[], from: number, to: number): void {
        if (to - from < minWords) return;
        let agreeing = 0;
        for (const value of stretchAges(words, from, to)) if (value > age) agreeing++;
        if (agreeing / FORMULAS.length < threshold) return;
        report(file, {
          at: { start: words[from]!.start, end: words[to - 1]!.end },
          messageId: 'hard',
          data: { agreeing, total: FORMULAS.length, words: to - from, age },
        });
      }
    };
  },
});
