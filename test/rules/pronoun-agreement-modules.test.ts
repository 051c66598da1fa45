import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Root } from 'nlcst';
import { checkAgreement } from '../../rules/pronoun-agreement/agreement.js';
import { collectEvidence } from '../../rules/pronoun-agreement/evidence.js';
import { FIRST_NAMES } from '../../rules/pronoun-agreement/lexicon.js';
import { findMentions } from '../../rules/pronoun-agreement/mentions.js';
import { isChineseName, isPinyinName } from '../../rules/pronoun-agreement/pinyin.js';
import { resolvePronouns } from '../../rules/pronoun-agreement/resolution.js';
import { tokenize } from '../../rules/pronoun-agreement/tokens.js';

const parser = unified().use(retextEnglish);
const parse = (text: string) => parser.parse(text) as Root;

function analyse(text: string) {
  const sentences = tokenize(parse(text));
  const mentions = findMentions(sentences);
  const resolutions = resolvePronouns(sentences, mentions);
  const evidence = collectEvidence(sentences, mentions, resolutions);
  return { sentences, mentions, resolutions, evidence };
}

/** "pronoun -> person (confidence)" for every resolved pronoun. */
function readings(text: string): string[] {
  return analyse(text).resolutions.map(
    (r) => `${r.pronoun.token.text} -> ${r.entity.display} (${r.confidence})`,
  );
}

describe('pinyin', () => {
  it('recognises given names of one to three syllables', () => {
    expect(['Jinping', 'Zhaoxu', 'Yi', 'Chun-shan', 'Chunying'].map(isPinyinName)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['Bachelet', 'March', 'Thornton', 'Street', 'Xiaoxiaoxiaoxiao'].map(isPinyinName),
    ).toEqual([false, false, false, false, false]);
  });

  it('needs a Chinese family name before the given name', () => {
    expect(isChineseName('Xi', 'Jinping')).toBe(true);
    expect(isChineseName('Ma', 'Zhaoxu')).toBe(true);
    expect(isChineseName('Grant', 'Thornton')).toBe(false);
    expect(isChineseName('Wang', 'Street')).toBe(false);
    expect(isChineseName('Wang', 'YI')).toBe(false);
  });
});

describe('first names', () => {
  it('keeps well-established names and drops English words, places and pinyin', () => {
    expect(FIRST_NAMES.get('Michelle')).toBe('female');
    expect(FIRST_NAMES.get('Angela')).toBe('female');
    expect(FIRST_NAMES.get('Joe')).toBe('male');
    expect(FIRST_NAMES.get('Donald')).toBe('male');
    for (const notOne of ['May', 'Will', 'Hope', 'Grant', 'Victoria', 'Min', 'Wang', 'Kim']) {
      expect(FIRST_NAMES.has(notOne)).toBe(false);
    }
  });
});

describe('tokens', () => {
  it('splits a sentence the parser runs on after a name with a full stop', () => {
    const sentences = tokenize(parse('Ms. Zheng met Mr. Sun. He said so.'));
    expect(sentences.map((s) => s.tokens.map((t) => t.text).join(' '))).toEqual([
      'Ms. Zheng met Mr. Sun .',
      'He said so .',
    ]);
  });

  it('ends a sentence at a line break and keeps exact offsets', () => {
    const text = 'Ms. Li wins\nShe said so.';
    const sentences = tokenize(parse(text));
    expect(sentences).toHaveLength(2);
    const she = sentences[1]!.tokens[0]!;
    expect(text.slice(she.start, she.end)).toBe('She');
  });

  it("takes a possessive 's off the word and marks quotations", () => {
    const [sentence] = tokenize(parse('Ms. Bachelet\'s aide said: "He agrees."'));
    const bachelet = sentence!.tokens[1]!;
    expect([bachelet.text, bachelet.possessive]).toEqual(['Bachelet', true]);
    const he = sentence!.tokens.find((t) => t.text === 'He')!;
    expect(he.quoted).toBeGreaterThan(0);
  });
});

describe('mentions', () => {
  it('links the forms of one name into one person', () => {
    const { mentions } = analyse(
      'Michelle Bachelet visited China. Ms. Bachelet met officials. Bachelet left on Saturday.',
    );
    expect(mentions.entities.map((e) => e.display)).toEqual(['Bachelet']);
    expect(mentions.entities[0]!.mentions).toHaveLength(3);
  });

  it('finds Chinese names after titles and keeps family-given order', () => {
    const { mentions } = analyse(
      'Chinese Vice Foreign Minister Ma Zhaoxu met reporters. President Xi Jinping spoke. Xi smiled.',
    );
    expect(mentions.entities.map((e) => [e.display, e.short])).toEqual([
      ['Ma Zhaoxu', 'ma'],
      ['Xi Jinping', 'xi'],
    ]);
    expect(mentions.entities[1]!.mentions).toHaveLength(2);
  });

  it('keeps Mr. Liu and Ms. Liu apart and calls a bare Liu ambiguous', () => {
    const { mentions } = analyse('Mr. Liu and Ms. Liu came. Liu spoke.');
    expect(mentions.entities).toHaveLength(2);
    expect(mentions.bySentence[1]!.map((m) => m.kind)).toEqual(['ambiguous']);
  });

  it('counts unnamed people and links one in apposition to the name', () => {
    const { mentions } = analyse('A buyer, Mr. Sun, met a lawyer.');
    const [buyer, sun, lawyer] = mentions.bySentence[0]!;
    expect([buyer!.kind, sun!.kind, lawyer!.kind]).toEqual(['unnamed', 'named', 'unnamed']);
    expect(buyer!.entity).toBe(sun!.entity);
    expect(lawyer!.entity).toBeUndefined();
  });

  it('reads "He" before a pinyin given name as a family name', () => {
    const { mentions } = analyse('He Lifeng met reporters. He said so.');
    expect(mentions.entities.map((e) => e.display)).toEqual(['He Lifeng']);
    expect(mentions.pronouns.map((p) => p.sentence)).toEqual([1]);
  });

  it('tells possessive "her" from object "her"', () => {
    const { mentions } = analyse('He gave her a book and praised her work.');
    expect(mentions.pronouns.map((p) => `${p.token.text}:${p.form}`)).toEqual([
      'He:subject',
      'her:object',
      'her:possessive',
    ]);
  });
});

