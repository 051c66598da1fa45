import { pino } from 'pino';

/** Bytes of log lines gathered before they are written, and the longest a line waits (ms). */
const BATCH_BYTES = 8 * 1024;
const BATCH_MS = 500;

/**
 * Where the service's log lines go: standard output, written asynchronously and in batches. A
 * synchronous write per request line held the HTTP thread in write(2) under load; an asynchronous
 * write per line still cost it a system call per request. Lines are gathered up to 8 KB and
 * written at least every half second, and flushed before the process exits.
 */
export function createLogDestination(fd = 1): ReturnType<typeof pino.destination> {
  const destination = pino.destination({ dest: fd, sync: false, minLength: BATCH_BYTES });
  const timer = setInterval(() => {
    // flush() throws while the stream is not ready yet or already ending: nothing to do then.
    try {
      destination.flush();
    } catch {
      /* the next tick or flushSync on exit writes what is left */
    }
  }, BATCH_MS);
  timer.unref();
  return destination;
}
