// Who sees what: each sharing level a partner can grant (none, COUNTS, OVERLAPS, FULL) on accounts,
// customers, overlap and matches; deals and solutions only where the partner takes part; and which
// role may call which mutation (src/auth/permissions.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { permissionFor } from '../src/auth/permissions.js';
import { expectData, runOperation } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { buildScopeFixture, scopeFixtureDocument, writeScopeFixture } from './support/scope-fixture.js';

const db = testExecutor();
const f = buildScopeFixture(uniquePrefix('authz'));
const P = f.viewer;
const id = (s: string) => `${f.prefix}${s}`;
const MANAGER: Viewer = { role: 'ALLIANCE_MANAGER', subject: 'manager' };

beforeAll(() => writeScopeFixture(db, f));
afterAll(() => removeByPrefix(db, f.prefix));

const PARTNER_ACCOUNTS = `query($id: ID!) { partner(id: $id) { id accounts { partner { id } customer { id } status } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id accounts { partner { id } } deals { id } } }`;
const OVERLAP_COUNTS = `query($p: ID!, $q: ID!) { accountOverlap(partnerId: $p, otherPartnerId: $q) { sharedCustomerCount cells { status otherStatus count } } }`;
const OVERLAP_CUSTOMERS = `query($p: ID!, $q: ID!) { accountOverlap(partnerId: $p, otherPartnerId: $q) { sharedCustomerCount customers(first: 10) { totalCount edges { node { id } } } } }`;
const MATCHES = `query($p: ID!) { partnerMatches(partnerId: $p, first: 100) { partner { id } sharedCustomerCount score reasons } }`;

async function accountsOf(partnerId: string, viewer: Viewer = P) {
  const { data } = await expectData(db, PARTNER_ACCOUNTS, { id: partnerId }, viewer);
  return data.partner.accounts.map((a: { customer: { id: string } }) => a.customer.id);
}

async function customer(customerId: string, viewer: Viewer = P) {
  const { data } = await expectData(db, CUSTOMER, { id: customerId }, viewer);
  return data.customer;
}

async function matchFor(otherId: string) {
  const { data } = await expectData(db, MATCHES, { p: f.p }, P);
  return data.partnerMatches.find((m: { partner: { id: string } }) => m.partner.id === otherId);
}

function codes(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

describe('own data', () => {
  it('a partner sees all its own accounts', async () => {
    expect(await accountsOf(f.p)).toEqual([id('c-own'), id('c-shared')]);
  });

  it('the vendor sees every account of a customer; the partner only the granted ones', async () => {
    const all = await customer(id('c-shared'), MANAGER);
    expect(all.accounts.map((a: any) => a.partner.id)).toEqual([f.p, f.q.counts, f.q.full, f.q.none, f.q.overlaps]);
    const scoped = await customer(id('c-shared'));
    expect(scoped.accounts.map((a: any) => a.partner.id)).toEqual([f.p, f.q.full, f.q.overlaps]);
  });
});

describe('grant level: none', () => {
  it('shows none of the partner’s accounts', async () => {
    expect(await accountsOf(f.q.none)).toEqual([]);
    expect(await accountsOf(f.q.none, MANAGER)).toEqual([id('c-hidden'), id('c-shared')]);
  });

  it('hides customers only it knows', async () => {
    expect(await customer(id('c-hidden'))).toBeNull();
    const { data } = await expectData(db, `{ customers(first: 100) { totalCount edges { node { id } } } }`, {}, P);
    const ids = data.customers.edges.map((e: any) => e.node.id);
    expect(ids).toEqual([id('c-full-only'), id('c-own'), id('c-shared'), id('c-via-deal')]);
    expect(data.customers.totalCount).toBe(4);
  });

  it('refuses the overlap with FORBIDDEN', async () => {
    const r = await runOperation(db, OVERLAP_COUNTS, { p: f.p, q: f.q.none }, P);
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });

  it('gives no shared-customer count in matches, and no score from it', async () => {
    const m = await matchFor(f.q.none);
    expect(m.sharedCustomerCount).toBeNull();
    expect(m.reasons.join(' ')).not.toMatch(/shared customer/);
  });
});

describe('grant level: COUNTS', () => {
  it('shows none of the partner’s accounts', async () => {
    expect(await accountsOf(f.q.counts)).toEqual([]);
  });

  it('gives the overlap numbers', async () => {
    const { data } = await expectData(db, OVERLAP_COUNTS, { p: f.p, q: f.q.counts }, P);
    expect(data.accountOverlap).toEqual({ sharedCustomerCount: 1, cells: [{ status: 'CUSTOMER', otherStatus: 'OPPORTUNITY', count: 1 }] });
  });

  it('refuses the shared customers’ identities with FORBIDDEN', async () => {
    const r = await runOperation(db, OVERLAP_CUSTOMERS, { p: f.p, q: f.q.counts }, P);
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(r.data ?? null)).not.toContain(id('c-shared'));
  });

  it('gives the shared-customer count in matches', async () => {
    const m = await matchFor(f.q.counts);
    expect(m.sharedCustomerCount).toBe(1);
    expect(m.reasons).toContain('1 shared customer');
  });
});

