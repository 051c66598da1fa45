import { describe, expect, it } from '@jest/globals';
import { linterFor } from './lint-helper.js';

const lint = linterFor('repeated-phrase');

describe('repeated-phrase', () => {
  it('flags a word coordinated with itself and suggests one copy', () => {
    const [found] = lint('It won the support and support of the international community.');
    expect(found).toMatchObject({ excerpt: 'support and support', suggestions: ['support'] });
  });

  it('flags a phrase said twice and suggests one copy, across a capital', () => {
    const [found] = lint('If not, the developer The developer may exchange the property.');
    expect(found).toMatchObject({
      excerpt: 'the developer The developer',
      suggestions: ['the developer'],
    });
  });

  it('reports the longest repetition once', () => {
    const found = lint('They met in the city of in the city of Beijing.');
    expect(found).toHaveLength(1);
    expect(found[0]?.excerpt).toBe('in the city of in the city of');
  });

  it('leaves emphatic coordination alone', () => {
    for (const text of [
      'Prices rose again and again.',
      'More and more people came.',
      'It got better and better.',
      'They waited for years and years.',
      'The talks went on and on.',
    ]) {
      expect(lint(text)).toEqual([]);
    }
  });

  it('flags a demonstrative, `really` or `other` coordinated with itself, but not two clauses', () => {
    const found = lint(
      [
        'Better stay away from this and this sound.',
        'He believed that and that nature would win.',
        'Can we really and really embed robots?',
        'The holes are approaching each other and other.',
      ].join(' '),
    );
    expect(found.map((d) => d.excerpt)).toEqual([
      'this and this',
      'that and that',
      'really and really',
      'other and other',
    ]);
    expect(lint('I did that and that was the end of it.')).toEqual([]);
    expect(lint('One and one is two.')).toEqual([]);
    expect(
      lint('The DNA that and that makes it work. This is one and one of many groups.').map(
        (d) => d.excerpt,
      ),
    ).toEqual(['that and that', 'one and one']);
    expect(lint('He tried many and many a time.')).toEqual([]);
  });

  it('flags an idiom used where it cannot stand: before `than`, after a number', () => {
    const found = lint('It killed more and more than 17,000 people 40,000 years and years ago.');
    expect(found.map((d) => d.excerpt)).toEqual(['more and more', 'years and years']);
  });

  it('needs the words to run on: punctuation or a line break between them is a choice', () => {
    expect(lint('Support, support and more support.')).toEqual([]);
    expect(lint('In the city, in the city, they said.')).toEqual([]);
    expect(lint('They met in the\nin the city.')).toEqual([]);
  });

  it('ignores runs of numbers and single repeated words (repeated-words covers those)', () => {
    expect(lint('Dial 1 2 1 2 now.')).toEqual([]);
    expect(lint('He said ha ha ha ha.')).toEqual([]);
  });
});
