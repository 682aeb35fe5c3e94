// GraphQL subscriptions over WebSocket (README, "Subscriptions"): graphql-ws (protocol
// graphql-transport-ws) on the HTTP server's /graphql path. The token travels in connectionParams
// (`{ authorization: "Bearer <token>" }`, or `{ token }`) and is checked as HTTP's is, partner access
// included; a bad one closes the socket with 4401 and the reason. Only subscriptions run here (queries
// and mutations go over HTTP, through Apollo's plugins). Every subscription passes the same validation
// (depth, aliases, directives, tokens) and cost limit as a query; a message is at most MAX_BODY_BYTES.
// Connections are limited overall and per token subject (close code 1013, "try again later"), and
// subscriptions per connection.
import type { Server } from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { PartnerAccessCheck } from '../auth/partner-access.js';
import type { EventsConfig, RequestLimits } from '../config.js';
import { createRequestContext, type Viewer } from '../context.js';
import type { CypherExecutor } from '../db/executor.js';
import type { EventHub } from '../events/event-hub.js';
import type { Logger } from '../logger.js';
import { executableSchema, formatError } from './apollo.js';
import type { AuthenticateHeader } from './authenticate.js';
import { armorProtection, costLimitError, operationCost } from './request-limits.js';
import { maxTokensRule } from './token-limit.js';

/** Close codes beyond graphql-ws's own (4400 bad request, 4403 forbidden, 4408 init timeout, ...). */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_TRY_AGAIN_LATER = 1013;

export interface SubscriptionServerOptions {
  server: Server;
  executor: CypherExecutor;
  authenticate: AuthenticateHeader;
  partnerAccess: PartnerAccessCheck;
  events: EventHub;
  limits: RequestLimits;
  subscriptions: EventsConfig['subscriptions'];
  production: boolean;
  logger: Logger;
}

interface Connection {
  viewer?: Viewer;
}

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value === 'string') return value;
  return typeof params?.token === 'string' ? `Bearer ${params.token}` : undefined;
}

/** Starts answering WebSocket upgrades on /graphql; dispose() closes every socket (1001) and stops. */
export function startSubscriptionServer(o: SubscriptionServerOptions): { dispose(): Promise<void>; connections(): number } {
  const schema = executableSchema();
  const armor = armorProtection(o.limits, o.production);
  const rules = [...specifiedRules, ...armor.validationRules, maxTokensRule(o.limits.maxTokens)];
  const format = formatError(o.production);
  const wss = new WebSocketServer({ server: o.server, path: '/graphql', maxPayload: o.limits.maxBodyBytes });
  const perSubject = new Map<string, number>();
  const connections = new WeakMap<object, Connection>();

  // Registered before graphql-ws's own handler: the overall limit is checked first.
  wss.on('connection', (socket) => {
    if (wss.clients.size > o.subscriptions.maxConnections)
      socket.close(CLOSE_TRY_AGAIN_LATER, 'Too many WebSocket connections; try again later');
  });

  const server = useServer<Record<string, unknown>, { socket: import('ws').WebSocket }>(
    {
      schema,
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        let viewer: Viewer;
        try {
          viewer = await o.partnerAccess(await o.authenticate(authorizationOf(ctx.connectionParams)));
        } catch (err) {
          const message =
            err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED' ? err.message : 'The token could not be checked';
          socket.close(CLOSE_UNAUTHORIZED, `Unauthorized: ${message}`.slice(0, 120));
          return false;
        }
        const count = (perSubject.get(viewer.subject) ?? 0) + 1;
        if (count > o.subscriptions.maxConnectionsPerToken) {
          socket.close(CLOSE_TRY_AGAIN_LATER, `At most ${o.subscriptions.maxConnectionsPerToken} connections per token`);
          return false;
        }
        perSubject.set(viewer.subject, count);
        connections.set(ctx, { viewer });
        return true;
      },
      onClose: (ctx) => {
        const viewer = connections.get(ctx)?.viewer;
        if (!viewer) return;
        connections.delete(ctx);
        const left = (perSubject.get(viewer.subject) ?? 1) - 1;
        if (left > 0) perSubject.set(viewer.subject, left);
        else perSubject.delete(viewer.subject);
      },
      onSubscribe: (ctx, _id, payload) => {
        const viewer = connections.get(ctx)?.viewer;
        if (!viewer) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        const running = Object.values(ctx.subscriptions).filter(Boolean).length;
        if (running >= o.subscriptions.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(`At most ${o.subscriptions.maxSubscriptionsPerConnection} subscriptions per connection`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            }),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: o.limits.maxTokens + 1 });
        } catch (err) {
          return [new GraphQLError((err as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0)
          return errors.map(
            (e) => new GraphQLError(e.message, { nodes: e.nodes, path: e.path, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
          );
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          // As Apollo answers it over HTTP.
          const message = payload.operationName
            ? `Unknown operation named "${payload.operationName}".`
            : 'Must provide operation name if query contains multiple operations.';
          return [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })];
        }
        if (operation.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions run over WebSocket; send queries and mutations over HTTP', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        // Variables that do not coerce are the client's error (BAD_USER_INPUT, as over HTTP), found before anything runs.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (coerced.errors) {
          return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }));
        }
        try {
          const cost = operationCost(schema, document, payload.operationName, payload.variables ?? {});
          if (cost > o.limits.maxCost)
            return [costLimitError(schema, document, payload.operationName, payload.variables ?? {}, cost, o.limits.maxCost)];
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: createRequestContext(o.executor, viewer, payload.operationName ?? 'subscription', o.events),
        };
        return args;
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        for (const e of result.errors) {
          const code = e.extensions?.code;
          if (code === undefined || code === 'INTERNAL_SERVER_ERROR') o.logger.error('subscription failed', { error: e.message });
        }
        return { ...result, errors: result.errors.map((e) => format(e.toJSON(), e)) } as never;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => format(e.toJSON(), e)) as never,
    },
    wss,
  );
  return {
    dispose: async () => {
      await server.dispose();
    },
    connections: () => wss.clients.size,
  };
}
