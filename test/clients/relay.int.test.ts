// Relay (relay-compiler 21 on the schema, relay-runtime 21) against the real API over HTTP: an
// Environment with a network that POSTs each operation, the artifacts `npm run codegen` compiles
// from test/clients/relay/operations.ts, and a pagination that Relay's @connection handler merges,
// as usePaginationFragment does in an app.
import {
  Environment,
  Network,
  RecordSource,
  Store,
  createOperationDescriptor,
  fetchQuery,
  getSingularSelector,
  type GraphQLResponse,
  type GraphQLTaggedNode,
  type OperationType,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { loadFixture, prefixed } from '../support/fixture.js';
import { useLiveApi } from '../support/live-api.js';
import PartnerListFragment from './relay/__generated__/operationsPartnerList_query.graphql.js';
import PartnerListPaginationQuery from './relay/__generated__/operationsPartnerListPaginationQuery.graphql.js';
import PartnerQuery from './relay/__generated__/operationsPartnerQuery.graphql.js';
import PartnersPageQuery from './relay/__generated__/operationsPartnersPageQuery.graphql.js';

const db = testExecutor();
const px = uniquePrefix('relay');
const api = useLiveApi();
const id = (s: string) => `${px}${s}`;
// A region only this file's partners list, so the connection holds exactly them.
const region = `R-${px}`;
const partnerIds = [1, 2, 3, 4, 5].map((i) => `p${i}`);

beforeAll(() =>
  loadFixture(
    db,
    prefixed(px, {
      partners: partnerIds.map((p, i) => ({ id: p, name: `Relay ${i + 1}`, types: ['SERVICES'], tier: 'GOLD', regions: [region] })),
    }),
  ),
);
afterAll(() => removeByPrefix(db, px));

function environment(): Environment {
  return new Environment({
    network: Network.create(async (params, variables) => {
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
        body: JSON.stringify({ query: params.text, variables, operationName: params.name }),
      });
      return (await res.json()) as GraphQLResponse;
    }),
    store: new Store(new RecordSource()),
  });
}

/** Fetches a query into the store and keeps it there (as a mounted component would). */
async function fetchAndRetain<T extends OperationType>(env: Environment, query: GraphQLTaggedNode, variables: T['variables']) {
  const data = await fetchQuery<T>(env, query, variables).toPromise();
  env.retain(createOperationDescriptor(query as never, variables));
  return data;
}

describe('Relay', () => {
  it('runs a compiled query and normalises the partner by its id', async () => {
    const env = environment();
    const data: any = await fetchAndRetain(env, PartnerQuery, { id: id('p1') });
    expect(data.partner).toEqual({ id: id('p1'), name: 'Relay 1', tier: 'GOLD' });
    const record = env.getStore().getSource().get(id('p1'));
    expect(record).toMatchObject({ __typename: 'Partner', id: id('p1'), name: 'Relay 1', tier: 'GOLD' });
  });

  it('pages a @connection: the pagination query with the end cursor appends to the same connection', async () => {
    const env = environment();
    const vars = { first: 2, regions: region };
    await fetchAndRetain(env, PartnersPageQuery, vars);
    const operation = createOperationDescriptor(PartnersPageQuery, vars);
    const fragmentRef = env.lookup(operation.fragment).data;
    const selector = getSingularSelector(PartnerListFragment, fragmentRef);
    const read = () => env.lookup(selector).data as any;

    const seen = (data: any) => data.partners.edges.map((e: any) => e.node.id);
    expect(seen(read())).toEqual([id('p1'), id('p2')]);
    expect(read().partners.totalCount).toBe(5);
    expect(read().partners.pageInfo).toMatchObject({ hasNextPage: true });

    // What loadNext(2) does: the refetchable pagination query from the end cursor; the
    // connection handler appends its edges to the connection the fragment reads.
    while (read().partners.pageInfo.hasNextPage) {
      const after = read().partners.pageInfo.endCursor;
      await fetchAndRetain(env, PartnerListPaginationQuery, { first: 2, after, region });
    }
    expect(seen(read())).toEqual(partnerIds.map(id));
    expect(read().partners.pageInfo.hasNextPage).toBe(false);
  });
});
