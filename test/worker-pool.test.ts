import { afterAll, describe, expect, it } from '@jest/globals';
import { WorkerPool } from '../src/http/worker-pool.js';

const echo = new URL('./fixtures/echo-pool-worker.mjs', import.meta.url).href;
const broken = new URL('./fixtures/broken-lint-worker.mjs', import.meta.url).href;

const pools: WorkerPool[] = [];
function poolOf(module: string, threads: number): WorkerPool {
  const pool = new WorkerPool({ module, threads });
  pools.push(pool);
  return pool;
}

afterAll(() => Promise.all(pools.map((pool) => pool.close())));

describe('WorkerPool', () => {
  it('answers each task, spread over its threads', async () => {
    const pool = poolOf(echo, 2);
    const answers = (await Promise.all(
      Array.from({ length: 8 }, (_, value) => pool.run({ value })),
    )) as { value: number; threadId: number }[];
    expect(answers.map((answer) => answer.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(answers.map((answer) => answer.threadId)).size).toBe(2);
    expect(await pool.run({ kind: 'later', value: 'waited' })).toBe('waited');
  });

  it('answers moved bytes, and a task that throws with its error', async () => {
    const pool = poolOf(echo, 1);
    const bytes = await pool.run({ kind: 'bytes', value: 'déjà' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('déjà');
    await expect(pool.run({ kind: 'throw', value: 7 })).rejects.toThrow('failed on 7');
    expect(await pool.run({ value: 'after' })).toMatchObject({ value: 'after' });
  });

  it('fails the tasks of a thread that exits, and replaces it', async () => {
    const pool = poolOf(echo, 1);
    const [first] = pool.threads;
    const exiting = pool.run({ kind: 'exit' });
    const held = pool.run({ value: 'held' });
    await expect(exiting).rejects.toThrow('exited with code 3');
    await expect(held).rejects.toThrow('exited with code 3');
    expect(pool.threads).toHaveLength(1);
    expect(pool.threads[0]).not.toBe(first);
    expect(await pool.run({ value: 'next' })).toMatchObject({ value: 'next' });
  });

  it('reports a thread that fails while loading, starts no other, and fails tasks at once', async () => {
    const pool = poolOf(broken, 2);
    const errors: Error[] = [];
    pool.on('error', (error: Error) => errors.push(error));
    while (pool.threads.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(errors.map((error) => error.message)).toEqual([
      'The lint worker cannot load its rules',
      'The lint worker cannot load its rules',
    ]);
    await expect(pool.run({ value: 1 })).rejects.toMatchObject({ code: 'ERR_NO_WORKER_THREADS' });
  });

  it('lets the threads finish what they hold when closed', async () => {
    const pool = new WorkerPool({ module: echo, threads: 1 });
    const held = pool.run({ kind: 'later', value: 'finished' });
    await pool.close();
    expect(await held).toBe('finished');
    expect(pool.threads).toHaveLength(0);
    await expect(pool.run({ value: 1 })).rejects.toThrow('The pool is closed');
  });
});
