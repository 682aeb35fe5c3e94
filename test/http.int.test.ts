// The HTTP front door, end to end over a real socket: authentication, request limits, health
// endpoints and the offline query page.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { startApp, DEFAULT_LIMITS, type RunningApp } from '../src/server.js';
import { createLogger } from '../src/logger.js';
import { testExecutor } from './support/db.js';

const secret = 'test-secret-0123456789-0123456789-abcdef';
let app: RunningApp;
let adminToken: string;

beforeAll(async () => {
  app = await startApp(
    {
      executor: testExecutor(),
      logger: createLogger('error'),
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      limits: { ...DEFAULT_LIMITS, maxBodyBytes: 200_000 },
    },
    '127.0.0.1',
    0,
  );
  adminToken = await mintToken({ secret, role: 'ADMIN', subject: 'test', expiresIn: '1h' });
});
afterAll(() => app.stop());

async function post(body: unknown, token: string | null = adminToken, raw?: string) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}

describe('authentication', () => {
  it('serves a request with a valid token', async () => {
    const r = await post({ query: '{ health { database version } }' });
    expect(r.status).toBe(200);
    expect(r.body.data.health).toEqual({ database: true, version: '0.1.0' });
  });

  it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
    const r = await post({ query: '{ health { version } }' }, null);
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses expired, tampered, unsigned and wrongly signed tokens', async () => {
    const key = new TextEncoder().encode(secret);
    const expired = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const [h, p, s] = adminToken.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'ADMIN', sub: 'mallory' })).toString('base64url')}.${s!.slice(0, -2)}xy`;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const otherKey = await mintToken({ secret: 'another-secret-0123456789-0123456789-xyz', role: 'ADMIN', subject: 'x', expiresIn: '1h' });
    const noRole = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(key);
    const partnerWithoutId = await new SignJWT({ role: 'PARTNER' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(key);
    for (const token of [expired, tampered, unsigned, otherKey, noRole, partnerWithoutId, 'not-a-jwt']) {
      const r = await post({ query: '{ health { version } }' }, token);
      expect(r.status, token).toBe(401);
      expect(r.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers health endpoints without a token', async () => {
    const healthz = await fetch(app.url.replace('/graphql', '/healthz'));
    expect(healthz.status).toBe(200);
    const readyz = await fetch(app.url.replace('/graphql', '/readyz'));
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toEqual({ status: 'ready' });
  });
});

describe('request limits', () => {
  it('refuses a depth-50 query with a clear code', async () => {
    let q = 'id';
    for (let i = 0; i < 49; i++) q = `capabilities { capability { partners { partner { ${q} } } } }`;
    const r = await post({ query: `{ partner(id: "x") { ${q} } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(r.body.errors?.[0]?.extensions.code).toBeTruthy();
  });

  it('refuses a 1,000-alias query', async () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: health { version }`).join(' ');
    const r = await post({ query: `{ ${fields} }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/alias|token limit/i);
    expect(r.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more aliases than the limit even when the query is small', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: health { version }`).join(' ');
    const r = await post({ query: `{ ${fields} }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/aliases limit of 30/i);
  });

  it('refuses first: 100000, as a literal and through a variable', async () => {
    const literal = await post({ query: '{ partners(first: 100000) { totalCount } }' });
    expect(literal.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(literal.body.errors?.[0]?.message).toMatch(/at most 100/);
    const variable = await post({ query: 'query($n: Int) { partners(first: $n) { totalCount } }', variables: { n: 100000 } });
    expect(variable.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a query whose nested pages multiply past the cost limit', async () => {
    const r = await post({
      query:
        'query($n: Int) { partners(first: $n) { edges { node { accounts { customer { accounts { partner { accounts { customer { accounts { status } } } } } } } } } } }',
      variables: { n: 100 },
    });
    expect(r.body.errors?.[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.body.data ?? null).toBeNull();
  });

  it('refuses a body over the size limit with 413 and bad JSON with 400', async () => {
    const big = await post({ query: `{ health { version } } # ${'x'.repeat(300_000)}` });
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await post(undefined, adminToken, '{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('gives every error an extensions.code', async () => {
    const r = await post({ query: '{ nope }' });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('calls a persisted-query hash that does not match its text BAD_REQUEST, not an internal error', async () => {
    // Apollo refuses it with HTTP 400 and no code of its own.
    const r = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(r.body.errors?.[0]?.message).toMatch(/sha does not match/);
  });
});

describe('query page', () => {
  it('serves GraphiQL and its assets from the process, with no external URL', async () => {
    const page = await fetch(app.url.replace('/graphql', '/graphiql'), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/https?:\/\//);
    for (const src of html.match(/\/assets\/[\w.-]+/g) ?? []) {
      const asset = await fetch(app.url.replace('/graphql', src));
      expect(asset.status, src).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });
});
