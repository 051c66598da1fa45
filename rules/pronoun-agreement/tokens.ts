/**
 * The document as the rule reads it: sentences of tokens with exact offsets. The words are the
 * document's shared words (`sentenceWords`: their text, lower case and offsets, read once for every
 * rule), the punctuation nlcst's; a line break also ends a sentence here, since headlines and list
 * items often have no full stop and a pronoun never reaches across them to the line before as a
 * clause subject would.
 */
import {
  ABBREVIATIONS,
  sentenceWords,
  toString,
  type Root,
  type Sentence,
  type SentenceContent,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import { HONORIFICS, NOT_NAME_WORDS, PRONOUNS, TITLE_WORDS } from './lexicon.js';

/**
 * A word or a punctuation mark. A document has thousands, so a token is kept small: its four
 * yes/no properties and its quotation share one number (`bits`) and are read through getters.
 */
export class Token {
  constructor(
    /** The word without a possessive `'s` ("Bachelet" for "Bachelet's"). */
    readonly text: string,
    /** Lower case, without a final full stop ("ms" for "Ms."). */
    readonly bare: string,
    readonly start: number,
    readonly end: number,
    private readonly bits: number,
  ) {}

  get word(): boolean {
    return (this.bits & WORD) !== 0;
  }

  /** Starts with a capital letter. */
  get capitalized(): boolean {
    return (this.bits & CAPITALIZED) !== 0;
  }

  /** Written with a possessive `'s` or `’s`. */
  get possessive(): boolean {
    return (this.bits & POSSESSIVE) !== 0;
  }

  /** Could be a word of a person's name (`isNameWord` in mentions.ts), decided once here. */
  get nameWord(): boolean {
    return (this.bits & NAME_WORD) !== 0;
  }

  /**
   * Which quotation the token is in, 0 for none: the quote's pronouns are the quoted speaker's, not
   * the narrator's.
   */
  get quoted(): number {
    return this.bits >>> QUOTE_SHIFT;
  }
}

const WORD = 1;
const CAPITALIZED = 2;
const POSSESSIVE = 4;
const NAME_WORD = 8;
/** The quotation's number is kept in the bits above the flags. */
const QUOTE_SHIFT = 4;

export interface TokenSentence {
  /** Position of the sentence in the document. */
  index: number;
  tokens: Token[];
}

/** The sentences of `tree`, parsed from `text` (the document the rule is given). */
export function tokenize(tree: Root, text: string): TokenSentence[] {
  const result: TokenSentence[] = [];
  // The sentence being read, in a buffer reused for every sentence: each sentence then gets an
  // array of exactly its length rather than one grown push by push.
  const current: Token[] = [];
  let count = 0;
  // Which quotation a token is in (0: none). Straight quotes toggle; a line break closes any.
  let quote = 0;
  let quotes = 0;
  const flush = () => {
    if (count > 0) result.push({ index: result.length, tokens: current.slice(0, count) });
    count = 0;
  };

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    quote = 0;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      let stopped = false;
      // The sentence's words in the order of its word nodes: the next one is `words[next]`.
      const words = sentenceWords(sentence as Sentence, text);
      let next = 0;
      for (const node of (sentence as Sentence).children) {
        if (node.type === 'WhiteSpaceNode') {
          if (hasLineBreak(node.value)) {
            flush();
            quote = 0;
          }
          continue;
        }
        let token: Token;
        if (node.type === 'WordNode') token = toWord(words[next++]!, quote);
        else {
          const text = rawText(node);
          const mark = isQuotationMark(text);
          if (mark) quote = text === '”' || (text === '"' && quote) ? 0 : ++quotes;
          token = punctuation(text, node, mark ? 0 : quote);
        }
        // "met Mr. Sun. He said": the parser keeps the stop on "Sun." and runs on.
        if (stopped && token.capitalized) flush();
        stopped = false;
        if (token.word && endsWithStop(token.text) && !isAbbreviation(token.text)) {
          current[count++] = withoutStop(token);
          current[count++] = stopAfter(token);
          stopped = true;
        } else current[count++] = token;
      }
      flush();
    }
  }
  return result;
}

/** `/[\r\n]/`, without the expression: this runs for every space of the document. */
function hasLineBreak(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const code = value.charCodeAt(k);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

function isQuotationMark(text: string): boolean {
  return text === '"' || text === '“' || text === '”';
}

/** `Mr.`, `No.`, `U.S.`, `J.`: a stop that is an abbreviation's, not a sentence's (the shared list). */
function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  return bare.length <= 1 || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase());
}

