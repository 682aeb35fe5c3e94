// Which room answers a request: /healthz (the process) and /readyz (database reachable,
// migrations applied), the pages, then /graphql (GET and POST: authenticate, read the body,
// run through Apollo). Everything else is a 404.
import type { ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequestContext, type RequestContext } from '../context.js';
import type { CypherExecutor } from '../db/executor.js';
import type { EventHub } from '../events/event-hub.js';
import { migrationsApplied } from '../db/migrate.js';
import type { Logger } from '../logger.js';
import type { PartnerAccessCheck } from '../auth/partner-access.js';
import type { Authenticate } from './authenticate.js';
import { readJsonBody } from './body.js';
import { executeGraphql, operationNameOf } from './graphql-bridge.js';
import { servePage } from './pages.js';
import { sendFailure, sendGraphqlError, sendJson } from './responses.js';
import { setBaselineHeaders } from './security-headers.js';

export interface RouterOptions {
  apollo: ApolloServer<RequestContext>;
  executor: CypherExecutor;
  authenticate: Authenticate;
  /** Ends a PARTNER's access with its partnership; run inside the context so its errors get their codes. */
  partnerAccess: PartnerAccessCheck;
  maxBodyBytes: number;
  logger: Logger;
  /** Subscriptions' and webhooks' shared parts, handed to every request's context. */
  events?: EventHub;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createRouter(o: RouterOptions): RequestHandler {
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const ready = await migrationsApplied(o.executor).catch(() => false);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
    }
    if (servePage(req, url, res)) return;
    if (url.pathname !== '/graphql') return sendGraphqlError(res, 404, 'NOT_FOUND', `No route ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'POST') return sendGraphqlError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST');

    const viewer = await o.authenticate(req);
    const body = req.method === 'POST' ? await readJsonBody(req, o.maxBodyBytes) : undefined;
    const operationName = operationNameOf(body, url);
    await executeGraphql(o.apollo, req, url, body, res, async () =>
      createRequestContext(o.executor, await o.partnerAccess(viewer), operationName, o.events),
    );
  }

  return (req, res) => {
    setBaselineHeaders(res);
    void route(req, res).catch((err: unknown) => sendFailure(res, err, o.logger));
  };
}
