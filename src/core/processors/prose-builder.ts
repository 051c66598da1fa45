/**
 * Builds the prose of a marked-up document: the text a reader sees (markup dropped, blocks
 * separated by a blank line, inline code and URLs replaced by one neutral placeholder) with a map
 * from every character back to the place it came from, so every finding points into the original.
 *
 * Blanking markup with spaces instead would keep offsets without a map, but it turns
 * `[the report](https://…), which` into `the report     , which`: a space before a comma that the
 * author never wrote. Dropping markup keeps the prose as a reader sees it.
 */
import { parseDirective, scanCommentDirectives } from './directives.js';
import type { BlockHint, BlockKind, Directive, Prose } from './types.js';

/** Stands in for inline code, images and URLs: not a letter, not punctuation any rule looks at. */
export const PLACEHOLDER = '\u2022';

/** A URL in running text: linted as one placeholder, never as words. */
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]/gi;

export class ProseBuilder {
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private length = 0;
  readonly directives: Directive[] = [];
  private readonly hints: BlockHint[] = [];
  private readonly open: { kind: BlockKind; start: number }[] = [];

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

  /** A character that stands for a whole piece of markup (XLIFF's `<cp hex="00A0"/>`). */
  standIn(text: string, start: number, end: number): void {
    this.emit(text, start, end);
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

  /** Comments inside a piece of raw markup (Markdown's html nodes). */
  rawComments(raw: string, base: number): void {
    this.directives.push(...scanCommentDirectives(raw, base));
  }

  /** Opens a block that markup says is of `kind`; what is emitted until `leave` belongs to it. */
  enter(kind: BlockKind, at: number): void {
    this.blockBreak(at);
    this.open.push({ kind, start: this.length });
  }

  leave(at: number): void {
    const block = this.open.pop();
    if (
      block &&
      this.length > block.start &&
      !this.open.some((outer) => outer.kind === block.kind)
    ) {
      this.hints.push({ start: block.start, end: this.length, kind: block.kind });
    }
    this.blockBreak(at);
  }

  finish(): Prose {
    const text = this.pieces.join('');
    // A block ends where its text does, not after the line breaks that close it.
    for (const hint of this.hints) {
      while (hint.end > hint.start && text[hint.end - 1] === '\n') hint.end--;
    }
    return {
      text,
      starts: Int32Array.from(this.starts),
      ends: Int32Array.from(this.ends),
      hints: this.hints.sort((a, b) => a.start - b.start),
      directives: this.directives,
    };
  }

  /**
   * A line break inside a paragraph's text is a soft break (Markdown, HTML): a reader sees a
   * space, and the paragraph is one block whose sentences may go on across it. A carriage return
   * stands for nothing.
   */
  private mapped(value: string, map: Alignment, from: number, to: number): void {
    for (let index = from; index < to; index++) {
      const char = value[index]!;
      if (char === '\r') continue;
      this.emit(char === '\n' ? ' ' : char, map.starts[index]!, map.ends[index]!);
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

/** The length of the character reference (`&amp;`, `&#8217;`) at `source[index]`; 0 if none. */
export function referenceAt(source: string, index: number): number {
  if (source[index] !== '&') return 0;
  ENTITY.lastIndex = index;
  return ENTITY.exec(source)?.[0].length ?? 0;
}

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
    const length = referenceAt(source, i);
    if (length > 0 && value.slice(j, j + length) !== source.slice(i, i + length)) {
      const units = /[\uD800-\uDBFF]/.test(char) ? 2 : 1;
      for (let unit = 0; unit < units && j < value.length; unit++, j++) {
        starts.push(base + i);
        ends.push(base + i + length);
      }
      i += length;
      continue;
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
