// Customers: reads both ways, the filtered connection, and mutations (needs, delete refusal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('cust');
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id name industry region segment needs { id } } errors { path code } } }`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [
        { id: 'cap1', name: 'Cap 1' },
        { id: 'cap2', name: 'Cap 2' },
      ],
      customers: [
        { id: 'u1', name: 'Umbrella', industry: 'PHARMA', region: 'EMEA', segment: 'ENTERPRISE', needs: ['cap2', 'cap1'] },
        { id: 'u2', name: 'Initech', industry: 'SOFTWARE', region: 'EMEA', segment: 'SMB' },
      ],
      partners: [
        { id: 'pa', name: 'A', types: ['RESELLER'], tier: 'GOLD' },
        { id: 'pb', name: 'B', types: ['RESELLER'], tier: 'GOLD' },
      ],
      accounts: [
        { partnerId: 'pa', customerId: 'u1', status: 'CUSTOMER' },
        { partnerId: 'pb', customerId: 'u1', status: 'PROSPECT' },
      ],
      deals: [
        {
          id: 'd1',
          name: 'Won',
          customerId: 'u1',
          stage: 'CLOSED_WON',
          amount: '1.00',
          currency: 'USD',
          createdAt: '2025-01-01T00:00:00Z',
          closedAt: '2025-02-01T00:00:00Z',
          registrationStatus: 'APPROVED',
        },
        {
          id: 'd2',
          name: 'Open',
          customerId: 'u1',
          stage: 'PROPOSAL',
          amount: '2.00',
          currency: 'USD',
          createdAt: '2025-01-02T00:00:00Z',
          registrationStatus: 'APPROVED',
        },
      ],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('customer reads', () => {
  it('reads a customer with needs, accounts and deals, filtered by status and stage', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { customer(id: $id) { id name industry region segment needs { id name }
         accounts { status partner { id } } prospects: accounts(status: PROSPECT) { partner { id } }
         deals { id } won: deals(stage: CLOSED_WON) { id name } } }`,
      { id: `${px}u1` },
    );
    expect(data.customer).toEqual({
      id: `${px}u1`,
      name: 'Umbrella',
      industry: 'PHARMA',
      region: 'EMEA',
      segment: 'ENTERPRISE',
      needs: [
        { id: `${px}cap1`, name: 'Cap 1' },
        { id: `${px}cap2`, name: 'Cap 2' },
      ],
      accounts: [
        { status: 'CUSTOMER', partner: { id: `${px}pa` } },
        { status: 'PROSPECT', partner: { id: `${px}pb` } },
      ],
      prospects: [{ partner: { id: `${px}pb` } }],
      deals: [{ id: `${px}d1` }, { id: `${px}d2` }],
      won: [{ id: `${px}d1`, name: 'Won' }],
    });
  });

  it('filters the connection', async () => {
    const { data } = await expectData(
      db,
      `query($f: CustomerFilter) { customers(filter: $f, first: 5) { totalCount edges { node { id } } } }`,
      { f: { region: 'EMEA', segment: 'SMB', nameContains: 'INITECH' } },
    );
    expect(data.customers.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith(px))).toEqual([`${px}u2`]);
  });
});

describe('customer mutations', () => {
  it('creates with needs, is idempotent, and replaces needs on update', async () => {
    const made = await expectData(db, CREATE, {
      input: { id: `${px}new`, name: 'Hooli', segment: 'MID_MARKET', needs: [`${px}cap2`, `${px}cap1`] },
    });
    expect(made.data.createCustomer).toEqual({
      customer: {
        id: `${px}new`,
        name: 'Hooli',
        industry: null,
        region: null,
        segment: 'MID_MARKET',
        needs: [{ id: `${px}cap1` }, { id: `${px}cap2` }],
      },
      errors: [],
    });
    const again = await expectData(db, CREATE, { input: { id: `${px}new`, name: 'Hooli', region: 'AMER' } });
    expect(again.data.createCustomer.customer).toEqual({
      id: `${px}new`,
      name: 'Hooli',
      industry: null,
      region: 'AMER',
      segment: null,
      needs: [],
    });
    const updated = await expectData(
      db,
      `mutation { updateCustomer(input: {id: "${px}new", industry: "TECH", needs: ["${px}cap2"]}) { customer { industry region needs { id } } errors { code } } }`,
    );
    expect(updated.data.updateCustomer).toEqual({
      customer: { industry: 'TECH', region: 'AMER', needs: [{ id: `${px}cap2` }] },
      errors: [],
    });
  });

  it('reports a missing need at its index and changes nothing', async () => {
    const before = await graphFingerprint(db);
    const { data } = await expectData(db, CREATE, { input: { id: `${px}bad`, name: 'Bad', needs: [`${px}cap1`, `${px}ghost`] } });
    expect(data.createCustomer).toEqual({ customer: null, errors: [{ path: ['input', 'needs', '1'], code: 'NOT_FOUND' }] });
    const update = await expectData(
      db,
      `mutation { updateCustomer(input: {id: "${px}u2", name: "Renamed", needs: ["${px}ghost"]}) { customer { id } errors { path code } } }`,
    );
    expect(update.data.updateCustomer).toEqual({ customer: null, errors: [{ path: ['input', 'needs', '0'], code: 'NOT_FOUND' }] });
    expect(await graphFingerprint(db)).toEqual(before);
    expect((await expectData(db, `query { customer(id: "${px}u2") { name } }`)).data.customer).toEqual({ name: 'Initech' });
  });

  it('refuses to delete a customer with deals, and deletes one without', async () => {
    const del = `mutation($id: ID!) { deleteCustomer(id: $id) { deletedId errors { path code } } }`;
    const refused = await expectData(db, del, { id: `${px}u1` });
    expect(refused.data.deleteCustomer).toEqual({ deletedId: null, errors: [{ path: ['id'], code: 'CONFLICT' }] });
    expect((await expectData(db, `query { customer(id: "${px}u1") { accounts { status } } }`)).data.customer.accounts).toHaveLength(2);
    const deleted = await expectData(db, del, { id: `${px}u2` });
    expect(deleted.data.deleteCustomer).toEqual({ deletedId: `${px}u2`, errors: [] });
  });
});
