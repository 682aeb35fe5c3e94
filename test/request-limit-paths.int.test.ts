// Refusals before execution (a page over 100, the cost limit, depth, aliases) name the offending field: `path` is
// its response path (aliases or field names from the root), and a bad argument is `extensions.path`, as a
// resolver's BAD_USER_INPUT carries both (README, "Limits and faults").
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

interface Err {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; path?: string[] };
}
async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Err[] } };
}
const shape = (r: Awaited<ReturnType<typeof post>>) => {
  const e = r.body.errors?.[0];
  return { status: r.status, code: e?.extensions.code, path: e?.path, argument: e?.extensions.path, errors: r.body.errors?.length };
};

describe('a page over 100', () => {
  it('names the field by its response path and the argument, on a root and a nested connection', async () => {
    expect(shape(await post('{ partners(first: 101) { totalCount } }'))).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      path: ['partners'],
      argument: ['first'],
      errors: 1,
    });
    const nested = await post(
      'query($n: Int) { ps: partners(first: 2) { edges { node { accountsConnection(first: $n) { totalCount } } } } }',
      { n: 500 },
    );
    expect(shape(nested)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      path: ['ps', 'edges', 'node', 'accountsConnection'],
      argument: ['first'],
      errors: 1,
    });
  });

  it('names the field inside a fragment by where the fragment is spread', async () => {
    const r = await post(
      '{ partners(first: 1) { edges { node { ...A } } } } fragment A on Partner { mine: accountsConnection(first: 1000) { totalCount } }',
    );
    expect(shape(r)).toMatchObject({ code: 'BAD_USER_INPUT', path: ['partners', 'edges', 'node', 'mine'], argument: ['first'] });
  });
});

describe('the cost limit', () => {
  it('names the root field that costs the most', async () => {
    const nested = '{ edges { node { accounts { customer { accounts { partner { accounts { customer { id } } } } } } } } }';
    const r = await post(`{ health { version } cheap: partners(first: 1) { totalCount } big: partners(first: 100) ${nested} }`);
    expect(shape(r)).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX', path: ['big'], argument: undefined, errors: 1 });
  });
});

describe('depth', () => {
  it('names the first field past the depth limit', async () => {
    let q = 'id';
    for (let i = 0; i < 10; i++) q = `capabilities { capability { partners { partner { ${q} } } } }`;
    const r = await post(`{ health { version } p: partner(id: "x") { ${q} } }`);
    const s = shape(r);
    expect(s).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', argument: undefined, errors: 1 });
    // MAX_DEPTH fields deep is allowed; the path is the first field one deeper.
    const expected = ['p', ...Array.from({ length: 10 }, () => ['capabilities', 'capability', 'partners', 'partner']).flat(), 'id'].slice(
      0,
      DEFAULT_LIMITS.maxDepth + 1,
    );
    expect(s.path).toEqual(expected);
  });

  it('counts through fragments as armor did (flattened) and names the path through the spread', async () => {
    let q = 'id';
    for (let i = 0; i < 10; i++) q = `capabilities { capability { partners { partner { ${q} } } } }`;
    const r = await post(`{ partner(id: "x") { ...P } } fragment P on Partner { ${q} }`);
    expect(shape(r).path?.slice(0, 3)).toEqual(['partner', 'capabilities', 'capability']);
    expect(shape(r).path).toHaveLength(DEFAULT_LIMITS.maxDepth + 1);
  });
});

describe('aliases', () => {
  it('names the first alias past the limit', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: health { version }`).join(' ');
    const r = await post(`{ ${fields} }`);
    expect(shape(r)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      path: [`a${DEFAULT_LIMITS.maxAliases}`],
      argument: undefined,
      errors: 1,
    });
    expect(r.body.errors?.[0]?.message).toMatch(new RegExp(`aliases limit of ${DEFAULT_LIMITS.maxAliases}`, 'i'));
  });

  it('counts a fragment at each spread and names the alias where it is spread', async () => {
    // 20 aliases at the root, then a fragment of 8 aliases spread twice: the 31st alias is the third of the second spread.
    const root = Array.from({ length: 20 }, (_, i) => `r${i}: health { version }`).join(' ');
    const frag = Array.from({ length: 8 }, (_, i) => `v${i}: version`).join(' ');
    const r = await post(`{ ${root} one: health { ...H } two: health { ...H } } fragment H on Health { ${frag} }`);
    // one and two are aliases too: r0..r19 (20), one (21), v0..v7 (29), two (30), then two.v0 is the 31st.
    expect(DEFAULT_LIMITS.maxAliases).toBe(30);
    expect(shape(r)).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', path: ['two', 'v0'] });
  });
});
