// Who a request is: the viewer named by its bearer token (src/auth/tokens.ts), or ADMIN when
// authentication is off (AUTH=off, refused in production by src/config.ts).
import type { IncomingMessage } from 'node:http';
import { bearerToken, createTokenVerifier, TokenError } from '../auth/tokens.js';
import type { AuthConfig } from '../config.js';
import type { Viewer } from '../context.js';
import { UnauthenticatedError } from '../errors.js';

export type Authenticate = (req: IncomingMessage) => Promise<Viewer>;
/** The viewer of an Authorization value (`Bearer <token>`): the same check for HTTP and WebSocket (connectionParams). */
export type AuthenticateHeader = (authorization: string | undefined) => Promise<Viewer>;

/** The request's viewer; throws UnauthenticatedError (401) without a valid token when auth is on. */
export async function createAuthenticator(auth: AuthConfig): Promise<Authenticate> {
  const check = await createHeaderAuthenticator(auth);
  return (req) => check(req.headers.authorization);
}

/** An Authorization value's viewer; throws UnauthenticatedError without a valid token when auth is on. */
export async function createHeaderAuthenticator(auth: AuthConfig): Promise<AuthenticateHeader> {
  if (!auth.enabled) return async () => ({ role: 'ADMIN', subject: 'auth-off' });
  // An enabled configuration without a verifier (a local secret file not yet read) must not serve as auth-off.
  if (!auth.verifier) throw new Error('Authentication is on but has no verifier: prepare the local run (src/local-run.ts) first');
  const verify = await createTokenVerifier(auth.verifier);
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw new UnauthenticatedError();
    try {
      return await verify(token);
    } catch (err) {
      throw new UnauthenticatedError(err instanceof TokenError ? err.message : 'Invalid token');
    }
  };
}
