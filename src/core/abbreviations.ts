/**
 * The abbreviations written with a full stop (`etc.`, `approx.`, `No.`): one list, a data file, for
 * every reader that must tell an abbreviation's stop from a sentence's.
 */
import { loadWordList } from './data.js';

export const ABBREVIATIONS: ReadonlySet<string> = loadWordList(
  import.meta.url,
  './data/abbreviations.json',
);
