// One statement per root field (src/read/): partners, partner and customers compiled from the selection answer exactly
// as the resolvers and loaders do (the oracle: the same operation with compiledReads off), for the vendor's users and
// for partners with every grant level, with aliases, fragments, directives and arguments the compiler leaves to the
// loaders; and they take one round-trip where the loaders take one per level and kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext, type Viewer } from '../src/context.js';
import { createApollo } from '../src/server.js';
import { positionCursor } from '../src/relay/keyset.js';
import { ADMIN } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { buildScopeFixture, writeScopeFixture } from './support/scope-fixture.js';

const db = testExecutor();
const f = buildScopeFixture(uniquePrefix('compiled'));
const apollo = createApollo(false);

beforeAll(async () => {
  await apollo.start();
  await writeScopeFixture(db, f);
});
afterAll(async () => {
  await removeByPrefix(db, f.prefix);
  await apollo.stop();
});

async function run(query: string, variables: Record<string, unknown>, viewer: Viewer, compiledReads: boolean) {
  const context = createRequestContext(db, viewer, 'test');
  context.compiledReads = compiledReads;
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
  const { data, errors } = response.body.singleResult;
  // Stack traces (a development server's) name the functions that ran, which differ by design.
  const withoutStacks = errors?.map((e) => ({ ...e, extensions: { ...e.extensions, stacktrace: undefined } }));
  return {
    body: JSON.parse(JSON.stringify({ data, errors: withoutStacks })) as { data: any; errors?: any[] },
    roundTrips: context.stats.roundTrips,
  };
}

const partnerViewer = (partnerId: string): Viewer => ({ role: 'PARTNER', subject: `partner:${partnerId}`, partnerId });
const VIEWERS: [string, Viewer][] = [
  ['ADMIN', ADMIN],
  ['PARTNER p (grants of every level)', f.viewer],
  ['PARTNER q-full', partnerViewer(f.q.full)],
  ['PARTNER q-none', partnerViewer(f.q.none)],
];

const PARTNER_LISTS = `id name tier types regions website
  capabilities { id level since capability { id name category parent { id } } }
  accounts { id status since customer { id name domain segment } partner { id } }
  integrations { id name tier }
  solutions { id role since solution { id name status regions } }
  deals { id role sourced registeredAt deal { id name stage amount { amount currency } customer { id } solution { id }
    participants { id role sourced partner { id name } } } }`;

/** Only lists the compiler reads (no entity behind a loader: a capability's parent, a deal's customer or solution). */
const LISTS_ONLY = `id name capabilities { id level capability { id name } } accounts { id status customer { id name } }
  integrations { id name } solutions { role solution { id name } } deals { id role deal { id name stage participants { id role partner { id name } } } }`;

/** [what, query, variables, round-trips when compiled whoever asks (null: depends on what the viewer sees)] */
const CASES: [string, string, Record<string, unknown>, number | null][] = [
  [
    'a page of partners with every list compiled',
    `query($f: PartnerFilter) { partners(first: 10, filter: $f) { totalCount pageInfo { hasNextPage endCursor }
       edges { cursor node { ${PARTNER_LISTS} } } } }`,
    { f: { nameContains: f.prefix } },
    // The page and its lists, then the capabilities' parents, the deals' customers and their solutions by their loaders.
    null,
  ],
  [
    'a page of partners with only lists the compiler reads: one statement',
    `query($f: PartnerFilter) { partners(first: 10, filter: $f) { totalCount edges { node { ${LISTS_ONLY} } } } }`,
    { f: { nameContains: f.prefix } },
    1,
  ],
  [
    'the next page, after a cursor, with a filter on tier and region',
    `query($f: PartnerFilter, $after: String) { partners(first: 2, after: $after, filter: $f) { totalCount
       pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id name } } } }`,
    { f: { nameContains: f.prefix, tiers: ['GOLD'], region: 'EMEA' }, after: null },
    1,
  ],
  [
    'lists within lists, past the depth the compiler reads (the deepest by their loaders)',
    `query($id: ID!) { partner(id: $id) { id integrations { id capabilities { level capability { id } }
       deals { deal { id participants { role partner { id capabilities { level } } } } } } } }`,
    { id: f.p },
    null,
  ],
  [
    'a filter nothing matches: no edges, a total of 0',
    `query($f: PartnerFilter) { partners(first: 5, filter: $f) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
       edges { node { id capabilities { level } } } } }`,
    { f: { nameContains: `${f.prefix}-nobody`, tiers: ['GOLD'] } },
    1,
  ],
  [
    'a partner by id with capabilities, integrations and deals with participants',
    `query($id: ID!) { partner(id: $id) { ${LISTS_ONLY} } }`,
    { id: f.p },
    1,
  ],
  ['a partner another partner grants FULL, by id', `query($id: ID!) { partner(id: $id) { ${PARTNER_LISTS} } }`, { id: f.q.full }, null],
  ['a partner that does not exist', `query($id: ID!) { partner(id: $id) { id accounts { status } } }`, { id: `${f.prefix}nobody` }, 1],
  [
    'customers with their accounts and deals',
    `query($f: CustomerFilter) { customers(first: 20, filter: $f) { totalCount edges { node { id name
       accounts { status since partner { id name tier } } deals { id name stage participants { role partner { id } } } } } } }`,
    { f: { nameContains: f.prefix } },
    2,
  ],
  [
    // The compiled page must read every condition of the filter: this one matches no customer.
    'customers under a name prefix and an external id that no customer has',
    `query($f: CustomerFilter) { customers(first: 20, filter: $f) { totalCount edges { node { id accounts { status } } } } }`,
    { f: { namePrefix: f.prefix, externalId: { system: 'crm', id: 'no-such-customer' } } },
    null,
  ],
  [
    'nested first pages of accounts with their count',
    `query($f: PartnerFilter) { partners(first: 10, filter: $f) { edges { node { id
       accountsConnection(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status customer { id name } } } } } } } }`,
    { f: { nameContains: f.prefix } },
    1,
  ],
  [
    'account counts without the accounts, and the total',
    `query($f: PartnerFilter) { partners(first: 10, filter: $f) { totalCount edges { node { id
       accountsConnection(first: 0) { totalCount } } } } }`,
    { f: { nameContains: f.prefix } },
    1,
  ],
  [
    'filtered account counts and pages stay with their loaders',
    `query($f: PartnerFilter) { partners(first: 10, filter: $f) { edges { node { id
       accountsConnection(first: 2, filter: { statuses: [CUSTOMER] }) { totalCount edges { node { status customer { id } } } }
       later: accountsConnection(first: 1, after: null) { pageInfo { hasNextPage } } } } } }`,
    { f: { nameContains: f.prefix } },
    null,
  ],
  [
    'aliases, a fragment, an inline fragment and @include/@skip',
    `fragment Caps on Partner { mine: capabilities { level capability { id } } }
     query($f: PartnerFilter, $yes: Boolean!, $no: Boolean!) { partners(first: 10, filter: $f) { edges { node {
       ...Caps ... on Partner { all: accounts { status customer { id } } prospects: accounts(status: PROSPECT) { customer { id } } }
       n: name @include(if: $yes) tier @skip(if: $no) t2: tier @skip(if: $yes)
       withEnded: capabilities(includeEnded: true) { level capability { id } } } } } }`,
    { f: { nameContains: f.prefix }, yes: true, no: false },
    // accounts(status) and capabilities(includeEnded) stay with their loaders (plus the ended capabilities).
    4,
  ],
  [
    'a field the compiler does not know on an item: that list goes to its loader',
    `query($id: ID!) { partner(id: $id) { id deals { deal { id externalIds { system id } } } accounts { customer { id needs { id } } } } }`,
    { id: f.p },
    null,
  ],
];

