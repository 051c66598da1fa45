/** The mtlint command: arguments -> files -> configs -> lint (here, in workers, or remote) -> report. */
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { defaultDocsUrl, type LintResult, type PenaltyWeights } from '../core/index.js';
import {
  formatters,
  type FileReport,
  type LintReport,
  type RuleInfo,
} from '../formatters/index.js';
import { registry } from '../linter.js';
import { parseCliArgs, USAGE, type CliOptions } from './args.js';
import {
  ConfigLoader,
  EMPTY_CONFIG,
  effectiveConfig,
  parseRuleFlag,
  type LoadedConfig,
  type SourcePairing,
} from './config.js';
import { cachePath, LintCache, lookUpCache, storeInCache } from './cache.js';
import { loadFormatter } from './custom-formatter.js';
import { capDiagnostics, kindOf, type DocumentKind } from './document.js';
import { CliError, describeError } from './errors.js';
import { discover, displayPath } from './files.js';
import { createProgress, inCi, type Progress } from './progress.js';
import { lintRemote } from './remote.js';
import { lintAllLocal, MIN_FILES_FOR_WORKERS } from './lint-local.js';
import { init, printConfig } from './setup.js';
import { sourcePathFor } from './source-pairing.js';
import { writeFixes, type FixedResult } from './fix.js';
import { errorsOnly } from './quiet.js';
import type { LintTask } from './task.js';
import { terminalWidth, useColor } from './terminal.js';

export interface CliIo {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Requests in flight at once in remote mode. */
const REMOTE_CONCURRENCY = 4;

/** Runs the command and returns its exit code; never throws. */
export async function runCli(io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`mtlint: ${error.message}\n`);
      return error.exitCode;
    }
    // A crash is exit 2, never 1 (which means "findings"): CI must not take it for a lint result.
    const debug = io.argv.includes('--debug') || Boolean(io.env.DEBUG);
    const hint = debug ? '' : ' (--debug for the stack)';
    io.stderr.write(`mtlint: Unexpected error: ${describeError(error)}${hint}\n`);
    if (debug) io.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

