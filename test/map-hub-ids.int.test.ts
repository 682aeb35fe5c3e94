// Migration 010-hub-ids (README "Time"): every account and participation carries hubId = its partner's id, every
// capability holding hubId = its capability's id, and every participation dealCreatedAt = its deal's createdAt, whatever
// wrote it: the import, the bulk load's statements, the mutations (opening, closing, changing, merging customers),
// the CRM import's statements. The as-of map counts through them (time/map-weight-at), so a relationship without its
// copy, or with a wrong one, would be weighed wrong. Here a random sequence of every such write, then the invariant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('hub');
const id = (s: string) => `${px}${s}`;
const PARTNERS = ['p0', 'p1', 'p2', 'p3'];
const CUSTOMERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
const CAPABILITIES = ['c0', 'c1', 'c2'];

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: CAPABILITIES.map((c) => ({ id: c, name: `Capability ${c}` })),
      partners: PARTNERS.map((p, i) => ({
        id: p,
        name: `Partner ${p}`,
        types: ['RESELLER' as const],
        capabilities: [
          { capabilityId: CAPABILITIES[i % 3]!, level: 'BASIC' as const, since: '2024-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
          { capabilityId: CAPABILITIES[i % 3]!, level: 'EXPERT' as const, since: '2025-01-01T00:00:00Z' },
        ],
      })),
      customers: CUSTOMERS.map((u) => ({ id: u, name: `Customer ${u}` })),
      accounts: [
        { partnerId: 'p0', customerId: 'u0', status: 'PROSPECT', since: '2024-01-01T00:00:00Z', until: '2025-01-01T00:00:00Z' },
        { partnerId: 'p0', customerId: 'u0', status: 'CUSTOMER', since: '2025-01-01T00:00:00Z' },
        { partnerId: 'p1', customerId: 'u1', status: 'CUSTOMER', since: '2024-06-01T00:00:00Z' },
      ],
      deals: [
        {
          id: 'd0',
          name: 'Imported',
          customerId: 'u0',
          stage: 'REGISTERED',
          amount: '100',
          currency: 'USD',
          createdAt: '2025-02-01T00:00:00Z',
          participants: [{ partnerId: 'p0', role: 'RESELLER' }],
        },
      ],
    } as Parameters<typeof prefixed>[1]),
  );
});
afterAll(() => removeByPrefix(db, px));

const mutate = async (name: string, type: string, input: Record<string, unknown>) =>
  (await expectData(db, `mutation($input: ${type}!) { ${name}(input: $input) { errors { path code } } }`, { input })).data[name];

/** Every relationship that must carry the copies, with what it carries and what it should. */
async function copies(): Promise<
  { type: string; from: string; to: string; hubId: unknown; want: string; created: unknown; dealCreated: unknown }[]
> {
  return db.runText(
    `MATCH (a)-[r:HAS_ACCOUNT|HAD_ACCOUNT|HAS_CAPABILITY|HAD_CAPABILITY|PARTICIPATES_IN]->(b)
     WHERE a.id STARTS WITH $px
     RETURN type(r) AS type, a.id AS from, b.id AS to, r.hubId AS hubId,
            CASE WHEN type(r) IN ['HAS_CAPABILITY', 'HAD_CAPABILITY'] THEN b.id ELSE a.id END AS want,
            toString(r.dealCreatedAt) AS created, CASE WHEN b:Deal THEN toString(b.createdAt) END AS dealCreated
     ORDER BY type, from, to`,
    { px },
  );
}

