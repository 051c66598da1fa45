/**
 * The main module of each worker thread of a WorkerPool (worker-pool.ts): loads the task module
 * (its default export handles one task), says it is ready, then answers each task in the order it
 * came. A result wrapped with piscina's `move()` is answered with its buffers transferred, not
 * copied, so task modules written for piscina run here unchanged.
 */
import { parentPort } from 'node:worker_threads';
import { transferableSymbol, valueSymbol } from 'piscina';
import { POOL_MODULE_ARGUMENT, READY, type PoolReply, type PoolRequest } from './worker-pool.js';

type Handler = (task: unknown) => unknown;

const port = parentPort!;
const index = process.argv.indexOf(POOL_MODULE_ARGUMENT);
const module = (await import(process.argv[index + 1]!)) as { default?: unknown };
if (typeof module.default !== 'function') {
  throw new Error(`${process.argv[index + 1]} has no default export to handle tasks`);
}
const handle = module.default as Handler;

port.on('message', ([id, task]: PoolRequest) => {
  let result: unknown;
  try {
    result = handle(task);
  } catch (error) {
    answerError(id, error);
    return;
  }
  if (result instanceof Promise) {
    result.then(
      (value: unknown) => answer(id, value),
      (error: unknown) => answerError(id, error),
    );
  } else {
    answer(id, result);
  }
});
port.postMessage(READY);

function answer(id: number, result: unknown): void {
  const movable = result as { [transferableSymbol]?: unknown; [valueSymbol]?: unknown } | null;
  if (typeof movable === 'object' && movable !== null && transferableSymbol in movable) {
    const transfer = movable[transferableSymbol] as ArrayBuffer[];
    port.postMessage([id, movable[valueSymbol]] satisfies PoolReply, transfer);
  } else {
    port.postMessage([id, result] satisfies PoolReply);
  }
}

function answerError(id: number, error: unknown): void {
  try {
    port.postMessage([id, undefined, error] satisfies PoolReply);
  } catch {
    // An error that cannot be cloned still fails its task, by its description.
    port.postMessage([id, undefined, new Error(String(error))] satisfies PoolReply);
  }
}
