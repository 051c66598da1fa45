import { z } from 'zod';
import {
  baseForms,
  inflectionsOf,
  defineRule,
  hasFiniteVerb,
  isCommonWord,
  layoutOf,
  loadJson,
  loadWordList,
  wordArray,
  sentences,
  sentenceWords,
  tagAlone,
  tagSentence,
  type Root,
  type Sentence,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import { afterLowerCaseAndSpaces, nextRunTogetherStop, onlySpacesBetween } from './scan.js';
import { lastBeforeComma, openingCandidates, opensRunTogetherSentence } from './opening-phrase.js';
import {
  CAPITALISED,
  clauseJoinCandidates,
  opensClauseAfterClause,
  verbAlone,
} from './clause-join.js';

/** The section sign before a number (`§ 4.5.1`): a title follows it (`see § 4.5.1 The a element`). */
const SECTION_SIGN = /§\s*$/u;
const FUNCTION_WORDS = new Set(loadWordList(import.meta.url, './function-words.json'));
/** Names that are common words too (`China`, `Congress`, `Bill`): never read as a sentence's start. */
const NAME_WORDS = loadWordList(import.meta.url, './name-words.json');

/** The token around the stop, to tell web addresses and file names from prose. */
const TOKEN_BEFORE = /\S*$/u;
/**
 * Conjunctions, sentence adverbs and interjections that open sentences and are never part of a
 * name or title after a lower-case word: capitalised there, they start a sentence run into the
 * one before, whatever follows them.
 */
const OPENERS = new Set(loadWordList(import.meta.url, './sentence-openers.json'));
/** A pronoun with its verb, capitalised (`That's`, `It's`, `They're`, `We've`; `I'm` always is). */
const CONTRACTED_OPENER =
  /^(?:It|That|There|They|We|You|He|She|What|Here|Let|Who|Where|This)['’](?:[smd]|re|ve|ll)$/u;
/** Number words: `... the universe Two black holes ...` (not before a capital: `Formula One Group`). */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundreds thousands millions billions dozens'.split(
    ' ',
  ),
);
/**
 * A number word, alone or opening a compound (`Two`, `Two-day`: `… in southeast Turkey Two-day
 * intensive schedule …`).
 */
function isNumberWord(lower: string): boolean {
  if (NUMBER_WORDS.has(lower)) return true;
  const dash = lower.indexOf('-');
  return dash > 0 && NUMBER_WORDS.has(lower.slice(0, dash));
}
/** A capitalised compound that a number word opens: `Two-day`, `Five-year`. */
const NUMBER_COMPOUND = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;
/** Words after which a capitalised word is a name's: `the One Belt`, `of Two Sessions`. */
const DETERMINERS = new Set(
  'the a an of for to in on at by from with this that its their our his her my your'.split(' '),
);
/**
 * Names that begin with a capitalised `The` (`The Hague`, `The Economist`), and nouns after which a
 * title follows (`the film The Wandering Earth`): a capitalised `The` before a capitalised word is
 * part of such a name, and otherwise a sentence's first word (`… developing together The Singapore
 * government has …`).
 */
const THE_NAMES = loadJson(
  import.meta.url,
  './the-names.json',
  z.object({ description: z.string().min(1), names: wordArray, titleNouns: wordArray }),
);
const NAMES_AFTER_THE = new Set(THE_NAMES.names.map((name) => name.toLowerCase()));
const TITLE_NOUNS = new Set(THE_NAMES.titleNouns);
/** Nouns that take a letter as a label: `type A`, `grade A`, `class A shares`. */
const LABELLED = new Set(
  'type grade class plan vitamin group category level section part phase tier round team option model series'.split(
    ' ',
  ),
);
/** Top-level domains that follow a stop in a web address written without `www`. */
const DOMAINS = new Set(['com', 'net', 'org', 'gov', 'edu', 'cn', 'uk', 'hk', 'tw', 'info', 'io']);
/** `levels; Cooperation between`: a capital after a semicolon, before a lower-case word. */
const AFTER_SEMICOLON = /;[ \t]+(?<word>\p{Lu}\p{Ll}+)(?=[ \t]+\p{Ll})/gu;
/**
 * A sentence connective right after a lower-case word and before a comma: `...on costs however,
 * the death toll rose`. Mid-sentence, English sets these off with a comma on both sides (`X,
 * however, Y`), so one with none before it starts a sentence whose stop was lost. Only adverbs that
 * connect whole sentences: `later,` or `today,` may close a clause (`He left later, after it`).
 */