describe('evidence', () => {
  const kinds = (text: string) =>
    [...analyse(text).evidence.values()].flat().map((e) => `${e.kind}:${e.gender}:${e.text}`);

  it('reads honorifics, first names and gendered titles', () => {
    expect(kinds('Ms. Zheng came.')).toEqual(['honorific:female:Ms. Zheng']);
    expect(kinds('Angelina Merkelova came.')).toEqual(['first-name:female:Angelina Merkelova']);
    expect(kinds('Queen Elizabeth came.')).toContain('noun:female:Queen Elizabeth');
  });

  it('reads gendered nouns in apposition, after a copula and of a spouse', () => {
    expect(kinds('Wang Fang, a young woman from Guangdong, came.')).toEqual([
      'noun:female:a young woman',
    ]);
    expect(kinds('Zhang Wei is a mother of two.')).toEqual(['noun:female:a mother']);
    expect(kinds("Li Qiangwei's wife came.")).toEqual(["noun:male:Li Qiangwei's wife"]);
  });

  it('does not read chairman or spokesman as male', () => {
    expect(kinds('Chairman Liu Yan and spokesman Gao Ning came.')).toEqual([]);
  });

  it('counts a pronoun only when the structure alone settles its antecedent', () => {
    expect(kinds('Ms. Wu opened the fair. She thanked everyone.')).toEqual([
      'honorific:female:Ms. Wu',
      'pronoun:female:she',
    ]);
    // Two people in the previous sentence: "She" is a likely reading, not evidence.
    expect(kinds('Ms. Wu met Song Wei. She thanked him.')).toEqual(['honorific:female:Ms. Wu']);
  });
});

describe('resolution', () => {
  it('sends a pronoun in a preposed phrase forward to the subject', () => {
    expect(readings('During his meeting with Bachelet, President Xi Jinping spoke.')).toEqual([
      'his -> Xi Jinping (sure)',
    ]);
  });

  it('sends a pronoun in reported speech to the only speaker', () => {
    expect(readings('Mr. Sun told reporters that he found a statement.')).toEqual([
      'he -> Sun (sure)',
    ]);
  });

  it("continues the previous sentence's subject", () => {
    expect(readings('Ma Zhaoxu met Ms. Bachelet. He said so.')).toEqual([
      'He -> Ma Zhaoxu (likely)',
    ]);
    expect(readings('Ma Zhaoxu arrived. He said so. He left.')).toEqual([
      'He -> Ma Zhaoxu (sure)',
      'He -> Ma Zhaoxu (sure)',
    ]);
  });

  it('leaves a pronoun unresolved among several people or none', () => {
    expect(readings('Mr. Sun met Ms. Zheng, and she said so.')).toEqual([]);
    expect(readings('Everyone hopes his house keeps its value.')).toEqual([]);
    expect(readings('The buyer said he would wait.')).toEqual([]);
  });
});

describe('agreement', () => {
  it('needs strong evidence or a majority of pronouns to disagree', () => {
    const check = (text: string) =>
      checkAgreement(parse(text)).map((f) => `${f.kind}:${f.pronoun.token.text}:${f.expected}`);
    expect(check('Ms. Wu spoke. He left.')).toEqual(['conflict:He:she']);
    expect(check('Wu Lei spoke. He left.')).toEqual([]);
    expect(
      check('Wu Lei spoke. She left. She came back. Later, Wu Lei said he was tired.'),
    ).toEqual(['mixed:he:she']);
  });
});

describe('robustness', () => {
  const words = [
    'Ms.',
    'Mr.',
    'Madam',
    'Li',
    'Wang',
    'Yi',
    'Xi',
    'Jinping',
    'He',
    'he',
    'she',
    'She',
    'his',
    'her',
    'hers',
    'himself',
    'Michelle',
    'Bachelet',
    'during',
    'During',
    'said',
    'that',
    'a',
    'woman',
    'wife',
    "'s",
    ',',
    '.',
    ';',
    ':',
    '"',
    '“',
    '”',
    '\n',
    'visited',
    'the',
    'buyer',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 60 })
    .map((parts) => parts.join(' '));

  it('never throws, and reports only gendered pronouns, at their exact place', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const finding of checkAgreement(parse(input))) {
          const { start, end } = finding.pronoun.token;
          expect(input.slice(start, end).toLowerCase()).toMatch(
            /^(?:he|him|his|himself|she|her|hers|herself)$/,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
