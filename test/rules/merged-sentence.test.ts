import { describe, expect, it } from '@jest/globals';
import { linterFor } from './lint-helper.js';

const lint = linterFor('merged-sentence');

describe('merged-sentence', () => {
  it('flags the capitalised function word where two sentences were run together', () => {
    const found = lint(
      'Xi emphasized that the Communist Party of China From the day it was born, it has worked for the people.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['From']);
  });

  it('flags a common noun capitalised after a semicolon when the text also writes it in lower case', () => {
    const text =
      'They will discuss issues at the national levels; Cooperation between digital space and human rights. The cooperation will grow.';
    const found = lint(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ excerpt: 'Cooperation', suggestions: ['cooperation'] });
  });

  it('flags `The` before a name that opens a sentence, and a word the text writes inflected in lower case', () => {
    const found = lint(
      'State-owned and private enterprises are developing together The Singapore government has taken steps. ' +
        'Personal pension products were finally launched Rescue workers pulled the mother out after rescuing the son.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['The', 'Rescue']);
  });

  it('flags a common word capitalised where a clause ends before it, but not a name', () => {
    const found = lint(
      'Rescuers searched the rubble of the collapsed buildings Dental implants are costly. ' +
        'The problems are about to be solved Rescuers have pulled two women out. ' +
        'The quake hit the largest city in southern Turkey Combined with the recovery, the plan works.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['Dental', 'Rescuers', 'Combined']);
    expect(
      lint(
        'He visited Turkey last week. It was the first time China hosted the games. The quake hit southern Turkey on Monday. He was named Person of the Year. The roads Chinese firms built are new. The talks ended in Beijing Daily reported.',
      ),
    ).toEqual([]);
  });

  it('flags a capitalised preposition or `The` before a date or figure, and `The` after a name', () => {
    const found = lint(
      'There is no channel for the industry In 2022, the market will recover. ' +
        'The quake struck the southeast The 7.8-magnitude quake was felt far away. ' +
        'The toll rose in neighboring Iran The Singapore government has taken steps.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['In', 'The', 'The']);
    expect(lint('The book Born In 1990 sold well. He read the report In Brief today.')).toEqual([]);
  });

  it('flags an opening phrase and its comma before a new subject and verb, after a complete clause', () => {
    const found = lint(
      'The quake killed more than 17,000 people according to official statistics, the death toll in Turkey stands at 20,665. ' +
        'They rescued the women in harsh weather conditions earlier, the rescue teams had pulled out a man.',
    );
    expect(found.map((d) => [d.excerpt, d.message])).toEqual([
      ['according', expect.stringContaining('after `people` with no stop between')],
      ['earlier', expect.stringContaining('after `conditions`')],
    ]);
  });

  it('flags a capitalised compound opened by a number word between lower-case words', () => {
    const found = lint(
      'The rescue ended in southeast turkey after several days Two-day intensive schedule to seek business was set.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['Two-day']);
    expect(lint('He won the Five-star award and the Formula One-style race.')).toEqual([]);
  });

  it('flags `The` between two capitalised words when the word after it is one no title writes in lower case', () => {
    const found = lint(
      'The toll was 20,665 in Turkey and more than 3,500 in Syria The state TV was hacked to interrupt the broadcast.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['The']);
    expect(lint('He starred in Lord Of the Rings and in The Return Of the King.')).toEqual([]);
  });

  it('reads on past a subordinate clause inside the main one before an opening phrase', () => {
    const found = lint(
      'They called for silence as they struggled to hear sounds from the concrete piles earlier, Supreme Leader Ali Khamenei issued a pardon.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['earlier']);
    // A subordinator with no verb of its own, or one that opens its stretch, governs what follows.
    expect(
      lint(
        'She was rescued after being trapped under the rubble for five days in the town of Nurdai, a district of the province. ' +
          'Matter is the key (matter also means this)-if you put energy and matter in the universe, the universe will bend.',
      ),
    ).toEqual([]);
  });

  it('reads a subject with `and` between its nouns, and a second phrase, after an opening phrase', () => {
    const found = lint(
      'The plan helped the tourism industry in our view, the tight supply and demand in the U.S. job market will not improve soon. ' +
        'Demand rose in the services sector in January according to official data, by the end of 2021, there were 156 fund managers in China.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['in', expect.any(String)]);
    expect(found[0]!.message).toContain('after `industry`');
    expect(found[1]!.message).toContain('no stop between');
    // A list goes on after the comma; an opening phrase inside a clause after `that` is its own.
    expect(
      lint(
        'New jobs grew in high-touch services such as leisure hotels, education and health care added staff. ' +
          'She said that in the event of war in Europe, we would act.',
      ),
    ).toEqual([]);
  });

  it('flags a name whose first word lost its capital with its sentence, not name particles', () => {
    const found = lint(
      'Pension products have finally been launched xinhua News Agency commentators wrote about them.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['xinhua']);
    expect(lint('President Ursula von der Leyen said the talks ended in Brussels.')).toEqual([]);
  });

  it('flags a complete clause in lower case run into a complete one, where its subject starts', () => {
    const found = lint(
      "Japan's minister attended the main forum and delivered a keynote speech the state TV was hacked to interrupt the broadcast. " +
        'It cannot hide behind a black hole this is the theory of relativity. ' +
        'The quake killed more than 17,000 people rescuers first pulled the mother and daughter out. ' +
        'Personal pension products are finally launched two more women were rescued from the rubble. ' +
        'Price cuts were put on the agenda dental implants refer to a kind of restoration. ' +
        'Hackers briefly interrupted the broadcast there was also a voice shouting slogans. ' +
        'The universe is not really silent they can spin hundreds of times per second. ' +
        'Both black holes are moving we need some energy to activate them.',
    );
    expect(found.map((d) => [d.excerpt, d.messageId])).toEqual([
      ['the', 'clause'],
      ['this', 'clause'],
      ['rescuers', 'clause'],
      ['two', 'clause'],
      ['dental', 'clause'],
      ['there', 'clause'],
      ['they', 'clause'],
      ['we', 'clause'],
    ]);
    expect(found[0]!.message).toContain('ending on `speech`');
  });

  it('flags a bare subject after a passive, after a singular with `a`, and a clause after `that`', () => {
    const found = lint(
      'Personal pension products are finally launched rescue workers first pulled the mother out. ' +
        'Tensions will not ease without a recession rescuers have pulled two women from the rubble of collapsed buildings after they were trapped for days. ' +
        'The payments went to 411 fund sales institutions rescue workers pulled the mother out. ' +
        'The quake killed more than 17,000 people personal pension wealth management products were launched. ' +
        'There was a cheer from the crowd we believe that supply tensions in the job market are unlikely to ease. ' +
        'They took steps to accelerate the recovery of the industry these problems of fund investors are about to be solved. ' +
        'Officials took steps to attract tourists back the government has taken several steps. ' +
        'He delivered a keynote speech rescue teams have been working in the rubble to free survivors buried under the rubble since the quake hit. ' +
        'They sped up the construction process dental implant refers to a method of restoring teeth based on the underlying structure. ' +
        'It took steps to speed the recovery of tourism the deadly crackdown on protests by security forces is one of the biggest challenges.',
    );
    expect(found.map((d) => [d.excerpt, d.messageId])).toEqual([
      ['rescue', 'clause'],
      ['rescuers', 'clause'],
      ['rescue', 'clause'],
      ['personal', 'clause'],
      ['we', 'clause'],
      ['these', 'clause'],
      ['the', 'clause'],
      ['rescue', 'clause'],
      ['dental', 'clause'],
      ['the', 'clause'],
    ]);
    // Compound nouns, a participle before its noun, a passive of a verb with two objects.
    expect(
      lint(
        'Limited capacity and overstretched migration authorities in member states are unable to act. ' +
          'A certain number of sperm donors can receive a subsidy. Other retext plugins can be used after it. ' +
          'If this option is true, parenthesized expressions are represented by a node. ' +
          'The winners were given prizes the sponsors had bought. The people were sent letters the bank wrote. ' +
          'I liked the speech he gave the crowd after lunch was served.',
      ),
    ).toEqual([]);
  });

  it('keeps reduced relatives, object clauses and adverbial nouns before a clause in lower case', () => {
    expect(
      lint(
        // Reduced relatives: the verb misses its object, or the main verb follows.
        'The book the teacher recommended was good. The speech he gave was long. ' +
          'I liked the speech he gave the crowd. The house they live in is old. ' +
          'He praised the work the team did in Africa. It shows the file this function was called from. ' +
          'He was not the man he was ten years ago. Those who pass the test can receive a subsidy. ' +
          // Object clauses of verbs, adjectives and nouns that take one.
          'He told reporters the plan would work. She said at the meeting the plan would work. ' +
          "I'm sure the plan works. It is possible the plan works. There was news the company had sold the plant. " +
          // Adverbial nouns, subordinate clauses, degree and comparison.
          'They met on the day the earthquake hit the city. Listeners are called in the order they were added. ' +
          'If you want the money you have to work for it. It was such a mess the team had to start again. ' +
          'The more money you have the more you spend. Prices rose 5 percent the bureau said. ' +
          // A verb whose object a verb follows, a compound noun, a possessive, a price per piece.
          'It lets you walk the tree. The member states are unable to stop them. ' +
          'The debugger’s state is not changed. The price of tens of thousands of dollars a piece has deterred patients.',
      ),
    ).toEqual([]);
  });

  it('flags `he` before a name it does not know as a name that lost its capital', () => {
    const found = lint(
      'Buyers save half on costs he Lifeng, a member of the Political Bureau, spoke.',
    );
    expect(found.map((d) => [d.excerpt, d.messageId])).toEqual([['he', 'lowerName']]);
    expect(lint('He said he would come, and he Himself agreed.')).toEqual([]);
  });

  it('flags a name or nationality opening a complete clause right after a complete one', () => {
    const found = lint(
      'The revolution ended the monarchy Iran marked the anniversary of its revolution. ' +
        'Teams dug through the ruins to free survivors buried under the rubble Turkish authorities said on Saturday that two women were trapped for 122 hours. ' +
        'The government took steps to speed up the recovery of the industry Reuters reported today that two more women had been rescued after surviving days in the rubble. ' +
        'The quake killed more than 17,000 people He Lifeng, a member of the Political Bureau of the CPC Central Committee, attended the main forum. ' +
        'There is no unified inquiry channel for the industry Henan Province standardizes and integrates the price of implants.',
    );
    expect(found.map((d) => [d.excerpt, d.messageId])).toEqual([
      ['Iran', 'clause'],
      ['Turkish', 'clause'],
      ['Reuters', 'clause'],
      ['He', 'clause'],
      ['Henan', 'clause'],
    ]);
  });

  it('keeps a name after a noun it stands in apposition to, in a reduced relative, or after a verb', () => {
    expect(
      lint(
        'Blinken met his counterpart He Lifeng in Beijing on Friday. ' +
          'Xi met Chinese vice premier He Lifeng and other officials. ' +
          'These are the roads Chinese firms built. The protests Reuters reported were large. ' +
          'The documents Reuters obtained showed the plan. The measures China has taken are working. ' +
          'The delegation met the province Henan sent to the talks. He thanked the company Apple for its support. ' +
          'The book was praised by President Ebrahim Raisi in a speech. ' +
          'It was the day Iran marked the anniversary of its revolution.',
      ),
    ).toEqual([]);
  });

  it('flags an opener after a name or a stranded preposition when the words after it are in lower case', () => {
    const found = lint(
      'Hackers briefly interrupted a televised speech by President Ebrahim Raisi According to official statistics, the toll rose. ' +
        'You may not be able to understand what is going on But they are not standing still.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['According', 'But']);
    // Titles keep their capitals after the opener; a bold lead-in or heading opens the sentence.
    expect(
      lint(
        'She starred in Nothing But the Truth in 2008. They read the book Life According to Garp again. ' +
          'Useful Tips It’s pretty common to run the task twice.',
      ),
    ).toEqual([]);
  });

  it('keeps reporting clauses, appositions, relatives and dependent clauses before a comma', () => {
    expect(
      lint(
        'Exports rose 5 percent in March, the bureau said. Prices rose sharply in 2022, the highest in a decade. ' +
          'If you hear this sound while on vacation in the universe, I suggest you run. ' +
          'The plan was approved in May, and in June, the work began. ' +
          'Waves can detect disturbances in the universe, the largest of which is a merger. ' +
          'He met officials in Beijing on Monday, according to the ministry.',
      ),
    ).toEqual([]);
  });

  it('keeps `The` in names and titles of works', () => {
    expect(
      lint(
        'He visited The Hague last week. She watched the film The Wandering Earth twice. He reads The Economist daily.',
      ),
    ).toEqual([]);
  });

  it('reads a long line with no full stop as prose that lost it, not as a headline', () => {
    const found = lint(
      'Since the beginning of this year, with the acceleration of centralized procurement of dental implants, price reductions have also been put on the agenda in various places The first batch of products went on sale',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['The']);
    expect(lint('Xi meets the press As talks begin in Beijing')).toEqual([]);
  });

  it('keeps a name after a semicolon', () => {
    expect(lint('They met in May; Beijing hosted the talks and Beijing paid.')).toEqual([]);
  });

  it('suggests a space after a stop that runs into the next sentence', () => {
    const [found] = lint('The meeting came to an end.The next one is in May.');
    expect(found).toMatchObject({ excerpt: '.', suggestions: ['. '] });
    expect(lint('They sped up the process.A number of deals were signed.')).toHaveLength(1);
    expect(lint('We cannot hear them at all.I think so.')).toHaveLength(1);
  });

  it('ignores web addresses and file names', () => {
    expect(lint('See www.example.Com or news.xinhuanet.Com for more.')).toEqual([]);
    expect(lint('Read chinadaily.Com for details.')).toEqual([]);
  });

  it('ignores titles and names written in title case', () => {
    expect(lint('China Says It Will Raise Tariffs On Imports From The US')).toEqual([]);
    expect(lint('He saw the film Gone With the Wind in Beijing.')).toEqual([]);
    expect(lint('She works for The Times and visited The Hague.')).toEqual([]);
  });

  it('accepts a capital after a colon, dash, quote or bracket', () => {
    expect(lint('He said: The plan works.')).toEqual([]);
    expect(lint('The plan — The Green Path — works.')).toEqual([]);
    expect(
      lint('[Global Times correspondent Niu Ruifei] According to a report, talks ended.'),
    ).toEqual([]);
  });
});

describe('merged-sentence: openings after a passive, an adverb and a gerund', () => {
  it('finds `according to` after a passive participle, and a subject with an adverb before its verb', () => {
    const found = lint(
      'These problems of fund investors are about to be solved according to Wind data, as of the end of 2022, there were 156 fund managers in China.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['according']);
    const adverb = lint(
      'The government set aside S$500 million to stimulate the recovery of the tourism industry in freezing temperatures, they often called for silence.',
    );
    expect(adverb.map((d) => d.excerpt)).toEqual(['in']);
    const southeast = lint(
      'He was rescued from a building in Turkey’s largest city in the southeast according to official statistics, the quake has killed 20,000 people.',
    );
    expect(southeast.map((d) => d.excerpt)).toEqual(['according']);
  });

  it('leaves a phrase that completes a passive before a comma splice of another kind', () => {
    expect(
      lint('By default everything is stored in memory, you can also install an adapter.'),
    ).toEqual([]);
    expect(lint('The forum will be held in Beijing on May 11, with sessions online.')).toEqual([]);
  });

  it('finds a clause after `first` that closes one, not after `the first`', () => {
    const found = lint(
      'He insisted on saving his son and another daughter first hackers interrupted state television coverage on Saturday.',
    );
    // Either reading puts the join at `first`: the adverb ending one clause, or the adjective
    // opening the next one's subject. The rule reports the first word it finds.
    expect(found.map((d) => d.excerpt)).toEqual(['first']);
    expect(
      lint('The first batch of products went on sale, and the first hackers were caught.'),
    ).toEqual([]);
  });

  it('finds a clause after `we believe that` whose verb takes no object there', () => {
    const found = lint(
      'He attended the forum and delivered a keynote speech we believe that the tight supply and demand in the U.S. job market will not improve without a recession.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['we']);
    expect(lint('We believe that the market will improve without a recession.')).toEqual([]);
  });

  it('finds `According to` after a name when a comma closes its source', () => {
    const found = lint(
      'It was the deadliest quake in 20 years, Turkish authorities said on Saturday According to Reuters today, two more women were rescued.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['According']);
    expect(lint('He read The World According to Garp and liked it.')).toEqual([]);
  });

  it('finds a capitalised gerund that opens a subject, not a title after a noun that names a work', () => {
    const found = lint(
      'The board took steps to speed up the recovery of the tourism industry Promoting Chinese-style modernization is an exploratory endeavor.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['Promoting']);
    expect(lint('He watched the film Saving Private Ryan is what he said.')).toEqual([]);
  });

  it('reads on past an object clause with a verb of its own, not into one the phrase opens', () => {
    const found = lint(
      'Insiders have stated that half of the population had invested in fund products according to official statistics, the quake has killed more than 20,000 people.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['according']);
    expect(lint('He said that in the event of war in Europe, we would act at once.')).toEqual([]);
  });

  it('reads a subject of two noun phrases with determiners after the comma', () => {
    const found = lint(
      'The implants support and retain the upper tooth restoration in the southern city of Kahramanmaras, a 16-year-old boy and a 70-year-old woman were also rescued.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['in']);
  });

  it('leaves a phrase after a gerund, which it may belong to', () => {
    expect(
      lint(
        'He said that it is necessary to build a modern country and promote the process of building the nation and promoting the rejuvenation of the nation in an all-round way, we will create achievements.',
      ).map((d) => d.excerpt),
    ).not.toContain('in');
  });

  it('reads an apposition that ends on an abbreviation in brackets', () => {
    const found = lint(
      'The amnesty included some prisoners arrested in recent protests He Lifeng, head of the National Development and Reform Commission (NDRC), attended the main forum.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['He']);
  });

  it('reads a longer clause of a subordinator after a verb, and a second phrase with `with`', () => {
    const since = lint(
      'The documents were signed during the visit since a powerful earthquake struck Turkey and neighboring Syria, rescue teams have been working.',
    );
    expect(since.map((d) => d.excerpt)).toEqual(['since']);
    const withPhrase = lint(
      'Many documents were signed during the visit since the beginning of this year, with the accelerated implementation of centralized procurement of dental implants, various places have cut prices.',
    );
    expect(withPhrase.map((d) => d.excerpt)).toEqual(['since']);
    expect(
      lint(
        'A real estate firm declared a payment, in the sale of other properties before the offer is greater than the previous discount, developers are willing to pay.',
      ),
    ).toEqual([]);
  });

  it('reads on past a relative clause after the main verb, and past an opening subordinate clause', () => {
    const relative = lint(
      'Khamenei issued an amnesty that included prisoners arrested in recent protests according to official statistics, the quake has killed more than 20,000 people.',
    );
    expect(relative.map((d) => d.excerpt)).toEqual(['according']);
    const opening = lint(
      'When they were all rescued, cheers were heard in the crowd according to official statistics, the quake has killed more than 20,000 people.',
    );
    expect(opening.map((d) => d.excerpt)).toEqual(['according']);
    expect(
      lint(
        'If you use special characters in a filepath, and you want to use these characters in your glob pattern, they must be escaped.',
      ),
    ).toEqual([]);
  });

  it('finds a possessive name that opens a subject, and reads a figure with its bound as an object', () => {
    const found = lint(
      'Rescue teams searched the rubble of the earthquake Monday’s quake has killed more than 20,000 people in Turkey.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['Monday’s']);
    expect(lint('He met the team Monday and the talks went well.')).toEqual([]);
  });

  it('reads a clause that a subordinator opens before a name as ending the new one', () => {
    const found = lint(
      'Survivors were pulled from the ruins of collapsed buildings hackers interrupted state television coverage as Iran marked the anniversary of its revolution.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['hackers']);
  });

  it('reads `bring` as the verb it is, not as a gerund', () => {
    const found = lint(
      'The world is looking forward to the new opportunities that its development will bring to the world according to a report by the Liberty Times, China is encouraging students to donate.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['according']);
  });

  it('finds `The` opening a longer name that is the subject of a verb right after it', () => {
    const found = lint(
      'A similar quake in 1999 killed more than 17,000 people The Islamic Republic of Iran held an official rally on Saturday.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['The']);
    expect(lint('He has read the book The Lord of the Rings and liked it.')).toEqual([]);
    expect(lint('Fans went to see The Rolling Stones played live in Hyde Park.')).toEqual([]);
  });

  it('finds a clause after a report credited after a comma, and leaves the credit’s own clause alone', () => {
    const found = lint(
      'Hackers interrupted state television coverage as Iran marked the anniversary of its revolution, Reuters reported today the Singapore government has taken several steps. ' +
        'The quake killed 20,000 people, officials said on Monday the death toll would rise.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['the', 'the']);
    expect(
      lint(
        'After the quake hit, Reuters reported today the toll rose. ' +
          'In a statement, the ministry said today the plan works. ' +
          'Prices rose, and officials said today the bank will act. ' +
          'Prices rose, officials said at the meeting the bank will act. ' +
          'The talks ended, he told reporters the plan works.',
      ),
    ).toEqual([]);
  });

  it('finds a clause after a report’s source that closes the clause before it, not one the source opens', () => {
    const found = lint(
      'The quake killed more than 3,500 in neighboring Syria, according to official statistics the move by the EU was reportedly a response to the growing concern.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['the']);
    expect(
      lint(
        'According to official statistics the move by the EU was a response. ' +
          'After the quake hit, according to officials the toll rose. ' +
          'In Syria, according to official statistics the toll rose.',
      ),
    ).toEqual([]);
  });

  it('reads past a relative clause between commas inside the new subject to its verb', () => {
    const found = lint(
      'Personal pension products have finally been launched the 7.8-magnitude earthquake on Monday, which was followed by strong aftershocks, is the deadliest disaster of the century.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['the']);
    expect(
      lint(
        'He met the team on Monday, which was a holiday, and left. ' +
          'They visited the factory the workers, who had waited, built.',
      ),
    ).toEqual([]);
  });

  it('finds `according to` after a name when its comma is followed by a new clause', () => {
    const found = lint(
      'The death toll was 20,665 in Turkey and more than 3,500 in Syria according to official statistics, the earthquake on Monday has already caused 20,000 deaths.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['according']);
    expect(
      lint(
        'The death toll was 3,500 in Syria according to official statistics. ' +
          'The toll rose in Syria according to officials, who said more were missing.',
      ),
    ).toEqual([]);
  });

  it('reads a verb of perceiving with `any` or `no` as having its object, and an apposition to a name as closing its clause', () => {
    const found = lint(
      'They called for silence as they strained to hear any signs of life from the rubble of the shattered concrete the death toll was 20,665 in Turkey. ' +
        'A man was rescued from a collapsed building in Diyarbakir, the largest city in southeastern Turkey there was also a voice shouting in the crowd.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['the', 'there']);
    expect(
      lint(
        'We heard some people the police arrested were released. ' +
          'They did not hear any news the talks had failed. ' +
          'He lives in Diyarbakir, the largest city in Turkey the government has rebuilt. ' +
          'In Diyarbakir, the largest city in Turkey the government has rebuilt the schools.',
      ),
    ).toEqual([]);
  });

  it('reads a passive verb of perceiving as taking no clause, and a list after `including` as closing its clause', () => {
    const found = lint(
      'When they were all rescued, cheers were heard in the crowd the death toll was 20,665 in Turkey. ' +
        'The quake was the deadliest in years, including the 31,000 deaths in neighboring Iran the Singapore government has taken several steps.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['the', 'the']);
    expect(
      lint(
        'They were told at the meeting the plan works. ' +
          'It was seen at the time the plan works. ' +
          'Several nations sent help, including the teams the government has trained. ' +
          'Including the deaths in Iran the toll has risen.',
      ),
    ).toEqual([]);
  });

  it('reads a capital after a section sign and its number as a title’s, not after a version number', () => {
    expect(lint('See § 4.5.1 The a element in the HTML spec for more.')).toEqual([]);
    const found = lint('It will not work with runtimes 4.3.0 The increase was done because of it.');
    expect(found.map((d) => d.excerpt)).toEqual(['The']);
  });

  it('finds a name that opens a clause after an adverb that closes one', () => {
    const found = lint(
      'He insisted on saving his son and another daughter first China is encouraging college students to donate sperm.',
    );
    expect(found.map((d) => d.excerpt)).toEqual(['China']);
    expect(
      lint('They came back Monday and left. She went home Friday Smith said the talks failed.'),
    ).toEqual([]);
  });
});
