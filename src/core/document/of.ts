import type { VFile } from 'vfile';
import { buildDocument, type NewsDocument } from './build.js';
import { createPlacedParser } from './parser.js';

let parse: ReturnType<typeof createPlacedParser> | undefined;

/**
 * The NewsDocument of the file a rule is given: the one the engine built, or (for a rule run on
 * its own, as a test may) one built from the file's text as plain text.
 */
export function documentOf(file: VFile): NewsDocument {
  return (file.data.mtlintDocument ??= buildDocument(
    String(file.value),
    [],
    (parse ??= createPlacedParser()),
  ));
}
