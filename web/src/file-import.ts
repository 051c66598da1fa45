/**
 * Opens a dropped or chosen file as article text: .txt and .md as they are, .html as the text a
 * reader sees (see html-to-text: the HTML never reaches the browser's parser).
 */
import { htmlToText } from './html-to-text.js';

/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const ACCEPTED = /\.(?:txt|text|md|markdown|html?|xhtml)$/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;

export class FileImportError extends Error {
  override name = 'FileImportError';
}

export async function readArticleFile(file: File): Promise<string> {
  const isHtml = HTML_NAME.test(file.name) || file.type === 'text/html';
  if (!ACCEPTED.test(file.name) && !file.type.startsWith('text/')) {
    throw new FileImportError(`“${file.name}” is not a .txt, .md or .html file`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new FileImportError(
      `“${file.name}” is ${Math.round(file.size / 1024)} KB; the limit is ${MAX_FILE_BYTES / 1024} KB`,
    );
  }
  const content = await file.text();
  return normalizeNewlines(isHtml ? htmlToText(content) : content);
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
