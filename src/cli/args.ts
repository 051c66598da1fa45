import { parseArgs } from 'node:util';
import { DEFAULT_MAX_DIAGNOSTICS } from '../core/index.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import { CliError } from './errors.js';

export interface CliOptions {
  patterns: string[];
  /** Read the text from standard input. */
  stdin: boolean;
  stdinFilename?: string;
  format: FormatName;
  /** `--format ./path.js`: a custom formatter module (then `format` is unused). */
  formatModule?: string;
  outputFile?: string;
  config?: string;
  noConfig: boolean;
  rules: string[];
  ignorePatterns: string[];
  maxWarnings?: number;
  maxPenalty?: number;
  /** Diagnostics listed per file (the counts and gates always cover all). */
  maxDiagnostics: number;
  /** False: a pattern that matches nothing is a warning, not an error. */
  errorOnUnmatchedPattern: boolean;
  server?: string;
  /** Lint on BullMQ workers through this Redis (src/cli/queue.ts). */
  queue?: string;
  /** The Chinese source of the one file linted (`--source`): the source checks compare them. */
  source?: string;
  /** Worker threads; undefined = one per core. */
  workers?: number;
  color?: boolean;
  progress: boolean;
  /** Apply safe fixes and write them (`--fix`), or only compute them (`--fix-dry-run`). */
  fix: boolean;
  fixDryRun: boolean;
  /** Report errors only. */
  quiet: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Print the resolved config for this file and exit. */
  printConfig?: string;
  /** Write a starter config file and exit. */
  init: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: mtlint [options] [file|dir|glob ...]
       mtlint [options] < article.txt
       cat article.md | mtlint --stdin-filename article.md -
       mtlint worker --queue redis://HOST:PORT   (lints what --queue submits; --help)

Lints machine-translated English: plain text, Markdown (.md) and HTML (.html) by extension;
only prose is linted and every position points into the original file.

Options:
  -f, --format NAME|PATH     stylish (default), json, sarif, github, junit, checkstyle,
                             codequality (GitLab), or a formatter module: ./my-formatter.js
  -o, --output-file FILE     write the report to FILE instead of standard output
  -c, --config FILE          use this config file for every file (no discovery)
      --no-config            use no config file (the recommended preset)
      --rule ID:SEVERITY     set a rule's severity (off|info|warning|error), repeatable;
                             options as JSON: --rule 'readability:["info",{"age":18}]'
      --ignore-pattern GLOB  ignore files like a .mtlintignore line, repeatable
      --stdin-filename PATH  name of the text read from standard input (format, config)
      --max-warnings N       fail when there are more than N warnings in total
      --max-penalty P        fail when any file's penalty per 100 words is over P
      --max-diagnostics N    list at most N diagnostics per file (default 1000); counts
                             and the quality gate still cover every finding
      --no-error-on-unmatched-pattern
                             a file or glob that matches nothing is a warning, not an error
      --server URL           lint on a running mtlint service (MTLINT_TOKEN: bearer token)
      --queue redis://H:P    lint on mtlint workers through Redis (see mtlint worker --help)
      --source FILE          the Chinese source of the one file linted: check the translation
                             against it (numbers, gender, omissions, kept tokens, terms);
                             for many files, a config's "source" pairing rule (docs/cli.md)
      --workers N            threads that lint, main one included (default: one per two
                             cores for 150 files or more; 1 = in process)
      --color, --no-color    force colour on or off (default: on a terminal only)
      --no-progress          never show the progress bar
      --debug                on an unexpected error, print its stack (also: DEBUG set)
      --fix                  apply the fixes rules mark safe to the files, report the rest
      --fix-dry-run          the same without writing (json output carries "output")
      --quiet                report errors only (warnings and infos still count for gates)
      --cache                skip files unchanged since the last run (same config, version)
      --cache-location PATH  cache file or folder (default: .mtlintcache)
      --print-config FILE    print the config that applies to FILE as JSON
      --init                 write a starter .mtlintrc.json here
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 pass (also when every file given is ignored), 1 an error-severity
diagnostic or a failed quality gate, 2 a usage, config, file or server error, or a crash.
`;

export function parseCliArgs(argv: string[], stdinIsTTY: boolean): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        'ignore-pattern': { type: 'string', multiple: true },
        'stdin-filename': { type: 'string' },
        'max-warnings': { type: 'string' },
        'max-penalty': { type: 'string' },
        'max-diagnostics': { type: 'string' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        debug: { type: 'boolean' },
        server: { type: 'string' },
        queue: { type: 'string' },
        workers: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        source: { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        quiet: { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'print-config': { type: 'string' },
        init: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun "mtlint --help" for the options.`);
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  const builtIn = (FORMAT_NAMES as string[]).includes(format);
  if (!builtIn && !isModulePath(format)) {
    throw new CliError(
      `--format "${format}" is not one of ${FORMAT_NAMES.join(', ')}, nor a path to a formatter ` +
        `module (e.g. ./my-formatter.js)`,
    );
  }
  if (values.config !== undefined && values['no-config']) {
    throw new CliError('--config and --no-config cannot be used together');
  }
  const dash = positionals.filter((p) => p === '-').length;
  const patterns = positionals.filter((p) => p !== '-');
  if (dash > 0 && patterns.length > 0) {
    throw new CliError('Standard input ("-") cannot be combined with files');
  }
  const printConfig = values['print-config'];
  const init = values.init ?? false;
  // These answer about the setup, not about texts: they take no files and read no input.
  const standalone = printConfig !== undefined ? '--print-config' : init ? '--init' : undefined;
  if (standalone && positionals.length > 0) {
    throw new CliError(`${standalone} takes no files to lint`);
  }
  if (printConfig !== undefined && init) {
    throw new CliError('--print-config and --init cannot be used together');
  }
  const stdin = !standalone && (dash > 0 || (patterns.length === 0 && !stdinIsTTY));
  const help = values.help ?? false;
  const version = values.version ?? false;
  if (!stdin && patterns.length === 0 && !help && !version && !standalone) {
    throw new CliError(`No files given and nothing on standard input.\n\n${USAGE}`);
  }
  if (values['stdin-filename'] !== undefined && !stdin) {
    throw new CliError('--stdin-filename applies only when the text comes from standard input');
  }
  const fix = values.fix ?? false;
  const fixDryRun = values['fix-dry-run'] ?? false;
  if (fix && fixDryRun) throw new CliError('--fix and --fix-dry-run cannot be used together');
  // As in ESLint: there is no file to write the fixes to; --fix-dry-run --format json returns them.
  if (fix && stdin) {
    throw new CliError(
      '--fix cannot write to standard input; use --fix-dry-run --format json to get the fixed text',
    );
  }
  if (values['cache-location'] !== undefined && !values.cache) {
    throw new CliError('--cache-location applies only with --cache');
  }
  const workers = values.workers === undefined ? undefined : count('--workers', values.workers);
  if (workers === 0) throw new CliError('--workers must be at least 1');
  if (values.queue !== undefined && (values.server !== undefined || workers !== undefined)) {
    throw new CliError('--queue cannot be combined with --server or --workers');
  }
  if (values.source !== undefined && values.queue !== undefined) {
    throw new CliError('--source cannot be combined with --queue');
  }
  if (values.queue !== undefined && (values.fix || values['fix-dry-run'])) {
    // Queue workers lint a text and answer a result; writing fixes back is a local run's job.
    throw new CliError('--fix and --fix-dry-run cannot be combined with --queue');
  }

  return {
    patterns,
    stdin,
    stdinFilename: values['stdin-filename'],
    format: builtIn ? (format as FormatName) : 'stylish',
    ...(builtIn ? {} : { formatModule: format }),
    outputFile: values['output-file'],
    config: values.config,
    noConfig: values['no-config'] ?? false,
    rules: values.rule ?? [],
    ignorePatterns: values['ignore-pattern'] ?? [],
    maxWarnings:
      values['max-warnings'] === undefined
        ? undefined
        : count('--max-warnings', values['max-warnings']),
    maxPenalty:
      values['max-penalty'] === undefined
        ? undefined
        : number('--max-penalty', values['max-penalty']),
    maxDiagnostics:
      values['max-diagnostics'] === undefined
        ? DEFAULT_MAX_DIAGNOSTICS
        : count('--max-diagnostics', values['max-diagnostics']),
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    server: values.server,
    queue: values.queue,
    workers,
    color: values['no-color'] ? false : values.color ? true : undefined,
    progress: !values['no-progress'],
    ...(values.source === undefined ? {} : { source: values.source }),
    fix,
    fixDryRun,
    quiet: values.quiet ?? false,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    printConfig,
    init,
    help,
    version,
  };
}

/** A custom formatter is named by a path (ESLint takes the same form): `./f.js`, `/abs/f.mjs`. */
function isModulePath(value: string): boolean {
  return /[/\\]/.test(value) || value.startsWith('.') || /\.[cm]?js$/i.test(value);
}

function count(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new CliError(`${flag} must be a number of at least 0, got "${value}"`);
  }
  return parsed;
}
