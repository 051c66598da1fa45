/**
 * XLIFF 1.2 and 2.x, the exchange format of translation tools: a bilingual file of units, each
 * with its source (the Chinese) and its target (the English). The prose is the targets, one block
 * per unit, so that no sentence runs from one unit into the next; the source side (`Prose.source`)
 * is the units' sources, in the same order. Both map every character back to its place in the
 * XLIFF file: a character reference (`&amp;`) stands for the whole reference, inline codes are
 * dropped (`<bx/>`, `<sc/>`, `<bpt>…</bpt>`) or, where they take a word's place (`<x/>`, `<ph/>`),
 * stand for one neutral placeholder, and the text inside `<g>`, `<pc>` and `<mrk>` is prose.
 *
 * Read with saxes, a conforming streaming XML parser that reports positions: a file that is not
 * well-formed XML, or not XLIFF, is a DocumentError naming the line.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ProseBuilder } from './prose-builder.js';
import { DocumentError, type Processor, type Prose } from './types.js';

const XLIFF_NAMESPACES = new Set([
  'urn:oasis:names:tc:xliff:document:1.2',
  'urn:oasis:names:tc:xliff:document:2.0',
  '', // a file that declares no namespace is read alike
]);

/** Inline codes that stand for something in a word's place: one placeholder. */
const PLACEHOLDER_CODES = new Set(['x', 'ph']);
/** Inline elements whose content is prose. */
const PROSE_INLINE = new Set(['g', 'pc', 'mrk']);
/** Inline codes that mark formatting or hold native code: nothing of theirs is prose. */
const SILENT_CODES = new Set(['bx', 'ex', 'bpt', 'ept', 'it', 'sc', 'ec', 'sm', 'em', 'sub']);

type Side = 'source' | 'target';

/** What a unit's side holds, replayed into a builder once the unit is known to be translated. */
type Piece =
  | { kind: 'text' | 'stand-in'; value: string; start: number; end: number }
  | { kind: 'placeholder'; start: number; end: number };

interface Unit {
  translate: boolean;
  source: Piece[];
  target: Piece[];
}

export const xliffProcessor: Processor = {
  format: 'xliff',
  process(original: string): Prose {
    const english = new ProseBuilder(original);
    const chinese = new ProseBuilder(original);
    const parser = new SaxesParser({ xmlns: true, position: true });
    /** Where the last piece of markup ended: text runs from here to the next `<`. */
    let markupEnd = 0;
    let version: 1 | 2 | undefined;
    let unit: Unit | undefined;
    let side: { name: Side; depth: number } | undefined;
    /** Depth below which nothing is prose (a native code, an element of another vocabulary). */
    let silentFrom: number | undefined;
    let placeholderStart: number | undefined;
    const open: SaxesTagNS[] = [];

    /** Where a segment after the first began: the two are kept apart by a space if need be. */
    let boundary: number | undefined;
    const pieces = () => (unit && side ? unit[side.name] : undefined);
    const add = (piece: Piece) => {
      const list = pieces();
      if (!list) return;
      const last = list.at(-1);
      if (
        boundary !== undefined &&
        !(last?.kind === 'text' && /\s$/.test(last.value)) &&
        !(piece.kind === 'text' && /^\s/.test(piece.value))
      ) {
        // Segments of one unit are separate sentences: a space, standing for nothing, between.
        list.push({ kind: 'text', value: ' ', start: boundary, end: boundary });
      }
      boundary = undefined;
      list.push(piece);
    };
    const addText = (value: string, start: number, end: number) => {
      if (silentFrom === undefined) add({ kind: 'text', value, start, end });
    };

    parser.on('opentag', (node) => {
      const start = original.lastIndexOf('<', parser.position - 1);
      const depth = open.push(node);
      const { local } = node;
      const ours = XLIFF_NAMESPACES.has(node.uri);
      if (depth === 1) {
        version = xliffVersion(node, parser.line);
      } else if (silentFrom !== undefined) {
        // inside a code's content: nothing counts
      } else if (side) {
        if (!ours || SILENT_CODES.has(local)) silentFrom = depth;
        else if (PLACEHOLDER_CODES.has(local)) {
          placeholderStart = start;
          silentFrom = depth;
        } else if (local === 'cp') {
          const char = codePoint(node.attributes['hex']?.value);
          if (char) add({ kind: 'stand-in', value: char, start, end: parser.position });
          silentFrom = depth;
        } else if (!PROSE_INLINE.has(local)) silentFrom = depth;
      } else if (ours && (local === 'trans-unit' || local === 'unit')) {
        unit = { translate: node.attributes['translate']?.value !== 'no', source: [], target: [] };
      } else if (ours && unit && (local === 'source' || local === 'target')) {
        const parent = open[depth - 2]!.local;
        const direct =
          version === 1 ? parent === 'trans-unit' : parent === 'segment' || parent === 'ignorable';
        if (direct) {
          side = { name: local, depth };
          if (unit[local].length > 0) boundary = start;
        }
      }
      markupEnd = parser.position;
    });

    parser.on('closetag', () => {
      const depth = open.length;
      const node = open.pop()!;
      if (placeholderStart !== undefined && silentFrom === depth) {
        add({ kind: 'placeholder', start: placeholderStart, end: parser.position });
        placeholderStart = undefined;
      }
      if (silentFrom === depth) silentFrom = undefined;
      else if (side?.depth === depth) {
        side = undefined;
        boundary = undefined;
      } else if (unit && (node.local === 'trans-unit' || node.local === 'unit')) {
        flushUnit(unit, english, chinese);
        unit = undefined;
      }
      markupEnd = parser.position;
    });

    parser.on('text', (value) => {
      const next = original.indexOf('<', markupEnd);
      addText(value, markupEnd, next === -1 ? original.length : next);
    });

    parser.on('cdata', (value) => {
      const start = original.indexOf('<![CDATA[', markupEnd) + '<![CDATA['.length;
      addText(value, start, original.indexOf(']]>', start));
      markupEnd = parser.position;
    });

    for (const event of ['comment', 'processinginstruction', 'doctype', 'xmldecl'] as const) {
      parser.on(event, () => {
        markupEnd = parser.position;
      });
    }

    try {
      parser.write(original).close();
    } catch (error) {
      if (error instanceof DocumentError) throw error;
      throw new DocumentError(`The XLIFF file is not well-formed XML: ${describe(error)}`);
    }
    if (version === undefined) {
      throw new DocumentError('The XLIFF file has no <xliff> root element');
    }
    return { ...english.finish(), source: chinese.finish() };
  },
};

