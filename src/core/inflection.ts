/**
 * The forms an English word may be a regular inflection of: `moved` → `move`, `stopped` → `stop`,
 * `tries` → `try`, `rescuing` → `rescue`. Every candidate is returned (the word itself first); a
 * caller looks them up in its own list, so a wrong candidate (`bed` → `b`) costs nothing.
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  for (const [ending, replacement] of INFLECTIONS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, word.length - ending.length) + replacement;
    forms.push(stem);
    // A doubled final consonant: `stopped`, `dropping`.
    if (replacement === '' && stem.length > 2 && stem.at(-1) === stem.at(-2)) {
      forms.push(stem.slice(0, -1));
    }
  }
  return forms;
}

const INFLECTIONS: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['d', ''],
  ['ing', ''],
  ['ing', 'e'],
];

/**
 * The words `baseForms` takes back to `form` (the inverse: `rescue` → `rescue`, `rescues`,
 * `rescued`, `rescuing`, …; `stop` → `stopped`, `stopping`, …), candidates included. Asking whether
 * a text writes some inflection of a word is then a few set look-ups, rather than the base forms of
 * every word in the text.
 */
export function inflectionsOf(form: string): string[] {
  const words = [form];
  for (const [ending, replacement] of INFLECTIONS) {
    if (!form.endsWith(replacement)) continue;
    const stem = form.slice(0, form.length - replacement.length);
    // `baseForms` strips an ending only when at least two letters are left before it.
    if (stem.length >= 2) words.push(stem + ending);
    // The doubled final consonant `baseForms` undoes: `stop` + `p` + `ed`.
    if (replacement === '' && form.length >= 2) words.push(form + form.at(-1)! + ending);
  }
  return words;
}
