import { describe, expect, it } from '@jest/globals';
import { linterFor } from './lint-helper.js';

const lint = linterFor('truncated-sentence');

describe('truncated-sentence', () => {
  it('flags the one-word fragment of the seed article at the lower-case word, with its capital as the fix', () => {
    const text =
      'The initiatives have won the support of the international community, especially developing countries. echo.';
    const found = lint(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ excerpt: 'echo', severity: 'warning', suggestions: ['Echo'] });
  });

  it('flags a lower-case start after a question or exclamation mark, and a lower-case numbered item', () => {
    const found = lint(
      'Can we hear them at all? but LISA can. It works! and it is cheap.\nThe plan:\n1. meeting officials;\n2. visiting Kashgar.\nThe steps follow.\n3. the team checks the data.',
    );
    expect(found.map((d) => [d.messageId, d.excerpt, d.suggestions])).toEqual([
      ['lowerStart', 'but', ['But']],
      ['lowerStart', 'and', ['And']],
      ['lowerItem', 'the', ['The']],
    ]);
  });

  it('flags a lower-case start on a long line that lost its final stop', () => {
    const found = lint(
      'Price reductions for dental implants have also been put on the agenda in various places. two days of intensive travel to seek business opportunities and increase publicity across the region in the spring',
    );
    expect(found.map((d) => [d.messageId, d.excerpt])).toEqual([['lowerStart', 'two']]);
  });

  it('flags a sentence cut after a preposition, an article or `to`, at that word', () => {
    const found = lint(
      'Nature would prevent black holes from forming to. The sound was a. Most of the growth came from. It was one of.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['to.', 'a.', 'from.', 'of.']);
  });

  it('flags a preposition that completes a noun or follows a verb that does not strand it', () => {
    const found = lint(
      [
        'The government took measures to accelerate the recovery of.',
        'The amnesty included some prisoners arrested in.',
        'The death toll was 20,665 in.',
        'Two women were rescued in. They had been trapped.',
        'The man was rescued from.',
      ].join(' '),
    );
    expect(found.map((d) => d.excerpt)).toEqual(['of.', 'in.', 'in.', 'in.', 'from.']);
  });

  it('leaves particles and passives of verbs that take them alone', () => {
    const text = [
      'After days of talks the union gave in.',
      'You have to be very close to it to fall in.',
      'The bills were paid for.',
      'The plan was looked into.',
    ].join(' ');
    expect(lint(text)).toEqual([]);
  });

  it('leaves stranded prepositions, particles and elliptical `to` alone', () => {
    const text = [
      'It comes from the universe we look up into.',
      'That is what we are talking about.',
      'We have nothing to worry about.',
      'He was laughed at.',
      'Turn it on.',
      'He wants to.',
      'They listed fruit, bread and so on.',
    ].join(' ');
    expect(lint(text)).toEqual([]);
  });

  it('flags an elliptical `to` with nothing before it to stand for', () => {
    expect(lint('We need to.').map((d) => d.excerpt)).toEqual(['to.']);
    expect(lint('If you want to.').map((d) => d.excerpt)).toEqual(['to.']);
    expect(lint("So I'm going to.").map((d) => d.excerpt)).toEqual(['to.']);
    // A sentence before it, a question before the paragraph, or a clause of its own.
    expect(lint('They asked him to sign. He wants to.')).toEqual([]);
    expect(lint('Will he sign?\nHe wants to.')).toEqual([]);
    expect(lint('I would go if I wanted to.')).toEqual([]);
    expect(lint('If you want to build the chain, you need to.')).toEqual([]);
    // A comma after a phrase with no verb opens no clause.
    expect(lint('In the next few years, we will be able to.').map((d) => d.excerpt)).toEqual([
      'to.',
    ]);
  });

  it('flags a sentence cut after `but`, `if`, `while` or a clause-opening `so`', () => {
    const found = lint(
      [
        'Rescuers found the mother, then the father, but.',
        'Einstein realized that if.',
        'The death toll in Turkey stands at 20,665, while.',
        'We raised the volume a little bit, so.',
      ].join(' '),
    );
    expect(found.map((d) => d.excerpt)).toEqual(['but.', 'if.', 'while.', 'so.']);
  });

  it('leaves phrases that end on those words alone', () => {
    const text = [
      'He was anything but.',
      'It looked as if.',
      'We waited for a while.',
      'It was worth your while.',
      'I think so.',
      'They said so.',
    ].join(' ');
    expect(lint(text)).toEqual([]);
  });

  it('flags `a.` after a comma or a contraction, `that` with its verb, and `with` after a pronoun', () => {
    const found = lint(
      [
        'This is a white noise, a.',
        "If we can build it, there's a.",
        'Imagine two black holes that have existed together for.',
        'We have machines that can take us into.',
        'You can really hear them with.',
      ].join(' '),
    );
    expect(found.map((d) => d.excerpt)).toEqual(['a.', 'a.', 'for.', 'into.', 'with.']);
  });

  it('flags a lower-case start after a closing quote or bracket, a site name, or in an open quotation', () => {
    const found = lint(
      [
        'It rejects the "1992 Consensus". according to data, exports fell.',
        '(Applause). so the information is there.',
        'Prices fell-Chinanews.com. we believe supply is tight.',
        '"What day is it today. according to Wind data, funds grew.',
      ].join('\n'),
    );
    expect(found.map((d) => d.excerpt)).toEqual(['according', 'so', 'we', 'according']);
  });

  it('reads the end of a compound as a word, and a sentence before the stop as prose', () => {
    expect(lint('It was a Liberty Times op-ed. in the cold, they worked.')[0]?.excerpt).toBe('in');
    // A line with no final stop is read as a headline, unless a sentence ends on it first.
    expect(
      lint('Our sun does not collapse to form a black hole. the sunlight is so blinding that')[0]
        ?.excerpt,
    ).toBe('the');
  });

  it('reads `in.` after a small figure as inches', () => {
    expect(lint('The phone has a 5 in. screen and a fast chip.')).toEqual([]);
  });

  it('flags a lower-case numbered item after a sentence even when the item lost its stop', () => {
    const found = lint(
      'Prices fell sharply last year.\n2. the first batch of personal pensions went on sale',
    );
    expect(found.map((d) => [d.messageId, d.excerpt])).toEqual([['lowerItem', 'the']]);
    // Fragments of a list: after a colon, after an item, or too short to be prose.
    expect(lint('The aims:\n1. tax cuts for firms\n2. subsidies for farmers')).toEqual([]);
    expect(lint('Prices fell.\n1. tax cuts')).toEqual([]);
  });

  it('reads contractions, verbs the tagger calls nouns and comparative correlatives as whole', () => {
    const text = [
      "It's actually not big enough for its mass.",
      "There's something super interesting about natural systems.",
      'The murder rate ranges from 15 to 150 per million.',
      'The more unequal the society, the worse the outcomes for everyone.',
    ].join(' ');
    expect(lint(text)).toEqual([]);
  });

  it('flags sentences without a finite verb, one per sentence', () => {
    const text = [
      'Bachelet observed the world in the Guangzhou Internet Court. Leading practice in the judicial protection of human rights in the digital field, learning about the practices of companies.',
      'Face-to-face communication with religious figures to learn about the legal respect for freedom of religious belief.',
    ].join('\n');
    const found = lint(text);
    expect(found.map((d) => d.excerpt.split(' ')[0])).toEqual(['Leading', 'Face-to-face']);
    expect(found.every((d) => /finite verb/.test(d.message))).toBe(true);
  });

  it('flags a sentence that ends on a conjunction or article', () => {
    const found = lint('It expressed the hope of being respected and valued and.');
    expect(found[0]?.excerpt).toBe('and.');
  });

  it('counts "China\'s" + verb as a finite clause', () => {
    expect(
      lint("China's encouraging higher birth rates by promoting new policies in cities."),
    ).toEqual([]);
  });

  it('knows news furniture: headlines, bylines, datelines, captions, list items', () => {
    const text = [
      'UN rights chief ends six-day visit to southern and western China',
      'By Jane Doe and Li Wei',
      'Xinhua News Agency, Beijing, February 11th.',
      'A view of the Great Hall of the People in Beijing, capital of China, May 28, 2022.',
      'Officials listed three aims:',
      '- meeting senior officials in Beijing and in the southern city of Guangzhou;',
      '1. Visiting the ancient city of Kashgar in the Xinjiang region.',
      'Image courtesy of the Vietnam News Agency and its photographers.',
    ].join('\n');
    expect(lint(text)).toEqual([]);
  });

  it('leaves quoted speech alone', () => {
    expect(lint('She said: "Not everyone I wanted to see. maybe next time."')).toEqual([]);
    expect(lint('“Too little, too late for the people of the region,” one activist said.')).toEqual(
      [],
    );
  });

  it('does not take an abbreviation for a sentence end', () => {
    expect(lint('The talks ended at 5 p.m. local time and resumed at 9 a.m. on Monday.')).toEqual(
      [],
    );
    expect(lint('Acme Inc. and its partners signed the deal with Beta Corp. yesterday.')).toEqual(
      [],
    );
  });

  it('honours the minimum length for the missing-verb check', () => {
    const text = 'Talks in Beijing with all the delegations of the region.';
    expect(lint(text)).toHaveLength(1);
    const relaxed = linterFor('truncated-sentence', ['warning', { minWordsWithoutVerb: 20 }]);
    expect(relaxed(text)).toEqual([]);
  });
});