const CONNECTIVE_AFTER_WORD =
  /(?:however|moreover|furthermore|meanwhile|nevertheless|nonetheless|additionally|consequently)(?=,)/gu;
/** Words before which a connective is part of the clause: `and however,` does not occur, `but meanwhile,` does. */
const JOINS_CLAUSES = new Set(['and', 'but', 'or', 'so', 'yet', 'and/or']);
/** Marks after which a capital is normal: sentence ends, colons, dashes, quotes, brackets. */
const OPENS_CLAUSE = /[.!?:;—–\-"“”‘'()[\]/|•*]$/u;

export default defineRule({
  meta: {
    id: 'merged-sentence',
    category: 'fluency/punctuation',
    severity: 'warning',
    description:
      'Two sentences run together: a capital mid-sentence, or no space after a full stop',
    messages: {
      capital:
        '`{{word}}` is capitalised in the middle of a sentence: two sentences were probably run together here',
      semicolon:
        '`{{word}}` is capitalised after a semicolon: a new sentence was probably joined to this one',
      noSpace: 'No space after `{{mark}}`: two sentences run together',
      opening:
        '`{{word}}` opens a phrase and a new clause after `{{previous}}` with no stop between: two sentences were probably run together here',
      lowerName:
        '`{{word}} {{next}}` looks like a name whose first word lost its capital: a new sentence probably starts at `{{word}}`',
      connective:
        '`{{word}},` follows `{{previous}}` with no stop or comma between: two sentences were probably run together here',
      clause:
        '`{{word}}` opens a clause with its own subject and verb right after a complete one ending on `{{previous}}`, with no stop or conjunction between: two sentences were probably run together here',
    },
    examples: {
      invalid: [
        'Xi emphasized that the Communist Party of China From the day it was born, it has fought for the people.',
        'The sides agreed to hold talks at the national levels; Cooperation between digital space and human rights was also discussed, and cooperation will grow.',
        'The meeting came to an end.The next meeting is in May.',
        'The minister said the plan would work It was approved on Monday.',
        'The plan was approved; It will take effect in May.',
        'The talks ended.They resume in May.',
        'We cannot hear them at all But LISA can.',
        'It works That’s the point.',
        'Prices of dental implants were on the agenda Dental implants are costly.',
        'They sped up the process A number of deals were signed.',
        'Buyers save half or even more on costs however, prices may rise again.',
        'Survivors were pulled from the rubble Rescuers worked through the night.',
        'There is no unified channel for the industry In 2022, the market will recover.',
        'The quake killed more than 17,000 people according to official statistics, the death toll in Turkey stands at 20,665.',
        'Pension products have finally been launched xinhua News Agency commentators wrote about them.',
        'He attended the main forum and delivered a keynote speech the state TV was hacked to interrupt the broadcast.',
        'The quake killed more than 17,000 people rescuers first pulled the mother and daughter out.',
        'Survivors were buried under the rubble Turkish authorities said on Saturday that the toll rose.',
        'The speech was given by President Ebrahim Raisi According to official statistics, the toll rose.',
      ],
      valid: [
        'He visited The Hague and the Bank of China.',
        'I said I would come.',
        'The US and the UN agreed.',
        'He said: The plan works.',
        'He said, “We will win.”',
        'Officials said the plan — The Green Path — would work.',
        'The film Gone With the Wind was shown.',
        'China Says It Will Raise Tariffs On Imports',
        'Visit xinhua.Net for details.',
        'They met in May; Beijing hosted the talks.',
        'The U.S. The Netherlands and France signed.',
        'He lives in Nice and works in Reading.',
        '[Global Times correspondent Niu Ruifei] According to a report, the talks ended.',
        'Blinken met his counterpart He Lifeng in Beijing on Friday.',
        'The documents Reuters obtained showed the plan.',
        'The toll climbed to 24,150.\nThe toll in Turkey stands at 20,665.',
        'They came from newspapers, blogs, etc. They visited Macau.',
        'BEIJING, May 28 (Xinhua) -- The two sides met on Monday.',
        'By Li Xin and Wang Yi',
        '- The delegation visited Kashgar and Urumqi.',
        'A view of The Bund in Shanghai, May 28, 2022. (Xinhua/Li Xin)',
        'He said that I was right, and I agreed.',
        'He drove a Formula One car in Life After Death.',
        'The last project I’m going to show is new.',
        'Patients with type A blood were tested.',
        'The party met and the Party members voted.',
        'The talks, however, went on. Prices rose; however, wages did not. He agreed but meanwhile, nothing changed.',
        'He visited Turkey last week. It was the first time China hosted the games.',
        'President Ursula von der Leyen said the talks ended in Brussels.',
        'Exports rose 5 percent in March, the bureau said. Prices rose sharply in 2022, the highest in a decade.',
        'The book the teacher recommended was good. I liked the speech he gave the crowd.',
        'He told reporters the plan would work. They met on the day the earthquake hit the city.',
      ],
    },
  },
  create(_options, { report }) {
    return (tree, file) => {
      const text = String(file.value);
      const layout = layoutOf(file);

      for (
        let at = nextRunTogetherStop(text, 0);
        at !== -1;
        at = nextRunTogetherStop(text, at + 1)
      ) {
        // Web addresses, e-mail and file names hold stops between letters.
        const token = TOKEN_BEFORE.exec(text.slice(Math.max(0, at - 60), at))?.[0] ?? '';
        if (/[/@:.]|www/i.test(token)) continue;
        const after = /^\p{L}+/u.exec(text.slice(at + 1, at + 12))?.[0] ?? '';
        if (DOMAINS.has(after.toLowerCase())) continue;
        report(file, {
          at: { start: at, end: at + 1 },
          messageId: 'noSpace',
          data: { mark: text[at]! },
          expected: [`${text[at]!} `],
        });
      }

      // Whether the text writes a word in lower case somewhere. The first few words asked about are
      // looked for one by one, which allocates nothing; a text that asks about more gets a set of
      // all its lower-case words, so the cost stays linear.
      let lookups = 0;
      let lowerInText: Set<string> | undefined;
      const writtenInLowerCase = (lower: string): boolean => {
        if (!lowerInText && ++lookups > DIRECT_LOOKUPS) lowerInText = lowerCaseWords(tree, text);
        return lowerInText ? lowerInText.has(lower) : hasLowerCaseWord(tree, text, lower);
      };
      // The same, for any inflection of the word (`Rescue` where the text writes `rescuing` or
      // `rescued`): a name is not inflected in lower case either. Only for the capitalised
      // common word between two lower-case words, where the text rarely repeats the same form.
      const inflectedInLowerCase = (lower: string): boolean => {
        if (writtenInLowerCase(lower)) return true;
        const inText = (lowerInText ??= lowerCaseWords(tree, text));
        return baseForms(lower).some((form) =>
          inflectionsOf(form).some((word) => inText.has(word)),
        );
      };
      for (const match of text.matchAll(CONNECTIVE_AFTER_WORD)) {
        // After a lower-case letter and spaces only: tested here, at the few matches, rather than
        // by a look-behind that the expression would try at every character of the text.
        if (!afterLowerCaseAndSpaces(text, match.index)) continue;
        const previous = /(\S+)[ \t]+$/u.exec(
          text.slice(Math.max(0, match.index - 40), match.index),
        );
        const before = previous?.[1] ?? '';
        // After another word that joins clauses, or a word ending in a mark (`costs;`), all is well.
        if (JOINS_CLAUSES.has(before) || !/\p{Ll}$/u.test(before)) continue;
        if (layout.isHeadingLine(layout.lineAt(match.index))) continue;
        report(file, {
          at: { start: match.index, end: match.index + match[0].length },
          messageId: 'connective',
          data: { word: match[0], previous: before },
        });
      }

      for (const match of text.matchAll(AFTER_SEMICOLON)) {
        const word = match.groups!.word!;
        const lower = word.toLowerCase();
        // Only when the word is surely not a name: a function word, or one this very text writes
        // in lower case elsewhere (`cooperation`), which a proper name would not be.
        if (!FUNCTION_WORDS.has(lower)) {
          if (!writtenInLowerCase(lower) || !ALL_LOWER.test(lower)) continue;
        }
        const start = match.index + match[0].length - word.length;
        if (layout.isHeadingLine(layout.lineAt(start))) continue;
        report(file, {
          at: { start, end: start + word.length },
          messageId: 'semicolon',
          data: { word },
          expected: [lower],
        });
      }

      for (const sentence of sentences(tree)) {
        const words = sentenceWords(sentence, text);
        if (words.length < 3) continue;
        // `… 17,000 people according to official statistics, the death toll stands …`: tagged
        // only when the words and commas alone make a candidate.
        // One join per comma, the opening word nearest to it first (`… conditions earlier, …`,
        // rather than the `in` of `in harsh weather conditions earlier,`).
        let joinedAt = -1;
        for (const candidate of openingCandidates(words, text, FUNCTION_WORDS).reverse()) {
          if (candidate.beforeComma === joinedAt) continue;
          if (!opensRunTogetherSentence(tagSentence(sentence, text), candidate, text)) continue;
          joinedAt = candidate.beforeComma;
          const opening = words[candidate.opening]!;
          if (layout.isHeadingLine(layout.lineAt(opening.start))) continue;
          report(file, {
            at: { start: opening.start, end: opening.end },
            messageId: 'opening',
            data: { word: opening.text, previous: words[candidate.opening - 1]!.text },
          });
        }
        for (let index = 1; index < words.length - 1; index++) {
          if (!lowerCaseNameOpens(words, index, text)) continue;
          const word = words[index]!;
          if (layout.isHeadingLine(layout.lineAt(word.start))) continue;
          report(file, {
            at: { start: word.start, end: word.end },
            messageId: 'lowerName',
            data: { word: word.text, next: words[index + 1]!.text },
          });
        }
        const capitalReported = new Set<number>();
        let titleCase: boolean | undefined;
        for (let index = 1; index < words.length - 1; index++) {
          const word = words[index]!;
          const value = word.text;
          // Only a word that starts with a capital can be reported (every path below tests for
          // one before it reports): the rest, most words, are passed over before any look-up.
          const first = value.charCodeAt(0);
          if (first < 128 && (first < 65 || first > 90)) continue;
          // The set look-ups first, on the lower case already read: most words are in none.
          const opener = OPENERS.has(word.lower) || CONTRACTED_OPENER.test(value);
          const previous = words[index - 1]!;
          const numberWord = isNumberWord(word.lower);
          // `… the recovery of the tourism industry Promoting Chinese-style modernization is …`.
          const gerund = !opener && gerundSubjectOpens(sentence, text, words, index);
          if (!opener && !FUNCTION_WORDS.has(word.lower) && !numberWord && !gerund) {
            // A common word capitalised between two lower-case words, where the text also
            // writes it in lower case, which a name would not be (`on the agenda Dental
            // implants refer to`). Not after a function word: `the Party`, `of State`.
            if (!CAPITALISED.test(value) || !LOWER_START.test(words[index + 1]!.text)) continue;
            const afterLowerCase =
              LOWER_START.test(previous.text) && !FUNCTION_WORDS.has(previous.lower);
            // Written in lower case elsewhere (`Rescue` beside `rescuing`), or a common word
            // where a clause may end before it (`… from the rubble Rescuers first pulled …`).
            if (
              !(afterLowerCase && inflectedInLowerCase(word.lower)) &&
              !commonWordOpens(sentence, text, words, index)
            ) {
              continue;
            }
          }
          // `A` opens a sentence (`... the process A number of ...`) except as a label
          // (`type A blood`, `grade A products`).
          const article = value === 'A' && !LABELLED.has(previous.lower);
          if (
            !CAPITALISED.test(value) &&
            !article &&
            !CONTRACTED_OPENER.test(value) &&
            !(numberWord && NUMBER_COMPOUND.test(value))
          ) {
            continue;
          }
          if (opener || numberWord) {
            // A conjunction, sentence adverb or pronoun with its verb opens a sentence even
            // before a name (`... at all But LISA can`), but only after a word in lower case:
            // `Life After Death` is a title, `Formula One` a name. After a name or a
            // preposition that may end a clause, an opener the text goes on from in lower case,
            // as no title does, opens one too (`… by President Ebrahim Raisi According to
            // official statistics`, `… what is going on But they are …`).
            if (!LOWER_START.test(previous.text) || DETERMINERS.has(previous.lower)) {
              if (!opener || !openerBeforeLowerCase(words, index, text)) continue;
            }
          }
          const beforeName =
            !opener &&
            !LOWER_START.test(words[index + 1]!.text) &&
            (opensSentenceBeforeName(words, index) || opensSentenceBeforeDate(words, index));
          if (!opener && !gerund && !LOWER_START.test(words[index + 1]!.text) && !beforeName) {
            // Followed by a capital, it is part of a name or title: `The Hague`, `Of the People`.
            continue;
          }
          // `The The first batch`: a doubled word, repeated-words' finding.
          if (previous.lower === word.lower) continue;
          // After a section's number a title follows (`see § 4.5.1 The a element`); not after a
          // version's (`runtimes >= 4.3.0 The increase was done …`).
          if (SECTION_SIGN.test(text.slice(Math.max(0, previous.start - 3), previous.start))) {
            continue;
          }
          // Between capitalised words, a title's (`Lord Of the Rings`), unless the word after it is
          // one no title writes in lower case (`… in Syria The state TV was hacked`).
          const afterNext = words[index + 2]?.text;
          if (
            !beforeName &&
            !(word.lower === 'according' && openerBeforeLowerCase(words, index, text)) &&
            afterNext &&
            UPPER_START.test(afterNext) &&
            UPPER_START.test(previous.text) &&
            (TITLE_LOWER.has(words[index + 1]!.lower) || !isCommonWord(words[index + 1]!.lower))
          ) {
            continue;
          }
          const start = word.start;
          const between = text.slice(previous.end, start);
          // A line break, or a stop the parser kept inside the word before (`24,150.`, `etc.`).
          if (LINE_BREAK.test(between) || ENDS_WITH_STOP.test(previous.text)) continue;
          if (OPENS_CLAUSE.test(between.trim())) continue;
          titleCase ??= isTitleCase(words);
          if (titleCase || layout.isHeadingLine(layout.lineAt(start))) break;
          capitalReported.add(start);
          report(file, {
            at: { start, end: start + value.length },
            messageId: 'capital',
            data: { word: value },
          });
        }
        // `… delivered a keynote speech the state TV was hacked …`: tagged only when a word that
        // may open a subject follows one that may end a clause. After the capital forms, which
        // speak first of a word both find.
        let joined = -1;
        for (const start of clauseJoinCandidates(words, text, FUNCTION_WORDS)) {
          const word = words[start]!;
          // A capitalised word the capital forms reported (`… the agenda Dental implants …`), or
          // the next word of a subject already reported (`rescue` then `teams`).
          if (capitalReported.has(word.start) || start === joined + 1) continue;
          if (!opensClauseAfterClause(tagSentence(sentence, text), start, text)) continue;
          if (layout.isHeadingLine(layout.lineAt(word.start))) continue;
          joined = start;
          report(file, {
            at: { start: word.start, end: word.end },
            messageId: 'clause',
            data: { word: word.text, previous: words[start - 1]!.text },
          });
        }
      }
    };
  },
});

/**
 * Whether the opener at `index` (`According`, `But`) comes after a name or a preposition and before
 * lower-case words that no title would write so: the next two in lower case, one of them not a
 * word titles leave in lower case (`to official`, `they are`; not `the Truth` in `Nothing But the
 * Truth`), or `According to` with a source that a comma closes. Not after an article or a
 * possessive, which make it a noun (`the But clause`).
 */
function openerBeforeLowerCase(words: readonly WordInfo[], index: number, text: string): boolean {
  const previous = words[index - 1]!;
  if (ARTICLES.has(previous.lower) || !/^[\p{L}\p{N}]/u.test(previous.text)) return false;
  if (previous.text !== previous.lower) {
    // A name, after lower-case words: not a capitalised run that opens the sentence, as a
    // heading or a bold lead-in does (`Useful Tips It's pretty common`).
    let first = index - 1;
    while (first > 0 && CAPITALISED.test(words[first - 1]!.text)) first--;
    if (!CAPITALISED.test(previous.text) || first === 0) return false;
    if (!LOWER_START.test(words[first - 1]!.text)) return false;
  }
  const next = words[index + 1];
  const afterNext = words[index + 2];
  if (!next || !afterNext) return false;
  // `According to` and its source closed by a comma, as a sentence opens (`… said on Saturday
  // According to Reuters today, two more …`): no title holds the comma.
  if (words[index]!.lower === 'according' && next.lower === 'to') {
    return lastBeforeComma(words, text, index + 1, MAX_SOURCE) !== undefined;
  }
  if (!LOWER_START.test(next.text) || !LOWER_START.test(afterNext.text)) return false;
  return !TITLE_LOWER.has(next.lower) || !TITLE_LOWER.has(afterNext.lower);
}
/** The longest source of an opening `According to`, in words, up to its comma. */
const MAX_SOURCE = 8;
/** Articles and possessives: the word after them is a noun's, whatever it may be elsewhere. */
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'our',
  'his',
  'her',
  'my',
  'your',
]);
/** Words titles write in lower case: articles, short prepositions and conjunctions. */
const TITLE_LOWER = new Set(
  'a an the and but or nor for so yet of in on at to by from with as up off out over into'.split(
    ' ',
  ),
);

