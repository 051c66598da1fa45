import retextRepeatedWords from 'retext-repeated-words';
import {
  defineRule,
  loadWordList,
  sentences,
  sentenceWords,
  type Root,
  type Sentence,
} from '../../src/core/rule-kit.js';

/**
 * The sentences where some word equals, case aside, the word before it: the only ones where the
 * plugin can find anything. Read from the shared per-sentence words, so the plugin's own walk (a
 * string and an object for every word of the document) runs only on these few.
 */
function candidates(tree: Root, text: string): Sentence[] {
  const found: Sentence[] = [];
  for (const sentence of sentences(tree)) {
    const words = sentenceWords(sentence, text);
    for (let index = 1; index < words.length; index++) {
      if (words[index]!.lower === words[index - 1]!.lower) {
        found.push(sentence);
        break;
      }
    }
  }
  return found;
}

/** Names that are a word said twice (`Bora Bora`, `Walla Walla`): doubled on purpose. */
const DOUBLED_NAMES = new Set(loadWordList(import.meta.url, './doubled-names.json'));
/**
 * A romanised Chinese syllable: Chinese given names double one (`Fang Fang`, `Li Li`), and a
 * translation may write such a name in two words.
 */
const PINYIN_SYLLABLE =
  /^(?:[bp-tj-nfdghxzcyw]|zh|ch|sh)?(?:i(?:a(?:ng?|o)?|e|ng?|ong|u)?|u(?:a(?:i|ng?)?|[eino])?|a(?:i|ng?|o)?|e(?:i|ng?|r)?|o(?:ng|u)?|v)$/;
/**
 * Whether the word at `start` opens a sentence: nothing but punctuation between it and the
 * sentence's start or a stop the parser did not split at (`He left. the The talks`).
 */
function opensSentence(text: string, start: number, sentenceStart: number): boolean {
  for (let at = start - 1; at >= sentenceStart; at--) {
    const char = text[at]!;
    if (char === '.' || char === '!' || char === '?') return true;
    // A bracketed aside before it (`(Laughter) You You can't`) is read past.
    if (char === ')') {
      const open = text.lastIndexOf('(', at);
      if (open >= sentenceStart) at = open;
      continue;
    }
    if (LETTER_OR_DIGIT.test(char)) return false;
  }
  return true;
}

/**
 * Whether a word may be a romanised Chinese syllable, doubled in a given name. The pattern lets
 * through `so`, `to`, `do`, `go`: `o` alone follows only `b`, `p`, `m`, `f` (and `w`, `y`).
 */
function isSyllable(word: string): boolean {
  return PINYIN_SYLLABLE.test(word) && !/^(?:[^bpmfwy]|zh|ch|sh)o$/.test(word);
}

/** Words that make what follows a common noun's phrase, not a person's name: `the Big Bang Bang`. */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'your', 'his', 'her', 'their', 'its']);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A capitalised word: a capital, then lower case only (`Health`, `The`; not `IT` or `D.`). */
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}$/u;

/**
 * Function words that open sentences (`In`, `We`, `So`, `There`): doubled at a sentence start and
 * followed by another word (`We We believe`, `There There was`), they are a word said twice, even
 * where the word is also a romanised syllable (`He`, `In`) or a spoken doubling (`There there`).
 */
const OPENERS = new Set(loadWordList(import.meta.url, './sentence-openers.json'));

/** Whether the node after `index` (past white space) is a word: the sentence runs on. */
function wordFollows(sentence: Sentence, index: number): boolean {
  let next = index + 1;
  while (sentence.children[next]?.type === 'WhiteSpaceNode') next++;
  return next > index + 1 && sentence.children[next]?.type === 'WordNode';
}

/**
 * `Health Health`, `The The first batch`, `the The`: the plugin takes every capitalised word said twice for
 * a name (`Duran Duran`), which almost none of them are in translated text. The walk is the
 * plugin's: words with only white space between them.
 */
