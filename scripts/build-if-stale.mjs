// Builds mtlint (`npm run build`) unless dist/ is already current: `npm start` and the `prepare`
// step (run by `npm ci`, `npm install` from a git URL and `npm pack`) call it, so a second start
// does not pay for a rebuild. `--stamp` (the last step of `npm run build`) marks dist/ as built.
//
// Current means: the stamp and the entry points exist, and no input (sources, rules and their data,
// the web page, build scripts, tsconfig, package files) changed since the stamp was written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const STAMP = join('dist', '.build-stamp');
const INPUTS = [
  'src',
  'rules',
  'web',
  'scripts',
  'bench',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];
const OUTPUTS = [
  STAMP,
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/cli/run.js',
  'dist/src/server.js',
  'dist/web/index.html',
];

if (process.argv.includes('--stamp')) {
  mkdirSync('dist', { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  process.exit(0);
}

if (OUTPUTS.every((path) => existsSync(path))) {
  const built = statSync(STAMP).mtimeMs;
  const changed = INPUTS.find((path) => newest(path) > built);
  if (changed === undefined) {
    console.error('mtlint: dist/ is up to date');
    process.exit(0);
  }
  console.error(`mtlint: ${changed} changed since the last build: rebuilding`);
}

// An install without dev dependencies (`npm ci --omit=dev`) has no compiler: dist/ must then come
// from a packed release or an earlier build, and failing the install would help nobody.
const require = createRequire(import.meta.url);
const canBuild = ['typescript', 'esbuild'].every((name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
});
if (!canBuild) {
  console.warn('mtlint: dev dependencies are not installed: not building (dist/ is not current)');
  process.exit(0);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Its output goes to standard error: `npm pack --json` prints its answer on standard output.
const build = spawnSync(npm, ['run', 'build'], {
  stdio: ['inherit', 2, 'inherit'],
  shell: process.platform === 'win32',
});
process.exit(build.status ?? 1);

/** The latest modification time in a file or folder tree (0 when missing). */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file shows as the folder's change
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}