describe('compiled reads answer as the resolvers do', () => {
  for (const [what, query, variables, trips] of CASES) {
    it(what, async () => {
      for (const [who, viewer] of VIEWERS) {
        const plain = await run(query, variables, viewer, false);
        const compiled = await run(query, variables, viewer, true);
        expect(compiled.body, `${what}, as ${who}`).toEqual(plain.body);
        expect(plain.body.errors, `${what}, as ${who}`).toBeUndefined();
        if (trips !== null) expect(compiled.roundTrips, `${what}, as ${who}: round-trips`).toBe(trips);
      }
    });
  }

  it('the lists are not empty, so the comparison means something', async () => {
    const { body } = await run(`query($id: ID!) { partner(id: $id) { ${PARTNER_LISTS} } }`, { id: f.p }, f.viewer, true);
    const p = body.data.partner;
    expect(p.capabilities.length).toBeGreaterThan(0);
    expect(p.accounts.length).toBeGreaterThan(0);
    expect(p.integrations.length).toBeGreaterThan(0);
    expect(p.solutions.length).toBeGreaterThan(0);
    expect(p.deals.length).toBeGreaterThan(0);
    expect(p.deals.flatMap((d: any) => d.deal.participants).length).toBeGreaterThan(0);
  });

  it('pages through every partner with cursors as the resolvers do, and the total stays the filter count', async () => {
    const query = `query($f: PartnerFilter, $after: String) { partners(first: 2, after: $after, filter: $f) { totalCount
      pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const variables: Record<string, unknown> = { f: { nameContains: f.prefix, tiers: ['GOLD'] }, after };
      const [plain, compiled] = [await run(query, variables, ADMIN, false), await run(query, variables, ADMIN, true)];
      expect(compiled.body).toEqual(plain.body);
      const page: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        compiled.body.data.partners;
      expect(page.totalCount).toBe(f.partners.length);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...f.partners].sort());
  });

  it('bad arguments are refused at their path as before', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [
        `query($f: PartnerFilter) { partners(first: 5, filter: $f) { edges { node { id accountsConnection(first: 500) { edges { node { status } } } } } } }`,
        { f: { nameContains: f.prefix } },
      ],
      [`query($f: PartnerFilter) { partners(first: 500, filter: $f) { edges { node { id accounts { status } } } } }`, { f: {} }],
      [`query($f: PartnerFilter) { partners(first: 5, filter: $f) { edges { node { id } } } }`, { f: { tiers: [] } }],
      // A cursor of another order.
      [
        `query($after: String) { partners(first: 5, after: $after) { edges { node { id deals { role } } } } }`,
        { after: positionCursor('PARTNER:NAME', { key: 'x', id: 'y' }) },
      ],
    ];
    for (const [query, variables] of cases) {
      const plain = await run(query, variables, ADMIN, false);
      const compiled = await run(query, variables, ADMIN, true);
      expect(compiled.body, query).toEqual(plain.body);
      expect(compiled.body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });
});
