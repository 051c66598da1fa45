/** One thread linting the article in process as fast as it can, for the load benchmark's baseline. */
import { parentPort, workerData } from 'node:worker_threads';
import { createMtLinter } from '../src/linter.js';

const { text, warmupMs, durationMs } = workerData as {
  text: string;
  warmupMs: number;
  durationMs: number;
};
const linter = createMtLinter();
const warmupEnd = performance.now() + warmupMs;
while (performance.now() < warmupEnd) linter.lint(text);
let documents = 0;
const started = performance.now();
while (performance.now() - started < durationMs) {
  linter.lint(text);
  documents++;
}
parentPort!.postMessage({ documents, seconds: (performance.now() - started) / 1000 });
