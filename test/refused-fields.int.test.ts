// A refusal of one field must not erase the fields the viewer may see: a field refused for the
// viewer's role or scope is null with its error, and its siblings keep their data. Hand-made cases
// (a COUNTS grant on accountOverlap, refused root queries and mutations beside allowed ones) and a
// schema check that every field which may be refused is nullable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_PERMISSIONS, QUERY_PERMISSIONS } from '../src/auth/permissions.js';
import type { Viewer } from '../src/context.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('refused');
const id = (name: string) => `${px}${name}`;
const P: Viewer = { role: 'PARTNER', subject: 'refused-fields', partnerId: id('p') };
const MANAGER: Viewer = { role: 'ALLIANCE_MANAGER', subject: 'refused-fields-manager' };

const errorsAt = (errors: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] | undefined) =>
  (errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.code]).sort();

beforeAll(async () => {
  // p and q share 3 customers (statuses differ on one); q grants p COUNTS; none grants p nothing.
  // d-mine is p's deal, d-hidden q's.
  await db.runText(
    `CREATE (p:Partner {id: $px + 'p', name: 'P', types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     CREATE (q:Partner {id: $px + 'q', name: 'Q', types: ['TECHNOLOGY'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     CREATE (none:Partner {id: $px + 'none', name: 'None', types: ['TECHNOLOGY'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     CREATE (q)-[:SHARES_WITH {level: 'COUNTS'}]->(p)
     WITH p, q, none
     UNWIND range(1, 3) AS i
     CREATE (c:Customer {id: $px + 'c' + i, name: 'Customer ' + i})
     CREATE (p)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(c)
     CREATE (q)-[:HAS_ACCOUNT {status: CASE WHEN i = 3 THEN 'PROSPECT' ELSE 'CUSTOMER' END}]->(c)
     CREATE (none)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(c)
     WITH p, q, count(*) AS _
     MATCH (c1:Customer {id: $px + 'c1'})
     CREATE (mine:Deal {id: $px + 'd-mine', name: 'Mine', stage: 'QUALIFIED', amountMinor: 100, currency: 'USD', createdAt: datetime('2024-01-01T00:00:00Z'), registrationStatus: 'APPROVED'})-[:FOR_CUSTOMER]->(c1)
     CREATE (p)-[:PARTICIPATES_IN {role: 'RESELLER', sourced: false, registeredAt: mine.createdAt}]->(mine)
     CREATE (hidden:Deal {id: $px + 'd-hidden', name: 'Hidden', stage: 'QUALIFIED', amountMinor: 100, currency: 'USD', createdAt: datetime('2024-01-02T00:00:00Z'), registrationStatus: 'APPROVED'})-[:FOR_CUSTOMER]->(c1)
     CREATE (q)-[:PARTICIPATES_IN {role: 'TECHNOLOGY', sourced: false, registeredAt: hidden.createdAt}]->(hidden)`,
    { px },
    'WRITE',
  );
});
afterAll(() => removeByPrefix(db, px));

