import {
  defineRule,
  loadWordList,
  sentences,
  sentenceWords,
  tagSentence,
  type TaggedWord,
  type Sentence,
  type SentenceContent,
  type WordInfo,
} from '../../src/core/rule-kit.js';

const IDIOMS = loadWordList(import.meta.url, './idioms.json');
const COORDINATORS = new Set(['and', 'or']);
/** The longest phrase looked for, in words: the scan is linear, this many steps per word. */
const MAX_PHRASE = 6;

export default defineRule({
  meta: {
    id: 'repeated-phrase',
    category: 'fluency/grammar',
    severity: 'error',
    description:
      'A word coordinated with itself ("the support and support of") or a phrase said twice in a row',
    messages: {
      coordinated:
        '`{{actual}}` coordinates a word with itself: one of them is a mistranslation or should go',
      phrase: 'The phrase `{{phrase}}` is repeated back to back',
    },
    examples: {
      invalid: [
        'The initiatives have won the support and support of the international community.',
        'The plan was discussed in the in the meeting.',
        'Exports rose by 5 percent by 5 percent last year.',
        'They will promote and promote cooperation.',
        "We don't and don't want to wait.",
        'It is a small-mass and small-mass black hole.',
        'Some member and member countries objected.',
        'The development or development of the region matters.',
        'Better stay away from this and this sound.',
        'He believed that and that nature would prevent it.',
        'Two black holes are approaching each other and other.',
        'Can we really and really embed robots in every part?',
      ],
      valid: [
        'Prices rose again and again.',
        'The hole falls faster and faster and makes a louder sound.',
        'The talks went on and on.',
        'More and more people came.',
        'The economy is getting better and better.',
        'They waited for years and years.',
        'He had had enough.',
        'She said that that plan would work.',
        'Going, going, gone.',
        'Support, support and more support, they said.',
        'The talks, the talks they held, went well.',
        'Call 1 2 3 4 1 2 3 4 now.',
        'Both sides met; the sides agreed.',
        'BEIJING, May 28 (Xinhua) -- The UN and the WHO met.',
        '“Now, now,” he said, “the talks go on.”',
        'Xi meets Macron in Beijing and Macron meets Li',
        'I did that and that was the end of it.',
        'He had tried many and many a time.',
      ],
    },
  },
  create(_options, { report }) {
    return (tree, file) => {
      const text = String(file.value);
      // Whether words run on with only spaces between them is asked only of the rare candidates
      // (a coordinator between equal words, two equal words a phrase apart), so it is worked out
      // once per sentence when first asked, and most sentences never pay for it. One function
      // per document answers for the sentence at hand.
      let sentence: Sentence;
      let words: readonly WordInfo[];
      let joins: Uint8Array | undefined;
      const joined = (index: number): boolean =>
        (joins ??= joinsOf(sentence, text, words.length))[index] === 1;

      for (sentence of sentences(tree)) {
        words = sentenceWords(sentence, text);
        joins = undefined;

        for (let index = 1; index + 1 < words.length; index++) {
          const middle = words[index]!;
          if (!COORDINATORS.has(middle.lower)) continue;
          const left = words[index - 1]!;
          const right = words[index + 1]!;
          if (left.lower !== right.lower || !joined(index) || !joined(index + 1)) continue;
          if (!LETTERS_ONLY.test(left.text)) continue;
          const after = words[index + 2];
          const before = words[index - 2];
          // `more and more than 3,500`, `five years and years`: the idiom takes neither.
          const misused =
            (after?.lower === 'than' && joined(index + 2)) ||
            (IDIOMATIC_ENDING.test(left.lower) && before !== undefined && isNumber(before.lower));
          if (isIdiomatic(left.lower) && !misused) continue;
          // `better and better`, `faster and faster`: a comparative, not a noun in `-er` such as
          // `member`, `number` or `order`; the tagger tells them apart (asked only here, rarely).
          if (
            left.lower.endsWith('er') &&
            !NOT_COMPARATIVES.has(left.lower) &&
            isComparative(tagSentence(sentence, text)[index - 1])
          )
            continue;
          // `I did that and that was it`, `one and one is two`: the second word opens a clause
          // (its verb comes next) after a verb or preposition; `this and this sound`, `that and
          // that it rejects`, `the DNA that and that makes`, `like this and this.` say it twice.
          if (DEMONSTRATIVES.has(left.lower) && after && joined(index + 2)) {
            const tagged = tagSentence(sentence, text);
            if (isVerb(tagged[index + 2]) && !NOUN_TAGS.has(tagged[index - 2]?.tag ?? '')) {
              continue;
            }
          }
          if (left.lower === 'many' && (after?.lower === 'a' || after?.lower === 'an')) continue;
          report(file, {
            at: { start: left.start, end: right.end },
            messageId: 'coordinated',
            data: { actual: `${left.text} ${middle.text} ${right.text}` },
            expected: [left.text],
          });
          index++;
        }

        // A phrase of 2..MAX_PHRASE words followed at once by itself: `in the in the`.
        for (let index = 0; index < words.length; index++) {
          for (let size = 2; size <= MAX_PHRASE && index + 2 * size <= words.length; size++) {
            if (!repeatsAt(words, index, size, joined)) continue;
            // `faster and faster and louder`: an idiomatic `X and X`, then another `and`.
            if (size === 2 && COORDINATORS.has(words[index + 1]!.lower)) continue;
            const first = words[index]!;
            const lastOfFirst = words[index + size - 1]!;
            const lastOfSecond = words[index + 2 * size - 1]!;
            const phrase = words
              .slice(index, index + size)
              .map((word) => word.text)
              .join(' ');
            report(file, {
              at: { start: first.start, end: lastOfSecond.end },
              messageId: 'phrase',
              data: { phrase },
              expected: [text.slice(first.start, lastOfFirst.end)],
            });
            index += 2 * size - 1;
            break;
          }
        }
      }
    };
  },
});

