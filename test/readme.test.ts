/**
 * The README's and the HTTP docs' examples, run: each `curl` example against the real app (its
 * printed answer must be exactly what the service answers), each config example through the real
 * config parsers, each `npx mtlint` line through the real argument parser. Each check is also run
 * on a deliberately changed copy, which it must reject.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { resolveConfig } from '../src/core/index.js';
import { parseCliArgs } from '../src/cli/args.js';
import { ConfigLoader } from '../src/cli/config.js';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { registry } from '../src/linter.js';
import {
  cliExamples,
  consoleExamples,
  fences,
  parseCurl,
  type CurlRequest,
} from './helpers/doc-examples.js';

const readme = readFileSync('README.md', 'utf8');
const httpDoc = readFileSync('docs/http.md', 'utf8');

// The docs show a service on a two-core machine: its pool's load is what /readyz reports.
const app = createApp({
  lintService: createInProcessLintService(),
  defaultMetrics: false,
  load: () => ({
    workers: 2,
    running: 0,
    queued: 0,
    maxQueue: 16,
    saturated: false,
    workersFailing: false,
  }),
});

/** What the service answers to a curl example, as curl -s prints it. */
async function answer(curl: CurlRequest): Promise<string> {
  let call = curl.method === 'GET' ? request(app).get(curl.path) : request(app).post(curl.path);
  for (const [name, value] of Object.entries(curl.headers)) call = call.set(name, value);
  const res = curl.body === undefined ? await call : await call.send(curl.body);
  return res.text;
}

/** A config example: valid for the engine (HTTP `config`) and as a config file (CLI). */
async function checkConfig(json: string): Promise<void> {
  const config = JSON.parse(json) as unknown;
  resolveConfig(config, registry);
  const dir = mkdtempSync(join(tmpdir(), 'mtlint-readme-'));
  try {
    writeFileSync(join(dir, '.mtlintrc.json'), json);
    // Awaited: the folder is removed right after, and a load still reading it would fail.
    await new ConfigLoader().load(join(dir, '.mtlintrc.json'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README.md', () => {
  const blocks = fences(readme);
  const curlAt = blocks.findIndex((b) => b.lang === 'sh' && /curl .*\/v1\/lint/.test(b.body));
  const curl = parseCurl(blocks[curlAt]!.body)!;
  const printed = blocks[curlAt + 1]!;

  it('POST /v1/lint answers exactly the JSON printed under the curl example', async () => {
    expect(curl).toMatchObject({ method: 'POST', path: '/v1/lint' });
    expect(printed.lang).toBe('json');
    expect(await answer(curl)).toBe(printed.body.trim());
  });

  it('would notice a stale answer or a changed request', async () => {
    const stale = JSON.parse(printed.body) as { diagnostics: Record<string, unknown>[] };
    delete stale.diagnostics[0]!.messageId;
    expect(await answer(curl)).not.toBe(JSON.stringify(stale));
    const changed = { ...curl, body: curl.body!.replace('. .', '.') };
    expect(await answer(changed)).not.toBe(printed.body.trim());
  });

  const configs = blocks.filter(
    (b) =>
      b.lang === 'json' && /"(?:rules|extends)"/.test(b.body) && !b.body.includes('diagnostics'),
  );

  it('has config examples that the engine and the config-file loader accept', async () => {
    expect(configs.length).toBeGreaterThan(0);
    for (const block of configs) await checkConfig(block.body);
  });

  it('would reject a config example with a mistake in it', async () => {
    for (const block of configs) {
      await expect(checkConfig(block.body.replace('"warning"', '"warn"'))).rejects.toThrow(
        /Invalid config: rules.stray-punctuation/,
      );
      await expect(
        checkConfig(block.body.replace('"readability"', '"readabilty"')),
      ).rejects.toThrow(/readabilty/);
    }
  });
});

describe('command-line examples (README.md, docs/cli.md, docs/ci.md)', () => {
  const examples = ['README.md', 'docs/cli.md', 'docs/ci.md'].flatMap((file) =>
    cliExamples(readFileSync(file, 'utf8')).map((example) => ({ ...example, file })),
  );

  it('parse with the real argument parser', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const { argv, stdin, text, file } of examples) {
      expect({ file, text, error: tryParse(argv, stdin) }).toEqual({ file, text, error: '' });
    }
  });

  it('would reject a mistyped option', () => {
    for (const { argv, stdin } of examples) {
      expect(tryParse([...argv, '--formt', 'json'], stdin)).toMatch(/formt/);
    }
  });

  function tryParse(argv: string[], stdin: boolean): string {
    try {
      parseCliArgs(argv, !stdin);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  }
});

describe('docs/http.md', () => {
  const examples = consoleExamples(httpDoc);
  const runnable = examples.filter((example) => parseCurl(example.command));

  it('prints what the service answers, for every curl example it can run', async () => {
    // Only the metrics example (piped through grep, counts from a running service) is not run.
    expect(examples.filter((example) => !parseCurl(example.command)).map((e) => e.command)).toEqual(
      [expect.stringMatching(/\/metrics \| grep/)],
    );
    expect(runnable.length).toBeGreaterThanOrEqual(12);
    for (const { command, output } of runnable) {
      expect({ command, output: await answer(parseCurl(command)!) }).toEqual({ command, output });
    }
  });

  it('would notice an example whose printed answer is not the real one', async () => {
    const [first] = runnable;
    const real = await answer(parseCurl(first!.command)!);
    expect(real).toBe(first!.output);
    expect(real).not.toBe(first!.output.replace(/"errors":1/, '"errors":2'));
  });
});
