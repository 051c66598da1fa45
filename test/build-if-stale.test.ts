/**
 * scripts/build-if-stale.mjs (`npm start`, `prepare`): builds when dist/ is missing or older than
 * an input, not when it is current, and not at all without the dev dependencies. Run in a scratch
 * project whose `build` script only records that it ran and writes what a build writes.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

const project = mkdtempSync(join(tmpdir(), 'mtlint-stale-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const OUTPUTS = [
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/cli/run.js',
  'dist/src/server.js',
  'dist/web/index.html',
];
const fakeBuild = `const fs = require('fs'); const path = require('path');
for (const file of ${JSON.stringify(OUTPUTS)}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
}
fs.appendFileSync('builds.log', 'built\\n');`;

mkdirSync(join(project, 'scripts'));
mkdirSync(join(project, 'src'));
copyFileSync(
  join(ROOT, 'scripts', 'build-if-stale.mjs'),
  join(project, 'scripts', 'build-if-stale.mjs'),
);
writeFileSync(join(project, 'build.cjs'), fakeBuild);
writeFileSync(join(project, 'src', 'index.ts'), 'export {};\n');
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify({
    name: 'scratch',
    private: true,
    scripts: { build: 'node build.cjs && node scripts/build-if-stale.mjs --stamp' },
  }),
);

function run() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const log = join(project, 'builds.log');
  const builds = existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, builds };
}

describe('build-if-stale', () => {
  it('without the dev dependencies: does not build, says so, exit 0', () => {
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('dev dependencies are not installed');
    expect(result.builds).toBe(0);
  });

  it('builds when dist/ is missing, then not while it is current', () => {
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    const first = run();
    expect(first.status).toBe(0);
    expect(first.builds).toBe(1);
    expect(first.stdout).toBe(''); // `npm pack --json` prints on standard output
    expect(existsSync(join(project, 'dist', '.build-stamp'))).toBe(true);

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toContain('dist/ is up to date');
    expect(second.builds).toBe(1);
  });

  it('rebuilds when a source is newer than the last build, or an output is missing', () => {
    // The last build an hour ago; the source edited since.
    const before = new Date(Date.now() - 3_600_000);
    utimesSync(join(project, 'dist', '.build-stamp'), before, before);
    writeFileSync(join(project, 'src', 'index.ts'), 'export const edited = true;\n');
    const changed = run();
    expect(changed.stderr).toContain('src changed since the last build');
    expect(changed.builds).toBe(2);

    rmSync(join(project, 'dist', 'src', 'server.js'));
    expect(run().builds).toBe(3);
    expect(run().builds).toBe(3);
  });
});
