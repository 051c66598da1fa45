import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { abandonSignal } from '../src/http/abandon.js';

/** A response as the signal sees it: its `close` event and whether it was sent in full. */
function response(): ServerResponse & { writableFinished: boolean } {
  const res = new EventEmitter() as unknown as ServerResponse & { writableFinished: boolean };
  res.writableFinished = false;
  return res;
}

describe('abandonSignal', () => {
  it('aborts when the connection closes before the response was sent, calling each listener once', () => {
    const res = response();
    const signal = abandonSignal(undefined, res);
    const calls: string[] = [];
    signal.addEventListener('abort', () => calls.push('first'), { once: true });
    signal.addEventListener('abort', () => calls.push('second'), { once: true });
    expect(signal.aborted).toBe(false);
    res.emit('close');
    res.emit('close');
    expect(signal.aborted).toBe(true);
    expect(calls).toEqual(['first', 'second']);
  });

  it('does not abort once the response was sent', () => {
    const res = response();
    const signal = abandonSignal(undefined, res);
    const calls: string[] = [];
    signal.addEventListener('abort', () => calls.push('abort'));
    res.writableFinished = true;
    res.emit('close');
    expect(signal.aborted).toBe(false);
    expect(calls).toEqual([]);
  });

  it('does not call a listener that was removed, nor one added after the abort', () => {
    const res = response();
    const signal = abandonSignal(undefined, res);
    const calls: string[] = [];
    const removed = () => calls.push('removed');
    signal.addEventListener('abort', removed);
    signal.addEventListener('abort', () => calls.push('kept'));
    signal.removeEventListener('abort', removed);
    res.emit('close');
    signal.addEventListener('abort', () => calls.push('late'));
    expect(calls).toEqual(['kept']);
  });
});
