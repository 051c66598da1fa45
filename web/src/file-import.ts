/**
 * Opens a dropped or chosen file as the article, exactly as it is: a .md or .html file stays
 * Markdown or HTML in the editor and is sent with its `format`, so the service reads it with the
 * same processor as the command line and its findings land in the file's own text. The file is
 * only ever text in a text area: nothing in it reaches the browser's HTML parser.
 */
import type { Format } from './parts.js';

/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const ACCEPTED = /\.(?:txt|text|md|markdown|html?|xhtml)$/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;
const MARKDOWN_NAME = /\.(?:md|markdown)$/i;

export class FileImportError extends Error {
  override name = 'FileImportError';
}

export interface ArticleFile {
  text: string;
  format: Format;
}

export function formatOf(file: { name: string; type: string }): Format {
  if (HTML_NAME.test(file.name) || file.type === 'text/html') return 'html';
  if (MARKDOWN_NAME.test(file.name) || file.type === 'text/markdown') return 'markdown';
  return 'text';
}

export async function readArticleFile(file: File): Promise<ArticleFile> {
  if (!ACCEPTED.test(file.name) && !file.type.startsWith('text/')) {
    throw new FileImportError(`“${file.name}” is not a .txt, .md or .html file`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new FileImportError(
      `“${file.name}” is ${Math.round(file.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB`,
    );
  }
  // A text area keeps line breaks as \n: the text sent is the text shown, so offsets agree.
  return { text: (await file.text()).replace(/\r\n?/g, '\n'), format: formatOf(file) };
}
