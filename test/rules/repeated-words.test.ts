import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextRepeatedWords from 'retext-repeated-words';
import { pluginFindings, ruleFindings } from '../helpers/plugin-reference.js';

/** Listed names written twice on purpose (`Duran Duran`) are not flagged. */
const DOUBLED_NAMES = new Set(['duran', 'bora']);
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;
const lowerHead = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

/**
 * The plugin on each line alone (in mtlint a sentence ends at a line break, so a word at the end
 * of one line and the same word at the start of the next are not a repetition), with the one
 * difference the rule makes: it suggests keeping the first of the two words as written
 * ("The the" -> "The"), where the plugin suggests the second.
 */
const reference = (text: string) =>
  [...text.matchAll(/[^\r\n]+/g)].flatMap((line) => {
    const own = pluginFindings(retextRepeatedWords, line[0]);
    // Capitalised doubles (`The The`, `the The`), which the plugin takes for names, are what it
    // finds once every capitalised word is written in lower case: the rule reports them too,
    // except listed names.
    const lowered = line[0].replace(/[\p{L}\p{N}'’-]+/gu, (word) =>
      CAPITALISED.test(word) ? lowerHead(word) : word,
    );
    const capitalised = pluginFindings(retextRepeatedWords, lowered).filter((finding) => {
      if (own.some((mine) => mine.split(':')[0] === finding.split(':')[0])) return false;
      const offset = Number(finding.slice(0, finding.indexOf(':')));
      const [second] = JSON.parse(finding.slice(finding.indexOf(':') + 1)) as string[];
      const after = line[0]
        .slice(offset + second!.length)
        .trimStart()
        .slice(0, second!.length);
      return CAPITALISED.test(after) && !DOUBLED_NAMES.has(second!.toLowerCase());
    });
    return [...own, ...capitalised]
      .sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]))
      .map((finding) => {
        const colon = finding.indexOf(':');
        const offset = Number(finding.slice(0, colon)) + line.index;
        const [second] = JSON.parse(finding.slice(colon + 1)) as string[];
        return `${offset}:${JSON.stringify([text.slice(offset, offset + second!.length)])}`;
      });
  });
const ours = (text: string) =>
  ruleFindings('repeated-words', text, { rules: { 'repeated-words': 'error' } });

describe('repeated-words agrees with retext-repeated-words, line by line', () => {
  const word = fc.constantFrom(
    'the',
    'The',
    'THE',
    'had',
    'that',
    'was',
    'Was',
    'D.',
    'Duran',
    'Bora',
    'Health',
    'it',
    'IT',
    ',',
    '"',
    '-',
    '\n',
    '\n\n',
  );
  const gap = fc.constantFrom(' ', ' ', '  ', '');
  const sentence = fc
    .array(fc.tuple(word, gap), { minLength: 1, maxLength: 12 })
    .map((pairs) => pairs.map(([text, space]) => text + space).join('') + '.');

  it('on generated sentences', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.join(' ');
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 400 },
    );
  });

  it('on news sentences with repeated words', () => {
    const text =
      'He visited the the exhibition. It was was a success. He had had enough. The The talks ended.\nThe it IT went on. Duran Duran played. D. D. came. She said that that plan would work.';
    const expected = reference(text);
    expect(expected.length).toBeGreaterThan(2);
    expect(ours(text)).toEqual(expected);
    // The first word is kept as written ("it IT" -> "it"; "The the" keeps its capital).
    expect(expected).toContain(`${text.indexOf('The it IT') + 4}:["it"]`);
    // A capitalised double is reported (`The The talks`), a listed name is not (`Duran Duran`).
    expect(expected).toContain(`${text.indexOf('The The')}:["The"]`);
    expect(expected.some((finding) => finding.startsWith(`${text.indexOf('Duran')}:`))).toBe(false);
  });
});