/**
 * Whether the capitalised `The` at `index` opens a sentence although a capital follows it: after a
 * lower-case word that is neither a function word nor a noun that names a work (`the film The
 * …`), before a capitalised word that is not one of the names that take `The` and is itself
 * followed by a lower-case word (`together The Singapore government has`, not `The New York Times`).
 */
function opensSentenceBeforeName(words: readonly WordInfo[], index: number): boolean {
  if (words[index]!.text !== 'The') return false;
  const previous = words[index - 1]!;
  const name = words[index + 1]!;
  const afterName = words[index + 2];
  if (
    !endsClauseBefore(words, index) ||
    TITLE_NOUNS.has(previous.lower) ||
    !CAPITALISED.test(name.text) ||
    NAMES_AFTER_THE.has(name.lower) ||
    afterName === undefined
  ) {
    return false;
  }
  if (LOWER_START.test(afterName.text)) return !FUNCTION_WORDS.has(afterName.lower);
  return verbAfterName(words, index + 2);
}

/**
 * Whether a longer name that `The` opens is the subject of a verb right after it (`… 17,000 people
 * The Islamic Republic of Iran held a rally`, `… The Tourism Board recently announced`): its
 * capitalised words (with `of` and `and` between), perhaps an adverb, then a finite verb read on
 * its own, where a title would go on with its own words.
 */
