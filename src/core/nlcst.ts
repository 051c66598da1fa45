/** Small, shared helpers for walking nlcst trees in rules. */
import type { Paragraph, Root, Sentence, SentenceContent, Word } from 'nlcst';
import { toString } from 'nlcst-to-string';

export { toString };
export { visit, SKIP, EXIT, CONTINUE } from 'unist-util-visit';
export type { Paragraph, Root, Sentence, SentenceContent, Word };

/** Every paragraph of the document, in order. */
export function paragraphs(tree: Root): Paragraph[] {
  return tree.children.filter((node): node is Paragraph => node.type === 'ParagraphNode');
}

/** Every sentence of the document, in order. */
export function sentences(tree: Root): Sentence[] {
  const found: Sentence[] = [];
  for (const paragraph of paragraphs(tree)) {
    for (const node of paragraph.children) if (node.type === 'SentenceNode') found.push(node);
  }
  return found;
}

/** The words of a sentence, in order. */
export function wordsOf(sentence: Sentence): Word[] {
  return sentence.children.filter((node): node is Word => node.type === 'WordNode');
}

/**
 * The text of a node, read from the document by its offsets: the same string as `toString(node)`
 * for parsed nodes, without walking the node's children (rules call this for every word).
 */
export function textOf(text: string, node: { position?: import('unist').Position }): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? toString(node as Word) : text.slice(start, end);
}

/** A word of a sentence with its text and offsets, as rules look at it. */
export interface WordInfo {
  node: Word;
  /** The word as written. */
  text: string;
  /** Lower-cased text, for look-ups. */
  lower: string;
  start: number;
  end: number;
}

declare module 'unist' {
  interface Data {
    /** The words of a sentence as rules look at them: see `sentenceWords`. */
    mtlintWords?: WordInfo[];
  }
}

/**
 * The words of a sentence with their text and offsets, read once per document from `text` (the
 * document the sentence was parsed from) and shared by every rule that asks.
 *
 * Remembered in the sentence node's `data`, so the memo lives and dies with the tree. (A module-level
 * WeakMap keyed by nodes looked equivalent but made V8's young-generation collector keep every tree
 * alive through two collections and promote it: GC took half the CPU of a rule that used it.)
 */
export function sentenceWords(sentence: Sentence, text: string): WordInfo[] {
  let words = sentence.data?.mtlintWords;
  if (!words) {
    words = [];
    for (const node of sentence.children) {
      if (node.type !== 'WordNode') continue;
      const position = node.position;
      const from = position?.start.offset;
      const to = position?.end.offset;
      // As textOf, with the offsets read once; a word of one text node (most words) is that
      // node's string, the same characters, rather than a second copy of them.
      const only = node.children.length === 1 ? node.children[0] : undefined;
      const value =
        from === undefined || to === undefined
          ? toString(node)
          : only?.type === 'TextNode' && only.value.length === to - from
            ? only.value
            : text.slice(from, to);
      const start = from ?? 0;
      words.push({ node, text: value, lower: lowerCase(value), start, end: to ?? start });
    }
    (sentence.data ??= {}).mtlintWords = words;
  }
  return words;
}

/**
 * `value.toLowerCase()`, but `value` itself when no character needs lowering: V8 copies the string
 * even then, and most words of a document are written in lower case.
 */
function lowerCase(value: string): string {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code >= 65 && code <= 90) || code >= 128) return value.toLowerCase();
  }
  return value;
}
