// Identity (issue 13) against the real database: external ids on every kind (set by the
// mutations, unique per kind, looked up and scoped), customer domains, registerDeal by external
// id or domain, the rules of engagement over a duplicate group, mergeCustomers (nothing lost)
// and markCustomersDistinct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('ident');
const sys = `crm-${px.slice(6, 16)}`; // a system name of this run, so keys never meet other tests'

const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id externalIds { system id } } errors { path code message } } }`;
const UPDATE_PARTNER = `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { partner { id externalIds { system id } } errors { path code message } } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name domain externalIds { system id } } errors { path code message } } }`;
const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id name domain externalIds { system id } } errors { path code message } } }`;
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) {
  deal { id registrationStatus customer { id } participants { partner { id } } externalIds { system id } history { kind to note } }
  errors { path code message } } }`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [
        { id: 'cap1', name: 'Cap 1' },
        { id: 'cap2', name: 'Cap 2' },
        { id: 'cap3', name: 'Cap 3' },
      ],
      partners: [
        { id: 'pa', name: 'Reseller A', types: ['RESELLER'] },
        { id: 'pb', name: 'Reseller B', types: ['RESELLER'] },
        { id: 'pc', name: 'Reseller C', types: ['RESELLER'] },
      ],
      customers: [{ id: 'plain', name: `Plain ${px}` }],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('external ids', () => {
  it('are set by create and update, sorted, looked up by (system, id), and unique per kind', async () => {
    const created = await expectData(db, CREATE_PARTNER, {
      input: {
        id: `${px}x1`,
        name: 'X1',
        types: ['TECHNOLOGY'],
        externalIds: [
          { system: sys, id: 'B-2' },
          { system: sys, id: 'A-1' },
          { system: 'hubspot', id: `${px}9` },
        ],
      },
    });
    expect(created.data.createPartner).toEqual({
      partner: {
        id: `${px}x1`,
        externalIds: [
          { system: sys, id: 'A-1' },
          { system: sys, id: 'B-2' },
          { system: 'hubspot', id: `${px}9` },
        ],
      },
      errors: [],
    });
    const found = await expectData(db, `query($s: String!, $i: String!) { partnerByExternalId(system: $s, id: $i) { id name } }`, {
      s: sys,
      i: 'A-1',
    });
    expect(found.data.partnerByExternalId).toEqual({ id: `${px}x1`, name: 'X1' });
    const unknown = await expectData(
      db,
      `query($s: String!) { partnerByExternalId(system: $s, id: "nope") { id } customerByExternalId(system: $s, id: "A-1") { id } }`,
      { s: sys },
    );
    expect(unknown.data).toEqual({ partnerByExternalId: null, customerByExternalId: null });

    // Another partner may not take the pair; the refused write changes nothing.
    const before = await graphFingerprint(db);
    const refused = await expectData(db, CREATE_PARTNER, {
      input: {
        id: `${px}x2`,
        name: 'X2',
        types: ['TECHNOLOGY'],
        externalIds: [
          { system: sys, id: 'C-3' },
          { system: sys, id: 'B-2' },
        ],
      },
    });
    expect(refused.data.createPartner.partner).toBeNull();
    expect(refused.data.createPartner.errors).toEqual([
      {
        path: ['input', 'externalIds', '1'],
        code: 'CONFLICT',
        message: `The external id (${sys}, B-2) already belongs to partner "${px}x1"`,
      },
    ]);
    expect(await graphFingerprint(db)).toEqual(before);

    // A customer may have the same pair as a partner: uniqueness is per kind.
    const customer = await expectData(db, CREATE_CUSTOMER, {
      input: { id: `${px}cx`, name: `Cx ${px}`, externalIds: [{ system: sys, id: 'B-2' }] },
    });
    expect(customer.data.createCustomer.errors).toEqual([]);

    // Update replaces the list; the released pair can be taken by another partner.
    const updated = await expectData(db, UPDATE_PARTNER, { input: { id: `${px}x1`, externalIds: [{ system: sys, id: 'A-1' }] } });
    expect(updated.data.updatePartner.partner.externalIds).toEqual([{ system: sys, id: 'A-1' }]);
    const unchanged = await expectData(db, UPDATE_PARTNER, { input: { id: `${px}x1`, name: 'X1 renamed' } });
    expect(unchanged.data.updatePartner.partner.externalIds).toEqual([{ system: sys, id: 'A-1' }]);
    const taken = await expectData(db, CREATE_PARTNER, {
      input: { id: `${px}x2`, name: 'X2', types: ['TECHNOLOGY'], externalIds: [{ system: sys, id: 'B-2' }] },
    });
    expect(taken.data.createPartner.errors).toEqual([]);
    const moved = await expectData(db, `query($s: String!) { partnerByExternalId(system: $s, id: "B-2") { id } }`, { s: sys });
    expect(moved.data.partnerByExternalId).toEqual({ id: `${px}x2` });
  });

  it('refuses bad systems, empty ids and a pair listed twice, with the path', async () => {
    const bad = await expectData(db, CREATE_PARTNER, {
      input: {
        name: 'Bad',
        types: ['TECHNOLOGY'],
        externalIds: [
          { system: 'Sales Force', id: '1' },
          { system: sys, id: '' },
          { system: sys, id: 'd' },
          { system: sys, id: 'd' },
        ],
      },
    });
    expect(bad.data.createPartner.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.externalIds.0.system', 'BAD_USER_INPUT'],
      ['input.externalIds.1.id', 'BAD_USER_INPUT'],
      ['input.externalIds.3', 'BAD_USER_INPUT'],
    ]);
  });

  it('are set on capabilities and solutions too', async () => {
    const cap = await expectData(
      db,
      `mutation($input: UpdateCapabilityInput!) { updateCapability(input: $input) { capability { externalIds { system id } } errors { path } } }`,
      {
        input: { id: `${px}cap1`, externalIds: [{ system: sys, id: 'cap' }] },
      },
    );
    expect(cap.data.updateCapability).toEqual({ capability: { externalIds: [{ system: sys, id: 'cap' }] }, errors: [] });
    const sol = await expectData(
      db,
      `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { solution { externalIds { system id } } errors { path } } }`,
      {
        input: { id: `${px}sol`, name: 'Sol', externalIds: [{ system: sys, id: 'sol' }] },
      },
    );
    expect(sol.data.createSolution).toEqual({ solution: { externalIds: [{ system: sys, id: 'sol' }] }, errors: [] });
  });

  it('dealByExternalId is scoped like deal: a partner not on the deal gets null', async () => {
    const reg = await expectData(db, REGISTER, {
      input: {
        id: `${px}dx`,
        name: 'Dx',
        customerId: `${px}plain`,
        amount: '10.00',
        currency: 'USD',
        participants: [{ partnerId: `${px}pa`, role: 'RESELLER' }],
        externalIds: [{ system: sys, id: 'OPP-1' }],
      },
    });
    expect(reg.data.registerDeal.deal.externalIds).toEqual([{ system: sys, id: 'OPP-1' }]);
    const q = `query($s: String!) { dealByExternalId(system: $s, id: "OPP-1") { id } }`;
    const on: Viewer = { role: 'PARTNER', subject: 'a', partnerId: `${px}pa` };
    const off: Viewer = { role: 'PARTNER', subject: 'b', partnerId: `${px}pb` };
    expect((await expectData(db, q, { s: sys }, on)).data.dealByExternalId).toEqual({ id: `${px}dx` });
    expect((await expectData(db, q, { s: sys }, off)).data.dealByExternalId).toBeNull();
    expect((await expectData(db, q, { s: sys })).data.dealByExternalId).toEqual({ id: `${px}dx` });
  });
});

describe('customer domains', () => {
  it('are normalised on the way in and unique', async () => {
    const created = await expectData(db, CREATE_CUSTOMER, {
      input: { id: `${px}d1`, name: `Dom ${px}`, domain: `HTTPS://WWW.${px}Northwind.Example.:8443/about?x=1` },
    });
    expect(created.data.createCustomer.customer.domain).toBe(`${px}northwind.example`);
    const dup = await expectData(db, CREATE_CUSTOMER, { input: { id: `${px}d2`, name: `Dom2 ${px}`, domain: `${px}northwind.example` } });
    expect(dup.data.createCustomer.errors).toEqual([
      { path: ['input', 'domain'], code: 'CONFLICT', message: `The domain "${px}northwind.example" already belongs to customer "${px}d1"` },
    ]);
    const bad = await expectData(db, UPDATE_CUSTOMER, { input: { id: `${px}d1`, domain: 'not a domain' } });
    expect(bad.data.updateCustomer.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.domain', 'BAD_USER_INPUT'],
    ]);
    const cleared = await expectData(db, UPDATE_CUSTOMER, { input: { id: `${px}d1`, domain: null } });
    expect(cleared.data.updateCustomer.customer.domain).toBeNull();
    const reused = await expectData(db, UPDATE_CUSTOMER, { input: { id: `${px}d1`, domain: `${px}northwind.example` } });
    expect(reused.data.updateCustomer.customer.domain).toBe(`${px}northwind.example`);
  });
});

