// Token lifetime and issue time (issue 11): a token lives at most JWT_MAX_LIFETIME (exp - iat),
// may not be issued further in the future than JWT_CLOCK_SKEW, and needs both exp and iat.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, DEFAULT_MAX_LIFETIME_SECONDS, mintToken, TokenError } from '../src/auth/tokens.js';
import { ConfigError, loadConfig } from '../src/config.js';

const secret = 'lifetime-secret-0123456789-0123456789-abc';
const key = new TextEncoder().encode(secret);
const now = () => Math.floor(Date.now() / 1000);
const DAY = 86_400;

/** A signed ADMIN token with exactly these claims (undefined leaves one out). */
function token(claims: { iat?: number; exp?: number }): Promise<string> {
  let jwt = new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('lifetime');
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(key);
}

async function outcome(verify: (t: string) => Promise<unknown>, t: string): Promise<string> {
  try {
    await verify(t);
    return 'accepted';
  } catch (err) {
    expect(err).toBeInstanceOf(TokenError);
    return (err as Error).message;
  }
}

describe('token lifetime (default bounds: 30 days, 60 s skew)', () => {
  it('refuses a token valid until the year 9999, issued now or years ago', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret });
    const year9999 = Math.floor(Date.UTC(9999, 11, 31) / 1000);
    expect(await outcome(verify, await token({ iat: now(), exp: year9999 }))).toMatch(/lives longer than 30 days/);
    expect(await outcome(verify, await token({ iat: now() - 3 * 365 * DAY, exp: year9999 }))).toMatch(/lives longer than 30 days/);
  });

  it('accepts exactly 30 days and refuses one second more', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret });
    const iat = now();
    expect(await outcome(verify, await token({ iat, exp: iat + DEFAULT_MAX_LIFETIME_SECONDS }))).toBe('accepted');
    expect(await outcome(verify, await token({ iat, exp: iat + DEFAULT_MAX_LIFETIME_SECONDS + 1 }))).toMatch(/lives longer/);
  });

  it('keeps the tokens npm start (30 days) and npm run token (12 h default) mint valid', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret });
    for (const expiresIn of ['30d', '12h', `${30 * DAY}s`]) {
      expect(await outcome(verify, await mintToken({ secret, role: 'ADMIN', subject: 'x', expiresIn })), expiresIn).toBe('accepted');
    }
  });

  it('refuses iat in the future beyond the clock skew, accepts it within', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret });
    expect(await outcome(verify, await token({ iat: now() + 3600, exp: now() + 7200 }))).toMatch(/issued in the future/);
    expect(await outcome(verify, await token({ iat: now() + 10 * 365 * DAY, exp: now() + 10 * 365 * DAY + 60 }))).toMatch(
      /issued in the future/,
    );
    expect(await outcome(verify, await token({ iat: now() + 90, exp: now() + 3600 }))).toMatch(/issued in the future/);
    expect(await outcome(verify, await token({ iat: now() + 30, exp: now() + 3600 }))).toBe('accepted');
  });

  it('refuses a token without exp or without iat', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret });
    expect(await outcome(verify, await token({ iat: now() }))).toMatch(/"exp" claim/);
    expect(await outcome(verify, await token({ exp: now() + 3600 }))).toMatch(/"iat" claim/);
    expect(await outcome(verify, await token({}))).not.toBe('accepted');
  });

  it('uses the configured bounds', async () => {
    const verify = await createTokenVerifier({ kind: 'hs256', secret, maxLifetimeSeconds: 3600, clockSkewSeconds: 600 });
    const iat = now();
    expect(await outcome(verify, await token({ iat, exp: iat + 3600 }))).toBe('accepted');
    expect(await outcome(verify, await token({ iat, exp: iat + 2 * 3600 }))).toMatch(/lives longer than 1 hours/);
    expect(await outcome(verify, await token({ iat: iat + 300, exp: iat + 600 }))).toBe('accepted');
    expect(await outcome(verify, await token({ iat: iat + 900, exp: iat + 1200 }))).toMatch(/issued in the future/);
  });
});

describe('token bounds in the configuration', () => {
  const env = { AUTH: 'on', JWT_SECRET: secret, NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'x' };

  it('defaults to 30 days and 60 s, and reads durations such as 7d, 12h, 90s or plain seconds', () => {
    expect(loadConfig(env).auth.verifier).toMatchObject({ maxLifetimeSeconds: 30 * DAY, clockSkewSeconds: 60 });
    expect(loadConfig({ ...env, JWT_MAX_LIFETIME: '7d', JWT_CLOCK_SKEW: '2m' }).auth.verifier).toMatchObject({
      maxLifetimeSeconds: 7 * DAY,
      clockSkewSeconds: 120,
    });
    expect(loadConfig({ ...env, JWT_MAX_LIFETIME: '12h', JWT_CLOCK_SKEW: '0' }).auth.verifier).toMatchObject({
      maxLifetimeSeconds: 12 * 3600,
      clockSkewSeconds: 0,
    });
    expect(loadConfig({ ...env, JWT_MAX_LIFETIME: '90s' }).auth.verifier).toMatchObject({ maxLifetimeSeconds: 90 });
  });

  it('refuses a bad duration naming the variable', () => {
    expect(() => loadConfig({ ...env, JWT_MAX_LIFETIME: 'forever' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, JWT_MAX_LIFETIME: 'forever' })).toThrow(/JWT_MAX_LIFETIME: a duration/);
    expect(() => loadConfig({ ...env, JWT_MAX_LIFETIME: '0s' })).toThrow(/JWT_MAX_LIFETIME/);
    expect(() => loadConfig({ ...env, JWT_CLOCK_SKEW: '-5' })).toThrow(/JWT_CLOCK_SKEW/);
  });
});