function verbAfterName(words: readonly WordInfo[], from: number): boolean {
  let at = from;
  while (
    at < Math.min(words.length, from + MAX_NAME) &&
    (CAPITALISED.test(words[at]!.text) || NAME_JOINERS.has(words[at]!.text))
  ) {
    at++;
  }
  if (at === from || NAME_JOINERS.has(words[at - 1]!.text)) return false;
  let verb = words[at];
  if (verb && tagAlone(verb.lower) === 'ADV') verb = words[at + 1];
  return (
    verb !== undefined &&
    LOWER_START.test(verb.text) &&
    NAME_VERB.test(verb.lower) &&
    verbAlone(verb.lower)
  );
}
/** The longest name read after `The`, in words. */
const MAX_NAME = 6;
/** Lower-case words inside names: `the Islamic Republic of Iran`, `the Ministry of Science and Technology`. */
const NAME_JOINERS = new Set(['of', 'and']);
/** Finite forms, past or present: `held`, `announced`, `says`. */
const NAME_VERB =
  /(?:ed|s)$|^(?:held|said|made|took|gave|met|sent|led|won|set|put|told|began|became|issued|hit)$/u;

/**
 * Whether a common word, capitalised before a lower-case word, opens a sentence run into the one
 * before: the lexicon knows it as no name (`Rescuers`, `Dental`, `Industry`; not `Xinhua`, `Iran`,
 * nor `China` or `Bill`: `name-words.json`), the text does not write it capitalised elsewhere, and
 * the word before it ends a clause: a noun or number (`… the rubble Rescuers first pulled …`), an
 * adverb (`… tourists back Rescue teams …`), a participle after `be` (`… are about to be solved
 * Rescuers have …`), or a name, when the word is a verb form (`… southern Turkey Combined with …`).
 * After a verb, adjective or preposition a capitalised word is its object or its noun, and so a
 * name's (`visited Turkey`, `southern Turkey`), and after `the first time` or `the day` a name may
 * open a relative clause (`the first time China hosted`).
 */
