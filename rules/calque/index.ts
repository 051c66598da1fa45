import { z } from 'zod';
import { defineRule, loadJson, wordArray } from '../../src/core/rule-kit.js';
import { PhraseMatcher, words } from './matcher.js';

interface Calque {
  /** English renderings, matched case-insensitively on word boundaries. */
  phrases: string[];
  /** The Chinese set phrase they render. */
  source: string;
  /** Why it reads wrong in English news. */
  explanation: string;
  /** What an English news writer would say, best first. */
  suggestions: string[];
}

const CALQUES: Calque[] = loadJson(
  import.meta.url,
  './calques.json',
  z
    .array(
      z.object({
        phrases: wordArray.min(1),
        source: z.string().min(1),
        explanation: z.string().min(1),
        suggestions: wordArray,
      }),
    )
    .min(1),
);

const options = z
  .object({
    /** Phrases a newsroom accepts (its house style): matched the same way, never reported. */
    allow: z
      .array(z.string().min(1))
      .default([])
      .describe('phrases the house style accepts; matched the same way, never reported'),
  })
  .strict()
  .prefault({});

/** Built when the linter is built, never per document. */
function buildMatcher(allow: readonly string[]): PhraseMatcher<Calque> {
  const allowed = new Set(allow.map((phrase) => key(phrase)));
  const matcher = new PhraseMatcher<Calque>();
  for (const calque of CALQUES) {
    for (const phrase of calque.phrases) {
      if (allowed.has(key(phrase))) continue;
      if (!matcher.add(phrase, calque)) {
        throw new Error(`calque: the phrase "${phrase}" is listed twice in calques.json`);
      }
    }
  }
  return matcher;
}

function key(phrase: string): string {
  return words(phrase)
    .map((token) => token.word)
    .join(' ');
}

function matchCase(suggestion: string, written: string): string {
  return /^\p{Lu}/u.test(written) ? suggestion[0]!.toUpperCase() + suggestion.slice(1) : suggestion;
}

export default defineRule({
  meta: {
    id: 'calque',
    category: 'fluency/register',
    severity: 'info',
    description: 'A Chinese set phrase rendered word for word into English',
    messages: {
      calque: '`{{actual}}` renders the Chinese {{source}} word for word: {{explanation}}',
    },
    options,
    examples: {
      invalid: [
        'Ma Zhaoxu finally emphasized that human rights protection is not the best, only better.',
        'Under the influence of a century of changes and the epidemic of the century, hegemonism is on the rise.',
        'Experts, scholars and other people from all walks of life came to discuss and exchange.',
        'Bachelet went deep into the cotton fields.',
        'The people live and work in peace and contentment.',
        'We must give full play to the role of the market.',
        'The relevant departments will DO A GOOD JOB IN epidemic prevention and control.',
        'He introduced the relevant situation of the visit.',
        'It was a win-win cooperation.',
      ],
      valid: [
        'There is always room for improvement.',
        'The pandemic was the worst in a century.',
        'People from many sectors came to the meeting.',
        // Words of a phrase split by a sentence end are not the phrase.
        'It was not the best. Only better plans will do.',
        'The epidemic of measles came back this century.',
        'He gave full support to the play.',
        'The century-old church saw a century of change.',
      ],
    },
  },
  create({ allow }, { report }) {
    const matcher = buildMatcher(allow);
    return (_tree, file) => {
      const text = String(file.value);
      for (const { value: calque, start, end } of matcher.matches(text)) {
        const actual = text.slice(start, end);
        report(file, {
          at: { start, end },
          messageId: 'calque',
          data: { actual, source: calque.source, explanation: calque.explanation },
          expected: calque.suggestions.map((suggestion) => matchCase(suggestion, actual)),
        });
      }
    };
  },
});
