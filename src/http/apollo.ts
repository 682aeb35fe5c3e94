// The Apollo server: the schema and the typed resolver map, the request limits (graphql-armor,
// the token limit, the cost limit), error formatting and the log line of unexpected errors.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { resolvers } from '../../resolvers/index.js';
import type { GraphqlExecutorKind, RequestLimits } from '../config.js';
import type { RequestContext } from '../context.js';
import { silentLogger, type Logger } from '../logger.js';
import { loadTypeDefs } from '../schema.js';
import { errorCode, unexpectedErrorLogPlugin } from './error-log.js';
import { jitGateway, type ExecutorCounts } from './execute.js';
import { armorProtection, costLimitPlugin } from './request-limits.js';
import { partialResponseStatusPlugin } from './response-status.js';
import { subscriptionsOverHttpPlugin } from './subscriptions-over-http.js';
import { maxTokensRule } from './token-limit.js';

/**
 * Cross-site request forgery: Apollo runs a request only when a browser would have sent a CORS
 * preflight for it first (which this API never answers with Access-Control-Allow-*, so a page on
 * another origin never gets that far): a JSON content-type, or a non-empty value for one of these
 * headers. `authorization` is one: a `<form>`, `<img>` or `<script src>` on another site cannot set
 * it, fetch() and XMLHttpRequest must preflight to send it (it is not a CORS-safelisted header), and
 * the browser sends it on its own only after a WWW-Authenticate challenge, which this API never
 * issues. So clients that send queries as GET with their bearer token (urql's default) are served;
 * Apollo's two headers stay for clients without a token (AUTH=off). Mutations never run over GET
 * (Apollo answers 405): a GET must not change anything. README, "Cross-site requests and GET".
 */
export const CSRF_PREFLIGHT_HEADERS = ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'];

export const DEFAULT_LIMITS: RequestLimits = { maxBodyBytes: 1_000_000, maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 20000 };

/** Every error leaves with an extensions.code; in production unexpected ones say only that. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Apollo has already called an error without a code INTERNAL_SERVER_ERROR; one with a 4xx status is the client's.
    const given = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
    const code = given === 'INTERNAL_SERVER_ERROR' && error instanceof GraphQLError ? errorCode(error) : given;
    const extensions: Record<string, unknown> = { ...formatted.extensions, code };
    if (production) {
      delete extensions.stacktrace;
      delete extensions.exception;
      if (code === 'INTERNAL_SERVER_ERROR') return { message: 'Unexpected error.', path: formatted.path, extensions: { code } };
    }
    return { ...formatted, extensions };
  };
}

let schema: GraphQLSchema | undefined;

/** The schema with its resolvers, built once: Apollo (HTTP) and graphql-ws (WebSocket, src/http/websocket.ts) run the same. */
export function executableSchema(): GraphQLSchema {
  schema ??= makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
  return schema;
}

/**
 * An Apollo server for this schema; `logger` receives one line per unexpected error; `plugins` are added last;
 * `executorKind` says how queries are executed (src/http/execute.ts).
 */
export function createApollo(
  production: boolean,
  limits: RequestLimits = DEFAULT_LIMITS,
  logger: Logger = silentLogger,
  plugins: ApolloServerPlugin<RequestContext>[] = [],
  executorKind: GraphqlExecutorKind = 'jit',
): ApolloServer<RequestContext> {
  const armor = armorProtection(limits, production);
  const gateway = executorKind === 'jit' ? jitGateway(executableSchema()) : undefined;
  const apollo = new ApolloServer<RequestContext>({
    // Queries through graphql-jit (graphql-js on any error), mutations through graphql-js: src/http/execute.ts.
    ...(gateway ? { gateway } : { schema: executableSchema() }),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    allowBatchedHttpRequests: false,
    csrfPrevention: { requestHeaders: CSRF_PREFLIGHT_HEADERS },
    // src/main.ts owns SIGINT/SIGTERM (drain, close the driver, stop the local Neo4j); Apollo's own
    // handlers would race it and leave stop() waiting forever.
    stopOnTerminationSignals: false,
    validationRules: [...armor.validationRules, maxTokensRule(limits.maxTokens)],
    formatError: formatError(production),
    // No HTTP caching of answers (every answer depends on the bearer's scope), so no cache-control plugin: Apollo
    // installs it by default and it wraps every field's resolver, a cost per object in every list (BENCHMARKS.md).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(armor.plugins as ApolloServerPlugin<RequestContext>[]),
      subscriptionsOverHttpPlugin(),
      costLimitPlugin(limits.maxCost),
      unexpectedErrorLogPlugin(logger),
      partialResponseStatusPlugin(),
      ...plugins,
    ],
  });
  if (gateway) countsOf.set(apollo, gateway.counts);
  return apollo;
}

const countsOf = new WeakMap<ApolloServer<RequestContext>, ExecutorCounts>();

/** Which executor answered how many operations of `apollo` (src/http/execute.ts); undefined for GRAPHQL_EXECUTOR=graphql-js. */
export function executorCounts(apollo: ApolloServer<RequestContext>): Readonly<ExecutorCounts> | undefined {
  return countsOf.get(apollo);
}