describe('registerDeal names its customer and partners', () => {
  beforeAll(async () => {
    await expectData(db, CREATE_CUSTOMER, {
      input: { id: `${px}r1`, name: `Registry ${px}`, domain: `${px}registry.example`, externalIds: [{ system: sys, id: 'ACC-R1' }] },
    });
    await expectData(db, UPDATE_PARTNER, { input: { id: `${px}pb`, externalIds: [{ system: sys, id: 'ACC-PB' }] } });
  });

  const base = (extra: Record<string, unknown>) => ({
    name: 'Named',
    amount: '1.00',
    currency: 'USD',
    participants: [{ partnerId: `${px}pa`, role: 'SERVICES' }],
    ...extra,
  });

  it('by customerExternalId, customerDomain (normalised) or customerId, and partners by external id', async () => {
    const byExt = await expectData(db, REGISTER, {
      input: base({
        customerExternalId: { system: sys, id: 'ACC-R1' },
        participants: [{ partnerExternalId: { system: sys, id: 'ACC-PB' }, role: 'SERVICES' }],
      }),
    });
    expect(byExt.data.registerDeal.errors).toEqual([]);
    expect(byExt.data.registerDeal.deal.customer).toEqual({ id: `${px}r1` });
    expect(byExt.data.registerDeal.deal.participants).toEqual([{ partner: { id: `${px}pb` } }]);
    const byDomain = await expectData(db, REGISTER, { input: base({ customerDomain: `http://www.${px}REGISTRY.example/` }) });
    expect(byDomain.data.registerDeal.deal.customer).toEqual({ id: `${px}r1` });
    const byId = await expectData(db, REGISTER, { input: base({ customerId: `${px}r1` }) });
    expect(byId.data.registerDeal.deal.customer).toEqual({ id: `${px}r1` });
  });

  it('a partner naming a customer it may not see, by domain or external id, gets NOT_FOUND as for an unknown one', async () => {
    await expectData(db, CREATE_CUSTOMER, {
      input: { id: `${px}hidden`, name: `Hidden ${px}`, domain: `${px}hidden.example`, externalIds: [{ system: sys, id: 'HID' }] },
    });
    const pc: Viewer = { role: 'PARTNER', subject: 'c', partnerId: `${px}pc` };
    const participants = [{ partnerId: `${px}pc`, role: 'SERVICES' }];
    for (const [name, path] of [
      [{ customerDomain: `${px}hidden.example` }, 'customerDomain'],
      [{ customerExternalId: { system: sys, id: 'HID' } }, 'customerExternalId'],
    ] as const) {
      const r = await expectData(db, REGISTER, { input: base({ ...name, participants }) }, pc);
      expect(r.data.registerDeal.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
        [`input.${path}`, 'NOT_FOUND'],
      ]);
    }
  });

  it('refuses none or several names, and unknown ones, at their paths', async () => {
    const before = await graphFingerprint(db);
    const none = await expectData(db, REGISTER, { input: base({}) });
    expect(none.data.registerDeal.errors).toEqual([
      {
        path: ['input', 'customerId'],
        code: 'BAD_USER_INPUT',
        message: 'name the customer by exactly one of customerId, customerExternalId and customerDomain',
      },
    ]);
    const two = await expectData(db, REGISTER, { input: base({ customerId: `${px}r1`, customerDomain: `${px}registry.example` }) });
    expect(two.data.registerDeal.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['input.customerDomain']);
    const partnerBoth = await expectData(db, REGISTER, {
      input: base({
        customerId: `${px}r1`,
        participants: [{ partnerId: `${px}pa`, partnerExternalId: { system: sys, id: 'ACC-PB' }, role: 'SERVICES' }],
      }),
    });
    expect(partnerBoth.data.registerDeal.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.participants.0.partnerId', 'BAD_USER_INPUT'],
    ]);
    const unknown = await expectData(db, REGISTER, {
      input: base({
        customerExternalId: { system: sys, id: 'NOPE' },
        participants: [{ partnerExternalId: { system: sys, id: 'NOPE' }, role: 'SERVICES' }],
      }),
    });
    expect(unknown.data.registerDeal.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.customerExternalId', 'NOT_FOUND'],
      ['input.participants.0.partnerExternalId', 'NOT_FOUND'],
    ]);
    const unknownDomain = await expectData(db, REGISTER, { input: base({ customerDomain: `${px}nobody.example` }) });
    expect(unknownDomain.data.registerDeal.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.customerDomain', 'NOT_FOUND'],
    ]);
    expect(await graphFingerprint(db)).toEqual(before);
  });
});

