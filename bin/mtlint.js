#!/usr/bin/env node
// The mtlint command. The CLI is compiled TypeScript in dist/ (`npm ci` builds it; so do
// `npm run build`, `npm test` and `npm start`).
//
// Exit 1 means "findings", and CI recipes accept it as a lint result: anything that goes wrong
// here (mtlint not built, a failed import, an unexpected error) must exit 2 instead, with one
// line on standard error; the stack only with --debug or DEBUG set.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const debug = process.argv.includes('--debug') || Boolean(process.env.DEBUG);

function crash(error, what = 'Unexpected error') {
  const message = error instanceof Error ? error.message : String(error);
  const hint = debug ? '' : ' (--debug for the stack)';
  process.stderr.write(`mtlint: ${what}: ${message.split('\n')[0]}${hint}\n`);
  if (debug) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
}

// Errors thrown outside runCli's own handling (an event emitter's error, a stray rejection).
process.on('uncaughtException', (error) => crash(error));

const entry = new URL('../dist/src/cli/run.js', import.meta.url);
let runCli;
try {
  ({ runCli } = await import(entry.href));
} catch (error) {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && !existsSync(fileURLToPath(entry));
  crash(
    error,
    missing
      ? 'mtlint is not built (run `npm run build` in its folder, or install a packed release)'
      : 'mtlint failed to load',
  );
}

try {
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  crash(error);
}