function capitalisedDoubles(
  sentence: Sentence,
  text: string,
): { start: number; end: number; word: string; kept: string }[] {
  const found: { start: number; end: number; word: string; kept: string }[] = [];
  let previous: { value: string; start: number; first: boolean } | undefined;
  const sentenceStart = sentence.position?.start.offset ?? 0;
  let afterSpace = false;
  const children = sentence.children;
  // Whether the capitalised words just read follow a determiner: `the Sun Sun` is no name.
  let afterDeterminer = false;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'WordNode') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const value = text.slice(start, end);
      const lower = value.toLowerCase();
      if (
        afterSpace &&
        previous?.value.toLowerCase() === lower &&
        CAPITALISED.test(value) &&
        ((previous.first && OPENERS.has(lower) && wordFollows(sentence, index)) ||
          (!DOUBLED_NAMES.has(lower) && (afterDeterminer || !isSyllable(lower))))
      ) {
        // `the The talks` opening a sentence: the word kept needs the capital.
        const kept = previous.first
          ? previous.value.charAt(0).toUpperCase() + previous.value.slice(1)
          : previous.value;
        found.push({ start: previous.start, end, word: previous.value, kept });
      }
      if (DETERMINERS.has(lower)) afterDeterminer = true;
      else if (!/^\p{Lu}/u.test(value)) afterDeterminer = false;
      previous = {
        value,
        start,
        first: opensSentence(text, start, sentenceStart),
      };
      afterSpace = false;
    } else if (node.type === 'WhiteSpaceNode' && previous) {
      afterSpace = true;
    } else {
      previous = undefined;
      afterSpace = false;
    }
  }
  return found;
}

/** Before `can can`, the noun the dance is named by: `the can-can`, written without its hyphen. */
const BEFORE_DANCE = new Set(['the', 'a']);

/**
 * `We can can see`: the plugin lets `can can` pass (the dance, or `can` a verb after the modal),
 * but a modal said twice before another word is a word said twice.
 */
function modalDoubles(
  sentence: Sentence,
  text: string,
): { start: number; end: number; word: string }[] {
  const found: { start: number; end: number; word: string }[] = [];
  const words = sentenceWords(sentence, text);
  for (let index = 1; index + 1 < words.length; index++) {
    const first = words[index - 1]!;
    const second = words[index]!;
    if (first.lower !== 'can' || second.text !== 'can') continue;
    if (BEFORE_DANCE.has(words[index - 2]?.lower ?? '')) continue;
    if (!/^[ \t]+$/.test(text.slice(first.end, second.start))) continue;
    found.push({ start: first.start, end: second.end, word: first.text });
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'repeated-words',
    category: 'fluency/grammar',
    severity: 'error',
    description: 'The same word twice in a row, as in "the the"',
    messages: {
      capitalised: 'Unexpected repeated `{{word}}`, remove one occurrence',
      modal: 'Unexpected repeated `{{word}}`, remove one occurrence',
    },
    safeFixes: ['repeated-words'],
    examples: {
      invalid: [
        'He visited the the exhibition.',
        'It was was a success.',
        'The The first batch of pensions was sold.',
        'The Health Health Commission met.',
        'We We believe that supply will stay tight.',
        'There There was also a voice shouting.',
        'In In the southern city, rescuers worked on.',
        'We can can predict what this sound will be.',
        'Our Sun Sun will not collapse into a black hole.',
      ],
      valid: [
        'He had had enough.',
        'She said that that plan would work.',
        'They flew to Bora Bora on Monday.',
        'Fang Fang, a shop owner from Guangdong, spoke.',
        'He He, 34, runs a shop in Hefei.',
        'They danced the can can all night.',
        'Yes, we can. Can we go now?',
      ],
    },
  },
  // retext-repeated-words already knows the words English legitimately doubles ("had had",
  // "that that"); its messages are relabelled with this rule's id by the engine. It is shown only
  // the sentences where it can find something: whole sentences, so it judges them as ever.
  create: (_options, { report }) => {
    const check = retextRepeatedWords();
    return (tree, file) => {
      const text = String(file.value);
      const found = candidates(tree, text);
      if (found.length === 0) return;
      for (const sentence of found) {
        for (const { start, end, word } of modalDoubles(sentence, text)) {
          report(file, {
            at: { start, end },
            messageId: 'modal',
            data: { word },
            expected: [word],
          });
        }
        for (const { start, end, word, kept } of capitalisedDoubles(sentence, text)) {
          // A capitalised pair may still be a name the list does not know: a warning at most.
          report(file, {
            at: { start, end },
            messageId: 'capitalised',
            data: { word },
            expected: [kept],
            severity: 'warning',
          });
        }
      }
      const before = file.messages.length;
      check({ type: 'RootNode', children: [{ type: 'ParagraphNode', children: found }] }, file);
      // The plugin suggests the second word; keeping the first is what an editor does, and what
      // `--fix` may apply: "The the talks" becomes "The talks", not "the talks".
      for (const message of file.messages.slice(before)) {
        const second = message.expected?.[0];
        const first = message.actual?.slice(0, second?.length);
        if (second && first?.toLowerCase() === second.toLowerCase()) message.expected = [first];
      }
    };
  },
});
