/**
 * Finds many fixed phrases in one pass over a text: phrases become word sequences in a trie keyed
 * by lower-cased words, built once; each word of the text starts at most one walk, no longer than
 * the longest phrase. Cost is linear in the text, whatever the number of phrases.
 */

/** Words: letters and digits, with inner apostrophes (`people's`); hyphens separate words. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
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
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const hardBefore = !softGap(text, previousEnd, start);
    previousEnd = start + match[0].length;
    tokens.push({ word: normalise(match[0]), start, end: previousEnd, hardBefore });
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
    // Words are read as the scan reaches them; a walk into the trie reads ahead only while the
    // words so far are a prefix of some phrase, and almost every word is no phrase's first word.
    const scan = new RegExp(WORD);
    const ahead = new RegExp(WORD);
    let match: RegExpExecArray | null;
    while ((match = scan.exec(text)) !== null) {
      const start = match.index;
      const key = prefixKey(match[0]);
      if (key >= 0 && this.firstPrefixes[key] === 0) continue;
      let node = this.root.next.get(normalise(match[0]));
      if (!node) continue;
      let end = start + match[0].length;
      let found: { value: T; end: number } | undefined =
        node.value === undefined ? undefined : { value: node.value, end };
      ahead.lastIndex = end;
      while (node.next.size > 0) {
        const next = ahead.exec(text);
        if (!next || !softGap(text, end, next.index)) break;
        node = node.next.get(normalise(next[0]));
        if (!node) break;
        end = next.index + next[0].length;
        if (node.value !== undefined) found = { value: node.value, end };
      }
      if (found) {
        yield { value: found.value, start, end: found.end };
        scan.lastIndex = found.end;
      }
    }
  }
}
