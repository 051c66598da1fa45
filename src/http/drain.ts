import type { Server, ServerResponse } from 'node:http';

/**
 * Graceful shutdown for a server: `drain()` stops accepting connections, answers every request in
 * flight and any that arrives on an open connection with `Connection: close`, closes each
 * connection as soon as it is idle (including kept-alive ones, which would otherwise stay open
 * for the keep-alive timeout), and resolves once the last connection has closed.
 */
export function drainable(server: Server): { drain(): Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_req, res: ServerResponse) => {
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) closeIdle();
    });
  });
  return {
    drain() {
      draining = true;
      for (const res of inFlight) {
        if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
