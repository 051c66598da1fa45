/**
 * A processor turns one kind of input (plain text, Markdown, HTML, XLIFF, LanguageTool's annotated text)
 * into the prose the engine lints: the text a reader sees, a map from each of its characters back
 * to the original, the blocks that markup declares (a heading, a list item, a quotation) and the
 * inline directives that switch rules off. One processor per input kind, shared by every adapter:
 * the same file gives the same findings in the CLI, over HTTP, on the page and through the API.
 */

/** The input kinds a client may name. */
export const FORMATS = ['text', 'markdown', 'html', 'xliff'] as const;
export type Format = (typeof FORMATS)[number];

/** What a block of a news article is; rules declare the kinds they read (`meta.scope`). */
export const BLOCK_KINDS = [
  'headline',
  'dateline',
  'byline',
  'caption',
  'list-item',
  'quotation',
  'prose',
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** An inline `mtlint-…` comment. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Offsets of the comment in the original. */
  start: number;
  end: number;
}

/** A stretch of the prose that markup says is of one kind (a `# heading`, an `<li>`). */
export interface BlockHint {
  start: number;
  end: number;
  kind: BlockKind;
}

export interface Prose {
  /** What the engine lints: the prose alone, blocks separated by line breaks. */
  text: string;
  /**
   * For each UTF-16 unit of `text`, the original range it stands for (`starts[i]`, `ends[i]`);
   * null when `text` is the original itself, unit for unit.
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
  /** Blocks whose kind markup declares; the rest of the text is classified by the document. */
  hints: BlockHint[];
  directives: Directive[];
  /**
   * A bilingual file's other side (XLIFF's sources): the source the text is checked against when
   * no separate one is given, mapped into the same file.
   */
  source?: Prose;
}

/**
 * The input cannot be read in the format it was given as (an XLIFF file that is not well-formed
 * XML): the message names the place. Adapters answer it as bad input (HTTP 400, CLI exit 2).
 */
export class DocumentError extends Error {
  override name = 'DocumentError';
}

export interface Processor {
  format: Format | 'annotated';
  process(original: string): Prose;
}
