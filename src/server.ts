// HTTP → Apollo Server. Serves /graphql (POST and GET), the query page, /healthz (the process)
// and /readyz (database reachable, migrations applied). Everything else is a 404.
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolvers } from '../resolvers/index.js';
import { createRequestContext, type RequestContext, type Viewer } from './context.js';
import type { CypherExecutor } from './db/executor.js';
import { migrationsApplied } from './db/migrate.js';
import type { Logger } from './logger.js';
import { loadTypeDefs } from './schema.js';

export interface AppOptions {
  executor: CypherExecutor;
  logger: Logger;
  production?: boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export interface RunningApp {
  url: string;
  server: Server;
  apollo: ApolloServer<RequestContext>;
  stop(): Promise<void>;
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
        reject(new HttpError(413, `Request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function graphqlError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

export function createApollo(production: boolean): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}

export async function startApp(options: AppOptions, host: string, port: number): Promise<RunningApp> {
  const { executor, logger } = options;
  const production = options.production ?? false;
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const apollo = createApollo(production);
  const server = createServer();
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server }));
  await apollo.start();

  const viewerFor = (_req: IncomingMessage): Viewer => ({ role: 'ADMIN', subject: 'local' });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void handle(req, res).catch((err: unknown) => {
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
    if (url.pathname !== '/graphql') return graphqlError(res, 404, 'NOT_FOUND', `No route ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'POST') return graphqlError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST');

    const raw = req.method === 'POST' ? await readBody(req, maxBody) : '';
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
    const viewer = viewerFor(req);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: async () => createRequestContext(executor, viewer, operationName),
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
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
    stop: async () => {
      await apollo.stop();
    },
  };
}

export type { BaseContext };
