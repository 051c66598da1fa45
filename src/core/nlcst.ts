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

/** Start and end offsets of a node (parsed nodes always have them). */
export function offsets(node: { position?: import('unist').Position }): {
  start: number;
  end: number;
} {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}
