import type { ServerResponse } from 'node:http';

/**
 * What the lint service needs of a signal that says nobody waits for a result any more. An
 * AbortSignal has this shape; so does the cheaper ClientGone below.
 */
export interface AbandonSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/**
 * Aborted once, when the client has gone. An AbortController (with its EventTarget, listener
 * records and event objects) cost the HTTP thread several microseconds per request for a signal
 * that almost never fires; this keeps a plain list. Listeners are called once, in order, as
 * AbortSignal's `{once: true}` listeners are.
 */
class ClientGone implements AbandonSignal {
  aborted = false;
  private listeners: (() => void)[] | undefined;

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.aborted) return; // as AbortSignal: an aborted signal fires no more events
    (this.listeners ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const index = this.listeners?.indexOf(listener) ?? -1;
    if (index >= 0) this.listeners!.splice(index, 1);
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }
}

/**
 * A signal aborted when the client goes away before its response is sent (it hung up, or its
 * socket was destroyed): the lint service then drops the request's documents that have not
 * started, instead of spending a worker on an answer nobody will read.
 */
export function abandonSignal(_req: unknown, res: ServerResponse): AbandonSignal {
  const signal = new ClientGone();
  // A response closes once: a plain listener, without once's wrapper.
  res.on('close', () => {
    if (!res.writableFinished) signal.abort();
  });
  return signal;
}