function commonWordOpens(
  sentence: Sentence,
  text: string,
  words: readonly WordInfo[],
  index: number,
): boolean {
  const word = words[index]!;
  const previous = words[index - 1]!;
  if (!onlySpacesBetween(text, previous.end, word.start)) return false;
  if (FUNCTION_WORDS.has(previous.lower) || NAME_WORDS.has(word.lower)) return false;
  if (NATIONALITY.test(word.lower) || !isCommonWord(word.lower)) return false;
  if (capitalisedElsewhere(text, word.text, word.start)) return false;
  if (!LOWER_START.test(previous.text)) {
    // After a name: only a verb form, which no name of the kind `China Daily` ends with.
    return VERB_FORM.test(word.lower) && endsClauseBefore(words, index);
  }
  if (RELATIVE_HEADS.has(previous.lower) && determinedBefore(words, index - 1)) return false;
  const tags = tagSentence(sentence, text);
  const tag = tags[index - 1]!.tag;
  if (ENDS_CLAUSE.has(tag)) return true;
  return tag === 'VERB' && PARTICIPLE.test(previous.lower) && afterBe(words, index - 1);
}

/**
 * Whether a capitalised gerund opens the subject of a sentence run into the one before, whatever
 * follows it (`… of the tourism industry Promoting Chinese-style modernization is an …`): a common
 * word in `-ing` after a lower-case word where a clause may end (`commonWordOpens`; not a noun
 * that names a work: `the film Saving Private Ryan`), and a finite verb within a few words after it
 * with no mark between.
 */
