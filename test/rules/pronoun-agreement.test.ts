import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createMtLinter } from '../../src/linter.js';

const linter = createMtLinter({ rules: { 'pronoun-agreement': 'error' } });
const findings = (text: string) =>
  linter.lint(text).diagnostics.filter((d) => d.ruleId === 'pronoun-agreement');

// [text, the flagged pronoun as written, the suggested replacement]
const flagged: [string, string, string][] = [
  // A pronoun in a preposed phrase refers forward to the clause's subject.
  [
    'Ms. Li arrived in Beijing on Monday. During his visit, Li met students at Peking University.',
    'his',
    'her',
  ],
  ['During his visit to Paris, Queen Elizabeth opened a hospital.', 'his', 'her'],
  [
    'Madam Chen Ying was elected mayor in May. After his election, Chen Ying promised lower rents.',
    'his',
    'her',
  ],
  [
    "Li Qiang's wife attended the concert. During her visit to the school, Li Qiang spoke to teachers.",
    'her',
    'his',
  ],
  ['While she was in Shanghai, Mr. Zhou signed three agreements with local firms.', 'she', 'he'],
  [
    'Ms. Bachelet arrived on Monday. Ma Zhaoxu pointed out that during his stay in Guangzhou, Bachelet visited a court.',
    'his',
    'her',
  ],
  // The subject is a place, and the one person of the clause was in the previous sentence.
  ['Ms. Li visited China in May. During his stay, China gave Ms. Li a warm welcome.', 'his', 'her'],
  // Reported speech: the speaker is the only person in sight.
  ['Ms. Zheng said that he plans to buy a house in Jiangbei.', 'he', 'she'],
  ['Mr. Sun told reporters that she found a statement when visiting the property.', 'she', 'he'],
  ['Ms. Zheng, who plans to buy a house, said he was frustrated.', 'he', 'she'],
  ['Mr. Wang said the final decision was hers.', 'hers', 'his'],
  // A pronoun continuing the previous sentence's subject.
  ['Mr. Sun visited the property last weekend. She found a statement there.', 'She', 'He'],
  ['Angela Merkel arrived in Beijing on Tuesday. He met Premier Li Qiang.', 'He', 'She'],
  ['Mrs. Wang thanked the volunteers. He said the help came just in time.', 'He', 'She'],
  ['Michelle Bachelet visited Kashgar. He met local officials there.', 'He', 'She'],
  // Gendered nouns as evidence: apposition, copula.
  [
    'Wang Fang, a young woman from Guangdong, runs a shop online. He says the videos attract many buyers.',
    'He',
    'She',
  ],
  ['Zhang Wei is a mother of two. His shop opened in 2019.', 'His', 'Her'],
  ['Chen Lu, mother of two, opened a noodle shop. His shop now has ten staff.', 'His', 'Her'],
  [
    'Vice Chairman of the Kuomintang (KMT), Mr. Hsia, led a delegation, and during her stay in Beijing, Hsia met Wang Huning.',
    'her',
    'his',
  ],
  [
    'Fangfang, a young woman from Guangdong, runs a food shop. At a recent event, Fangfang spoke about his work.',
    'his',
    'her',
  ],
  // Objects, possessives, reflexives.
  ['Ms. Liu introduced himself to the delegation.', 'himself', 'herself'],
  ['Mr. Zhou welcomed the guests. The guests thanked her warmly.', 'her', 'him'],
  ['Mr. Zhou and her team visited the farm.', 'her', 'his'],
  // "Hong Kong" is a place, not a second person beside Ms. Li.
  ['Ms. Li flew to Hong Kong. He met the press there.', 'He', 'She'],
  // Across a line break (a headline, then the story).
  ['Ms. Li wins the poetry award\nHe said the team had worked hard for it.', 'He', 'She'],
  // A curly-quoted remark does not hide the narrator's pronoun after it.
  ['“We are ready,” Ms. Gao said, adding that he would lead the team.', 'he', 'she'],
  // Names after titles, roles and nationalities; the first name after the title is evidence.
  [
    'Former German Chancellor Angela Merkel on Friday gave her first interview since leaving office. Merkel said that his government had made mistakes.',
    'his',
    'her',
  ],
  [
    'U.S. Treasury Secretary Janet Yellen arrived in Beijing. Yellen said he hoped the talks would help.',
    'he',
    'she',
  ],
  // Widely reported public figures, by their full name.
  ['Chinese Premier Li Qiang met the delegation. Li said she was confident.', 'she', 'he'],
  ['Kim Jong Un inspected the factory. She praised the workers.', 'She', 'He'],
  ['Pham Minh Chinh visited Hanoi. She said the talks went well.', 'She', 'He'],
  ['Moon Jae-in met the delegation. She said the talks were useful.', 'She', 'He'],
  ['Sanae Takaichi spoke to reporters. He said Japan would respond.', 'He', 'She'],
  ['Rishi Sunak spoke on Monday. She said taxes would fall.', 'She', 'He'],
  // Kinship and role nouns.
  ['Wang Fang, the mother of two children, said he was tired.', 'he', 'she'],
  ["The couple's daughter Lin Na said he would return home.", 'he', 'she'],
  ['Actress Zhang Lingyu attended the festival. He said the film was moving.', 'He', 'She'],
  ['Chairwoman Tsai Ing-wen spoke. He said Taiwan would stay calm.', 'He', 'She'],
  ['Madam Zhou Hong spoke first. Zhou said he would retire.', 'he', 'she'],
  // One person called both he and she: the minority is reported.
  [
    'Zhang Wei said she was happy. Zhang Wei added that he would stay. Zhang Wei said she would go.',
    'he',
    'she',
  ],
];

