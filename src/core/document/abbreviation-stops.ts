/**
 * parse-english reads a full stop after `in`, `sat`, `sun`, `mar` or `wed` as an abbreviation's
 * (inches, Saturday, Sunday, March, Wednesday), whatever their case and whatever comes before, and
 * joins the next sentence to the one it ends: `The union gave in. Talks resume on Monday.` became
 * one sentence, and `the death toll in.` (a sentence cut short) lost its stop to the word. Here a
 * stop after these words ends the sentence unless the word is capitalised (`Sat.`, `Sun.`) or, for
 * `in`, follows a small figure (`a 5 in. screen`).
 */
import type { Paragraph, Sentence, SentenceContent, Text } from 'nlcst';

/** Words that parse-english always takes for abbreviations but English mostly writes as words. */
const WORDS = new Set(['in', 'sat', 'sun', 'mar', 'wed']);
/** A measure in inches: a small figure (`5 in.`, `3.5 in.`), not a count (`rose to 20,665 in.`). */
const INCHES = /^\d{1,3}(?:\.\d+)?$/u;

type ParagraphPlugin = (paragraph: Paragraph) => void;

/**
 * `plugins` with parse-english's prefix-exception plugin (recognised by what it does: the one plugin
 * that joins `It sat.` to the sentence after it) made to leave these stops alone. If not exactly one
 * plugin does that, the list is returned as it is.
 */
export function withWordStops<P extends ParagraphPlugin>(plugins: readonly P[]): P[] {
  const mergers = plugins.filter((plugin) => {
    const paragraph = probe();
    plugin(paragraph);
    return paragraph.children.length === 1;
  });
  if (mergers.length !== 1) return [...plugins];
  const merger = mergers[0]!;
  const guarded = ((paragraph: Paragraph) => {
    // The plugin asks each sentence's last word what it is: the words kept as words are shown to
    // it with a character no abbreviation has, and given back their text after it ran.
    const hidden: Text[] = [];
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      const text = wordBeforeStop(sentence);
      if (text) {
        text.value += '\u0000';
        hidden.push(text);
      }
    }
    merger(paragraph);
    for (const text of hidden) text.value = text.value.slice(0, -1);
  }) as P;
  return plugins.map((plugin) => (plugin === merger ? guarded : plugin));
}

/** The text of the sentence's last word when it is one of WORDS used as a word, before a `.`. */
function wordBeforeStop(sentence: Sentence): Text | undefined {
  const children = sentence.children;
  const stop = children.at(-1);
  const word = children.at(-2);
  if (stop?.type !== 'PunctuationNode' || stop.value !== '.') return undefined;
  if (word?.type !== 'WordNode' || word.children.length !== 1) return undefined;
  const text = word.children[0]!;
  if (text.type !== 'TextNode' || !WORDS.has(text.value)) return undefined;
  if (text.value === 'in' && INCHES.test(previousWord(children))) return undefined;
  return text;
}

/** What stands before the last word, up to the white space before it (`20,665`, not `665`). */
function previousWord(children: readonly SentenceContent[]): string {
  let index = children.length - 3;
  while (index >= 0 && children[index]!.type === 'WhiteSpaceNode') index--;
  let value = '';
  for (; index >= 0; index--) {
    const node = children[index]!;
    if (node.type === 'WhiteSpaceNode') break;
    value =
      ('children' in node
        ? node.children.map((child) => ('value' in child ? child.value : '')).join('')
        : node.value) + value;
  }
  return value;
}

/** A paragraph of two sentences, `It sat.` and ` Then`: the prefix-exception plugin joins them. */
function probe(): Paragraph {
  const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
  const span = (start: number, end: number) => ({ start: at(start), end: at(end) });
  const word = (value: string, start: number): SentenceContent => ({
    type: 'WordNode',
    children: [{ type: 'TextNode', value, position: span(start, start + value.length) }],
    position: span(start, start + value.length),
  });
  const first: Sentence = {
    type: 'SentenceNode',
    children: [
      word('It', 0),
      { type: 'WhiteSpaceNode', value: ' ', position: span(2, 3) },
      word('sat', 3),
      { type: 'PunctuationNode', value: '.', position: span(6, 7) },
    ],
    position: span(0, 7),
  };
  // Sentences are cut right after their stop, so the white space opens the next one.
  const second: Sentence = {
    type: 'SentenceNode',
    children: [{ type: 'WhiteSpaceNode', value: ' ', position: span(7, 8) }, word('Then', 8)],
    position: span(7, 12),
  };
  return { type: 'ParagraphNode', children: [first, second], position: span(0, 12) };
}
