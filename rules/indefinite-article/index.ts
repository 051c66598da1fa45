import retextIndefiniteArticle from 'retext-indefinite-article';
import type { Root, Sentence, SentenceContent } from 'nlcst';
import { defineRule, sentences } from '../../src/core/rule-kit.js';

/** How far after an article the plugin looks: white space, an optional quote, the next word. */
const LOOKAHEAD = 4;

/** `a`, `an`, `A` or `An` as written (a word node of one text node). */
function article(node: SentenceContent): 'lower' | 'capital' | undefined {
  if (node.type !== 'WordNode' || node.children.length !== 1) return undefined;
  const only = node.children[0]!;
  if (only.type !== 'TextNode') return undefined;
  const value = only.value;
  if (value === 'a' || value === 'an') return 'lower';
  if (value === 'A' || value === 'An' || value === 'AN') return 'capital';
  return undefined;
}

/**
 * The parts of each sentence that the plugin needs to see: a few nodes from every article onwards
 * (from the sentence start for a capital `A`, which the plugin treats as a letter unless it opens
 * the sentence). Overlapping parts are merged so that no article is checked twice.
 */
function neighbourhoods(tree: Root): Sentence[] {
  const parts: Sentence[] = [];
  for (const sentence of sentences(tree)) {
    const children = sentence.children;
    /** Ranges of this sentence, [start, end). */
    const ranges: [number, number][] = [];
    for (let index = 0; index < children.length; index++) {
      const kind = article(children[index]!);
      if (!kind) continue;
      const end = Math.min(children.length, index + LOOKAHEAD);
      // A capital article needs everything before it: one range from the sentence start.
      if (kind === 'capital') ranges.length = 0;
      const last = ranges[ranges.length - 1];
      if (kind === 'capital') ranges.push([0, end]);
      else if (last && index <= last[1]) last[1] = end;
      else ranges.push([index, end]);
    }
    for (const [start, end] of ranges) {
      parts.push({ ...sentence, children: children.slice(start, end) });
    }
  }
  return parts;
}

export default defineRule({
  meta: {
    id: 'indefinite-article',
    category: 'fluency/grammar',
    severity: 'warning',
    description: '"a" before a vowel sound or "an" before a consonant sound',
    messages: {},
    examples: {
      invalid: [
        'It was a important meeting.',
        'She gave an speech.',
        'An university opened. It was a honour.',
      ],
      valid: [
        'It was an important meeting.',
        'She met a UN official for an hour.',
        'Station A equals B.',
      ],
    },
  },
  // retext-indefinite-article knows which words take `a` and which `an` (`a UN official`, `an
  // hour`); its messages are relabelled with this rule's id by the engine. It walks every node of
  // the tree, which costs more than the parse, so it is shown only the few nodes around articles.
  create: () => {
    const check = retextIndefiniteArticle();
    return (tree, file) => {
      const parts = neighbourhoods(tree);
      if (parts.length === 0) return;
      const view: Root = {
        type: 'RootNode',
        children: [{ type: 'ParagraphNode', children: parts }],
      };
      check(view, file);
    };
  },
});
