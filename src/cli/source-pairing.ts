/**
 * The pairing rule of a config file, `"source": "{dir}/{base}.zh{ext}"`: where the Chinese source
 * of each linted file lies, so that a whole tree is checked against its sources without naming
 * each one. The template is checked when the config is loaded (an unknown placeholder is a config
 * error), and filled in per file.
 */
import { basename, dirname, extname, resolve } from 'node:path';

/**
 * What a template may name, for `news/story.en.md`: `{dir}` the file's folder (`news`, absolute),
 * `{name}` its name without the last extension (`story.en`), `{base}` that name without a trailing
 * English language tag (`story`), `{ext}` the last extension with its dot (`.md`).
 */
export const PLACEHOLDERS = ['dir', 'name', 'base', 'ext'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * A trailing English language tag of a file name: `.en`, `.en-US`, `.en_GB` (any case). Only
 * English: the linted files are the English side.
 */
const ENGLISH_TAG = /\.en(?:[-_][a-z]{2})?$/i;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** What is wrong with a template, or undefined when it is usable. */
export function templateProblem(template: string): string | undefined {
  const used = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      return `unknown placeholder "{${name}}"; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
    }
    used.add(name);
  }
  const stray = template.replace(PLACEHOLDER, '').match(/[{}]/);
  if (stray) return `unmatched "${stray[0]}" in "${template}"`;
  // Without the file's name every file would pair with the same source.
  if (!used.has('name') && !used.has('base')) {
    return `"${template}" names no file: use {name} or {base}, e.g. "{dir}/{base}.zh{ext}"`;
  }
  return undefined;
}

/**
 * The source path of `file` (absolute) by `template`; a relative result is relative to the folder
 * of the config file that declares the template (`zh/{base}{ext}`).
 */
export function sourcePathFor(template: string, configDirectory: string, file: string): string {
  const ext = extname(file);
  const name = basename(file, ext);
  const values: Record<Placeholder, string> = {
    dir: dirname(file),
    name,
    base: name.replace(ENGLISH_TAG, ''),
    ext,
  };
  const filled = template.replace(PLACEHOLDER, (_, key: Placeholder) => values[key]);
  return resolve(configDirectory, filled);
}
