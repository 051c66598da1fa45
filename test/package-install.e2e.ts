/**
 * mtlint as another project gets it (`npm run test:package`, not part of `npm test`: it takes
 * minutes and needs the npm registry): the tarball made by `npm pack`, installed with production
 * dependencies only, runs as `npx mtlint`, and `import { lint, createLinter } from 'mtlint'`
 * agrees with the HTTP API. What the tarball holds is checked by test/package.test.ts.
 *
 * Packs the current dist/ (the script builds first) without running `prepare` again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import type { LintResult } from '../src/index.js';
import { ROOT } from './helpers/cli.js';

const SAMPLE = join(ROOT, 'samples', 'xinhua-bachelet-visit.txt');

/** Child processes get neither jest's NODE_OPTIONS nor the settings of an enclosing `npm run`. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: 'true' };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return env;
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 300_000 });
}

describe('the tarball installed in another project (production dependencies only)', () => {
  const project = mkdtempSync(join(tmpdir(), 'mtlint-consumer-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  beforeAll(() => {
    const [packed] = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', project], ROOT),
    ) as { filename: string }[];
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    npm(
      ['install', '--omit=dev', '--no-audit', '--no-fund', join(project, packed!.filename)],
      project,
    );
  }, 300_000);

  const node = (args: string[], input?: string, timeout = 60_000) => {
    const run = spawnSync(process.execPath, args, {
      cwd: project,
      env: cleanEnv(),
      encoding: 'utf8',
      input,
      timeout,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  async function httpLint(text: string, config?: unknown): Promise<LintResult> {
    const app = createApp({ lintService: createInProcessLintService(), defaultMetrics: false });
    const response = await request(app).post('/v1/lint').send({ text, config });
    expect(response.status).toBe(200);
    return response.body as LintResult;
  }

  it('npx mtlint lints a sample: findings exit 1, the JSON report parses', () => {
    const run = spawnSync('npx', ['--no', 'mtlint', SAMPLE, '--format', 'json'], {
      cwd: project,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { files: { diagnostics: unknown[] }[] };
    expect(report.files[0]!.diagnostics.length).toBeGreaterThan(0);
  });

  it('import { lint, createLinter } from "mtlint": the HTTP API result for the same text', async () => {
    const config = { rules: { 'stray-punctuation': 'warning' } };
    writeFileSync(
      join(project, 'api.mjs'),
      `import { readFileSync } from 'node:fs';
import { lint, createLinter } from 'mtlint';
import { formatters } from 'mtlint/formatters';
const text = readFileSync(0, 'utf8');
const results = {
  lint: await lint(text),
  createLinter: await createLinter(${JSON.stringify(config)}).lint(text, { format: 'text' }),
  formatters: Object.keys(formatters),
};
process.stdout.write(JSON.stringify(results));
`,
    );
    const text = readFileSync(SAMPLE, 'utf8');
    const run = node(['api.mjs'], text);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(results.lint).toEqual(await httpLint(text));
    expect(results.createLinter).toEqual(await httpLint(text, config));
    expect(results.formatters).toContain('sarif');
  });

  it("runs the README's Node API example as it is written", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Node API'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("from 'mtlint'");
    writeFileSync(join(project, 'readme-example.mjs'), example!);
    const run = node(['readme-example.mjs']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/stray-punctuation/);
  });

  it('its types resolve for a TypeScript project (NodeNext, strict, libraries checked)', () => {
    writeFileSync(
      join(project, 'check.ts'),
      `import { createLinter, lint, type Diagnostic, type LintResult } from 'mtlint';
import { formatters, type LintReport } from 'mtlint/formatters';
const result: LintResult = await lint('They met. .', { format: 'markdown', source: '他们见面了。' });
const first: Diagnostic | undefined = result.diagnostics[0];
const linter = createLinter({ extends: 'all', rules: { readability: 'off' } });
// @ts-expect-error: not one of the formats
await linter.lint('x', { format: 'rst' });
export const used: [Diagnostic | undefined, typeof formatters.json, LintReport | undefined] = [
  first,
  formatters.json,
  undefined,
];
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['check.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    // Checking every library's declarations takes a while on a busy machine.
    const run = node([tsc, '-p', 'tsconfig.json'], undefined, 240_000);
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
