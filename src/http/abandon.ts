import type { Request, Response } from 'express';

/**
 * A signal aborted when the client goes away before its response is sent (it hung up, or its
 * socket was destroyed): the lint service then drops the request's documents that have not
 * started, instead of spending a worker on an answer nobody will read.
 */
export function abandonSignal(_req: Request, res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
