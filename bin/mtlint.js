#!/usr/bin/env node
// The mtlint command. The CLI is compiled TypeScript: `npm run build` (which `npm test` and
// `npm start` run first) writes it to dist/.
import { runCli } from '../dist/src/cli/run.js';

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