const quiet: string[] = [
  // The pronoun refers forward to a man; the woman is only its object.
  'Ms. Bachelet arrived on Monday. During his meeting with Bachelet, President Xi Jinping spoke.',
  // Several candidates of different genders.
  'Mr. Sun met Ms. Zheng, and she said the price was fair.',
  'Mr. Sun met Ms. Zheng at the office. She said the price was fair.',
  'Ms. Zheng met Mr. Sun. He said the price was fair.',
  'Mr. Wang met Michelle Chen. She praised the plan.',
  'Mr. Wang was invited. Ms. Li said he would come.',
  'Mr. Wang arrived on Monday. During his stay, Ms. Li showed him around.',
  // An apposition that is not a person does not make a name.
  'China, a country of farmers, welcomed Ms. Li. He said so.',
  // A title used as a noun is a person too.
  'Ms. Li met the President. He said the talks went well.',
  'Ms. Li met the Foreign Minister on Monday. He said the talks went well.',
  // An unnamed person is a candidate too.
  'Ms. Zheng met a buyer who said he was frustrated.',
  'Mr. Sun, whose daughter studies in Nanjing, said she was happy.',
  'Mr. Sun and his wife said she was happy.',
  'When she was a child, Mr. Wang’s mother moved to Beijing.',
  // Generic "he", "they" and "it".
  'Every buyer hopes his house will keep its value.',
  'A good reporter checks his facts.',
  'Ms. Zheng and Mr. Sun said they were frustrated.',
  'Ms. Li bought the flat because it was cheap.',
  // No gender evidence: Chinese given names, chairman and spokesman say nothing.
  'Wang Yi met Song Tao. He said the talks were useful.',
  'Chairman Liu Yan said she would attend the meeting.',
  'Foreign Ministry spokesman Mao Ning said she would not comment.',
  // Agreeing pronouns.
  'Ms. Bachelet said she was pleased with her visit.',
  "Ms. Bachelet's visit ended. She thanked her hosts.",
  'Mr. Sun told reporters that he found a statement when he visited the property.',
  // Two people with one family name.
  'Mr. Liu and Ms. Liu attended the ceremony. Liu said he was pleased.',
  // Someone the rule cannot name stands between.
  'Ms. Li arrived on Monday. Sharik said he was pleased.',
  'During his visit, Sharik met Ms. Li.',
  // Inside a quotation the pronoun is the speaker's.
  'Ms. Li said: "He is a good man."',
  '"He is a good man," Ms. Li said of her colleague.',
  // "He" as a family name, and a place shaped like a name.
  'He Lifeng met Ms. Yellen in Zurich. He Lifeng said the talks were candid.',
  'The Victoria Harbour show was a success. She said so.',
  // The subject of the previous sentence is unrecognised: maybe a person.
  'Xi Jinping met with Ms. Bachelet. He said China respects human rights.',
  'Ms. Bachelet arrived on Monday. During his meeting with Bachelet, President Xi Jinping spoke about human rights.',
  // A public figure's name on someone the article consistently calls otherwise.
  'Wang Yi, a teacher in Beijing, said she loved her students. She added that she would stay.',
  // The article's own evidence outweighs the record: another person of that name.
  'Ms. Wang Yi runs a bakery. She said business was good.',
  // Two people: nobody is pinned.
  'Minister Wang Yi met Ms. Bachelet. She said the talks were good.',
  // A nationality before a title is not a person.
  'Former German Chancellor Angela Merkel met the press. She said her party would recover.',
  'Chinese Premier Li Qiang met the delegation. He said he was confident.',
  'Kim Jong Un inspected the factory. He praised the workers.',
  // "Minh" words that are places, not a Vietnamese name of three words.
  'Tran Hung visited the plant. He said output had risen.',
];