function toWord(info: WordInfo, quoted: number): Token {
  const { text: raw, start, end } = info;
  const possessive = isPossessive(raw);
  if (!possessive) return word(raw, withoutFinalStop(info.lower), start, end, false, quoted);
  const text = raw.slice(0, -2);
  return word(text, bareOf(text), start, end - 2, true, quoted);
}

/**
 * A shared word's `bare` as its token has it (`bareOf` of the word without a possessive), read
 * from the lower case the shared words already hold when there is no possessive to take off.
 */
export function bareOfWord(info: WordInfo): string {
  return isPossessive(info.text) ? bareOf(info.text.slice(0, -2)) : withoutFinalStop(info.lower);
}

/** A punctuation or symbol node's text; the shared words hold the words'. */
function rawText(node: SentenceContent): string {
  return 'value' in node ? node.value : toString(node);
}

// Character codes rather than regular expressions or endsWith: these run for every word.

export function endsWithStop(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 46;
}

/** Ends with `'s` or `’s` after at least one character. */
export function isPossessive(raw: string): boolean {
  const last = raw.length - 1;
  if (last < 2 || raw.charCodeAt(last) !== 115) return false;
  const mark = raw.charCodeAt(last - 1);
  return mark === 39 || mark === 0x2019;
}

/** Lower case, without a final full stop. */
export function bareOf(text: string): string {
  return withoutFinalStop(lowerCase(text));
}

function withoutFinalStop(lower: string): string {
  return endsWithStop(lower) ? lower.slice(0, -1) : lower;
}

/**
 * `text.toLowerCase()`, but the same string when no letter needs lowering: V8 copies the string
 * even then, and most words of a document are lower case already.
 */
function lowerCase(text: string): string {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 65 && code <= 90) || code >= 128) return text.toLowerCase();
  }
  return text;
}

/**
 * Each word of the document as `tokenize` reads it (the shared words: with any possessive `'s`,
 * before a full stop is split off), in order, until `stop` returns true; true if it did. For the
 * document-wide tests in prefilter.ts, which must read words exactly as the tokens do.
 */
export function someWord(tree: Root, text: string, stop: (word: WordInfo) => boolean): boolean {
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      for (const word of sentenceWords(sentence as Sentence, text)) {
        if (stop(word)) return true;
      }
    }
  }
  return false;
}

/** "Sun." without its full stop; the stop becomes a token of its own (`stopAfter`). */
function withoutStop(token: Token): Token {
  const text = token.text.slice(0, -1);
  return word(text, token.bare, token.start, token.end - 1, token.possessive, token.quoted);
}

function stopAfter(token: Token): Token {
  return new Token('.', '.', token.end - 1, token.end, 0);
}

function word(
  text: string,
  bare: string,
  start: number,
  end: number,
  possessive: boolean,
  quoted: number,
): Token {
  let bits = WORD | (quoted << QUOTE_SHIFT);
  if (possessive) bits |= POSSESSIVE;
  if (startsWithCapital(text)) {
    bits |= CAPITALIZED;
    // Decided here, once per word: the name finder asks it several times of each capitalised word.
    const nameWord = isNameShaped(text) && !NEVER_NAME_WORDS.has(bare);
    if (nameWord) bits |= NAME_WORD;
  }
  return new Token(text, bare, start, end, bits);
}

function punctuation(text: string, node: SentenceContent, quoted: number): Token {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  return new Token(text, text, start, end, quoted << QUOTE_SHIFT);
}

/** `/^\p{Lu}/u`, answered without the expression for ASCII letters and digits. */
function startsWithCapital(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return false;
  return /^\p{Lu}/u.test(text);
}

/** Capitalised words that are never part of a name: four word lists, one look-up. */
const NEVER_NAME_WORDS: ReadonlySet<string> = new Set([
  ...NOT_NAME_WORDS,
  ...TITLE_WORDS,
  ...HONORIFICS.keys(),
  ...PRONOUNS.keys(),
]);

const NAME_SHAPE = /^\p{Lu}[\p{L}'’-]*$/u;

/**
 * `NAME_SHAPE` for a word known to start with a capital: a capital, then letters, apostrophes and
 * hyphens. ASCII is checked by character code; anything else goes to the expression.
 */
function isNameShaped(text: string): boolean {
  for (let k = 1; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const ascii =
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45;
    if (ascii) continue;
    return code < 128 ? false : NAME_SHAPE.test(text);
  }
  return true;
}