/** A unit whose target has text joins both sides; an untranslated one is not linted at all. */
function flushUnit(unit: Unit, english: ProseBuilder, chinese: ProseBuilder): void {
  if (!unit.translate) return;
  if (!unit.target.some((piece) => piece.kind === 'text' && /\S/.test(piece.value))) return;
  for (const [builder, pieces] of [
    [english, unit.target],
    [chinese, unit.source],
  ] as const) {
    const first = pieces[0];
    if (first) builder.blockBreak(first.start);
    for (const piece of pieces) {
      if (piece.kind === 'text') builder.text(piece.value, piece.start, piece.end);
      else if (piece.kind === 'stand-in') builder.standIn(piece.value, piece.start, piece.end);
      else builder.placeholder(piece.start, piece.end);
    }
    const last = pieces.at(-1);
    if (last) builder.blockBreak(last.end);
  }
}

function xliffVersion(root: SaxesTagNS, line: number): 1 | 2 {
  const version = root.attributes['version']?.value ?? '';
  if (root.local !== 'xliff' || !XLIFF_NAMESPACES.has(root.uri)) {
    throw new DocumentError(
      `line ${line}: the root element is <${root.name}>, not <xliff>: this is not an XLIFF file`,
    );
  }
  if (/^1\.\d+$/.test(version)) return 1;
  if (/^2\.\d+$/.test(version)) return 2;
  throw new DocumentError(
    `line ${line}: XLIFF version "${version}" is not supported; mtlint reads XLIFF 1.2 and 2.x`,
  );
}

/** `<cp hex="00A0"/>`: a character XML cannot carry as it is. */
function codePoint(hex: string | undefined): string | undefined {
  const value = hex === undefined ? NaN : Number.parseInt(hex, 16);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff
    ? String.fromCodePoint(value)
    : undefined;
}

/** saxes words its errors `2:7: unexpected close tag.`: as `line 2, column 7: …`. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const place = /^(?:.*?:)?(\d+):(\d+): (.*?)\.?$/s.exec(message);
  return place ? `line ${place[1]}, column ${place[2]}: ${place[3]}` : message;
}
