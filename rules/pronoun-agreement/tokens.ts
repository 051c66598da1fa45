/**
 * The document as the rule reads it: sentences of tokens with exact offsets. nlcst gives words and
 * punctuation; a line break also ends a sentence here, since headlines and list items often have no
 * full stop and a pronoun never reaches across them to the line before as a clause subject would.
 */
import { toString, type Root, type Sentence } from '../../src/core/index.js';

export interface Token {
  /** The word without a possessive `'s` ("Bachelet" for "Bachelet's"). */
  text: string;
  /** Lower case, without a final full stop ("ms" for "Ms."). */
  bare: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with a capital letter. */
  capitalized: boolean;
  /** Written with a possessive `'s` or `’s`. */
  possessive: boolean;
}

export interface TokenSentence {
  /** Position of the sentence in the document. */
  index: number;
  tokens: Token[];
}

const POSSESSIVE = /['’]s$/u;

export function tokenize(tree: Root): TokenSentence[] {
  const result: TokenSentence[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) result.push({ index: result.length, tokens: current });
    current = [];
  };

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      for (const node of (sentence as Sentence).children) {
        if (node.type === 'WhiteSpaceNode') {
          if (/[\r\n]/.test(toString(node))) flush();
        } else {
          current.push(toToken(node));
        }
      }
      flush();
    }
  }
  return result;
}

function toToken(node: Sentence['children'][number]): Token {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  const raw = toString(node);
  if (node.type !== 'WordNode') {
    return { text: raw, bare: raw, start, end, word: false, capitalized: false, possessive: false };
  }
  const possessive = POSSESSIVE.test(raw) && raw.length > 2;
  const text = possessive ? raw.slice(0, -2) : raw;
  return {
    text,
    bare: text.toLowerCase().replace(/\.$/u, ''),
    start,
    end: possessive ? end - 2 : end,
    word: true,
    capitalized: /^\p{Lu}/u.test(text),
    possessive,
  };
}
