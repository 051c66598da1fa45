/**
 * Conjunctions a translation cut short leaves at the end of a sentence (`…found the father, but.`,
 * `The death toll stands at 20,665, while.`), told from the few phrases English ends on them
 * (`anything but`, `as if`, `for a while`, `I think so`).
 */

/** Words after which `but` ends a sentence well: `He was anything but.` */
const BEFORE_BUT = new Set(['anything', 'nothing', 'all', 'everything', 'everyone', 'none']);
/** Words after which `if` ends a sentence well: `As if.`, `What if?`, `Only if.` */
const BEFORE_IF = new Set(['as', 'what', 'only']);
/** Words after which `while` is a noun: `for a while`, `a long while`, `worth your while`. */
const BEFORE_WHILE = new Set([
  'a',
  'the',
  'whole',
  'long',
  'short',
  'little',
  'good',
  'great',
  'your',
  'my',
  'his',
  'her',
  'our',
  'their',
  'its',
]);
/** A comma, semicolon or dash between two words: a new clause starts after it. */
const BREAK = /[,;—–]|\s-\s/u;

/**
 * Whether a sentence that ends on `word` (lower case), after the word `previous` with `gap` (the
 * text between them), was cut after it. `so` ends a sentence well after a verb (`I think so.`),
 * and is cut only where it opens a new clause (`…a little bit, so.`).
 */
export function isCutConjunction(word: string, previous: string, gap: string): boolean {
  switch (word) {
    case 'but':
      return !BEFORE_BUT.has(previous);
    case 'if':
      return !BEFORE_IF.has(previous);
    case 'while':
      return BREAK.test(gap) || !BEFORE_WHILE.has(previous);
    case 'so':
      return BREAK.test(gap);
    default:
      return false;
  }
}
