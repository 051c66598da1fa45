/**
 * `--cache` (the built CLI: `npm run build` first). Whether a result came from the cache is seen,
 * not timed: the test marks a stored result, and a run that answers from the cache shows the mark.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, mtlint } from './helpers/cli.js';

const ARTICLE = 'The delegation arrived in Beijing on Monday. . The talks began on Tuesday.\n';
const MARK = 'FROM THE CACHE';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtlint-cache-'));
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'b.txt'), ARTICLE.replace('Monday', 'Sunday'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface CacheFile {
  files: Record<string, { hash: string; result: { diagnostics: { message: string }[] } }>;
}
const cacheAt = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as CacheFile;

/** Changes the stored message of `file`'s first diagnostic, so a cache hit is visible. */
function mark(path: string, file: string): void {
  const cache = cacheAt(path);
  cache.files[file]!.result.diagnostics[0]!.message = MARK;
  writeFileSync(path, JSON.stringify(cache));
}

const lint = (args: string[]) => mtlint([...args, '--format', 'json'], { cwd: dir });
const messages = (args: string[]) =>
  json(lint(args)).files.map((file) => file.diagnostics[0]?.message);

describe('--cache', () => {
  it('answers unchanged files from .mtlintcache and lints changed ones', () => {
    const first = lint(['a.txt', 'b.txt', '--cache']);
    expect(first.status).toBe(1);
    const path = join(dir, '.mtlintcache');
    expect(Object.keys(cacheAt(path).files).sort()).toEqual(['a.txt', 'b.txt']);
    mark(path, 'a.txt');
    mark(path, 'b.txt');

    // Same files, same config: both from the cache, and the exit code from the cached results.
    const second = lint(['a.txt', 'b.txt', '--cache']);
    expect(json(second).files.map((f) => f.diagnostics[0]!.message)).toEqual([MARK, MARK]);
    expect(second.status).toBe(1);

    // A changed file (content, not time) is linted again; the other still comes from the cache.
    writeFileSync(join(dir, 'b.txt'), ARTICLE.replace('Monday', 'Friday'));
    const [a, b] = messages(['a.txt', 'b.txt', '--cache']);
    expect(a).toBe(MARK);
    expect(b).not.toBe(MARK);

    // Without --cache nothing is read from it.
    expect(messages(['a.txt'])[0]).not.toBe(MARK);
  });

  it('a different config misses the cache', () => {
    lint(['a.txt', '--cache']);
    mark(join(dir, '.mtlintcache'), 'a.txt');
    expect(messages(['a.txt', '--cache'])[0]).toBe(MARK);
    expect(messages(['a.txt', '--cache', '--rule', 'readability:off'])[0]).not.toBe(MARK);
    writeFileSync(join(dir, '.mtlintrc.json'), '{"rules": {"calque": "off"}}');
    lint(['a.txt', '--cache']);
    mark(join(dir, '.mtlintcache'), 'a.txt');
    writeFileSync(join(dir, '.mtlintrc.json'), '{"rules": {"calque": "warning"}}');
    expect(messages(['a.txt', '--cache'])[0]).not.toBe(MARK);
  });

  it('--cache-location names the file, or a folder to hold .mtlintcache', () => {
    lint(['a.txt', '--cache', '--cache-location', 'tmp/lint.json']);
    expect(existsSync(join(dir, 'tmp', 'lint.json'))).toBe(true);
    mkdirSync(join(dir, 'cachedir'));
    lint(['a.txt', '--cache', '--cache-location', 'cachedir']);
    expect(existsSync(join(dir, 'cachedir', '.mtlintcache'))).toBe(true);
    lint(['a.txt', '--cache', '--cache-location', 'new/']);
    expect(existsSync(join(dir, 'new', '.mtlintcache'))).toBe(true);
    expect(existsSync(join(dir, '.mtlintcache'))).toBe(false);
    const alone = mtlint(['a.txt', '--cache-location', 'x'], { cwd: dir });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--cache-location applies only with --cache');
  });

  it('a damaged cache is replaced with a warning, never trusted', () => {
    writeFileSync(join(dir, '.mtlintcache'), '{ not json');
    const run = lint(['a.txt', '--cache']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not an mtlint cache; it will be replaced');
    expect(Object.keys(cacheAt(join(dir, '.mtlintcache')).files)).toEqual(['a.txt']);
  });

  it('with --fix, a cached result that still has fixes is linted and fixed', () => {
    lint(['a.txt', '--cache']);
    mark(join(dir, '.mtlintcache'), 'a.txt');
    const fixed = lint(['a.txt', '--cache', '--fix']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(ARTICLE.replace('. .', '.'));
    expect(json(fixed).files[0]!.diagnostics).toEqual([]);
    // The fixed file's result is what is cached now: the next run is answered from it.
    const entry = cacheAt(join(dir, '.mtlintcache')).files['a.txt']!;
    expect(entry.result.diagnostics).toEqual([]);
    expect(lint(['a.txt', '--cache']).status).toBe(0);
  });
});