async function run(io: CliIo): Promise<number> {
  if (io.argv[0] === 'worker' || io.argv[0] === 'queue-clear') {
    const { runQueueCommand } = await import('./queue-worker.js');
    return runQueueCommand(io, readPackage().version);
  }
  const options = parseCliArgs(io.argv, Boolean(io.stdin.isTTY));
  const pkg = readPackage();
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }

  if (options.init) {
    io.stdout.write(await init(io.cwd));
    return 0;
  }

  const cliRules = Object.fromEntries(options.rules.map(parseRuleFlag));
  const loader = new ConfigLoader();
  if (options.printConfig !== undefined) {
    const { config, noConfig } = options;
    const file = options.printConfig;
    io.stdout.write(await printConfig({ cwd: io.cwd, file, config, noConfig, cliRules, loader }));
    return 0;
  }
  // Loaded before linting, so a broken formatter fails at once rather than after a long run.
  const customFormat = options.formatModule
    ? await loadFormatter(options.formatModule, io.cwd)
    : undefined;
  const explicit = options.config ? await loader.load(resolve(io.cwd, options.config)) : undefined;
  const configFor = async (absolute: string): Promise<LoadedConfig> => {
    if (options.noConfig) return EMPTY_CONFIG;
    if (explicit) return explicit;
    const found = await loader.find(dirname(absolute));
    return found ? loader.load(found) : EMPTY_CONFIG;
  };
  const fixing = options.fix || options.fixDryRun;
  const source =
    options.source === undefined
      ? undefined
      : readSourceFile(resolve(io.cwd, options.source), options.source);
  /** `named`: the text has a file name (not standard input without --stdin-filename). */
  const taskFor = async (
    absolute: string,
    display: string,
    text?: string,
    named = true,
  ): Promise<LintTask> => {
    const loaded = await configFor(absolute);
    // --source names the one file's source; else the config's pairing rule finds it.
    // An XLIFF file carries its own source.
    const kind = kindOf(absolute);
    const pairs = named && kind !== 'xliff';
    const paired =
      source ?? (pairs ? pairedSource(loaded.source, absolute, display, io) : undefined);
    return {
      absolute,
      display,
      kind,
      effective: effectiveConfig(loaded, absolute, cliRules),
      ...(text === undefined ? {} : { text }),
      ...(fixing ? { fix: true } : {}),
      ...(paired ? { source: paired } : {}),
    };
  };

  let tasks: LintTask[];
  if (options.stdin) {
    const text = await readStdin(io.stdin);
    const name = options.stdinFilename ?? '<stdin>';
    const absolute = resolve(io.cwd, options.stdinFilename ?? 'stdin.txt');
    const named = options.stdinFilename !== undefined;
    tasks = [await taskFor(absolute, named ? displayPath(io.cwd, absolute) : name, text, named)];
  } else {
    const { files, ignored, unmatched } = await discover(options.patterns, {
      cwd: io.cwd,
      ignorePatterns: options.ignorePatterns,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    });
    for (const path of ignored) {
      io.stderr.write(`mtlint: warning: ${path} is ignored (.mtlintignore or --ignore-pattern)\n`);
    }
    for (const pattern of unmatched) {
      io.stderr.write(`mtlint: warning: no files match "${pattern}"\n`);
    }
    // As ESLint does: a run given only ignored files (a pre-commit hook) passes, with a warning;
    // the report is still written (an empty one), so a step that reads it finds it.
    if (files.length === 0 && ignored.length === 0 && unmatched.length === 0) {
      throw new CliError('No files to lint (.txt, .md, .html, .xlf)');
    }
    if (files.length === 0) io.stderr.write('mtlint: warning: nothing to lint\n');
    // One after the other: config files are read once, then come from the loader's cache.
    tasks = [];
    if (source && files.length > 1) {
      throw new CliError(`--source names the source of one file, but ${files.length} files match`);
    }
    for (const file of files) tasks.push(await taskFor(file.absolute, file.display));
  }
  // Standard input has no file to remember it by; ESLint does not cache it either.
  const cache =
    options.cache && !options.stdin
      ? LintCache.open(cachePath(io.cwd, options.cacheLocation), pkg.version, (message) =>
          io.stderr.write(`mtlint: warning: ${message}\n`),
        )
      : undefined;
  const cached = cache ? lookUpCache(cache, tasks, options) : undefined;
  const toLint = cached ? tasks.filter((_, index) => !cached.results[index]) : tasks;

  // Only for a person at a terminal: not in CI logs, not when the report is piped elsewhere.
  const showProgress =
    options.progress &&
    !inCi(io.env) &&
    !options.stdin &&
    (Boolean(io.stdout.isTTY) || options.outputFile !== undefined);
  const progress = createProgress(toLint.length, io.stderr, showProgress);
  // A job carries no source: say so rather than lint English-only without a word.
  const withSource = options.queue ? toLint.filter((task) => task.source).length : 0;
  if (withSource > 0) {
    io.stderr.write(
      `mtlint: warning: --queue lints without sources: ${withSource} file(s) the config pairs with a source are linted English-only\n`,
    );
  }
  let linted: LintResult[];
  try {
    linted = options.queue
      ? await lintAllQueued(toLint, { queue: options.queue, version: pkg.version, progress, io })
      : options.server
        ? await lintAllRemote(toLint, options, io.env, progress)
        : await lintAllLocal(toLint, { threads: threadsFor(toLint.length, options), progress });
  } finally {
    progress.done();
  }
  let next = 0;
  const results: FixedResult[] = tasks.map((_, index) => cached?.results[index] ?? linted[next++]!);

  if (options.fix) writeFixes(tasks, results);
  if (cache && cached) {
    storeInCache(cache, tasks, results, cached.hashes, options);
    try {
      cache.save();
    } catch (error) {
      io.stderr.write(`mtlint: warning: cannot write the cache: ${describeError(error)}\n`);
    }
  }

  const files: FileReport[] = tasks.map((task, index) => {
    const { output: fixed, ...result } = results[index]!;
    return {
      path: task.display,
      result: capDiagnostics(result, options.maxDiagnostics),
      ...(fixed === undefined ? {} : { output: fixed }),
    };
  });
  for (const { path, result } of files) {
    if (!result.summary.truncated) continue;
    const { errors, warnings, infos } = result.summary;
    io.stderr.write(
      `mtlint: warning: ${path}: the list shows ${result.diagnostics.length} of ${errors + warnings + infos} diagnostics (--max-diagnostics, or the server's limit); counts and the quality gate cover all\n`,
    );
  }
  const weights = tasks.map((task) => task.effective.weights);
  const fullReport = buildReport(files, weights, options, pkg.version);
  const report = options.quiet ? errorsOnly(fullReport) : fullReport;
  const terminal = { flag: options.color, env: io.env, stream: io.stdout };
  const color =
    (options.format === 'stylish' || options.formatModule !== undefined) &&
    !options.outputFile &&
    useColor(terminal);
  const formatOptions = {
    color,
    docsBaseUrl: io.env.MTLINT_DOCS_URL || undefined,
    width: terminalWidth(terminal),
  };
  const output = customFormat
    ? await customFormat(report, formatOptions)
    : formatters[options.format](report, formatOptions);
  if (options.outputFile) {
    const target = resolve(io.cwd, options.outputFile);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    } catch (error) {
      throw new CliError(`Cannot write ${options.outputFile}: ${describeError(error)}`);
    }
    if (options.format !== 'stylish' || options.formatModule !== undefined) {
      for (const failure of report.gate.failures)
        io.stderr.write(`mtlint: quality gate failed: ${failure}\n`);
    }
  } else {
    await write(io.stdout, output);
  }
  return fullReport.totals.errors > 0 || fullReport.gate.failures.length > 0 ? 1 : 0;
}

/**
 * `--workers N` if given. Else one linting thread per two cores, when there are files enough to
 * repay a worker's start-up: one linting thread already keeps about 1.2 cores busy (V8 compiles and
 * collects garbage on background threads, ~40% of the CPU time measured), and each extra isolate
 * pays its own start-up and JIT warm-up. On 2 cores that means in process, which measured fastest
 * (docs/cli.md, "Speed on many files").
 */
