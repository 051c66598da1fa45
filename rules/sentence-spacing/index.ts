import { z } from 'zod';
import { defineRule, paragraphs, toString } from '../../src/core/rule-kit.js';

const SPACES_ONLY = /^ +$/;

export default defineRule({
  meta: {
    id: 'sentence-spacing',
    category: 'fluency/punctuation',
    severity: 'info',
    description: 'More or fewer spaces between sentences than the house style',
    messages: {
      spacing: 'Unexpected {{actual}} between sentences, expected {{expected}}',
    },
    options: z
      .object({
        preferred: z
          .union([z.literal(1), z.literal(2)])
          .default(1)
          .describe('spaces expected between sentences'),
      })
      .strict()
      .prefault({}),
    safeFixes: ['spacing'],
    examples: {
      invalid: ['The talks ended.  The delegation left.', 'It rained.   It poured.'],
      valid: [
        'The talks ended. The delegation left.',
        // Line breaks between sentences are a layout choice, not spacing.
        'The talks ended.\nThe delegation left.',
      ],
    },
  },
  // What retext-sentence-spacing checks, without its walk over every node of the tree (which cost
  // more than the parse): only the white space between two sentences of a paragraph can differ.
  create({ preferred }, { report }) {
    const spaces = (count: number) => `${count} space${count === 1 ? '' : 's'}`;
    return (tree, file) => {
      for (const paragraph of paragraphs(tree)) {
        const children = paragraph.children;
        for (let index = 1; index < children.length - 1; index++) {
          const child = children[index]!;
          if (
            child.type !== 'WhiteSpaceNode' ||
            children[index - 1]!.type !== 'SentenceNode' ||
            children[index + 1]!.type !== 'SentenceNode'
          ) {
            continue;
          }
          const value = toString(child);
          if (value.length === preferred || !SPACES_ONLY.test(value)) continue;
          report(file, {
            at: child,
            messageId: 'spacing',
            data: { actual: spaces(value.length), expected: spaces(preferred) },
            expected: [' '.repeat(preferred)],
          });
        }
      }
    };
  },
});
