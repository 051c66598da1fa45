import retextIndefiniteArticle from 'retext-indefinite-article';
import type { Root, Sentence, SentenceContent, Word } from 'nlcst';
import { defineRule, sentences, toString } from '../../src/core/rule-kit.js';

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

type Plugin = ReturnType<typeof retextIndefiniteArticle>;

/**
 * The word the plugin compares an article with: past one white space and at most one quote or
 * bracket (the plugin's own `after`, same expression); undefined when there is none, and then
 * the plugin says nothing.
 */
function following(children: readonly SentenceContent[], index: number): Word | undefined {
  let sibling = children[index + 1];
  if (sibling?.type !== 'WhiteSpaceNode') return undefined;
  sibling = children[index + 2];
  if (sibling?.type === 'PunctuationNode' && /^[“”‘’'"()[\]]$/.test(toString(sibling))) {
    sibling = children[index + 3];
  }
  return sibling?.type === 'WordNode' ? sibling : undefined;
}

/** Whether no word comes before `index` (the plugin's `firstWord`). */
function opensSentence(children: readonly SentenceContent[], index: number): boolean {
  for (let before = index - 1; before >= 0; before--) {
    if (children[before]!.type === 'WordNode') return false;
  }
  return true;
}

/**
 * The plugin's verdict on an article and the word after it, remembered per process: whether it
 * reports the pair. Its decision reads only the article as written, the next word's text and,
 * for a capital `A`, whether the article opens the sentence (its `firstWord`); it is asked once
 * per pair, on a sentence of just these words. Most articles are right, and a text uses the same
 * few pairs again and again (`a new`, `an important`): the plugin's walk and its word lists, the
 * costliest part of this rule, then run only for the pairs it reports. Bounded, as words read
 * alone are in pos.ts: when full, it starts over.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 50_000;

function reportsPair(plugin: Plugin, article: string, next: string, opens: boolean): boolean {
  const key = `${opens ? 1 : 0}${article} ${next}`;
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = pluginReports(plugin, article, next, opens);
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}

/** Runs the plugin on `article next` (after another word unless `opens`): does it report? */
function pluginReports(plugin: Plugin, article: string, next: string, opens: boolean): boolean {
  const word = (value: string): Word => ({
    type: 'WordNode',
    children: [{ type: 'TextNode', value }],
  });
  const space: SentenceContent = { type: 'WhiteSpaceNode', value: ' ' };
  const children: SentenceContent[] = [word(article), space, word(next)];
  if (!opens) children.unshift(word('x'), space);
  const tree: Root = {
    type: 'RootNode',
    children: [{ type: 'ParagraphNode', children: [{ type: 'SentenceNode', children }] }],
  };
  let reported = false;
  const file = {
    message() {
      reported = true;
      return {};
    },
  };
  plugin(tree, file as unknown as Parameters<Plugin>[1]);
  return reported;
}

/**
 * The parts of each sentence that the plugin needs to see: a few nodes from every article it may
 * report onwards (from the sentence start for a capital `A`, which the plugin treats as a letter
 * unless it opens the sentence). Overlapping parts are merged so that no article is checked twice.
 */
function neighbourhoods(tree: Root, plugin: Plugin): Sentence[] {
  const parts: Sentence[] = [];
  for (const sentence of sentences(tree)) {
    const children = sentence.children;
    /** Ranges of this sentence, [start, end). */
    const ranges: [number, number][] = [];
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      const kind = article(node);
      if (!kind) continue;
      // An article with no word after it, or whose pair the plugin does not report, is left out.
      const next = following(children, index);
      if (!next) continue;
      const written = (node as Word).children[0]! as { value: string };
      const opens = written.value === 'A' && opensSentence(children, index);
      if (!reportsPair(plugin, written.value, toString(next), opens)) continue;
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
  // the tree, which costs more than the parse, so it is shown only the few nodes around the
  // articles it reports (see `reportsPair`).
  create: () => {
    const check = retextIndefiniteArticle();
    return (tree, file) => {
      const parts = neighbourhoods(tree, check);
      if (parts.length === 0) return;
      const view: Root = {
        type: 'RootNode',
        children: [{ type: 'ParagraphNode', children: parts }],
      };
      check(view, file);
    };
  },
});
