import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import type { Root } from 'nlcst';
import {
  hasFiniteVerb,
  isCommonWord,
  parseDocument,
  sentences,
  tagSentence,
  tagText,
  wordsOf,
} from '../src/core/index.js';
import { isFiniteContraction, tagAlone } from '../src/core/pos.js';

const parser = unified().use(retextEnglish).freeze();
const parse = (text: string) => parseDocument(text, (piece) => parser.parse(piece) as Root);
const tagged = (text: string) => sentences(parse(text)).flatMap((s) => tagSentence(s));

describe('tagText', () => {
  it('gives exact offsets into the tagged string', () => {
    const text = '  “Hi,” she said — it’s 5 p.m. in Xinjiang’s capital.';
    for (const token of tagText(text).tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });
});

describe('isCommonWord', () => {
  it('knows common words of the lexicon, and not names or words it lacks', () => {
    for (const word of ['rescuers', 'dental', 'industry', 'combined']) {
      expect(isCommonWord(word)).toBe(true);
    }
    // `iran` is in the lexicon as a proper noun; `xinhua` is not in it at all.
    for (const word of ['iran', 'monday', 'xinhua', 'lifeng', 'dental implants']) {
      expect(isCommonWord(word)).toBe(false);
    }
  });
});

describe('tagAlone', () => {
  it('tags a word read on its own', () => {
    expect(tagAlone('promoting')).toBe('VERB');
    expect(tagAlone('jointly')).toBe('ADV');
    expect(tagAlone('law')).toBe('NOUN');
    expect(tagAlone('the')).toBe('DET');
  });
});

describe('tagSentence', () => {
  it('returns one entry per nlcst word, with the word’s own offsets', () => {
    const text = 'First line here.\n\nThe UN’s face-to-face talks with China’s side ended.';
    const tree = parse(text);
    for (const sentence of sentences(tree)) {
      const words = wordsOf(sentence);
      const tags = tagSentence(sentence);
      expect(tags.map((t) => t.node)).toEqual(words);
      for (const tag of tags) expect(text.slice(tag.start, tag.end)).toBe(tag.text);
    }
  });

  it('tags the head of a hyphenated word and the first part of a possessive', () => {
    const tags = tagged('The face-to-face talks on China’s plan ended.');
    expect(tags.find((t) => t.text === 'face-to-face')?.tag).toBe('NOUN');
    expect(tags.find((t) => t.text === 'China’s')?.tag).toBe('PROPN');
  });

  it('caches the tagging of a sentence node', () => {
    const [sentence] = sentences(parse('The talks ended on Monday.'));
    expect(tagSentence(sentence!)).toBe(tagSentence(sentence!));
  });
});

describe('hasFiniteVerb', () => {
  const finite = (text: string) => hasFiniteVerb(tagged(text));

  it('finds finite verbs and auxiliaries', () => {
    expect(finite('The two sides exchanged views on the issues.')).toBe(true);
    expect(finite('China will continue to practise multilateralism.')).toBe(true);
    expect(finite('We continue to develop democracy.')).toBe(true);
  });

  it('does not count infinitives, -ing forms or an opening imperative', () => {
    expect(
      finite('Face-to-face communication with religious figures to learn about the law.'),
    ).toBe(false);
    expect(
      finite('Leading practice in the field, learning about the practices of companies.'),
    ).toBe(false);
    expect(finite('Watch the exhibition on the theme of the law.')).toBe(false);
  });
});

describe('accuracy on the hand-checked sample', () => {
  it('agrees with the hand-checked tags on at least 90% of the words', () => {
    const sample = JSON.parse(readFileSync('test/fixtures/pos-sample.json', 'utf8')) as {
      sentences: { sentence: string; words: [string, string][] }[];
    };
    let total = 0;
    let right = 0;
    for (const entry of sample.sentences) {
      const tags = tagged(entry.sentence);
      entry.words.forEach(([word, gold], index) => {
        total++;
        if (tags[index]?.text === word && tags[index]?.tag === gold) right++;
      });
    }
    expect(total).toBeGreaterThan(500);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });
});

describe('tagText on unusual spacing', () => {
  it.each([
    [
      'long runs of ASCII white space',
      `The talks${' '.repeat(40)}ended${'\n'.repeat(30)}on Monday.`,
    ],
    [
      'no-break, ideographic and line-separator spaces',
      '\u00a0The talks\u3000ended\u2028\ton\u000b\u000cMonday.',
    ],
  ])('keeps aligning after %s', (_kind, text) => {
    const tokens = tagText(text).tokens;
    expect(tokens.map((token) => token.text)).toEqual([
      'The',
      'talks',
      'ended',
      'on',
      'Monday',
      '.',
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});

describe('isFiniteContraction', () => {
  it('reads a verb in contractions with either apostrophe, and none in words without one', () => {
    for (const word of ["we're", 'i’d', "don't", 'it’s', "there's"]) {
      expect(isFiniteContraction(word)).toBe(true);
    }
    for (const word of ["china's", 'china’s', 'were', 'its', 'dont', 'ill', '']) {
      expect(isFiniteContraction(word)).toBe(false);
    }
  });
});
