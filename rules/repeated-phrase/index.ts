import {
  defineRule,
  loadJson,
  sentences,
  textOf,
  sentenceWords,
  type Sentence,
} from '../../src/core/index.js';

const IDIOMS = new Set(loadJson<{ words: string[] }>(import.meta.url, './idioms.json').words);
const COORDINATORS = new Set(['and', 'or']);
/** The longest phrase looked for, in words: the scan is linear, this many steps per word. */
const MAX_PHRASE = 6;

interface Token {
  value: string;
  lower: string;
  start: number;
  end: number;
  /** Only spaces (no punctuation, no line break) separate this word from the one before. */
  joined: boolean;
}

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
        'The development or development of the region matters.',
      ],
      valid: [
        'Prices rose again and again.',
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
      ],
    },
  },
  create(_options, { report }) {
    return (tree, file) => {
      for (const sentence of sentences(tree)) {
        const tokens = tokensOf(sentence, String(file.value));

        for (let index = 1; index + 1 < tokens.length; index++) {
          const middle = tokens[index]!;
          if (!COORDINATORS.has(middle.lower)) continue;
          const left = tokens[index - 1]!;
          const right = tokens[index + 1]!;
          if (!middle.joined || !right.joined || left.lower !== right.lower) continue;
          if (!/^\p{L}{2,}$/u.test(left.value) || isIdiomatic(left.lower)) continue;
          report(file, {
            at: { start: left.start, end: right.end },
            messageId: 'coordinated',
            data: { actual: `${left.value} ${middle.value} ${right.value}` },
            expected: [left.value],
          });
          index++;
        }

        // A phrase of 2..MAX_PHRASE words followed at once by itself: `in the in the`.
        for (let index = 0; index < tokens.length; index++) {
          for (let size = 2; size <= MAX_PHRASE && index + 2 * size <= tokens.length; size++) {
            if (!repeatsAt(tokens, index, size)) continue;
            const first = tokens[index]!;
            const lastOfFirst = tokens[index + size - 1]!;
            const lastOfSecond = tokens[index + 2 * size - 1]!;
            const phrase = tokens
              .slice(index, index + size)
              .map((token) => token.value)
              .join(' ');
            report(file, {
              at: { start: first.start, end: lastOfSecond.end },
              messageId: 'phrase',
              data: { phrase },
              expected: [String(file.value).slice(first.start, lastOfFirst.end)],
            });
            index += 2 * size - 1;
            break;
          }
        }
      }
    };
  },
});

/** The words of a sentence, each knowing whether only spaces separate it from the one before. */
function tokensOf(sentence: Sentence, text: string): Token[] {
  const words = sentenceWords(sentence, text);
  const tokens: Token[] = [];
  let joined = false;
  for (const node of sentence.children) {
    if (node.type === 'WordNode') {
      const word = words[tokens.length]!;
      tokens.push({
        value: word.text,
        lower: word.lower,
        start: word.start,
        end: word.end,
        joined,
      });
      joined = true;
    } else if (node.type === 'WhiteSpaceNode') {
      if (/[\r\n]/.test(textOf(text, node))) joined = false;
    } else {
      joined = false;
    }
  }
  return tokens;
}

function repeatsAt(tokens: Token[], index: number, size: number): boolean {
  let allSame = true;
  let hasLetters = false;
  for (let offset = 0; offset < size; offset++) {
    const a = tokens[index + offset]!;
    const b = tokens[index + size + offset]!;
    if (a.lower !== b.lower) return false;
    // The whole stretch must run on with nothing but spaces between its words.
    if (offset > 0 && !a.joined) return false;
    if (!b.joined) return false;
    if (a.lower !== tokens[index]!.lower) allSame = false;
    if (/\p{L}/u.test(a.value)) hasLetters = true;
  }
  // `ha ha ha ha` is one word repeated (repeated-words' concern); number runs are data.
  return !allSame && hasLetters;
}

/** Coordinations English uses for emphasis: `again and again`, `better and better`, `years and years`. */
function isIdiomatic(word: string): boolean {
  if (IDIOMS.has(word)) return true;
  if (/(?:er|ier)$/.test(word)) return true;
  return /(?:years|months|weeks|days|hours|minutes|miles|times|ages|tons)$/.test(word);
}
