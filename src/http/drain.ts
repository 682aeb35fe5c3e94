// Draining: stop() closes the listener, lets the requests in flight finish (at most drainMs),
// then closes every connection.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Counts the server's requests in flight; the returned function stops the server once they are answered. */
export function drainOnStop(server: Server): (drainMs: number) => Promise<void> {
  let inFlight = 0;
  let drained: (() => void) | undefined;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  return async (drainMs) => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((resolve) => setTimeout(resolve, drainMs))]);
    }
    server.closeAllConnections();
    await closed;
  };
}
