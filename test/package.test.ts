/**
 * What `npm pack` puts in mtlint's tarball (a dry run, no install): the files that the bin, every
 * export and the runtime need, and nothing of the sources, tests or build tools. Installing the
 * tarball into another project and running it is `npm run test:package`
 * (test/package-install.e2e.ts): it takes minutes and needs the npm registry.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { registry } from '../src/linter.js';
import { ROOT } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};

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

/** Every file under a folder, relative to ROOT, forward slashes. */
function walk(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('npm pack: the files, exports and bin', () => {
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as {
    files: { path: string }[];
  }[];
  const files = new Set(packed!.files.map((file) => file.path));

  it('is publishable: not private, a version with its CHANGELOG section, README and LICENSE', () => {
    expect(pkg.private).toBeUndefined();
    for (const name of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(files).toContain(name);
    }
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}]`);
  });

  it('holds what bin and every export point to, with their types', () => {
    const targets = [
      ...Object.values(pkg.bin),
      ...Object.values(pkg.exports).flatMap((target) =>
        typeof target === 'string' ? [target] : Object.values(target),
      ),
    ].map((path) => path.replace(/^\.\//, ''));
    expect(targets).toContain('dist/src/index.d.ts');
    for (const target of targets) expect(files).toContain(target);
  });

  it('holds every compiled module, rule data file, rule README and the web page', () => {
    const runtime = walk(join(ROOT, 'dist', 'src'))
      .concat(walk(join(ROOT, 'dist', 'rules')), walk(join(ROOT, 'dist', 'web')))
      .filter((path) => !path.endsWith('.map'));
    expect(runtime).toContain('dist/rules/calque/calques.json');
    expect(runtime).toContain('dist/web/index.html');
    for (const path of runtime) expect(files).toContain(path);
    for (const id of registry.keys()) expect(files).toContain(`rules/${id}/README.md`);
  });

  it('leaves out sources, tests, benchmarks, build scripts and source maps', () => {
    const stray = [...files].filter(
      (path) =>
        /^(?:src|test|bench|scripts|web|samples)\//.test(path) ||
        /^dist\/(?:bench|scripts)\//.test(path) ||
        path.endsWith('.map') ||
        (path.endsWith('.ts') && !path.endsWith('.d.ts')),
    );
    expect(stray).toEqual([]);
  });
});
