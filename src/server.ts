// HTTP → Apollo Server. Serves /graphql (POST and GET), the map page (/), the query page, /healthz (the process)
// and /readyz (database reachable, migrations applied). Everything else is a 404.
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolvers } from '../resolvers/index.js';
import { createRequestContext, type RequestContext, type Viewer } from './context.js';
import type { CypherExecutor } from './db/executor.js';
import { migrationsApplied } from './db/migrate.js';
import type { Logger } from './logger.js';
import { bearerToken, createTokenVerifier, TokenError } from './auth/tokens.js';
import { createPartnerAccessCheck } from './auth/partner-access.js';
import type { AuthConfig, RequestLimits } from './config.js';
import { UnauthenticatedError } from './errors.js';
import { armorProtection, costLimitPlugin } from './http/request-limits.js';
import { serveQueryPage, serveQueryPageAsset } from './http/query-page.js';
import { serveWebPage } from './http/web-page.js';
import { loadTypeDefs } from './schema.js';

export interface AppOptions {
  executor: CypherExecutor;
  logger: Logger;
  production?: boolean;
  auth: AuthConfig;
  limits?: RequestLimits;
}

export interface RunningApp {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  stop(drainMs?: number): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it drain, so the client reads the 413.
        if (chunks.length > 0) chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new HttpError(413, `Request body larger than ${limit} bytes`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** graphql-armor's token limit fails while parsing, which Apollo answers with a 500: it is a client error. */
function refusedByLimit(body: string): boolean {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length > 0 && errors.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' || e.extensions?.code === 'GRAPHQL_PARSE_FAILED');
  } catch {
    return false;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function graphqlError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export const DEFAULT_LIMITS: RequestLimits = { maxBodyBytes: 1_000_000, maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 20000 };

/** Every error leaves with an extensions.code; in production unexpected ones say only that. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError => {
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
    const extensions: Record<string, unknown> = { ...formatted.extensions, code };
    if (production) {
      delete extensions.stacktrace;
      delete extensions.exception;
      if (code === 'INTERNAL_SERVER_ERROR') return { message: 'Unexpected error.', path: formatted.path, extensions: { code } };
    }
    return { ...formatted, extensions };
  };
}

export function createApollo(production: boolean, limits: RequestLimits = DEFAULT_LIMITS): ApolloServer<RequestContext> {
  const armor = armorProtection(limits, production);
  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    allowBatchedHttpRequests: false,
    // src/main.ts owns SIGINT/SIGTERM (drain, close the driver, stop the local Neo4j); Apollo's own
    // handlers would race it and leave stop() waiting forever.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    formatError: formatError(production),
    plugins: [ApolloServerPluginLandingPageDisabled(), ...armor.plugins, costLimitPlugin(limits.maxCost)],
  });
}

export async function startApp(options: AppOptions, host: string, port: number): Promise<RunningApp> {
  const { executor, logger } = options;
  const production = options.production ?? false;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const apollo = createApollo(production, limits);
  const verify = options.auth.enabled && options.auth.verifier ? await createTokenVerifier(options.auth.verifier) : undefined;
  const partnerAccess = createPartnerAccessCheck(executor);
  const server = createServer();
  await apollo.start();

  /** The viewer of a request; throws UnauthenticatedError without a valid token when auth is on. */
  const viewerFor = async (req: IncomingMessage): Promise<Viewer> => {
    if (!verify) return { role: 'ADMIN', subject: 'auth-off' };
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthenticatedError();
    try {
      return await verify(token);
    } catch (err) {
      throw new UnauthenticatedError(err instanceof TokenError ? err.message : 'Invalid token');
    }
  };

  // Requests being answered; stop() waits for them before it stops Apollo.
  let inFlight = 0;
  let drained: (() => void) | undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    void handle(req, res).catch((err: unknown) => {
      if (err instanceof UnauthenticatedError) return graphqlError(res, 401, 'UNAUTHENTICATED', err.message);
      if (err instanceof HttpError) return graphqlError(res, err.status, err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', err.message);
      logger.error('request failed', { error: (err as Error).message });
      if (!res.headersSent) graphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const ready = await migrationsApplied(executor).catch(() => false);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
    }
    if (req.method === 'GET' && (serveQueryPageAsset(url.pathname, res) || (url.pathname !== '/' && serveWebPage(url.pathname, res)))) return;
    const wantsHtml = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !url.searchParams.has('query');
    // The map page when it is built (npm run web:build); the query page stays at /graphiql.
    if (wantsHtml && url.pathname === '/' && serveWebPage(url.pathname, res)) return;
    if (wantsHtml && (url.pathname === '/graphql' || url.pathname === '/graphiql' || url.pathname === '/')) return serveQueryPage(res);
    if (url.pathname !== '/graphql') return graphqlError(res, 404, 'NOT_FOUND', `No route ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'POST') return graphqlError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST');

    const viewer = await viewerFor(req);
    const raw = req.method === 'POST' ? await readBody(req, limits.maxBodyBytes) : '';
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return graphqlError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const operationName =
      body && typeof body === 'object' && 'operationName' in body && typeof body.operationName === 'string'
        ? body.operationName
        : (url.searchParams.get('operationName') ?? undefined);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: async () => createRequestContext(executor, await partnerAccess(viewer), operationName),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      if (res.statusCode === 500 && refusedByLimit(result.body.string)) res.statusCode = 400;
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/graphql`;
  return {
    url,
    server,
    apollo,
    /** Stops accepting connections, lets in-flight requests finish (at most drainMs), then stops Apollo. */
    stop: async (drainMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((resolve) => setTimeout(resolve, drainMs))]);
      }
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}

export type { BaseContext };