function gerundSubjectOpens(
  sentence: Sentence,
  text: string,
  words: readonly WordInfo[],
  index: number,
): boolean {
  const previous = words[index - 1]!;
  if (!GERUND.test(words[index]!.text) || !LOWER_START.test(previous.text)) return false;
  if (TITLE_NOUNS.has(previous.lower) || !commonWordOpens(sentence, text, words, index)) {
    return false;
  }
  const tags = tagSentence(sentence, text);
  for (let at = index + 1; at < Math.min(tags.length, index + 1 + GERUND_SUBJECT); at++) {
    if (!onlySpacesBetween(text, tags[at - 1]!.end, tags[at]!.start)) return false;
    // (Read alone: an auxiliary, or a verb in `-s` or `-ed`; not one after `to`.)
    if (tags[at - 1]!.lower !== 'to' && hasFiniteVerb([tags[at]!])) return true;
  }
  return false;
}
/** A capitalised `-ing` form: `Promoting`, `Building`. */
const GERUND = /^\p{Lu}\p{Ll}+ing$/u;
/** How far after the gerund its clause's verb may come, in words. */
const GERUND_SUBJECT = 6;

/**
 * Whether the lower-case word at `index` is a name's first word that lost its capital with the
 * sentence it opens (`… have finally been launched xinhua News Agency commentator …`): a word the
 * lexicon does not know as a common one, after a lower-case word, before a capitalised one, with
 * only spaces between.
 */
