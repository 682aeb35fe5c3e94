// Bearer tokens: HS256 with a shared secret, or RS256 with a public key or a JWKS file.
// Claims: sub, role (ADMIN | ALLIANCE_MANAGER | PARTNER), partnerId for PARTNER, exp and iat.
// A token lives at most maxLifetimeSeconds (exp - iat; JWT_MAX_LIFETIME) and may not be issued
// further in the future than clockSkewSeconds (JWT_CLOCK_SKEW).
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, decodeJwt, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { z } from 'zod';
import type { TokenVerifierConfig } from '../config.js';
import type { Viewer } from '../context.js';

export type { TokenVerifierConfig };

/** npm start's admin token and the default bound: 30 days. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 30 * 86_400;
export const DEFAULT_CLOCK_SKEW_SECONDS = 60;

const ClaimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('ADMIN') }),
  z.object({ sub: z.string().min(1), role: z.literal('ALLIANCE_MANAGER') }),
  z.object({ sub: z.string().min(1), role: z.literal('PARTNER'), partnerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/) }),
]);

export class TokenError extends Error {}

export type TokenVerifier = (token: string) => Promise<Viewer>;

/** A number of seconds for a message: "30 days", "12 hours" or "90 seconds". */
function durationSeconds(d: number): string {
  if (d % 86_400 === 0) return `${d / 86_400} days`;
  if (d % 3600 === 0) return `${d / 3600} hours`;
  return `${d} seconds`;
}

/**
 * The verifier for a configuration. It refuses (TokenError) a token that is badly signed,
 * expired, without exp or iat, issued more than clockSkewSeconds in the future, living longer
 * than maxLifetimeSeconds (exp - iat), or without the claims a role needs.
 */
export async function createTokenVerifier(config: TokenVerifierConfig): Promise<TokenVerifier> {
  let key: Uint8Array | KeyObject | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.kind === 'hs256') {
    key = new TextEncoder().encode(config.secret);
    algorithms = ['HS256'];
  } else if (config.kind === 'rs256-key') {
    key = (await importSPKI(config.publicKeyPem, 'RS256')) as KeyObject;
    algorithms = ['RS256'];
  } else {
    key = createLocalJWKSet(JSON.parse(config.jwksJson) as Parameters<typeof createLocalJWKSet>[0]);
    algorithms = ['RS256'];
  }
  const maxLifetime = config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const skew = config.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  return async (token: string): Promise<Viewer> => {
    let payload: { exp?: number; iat?: number };
    try {
      const verified = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      payload = verified.payload;
    } catch (err) {
      throw new TokenError(`Invalid token: ${(err as Error).message}`);
    }
    // jose checked that exp and iat are numbers and exp is still ahead.
    const exp = payload.exp!;
    const iat = payload.iat!;
    if (iat > Date.now() / 1000 + skew)
      throw new TokenError(`Invalid token: issued in the future (iat more than ${skew} s ahead of this server's clock)`);
    if (exp - iat > maxLifetime) throw new TokenError(`Invalid token: lives longer than ${durationSeconds(maxLifetime)} (exp - iat)`);
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenError('Invalid token claims: need sub, role and, for PARTNER, partnerId');
    const c = claims.data;
    return c.role === 'PARTNER' ? { role: 'PARTNER', subject: c.sub, partnerId: c.partnerId } : { role: c.role, subject: c.sub };
  };
}

export interface MintOptions {
  secret: string;
  role: Viewer['role'];
  subject: string;
  partnerId?: string;
  /** e.g. "12h", "30d". */
  expiresIn: string;
  issuer?: string;
  audience?: string;
}

/** Mints an HS256 token for local use (npm run token, npm start's admin token, tests), issued now. */
export async function mintToken(o: MintOptions): Promise<string> {
  const claims: Record<string, unknown> = { role: o.role };
  if (o.partnerId) claims.partnerId = o.partnerId;
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(o.subject).setIssuedAt().setExpirationTime(o.expiresIn);
  if (o.issuer) jwt = jwt.setIssuer(o.issuer);
  if (o.audience) jwt = jwt.setAudience(o.audience);
  return jwt.sign(new TextEncoder().encode(o.secret));
}

/** Seconds between a token's iat and exp (its lifetime), read without verifying it. */
export function tokenLifetimeSeconds(token: string): number {
  const { iat, exp } = decodeJwt(token);
  return (exp ?? Infinity) - (iat ?? 0);
}

/** Reads a key file named by the configuration. */
export function readKeyFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The token from an Authorization header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}
