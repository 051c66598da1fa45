import retextRepeatedWords from 'retext-repeated-words';
import {
  defineRule,
  sentences,
  sentenceWords,
  type Root,
  type Sentence,
} from '../../src/core/rule-kit.js';

/**
 * The sentences where some word equals, case aside, the word before it: the only ones where the
 * plugin can find anything. Read from the shared per-sentence words, so the plugin's own walk (a
 * string and an object for every word of the document) runs only on these few.
 */
function candidates(tree: Root, text: string): Sentence[] {
  const found: Sentence[] = [];
  for (const sentence of sentences(tree)) {
    const words = sentenceWords(sentence, text);
    for (let index = 1; index < words.length; index++) {
      if (words[index]!.lower === words[index - 1]!.lower) {
        found.push(sentence);
        break;
      }
    }
  }
  return found;
}

export default defineRule({
  meta: {
    id: 'repeated-words',
    category: 'fluency/grammar',
    severity: 'error',
    description: 'The same word twice in a row, as in "the the"',
    messages: {},
    safeFixes: ['repeated-words'],
    examples: {
      invalid: ['He visited the the exhibition.', 'It was was a success.'],
      valid: ['He had had enough.', 'She said that that plan would work.'],
    },
  },
  // retext-repeated-words already knows the words English legitimately doubles ("had had",
  // "that that"); its messages are relabelled with this rule's id by the engine. It is shown only
  // the sentences where it can find something: whole sentences, so it judges them as ever.
  create: () => {
    const check = retextRepeatedWords();
    return (tree, file) => {
      const found = candidates(tree, String(file.value));
      if (found.length === 0) return;
      const before = file.messages.length;
      check({ type: 'RootNode', children: [{ type: 'ParagraphNode', children: found }] }, file);
      // The plugin suggests the second word; keeping the first is what an editor does, and what
      // `--fix` may apply: "The the talks" becomes "The talks", not "the talks".
      for (const message of file.messages.slice(before)) {
        const second = message.expected?.[0];
        const first = message.actual?.slice(0, second?.length);
        if (second && first?.toLowerCase() === second.toLowerCase()) message.expected = [first];
      }
    };
  },
});
