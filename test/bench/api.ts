// The API the benchmarks measure: started in-process on loopback with authentication on, an
// administrator's token, and a poster that fails on any GraphQL error. Also the flag parser the
// bench commands share.
import { Agent, request } from 'node:http';
import { mintToken } from '../../src/auth/tokens.js';
import type { CypherExecutor } from '../../src/db/executor.js';
import type { Logger } from '../../src/logger.js';
import { startApp } from '../../src/server.js';

export interface BenchApi {
  url: string;
  /** Posts one operation (with `headers` besides the token's); throws on an HTTP error or any GraphQL error. */
  post(
    query: string,
    variables: Record<string, unknown>,
    operationName?: string,
    headers?: Record<string, string>,
  ): Promise<{ data?: unknown }>;
  stop(): Promise<void>;
}

export async function startBenchApi(executor: CypherExecutor, logger: Logger): Promise<BenchApi> {
  const secret = 'bench-secret-not-for-production-0123456789';
  // GRAPHQL_EXECUTOR as the API reads it (src/config.ts): graphql-js measures the executor before graphql-jit.
  const graphqlExecutor = process.env.GRAPHQL_EXECUTOR === 'graphql-js' ? 'graphql-js' : 'jit';
  const app = await startApp(
    { executor, logger, graphqlExecutor, auth: { enabled: true, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  const token = await mintToken({ secret, role: 'ADMIN', subject: 'bench', expiresIn: '4h' });
  const poster = remotePoster(app.url, token);
  return {
    url: app.url,
    post: poster.post,
    stop: async () => {
      poster.close();
      await app.stop(1000);
    },
  };
}

/** Posts operations to the API at `url` with `token` over kept-alive node:http connections; throws on any error. */
export function remotePoster(url: string, token: string): Pick<BenchApi, 'post'> & { close(): void } {
  const agent = new Agent({ keepAlive: true });
  return {
    async post(query, variables, operationName, headers) {
      const { status, text } = await postJson(url, agent, token, JSON.stringify({ query, variables, operationName }), headers);
      const body = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
      if (status < 200 || status >= 300 || body.errors?.length) throw new Error(body.errors?.[0]?.message ?? `HTTP ${status}`);
      return body;
    },
    close: () => agent.destroy(),
  };
}

/**
 * One POST over a kept-alive connection with node:http, as the peer comparison's client does: the client's own cost
 * stays small beside the API's (fetch, i.e. undici, cost 0.3-0.5 ms more per request in this process: BENCHMARKS.md).
 */
function postJson(
  url: string,
  agent: Agent,
  token: string,
  json: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const body = Buffer.from(json);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The value after `flag` on the command line, if given. */
export function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}
