/**
 * The processors by input kind. Plain text is always here; Markdown and HTML parsers cost about as
 * much to import as Node takes to start, so they load on first need (`loadProcessor`), or all at
 * once where a long-running service wants them ready (`./all.js`).
 */
import { textProcessor } from './text.js';
import { FORMATS, type Format, type Processor } from './types.js';

const loaded = new Map<string, Processor>([['text', textProcessor]]);

export function registerProcessor(processor: Processor): void {
  loaded.set(processor.format, processor);
}

/** Whether `value` names an input kind a client may ask for. */
export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** The processor for `format`, loading its parser on first need. */
export async function loadProcessor(format: Format | 'annotated'): Promise<Processor> {
  const ready = loaded.get(format);
  if (ready) return ready;
  const processor =
    format === 'markdown'
      ? (await import('./markdown.js')).markdownProcessor
      : format === 'html'
        ? (await import('./html.js')).htmlProcessor
        : format === 'xliff'
          ? (await import('./xliff.js')).xliffProcessor
          : format === 'annotated'
            ? (await import('./annotated.js')).annotatedProcessor
            : undefined;
  if (!processor) throw new Error(`Unknown format "${String(format)}"`);
  registerProcessor(processor);
  return processor;
}

/** The processor for `format`, which must have been loaded (`loadProcessor`). */
export function processorFor(format: Format | 'annotated'): Processor {
  const processor = loaded.get(format);
  if (!processor) {
    throw new Error(
      isFormat(format) || format === 'annotated'
        ? `The ${format} processor is not loaded: call loadProcessor("${format}") first`
        : `Unknown format "${String(format)}"; use one of ${FORMATS.join(', ')}`,
    );
  }
  return processor;
}

export { FORMATS, BLOCK_KINDS, DocumentError } from './types.js';
export type { BlockHint, BlockKind, Directive, Format, Processor, Prose } from './types.js';
export { toOriginal } from './map.js';
export { indexDirectives, parseDirective, scanCommentDirectives } from './directives.js';
export type { DirectiveIndex } from './directives.js';
export { PLACEHOLDER } from './prose-builder.js';
