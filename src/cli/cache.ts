/**
 * `--cache`: a file whose content, effective config, format and mtlint version are those of the
 * last run is not linted again; its result comes from the cache file. The key is a hash of all of
 * these (not the modification time), so a checkout, a touch or a copy does not defeat it, and a
 * changed config or a new mtlint version always does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LintResult } from '../core/index.js';
import { describeError } from './errors.js';
import type { FixedResult } from './fix.js';
import type { LintTask } from './task.js';

/** What of the run changes what is cached. */
export interface CacheRunOptions {
  server?: string;
  fix: boolean;
  fixDryRun: boolean;
}

export const DEFAULT_CACHE_FILE = '.mtlintcache';
/** Bumped when the cache file's shape changes; an older file is then started afresh. */
const FORMAT = 1;

interface Entry {
  hash: string;
  result: LintResult;
}

interface CacheFile {
  mtlintCache: number;
  version: string;
  files: Record<string, Entry>;
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold one. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isFolder =
    location.endsWith('/') ||
    location.endsWith(sep) ||
    (existsSync(path) && statSync(path).isDirectory());
  return isFolder ? join(path, DEFAULT_CACHE_FILE) : path;
}

export class LintCache {
  private readonly entries: Record<string, Entry>;

  private constructor(
    readonly path: string,
    private readonly version: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  /**
   * Opens the cache file, or starts an empty cache when there is none. One that cannot be read or
   * is not a cache is replaced; `warn` says so, since it costs a full run.
   */
  static open(path: string, version: string, warn: (message: string) => void): LintCache {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        warn(`cannot read the cache ${path} (${describeError(error)}); linting every file`);
      }
      return new LintCache(path, version, {});
    }
    let data: Partial<CacheFile> | null = null;
    try {
      data = JSON.parse(text) as Partial<CacheFile>;
    } catch {
      // handled below
    }
    if (typeof data !== 'object' || data === null || typeof data.files !== 'object') {
      warn(`${path} is not an mtlint cache; it will be replaced`);
      return new LintCache(path, version, {});
    }
    // Another version or shape: every hash would miss anyway; start clean.
    if (data.mtlintCache !== FORMAT || data.version !== version) {
      return new LintCache(path, version, {});
    }
    return new LintCache(path, version, data.files ?? {});
  }

  /**
   * The hash a file's result is stored under: what it was linted with and its text, and its
   * Chinese source when it has one (a changed or newly found source is a new lint).
   */
  hash(task: LintTask, text: string, server: string | undefined): string {
    const hash = createHash('sha256')
      .update(JSON.stringify([this.version, task.kind, task.effective, server ?? null]))
      .update('\u0000')
      .update(text);
    if (task.source) hash.update(`\u0000${task.source.kind}\u0000`).update(task.source.text);
    return hash.digest('hex');
  }

  /**
   * The stored result for this file and hash. When fixing, a result that still has fixes to apply
   * is not used: the file must be linted to be fixed (ESLint does the same).
   */
  get(task: LintTask, hash: string, fixing: boolean): LintResult | undefined {
    const entry = this.entries[this.key(task.absolute)];
    if (!entry || entry.hash !== hash) return undefined;
    if (fixing && entry.result.diagnostics.some((d) => d.fix !== undefined)) return undefined;
    return entry.result;
  }

  set(task: LintTask, hash: string, result: LintResult): void {
    this.entries[this.key(task.absolute)] = { hash, result };
  }

  /**
   * Writes the cache: this run's files and those of earlier runs that still exist (a run over part
   * of the tree keeps the rest). Written beside and renamed, so a crash never leaves half a file.
   */
  save(): void {
    const files: Record<string, Entry> = {};
    for (const [key, entry] of Object.entries(this.entries)) {
      if (existsSync(resolve(dirname(this.path), key))) files[key] = entry;
    }
    const data: CacheFile = { mtlintCache: FORMAT, version: this.version, files };
    const temporary = `${this.path}.${process.pid}.tmp`;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(temporary, JSON.stringify(data));
    renameSync(temporary, this.path);
  }

  /** Paths relative to the cache file, so a cache moved with its checkout still matches. */
  private key(absolute: string): string {
    const path = relative(dirname(this.path), absolute);
    return isAbsolute(path) ? path : path.split(sep).join('/');
  }
}

/** Each file's text, its hash, and the cached result where the hash matches. */
export function lookUpCache(
  cache: LintCache,
  tasks: LintTask[],
  options: CacheRunOptions,
): { hashes: (string | undefined)[]; results: (LintResult | undefined)[] } {
  const hashes: (string | undefined)[] = [];
  const results: (LintResult | undefined)[] = [];
  for (const task of tasks) {
    let text: string;
    try {
      text = readFileSync(task.absolute, 'utf8');
    } catch {
      // Linting will report it, in file order, with the other errors.
      hashes.push(undefined);
      results.push(undefined);
      continue;
    }
    const hash = cache.hash(task, text, options.server);
    task.text = text; // read once: the linter need not read it again
    hashes.push(hash);
    results.push(cache.get(task, hash, options.fix || options.fixDryRun));
  }
  return { hashes, results };
}

/**
 * A result is stored under the hash of the text it describes: the file as read, or as fixed and
 * written by --fix. A dry run's result describes text that is not on disk, so it is not stored.
 */
export function storeInCache(
  cache: LintCache,
  tasks: LintTask[],
  results: FixedResult[],
  hashes: (string | undefined)[],
  options: CacheRunOptions,
): void {
  tasks.forEach((task, index) => {
    const { output, ...result } = results[index]!;
    const hash = hashes[index];
    if (hash === undefined) return;
    if (output === undefined) cache.set(task, hash, result);
    else if (options.fix) cache.set(task, cache.hash(task, output, options.server), result);
  });
}