describe('grant level: OVERLAPS', () => {
  it('shows only the accounts on customers the viewer also has', async () => {
    expect(await accountsOf(f.q.overlaps)).toEqual([id('c-shared')]);
    expect(await accountsOf(f.q.overlaps, MANAGER)).toEqual([id('c-overlaps-only'), id('c-shared')]);
  });

  it('hides its other customers', async () => {
    expect(await customer(id('c-overlaps-only'))).toBeNull();
  });

  it('gives the shared customers in the overlap', async () => {
    const { data } = await expectData(db, OVERLAP_CUSTOMERS, { p: f.p, q: f.q.overlaps }, P);
    expect(data.accountOverlap).toEqual({
      sharedCustomerCount: 1,
      customers: { totalCount: 1, edges: [{ node: { id: id('c-shared') } }] },
    });
  });

  it('gives the shared-customer count in matches', async () => {
    expect((await matchFor(f.q.overlaps)).sharedCustomerCount).toBe(1);
  });
});

describe('grant level: FULL', () => {
  it('shows all the partner’s accounts and their customers', async () => {
    expect(await accountsOf(f.q.full)).toEqual([id('c-full-only'), id('c-shared')]);
    const c = await customer(id('c-full-only'));
    expect(c.accounts.map((a: any) => a.partner.id)).toEqual([f.q.full]);
  });

  it('gives the shared customers in the overlap, from either side', async () => {
    const { data } = await expectData(db, OVERLAP_CUSTOMERS, { p: f.q.full, q: f.p }, P);
    expect(data.accountOverlap.customers.edges).toEqual([{ node: { id: id('c-shared') } }]);
  });

  it('gives the shared-customer count in matches', async () => {
    expect((await matchFor(f.q.full)).sharedCustomerCount).toBe(1);
  });
});

