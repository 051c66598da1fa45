import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { ProseBuilder } from './prose-builder.js';
import type { BlockKind, Processor } from './types.js';

// GitHub's Markdown, as newsrooms' repositories and most editors write it: without its tables,
// a table's rows were one paragraph, read as one sentence across every cell.
const parser = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .freeze();

/**
 * Markdown (CommonMark with GitHub's tables, footnotes, task lists and strikethrough): prose of
 * paragraphs, headings and table cells, each cell a block of its own; code, front matter and URLs
 * are not.
 */
export const markdownProcessor: Processor = {
  format: 'markdown',
  process(original) {
    const builder = new ProseBuilder(original);
    walkMarkdown(parser.parse(original) as MdastRoot, builder);
    return builder.finish();
  },
};

/** Blocks whose kind the markup says. */
const MARKDOWN_KINDS: Partial<Record<string, BlockKind>> = {
  heading: 'headline',
  listItem: 'list-item',
  blockquote: 'quotation',
};

const MARKDOWN_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const MARKDOWN_INLINE_PLACEHOLDERS = new Set([
  'inlineCode',
  'image',
  'imageReference',
  'footnoteReference',
  'inlineMath',
]);

function walkMarkdown(node: MdastNodes, builder: ProseBuilder): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    if ('children' in node) for (const child of node.children) walkMarkdown(child, builder);
    return;
  }
  switch (node.type) {
    case 'text':
      builder.text(node.value, start, end);
      return;
    case 'html':
      builder.rawComments(node.value, start);
      return;
    case 'break':
      builder.lineBreak(start);
      return;
    case 'link':
      // An autolink (`<https://…>`) shows its address: that is not prose.
      if (node.children.length === 1 && isAddress(node.children[0], node.url)) {
        builder.placeholder(start, end);
        return;
      }
      break;
    default:
      if (MARKDOWN_INLINE_PLACEHOLDERS.has(node.type)) {
        builder.placeholder(start, end);
        return;
      }
  }
  if (!('children' in node)) {
    builder.blockBreak(start); // code, front matter, thematic breaks, definitions...
    return;
  }
  const kind = MARKDOWN_KINDS[node.type];
  if (kind) builder.enter(kind, start);
  const block = MARKDOWN_BLOCKS.has(node.type);
  if (block) builder.blockBreak(start);
  for (const child of node.children) walkMarkdown(child as MdastNodes, builder);
  if (block) builder.blockBreak(end);
  if (kind) builder.leave(end);
}

function isAddress(child: MdastNodes | undefined, url: string): boolean {
  return child?.type === 'text' && (child.value === url || `mailto:${child.value}` === url);
}
