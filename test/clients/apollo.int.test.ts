// Apollo Client 4 with its default settings (HttpLink, a normalised InMemoryCache) against the real
// API over HTTP, with the `possibleTypes` that `npm run codegen` generates (src/generated/possible-types.ts).
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { buildSchema, isAbstractType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import generated from '../../src/generated/possible-types.js';
import { loadTypeDefs } from '../../src/schema.js';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { loadFixture, prefixed } from '../support/fixture.js';
import { useLiveApi } from '../support/live-api.js';

const db = testExecutor();
const px = uniquePrefix('apollo');
const api = useLiveApi();
const id = (s: string) => `${px}${s}`;
// A word no other test's data has, so search finds only this file's partner.
const word = `Zq${px.replace(/[^a-z0-9]/g, '')}`;

beforeAll(() =>
  loadFixture(
    db,
    prefixed(px, {
      customers: [
        { id: 'c1', name: 'Customer One' },
        { id: 'c2', name: 'Customer Two' },
      ],
      accounts: [
        { partnerId: 'p1', customerId: 'c1', status: 'CUSTOMER' },
        { partnerId: 'p1', customerId: 'c2', status: 'PROSPECT' },
      ],
      capabilities: [
        { id: 'cap1', name: 'Identity' },
        { id: 'cap2', name: 'Storage' },
      ],
      partners: [
        {
          id: 'p1',
          name: `${word} Networks`,
          types: ['TECHNOLOGY'],
          tier: 'GOLD',
          regions: ['EMEA'],
          capabilities: [
            { capabilityId: 'cap1', level: 'EXPERT' },
            { capabilityId: 'cap2', level: 'BASIC' },
          ],
        },
      ],
    }),
  ),
);
afterAll(() => removeByPrefix(db, px));

function client(possibleTypes?: Record<string, string[]>) {
  return new ApolloClient({
    link: new HttpLink({ uri: api.url, headers: { authorization: `Bearer ${api.adminToken}` } }),
    cache: new InMemoryCache({ possibleTypes }),
  });
}

describe('Apollo Client with a normalised cache', () => {
  it('merges two queries of the same partner into one cache record, readable without the network', async () => {
    const apollo = client(generated.possibleTypes);
    const profile = await apollo.query<any>({
      query: gql`
        query Profile($id: ID!) {
          partner(id: $id) {
            id
            name
            tier
          }
        }
      `,
      variables: { id: id('p1') },
    });
    expect(profile.data?.partner).toEqual({ __typename: 'Partner', id: id('p1'), name: `${word} Networks`, tier: 'GOLD' });
    await apollo.query<any>({
      query: gql`
        query Capabilities($id: ID!) {
          partner(id: $id) {
            id
            regions
            capabilities {
              level
              capability {
                id
                name
              }
            }
          }
        }
      `,
      variables: { id: id('p1') },
    });

    const records = apollo.cache.extract() as Record<string, Record<string, unknown>>;
    const partnerKeys = Object.keys(records).filter((k) => k.startsWith('Partner:'));
    expect(partnerKeys).toEqual([`Partner:${id('p1')}`]);
    const record = records[`Partner:${id('p1')}`]!;
    expect(record).toMatchObject({ name: `${word} Networks`, tier: 'GOLD', regions: ['EMEA'] });
    // The capabilities are normalised as their own records, referenced from the partner's list.
    expect(records[`Capability:${id('cap1')}`]).toMatchObject({ name: 'Identity' });

    // Both queries' fields together, from the cache alone (cache-only never asks the server).
    const merged = await apollo.query<any>({
      query: gql`
        query Merged($id: ID!) {
          partner(id: $id) {
            id
            name
            tier
            regions
            capabilities {
              level
              capability {
                id
                name
              }
            }
          }
        }
      `,
      variables: { id: id('p1') },
      fetchPolicy: 'cache-only',
    });
    expect(merged.data?.partner).toMatchObject({
      name: `${word} Networks`,
      tier: 'GOLD',
      regions: ['EMEA'],
      capabilities: [
        { level: 'EXPERT', capability: { id: id('cap1'), name: 'Identity' } },
        { level: 'BASIC', capability: { id: id('cap2'), name: 'Storage' } },
      ],
    });
  });

  it('generates possibleTypes that list every abstract type of the schema with its object types', () => {
    const schema = buildSchema(loadTypeDefs());
    const expected = Object.fromEntries(
      Object.values(schema.getTypeMap())
        .filter(isAbstractType)
        .map((t) => [
          t.name,
          schema
            .getPossibleTypes(t)
            .map((o) => o.name)
            .sort(),
        ]),
    );
    const actual = Object.fromEntries(Object.entries(generated.possibleTypes).map(([k, v]) => [k, [...v].sort()]));
    expect(actual).toEqual(expected);
    expect(Object.keys(actual).length).toBeGreaterThan(0);
  });

  const SEARCH = gql`
    fragment HitFields on SearchResult {
      ... on Partner {
        id
        name
        tier
      }
    }
    query Search($text: String!) {
      search(text: $text) {
        score
        node {
          ...HitFields
        }
      }
    }
  `;

  it('matches a fragment on a union from the cache with the generated possibleTypes (and not without them)', async () => {
    const withTypes = client(generated.possibleTypes);
    const fromServer = await withTypes.query<any>({ query: SEARCH, variables: { text: word } });
    expect(fromServer.data?.search.map((h: any) => h.node)).toEqual([
      { __typename: 'Partner', id: id('p1'), name: `${word} Networks`, tier: 'GOLD' },
    ]);
    const fromCache = await withTypes.query<any>({ query: SEARCH, variables: { text: word }, fetchPolicy: 'cache-only' });
    expect(fromCache.data?.search.map((h: any) => h.node.name)).toEqual([`${word} Networks`]);

    // The control: the same client without possibleTypes cannot tell that a Partner is a SearchResult,
    // so the fragment's fields are missing when the answer is read back from its cache.
    const withoutTypes = client();
    await withoutTypes.query<any>({ query: SEARCH, variables: { text: word } }).catch(() => undefined);
    const partial = await withoutTypes
      .query<any>({ query: SEARCH, variables: { text: word }, fetchPolicy: 'cache-only' })
      .catch(() => undefined);
    expect(partial?.data?.search?.[0]?.node?.name).toBeUndefined();
  });

  it('keeps map nodes apart from the partner they draw, and each map its own distances', async () => {
    const apollo = client(generated.possibleTypes);
    const MAP = gql`
      query Map($centerId: ID!) {
        ecosystemMap(input: { centerId: $centerId, depth: 1 }) {
          nodes {
            id
            entityId
            kind
            distance
          }
        }
      }
    `;
    const distanceOf = (data: any, entityId: string) => data.ecosystemMap.nodes.find((n: any) => n.entityId === entityId)?.distance;
    await apollo.query<any>({ query: MAP, variables: { centerId: id('p1') } });
    await apollo.query<any>({ query: MAP, variables: { centerId: id('c1') } });
    // Read back from the cache after both: a map node keyed by the entity's id would carry the last map's distance.
    const aroundPartner = await apollo.query<any>({ query: MAP, variables: { centerId: id('p1') }, fetchPolicy: 'cache-only' });
    const aroundCustomer = await apollo.query<any>({ query: MAP, variables: { centerId: id('c1') }, fetchPolicy: 'cache-only' });
    expect(distanceOf(aroundPartner.data, id('p1'))).toBe(0);
    expect(distanceOf(aroundPartner.data, id('c1'))).toBe(1);
    expect(distanceOf(aroundCustomer.data, id('p1'))).toBe(1);
    expect(distanceOf(aroundCustomer.data, id('c1'))).toBe(0);
  });

  it('normalises accounts by their own ids, so two queries of the accounts of one partner share them', async () => {
    const apollo = client(generated.possibleTypes);
    await apollo.query<any>({
      query: gql`
        query AccountStatuses($id: ID!) {
          partner(id: $id) {
            id
            accounts {
              id
              status
            }
          }
        }
      `,
      variables: { id: id('p1') },
    });
    await apollo.query<any>({
      query: gql`
        query AccountCustomers($id: ID!) {
          partner(id: $id) {
            id
            accounts {
              id
              customer {
                id
                name
              }
            }
          }
        }
      `,
      variables: { id: id('p1') },
    });
    const both = await apollo.query<any>({
      query: gql`
        query AccountsMerged($id: ID!) {
          partner(id: $id) {
            id
            accounts {
              id
              status
              customer {
                id
                name
              }
            }
          }
        }
      `,
      variables: { id: id('p1') },
      fetchPolicy: 'cache-only',
    });
    expect(both.data.partner.accounts.map((a: any) => [a.customer.name, a.status])).toEqual([
      ['Customer One', 'CUSTOMER'],
      ['Customer Two', 'PROSPECT'],
    ]);
    const accountKeys = Object.keys(apollo.cache.extract() as object).filter((k) => k.startsWith('Account:'));
    expect(accountKeys).toHaveLength(2);
  });

  it('reads any object back through the Node interface with the generated possibleTypes', async () => {
    const apollo = client(generated.possibleTypes);
    const NODE = gql`
      query NodeById($id: ID!) {
        node(id: $id) {
          id
          ... on Partner {
            name
            tier
          }
        }
      }
    `;
    const fetched = await apollo.query<any>({ query: NODE, variables: { id: id('p1') } });
    expect(fetched.data.node).toEqual({ __typename: 'Partner', id: id('p1'), name: `${word} Networks`, tier: 'GOLD' });
    expect(generated.possibleTypes.Node).toEqual(expect.arrayContaining(['Partner', 'Account', 'Customer']));
    const fragment = apollo.cache.readFragment<any>({
      id: `Partner:${id('p1')}`,
      fragment: gql`
        fragment NodeName on Node {
          id
          ... on Partner {
            name
          }
        }
      `,
    });
    expect(fragment).toMatchObject({ id: id('p1'), name: `${word} Networks` });
  });
});