function lowerCaseNameOpens(words: readonly WordInfo[], index: number, text: string): boolean {
  const word = words[index]!;
  const next = words[index + 1]!;
  const previous = words[index - 1]!;
  // Asked of every word: most are followed by one that opens with an ASCII letter other than a
  // capital, which no capitalised word does; that is told by a character code, before any expression.
  const nextFirst = next.text.charCodeAt(0);
  if (nextFirst < 128 && (nextFirst < 65 || nextFirst > 90)) return false;
  if ((!LOWER_WORD.test(word.text) && word.text !== 'he') || !CAPITALISED.test(next.text)) {
    return false;
  }
  if (!LOWER_START.test(previous.text) || FUNCTION_WORDS.has(previous.lower)) return false;
  if (!onlySpacesBetween(text, previous.end, word.start)) return false;
  if (!onlySpacesBetween(text, word.end, next.start)) return false;
  if (NAME_PARTICLES.has(word.lower) || NAME_PARTICLES.has(previous.lower)) return false;
  // `he` is also a surname (`… on costs he Lifeng, a member of …`): before a capitalised word
  // the lexicon does not know, it is a name's first word, as no pronoun comes before a name.
  if (word.text === 'he') return !isCommonWord(next.lower);
  return !isCommonWord(word.lower);
}
/** Particles inside names, written in lower case: `von der Leyen`, `van der Bellen`, `dos Santos`. */
const NAME_PARTICLES = new Set(
  'von van der den des del della dos das ter ten zu bin ibn abu'.split(' '),
);
/** A lower-case word of three letters or more (not `km`, `vs`). */
const LOWER_WORD = /^\p{Ll}{3,}$/u;

/** `-ing` and `-ed` forms: `Combined with …`, `Introducing new ways …`. */
const VERB_FORM = /(?:ing|ed)$/u;
/** Past participles that end a passive clause: `solved`, `launched`, `taken`. */
const PARTICIPLE = /(?:ed|en)$/u;
/** Participles after which a name follows: `was named Person of the Year`, `is called Dental …`. */
const NAMING = new Set(['called', 'named', 'dubbed', 'titled', 'entitled', 'renamed', 'known']);
const BE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were']);

/** Whether a form of `be` comes up to three words before the participle at `index`. */
function afterBe(words: readonly WordInfo[], index: number): boolean {
  if (NAMING.has(words[index]!.lower)) return false;
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (BE.has(words[back]!.lower)) return true;
  }
  return false;
}

/** Whether a determiner comes up to three words before `index`: `the first time`, `the day`. */
function determinedBefore(words: readonly WordInfo[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (DETERMINERS_OF_HEADS.has(words[back]!.lower)) return true;
  }
  return false;
}
const DETERMINERS_OF_HEADS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'every',
  'each',
  'any',
  'one',
]);

/**
 * Tags of a word that may end a clause before a sentence run into it: a noun or a number
 * (`… from the rubble Rescuers …`, `… killed 17,000 Rescue …`). After a verb, adjective or
 * preposition a capitalised word is its object or its noun, and so most likely a name (`visited
 * Turkey`, `southern Turkey`).
 */
const ENDS_CLAUSE = new Set(['NOUN', 'NUM', 'ADV']);
/**
 * Nouns after which a name may open a relative clause with no `that`: `the first time China
 * hosted`, `the day Turkey was hit`.
 */
