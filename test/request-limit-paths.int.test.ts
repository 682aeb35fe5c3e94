// Refusals before execution by the project's own rules (a page over 100, the cost limit) name the offending field: `path` is
// its response path (aliases or field names from the root), and a bad argument is `extensions.path`, as a
// resolver's BAD_USER_INPUT carries both (README, "Limits and faults").
import { describe, expect, it } from 'vitest';
import { useLiveApi } from './support/live-api.js';

const api = useLiveApi();

interface Err {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; path?: string[] };
}
async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
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

// Depth and aliases are graphql-armor's document-wide rules (test/http.int.test.ts): their refusals name no field.