/** A word of letters, with inner apostrophes or hyphens: `support`, `don't`, `small-mass`. */
const LETTERS_ONLY = /^\p{L}[\p{L}'’-]*\p{L}$/u;
const LETTER = /\p{L}/u;
const IDIOMATIC_ENDING = /(?:years|months|weeks|days|hours|minutes|miles|times|ages|tons)$/;

/**
 * For each word of a sentence, 1 if only spaces (no punctuation, no line break) separate it from
 * the word before, else 0 (always 0 for the first word).
 */
function joinsOf(sentence: Sentence, text: string, count: number): Uint8Array {
  const joins = new Uint8Array(count);
  let index = 0;
  let joined = false;
  for (const node of sentence.children) {
    if (node.type === 'WordNode') {
      joins[index++] = joined ? 1 : 0;
      joined = true;
    } else if (node.type !== 'WhiteSpaceNode' || hasLineBreak(text, node, node.value)) {
      joined = false;
    }
  }
  return joins;
}

/** Whether a node holds a line break: read from the document, as `textOf` would, without a slice. */
function hasLineBreak(text: string, node: SentenceContent, value: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return /[\r\n]/.test(value);
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

function repeatsAt(
  words: readonly WordInfo[],
  index: number,
  size: number,
  joined: (index: number) => boolean,
): boolean {
  // Equal words first: the test that almost always fails, and costs nothing.
  for (let offset = 0; offset < size; offset++) {
    if (words[index + offset]!.lower !== words[index + size + offset]!.lower) return false;
  }
  let allSame = true;
  let hasLetters = false;
  for (let offset = 0; offset < size; offset++) {
    const a = words[index + offset]!;
    // The whole stretch must run on with nothing but spaces between its words.
    if (offset > 0 && !joined(index + offset)) return false;
    if (!joined(index + size + offset)) return false;
    if (a.lower !== words[index]!.lower) allSame = false;
    if (LETTER.test(a.text)) hasLetters = true;
  }
  // `ha ha ha ha` is one word repeated (repeated-words' concern); number runs are data.
  return !allSame && hasLetters;
}

/** Demonstratives and `one`: said twice around `and` only where the second opens a clause. */
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'one']);
const NOUN_TAGS = new Set(['NOUN', 'PROPN']);
/** A figure or a number word: `five years and years` counts what the idiom leaves uncounted. */
function isNumber(word: string): boolean {
  return /^\p{N}/u.test(word) || NUMBER_WORDS.has(word);
}
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions few several'.split(
    ' ',
  ),
);
/** Words in `-er` that are no comparatives: `each other and other`, `never and never`. */
const NOT_COMPARATIVES = new Set([
  'other',
  'another',
  'never',
  'either',
  'neither',
  'together',
  'rather',
  'under',
  'after',
]);

function isVerb(word: TaggedWord | undefined): boolean {
  return word?.tag === 'VERB' || word?.tag === 'AUX';
}

function isComparative(word: TaggedWord | undefined): boolean {
  return word?.tag === 'ADJ' || word?.tag === 'ADV';
}

/** Coordinations English uses for emphasis: `again and again`, `better and better`, `years and years`. */
function isIdiomatic(word: string): boolean {
  return IDIOMS.has(word) || IDIOMATIC_ENDING.test(word);
}
