// Bearer tokens: HS256 with a shared secret, or RS256 with a public key or a JWKS file.
// Claims: sub, role (ADMIN | ALLIANCE_MANAGER | PARTNER), partnerId for PARTNER.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, importSPKI, jwtVerify, SignJWT, type JWTVerifyGetKey, type KeyObject } from 'jose';
import { z } from 'zod';
import type { Viewer } from '../context.js';

export type TokenVerifierConfig =
  | { kind: 'hs256'; secret: string; issuer?: string; audience?: string }
  | { kind: 'rs256-key'; publicKeyPem: string; issuer?: string; audience?: string }
  | { kind: 'rs256-jwks'; jwksJson: string; issuer?: string; audience?: string };

const ClaimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('ADMIN') }),
  z.object({ sub: z.string().min(1), role: z.literal('ALLIANCE_MANAGER') }),
  z.object({ sub: z.string().min(1), role: z.literal('PARTNER'), partnerId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/) }),
]);

export class TokenError extends Error {}

export type TokenVerifier = (token: string) => Promise<Viewer>;

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
  return async (token: string): Promise<Viewer> => {
    let payload: unknown;
    try {
      const verified = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: config.issuer,
        audience: config.audience,
        requiredClaims: ['sub', 'exp'],
      });
      payload = verified.payload;
    } catch (err) {
      throw new TokenError(`Invalid token: ${(err as Error).message}`);
    }
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

/** Mints an HS256 token for local use (npm run token, npm start's admin token, tests). */
export async function mintToken(o: MintOptions): Promise<string> {
  const claims: Record<string, unknown> = { role: o.role };
  if (o.partnerId) claims.partnerId = o.partnerId;
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(o.subject).setIssuedAt().setExpirationTime(o.expiresIn);
  if (o.issuer) jwt = jwt.setIssuer(o.issuer);
  if (o.audience) jwt = jwt.setAudience(o.audience);
  return jwt.sign(new TextEncoder().encode(o.secret));
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
