/**
 * Finding and parsing config files, whatever their format: discovery goes through lilconfig (the
 * search upward, one folder at a time, with its cache), and each format has one parser here, used
 * both by discovery and for files named by `--config` or `extends`. What a config *means* (the
 * schema, extends, overrides) is config.ts's business.
 *
 * A file that exists but cannot be read or parsed is an error naming it (exit 2), never skipped:
 * skipping it would lint with settings the user did not write.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, parse as parsePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import jsonc from 'jsonc-parser';
import { lilconfig, type Loader, type LilconfigResult } from 'lilconfig';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { CliError, describeError } from './errors.js';
import { show } from './config.js';

/**
 * Looked for in each folder, in this order; the first one present wins. package.json counts only
 * when it has an `"mtlint"` key, and comes last so that a dedicated file beside it wins.
 */
export const CONFIG_FILES = [
  '.mtlintrc',
  '.mtlintrc.json',
  '.mtlintrc.jsonc',
  '.mtlintrc.yaml',
  '.mtlintrc.yml',
  'mtlint.config.json',
  'mtlint.config.js',
  'mtlint.config.mjs',
  'package.json',
] as const;

/** The key of package.json that holds mtlint's config. */
export const PACKAGE_KEY = 'mtlint';

type Parser = (path: string, text: string) => unknown;

/** Strict JSON, as before: a `.json` file that another tool also reads must stay plain JSON. */
const parseJson: Parser = (path, text) => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `Config file ${show(path)} is not valid JSON: ${jsonErrorPlace(text, error)}`,
    );
  }
};

/** JSON with comments and trailing commas (what editors call JSONC). */
const parseJsonc: Parser = (path, text) => {
  const errors: jsonc.ParseError[] = [];
  const value: unknown = jsonc.parse(text, errors, {
    allowTrailingComma: true,
    disallowComments: false,
  });
  const first = errors[0];
  if (first) {
    const { line, column } = place(text, first.offset);
    throw new CliError(
      `Config file ${show(path)} is not valid JSON: ${jsonc.printParseErrorCode(first.error)} ` +
        `at line ${line}, column ${column}`,
    );
  }
  return value;
};

const parseYamlFile: Parser = (path, text) => {
  try {
    // One document; duplicate keys are an error rather than "the last one wins" silently.
    return parseYaml(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : '';
    const message = describeError(error)
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(`Config file ${show(path)} is not valid YAML: ${message}${where}`);
  }
};

/** `.mtlintrc` without an extension: JSON (comments allowed) when it starts with `{`, else YAML. */
const parseRc: Parser = (path, text) =>
  text.trimStart().startsWith('{') ? parseJsonc(path, text) : parseYamlFile(path, text);

/** A JavaScript config: its default export (an object, or a promise of one). */
async function importModule(path: string): Promise<unknown> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new CliError(`Config file ${show(path)} could not be loaded: ${describeError(error)}`);
  }
  if (module.default === undefined) {
    throw new CliError(`Config file ${show(path)} has no default export (export default {...})`);
  }
  return await module.default;
}

function parserFor(path: string): Parser | 'module' {
  const name = basename(path);
  const extension = extname(name).toLowerCase();
  if (extension === '.js' || extension === '.mjs' || extension === '.cjs') return 'module';
  if (extension === '.jsonc') return parseJsonc;
  if (extension === '.yaml' || extension === '.yml') return parseYamlFile;
  if (extension === '.json') return parseJson;
  // `.mtlintrc`, or a file given by --config / extends with another name.
  return parseRc;
}

/**
 * The raw config in a file (before the schema is checked). For package.json, its `"mtlint"` key;
 * `undefined` when package.json has none.
 */
export async function readConfigFile(path: string): Promise<unknown> {
  const parser = parserFor(path);
  if (parser === 'module') return importModule(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read config file ${show(path)}: ${describeError(error)}`);
  }
  return fromText(path, text, parser);
}

function fromText(path: string, text: string, parser: Parser): unknown {
  if (basename(path) === 'package.json') {
    const pkg = parseJson(path, text) as Record<string, unknown> | null;
    return typeof pkg === 'object' && pkg !== null ? pkg[PACKAGE_KEY] : undefined;
  }
  if (text.trim() === '') {
    throw new CliError(`Config file ${show(path)} is empty (write {} for no settings)`);
  }
  return parser(path, text);
}

/** lilconfig's loaders: the parsers above, by extension ('noExt' for `.mtlintrc`). */
const loader: Loader = (path, text) => {
  const parser = parserFor(path);
  // package.json is handed whole to lilconfig, which takes the "mtlint" key itself.
  if (basename(path) === 'package.json') return parseJson(path, text);
  return parser === 'module' ? importModule(path) : fromText(path, text, parser);
};
const LOADERS = {
  '.json': loader,
  '.jsonc': loader,
  '.yaml': loader,
  '.yml': loader,
  '.js': loader,
  '.mjs': loader,
  noExt: loader,
};

export interface Found {
  path: string;
  /** The parsed content, as readConfigFile would return it. */
  raw: unknown;
}

/** Searches each folder and then upward, to the root of the file system (not just home). */
export function createFinder(): (directory: string) => Promise<Found | undefined> {
  const search = lilconfig(PACKAGE_KEY, {
    searchPlaces: [...CONFIG_FILES],
    loaders: LOADERS,
    // An empty config file is reported, not skipped in favour of one further up.
    ignoreEmptySearchPlaces: false,
    stopDir: parsePath(process.cwd()).root,
    cache: true,
  });
  return async (directory) => {
    let result: LilconfigResult;
    try {
      result = await search.search(directory);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`Cannot search for a config file: ${describeError(error)}`);
    }
    if (!result) return undefined;
    if (result.isEmpty) {
      throw new CliError(
        `Config file ${show(result.filepath)} is empty (write {} for no settings)`,
      );
    }
    return { path: result.filepath, raw: result.config };
  };
}

/** JSON.parse reports a character position; people look for a line and a column. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = describeError(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const { line, column } = place(text, Number(position[1]));
  const cut = message.indexOf(' in JSON at position');
  return `${cut === -1 ? message : message.slice(0, cut)} at line ${line}, column ${column}`;
}

function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