describe('hubId and dealCreatedAt (migration 010-hub-ids)', () => {
  it('every write path sets them: after a random sequence of writes none is missing or wrong', async () => {
    const random = prng(1410);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let deals = 1;
    const dealIds = [id('d0')];
    const customers = [...CUSTOMERS];
    const kinds: Record<string, number> = {};
    for (let step = 0; step < 60; step++) {
      const kind = pick([
        'account',
        'account',
        'removeAccount',
        'capability',
        'removeCapability',
        'deal',
        'participant',
        'merge',
        'crm',
        'bulk',
      ]);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const partnerId = id(pick(PARTNERS));
      const customerId = id(pick(customers));
      if (kind === 'account')
        await mutate('setAccount', 'AccountInput', { partnerId, customerId, status: pick(['PROSPECT', 'OPPORTUNITY', 'CUSTOMER']) });
      else if (kind === 'removeAccount') await mutate('removeAccount', 'AccountRemoveInput', { partnerId, customerId });
      else if (kind === 'capability')
        await mutate('setPartnerCapability', 'PartnerCapabilityInput', {
          partnerId,
          capabilityId: id(pick(CAPABILITIES)),
          level: pick(['BASIC', 'CERTIFIED', 'EXPERT']),
        });
      else if (kind === 'removeCapability')
        await mutate('removePartnerCapability', 'PartnerCapabilityRemoveInput', { partnerId, capabilityId: id(pick(CAPABILITIES)) });
      else if (kind === 'deal') {
        const dealId = id(`d${deals++}`);
        const result = await mutate('registerDeal', 'RegisterDealInput', {
          id: dealId,
          name: `Deal ${dealId}`,
          customerId,
          amount: '10',
          currency: 'EUR',
          createdAt: new Date(Date.UTC(2025, Math.floor(random() * 12), 1)).toISOString(),
          participants: [{ partnerId, role: 'RESELLER' }],
        });
        if (result.errors.length === 0) dealIds.push(dealId);
      } else if (kind === 'participant')
        await mutate('addDealParticipant', 'AddDealParticipantInput', { dealId: pick(dealIds), partnerId, role: 'SERVICES' });
      else if (kind === 'merge' && customers.length > 2) {
        const from = pick(customers.filter((u) => id(u) !== customerId));
        // A merge that would overlap a partner's accounts in time is refused (CONFLICT) and changes nothing.
        const result = await mutate('mergeCustomers', 'MergeCustomersInput', { intoId: customerId, fromIds: [id(from)] });
        if (result.errors.length === 0) customers.splice(customers.indexOf(from), 1);
      } else if (kind === 'crm') {
        // The CRM import's statements: an existing deal's createdAt moves, and a participant is added.
        const dealId = pick(dealIds);
        const [deal] = await db.runText<{ customerId: string }>(
          'MATCH (d:Deal {id: $dealId})-[:FOR_CUSTOMER]->(u) RETURN u.id AS customerId',
          {
            dealId,
          },
        );
        await db.writeTransaction(async (tx) => {
          await tx.track('Deal', [dealId]);
          await tx.run('crm/upsert-deals', {
            at: new Date().toISOString(),
            rows: [
              {
                id: dealId,
                isNew: false,
                name: 'Moved by the CRM',
                customerId: deal!.customerId,
                stage: 'REGISTERED',
                amountMinor: 1000,
                currency: 'EUR',
                createdAt: new Date(Date.UTC(2024, Math.floor(random() * 12), 2)).toISOString(),
                closedAt: null,
              },
            ],
          });
          await tx.run('crm/upsert-participants', {
            at: new Date().toISOString(),
            rows: [{ dealId, partnerId, role: 'TECHNOLOGY', sourced: false }],
          });
        });
      } else if (kind === 'bulk') {
        // The bulk load's statements (the load itself empties the database first, so it is not run here).
        const fresh = id(`bulk${step}`);
        await db.writeTransaction(async (tx) => {
          tx.untracked('the bulk load records its changes itself (createdChange); only the statements are under test here');
          await tx.run('interchange/bulk-create-customers', {
            rows: [
              {
                id: fresh,
                name: `Bulk ${step}`,
                searchName: `bulk ${step}`,
                normalizedName: `bulk ${step}`,
                domain: null,
                industry: null,
                region: null,
                segment: null,
              },
            ],
          });
          await tx.run('interchange/bulk-create-accounts', {
            rows: [
              { partnerId, customerId: fresh, status: 'PROSPECT', since: '2024-01-01T00:00:00Z', until: '2024-06-01T00:00:00Z' },
              { partnerId, customerId: fresh, status: 'CUSTOMER', since: '2024-06-01T00:00:00Z', until: null },
            ],
          });
          await tx.run('interchange/bulk-create-partner-capabilities', {
            rows: [
              {
                partnerId,
                capabilityId: id(pick(CAPABILITIES)),
                level: 'BASIC',
                since: '2023-01-01T00:00:00Z',
                until: '2023-06-01T00:00:00Z',
              },
            ],
          });
          await tx.run('interchange/bulk-create-deal-participants', {
            rows: [{ dealId: pick(dealIds), partnerId, role: 'DISTRIBUTOR', sourced: false, registeredAt: '2025-03-01T00:00:00Z' }],
          });
        });
        customers.push(`bulk${step}`);
      }
    }
    // The sequence did write through every path.
    expect(Object.keys(kinds).sort()).toEqual(
      ['account', 'bulk', 'capability', 'crm', 'deal', 'merge', 'participant', 'removeAccount', 'removeCapability'].sort(),
    );
    const rows = await copies();
    for (const type of ['HAS_ACCOUNT', 'HAD_ACCOUNT', 'HAS_CAPABILITY', 'HAD_CAPABILITY', 'PARTICIPATES_IN'])
      expect(
        rows.some((r) => r.type === type),
        type,
      ).toBe(true);
    expect(rows.filter((r) => r.hubId !== r.want)).toEqual([]);
    expect(rows.filter((r) => r.type === 'PARTICIPATES_IN' && (r.created === null || r.created !== r.dealCreated))).toEqual([]);
  });
});