describe('overlap and matches of other partners', () => {
  it('refuses an overlap between two other partners, and matches or impact for another partner', async () => {
    expect(codes(await runOperation(db, OVERLAP_COUNTS, { p: f.q.full, q: f.q.counts }, P))).toEqual(['FORBIDDEN']);
    expect(codes(await runOperation(db, MATCHES, { p: f.q.full }, P))).toEqual(['FORBIDDEN']);
    expect(
      codes(await runOperation(db, `query($p: ID!) { partnerImpact(partnerId: $p) { revenueAtRisk { amount } } }`, { p: f.q.full }, P)),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('deals and solutions', () => {
  it('lists only the deals the partner is on', async () => {
    const { data } = await expectData(
      db,
      `{ deals(first: 100) { totalCount edges { node { id } } } dealConflicts { edges { node { id } } } }`,
      {},
      P,
    );
    expect(data.deals.edges.map((e: any) => e.node.id)).toEqual([id('d-mine'), id('d-via-deal')]);
    expect(data.deals.totalCount).toBe(2);
    expect(data.dealConflicts.edges.map((e: any) => e.node.id)).toEqual([id('d-mine')]);
  });

  it('shows all participants of its deal but not conflicting deals or solutions it is not in', async () => {
    const q = `query($id: ID!) { deal(id: $id) { participants { partner { id } } conflictsWith { id } solution { id } customer { id } } }`;
    const mine = (await expectData(db, q, { id: id('d-mine') }, P)).data.deal;
    expect(mine).toEqual({
      participants: [{ partner: { id: f.p } }, { partner: { id: f.q.counts } }],
      conflictsWith: [],
      solution: null,
      customer: { id: id('c-shared') },
    });
    const vendor = (await expectData(db, q, { id: id('d-mine') }, MANAGER)).data.deal;
    expect(vendor.conflictsWith).toEqual([{ id: id('d-earlier') }]);
    expect(vendor.solution).toEqual({ id: id('s-other') });
    expect((await expectData(db, q, { id: id('d-hidden') }, P)).data.deal).toBeNull();
  });

  it('answers dealAttribution on a deal it is not on like a missing deal', async () => {
    const q = `query($id: ID!) { dealAttribution(dealId: $id, model: EVEN) { shares { partner { id } } } }`;
    expect(codes(await runOperation(db, q, { id: id('d-hidden') }, P))).toEqual(['NOT_FOUND']);
    expect((await expectData(db, q, { id: id('d-via-deal') }, P)).data.dealAttribution.shares).toEqual([{ partner: { id: f.p } }]);
  });

  it('shows only solutions it is a member of, and on them only its deals', async () => {
    const { data } = await expectData(db, `{ solutions(first: 100) { totalCount edges { node { id deals { id } } } } }`, {}, P);
    expect(data.solutions).toEqual({ totalCount: 1, edges: [{ node: { id: id('s-mine'), deals: [] } }] });
    expect((await expectData(db, `query($id: ID!) { solution(id: $id) { id } }`, { id: id('s-other') }, P)).data.solution).toBeNull();
  });

  it('scopes search, capabilities and partner fields', async () => {
    const word = f.prefix.split('-')[1]!;
    const { data } = await expectData(
      db,
      `query($t: String!) { search(text: $t, first: 100) { node { __typename ... on Customer { id } ... on Solution { id } } } }`,
      { t: word },
      P,
    );
    const found = data.search
      .map((h: any) => h.node.id)
      .filter(Boolean)
      .sort();
    expect(found).toEqual([id('c-full-only'), id('c-own'), id('c-shared'), id('c-via-deal'), id('s-mine')]);
    const cap = await expectData(
      db,
      `query($id: ID!) { capability(id: $id) { neededBy { id } requiredBy { id } } }`,
      { id: f.capabilities[1] },
      P,
    );
    expect(cap.data.capability).toEqual({
      neededBy: [{ id: id('c-full-only') }, { id: id('c-own') }, { id: id('c-shared') }, { id: id('c-via-deal') }],
      requiredBy: [{ id: id('s-mine') }],
    });
    const q = `query($id: ID!) { partner(id: $id) { deals { deal { id } } solutions { solution { id } } sharingGrants { to { id } } receivedSharingGrants { from { id } } } }`;
    expect((await expectData(db, q, { id: f.q.none }, P)).data.partner).toEqual({
      deals: [],
      solutions: [],
      sharingGrants: [],
      receivedSharingGrants: [],
    });
    expect((await expectData(db, q, { id: f.q.full }, P)).data.partner).toEqual({
      deals: [],
      solutions: [],
      sharingGrants: [{ to: { id: f.p } }],
      receivedSharingGrants: [{ from: { id: f.p } }],
    });
  });

  it('counts a co-sell candidate’s account only where granted', async () => {
    const q = `query($id: ID!) { coSellRecommendations(dealId: $id, first: 100) { partner { id } reasons } }`;
    const forP = (await expectData(db, q, { id: id('d-mine') }, P)).data.coSellRecommendations.map((r: any) => r.partner.id);
    expect(forP.filter((x: string) => x.startsWith(f.prefix)).sort()).toEqual([f.q.full, f.q.overlaps]);
    const forVendor = (await expectData(db, q, { id: id('d-mine') }, MANAGER)).data.coSellRecommendations.map((r: any) => r.partner.id);
    expect(forVendor.filter((x: string) => x.startsWith(f.prefix)).sort()).toEqual([f.q.full, f.q.none, f.q.overlaps]);
    expect(codes(await runOperation(db, q, { id: id('d-hidden') }, P))).toEqual(['NOT_FOUND']);
  });

  it('refuses revenue of another partner and the ecosystem health', async () => {
    const rev = `query($p: ID!) { partnerRevenue(partnerId: $p, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { pipeline { amount currency } } }`;
    expect((await expectData(db, rev, { p: f.p }, P)).data.partnerRevenue.pipeline).toEqual([{ amount: '2000.04', currency: 'USD' }]);
    expect(codes(await runOperation(db, rev, { p: f.q.full }, P))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await runOperation(db, `{ ecosystemHealth(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { closedWonDeals } }`, {}, P),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('who may call which mutation', () => {
  const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id participants { partner { id } } } errors { code } } }`;
  const GRANT = `mutation($input: SharingGrantInput!) { setSharingGrant(input: $input) { partner { id } errors { code } } }`;
  const CREATE_SOLUTION = `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { solution { id } errors { code } } }`;
  const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } errors { code } } }`;
  const dealInput = (name: string, partners: string[]) => ({
    id: id(name),
    name,
    customerId: id('c-own'),
    amount: '10.00',
    currency: 'USD',
    participants: partners.map((partnerId) => ({ partnerId, role: 'SERVICES' })),
  });
  // A partner's deal gets its id from the server (README, What a partner may set); removed at the end of its test.
  const partnerDealInput = (name: string, partners: string[]) => ({ ...dealInput(name, partners), id: undefined });
  const removeDeal = (dealId: string) =>
    db.runText(`MATCH (d:Deal {id: $dealId}) OPTIONAL MATCH (d)-[:HAS_EVENT]->(e) DETACH DELETE d, e`, { dealId }, 'WRITE');

  it('an alliance manager writes solutions and deals but not partners, customers or grants', async () => {
    expect(
      (await expectData(db, CREATE_SOLUTION, { input: { id: id('s-by-manager'), name: 'By manager' } }, MANAGER)).data.createSolution
        .errors,
    ).toEqual([]);
    expect((await expectData(db, REGISTER, { input: dealInput('d-by-manager', [f.q.none]) }, MANAGER)).data.registerDeal.errors).toEqual(
      [],
    );
    const before = await graphFingerprint(db);
    expect(
      codes(await runOperation(db, CREATE_PARTNER, { input: { id: id('p-by-manager'), name: 'X', types: ['RESELLER'] } }, MANAGER)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await runOperation(db, GRANT, { input: { partnerId: f.q.none, withPartnerId: f.p, level: 'FULL' } }, MANAGER))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codes(await runOperation(db, `mutation($id: ID!) { deleteCustomer(id: $id) { deletedId } }`, { id: id('c-own') }, MANAGER)),
    ).toEqual(['FORBIDDEN']);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('a partner registers deals it is on and sets its own grants, nothing else', async () => {
    const mine = await expectData(db, REGISTER, { input: partnerDealInput('d-by-partner', [f.p, f.q.counts]) }, P);
    expect(mine.data.registerDeal.deal.participants).toEqual([{ partner: { id: f.p } }, { partner: { id: f.q.counts } }]);
    await removeDeal(mine.data.registerDeal.deal.id);
    const grant = await expectData(db, GRANT, { input: { partnerId: f.p, withPartnerId: f.q.none, level: 'COUNTS' } }, P);
    expect(grant.data.setSharingGrant).toEqual({ partner: { id: f.p }, errors: [] });

    const before = await graphFingerprint(db);
    const refused = [
      await runOperation(db, REGISTER, { input: dealInput('d-not-mine', [f.q.none]) }, P),
      await runOperation(db, GRANT, { input: { partnerId: f.q.none, withPartnerId: f.p, level: 'FULL' } }, P),
      await runOperation(
        db,
        `mutation($input: SharingGrantRemoveInput!) { removeSharingGrant(input: $input) { errors { code } } }`,
        { input: { partnerId: f.q.full, withPartnerId: f.p } },
        P,
      ),
      await runOperation(db, CREATE_SOLUTION, { input: { id: id('s-by-partner'), name: 'By partner' } }, P),
      await runOperation(db, CREATE_PARTNER, { input: { id: id('p-by-partner'), name: 'X', types: ['RESELLER'] } }, P),
      await runOperation(
        db,
        `mutation($input: UpdateDealStageInput!) { updateDealStage(input: $input) { errors { code } } }`,
        { input: { dealId: id('d-mine'), stage: 'PROPOSAL' } },
        P,
      ),
      await runOperation(
        db,
        `mutation($input: SaveSolutionInput!) { saveSolution(input: $input) { errors { code } } }`,
        { input: { name: 'x', capabilityIds: [], members: [{ partnerId: f.p }] } },
        P,
      ),
      await runOperation(
        db,
        `mutation($input: AccountInput!) { setAccount(input: $input) { errors { code } } }`,
        { input: { partnerId: f.p, customerId: id('c-hidden'), status: 'CUSTOMER' } },
        P,
      ),
    ];
    expect(refused.map(codes)).toEqual(refused.map(() => ['FORBIDDEN']));
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('a partner cannot register on a customer or solution it may not see, and its deal’s history names no hidden deal', async () => {
    const q = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id registrationStatus conflictsWith { id } history { kind note } } errors { path code } } }`;
    const hidden = await expectData(db, q, { input: { ...partnerDealInput('d-on-hidden', [f.p]), customerId: id('c-hidden') } }, P);
    expect(hidden.data.registerDeal).toEqual({ deal: null, errors: [{ path: ['input', 'customerId'], code: 'NOT_FOUND' }] });
    const otherSolution = await expectData(
      db,
      q,
      { input: { ...partnerDealInput('d-other-solution', [f.p]), solutionId: id('s-other') } },
      P,
    );
    expect(otherSolution.data.registerDeal.errors).toEqual([{ path: ['input', 'solutionId'], code: 'NOT_FOUND' }]);

    const input = {
      ...partnerDealInput('d-conflicting', []),
      customerId: id('c-shared'),
      participants: [{ partnerId: f.p, role: 'RESELLER' }],
    };
    const mine = (await expectData(db, q, { input }, P)).data.registerDeal;
    expect(mine).toEqual({
      deal: {
        id: mine.deal?.id,
        registrationStatus: 'CONFLICT',
        conflictsWith: [],
        history: [{ kind: 'REGISTERED', note: 'Rules of engagement: conflicts with an earlier registration' }],
      },
      errors: [],
    });
    const vendor = await expectData(db, `query($id: ID!) { deal(id: $id) { history { note } } }`, { id: mine.deal.id }, MANAGER);
    expect(vendor.data.deal.history).toEqual([{ note: `Rules of engagement: conflicts with ${id('d-earlier')}` }]);
    await removeDeal(mine.deal.id);
  });

  it('an administrator may call anything', async () => {
    const r = await expectData(db, CREATE_PARTNER, { input: { id: id('p-by-admin'), name: 'By admin', types: ['RESELLER'] } });
    expect(r.data.createPartner).toEqual({ partner: { id: id('p-by-admin') }, errors: [] });
  });

  it('refuses a mutation without an entry to everyone but an administrator', () => {
    const rule = permissionFor('Mutation', 'someMutationAddedLater');
    expect(rule({ role: 'ADMIN', subject: 'a' }, {})).toBe(true);
    expect(rule(MANAGER, {})).not.toBe(true);
    expect(rule(P, {})).not.toBe(true);
  });
});

describe('partnerImpact for the partner itself', () => {
  it('counts a customer as orphaned by the accounts the partner may see', async () => {
    // The fixture again (a merge import leaves it as it is) with one more customer that p and q-none have accounts on.
    const fixture = scopeFixtureDocument(f);
    await loadFixture(db, {
      ...fixture,
      customers: [...fixture.customers!, { id: id('c-impact'), name: 'Impact customer' }],
      accounts: [
        ...fixture.accounts!,
        { partnerId: f.p, customerId: id('c-impact'), status: 'CUSTOMER' },
        { partnerId: f.q.none, customerId: id('c-impact'), status: 'CUSTOMER' },
      ],
    });
    const q = `query($p: ID!) { partnerImpact(partnerId: $p) { orphanedCustomers { id } openDealsAffected { id } } }`;
    const forP = (await expectData(db, q, { p: f.p }, P)).data.partnerImpact;
    expect(forP.orphanedCustomers.map((c: { id: string }) => c.id)).toContain(id('c-impact'));
    const forVendor = (await expectData(db, q, { p: f.p }, MANAGER)).data.partnerImpact;
    expect(forVendor.orphanedCustomers.map((c: { id: string }) => c.id)).not.toContain(id('c-impact'));
    expect(forVendor.orphanedCustomers.map((c: { id: string }) => c.id)).toContain(id('c-own'));
  });
});