const RELATIVE_HEADS = new Set(
  'time times day days year years week month moment way reason place thing things one ones night morning era period decade'.split(
    ' ',
  ),
);
/**
 * Adjectives of nations and languages (`Turkish`, `Chinese`, `American`, `Israeli`, `French`):
 * capitalised wherever they stand, and common in the subject of a relative clause (`the roads
 * Chinese firms built`).
 */
const NATIONALITY = /(?:ese|ish|ian|can|ean|[^l]i|ch|ek|ss)$/u;

/**
 * Whether the text writes `word`, capitalised, after a lower-case word somewhere else than at
 * `start`: a name recurs so (`… said China … ties with China …`), a common word does not.
 */
function capitalisedElsewhere(text: string, word: string, start: number): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
    if (at === start) continue;
    if (/\p{Ll}[ \t]+$/u.test(text.slice(Math.max(0, at - 4), at))) {
      const after = text.charCodeAt(at + word.length);
      // The whole word, not the start of a longer one (`Chinas`).
      if (Number.isNaN(after) || !/\p{L}/u.test(String.fromCharCode(after))) return true;
    }
  }
  return false;
}

/**
 * Whether the word before `index` may end a clause: a lower-case word that is not a function word
 * (`… developing together The …`), or a name after one (`… in neighboring Iran The …`, where
 * `Iran The` is no name of the kind `The Hague` is).
 */
function endsClauseBefore(words: readonly WordInfo[], index: number): boolean {
  const previous = words[index - 1]!;
  if (LOWER_START.test(previous.text)) return !FUNCTION_WORDS.has(previous.lower);
  const before = words[index - 2];
  return (
    CAPITALISED.test(previous.text) &&
    !FUNCTION_WORDS.has(previous.lower) &&
    before !== undefined &&
    LOWER_START.test(before.text) &&
    !TITLE_NOUNS.has(before.lower)
  );
}

/** Prepositions that open a sentence with its time: `In 2022, …`, `On Monday, …`. */
const TIME_PREPOSITIONS = new Set([
  'In',
  'On',
  'At',
  'By',
  'Since',
  'After',
  'Before',
  'During',
  'Until',
  'As',
]);
/** Months and days, which follow a preposition of time. */
const DATE_WORDS = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(
    ' ',
  ),
);

/**
 * Whether the capitalised preposition or `The` at `index` opens a sentence before a date or a
 * figure: `… for the industry In 2022, the …`, `… in April In March …`, `… the southeast The
 * 7.8-magnitude quake …`. A name or title does not join such words after a lower-case word.
 */
function opensSentenceBeforeDate(words: readonly WordInfo[], index: number): boolean {
  const word = words[index]!.text;
  const next = words[index + 1]!.text;
  const date = DIGIT_START.test(next) || (word !== 'The' && DATE_WORDS.has(next));
  if (!date || (word !== 'The' && !TIME_PREPOSITIONS.has(word))) return false;
  const previous = words[index - 1]!;
  return LOWER_START.test(previous.text) && !FUNCTION_WORDS.has(previous.lower);
}

/** How many words are looked for one by one before a set of all lower-case words pays off. */
const DIRECT_LOOKUPS = 4;

/**
 * Every word the text writes as its own lower case (one pass over the tree). Whether such a word
 * is all lower-case letters is asked of the few words looked up, not of every word here.
 */
function lowerCaseWords(tree: Root, text: string): Set<string> {
  const found = new Set<string>();
  for (const sentence of sentences(tree)) {
    for (const { text: value, lower } of sentenceWords(sentence, text)) {
      if (value === lower) found.add(value);
    }
  }
  return found;
}

/** Whether `lower` is among `lowerCaseWords(tree, text)`, found without building the set. */
function hasLowerCaseWord(tree: Root, text: string, lower: string): boolean {
  for (const sentence of sentences(tree)) {
    for (const word of sentenceWords(sentence, text)) {
      if (word.text === lower && word.lower === lower) return true;
    }
  }
  return false;
}

const ALL_LOWER = /^\p{Ll}+$/u;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
const DIGIT_START = /^\p{N}/u;
const LINE_BREAK = /[\r\n]/;
const ENDS_WITH_STOP = /[.!?]$/;

/** A headline in title case: most words of four letters or more start with a capital. */
function isTitleCase(words: readonly WordInfo[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (const { text } of words) {
    if (text.length < 4) continue;
    long++;
    if (UPPER_START.test(text)) capitalised++;
  }
  if (long < 3) return false;
  return capitalised / long >= 0.6;
}
