// Who a request is: the viewer named by its bearer token (src/auth/tokens.ts), or ADMIN when
// authentication is off (AUTH=off, refused in production by src/config.ts).
import { decodeJwt } from 'jose';
import type { IncomingMessage } from 'node:http';
import { bearerToken, createTokenVerifier, TokenError } from '../auth/tokens.js';
import type { AuthConfig } from '../config.js';
import type { Viewer } from '../context.js';
import { UnauthenticatedError } from '../errors.js';

export type Authenticate = (req: IncomingMessage) => Promise<Viewer>;
/** The viewer of an Authorization value (`Bearer <token>`): the same check for HTTP and WebSocket (connectionParams). */
export type AuthenticateHeader = (authorization: string | undefined) => Promise<Viewer>;

/**
 * A token that verified is remembered until it expires, for at most this long: a client sends the same token with
 * every request, and checking its signature was a fixed cost of each (BENCHMARKS.md, "Read speed"). Only what the
 * token itself says is remembered; a PARTNER's access is still checked on every request (src/auth/partner-access.ts).
 */
const VERIFIED_TTL_MS = 60_000;
/** At most this many tokens are remembered; the oldest are forgotten first. */
const MAX_VERIFIED = 1000;

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
  const verified = new Map<string, { viewer: Viewer; until: number }>();
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) throw new UnauthenticatedError();
    const now = Date.now();
    const hit = verified.get(token);
    if (hit && hit.until > now) return hit.viewer;
    try {
      const viewer = await verify(token);
      // The verifier checked exp, so it is a number.
      const until = Math.min(decodeJwt(token).exp! * 1000, now + VERIFIED_TTL_MS);
      verified.delete(token);
      if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
      verified.set(token, { viewer, until });
      return viewer;
    } catch (err) {
      throw new UnauthenticatedError(err instanceof TokenError ? err.message : 'Invalid token');
    }
  };
}
