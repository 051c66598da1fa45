/**
 * Markdown and HTML hold prose among markup. The engine lints a string, so each document becomes
 * the string of its prose alone (markup dropped, blocks separated by a blank line, inline code and
 * URLs replaced by one neutral placeholder), with a map from every character of that string back to
 * the place it came from. Diagnostics are then mapped back: positions always point into the file.
 *
 * Blanking markup with spaces instead would keep offsets without a map, but it turns
 * `[the report](https://…), which` into `the report     , which`: a space before a comma that the
 * author never wrote. Dropping markup keeps the prose as a reader sees it.
 */
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { unified } from 'unified';

export type DocumentKind = 'text' | 'markdown' | 'html';

const MARKDOWN = /\.(?:md|markdown|mdown|mkd|mkdn|mdx)$/i;
const HTML = /\.(?:html?|xhtml)$/i;

export function kindOf(path: string): DocumentKind {
  if (MARKDOWN.test(path)) return 'markdown';
  if (HTML.test(path)) return 'html';
  return 'text';
}

/** An inline `<!-- mtlint-... -->` comment. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Original offsets of the comment. */
  start: number;
  end: number;
}

export interface Prose {
  /** What the engine lints. */
  text: string;
  /** For each character of `text`, the original range it stands for; null when `text` is the file. */
  starts: Int32Array | null;
  ends: Int32Array | null;
  directives: Directive[];
}

/** Stands in for inline code, images and URLs: not a letter, not punctuation any rule looks at. */
export const PLACEHOLDER = '\u2022';

type Parse = (source: string) => unknown;
const parsers: Partial<Record<Exclude<DocumentKind, 'text'>, Parse>> = {};

/**
 * Loads the Markdown or HTML parser once, on first need: a run over plain text never pays for
 * them (each costs about as much to import as Node takes to start).
 */
export async function loadParser(kind: DocumentKind): Promise<void> {
  if (kind === 'text' || parsers[kind]) return;
  if (kind === 'markdown') {
    const [{ default: remarkParse }, { default: remarkFrontmatter }] = await Promise.all([
      import('remark-parse'),
      import('remark-frontmatter'),
    ]);
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
    parsers.markdown = (source) => processor.parse(source);
  } else {
    const { default: rehypeParse } = await import('rehype-parse');
    const processor = unified().use(rehypeParse).freeze();
    parsers.html = (source) => processor.parse(source);
  }
}

/** Call `loadParser(kind)` first for Markdown and HTML. */
export function extractProse(source: string, kind: DocumentKind): Prose {
  if (kind === 'text') return { text: source, starts: null, ends: null, directives: [] };
  const parse = parsers[kind];
  if (!parse) throw new Error(`the ${kind} parser is not loaded (call loadParser first)`);
  const builder = new ProseBuilder(source);
  if (kind === 'markdown') walkMarkdown(parse(source) as MdastRoot, builder);
  else walkHtml(parse(source) as HastRoot, builder);
  return builder.finish();
}

/** A URL in running text: linted as one placeholder, never as words. */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]/gi;

class ProseBuilder {
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private length = 0;
  readonly directives: Directive[] = [];

  constructor(readonly source: string) {}

  /** Text whose characters stand for `source[start, end)`, aligned character by character. */
  text(value: string, start: number, end: number): void {
    const map = align(value, this.source.slice(start, end), start);
    let index = 0;
    for (const url of value.matchAll(URL_IN_TEXT)) {
      this.mapped(value, map, index, url.index);
      const last = url.index + url[0].length - 1;
      this.emit(PLACEHOLDER, map.starts[url.index]!, map.ends[last]!);
      index = last + 1;
    }
    this.mapped(value, map, index, value.length);
  }

  /** Something inline that is not prose but takes a word's place (inline code, an image). */
  placeholder(start: number, end: number): void {
    this.emit(PLACEHOLDER, start, end);
  }

  lineBreak(at: number): void {
    this.emit('\n', at, at);
  }

  /** Ends the current block: what follows starts a new paragraph. */
  blockBreak(at: number): void {
    if (this.length === 0) return;
    const tail = this.pieces.slice(-2).join('');
    if (tail.endsWith('\n\n')) return;
    this.emit(tail.endsWith('\n') ? '\n' : '\n\n', at, at);
  }

  comment(body: string, start: number, end: number): void {
    const directive = parseDirective(body, start, end);
    if (directive) this.directives.push(directive);
  }