function threadsFor(files: number, options: CliOptions): number {
  if (options.workers !== undefined) return options.workers;
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

async function lintAllRemote(
  tasks: LintTask[],
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  progress: Progress,
): Promise<LintResult[]> {
  const results: LintResult[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await lintRemote(tasks[index]!, {
        server: options.server!,
        token: env.MTLINT_TOKEN || undefined,
      });
      progress.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(REMOTE_CONCURRENCY, tasks.length) }, worker));
  return results;
}

/** Queue mode (--queue); BullMQ and ioredis load only when it is used. */
async function lintAllQueued(
  tasks: LintTask[],
  options: { queue: string; version: string; progress: Progress; io: CliIo },
): Promise<LintResult[]> {
  const queue = await import('./queue.js');
  return queue.lintAllQueued(tasks, { ...options, stderr: options.io.stderr });
}

function buildReport(
  files: FileReport[],
  weights: PenaltyWeights[],
  options: CliOptions,
  version: string,
): LintReport {
  const counts = { error: 0, warning: 0, info: 0 };
  let words = 0;
  for (const { result } of files) {
    counts.error += result.summary.errors;
    counts.warning += result.summary.warnings;
    counts.info += result.summary.infos;
    words += result.summary.words;
  }
  // Each file's findings count with that file's weights (configs may differ per folder).
  const points = files.reduce((sum, { result: { summary } }, index) => {
    const w = weights[index]!;
    return sum + summary.errors * w.error + summary.warnings * w.warning + summary.infos * w.info;
  }, 0);
  const penalty = words === 0 ? 0 : Math.round(((points * 100) / words) * 100) / 100;

  const failures: string[] = [];
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    failures.push(`${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
  }
  if (options.maxPenalty !== undefined) {
    for (const { path, result } of files) {
      if (result.summary.penalty > options.maxPenalty) {
        failures.push(
          `${path}: penalty ${result.summary.penalty} per 100 words, over --max-penalty ${options.maxPenalty}`,
        );
      }
    }
  }
  // A rule's address as its diagnostics carry it (a remote service may have its own); else the engine's.
  const urls = new Map<string, string>();
  for (const { result } of files) for (const d of result.diagnostics) urls.set(d.ruleId, d.url);
  const rules: RuleInfo[] = [...registry.values()].map(({ meta }) => ({
    id: meta.id,
    description: meta.description,
    category: meta.category,
    severity: meta.severity,
    url: urls.get(meta.id) ?? defaultDocsUrl(meta.id),
  }));
  return {
    files,
    totals: {
      files: files.length,
      errors: counts.error,
      warnings: counts.warning,
      infos: counts.info,
      words,
      penalty,
    },
    rules,
    gate: { maxWarnings: options.maxWarnings, maxPenalty: options.maxPenalty, failures },
    tool: { name: 'mtlint', version },
  };
}

function readPackage(): { version: string } {
  for (let url = new URL('./', import.meta.url); ; url = new URL('../', url)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'mtlint') return { version: pkg.version ?? '0.0.0' };
    } catch {
      // not here: look one folder up
    }
    if (url.pathname === '/') return { version: '0.0.0' };
  }
}

async function readStdin(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  } catch (error) {
    throw new CliError(`Cannot read standard input: ${describeError(error)}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((done) => {
    stream.on('error', () => done()); // a closed pipe (| head) is not our error
    if (stream.write(text)) done();
    else stream.once('drain', () => done());
  });
}

/** A source file, read once: a usage error (exit 2) when it cannot be read. */
function readSourceFile(absolute: string, shown: string): { text: string; kind: DocumentKind } {
  try {
    return { text: readFileSync(absolute, 'utf8'), kind: kindOf(absolute) };
  } catch (error) {
    throw new CliError(`Cannot read the source ${shown}: ${describeError(error)}`);
  }
}

/**
 * The source the config's pairing rule gives a file. One that does not exist is no error (not
 * every article has its source at hand): the file is linted English-only, and stderr says so,
 * once for that file. One that exists but cannot be read is an error, as with --source.
 */
function pairedSource(
  pairing: SourcePairing | undefined,
  absolute: string,
  display: string,
  io: Pick<CliIo, 'cwd' | 'stderr'>,
): { text: string; kind: DocumentKind } | undefined {
  if (!pairing) return undefined;
  const path = sourcePathFor(pairing.template, pairing.directory, absolute);
  const shown = displayPath(io.cwd, path);
  if (path === absolute) {
    io.stderr.write(
      `mtlint: warning: ${display}: the config's "source" (${pairing.template}) pairs it with itself; linted without a source\n`,
    );
    return undefined;
  }
  if (!existsSync(path)) {
    io.stderr.write(
      `mtlint: warning: ${display}: no source ${shown} (config "source"); linted without it\n`,
    );
    return undefined;
  }
  return readSourceFile(path, shown);
}
