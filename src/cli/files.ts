/** Which files a run lints: named files, directories and globs, minus what is ignored. */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError, describeError } from './errors.js';

/** What a directory contributes: the formats mtlint reads. */
export const EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'mdown',
  'mkd',
  'html',
  'htm',
  'xhtml',
  'xlf',
  'xliff',
];
export const IGNORE_FILE = '.mtlintignore';
const ALWAYS_IGNORED = ['node_modules/', '.git/'];

export interface Target {
  absolute: string;
  /** Relative to the working directory, forward slashes: what every format shows. */
  display: string;
}

export interface DiscoverOptions {
  cwd: string;
  ignorePatterns: string[];
  /** False: a pattern that matches nothing is listed in `unmatched` instead of an error. */
  errorOnUnmatchedPattern?: boolean;
}

export interface Discovery {
  files: Target[];
  /**
   * What the ignore patterns took away entirely: files named on the command line, and globs or
   * directories every one of whose files is ignored.
   */
  ignored: string[];
  /** Patterns that matched nothing (only with `errorOnUnmatchedPattern: false`). */
  unmatched: string[];
}

export async function discover(patterns: string[], options: DiscoverOptions): Promise<Discovery> {
  const { cwd } = options;
  const filter = ignore().add(ALWAYS_IGNORED).add(readIgnoreFile(cwd)).add(options.ignorePatterns);
  const isIgnored = (absolute: string) => {
    const path = relativePosix(cwd, absolute);
    return path !== undefined && path !== '' && filter.ignores(path);
  };

  const found = new Map<string, Target>();
  const ignored: string[] = [];
  const unmatched: string[] = [];
  const noMatch = (message: string, pattern: string) => {
    if (options.errorOnUnmatchedPattern ?? true) throw new CliError(message);
    unmatched.push(pattern);
  };
  /** The matches an ignore pattern leaves; none left of some means the pattern is ignored. */
  const unignored = (pattern: string, matches: string[]) => {
    const kept = matches.filter((path) => !isIgnored(path));
    if (matches.length > 0 && kept.length === 0) ignored.push(pattern);
    return kept;
  };
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const stat = statOrUndefined(absolute);
    let matches: string[];
    if (stat?.isFile()) {
      if (isIgnored(absolute)) {
        ignored.push(pattern);
        continue;
      }
      matches = [absolute];
    } else if (stat?.isDirectory()) {
      matches = await glob(`**/*.{${EXTENSIONS.join(',')}}`, {
        cwd: absolute,
        absolute: true,
        ignore: ['**/node_modules/**', '**/.git/**'],
      });
      matches = unignored(pattern, matches);
    } else if (isDynamicPattern(pattern)) {
      matches = await glob(pattern, { cwd, absolute: true, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) {
        noMatch(`No files match the pattern "${pattern}"`, pattern);
        continue;
      }
      matches = unignored(pattern, matches);
    } else {
      noMatch(`No such file or directory: ${pattern}`, pattern);
      continue;
    }
    for (const path of matches) {
      const normalized = resolve(path);
      found.set(normalized, { absolute: normalized, display: displayPath(cwd, normalized) });
    }
  }
  const files = [...found.values()].sort((a, b) =>
    a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
  );
  return { files, ignored, unmatched };
}

export function displayPath(cwd: string, absolute: string): string {
  return relativePosix(cwd, absolute) ?? absolute.split(sep).join('/');
}

/** Undefined when the path lies outside `cwd` (ignore patterns cannot speak of it). */
function relativePosix(cwd: string, absolute: string): string | undefined {
  const path = relative(cwd, absolute);
  if (path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

function readIgnoreFile(cwd: string): string {
  try {
    return readFileSync(join(cwd, IGNORE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new CliError(`Cannot read ${IGNORE_FILE}: ${describeError(error)}`);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