  finish(): Prose {
    return {
      text: this.pieces.join(''),
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
      directives: this.directives,
    };
  }

  private mapped(value: string, map: Alignment, from: number, to: number): void {
    for (let index = from; index < to; index++) {
      this.emit(value[index]!, map.starts[index]!, map.ends[index]!);
    }
  }

  private emit(text: string, start: number, end: number): void {
    this.pieces.push(text);
    for (let index = 0; index < text.length; index++) {
      this.starts.push(start);
      this.ends.push(end);
    }
    this.length += text.length;
  }
}

interface Alignment {
  starts: number[];
  ends: number[];
}

const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);?/iy;
/** How far ahead a character of the parsed value is looked for in the source before giving up. */
const LOOKAHEAD = 64;

/**
 * Maps each character of a parsed text value to the source range it came from. The value differs
 * from the source where the parser removed something (escapes, `>` of block quotes, indentation,
 * `\r`) or decoded a character reference (`&rsquo;`): removed source characters are skipped, and a
 * decoded character stands for its whole reference.
 */
function align(value: string, source: string, base: number): Alignment {
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (let j = 0; j < value.length;) {
    const char = value[j]!;
    if (source[i] === '&') {
      ENTITY.lastIndex = i;
      const reference = ENTITY.exec(source)?.[0];
      if (reference && value.slice(j, j + reference.length) !== reference) {
        const units = /[\uD800-\uDBFF]/.test(char) ? 2 : 1;
        for (let unit = 0; unit < units && j < value.length; unit++, j++) {
          starts.push(base + i);
          ends.push(base + i + reference.length);
        }
        i += reference.length;
        continue;
      }
    }
    if (source[i] !== char) {
      const found = source.indexOf(char, i);
      if (found !== -1 && found - i <= LOOKAHEAD) i = found;
    }
    if (source[i] === char) {
      starts.push(base + i);
      ends.push(base + i + 1);
      i++;
    } else {
      starts.push(base + i);
      ends.push(base + i);
    }
    j++;
  }
  return { starts, ends };
}

function parseDirective(body: string, start: number, end: number): Directive | undefined {
  const words = body.trim().split(/\s+/);
  const match = /^mtlint-(disable-next-line|disable-line|disable|enable)$/.exec(words[0] ?? '');
  if (!match) return undefined;
  const rest = words.slice(1);
  const reason = rest.indexOf('--');
  const rules = (reason === -1 ? rest : rest.slice(0, reason))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  return { kind: match[1] as Directive['kind'], rules, start, end };
}

/** Finds every `<!-- ... -->` in a piece of raw HTML (Markdown's html nodes). */
function scanComments(raw: string, base: number, builder: ProseBuilder): void {
  for (let open = raw.indexOf('<!--'); open !== -1; open = raw.indexOf('<!--', open + 4)) {
    const close = raw.indexOf('-->', open + 4);
    if (close === -1) return;
    builder.comment(raw.slice(open + 4, close), base + open, base + close + 3);
  }
}

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
      scanComments(node.value, start, builder);
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
  const block = MARKDOWN_BLOCKS.has(node.type);
  if (block) builder.blockBreak(start);
  for (const child of node.children) walkMarkdown(child as MdastNodes, builder);
  if (block) builder.blockBreak(end);
}

function isAddress(child: MdastNodes | undefined, url: string): boolean {
  return child?.type === 'text' && (child.value === url || `mailto:${child.value}` === url);
}

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
      builder.text(node.value, start, end);
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
      const block = HTML_BLOCKS.has(tag);
      if (block) builder.blockBreak(start);
      for (const child of node.children) walkHtml(child, builder);
      if (block) builder.blockBreak(end);
      return;
    }
    default:
      return; // doctype
  }
}

/** Maps a span of the prose string back to the original file. */
export function toOriginal(prose: Prose, offset: number, length: number): [number, number] {
  if (!prose.starts || !prose.ends) return [offset, offset + length];
  const size = prose.starts.length;
  if (size === 0) return [0, 0];
  const first = Math.min(offset, size - 1);
  const start = offset >= size ? prose.ends[size - 1]! : prose.starts[first]!;
  if (length <= 0) return [start, start];
  const end = prose.ends[Math.min(offset + length, size) - 1]!;
  return [start, Math.max(start, end)];
}
