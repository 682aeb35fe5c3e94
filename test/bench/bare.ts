// The floor under any HTTP API over these statements: a bare node:http server in the bench's process that reads and
// parses the request's body as the API does, runs the captured statements through neo4j-driver (test/bench/capture.ts)
// and answers their rows as JSON, with no GraphQL, no token check and no resolvers. Asked by the same client as the
// API, it shows what the transport alone adds to the driver's time (the "bare HTTP" column of `npm run bench`), so
// API / bare is the API's own cost. Loopback only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Header carrying the request's index: the server answers `handler(index)`. */
export const BENCH_INDEX_HEADER = 'x-bench-index';

export interface BareHttp {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the bare server on 127.0.0.1 (a free port). Each POST's body is read and parsed as JSON (a body that is not
 * JSON: 400); then `handler(index)` gives the rows, sent as `{ "data": rows }` (its failure: 500 with the message).
 */
export async function startBareHttp(handler: (index: number) => Promise<unknown>): Promise<BareHttp> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        const json = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      };
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, { errors: [{ message: 'body is not JSON' }] });
      }
      handler(Number(req.headers[BENCH_INDEX_HEADER])).then(
        (data) => reply(200, { data }),
        (err: unknown) => reply(500, { errors: [{ message: (err as Error).message }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
