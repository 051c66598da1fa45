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
  /** Inside quotation marks: the quote's pronouns are the quoted speaker's, not the narrator's. */
  quoted?: number;
}

export interface TokenSentence {
  /** Position of the sentence in the document. */
  index: number;
  tokens: Token[];
}

export function tokenize(tree: Root): TokenSentence[] {
  const result: TokenSentence[] = [];
  let current: Token[] = [];
  // Which quotation a token is in (0: none). Straight quotes toggle; a line break closes any.
  let quote = 0;
  let quotes = 0;
  const flush = () => {
    if (current.length > 0) result.push({ index: result.length, tokens: current });
    current = [];
  };

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    quote = 0;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      let stopped = false;
      for (const node of (sentence as Sentence).children) {
        if (node.type === 'WhiteSpaceNode') {
          if (/[\r\n]/.test(node.value)) {
            flush();
            quote = 0;
          }
          continue;
        }
        const token = toToken(node);
        if (!token.word && /^["“”]$/u.test(token.text)) {
          quote = token.text === '”' || (token.text === '"' && quote) ? 0 : ++quotes;
        } else if (quote) token.quoted = quote;
        // "met Mr. Sun. He said": the parser keeps the stop on "Sun." and runs on.
        if (stopped && token.capitalized) flush();
        stopped = false;
        if (token.word && token.text.endsWith('.') && !isAbbreviation(token.text)) {
          const end = token.end - 1;
          const text = token.text.slice(0, -1);
          current.push({ ...token, text, end, capitalized: startsWithCapital(text) });
          current.push({ ...PUNCT, text: '.', bare: '.', start: end, end: end + 1 });
          stopped = true;
        } else current.push(token);
      }
      flush();
    }
  }
  return result;
}

const PUNCT: Token = {
  text: '',
  bare: '',
  start: 0,
  end: 0,
  word: false,
  capitalized: false,
  possessive: false,
};

/** Words whose full stop is part of them: "Mr.", "Dr.", "U.S.", "J." (an initial). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gen',
  'gov',
  'col',
  'lt',
  'capt',
  'sgt',
  'st',
  'mt',
  'jr',
  'sr',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'fig',
  'approx',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mme',
  'messrs',
  'rev',
  'hon',
  'pres',
  'vol',
  'pp',
  'ed',
]);

function isAbbreviation(word: string): boolean {
  const bare = word.slice(0, -1);
  return bare.length <= 1 || bare.includes('.') || ABBREVIATIONS.has(bare.toLowerCase());
}

function toToken(node: Sentence['children'][number]): Token {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  // Most words are one text node: read it directly rather than through toString.
  const only = 'children' in node && node.children.length === 1 ? node.children[0] : undefined;
  const raw = only && 'value' in only ? only.value : 'value' in node ? node.value : toString(node);
  if (node.type !== 'WordNode') {
    return { text: raw, bare: raw, start, end, word: false, capitalized: false, possessive: false };
  }
  // Plain string tests rather than regular expressions: this runs for every word of the document.
  const possessive = (raw.endsWith("'s") || raw.endsWith('’s')) && raw.length > 2;
  const text = possessive ? raw.slice(0, -2) : raw;
  const lower = text.toLowerCase();
  return {
    text,
    bare: lower.endsWith('.') ? lower.slice(0, -1) : lower,
    start,
    end: possessive ? end - 2 : end,
    word: true,
    capitalized: startsWithCapital(text),
    possessive,
  };
}

/** `/^\p{Lu}/u`, answered without the expression for ASCII letters and digits. */
function startsWithCapital(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return false;
  return /^\p{Lu}/u.test(text);
}
