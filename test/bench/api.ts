// The API the benchmarks measure: started in-process on loopback with authentication on, an
// administrator's token, and a poster that fails on any GraphQL error. Also the flag parser the
// bench commands share.
import { mintToken } from '../../src/auth/tokens.js';
import type { CypherExecutor } from '../../src/db/executor.js';
import type { Logger } from '../../src/logger.js';
import { startApp } from '../../src/server.js';

export interface BenchApi {
  url: string;
  /** Posts one operation; throws on an HTTP error or any GraphQL error. */
  post(query: string, variables: Record<string, unknown>, operationName?: string): Promise<{ data?: unknown }>;
  stop(): Promise<void>;
}

export async function startBenchApi(executor: CypherExecutor, logger: Logger): Promise<BenchApi> {
  const secret = 'bench-secret-not-for-production-0123456789';
  const app = await startApp({ executor, logger, auth: { enabled: true, verifier: { kind: 'hs256', secret } } }, '127.0.0.1', 0);
  const token = await mintToken({ secret, role: 'ADMIN', subject: 'bench', expiresIn: '4h' });
  return {
    url: app.url,
    async post(query, variables, operationName) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables, operationName }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
      if (!res.ok || body.errors?.length) throw new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
      return body;
    },
    stop: () => app.stop(1000),
  };
}

/** The value after `flag` on the command line, if given. */
export function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}
