import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import retextRepeatedWords from 'retext-repeated-words';
import { createRuleLinter } from '../../src/linter.js';
import { pluginFindings } from '../helpers/plugin-reference.js';

/**
 * The plugin on each line alone (in mtlint a sentence ends at a line break, so a word at the end
 * of one line and the same word at the start of the next are not a repetition), with the one
 * difference the rule makes: it suggests keeping the first of the two words as written
 * ("The the" -> "The"), where the plugin suggests the second.
 */
const reference = (text: string) =>
  [...text.matchAll(/[^\r\n]+/g)].flatMap((line) =>
    pluginFindings(retextRepeatedWords, line[0]).map((finding) => {
      const colon = finding.indexOf(':');
      const offset = Number(finding.slice(0, colon)) + line.index;
      const [second] = JSON.parse(finding.slice(colon + 1)) as string[];
      return `${offset}:${JSON.stringify([text.slice(offset, offset + second!.length)])}`;
    }),
  );
const linter = createRuleLinter('repeated-words', 'error');
/**
 * The rule's findings of the plugin's kind, as `offset:suggestions`; the capitalised pairs the
 * plugin takes for names (`The The`) and the `can can` it lets pass are the rule's own, tested on
 * their own below.
 */
const ours = (text: string) =>
  linter
    .lint(text)
    .diagnostics.filter(
      (finding) => finding.messageId !== 'capitalised' && finding.messageId !== 'modal',
    )
    .map((finding) => `${finding.offset}:${JSON.stringify(finding.suggestions)}`);
const capitalised = (text: string) =>
  linter
    .lint(text)
    .diagnostics.filter((finding) => finding.messageId === 'capitalised')
    .map((finding) => [finding.excerpt, finding.suggestions[0], finding.severity]);

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
    'Health',
    'can',
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
  });
});

describe('repeated-words: capitalised words said twice', () => {
  it('reports them as warnings, keeping the first word and the capital a sentence start needs', () => {
    expect(
      capitalised(
        'The The first batch was sold. He left. the The talks ended. It was the Health Health Commission.',
      ),
    ).toEqual([
      ['The The', 'The', 'warning'],
      ['the The', 'The', 'warning'],
      ['Health Health', 'Health', 'warning'],
    ]);
  });

  it('reports a function word doubled at a sentence start, even one that is also a syllable of a name', () => {
    expect(
      capitalised(
        'We We believe supply is tight. There There was a voice. He left. In In the city, all slept. So So we went home.',
      ),
    ).toEqual([
      ['We We', 'We', 'warning'],
      ['There There', 'There', 'warning'],
      ['In In', 'In', 'warning'],
      ['So So', 'So', 'warning'],
    ]);
    // After a bracketed aside, a determiner (no name takes one), and `So` before a comma.
    expect(
      capitalised(
        "(Laughter) You You can't tell. Our Sun Sun will not collapse. It goes back to the Big Bang Bang. So So, imagine.",
      ),
    ).toEqual([
      ['You You', 'You', 'warning'],
      ['Sun Sun', 'Sun', 'warning'],
      ['Bang Bang', 'Bang', 'warning'],
      ['So So', 'So', 'warning'],
    ]);
    // A name before a comma, or mid-sentence, is still a name.
    expect(capitalised('He He, 34, runs a shop. They met Li Li and He He.')).toEqual([]);
  });

  it('reports `can can` before another word, keeping one, but not the dance', () => {
    const found = linter
      .lint('We can can predict the sound. They danced the can can all night.')
      .diagnostics.map((finding) => [finding.messageId, finding.excerpt, finding.suggestions[0]]);
    expect(found).toEqual([['modal', 'can can', 'can']]);
  });

  it('leaves names that are a word said twice alone', () => {
    expect(
      capitalised('They flew to Bora Bora. Fang Fang, a shop owner, spoke. Duran Duran played.'),
    ).toEqual([]);
  });
});