describe('a refused field keeps its siblings', () => {
  it('with a COUNTS grant, accountOverlap keeps the count and the cells; only customers is refused', async () => {
    const r = await runOperation(
      db,
      `query($p: ID!, $q: ID!) { accountOverlap(partnerId: $p, otherPartnerId: $q) { sharedCustomerCount cells { status otherStatus count } customers(first: 10) { totalCount edges { node { id } } } } }`,
      { p: id('p'), q: id('q') },
      P,
    );
    expect(r.data.accountOverlap).toEqual({
      sharedCustomerCount: 3,
      cells: [
        { status: 'CUSTOMER', otherStatus: 'CUSTOMER', count: 2 },
        { status: 'CUSTOMER', otherStatus: 'PROSPECT', count: 1 },
      ],
      customers: null,
    });
    expect(errorsAt(r.errors)).toEqual([['accountOverlap.customers', 'FORBIDDEN']]);
  });

  it('a refused root query is null beside the fields a partner may see', async () => {
    const r = await runOperation(
      db,
      `query($p: ID!, $q: ID!, $none: ID!, $mine: ID!, $hidden: ID!) {
        partner(id: $p) { id }
        deal(id: $mine) { id }
        ecosystemHealth(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { closedWonDeals }
        partnerRevenue(partnerId: $q, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { closedWonDeals }
        partnerImpact(partnerId: $q) { capabilitiesLost { id } }
        partnerMatches(partnerId: $q) { score }
        refusedOverlap: accountOverlap(partnerId: $p, otherPartnerId: $none) { sharedCustomerCount }
        dealAttribution(dealId: $hidden, model: EVEN) { model }
        coSellRecommendations(dealId: $hidden) { score }
        ownRevenue: partnerRevenue(partnerId: $p, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { pipeline { amount currency } }
      }`,
      { p: id('p'), q: id('q'), none: id('none'), mine: id('d-mine'), hidden: id('d-hidden') },
      P,
    );
    expect(r.data).toEqual({
      partner: { id: id('p') },
      deal: { id: id('d-mine') },
      ecosystemHealth: null,
      partnerRevenue: null,
      partnerImpact: null,
      partnerMatches: null,
      refusedOverlap: null,
      dealAttribution: null,
      coSellRecommendations: null,
      ownRevenue: { pipeline: [{ amount: '1.00', currency: 'USD' }] },
    });
    expect(errorsAt(r.errors)).toEqual([
      ['coSellRecommendations', 'NOT_FOUND'],
      ['dealAttribution', 'NOT_FOUND'],
      ['ecosystemHealth', 'FORBIDDEN'],
      ['partnerImpact', 'FORBIDDEN'],
      ['partnerMatches', 'FORBIDDEN'],
      ['partnerRevenue', 'FORBIDDEN'],
      ['refusedOverlap', 'FORBIDDEN'],
    ]);
  });

  it('a refused mutation is null and the mutations before it keep their payloads', async () => {
    const partner = await runOperation(
      db,
      `mutation($p: ID!, $q: ID!) {
        grant: setSharingGrant(input: {partnerId: $p, withPartnerId: $q, level: COUNTS}) { partner { id } errors { code } }
        refused: createPartner(input: {id: $q, name: "Taken over", types: [RESELLER]}) { partner { id } errors { code } }
      }`,
      { p: id('p'), q: id('q') },
      P,
    );
    expect(partner.data).toEqual({ grant: { partner: { id: id('p') }, errors: [] }, refused: null });
    expect(errorsAt(partner.errors)).toEqual([['refused', 'FORBIDDEN']]);

    const manager = await runOperation(
      db,
      `mutation($p: ID!) {
        registered: registerDeal(input: {id: "${id('d-by-manager')}", name: "By manager", customerId: "${id('c2')}", amount: "5.00", currency: "USD", participants: [{partnerId: $p, role: RESELLER}]}) { deal { id } errors { code } }
        refused: deleteCustomer(id: "${id('c3')}") { deletedId }
      }`,
      { p: id('p') },
      MANAGER,
    );
    expect(manager.data).toEqual({ registered: { deal: { id: id('d-by-manager') }, errors: [] }, refused: null });
    expect(errorsAt(manager.errors)).toEqual([['refused', 'FORBIDDEN']]);
  });
});

describe('the schema', () => {
  it('makes nullable every root field that may be refused, and the field refused inside accountOverlap', async () => {
    const { data } = await expectData(
      db,
      `{ __schema { queryType { fields { name type { kind } } } mutationType { fields { name type { kind } } } }
         overlap: __type(name: "AccountOverlap") { fields { name type { kind } } } }`,
    );
    const kinds = (fields: { name: string; type: { kind: string } }[]) => new Map(fields.map((f) => [f.name, f.type.kind]));
    const queries = kinds(data.__schema.queryType.fields);
    const mutations = kinds(data.__schema.mutationType.fields);
    // Queries refused by role (src/auth/permissions.ts) or answering NOT_FOUND for what a partner may not see.
    for (const name of [...Object.keys(QUERY_PERMISSIONS), 'dealAttribution', 'coSellRecommendations']) {
      expect(queries.get(name), `Query.${name}`).toBeDefined();
      expect(queries.get(name), `Query.${name}`).not.toBe('NON_NULL');
    }
    // Every mutation may be refused to some role (ADMIN only without an entry).
    expect(Object.keys(MUTATION_PERMISSIONS).every((name) => mutations.has(name))).toBe(true);
    for (const [name, kind] of mutations) expect(kind, `Mutation.${name}`).not.toBe('NON_NULL');
    expect(kinds(data.overlap.fields).get('customers')).not.toBe('NON_NULL');
  });
});
