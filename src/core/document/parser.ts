import { ParseEnglish } from 'parse-english';
import type { Paragraph, Root, RootContent, Sentence, SentenceContent, Word } from 'nlcst';
import type { Point } from 'unist';
import { withWordStops } from './abbreviation-stops.js';

type TokenType = 'WhiteSpaceNode' | 'PunctuationNode' | 'WordNode' | 'SymbolNode';

/**
 * retext-english's parser, told where its input lies in the document: every token it makes is
 * placed at `base` + its place in the piece as it is made, before sentences and paragraphs are
 * built on it. Parents take their positions from their children, so nothing is moved afterwards
 * (moving a finished tree meant a walk and a set of visited points per piece).
 *
 * The tokenizer is parse-latin's own loop (same tokens at the same points), with three costs taken
 * out: points are shared between neighbouring tokens (see `token`); each character's kind is looked up in a
 * table filled from parse-latin's own classification (three Unicode expressions per character
 * before, the largest single cost of a lint), and points are made in the document's terms at once
 * instead of being moved after. The test `document-parser.test.ts` holds it to parse-latin's output.
 */
class PlacedParser extends ParseEnglish {
  base = { offset: 0, line: 1, column: 1 };

  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = [];
    if (!value) return children;
    let line = this.base.line;
    let column = this.base.column;
    let offset = this.base.offset;
    let from = 0;
    let start: Point = { line, column, offset };
    let previousType: TokenType | undefined;
    let previous = -1;
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      const type = this.kindOf(code);
      if (
        previousType !== undefined &&
        from < index &&
        !(
          previousType === type &&
          // Words and white space continue; so does a run of one punctuation mark or symbol, and
          // the other half of a surrogate pair.
          (type === 'WordNode' ||
            type === 'WhiteSpaceNode' ||
            code === previous ||
            (code >= 0xd800 && code <= 0xdfff))
        )
      ) {
        const end: Point = { line, column, offset };
        children.push(token(previousType, value.slice(from, index), start, end));
        from = index;
        start = end;
      }
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++;
        column = 1;
      } else if (code !== 10) {
        column++;
      }
      offset++;
      previousType = type;
      previous = code;
    }
    if (previousType !== undefined && from < value.length) {
      children.push(token(previousType, value.slice(from), start, { line, column, offset }));
    }
    return children;
  }

  /**
   * The kind parse-latin gives one UTF-16 unit: asked of parse-latin itself (its tokenizer on that
   * one unit) the first time the unit is seen, then remembered.
   */
  private kindOf(code: number): TokenType {
    let kind = KINDS[code]!;
    if (kind === 0) {
      const type = super.tokenize(String.fromCharCode(code))[0]!.type as TokenType;
      kind = TYPES.indexOf(type);
      KINDS[code] = kind;
    }
    return TYPES[kind]!;
  }
}

/** Index 0 means "not yet asked". */
const TYPES: readonly (TokenType | undefined)[] = [
  undefined,
  'WhiteSpaceNode',
  'PunctuationNode',
  'WordNode',
  'SymbolNode',
];
const KINDS = new Uint8Array(0x10000);

/**
 * A token as parse-latin makes it, except that points are shared: a word and its text have one end
 * point, and a token's end point is the next one's start. parse-latin makes a copy of each, but
 * nothing moves a point in place (parsers and plugins assign points, never change them), so one
 * object serves: a third of the objects a parse made.
 */
function token(type: TokenType, value: string, start: Point, end: Point): SentenceContent {
  return type === 'WordNode'
    ? {
        type,
        children: [{ type: 'TextNode', value, position: { start, end } }],
        position: { start, end },
      }
    : { type, value, position: { start, end } };
}

/** Parses pieces of one document; each call says where its piece starts. */
export interface PlacedParse {
  (piece: string, offset: number, line: number, column: number): RootContent[];
}

export function createPlacedParser(): PlacedParse {
  const parser = new PlacedParser();
  const allPlugins = withWordStops(parser.tokenizeParagraphPlugins);
  const singleLinePlugins = withoutImplicitBreaks(allPlugins);
  const sentencePlugins = sentencePluginsByMarks(parser.tokenizeSentencePlugins);
  return (piece, offset, line, column) => {
    parser.base = { offset, line, column };
    parser.tokenizeParagraphPlugins = hasLineBreak(piece) ? allPlugins : singleLinePlugins;
    if (sentencePlugins) parser.tokenizeSentencePlugins = sentencePlugins(piece);
    return (parser.parse(piece) as Root).children;
  };
}

