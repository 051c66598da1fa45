/**
 * What each line of a news text is: a headline, a dateline or byline on its own, a photo caption,
 * a list item, a quotation, or running prose. Rules read the kinds they are about (`meta.scope`)
 * instead of each recognising headlines and captions its own way.
 *
 * Markup says some kinds outright (a `# heading`, an `<li>`); the rest is recognised from the
 * line itself, conservatively: a line is prose unless it clearly is something else.
 */
import type { BlockHint, BlockKind } from '../processors/types.js';

/** A line's last meaningful mark: terminal punctuation, possibly inside closing quotes or brackets. */
const PROSE_END = /[.!?…:;,]["'”’)\]]*\s*$/u;
/** A list item: bullet, number or letter label at the start of a line. */
export const LIST_ITEM = /^[ \t]*(?:[-*•·–—]|\(?\p{N}{1,3}[.)]|\(?\p{L}[.)])[ \t]/u;
/**
 * A photo caption: a credit in parentheses, `Photo …`, `… courtesy of …`, a trailing date.
 * `(?<!\w)` where `\b` would do: before a letter they are the same test, but an expression that
 * opens with `\b` (case-insensitive, Unicode) is tried at every character, seven times slower.
 */
const CAPTION =
  // eslint-disable-next-line regexp/prefer-predefined-assertion -- see above: faster than \b
  /\((?:[^()]{0,40}\/[^()]{0,40}|photo[^()]{0,60})\)\s*$|^(?:photo|image|file photo|source)\b|(?<!\w)courtesy of\b/iu;
const MONTH =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
/** A month and day (`May 28`, `Feb. 11th`). */
const DATE = new RegExp(`\\b${MONTH} ?\\d{1,2}(?:st|nd|rd|th)?\\b`, 'u');
/** A byline: `By Li Xin`, `Reporter Chen Shan`, `Editor: …`. */
const BYLINE = /^[ \t]*(?:by|reporters?|editors?|written by|edited by)[ :]/iu;
/** A line wholly in quotation marks. */
const QUOTATION = /^[ \t]*[“"][^“”"]*[”"][.!?,]?[ \t]*$/u;
/**
 * The most words a headline has. A longer line with no final punctuation is running prose that lost
 * its stop (a machine slip, or a transcript), not a headline: its sentences are checked like any.
 */
const HEADLINE_MAX_WORDS = 20;

/** Most words a dateline, byline or caption credit on its own has. */
const SHORT = 12;

/** The kind of one line of prose, given what markup says of it (`hinted`). */
export function classifyLine(text: string, hinted: BlockKind | undefined): BlockKind {
  if (hinted) return hinted;
  if (LIST_ITEM.test(text)) return 'list-item';
  const trimmed = text.trim();
  if (CAPTION.test(trimmed)) return 'caption';
  const short = isShort(trimmed);
  if (short && BYLINE.test(trimmed)) return 'byline';
  if (short && DATE.test(trimmed) && !/\b(?:is|are|was|were|will|has|have|had)\b/u.test(trimmed)) {
    return 'dateline';
  }
  if (looksLikeHeadline(trimmed)) return 'headline';
  if (QUOTATION.test(trimmed)) return 'quotation';
  return 'prose';
}

/** Whether a line reads as a headline: no final punctuation, and short enough for one. */
export function looksLikeHeadline(text: string): boolean {
  return !PROSE_END.test(text) && hasAtMostWords(text, HEADLINE_MAX_WORDS);
}

/** Whether the text has at most `SHORT` words: a dateline, byline or credit may. */
export function isShort(text: string): boolean {
  return hasAtMostWords(text, SHORT);
}

/**
 * Whether the text has at most `max` words (runs of characters above the space). Counting stops
 * at the word past it: most lines are paragraphs of prose, and this runs for every line.
 */
function hasAtMostWords(text: string, max: number): boolean {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = text.charCodeAt(index) <= 32;
    if (!space && !inWord && ++count > max) return false;
    inWord = !space;
  }
  return true;
}

/** The hinted kind of the stretch [start, end), if a hint covers its start. */
export function hintAt(hints: readonly BlockHint[], start: number): BlockKind | undefined {
  let low = 0;
  let high = hints.length - 1;
  let found: BlockKind | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const hint = hints[middle]!;
    if (start < hint.start) high = middle - 1;
    else {
      if (start < hint.end) found = hint.kind;
      low = middle + 1;
    }
  }
  return found;
}
