// urql (@urql/core 6) with its default settings (the default exchanges: document cache and fetch;
// queries as GET while the URL is short) against the real API over HTTP. The fetch it is given only
// records the method of each request and passes it on to the global fetch unchanged.
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { loadFixture, prefixed } from '../support/fixture.js';
import { useLiveApi } from '../support/live-api.js';

const db = testExecutor();
const px = uniquePrefix('urql');
const api = useLiveApi();
const id = (s: string) => `${px}${s}`;

beforeAll(() => loadFixture(db, prefixed(px, { partners: [{ id: 'p1', name: 'Urql One', types: ['RESELLER'], tier: 'SILVER' }] })));
afterAll(() => removeByPrefix(db, px));

function client(methods: string[]) {
  return new Client({
    url: api.url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers: { authorization: `Bearer ${api.adminToken}` } },
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
}

const PARTNER = gql`
  query UrqlPartner($id: ID!) {
    partner(id: $id) {
      id
      name
      tier
    }
  }
`;
const RENAME = gql`
  mutation UrqlRename($id: ID!, $name: String!) {
    updatePartner(input: { id: $id, name: $name }) {
      partner {
        id
        name
      }
      errors {
        code
      }
    }
  }
`;

describe('urql with its defaults', () => {
  it('sends a query as GET and gets its data (the cross-site check lets a bearer-token GET through)', async () => {
    const methods: string[] = [];
    const result = await client(methods)
      .query(PARTNER, { id: id('p1') })
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data.partner).toEqual({ __typename: 'Partner', id: id('p1'), name: 'Urql One', tier: 'SILVER' });
    expect(methods).toEqual(['GET']);
  });

  it('sends a mutation as POST, and its document cache refetches the query the mutation made stale', async () => {
    const methods: string[] = [];
    const urql = client(methods);
    expect((await urql.query(PARTNER, { id: id('p1') }).toPromise()).data.partner.name).toBe('Urql One');
    // cache-first: the same query again is answered from the document cache, without a request.
    expect((await urql.query(PARTNER, { id: id('p1') }).toPromise()).data.partner.name).toBe('Urql One');
    expect(methods).toEqual(['GET']);

    const renamed = await urql.mutation(RENAME, { id: id('p1'), name: 'Urql Renamed' }).toPromise();
    expect(renamed.error).toBeUndefined();
    expect(renamed.data.updatePartner).toEqual({
      __typename: 'PartnerPayload',
      partner: { __typename: 'Partner', id: id('p1'), name: 'Urql Renamed' },
      errors: [],
    });
    const stored = await db.runText<{ name: string }>('MATCH (p:Partner {id: $id}) RETURN p.name AS name', { id: id('p1') });
    expect(stored).toEqual([{ name: 'Urql Renamed' }]);

    // The mutation returned a Partner, so every cached result with a Partner is stale: fetched again (GET).
    const again = await urql.query(PARTNER, { id: id('p1') }).toPromise();
    expect(again.data.partner.name).toBe('Urql Renamed');
    expect(methods).toEqual(['GET', 'POST', 'GET']);
  });
});
