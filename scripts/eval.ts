/**
 * Measures the rules on real MT output annotated by professional translators (WMT23 zh→en MQM,
 * development split): lints every segment and every document through the engine, writes the
 * predictions, and runs the data set's own scorer on them.
 *
 *   npm run eval -- [--data DIR] [--config FILE] [--out DIR] [--only RULEID]
 *                   [--severity error,warning] [--files segments.jsonl,documents.jsonl]
 *                   [-- extra score.py flags]
 *
 * DIR holds segments.jsonl, documents.jsonl and score.py (default: MTLINT_EVAL_DATA, else
 * ../shared/data/mqm-wmt23-zhen). --files names the files of DIR to score: the TED talks set
 * (mqm-ted-zhen) has segments.jsonl only, so it is read with `--files segments.jsonl`. Predictions and the scorer's JSON land in --out (default
 * eval-out/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createMtLinter } from '../src/linter.js';

const { values, positionals } = parseArgs({
  options: {
    data: { type: 'string' },
    config: { type: 'string' },
    out: { type: 'string', default: 'eval-out' },
    only: { type: 'string' },
    /** Keep only diagnostics of these severities (comma-separated): the bar for error/warning rules. */
    severity: { type: 'string' },
    /** Which files of DIR to lint and score (comma-separated). */
    files: { type: 'string', default: 'segments.jsonl,documents.jsonl' },
  },
  allowPositionals: true,
});

const data = resolve(
  values.data ?? process.env.MTLINT_EVAL_DATA ?? join('..', 'shared', 'data', 'mqm-wmt23-zhen'),
);
const files = values.files.split(',').filter(Boolean);
for (const file of files) {
  if (!existsSync(join(data, file))) {
    console.error(
      `eval: no ${file} in ${data}; pass --data DIR (or set MTLINT_EVAL_DATA) and --files`,
    );
    process.exit(2);
  }
}
const config: unknown = values.config
  ? JSON.parse(readFileSync(values.config, 'utf8'))
  : { extends: 'all' };
const linter = createMtLinter(config);
const severities = values.severity ? new Set(values.severity.split(',')) : undefined;
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

interface Gold {
  id: string;
  target: string;
}

function predict(file: string): string {
  const lines = readFileSync(join(data, file), 'utf8').split('\n').filter(Boolean);
  const preds: string[] = [];
  let words = 0;
  const started = performance.now();
  for (const line of lines) {
    const gold = JSON.parse(line) as Gold;
    const { diagnostics, summary } = linter.lint(gold.target);
    words += summary.words;
    const messages = diagnostics
      .filter((d) => !values.only || d.ruleId === values.only)
      .filter((d) => !severities || severities.has(d.severity))
      .map(({ ruleId, offset, length, severity }) => ({ ruleId, offset, length, severity }));
    preds.push(JSON.stringify({ id: gold.id, messages }));
  }
  const seconds = (performance.now() - started) / 1000;
  const predFile = join(out, file.replace('.jsonl', '.pred.jsonl'));
  writeFileSync(predFile, preds.join('\n') + '\n');
  console.error(`${file}: ${lines.length} texts, ${words} words, ${seconds.toFixed(2)} s`);
  return predFile;
}

for (const file of files) {
  const pred = predict(file);
  console.log(`\n## ${file}\n`);
  const result = spawnSync(
    'python3',
    [
      join(data, 'score.py'),
      '--gold',
      join(data, file),
      '--pred',
      pred,
      '--utf16',
      '--json',
      pred.replace('.pred.jsonl', '.score.json'),
      ...positionals,
    ],
    { encoding: 'utf8' },
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