describe('pronoun-agreement', () => {
  it.each(flagged)('flags: %s', (text, pronoun, suggestion) => {
    const found = findings(text);
    expect(found.map((d) => [d.excerpt, d.suggestions[0]])).toEqual([[pronoun, suggestion]]);
    expect(found[0]!.category).toBe('accuracy/mistranslation');
  });

  it.each(quiet)('stays quiet: %s', (text) => {
    expect(findings(text)).toEqual([]);
  });

  it('reads a preposed pronoun as the subject pronoun after it is read', () => {
    const found = findings('Ms. Li arrived. During his stay, he met Mr. Sun.');
    expect(found.map((d) => [d.excerpt, d.suggestions[0]])).toEqual([
      ['his', 'her'],
      ['he', 'she'],
    ]);
    expect(findings('Mr. Sun arrived. During his stay, he met Ms. Li.')).toEqual([]);
  });

  it('offers both readings of "her", the likelier first, and "hers" for a standing "his"', () => {
    expect(findings('Mr. Zhou and her team visited the farm.')[0]?.suggestions).toEqual([
      'his',
      'him',
    ]);
    expect(findings('Mr. Zhou welcomed the guests. They thanked her.')[0]?.suggestions).toEqual([
      'him',
      'his',
    ]);
    expect(findings('Ms. Wang said the final decision was his.')[0]?.suggestions).toEqual(['hers']);
  });

  it('names the antecedent and the evidence in the message', () => {
    const [finding] = findings(
      'Ms. Bachelet arrived on Monday. During his meeting with students, Bachelet spoke of rights.',
    );
    expect(finding?.message).toBe(
      "'his' refers to Bachelet, who is 'Ms. Bachelet' earlier in this article: expected 'her'",
    );
    expect(finding?.severity).toBe('error');
  });

  it('quotes a pronoun as evidence when the structure settles it', () => {
    const [finding] = findings(
      'Ms. Wu opened the fair. She thanked the exhibitors. During his tour, Wu visited every stall.',
    );
    expect(finding?.message).toBe(
      "'his' refers to Wu, who is 'Ms. Wu' and 'she' earlier in this article: expected 'her'",
    );
  });

  it('reports a person referred to with both genders, on the minority side', () => {
    const text =
      'Li Ming visited Kashgar. She met farmers there. She later toured a cotton field. During his stay in Kashgar, Li Ming also visited a school.';
    const found = findings(text);
    expect(found.map((d) => d.excerpt)).toEqual(['his']);
    expect(found[0]!.message).toBe(
      "'his' refers to Li Ming, who is 'she' earlier in this article: check which gender is right",
    );
  });

  it('marks a tie between the genders as info', () => {
    const found = findings(
      'Li Ming visited Kashgar. She met farmers. Later, Li Ming said he was tired.',
    );
    expect(found.map((d) => [d.excerpt, d.severity])).toEqual([['he', 'info']]);
  });

  it('marks a likely but uncertain reading as info', () => {
    // The only person of the main clause was not in the previous sentence.
    const found = findings(
      'The fair opened in Nanjing. During her visit, Nanjing gave Mr. Tang a medal.',
    );
    expect(found.map((d) => [d.excerpt, d.severity])).toEqual([['her', 'info']]);
  });

  describe('on the seed article', () => {
    const text = readFileSync(
      new URL('../fixtures/xinhua-bachelet-visit.txt', import.meta.url),
      'utf8',
    );
    const found = findings(text);

    it('reports both "his stay" pronouns', () => {
      const stays = [...text.matchAll(/\bhis stay\b/gi)].map((match) => match.index);
      expect(stays).toHaveLength(2);
      expect(found.map((d) => d.offset)).toEqual(stays);
      for (const finding of found) {
        expect(finding.suggestions).toEqual(['her']);
        expect(finding.message).toMatch(/^'his' refers to Bachelet, who is 'Ms\. Bachelet'/);
      }
    });

    it('does not report "During his meeting with Bachelet, President Xi Jinping"', () => {
      const meetings = [...text.matchAll(/During his meeting with Bachelet, President Xi/g)];
      expect(meetings).toHaveLength(2);
      for (const meeting of meetings) {
        const his = meeting.index + 'During '.length;
        expect(found.some((d) => d.offset === his)).toBe(false);
      }
    });
  });
});
