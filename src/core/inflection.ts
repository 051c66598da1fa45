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
