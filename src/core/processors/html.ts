import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { ProseBuilder, referenceAt } from './prose-builder.js';
import type { BlockKind, Processor } from './types.js';

const parser = unified().use(rehypeParse).freeze();

/** HTML: the text of elements a reader sees; scripts, styles, code and tags are not prose. */
export const htmlProcessor: Processor = {
  format: 'html',
  process(original) {
    const builder = new ProseBuilder(original);
    walkHtml(parser.parse(original) as HastRoot, builder);
    return builder.finish();
  },
};

/** Blocks whose kind the markup says. */
const HTML_KINDS: Partial<Record<string, BlockKind>> = {
  h1: 'headline',
  h2: 'headline',
  h3: 'headline',
  h4: 'headline',
  h5: 'headline',
  h6: 'headline',
  li: 'list-item',
  dt: 'list-item',
  blockquote: 'quotation',
  figcaption: 'caption',
  caption: 'caption',
};

/** Elements whose content is never prose. */
const HTML_SKIPPED = new Set([
  'head',
  'script',
  'style',
  'pre',
  'template',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'iframe',
  'object',
  'canvas',
  'audio',
  'video',
]);
/** Inline elements that are not prose but take a word's place. */
const HTML_PLACEHOLDERS = new Set(['code', 'kbd', 'samp', 'var', 'img', 'input', 'button']);
/** Elements that end a paragraph (everything else is inline and joins its neighbours). */
const HTML_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

function walkHtml(node: HastNodes, builder: ProseBuilder): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (node.type === 'root') {
    for (const child of node.children) walkHtml(child, builder);
    return;
  }
  if (start === undefined || end === undefined) {
    // Elements the parser implied (html, body, tbody) have no place; their children do.
    if (node.type === 'element') for (const child of node.children) walkHtml(child, builder);
    return;
  }
  switch (node.type) {
    case 'text':
      builder.text(node.value, textStart(builder.source, node.value, start), end);
      return;
    case 'comment':
      builder.comment(node.value, start, end);
      return;
    case 'element': {
      const tag = node.tagName;
      if (HTML_SKIPPED.has(tag)) {
        builder.blockBreak(start);
        return;
      }
      if (HTML_PLACEHOLDERS.has(tag)) {
        builder.placeholder(start, end);
        return;
      }
      if (tag === 'br') {
        builder.lineBreak(start);
        return;
      }
      const kind = HTML_KINDS[tag];
      if (kind) builder.enter(kind, start);
      const block = HTML_BLOCKS.has(tag);
      if (block) builder.blockBreak(start);
      for (const child of node.children) walkHtml(child, builder);
      if (block) builder.blockBreak(end);
      if (kind) builder.leave(end);
      return;
    }
    default:
      return; // doctype
  }
}

/** Longest character reference looked back for (`&CounterClockwiseContourIntegral;` is 33). */
const MAX_REFERENCE = 40;

/**
 * Where a text node really starts. The parser drops white space before the first element, and a
 * text node that then opens with a character reference is placed at the reference's last
 * character (`  &amp;x` gives the text `&x` at `;x`): its start is moved back to the reference's
 * `&`. Any other text starts where the parser says.
 */
function textStart(source: string, value: string, start: number): number {
  if (source[start] !== ';' || value.startsWith(';')) return start;
  const from = source.lastIndexOf('&', start);
  if (from < 0 || start - from > MAX_REFERENCE) return start;
  return from + referenceAt(source, from) === start + 1 ? from : start;
}
