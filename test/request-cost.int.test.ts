// The cost limit through the HTTP API (issue 11): linear in the document, the page sizes execution
// will use whichever way the request gives them, and expensive fields costed by their work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../src/server.js';
import { testExecutor } from './support/db.js';

const secret = 'test-secret-0123456789-0123456789-abcdef';
let app: RunningApp;
let token: string;

beforeAll(async () => {
  app = await startApp(
    {
      executor: testExecutor(),
      logger: createLogger('error'),
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      limits: DEFAULT_LIMITS,
    },
    '127.0.0.1',
    0,
  );
  token = await mintToken({ secret, role: 'ADMIN', subject: 'test', expiresIn: '1h' });
});
afterAll(() => app.stop());

async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}
const code = (r: Awaited<ReturnType<typeof post>>) => r.body.errors?.[0]?.extensions.code;

// 100 partners, each with 10 accounts of customers with 10 accounts each: about 22,000 objects.
const NESTED = '{ edges { node { accounts { customer { accounts { partner { id } } } } } } }';

describe('the cost limit', () => {
  it('answers the 23-fragment document of issue 11 (each fragment spreads the next twice) at once', async () => {
    const fragments = Array.from({ length: 23 }, (_, i) =>
      i < 22 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : 'fragment F22 on Query { health { version } }',
    );
    const query = `query { ...F0 } ${fragments.join(' ')}`;
    expect(query.length).toBeLessThan(1024);
    const r = await post(query);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.health.version).toEqual(expect.any(String));
  });

  it('refuses a page of 100 however first is given: literal, variable, variable default', async () => {
    for (const [query, variables] of [
      [`{ partners(first: 100) ${NESTED} }`, undefined],
      [`query($f: Int) { partners(first: $f) ${NESTED} }`, { f: 100 }],
      [`query($f: Int = 100) { partners(first: $f) ${NESTED} }`, undefined],
      [`query($f: Int = 100) { ...P } fragment P on Query { partners(first: $f) ${NESTED} }`, undefined],
    ] as const) {
      const r = await post(query, variables);
      expect(code(r), query).toBe('QUERY_TOO_COMPLEX');
      expect(r.body.data ?? null).toBeNull();
    }
  });

  it('runs the same query with the default page, given by omission, null or a null variable', async () => {
    for (const [query, variables] of [
      [`{ partners ${NESTED} }`, undefined],
      [`{ partners(first: null) ${NESTED} }`, undefined],
      [`query($f: Int) { partners(first: $f) ${NESTED} }`, { f: null }],
      [`query($f: Int = 5) { partners(first: $f) ${NESTED} }`, undefined],
    ] as const) {
      const r = await post(query, variables);
      expect(r.body.errors, query).toBeUndefined();
      expect(r.body.data.partners.edges).toEqual(expect.any(Array));
    }
  });

  it('refuses a variable default over the page limit as BAD_USER_INPUT', async () => {
    const r = await post(`query($f: Int = 1000) { partners(first: $f) { totalCount } }`);
    expect(code(r)).toBe('BAD_USER_INPUT');
  });

  it('refuses 30 aliases of a 2,000-node map, and of a solution search, but runs one map', async () => {
    const maps = Array.from({ length: 30 }, (_, i) => `m${i}: ecosystemMap(input: { limit: 2000 }) { nodes { id } edges { source } }`).join(
      ' ',
    );
    expect(code(await post(`{ ${maps} }`))).toBe('QUERY_TOO_COMPLEX');
    const viaVariable = Array.from({ length: 30 }, (_, i) => `m${i}: ecosystemMap(input: { limit: $l }) { nodes { id } }`).join(' ');
    expect(code(await post(`query($l: Int = 2000) { ${viaVariable} }`))).toBe('QUERY_TOO_COMPLEX');
    const assemblies = Array.from(
      { length: 30 },
      (_, i) => `a${i}: assembleSolution(input: { capabilityIds: ["none"] }) { proposals { score } }`,
    ).join(' ');
    expect(code(await post(`{ ${assemblies} }`))).toBe('QUERY_TOO_COMPLEX');
    const one = await post(`{ ecosystemMap(input: { limit: 2000 }) { nodes { id } edges { source } } }`);
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.ecosystemMap.nodes).toEqual(expect.any(Array));
  });
});
