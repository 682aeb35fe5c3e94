// The API on a real socket over the tests' Neo4j, as a browser or a GraphQL client meets it: the
// whole front door (authentication, cross-site request checks, limits), with an ADMIN token.
import { afterAll, beforeAll } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { createLogger } from '../../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../../src/server.js';
import { testExecutor } from './db.js';

const secret = 'live-api-test-secret-0123456789-0123456789';

export interface LiveApi {
  /** The /graphql URL. */
  url: string;
  /** A one-hour ADMIN bearer token for `url`. */
  adminToken: string;
}

/**
 * Starts the API (port 0, loopback) before the file's tests and stops it after them. With
 * `auth: false` it runs as AUTH=off does (every request is ADMIN, no token needed).
 */
export function useLiveApi(options: { auth?: boolean } = {}): LiveApi {
  const live = { url: '', adminToken: '' };
  let app: RunningApp | undefined;
  beforeAll(async () => {
    const auth = options.auth ?? true;
    app = await startApp(
      {
        executor: testExecutor(),
        logger: createLogger('error'),
        auth: auth ? { enabled: true, secret, verifier: { kind: 'hs256', secret } } : { enabled: false },
        limits: DEFAULT_LIMITS,
      },
      '127.0.0.1',
      0,
    );
    live.url = app.url;
    live.adminToken = await mintToken({ secret, role: 'ADMIN', subject: 'live-api-test', expiresIn: '1h' });
  });
  afterAll(() => app?.stop());
  return live;
}