type SentencePlugin = PlacedParser['tokenizeSentencePlugins'][number];

/**
 * parse-english 7's sentence plugins, in order, and the marks without which each can change
 * nothing (it looks for a symbol or punctuation token of exactly that value): its English elision
 * (`w/`, `'` and `’`), then parse-latin's initial-word symbol (`&`), final-word symbol (`-`),
 * inner-word symbol (`.`, `'`, `-`, `:`, `@` and more: run always), inner-word slash (`/`),
 * initialisms (`.`) and position patching (always). Each plugin walks every token of the line
 * through a generic iterator; a line has no `&` or `/`, and often no `-` or apostrophe, so most
 * lines skip two to four of the seven walks. Plugins never make characters, so a mark absent from
 * the piece stays absent. `document-parser.test.ts` holds the result to parse-english's.
 */
const SENTENCE_PLUGIN_MARKS: readonly (readonly string[] | undefined)[] = [
  ['/', "'", '’'],
  ['&'],
  ['-'],
  undefined,
  ['/'],
  ['.'],
  undefined,
];

/**
 * The sentence plugins a piece needs, by the marks it holds (one list per combination, made once);
 * undefined, and every plugin run, if parse-english's list is not the one described above.
 */
function sentencePluginsByMarks(
  plugins: readonly SentencePlugin[],
): ((piece: string) => SentencePlugin[]) | undefined {
  if (plugins.length !== SENTENCE_PLUGIN_MARKS.length) return undefined;
  const byMask = new Map<number, SentencePlugin[]>();
  return (piece) => {
    let mask = 0;
    for (let index = 0; index < SENTENCE_PLUGIN_MARKS.length; index++) {
      const marks = SENTENCE_PLUGIN_MARKS[index];
      if (!marks || marks.some((mark) => piece.includes(mark))) mask |= 1 << index;
    }
    let list = byMask.get(mask);
    if (!list) {
      list = plugins.filter((_, index) => (mask & (1 << index)) !== 0);
      byMask.set(mask, list);
    }
    return list;
  };
}

type ParagraphPlugin = PlacedParser['tokenizeParagraphPlugins'][number];

/**
 * The paragraph plugins without parse-latin's `breakImplicitSentences`, which splits a sentence at
 * white space holding two or more line breaks: a piece with no line break at all (every line the
 * engine parses) cannot have one, yet the plugin split every white space of every sentence into
 * lines to find out (an array per space: a seventh of what a lint allocated). The plugin is not
 * exported, so it is recognised by what it does: it is the one plugin that breaks the sentence `a`,
 * two line breaks, `b` into two. If not exactly one plugin does, nothing is left out.
 */
function withoutImplicitBreaks(plugins: readonly ParagraphPlugin[]): ParagraphPlugin[] {
  const breakers = plugins.filter((plugin) => {
    const paragraph = implicitBreakProbe();
    plugin(paragraph);
    return paragraph.children.length === 3;
  });
  return breakers.length === 1 ? plugins.filter((plugin) => plugin !== breakers[0]) : [...plugins];
}

/** A paragraph of one sentence, `a`, white space with two line breaks, `b`. */
function implicitBreakProbe(): Paragraph {
  const point = (offset: number, line: number, column: number) => ({ line, column, offset });
  const word = (value: string, start: Point, end: Point): Word => ({
    type: 'WordNode',
    children: [{ type: 'TextNode', value, position: { start, end: { ...end } } }],
    position: { start, end },
  });
  const children: SentenceContent[] = [
    word('a', point(0, 1, 1), point(1, 1, 2)),
    {
      type: 'WhiteSpaceNode',
      value: '\n\n',
      position: { start: point(1, 1, 2), end: point(3, 3, 1) },
    },
    word('b', point(3, 3, 1), point(4, 3, 2)),
  ];
  const sentence: Sentence = {
    type: 'SentenceNode',
    children,
    position: { start: point(0, 1, 1), end: point(4, 3, 2) },
  };
  return { type: 'ParagraphNode', children: [sentence], position: sentence.position };
}

function hasLineBreak(piece: string): boolean {
  return piece.includes('\n') || piece.includes('\r');
}
