import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Root } from 'nlcst';
import { analyseAgreement, checkAgreement } from '../../rules/pronoun-agreement/agreement.js';
import { mayReport } from '../../rules/pronoun-agreement/prefilter.js';
import { collectEvidence } from '../../rules/pronoun-agreement/evidence.js';
import { readFileSync } from 'node:fs';
import {
  FIRST_NAMES,
  PUBLIC_FIGURES,
  nameKey,
  publicFigures,
} from '../../rules/pronoun-agreement/lexicon.js';
import { findMentions } from '../../rules/pronoun-agreement/mentions.js';
import { isChineseName, isPinyinName } from '../../rules/pronoun-agreement/pinyin.js';
import { resolvePronouns } from '../../rules/pronoun-agreement/resolution.js';
import { tokenize } from '../../rules/pronoun-agreement/tokens.js';

const parser = unified().use(retextEnglish);
const parse = (text: string) => parser.parse(text) as Root;

function analyse(text: string) {
  const sentences = tokenize(parse(text), text);
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

describe('public figures', () => {
  const file = JSON.parse(
    readFileSync(
      new URL('../../rules/pronoun-agreement/public-figures.json', import.meta.url),
      'utf8',
    ),
  ) as { female: string[]; male: string[] };

  it('has two lists of names of two to four capitalised words, none twice', () => {
    expect(Object.keys(file).sort()).toEqual(['female', 'male']);
    const all = [...file.female, ...file.male];
    expect(all.length).toBeGreaterThanOrEqual(300);
    for (const name of all) expect(name).toMatch(/^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){1,3}$/u);
    const keys = all.map((name) => nameKey(name.split(' ')));
    expect(new Set(keys).size).toBe(keys.length);
    expect(PUBLIC_FIGURES.size).toBe(all.length);
  });

  it('knows the gender of widely reported people', () => {
    expect(PUBLIC_FIGURES.get('angela merkel')).toBe('female');
    expect(PUBLIC_FIGURES.get('li qiang')).toBe('male');
    expect(PUBLIC_FIGURES.get('kim jong un')).toBe('male');
    expect(PUBLIC_FIGURES.get('tsai ing wen')).toBe('female');
    expect(PUBLIC_FIGURES.get(nameKey(['Ursula', 'von', 'der', 'Leyen']))).toBe('female');
  });

  it('reads hyphens as spaces and leaves particles out of the key', () => {
    expect(nameKey(['Kim', 'Jong-un'])).toBe(nameKey(['Kim', 'Jong', 'Un']));
    expect(nameKey(['Mohammed', 'bin', 'Salman'])).toBe('mohammed salman');
  });

  it('rejects a bad file with a message that says what is wrong', () => {
    expect(() => publicFigures(null)).toThrow('not an object');
    expect(() => publicFigures({ female: 'Angela Merkel', male: [] })).toThrow('not a list');
    expect(() => publicFigures({ female: [3], male: [] })).toThrow('3 is not a name');
    expect(() => publicFigures({ female: ['Merkel'], male: [] })).toThrow('two to four');
    expect(() => publicFigures({ female: ['angela merkel'], male: [] })).toThrow('two to four');
    expect(() => publicFigures({ female: ['Kim Jong-un'], male: ['Kim Jong Un'] })).toThrow(
      'listed twice',
    );
  });
});

describe('tokens', () => {
  it('splits a sentence the parser runs on after a name with a full stop', () => {
    const text = 'Ms. Zheng met Mr. Sun. He said so.';
    const sentences = tokenize(parse(text), text);
    expect(sentences.map((s) => s.tokens.map((t) => t.text).join(' '))).toEqual([
      'Ms. Zheng met Mr. Sun .',
      'He said so .',
    ]);
  });

  it('ends a sentence at a line break and keeps exact offsets', () => {
    const text = 'Ms. Li wins\nShe said so.';
    const sentences = tokenize(parse(text), text);
    expect(sentences).toHaveLength(2);
    const she = sentences[1]!.tokens[0]!;
    expect(text.slice(she.start, she.end)).toBe('She');
  });

  it("takes a possessive 's off the word and marks quotations", () => {
    const text = 'Ms. Bachelet\'s aide said: "He agrees."';
    const [sentence] = tokenize(parse(text), text);
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

  it('finds names after a nationality and a title, with the first name as evidence', () => {
    const { mentions } = analyse('Former German Chancellor Angela Merkel spoke. Merkel left.');
    expect(mentions.entities.map((e) => e.display)).toEqual(['Merkel']);
    expect(mentions.bySentence[0]!.map((m) => [m.name.join(' '), m.firstName])).toEqual([
      ['Angela Merkel', 'female'],
    ]);
  });

  it('finds Korean, Vietnamese and Japanese names by their shape', () => {
    const { mentions } = analyse(
      'Park Min-jun met Nguyen Van Hai. Kim Su Ho met Hiroshi Tanaka. Park left. Hai left. Kim left. Tanaka left.',
    );
    expect(mentions.entities.map((e) => [e.display, e.short])).toEqual([
      ['Park Min-jun', 'park'],
      ['Hai', 'hai'],
      ['Kim Su Ho', 'kim'],
      ['Tanaka', 'tanaka'],
    ]);
    expect(mentions.bySentence.slice(2).map((s) => s[0]!.entity?.display)).toEqual([
      'Park Min-jun',
      'Hai',
      'Kim Su Ho',
      'Tanaka',
    ]);
  });

  it('does not take English words or places for East Asian names', () => {
    const { mentions } = analyse('Park Avenue is busy. Nguyen Street closed. Golden Gate Bridge.');
    expect(mentions.entities).toEqual([]);
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

  it('reads a public figure as evidence, and kinship nouns in apposition', () => {
    expect(kinds('Chinese Premier Li Qiang came.')).toEqual(['known:male:Li Qiang']);
    expect(kinds('Zhou Hong, the mother of two, came.')).toEqual(['noun:female:the mother']);
    expect(kinds("The couple's daughter Lin Na came.")).toEqual(['noun:female:daughter Lin Na']);
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
      checkAgreement(parse(text), text).map(
        (f) => `${f.kind}:${f.pronoun.token.text}:${f.expected}`,
      );
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
    'Former',
    'German',
    'Chancellor',
    'Angela',
    'Merkel',
    'Premier',
    'Qiang',
    'Kim',
    'Jong',
    'Un',
    'Park',
    'Geun-hye',
    'Moon',
    'Jae-in',
    'Pham',
    'Minh',
    'Chinh',
    'Sanae',
    'Takaichi',
    'mother',
    'of',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })), { maxLength: 60 })
    .map((parts) => parts.join(' '));

  it('lets a public figure through the prefilter as evidence, and skips a text with none', () => {
    const knownText = 'Chinese Premier Li Qiang met them. Li said she was calm.';
    const known = parse(knownText);
    expect(analyseAgreement(known, knownText)).toHaveLength(1);
    expect(mayReport(known, knownText)).toBe(true);
    const unknownText = 'Wang Hao met them. He said he was calm.';
    expect(mayReport(parse(unknownText), unknownText)).toBe(false);
  });

  it('has a sound prefilter: whatever the analysis would report, mayReport lets through', () => {
    fc.assert(
      fc.property(text, (input) => {
        const tree = parse(input);
        if (analyseAgreement(tree, input).length > 0) expect(mayReport(tree, input)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and reports only gendered pronouns, at their exact place', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const finding of checkAgreement(parse(input), input)) {
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
