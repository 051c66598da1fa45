import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A data file that is missing, not JSON, or not in the shape its reader expects. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/**
 * Reads a data file (word list, phrase table) that lies beside the module that reads it, and checks
 * it against `schema`: a malformed file stops the module from loading with an error that names the
 * file and the field, instead of a rule that silently matches nothing. Modules call it at load, so
 * the cost is paid once at start-up, never per document.
 */
export function loadJson<S extends z.ZodType>(
  moduleUrl: string,
  name: string,
  schema: S,
): z.infer<S> {
  const url = new URL(name, moduleUrl);
  const where = shortPath(url.pathname);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new DataFileError(`${where}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new DataFileError(`${where}: field "${field}": ${issue.message}`);
  }
  return result.data;
}

/** A word or phrase of a list: non-empty, no white space at either end. */
export const listWord = z
  .string()
  .min(1)
  .refine((word) => word.trim() === word, 'has white space at an end');

/** A list of words with no word twice. */
export const wordArray = z.array(listWord).superRefine((words, context) => {
  const seen = new Set<string>();
  words.forEach((word, index) => {
    if (seen.has(word))
      context.addIssue({ code: 'custom', path: [index], message: `"${word}" is listed twice` });
    seen.add(word);
  });
});

/** The shape of most word lists: what the list is for, and its words. */
export const wordListFile = z.object({ description: z.string().min(1), words: wordArray.min(1) });

/** Reads a `{description, words}` list beside `moduleUrl` as a set. */
export function loadWordList(moduleUrl: string, name: string): ReadonlySet<string> {
  return new Set(loadJson(moduleUrl, name, wordListFile).words);
}

/** `…/rules/calque/calques.json` → `rules/calque/calques.json`: where the file lies in the package. */
function shortPath(path: string): string {
  const parts = decodeURIComponent(path).split('/');
  const root =
    parts.lastIndexOf('rules') >= 0 ? parts.lastIndexOf('rules') : parts.lastIndexOf('src');
  return root >= 0 ? parts.slice(root).join('/') : parts.slice(-2).join('/');
}
