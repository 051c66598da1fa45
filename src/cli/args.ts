import { parseArgs } from 'node:util';
import { FORMAT_NAMES, type FormatName } from '../formatters/index.js';
import { CliError } from './errors.js';

export interface CliOptions {
  patterns: string[];
  /** Read the text from standard input. */
  stdin: boolean;
  stdinFilename?: string;
  format: FormatName;
  outputFile?: string;
  config?: string;
  noConfig: boolean;
  rules: string[];
  ignorePatterns: string[];
  maxWarnings?: number;
  maxPenalty?: number;
  server?: string;
  /** Lint on BullMQ workers through this Redis (src/cli/queue.ts). */
  queue?: string;
  /** Worker threads; undefined = one per core. */
  workers?: number;
  color?: boolean;
  progress: boolean;
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
  -f, --format NAME          stylish (default), json, sarif, github, junit, checkstyle,
                             codequality (GitLab)
  -o, --output-file FILE     write the report to FILE instead of standard output
  -c, --config FILE          use this config file for every file (no discovery)
      --no-config            use no config file (the recommended preset)
      --rule ID:SEVERITY     set a rule's severity (off|info|warning|error), repeatable;
                             options as JSON: --rule 'readability:["info",{"age":18}]'
      --ignore-pattern GLOB  ignore files like a .mtlintignore line, repeatable
      --stdin-filename PATH  name of the text read from standard input (format, config)
      --max-warnings N       fail when there are more than N warnings in total
      --max-penalty P        fail when any file's penalty per 100 words is over P
      --server URL           lint on a running mtlint service (MTLINT_TOKEN: bearer token)
      --queue redis://H:P    lint on mtlint workers through Redis (see mtlint worker --help)
      --workers N            threads that lint, main one included (default: one per two
                             cores for 150 files or more; 1 = in process)
      --color, --no-color    force colour on or off (default: on a terminal only)
      --no-progress          never show the progress bar
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 pass, 1 an error-severity diagnostic or a failed quality gate,
2 a usage, config, file or server error.
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
        server: { type: 'string' },
        queue: { type: 'string' },
        workers: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nRun "mtlint --help" for the options.`);
  }
  const { values, positionals } = parsed;

  const format = values.format ?? 'stylish';
  if (!(FORMAT_NAMES as string[]).includes(format)) {
    throw new CliError(`--format "${format}" is not one of ${FORMAT_NAMES.join(', ')}`);
  }
  if (values.config !== undefined && values['no-config']) {
    throw new CliError('--config and --no-config cannot be used together');
  }
  const dash = positionals.filter((p) => p === '-').length;
  const patterns = positionals.filter((p) => p !== '-');
  if (dash > 0 && patterns.length > 0) {
    throw new CliError('Standard input ("-") cannot be combined with files');
  }
  const stdin = dash > 0 || (patterns.length === 0 && !stdinIsTTY);
  const help = values.help ?? false;
  const version = values.version ?? false;
  if (!stdin && patterns.length === 0 && !help && !version) {
    throw new CliError(`No files given and nothing on standard input.\n\n${USAGE}`);
  }
  if (values['stdin-filename'] !== undefined && !stdin) {
    throw new CliError('--stdin-filename applies only when the text comes from standard input');
  }
  const workers = values.workers === undefined ? undefined : count('--workers', values.workers);
  if (workers === 0) throw new CliError('--workers must be at least 1');
  if (values.queue !== undefined && (values.server !== undefined || workers !== undefined)) {
    throw new CliError('--queue cannot be combined with --server or --workers');
  }

  return {
    patterns,
    stdin,
    stdinFilename: values['stdin-filename'],
    format: format as FormatName,
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
    server: values.server,
    queue: values.queue,
    workers,
    color: values['no-color'] ? false : values.color ? true : undefined,
    progress: !values['no-progress'],
    help,
    version,
  };
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
