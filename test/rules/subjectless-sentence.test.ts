import { describe, expect, it } from '@jest/globals';
import { linterFor } from './lint-helper.js';

const lint = linterFor('subjectless-sentence');

describe('subjectless-sentence', () => {
  it('flags the bare verbs of the seed article', () => {
    const text = [
      'Bachelet visited the ancient city of Kashgar and went deep into the cotton fields.',
      'Watch the exhibition on the theme of counter-terrorism and de-radicalization, and learn more about the legal framework.',
      'Fourth, experience a real Xinjiang.',
    ].join('\n');
    expect(lint(text).map((d) => d.excerpt)).toEqual(['Watch', 'experience']);
  });

  it('does not take a name the text uses mid-sentence for a verb', () => {
    expect(lint('Bill met the minister on Monday. The minister met Bill again.')).toEqual([]);
  });

  it('accepts genuine instructions and addresses to the reader', () => {
    for (const text of [
      'See the full list of measures on the ministry website.',
      'Learn more about your rights at the court website.',
      'Take the number 5 bus to the station, officials advised.',
      'Stay tuned for the next episode of the programme.',
    ]) {
      expect(lint(text)).toEqual([]);
    }
  });

  it('accepts participial openers whose subject follows the comma', () => {
    expect(lint('Set up in 2010, the fund now manages assets worth billions.')).toEqual([]);
    expect(lint('Hit by the storm, the city closed its schools for a week.')).toEqual([]);
  });

  it('leaves quotations, questions, headlines and list items alone', () => {
    const text = [
      '"Strengthen cooperation between the two sides," the minister said.',
      'Strengthen cooperation between the two sides?',
      'Promote high-quality development in all the regions',
      '- Promote high-quality development in all the regions.',
    ].join('\n');
    expect(lint(text)).toEqual([]);
  });
});
