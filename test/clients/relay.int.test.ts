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
import MapQuery from './relay/__generated__/operationsMapQuery.graphql.js';
import PartnerAccountsRefetchQuery from './relay/__generated__/operationsPartnerAccountsRefetchQuery.graphql.js';
import PartnerAccountsFragment from './relay/__generated__/operationsPartnerAccounts_partner.graphql.js';
import PartnerListFragment from './relay/__generated__/operationsPartnerList_query.graphql.js';
import PartnerListPaginationQuery from './relay/__generated__/operationsPartnerListPaginationQuery.graphql.js';
import PartnerQuery from './relay/__generated__/operationsPartnerQuery.graphql.js';
import PartnersPageQuery from './relay/__generated__/operationsPartnersPageQuery.graphql.js';
import PartnerWithAccountsQuery from './relay/__generated__/operationsPartnerWithAccountsQuery.graphql.js';

const db = testExecutor();
const px = uniquePrefix('relay');
const api = useLiveApi();
const id = (s: string) => `${px}${s}`;
// A region only this file's partners list, so the connection holds exactly them.
const region = `R-${px}`;
const partnerIds = [1, 2, 3, 4, 5].map((i) => `p${i}`);
const customerIds = [1, 2, 3, 4, 5].map((i) => `c${i}`);
const STATUSES = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] as const;

beforeAll(() =>
  loadFixture(
    db,
    prefixed(px, {
      partners: partnerIds.map((p, i) => ({ id: p, name: `Relay ${i + 1}`, types: ['SERVICES'], tier: 'GOLD', regions: [region] })),
      customers: customerIds.map((c, i) => ({ id: c, name: `Customer ${i + 1}` })),
      // p1 has an account on every customer (statuses in turn); p2 on c1 only.
      accounts: [
        ...customerIds.map((c, i) => ({ partnerId: 'p1', customerId: c, status: STATUSES[i % 3]! })),
        { partnerId: 'p2', customerId: 'c1', status: 'PROSPECT' as const },
      ],
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

  /** The accounts fragment of p1 as the store holds it now (what a component using it would render). */
  function partnerAccounts(env: Environment) {
    const operation = createOperationDescriptor(PartnerWithAccountsQuery, { id: id('p1') });
    const fragmentRef = (env.lookup(operation.fragment).data as any).partner;
    return env.lookup(getSingularSelector(PartnerAccountsFragment, fragmentRef)).data as any;
  }

  it('pages a nested @connection (accountsConnection) through the @refetchable fragment on Partner, by node id', async () => {
    // The query Relay generates for @refetchable on a Node type fetches the partner again through node(id:).
    expect(PartnerAccountsRefetchQuery.params.text).toMatch(/node\(id: \$id\)/);
    const env = environment();
    await fetchAndRetain(env, PartnerWithAccountsQuery, { id: id('p1') });
    let data = partnerAccounts(env);
    expect(data.accountsConnection.totalCount).toBe(5);
    expect(data.accountsConnection.edges.map((e: any) => e.node.customer.id)).toEqual([id('c1'), id('c2')]);

    // loadNext(2), as usePaginationFragment runs it: the refetch query by node id with the end cursor.
    while (data.accountsConnection.pageInfo.hasNextPage) {
      const after = data.accountsConnection.pageInfo.endCursor;
      await fetchAndRetain(env, PartnerAccountsRefetchQuery, { id: id('p1'), first: 2, after });
      data = partnerAccounts(env);
    }
    const nodes = data.accountsConnection.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.customer.id, n.status])).toEqual(customerIds.map((c, i) => [id(c), STATUSES[i % 3]]));
    // Each account is its own record in the store, under its own id, distinct from every entity's.
    const ids = nodes.map((n: any) => n.id);
    expect(new Set(ids).size).toBe(5);
    for (const accountId of ids) {
      expect(env.getStore().getSource().get(accountId)).toMatchObject({ __typename: 'Account' });
      expect([...partnerIds, ...customerIds].map(id)).not.toContain(accountId);
    }
  });

  it('refetches a partner by node id and updates every fragment that reads it', async () => {
    const env = environment();
    await fetchAndRetain(env, PartnerWithAccountsQuery, { id: id('p2') });
    await fetchAndRetain(env, PartnerWithAccountsQuery, { id: id('p1') });
    expect(partnerAccounts(env).name).toBe('Relay 1');
    await db.runText('MATCH (p:Partner {id: $id}) SET p.name = $name', { id: id('p1'), name: 'Relay One Renamed' }, 'WRITE');
    try {
      await fetchAndRetain(env, PartnerAccountsRefetchQuery, { id: id('p1'), first: 2 });
      expect(partnerAccounts(env).name).toBe('Relay One Renamed');
      expect(env.getStore().getSource().get(id('p1'))).toMatchObject({ __typename: 'Partner', name: 'Relay One Renamed' });
    } finally {
      await db.runText('MATCH (p:Partner {id: $id}) SET p.name = $name', { id: id('p1'), name: 'Relay 1' }, 'WRITE');
    }
  });

  it('keeps map nodes apart from the partners they draw, and each map its own distances', async () => {
    const env = environment();
    await fetchAndRetain(env, PartnerQuery, { id: id('p1') });
    const aroundPartner: any = await fetchAndRetain(env, MapQuery, { centerId: id('p1') });
    const aroundCustomer: any = await fetchAndRetain(env, MapQuery, { centerId: id('c1') });
    const distanceOf = (data: any, entityId: string) => data.ecosystemMap.nodes.find((n: any) => n.entityId === entityId)?.distance;
    expect(distanceOf(aroundPartner, id('p1'))).toBe(0);
    expect(distanceOf(aroundCustomer, id('p1'))).toBe(1);

    // Read back from the store after both maps were written: each keeps its own distance.
    const read = (centerId: string) => env.lookup(createOperationDescriptor(MapQuery, { centerId }).fragment).data as any;
    expect(distanceOf(read(id('p1')), id('p1'))).toBe(0);
    expect(distanceOf(read(id('c1')), id('p1'))).toBe(1);
    expect(distanceOf(read(id('c1')), id('c1'))).toBe(0);
    // And the partner's record is still the partner (a map node with its id would have overwritten it).
    expect(env.getStore().getSource().get(id('p1'))).toMatchObject({ __typename: 'Partner', name: 'Relay 1', tier: 'GOLD' });
    for (const node of [...aroundPartner.ecosystemMap.nodes, ...aroundCustomer.ecosystemMap.nodes]) {
      expect(node.id).not.toBe(node.entityId);
    }
  });
});
