// `npm run import -- FILE --redecide` (src/policy/redecide.ts): an import keeps the statuses it is
// given; on request the open deals of the document's customers are decided again under the current
// rules of engagement, exactly as registerDeal decides (checked against the README brute force).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redecideRegistrations } from '../src/policy/redecide.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { oracleDecide, type OracleDeal, type OracleRules } from './support/policy-oracle.js';
import { useBuiltInRules } from './support/rules.js';

const db = testExecutor();
const px = uniquePrefix('redecide');
const id = (name: string) => `${px}${name}`;
const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version } errors { code } } }`;
const RULES: OracleRules = {
  conflictingRoles: ['RESELLER', 'SERVICES'],
  protectionWindowDays: null,
  directDealsConflict: false,
  enforceTerritory: false,
  duplicateCustomersAsOne: true,
};

const DEALS = [
  {
    id: 'd1',
    createdAt: '2026-03-01T00:00:00Z',
    stage: 'REGISTERED',
    registrationStatus: 'APPROVED',
    participants: [{ partnerId: 'r1', role: 'RESELLER' }],
  },
  {
    id: 'd2',
    createdAt: '2026-03-02T00:00:00Z',
    stage: 'QUALIFIED',
    registrationStatus: 'APPROVED',
    participants: [{ partnerId: 'si', role: 'SERVICES' }],
  },
  {
    id: 'd3',
    createdAt: '2026-03-03T00:00:00Z',
    stage: 'REGISTERED',
    registrationStatus: 'CONFLICT',
    participants: [{ partnerId: 'r1', role: 'RESELLER' }],
  },
  {
    id: 'd4',
    createdAt: '2026-03-04T00:00:00Z',
    stage: 'CLOSED_LOST',
    registrationStatus: 'APPROVED',
    participants: [{ partnerId: 'r2', role: 'RESELLER' }],
  },
] as const;

let restoreRules: () => Promise<void>;

beforeAll(async () => {
  // Start from the built-in rules (no window, so the approved deals of March 2026 do not read EXPIRED now).
  restoreRules = await useBuiltInRules(db);
  await loadFixture(
    db,
    prefixed(px, {
      partners: ['r1', 'r2', 'si'].map((p) => ({ id: p, name: `Redecide ${p}`, types: ['RESELLER' as const] })),
      customers: [{ id: 'c', name: `Redecide customer ${px}` }],
      deals: DEALS.map((d) => ({
        ...d,
        name: d.id,
        customerId: 'c',
        amount: '1.00',
        currency: 'USD',
        ...(d.stage === 'CLOSED_LOST' ? { closedAt: '2026-03-05T00:00:00Z' } : {}),
        participants: d.participants.map((p) => ({ ...p, sourced: false })),
      })),
    }),
  );
});
afterAll(async () => {
  await restoreRules();
  await removeByPrefix(db, px);
});

describe('re-deciding imported statuses under the current policy', () => {
  it('keeps the given statuses on import, and decides the open deals again on request', async () => {
    const read = async () =>
      (
        await expectData(
          db,
          `query($c: ID!) { customer(id: $c) { deals { id registrationStatus registrationDecision { rule conflictsWith { id } } history { kind from to } } } }`,
          {
            c: id('c'),
          },
        )
      ).data.customer.deals;
    const before = await read();
    expect(Object.fromEntries(before.map((d: any) => [d.id, d.registrationDecision.rule]))).toEqual(
      Object.fromEntries(DEALS.map((d) => [id(d.id), 'GIVEN_STATUS'])),
    );
    expect((await expectData(db, SET_RULES, { input: RULES })).data.setRulesOfEngagement.errors).toEqual([]);
    const counts = await redecideRegistrations(db, [id('c')]);
    expect(counts).toMatchObject({ decided: 3, changed: 2 });
    // The brute force, in registration order, closed deals keeping their status.
    const decided: OracleDeal[] = [];
    const expected: Record<string, { status: string; rule: string; conflictsWith: string[] }> = {};
    for (const d of DEALS) {
      const deal: OracleDeal = {
        id: id(d.id),
        customerId: 'c',
        groupId: 'c',
        stage: d.stage,
        createdAt: Date.parse(d.createdAt),
        lastStageChangeAt: null,
        direct: false,
        participants: d.participants.map((p) => ({ ...p, partnerId: id(p.partnerId) })),
        status: d.stage === 'CLOSED_LOST' ? d.registrationStatus : null,
      };
      const e =
        deal.status !== null ? { status: deal.status, rule: 'GIVEN_STATUS', conflictsWith: [] } : oracleDecide(RULES, deal, decided, null);
      expected[deal.id] = e;
      decided.push({ ...deal, status: e.status });
    }
    const after = await read();
    for (const d of after) {
      expect(
        {
          status: d.registrationStatus,
          rule: d.registrationDecision.rule,
          conflictsWith: d.registrationDecision.conflictsWith.map((x: any) => x.id),
        },
        d.id,
      ).toEqual(expected[d.id]);
    }
    // d2 (the SI) now conflicts with d1 and d3 (R1 again) is approved: both changes are in the history.
    expect(expected[id('d2')]).toMatchObject({ status: 'CONFLICT', rule: 'ROLE_CONFLICT' });
    expect(expected[id('d3')]).toMatchObject({ status: 'APPROVED' });
    const d2 = after.find((d: any) => d.id === id('d2'));
    expect(d2.history.at(-1)).toEqual({ kind: 'STATUS_CHANGED', from: 'APPROVED', to: 'CONFLICT' });
    // Again: nothing changes.
    expect(await redecideRegistrations(db, [id('c')])).toMatchObject({ decided: 3, changed: 0 });
  });
});
