// The HTTP front door, assembled from its rooms under src/http/: the router (router.ts) sends a
// request to the health endpoints, the pages (pages.ts) or GraphQL (authenticate.ts, body.ts,
// graphql-bridge.ts into the Apollo server of apollo.ts); drain.ts stops it gracefully. WebSocket
// upgrades on /graphql go to the subscriptions (websocket.ts); the webhook worker runs beside them.
import type { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_EVENTS, type AuthConfig, type EventsConfig, type GraphqlExecutorKind, type RequestLimits } from './config.js';
import type { RequestContext } from './context.js';
import type { CypherExecutor } from './db/executor.js';
import { createApollo, DEFAULT_LIMITS } from './http/apollo.js';
import { createPartnerAccessCheck } from './auth/partner-access.js';
import { createAuthenticator, createHeaderAuthenticator } from './http/authenticate.js';
import { readChanges } from './events/change-feed.js';
import type { EventHub } from './events/event-hub.js';
import type { ReadChanges } from './events/feed.js';
import { OutboxWatcher } from './events/outbox-watcher.js';
import { WebhookWorker } from './events/webhook-worker.js';
import { startSubscriptionServer } from './http/websocket.js';
import { drainOnStop } from './http/drain.js';
import { createRouter } from './http/router.js';
import type { Logger } from './logger.js';

export { createApollo, DEFAULT_LIMITS, executorCounts, formatError } from './http/apollo.js';

export interface AppOptions {
  executor: CypherExecutor;
  logger: Logger;
  production?: boolean;
  /** Enabled auth needs a verifier (src/local-run.ts prepares a local secret's). */
  auth: AuthConfig;
  limits?: RequestLimits;
  /** `jit` (default): queries through graphql-jit, graphql-js on any error; `graphql-js`: graphql-js only. */
  graphqlExecutor?: GraphqlExecutorKind;
  /** Subscriptions and webhooks; DEFAULT_EVENTS when absent. */
  events?: EventsConfig;
}

export interface RunningApp {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  events: EventHub;
  /** Closes the WebSockets (1001), stops the webhook worker, lets in-flight requests finish (at most drainMs), then stops Apollo. */
  stop(drainMs?: number): Promise<void>;
}

/** Starts the API on host:port (0: any free port); the URL it answers at is `url`. */
export async function startApp(options: AppOptions, host: string, port: number): Promise<RunningApp> {
  const { executor, logger } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const production = options.production ?? false;
  const eventsConfig = options.events ?? DEFAULT_EVENTS;
  const authenticate = await createAuthenticator(options.auth);
  const partnerAccess = createPartnerAccessCheck(executor);
  const watcher = new OutboxWatcher(executor.forRequest('outbox-watcher'), eventsConfig.pollMs, logger);
  const events: EventHub = {
    watcher,
    readChanges: readChanges as ReadChanges,
    partnerAccess,
    targetPolicy: { production, allowed: eventsConfig.webhooks.allowedTargets },
  };
  // A committed mutation wakes the subscribers and the webhook worker at once, not at the next poll: right after the
  // answer is written (willSendResponse runs before it; the poll's work would delay it), still before the next timer.
  const nudge: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') setImmediate(() => watcher.nudge());
        },
      };
    },
  };
  const apollo = createApollo(production, limits, logger, [nudge], options.graphqlExecutor ?? 'jit');
  await apollo.start();
  const server = createServer(
    createRouter({ apollo, executor, authenticate, partnerAccess, maxBodyBytes: limits.maxBodyBytes, logger, events }),
  );
  const drain = drainOnStop(server);
  const subscriptions = startSubscriptionServer({
    server,
    executor,
    authenticate: await createHeaderAuthenticator(options.auth),
    partnerAccess,
    events,
    limits,
    subscriptions: eventsConfig.subscriptions,
    production,
    logger,
  });
  const webhooks = new WebhookWorker({
    executor: executor.forRequest('webhook-worker'),
    readChanges: events.readChanges,
    watcher,
    partnerAccess,
    policy: events.targetPolicy,
    retry: {
      firstMs: eventsConfig.webhooks.retryFirstMs,
      maxMs: eventsConfig.webhooks.retryMaxMs,
      forMs: eventsConfig.webhooks.retryForMs,
    },
    timeoutMs: eventsConfig.webhooks.timeoutMs,
    batchSize: eventsConfig.webhooks.batchSize,
    logger,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await subscriptions.dispose().catch(() => undefined);
    await apollo.stop();
    throw err;
  }
  watcher.start();
  webhooks.start();
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`,
    server,
    apollo,
    events,
    stop: async (drainMs = 10_000) => {
      watcher.stop();
      await subscriptions.dispose();
      await webhooks.stop();
      await drain(drainMs);
      await apollo.stop();
    },
  };
}
