/**
 * How fast the mtlint command lints a folder of articles: writes 500 articles (paragraphs of the
 * seed article, shuffled; mostly plain text, some Markdown and HTML) to a temporary folder, then
 * times `mtlint DIR` end to end (process start included) with 1 worker and with one per core.
 *
 *   npm run bench:cli -- [--files 500] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { article, ROOT } from './bench-articles.js';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' } },
});
const fileCount = Number(values.files);
const runs = Number(values.runs);
const root = ROOT;
const bin = join(root, 'bin', 'mtlint.js');

const dir = mkdtempSync(join(tmpdir(), 'mtlint-bench-'));
let words = 0;
for (let index = 0; index < fileCount; index++) {
  const { name, text } = article(index);
  words += text.split(/\s+/).filter(Boolean).length;
  writeFileSync(join(dir, name), text);
}
// The folder has no config file above it in a temp dir: a stray one would change what is linted.
writeFileSync(join(dir, '.mtlintrc.json'), '{}\n');

function time(workers: number): number {
  const started = performance.now();
  const env = { ...process.env, CI: 'true' };
  const result = spawnSync(
    process.execPath,
    [
      bin,
      dir,
      '--format',
      'json',
      '--output-file',
      join(dir, 'report.json'),
      '--workers',
      String(workers),
    ],
    { env, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`mtlint exited with ${result.status}: ${result.stderr}`);
  }
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { files: unknown[] };
  if (report.files.length !== fileCount) throw new Error(`linted ${report.files.length} files`);
  return seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cores = availableParallelism();
console.log(
  `bench:cli: ${fileCount} articles, ${words.toLocaleString('en-US')} words, in ${dir}; ` +
    `${runs} runs each, median wall time (process start included); ${cores} cores\n`,
);
try {
  for (const workers of [...new Set([1, cores])]) {
    const seconds = median(Array.from({ length: runs }, () => time(workers)));
    console.log(
      `${String(workers).padStart(2)} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(2)} s, ` +
        `${(fileCount / seconds).toFixed(1)} files/s, ${Math.round(words / seconds).toLocaleString('en-US')} words/s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
