import { parseDirective } from './directives.js';
import type { Directive, Processor, Prose } from './types.js';

/** A line that holds only a directive comment: `<!-- mtlint-disable-next-line calque -->`. */
const DIRECTIVE_LINE = /^[ \t]*<!--(.*?)-->[ \t]*$/gm;

/**
 * Plain text is its own prose. Directives are written as in Markdown, a comment alone on its line
 * (`<!-- mtlint-disable rule-id -->`); the comment is blanked with spaces, so the linted text keeps
 * the original's length and every offset maps to itself.
 */
export const textProcessor: Processor = {
  format: 'text',
  process(original: string): Prose {
    if (!original.includes('<!--')) {
      return { text: original, starts: null, ends: null, hints: [], directives: [] };
    }
    const directives: Directive[] = [];
    let text = original;
    for (const match of original.matchAll(DIRECTIVE_LINE)) {
      const directive = parseDirective(match[1]!, match.index, match.index + match[0].length);
      if (!directive) continue;
      directives.push(directive);
      text = text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(directive.end);
    }
    return { text, starts: null, ends: null, hints: [], directives };
  },
};
