// The HTTP front door, assembled from its rooms under src/http/: the router (router.ts) sends a
// request to the health endpoints, the pages (pages.ts) or GraphQL (authenticate.ts, body.ts,
// graphql-bridge.ts into the Apollo server of apollo.ts); drain.ts stops it gracefully.
import type { ApolloServer } from '@apollo/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthConfig, RequestLimits } from './config.js';
import type { RequestContext } from './context.js';
import type { CypherExecutor } from './db/executor.js';
import { createApollo, DEFAULT_LIMITS } from './http/apollo.js';
import { createPartnerAccessCheck } from './auth/partner-access.js';
import { createAuthenticator } from './http/authenticate.js';
import { drainOnStop } from './http/drain.js';
import { createRouter } from './http/router.js';
import type { Logger } from './logger.js';

export { createApollo, DEFAULT_LIMITS, formatError } from './http/apollo.js';

export interface AppOptions {
  executor: CypherExecutor;
  logger: Logger;
  production?: boolean;
  /** Enabled auth needs a verifier (src/local-run.ts prepares a local secret's). */
  auth: AuthConfig;
  limits?: RequestLimits;
}

export interface RunningApp {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  /** Stops accepting connections, lets in-flight requests finish (at most drainMs), then stops Apollo. */
  stop(drainMs?: number): Promise<void>;
}

/** Starts the API on host:port (0: any free port); the URL it answers at is `url`. */
export async function startApp(options: AppOptions, host: string, port: number): Promise<RunningApp> {
  const { executor, logger } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const authenticate = await createAuthenticator(options.auth);
  const partnerAccess = createPartnerAccessCheck(executor);
  const apollo = createApollo(options.production ?? false, limits, logger);
  await apollo.start();
  const server = createServer(createRouter({ apollo, executor, authenticate, partnerAccess, maxBodyBytes: limits.maxBodyBytes, logger }));
  const drain = drainOnStop(server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await apollo.stop();
    throw err;
  }
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`,
    server,
    apollo,
    stop: async (drainMs = 10_000) => {
      await drain(drainMs);
      await apollo.stop();
    },
  };
}
