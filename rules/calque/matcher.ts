/**
 * Finds many fixed phrases in one pass over a text: phrases become word sequences in a trie keyed
 * by lower-cased words, built once; each word of the text starts at most one walk, no longer than
 * the longest phrase. Cost is linear in the text, whatever the number of phrases.
 */

/** What may stand between two words of a phrase: spaces, commas, hyphens, dashes, quotes. */
const SOFT_GAP = /^[ \t,'"“”‘’\-–—]*$/u;

export interface PhraseMatch<T> {
  value: T;
  start: number;
  end: number;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** A sentence end, a line break or other strong punctuation stands before this word. */
  hardBefore: boolean;
}

function normalise(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** Only spaces, commas, hyphens, dashes or quotes between `from` and `to`. */
function softGap(text: string, from: number, to: number): boolean {
  // Most gaps are one space: decide those without a slice and a regular expression.
  if (to - from === 1 && text.charCodeAt(from) === 32) return true;
  return SOFT_GAP.test(text.slice(from, to));
}

/** The words of `text`, in order, with their offsets. */
export function words(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (let start = nextWordStart(text, 0); start < text.length;) {
    const end = wordEnd(text, start);
    const hardBefore = !softGap(text, previousEnd, start);
    previousEnd = end;
    tokens.push({ word: normalise(text.slice(start, end)), start, end, hardBefore });
    start = nextWordStart(text, end);
  }
  return tokens;
}

/** ASCII upper case to lower case; anything else unchanged. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * A cheap key from a word's first two characters (0 for a one-letter word), lower-cased for ASCII;
 * -1 when either is outside ASCII, so that such words always take the full lookup.
 */
function prefixKey(word: string): number {
  const first = lowerAscii(word.charCodeAt(0));
  const second = word.length > 1 ? lowerAscii(word.charCodeAt(1)) : 0;
  return first < 128 && second < 128 ? first * 128 + second : -1;
}

/** ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128).map((_, code) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0,
);

/** Whether a character of the BMP is a letter or digit (`[\\p{L}\\p{N}]`): 1 yes, 2 no, 0 not known yet. */
const WORD_CHAR = new Uint8Array(0x10000);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** `[\p{L}\p{N}]` at `index`, by char code for ASCII, remembered per code for the rest of the BMP. */
function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_WORD[code] === 1;
  if (code >= 0xd800 && code <= 0xdbff) {
    return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(index)!));
  }
  let known = WORD_CHAR[code]!;
  if (known === 0) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CHAR[code] = known;
  }
  return known === 1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where the next word starts at or after `from` (`text.length` if none). */
function nextWordStart(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (ASCII_WORD[code] === 1) return index;
    } else if (isWordCharAt(text, index)) {
      return index;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      index++;
    }
  }
  return text.length;
}

/**
 * Where the word starting at `start` ends. A word is `[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*`:
 * letters and digits with inner apostrophes (`people's`); hyphens separate words.
 */
function wordEnd(text: string, start: number): number {
  let index = start;
  for (;;) {
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 128) {
        if (ASCII_WORD[code] === 0) break;
      } else if (!isWordCharAt(text, index)) {
        break;
      } else if (code >= 0xd800 && code <= 0xdbff) {
        index++;
      }
    }
    const code = text.charCodeAt(index);
    if (
      (code === 39 || code === 0x2019) &&
      index + 1 < text.length &&
      isWordCharAt(text, index + 1)
    ) {
      index++;
    } else {
      return index;
    }
  }
}

/** `prefixKey` of the word `text.slice(start, end)`, without making the string. */
function prefixKeyAt(text: string, start: number, end: number): number {
  const first = lowerAscii(text.charCodeAt(start));
  const second = end - start > 1 ? lowerAscii(text.charCodeAt(start + 1)) : 0;
  return first < 128 && second < 128 ? first * 128 + second : -1;
}

export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  /** Two-letter prefixes of the phrases' first words: most words are rejected on these alone. */
  private readonly firstPrefixes = new Uint8Array(128 * 128);

  /** Adds a phrase; returns false when an equal phrase (same words) is already there. */
  add(phrase: string, value: T): boolean {
    const sequence = words(phrase).map((token) => token.word);
    if (sequence.length === 0) throw new Error(`PhraseMatcher: phrase "${phrase}" has no words`);
    const key = prefixKey(sequence[0]!);
    if (key >= 0) this.firstPrefixes[key] = 1;
    let node = this.root;
    for (const word of sequence) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    if (node.value !== undefined) return false;
    node.value = value;
    return true;
  }

  /** Longest phrase at each place, left to right, never overlapping. */
  *matches(text: string): Generator<PhraseMatch<T>> {
    // Words are found by character class, not by a regular expression: this scan visits every word
    // of the document, and most are rejected on their first two letters without a string being
    // made. A walk into the trie reads ahead only while the words so far are a prefix of a phrase.
    let start = nextWordStart(text, 0);
    while (start < text.length) {
      let end = wordEnd(text, start);
      const key = prefixKeyAt(text, start, end);
      let node =
        key >= 0 && this.firstPrefixes[key] === 0
          ? undefined
          : this.root.next.get(normalise(text.slice(start, end)));
      let found: { value: T; end: number } | undefined;
      if (node) {
        if (node.value !== undefined) found = { value: node.value, end };
        while (node.next.size > 0) {
          const nextStart = nextWordStart(text, end);
          if (nextStart >= text.length || !softGap(text, end, nextStart)) break;
          const nextEnd = wordEnd(text, nextStart);
          node = node.next.get(normalise(text.slice(nextStart, nextEnd)));
          if (!node) break;
          end = nextEnd;
          if (node.value !== undefined) found = { value: node.value, end };
        }
      }
      if (found) {
        yield { value: found.value, start, end: found.end };
        start = nextWordStart(text, found.end);
      } else {
        start = nextWordStart(text, wordEnd(text, start));
      }
    }
  }
}