describe('duplicate groups in the rules of engagement, merging and marking distinct', () => {
  const name = `Northwind ${px.replace(/[^a-z0-9]/g, '')}`;
  beforeAll(async () => {
    await loadFixture(
      db,
      prefixed(px, {
        capabilities: [
          { id: 'cap1', name: 'Cap 1' },
          { id: 'cap2', name: 'Cap 2' },
          { id: 'cap3', name: 'Cap 3' },
        ],
        partners: [
          { id: 'pa', name: 'Reseller A', types: ['RESELLER'] },
          { id: 'pb', name: 'Reseller B', types: ['RESELLER'] },
          { id: 'pc', name: 'Reseller C', types: ['RESELLER'] },
        ],
        customers: [
          { id: 'n1', name: `${name} Traders, Inc.`, industry: 'RETAIL', needs: ['cap1', 'cap2'] },
          { id: 'n2', name: `${name.toUpperCase()} TRADERS`, region: 'EMEA', needs: ['cap2', 'cap3'] },
          { id: 'n3', name: `${name} Traders Ltd` },
        ],
        accounts: [
          { partnerId: 'pa', customerId: 'n1', status: 'PROSPECT' },
          { partnerId: 'pa', customerId: 'n2', status: 'CUSTOMER' },
          { partnerId: 'pb', customerId: 'n2', status: 'OPPORTUNITY' },
          { partnerId: 'pc', customerId: 'n3', status: 'PROSPECT' },
        ],
        deals: [
          {
            id: 'old',
            name: 'Old won',
            customerId: 'n2',
            stage: 'CLOSED_WON',
            amount: '5.00',
            currency: 'USD',
            createdAt: '2025-01-01T00:00:00Z',
            closedAt: '2025-02-01T00:00:00Z',
            registrationStatus: 'APPROVED',
            participants: [{ partnerId: 'pc', role: 'RESELLER' }],
          },
          {
            id: 'first',
            name: 'First',
            customerId: 'n1',
            stage: 'QUALIFIED',
            amount: '5.00',
            currency: 'USD',
            createdAt: '2025-03-01T00:00:00Z',
            registrationStatus: 'APPROVED',
            participants: [{ partnerId: 'pa', role: 'RESELLER' }],
          },
          {
            id: 'second',
            name: 'Second',
            customerId: 'n2',
            stage: 'QUALIFIED',
            amount: '5.00',
            currency: 'USD',
            createdAt: '2025-03-02T00:00:00Z',
            registrationStatus: 'APPROVED',
            participants: [{ partnerId: 'pb', role: 'RESELLER' }],
          },
        ],
      }),
    );
  });

  it('a registration on one customer of a group conflicts with an approved deal on another, and the note says why', async () => {
    const reg = await expectData(db, REGISTER, {
      input: {
        id: `${px}third`,
        name: 'Third',
        customerId: `${px}n3`,
        amount: '1.00',
        currency: 'USD',
        createdAt: '2025-04-01T00:00:00Z',
        participants: [{ partnerId: `${px}pc`, role: 'RESELLER' }],
      },
    });
    const deal = reg.data.registerDeal.deal;
    expect(deal.registrationStatus).toBe('CONFLICT');
    expect(deal.history[0].note).toBe(
      `Rules of engagement: conflicts with ${px}first, ${px}second (customers ${px}n1, ${px}n2, ${px}n3 are treated as one customer: probable duplicates by SAME_NAME, until merged or marked distinct)`,
    );
  });

  it('customerDuplicates lists the group with its reason', async () => {
    const groups = await allGroups();
    expect(groups.find((g) => g.members.some((m) => m.id === `${px}n1`))).toEqual({
      members: [{ id: `${px}n1` }, { id: `${px}n2` }, { id: `${px}n3` }],
      reasons: ['SAME_NAME'],
    });
  });

  it('mergeCustomers moves everything, loses nothing, and decides the moved open deals again', async () => {
    const counts = async (ids: string[]) =>
      (
        await db.runText<Record<string, number>>(
          `MATCH (c:Customer) WHERE c.id IN $ids
         RETURN sum(COUNT { (:Partner)-[:HAS_ACCOUNT]->(c) }) AS accounts, sum(COUNT { (:Deal)-[:FOR_CUSTOMER]->(c) }) AS deals,
                count(DISTINCT c) AS customers, size(COLLECT { MATCH (k:Customer)-[:NEEDS]->(n) WHERE k.id IN $ids RETURN DISTINCT n.id }) AS needs`,
          { ids },
        )
      )[0]!;
    const before = await counts([`${px}n1`, `${px}n2`]);
    expect(before).toEqual({ accounts: 3, deals: 3, customers: 2, needs: 3 });
    const refused = await expectData(
      db,
      `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { id } errors { path code } } }`,
      {
        input: { intoId: `${px}n1`, fromIds: [`${px}n1`, `${px}nobody`] },
      },
    );
    expect(refused.data.mergeCustomers.errors).toEqual([{ path: ['input', 'fromIds', '0'], code: 'BAD_USER_INPUT' }]);

    const merged = await expectData(
      db,
      `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) {
         customer { id industry region needs { id } accounts { status partner { id } } deals { id registrationStatus history { kind from to note } } }
         errors { path code } } }`,
      { input: { intoId: `${px}n1`, fromIds: [`${px}n2`] } },
    );
    expect(merged.data.mergeCustomers.errors).toEqual([]);
    const c = merged.data.mergeCustomers.customer;
    expect(c.industry).toBe('RETAIL');
    expect(c.region).toBe('EMEA');
    expect(c.needs.map((n: { id: string }) => n.id)).toEqual([`${px}cap1`, `${px}cap2`, `${px}cap3`]);
    // pa had a PROSPECT account on n1 and a CUSTOMER one on n2: one account, the stronger status.
    expect(c.accounts).toEqual([
      { status: 'CUSTOMER', partner: { id: `${px}pa` } },
      { status: 'OPPORTUNITY', partner: { id: `${px}pb` } },
    ]);
    const after = await counts([`${px}n1`, `${px}n2`]);
    expect(after).toEqual({ accounts: before.accounts! - 1, deals: before.deals, customers: 1, needs: before.needs });
    const second = c.deals.find((d: { id: string }) => d.id === `${px}second`);
    expect(second.history.map((e: { kind: string }) => e.kind)).toEqual(['IMPORTED', 'MERGED', 'STATUS_CHANGED']);
    expect(second.history[1]).toMatchObject({ from: `${px}n2`, to: `${px}n1` });
    expect(second.history[2]).toMatchObject({ from: 'APPROVED', to: 'CONFLICT' });
    expect(second.registrationStatus).toBe('CONFLICT');
    const old = c.deals.find((d: { id: string }) => d.id === `${px}old`);
    expect(old.history.map((e: { kind: string }) => e.kind)).toEqual(['IMPORTED', 'MERGED']);
    expect(old.registrationStatus).toBe('APPROVED');
    const gone = await expectData(db, `query($id: ID!) { customer(id: $id) { id } }`, { id: `${px}n2` });
    expect(gone.data.customer).toBeNull();
  });

  it('markCustomersDistinct separates a group; registrations then see one customer', async () => {
    const marked = await expectData(
      db,
      `mutation($ids: [ID!]!) { markCustomersDistinct(ids: $ids) { customers { id } errors { path code } } }`,
      { ids: [`${px}n3`, `${px}n1`] },
    );
    expect(marked.data.markCustomersDistinct).toEqual({ customers: [{ id: `${px}n1` }, { id: `${px}n3` }], errors: [] });
    expect((await allGroups()).some((g) => g.members.some((m) => m.id === `${px}n1`))).toBe(false);
    const reg = await expectData(db, REGISTER, {
      input: {
        name: 'Fourth',
        customerId: `${px}n3`,
        amount: '1.00',
        currency: 'USD',
        participants: [{ partnerId: `${px}pb`, role: 'RESELLER' }],
      },
    });
    // Only n3's own open deals count now: third (CONFLICT, pc) is not approved, so this one is.
    expect(reg.data.registerDeal.deal.registrationStatus).toBe('APPROVED');
    const one = await expectData(db, `mutation($ids: [ID!]!) { markCustomersDistinct(ids: $ids) { errors { path code } } }`, {
      ids: [`${px}n3`, `${px}n3`, `${px}zz`],
    });
    expect(one.data.markCustomersDistinct.errors).toEqual([{ path: ['ids', '1'], code: 'NOT_FOUND' }]);
  });
});

async function allGroups(): Promise<{ members: { id: string }[]; reasons: string[] }[]> {
  const groups: { members: { id: string }[]; reasons: string[] }[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      data: {
        customerDuplicates: {
          edges: { node: { members: { id: string }[]; reasons: string[] } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    } = await expectData(
      db,
      `query($after: String) { customerDuplicates(first: 100, after: $after) { edges { node { members { id } reasons } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    groups.push(...page.data.customerDuplicates.edges.map((e) => e.node));
    if (!page.data.customerDuplicates.pageInfo.hasNextPage) return groups;
    after = page.data.customerDuplicates.pageInfo.endCursor;
  }
}
