// The rules of engagement as a versioned policy through the API and a real Neo4j: random policies
// (setRulesOfEngagement) and random registration sequences (backdated by the vendor, so the
// protection windows' exact ends are hit without a clock), each registerDeal preceded by a
// simulateRegistration that must give the same decision, and both checked against the README's
// brute force (test/support/policy-oracle.ts). Reads are as of now: an approved open registration
// whose window has ended reads EXPIRED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { DAY_MS } from '../src/policy/rules.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { oracleDecide, type OracleDeal, type OracleRules } from './support/policy-oracle.js';
import { prng } from './support/random.js';
import { restoreDefaultRules } from './support/rules.js';

const db = testExecutor();
const px = uniquePrefix('policy');
const id = (name: string) => `${px}${name}`;

const RUNS = 5;
const PER_RUN = 8;
const BASE = Date.UTC(2026, 0, 5);
const ROLES = ['RESELLER', 'DISTRIBUTOR', 'SERVICES', 'REFERRAL'];
const PARTNERS = ['p1', 'p2', 'p3', 'p4'];
const PARTNER_TERRITORY: Record<string, { regions: string[]; industries: string[] }> = {
  p1: { regions: ['EMEA', 'NA'], industries: ['Banking', 'Retail'] },
  p2: { regions: ['EMEA'], industries: ['Banking'] },
  p3: { regions: ['NA'], industries: ['Retail'] },
  p4: { regions: [], industries: [] },
};

const DECISION = 'registrationDecision { status rule policyVersion conflictsWith { id } explanation }';
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id registrationStatus direct ${DECISION} } errors { path message code } } }`;
const SIMULATE = `query($input: RegisterDealInput!) { simulateRegistration(input: $input) { status rule policyVersion conflictsWith { id } explanation } }`;
const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) {
  rules { version conflictingRoles protectionWindowDays directDealsConflict enforceTerritory duplicateCustomersAsOne setBy note } errors { path message code } } }`;

const customers = (run: number) => [`r${run}-a1`, `r${run}-a2`, `r${run}-b`];

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      partners: PARTNERS.map((p) => ({ id: p, name: `Policy partner ${p} ${px}`, types: ['RESELLER' as const], ...PARTNER_TERRITORY[p] })),
      // In each run, a1 and a2 share a name: probable duplicates (one group); b stands alone.
      customers: Array.from({ length: RUNS + 1 }, (_, run) => [
        { id: `r${run}-a1`, name: `Policy Acme ${run} ${px}`, region: 'EMEA', industry: 'Banking' },
        { id: `r${run}-a2`, name: `Policy Acme ${run} ${px}`, region: 'NA' },
        { id: `r${run}-b`, name: `Policy Bolt ${run} ${px}`, industry: 'Retail' },
      ]).flat(),
      accounts: [{ partnerId: 'p2', customerId: `r${RUNS}-b`, status: 'OPPORTUNITY' }],
    }),
  );
});
afterAll(async () => {
  // Back to the rules a new database starts with, for the tests after this file.
  await restoreDefaultRules(db);
  await removeByPrefix(db, px);
});

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

describe('registration decisions under a versioned policy', () => {
  it('keeps every version, numbered, with who set it; refuses bad values and non-admins', async () => {
    const before = (await expectData(db, '{ rulesOfEngagementVersions { version } }')).data.rulesOfEngagementVersions.length;
    const set = (await expectData(db, SET_RULES, { input: { protectionWindowDays: 90, note: 'ninety days' } })).data.setRulesOfEngagement;
    expect(set.errors).toEqual([]);
    expect(set.rules).toMatchObject({ protectionWindowDays: 90, setBy: 'test-admin', note: 'ninety days' });
    const next = (await expectData(db, SET_RULES, { input: { enforceTerritory: true } })).data.setRulesOfEngagement.rules;
    // A field left out keeps its value; the version goes up by one.
    expect(next).toMatchObject({ version: set.rules.version + 1, protectionWindowDays: 90, enforceTerritory: true });
    const { data } = await expectData(
      db,
      '{ rulesOfEngagement { version } rulesOfEngagementVersions { version protectionWindowDays enforceTerritory } }',
    );
    expect(data.rulesOfEngagement.version).toBe(next.version);
    expect(data.rulesOfEngagementVersions).toHaveLength(before + 2);
    expect(data.rulesOfEngagementVersions.slice(-2)).toEqual([
      { version: set.rules.version, protectionWindowDays: 90, enforceTerritory: set.rules.enforceTerritory },
      { version: next.version, protectionWindowDays: 90, enforceTerritory: true },
    ]);
    const bad = (await expectData(db, SET_RULES, { input: { protectionWindowDays: 0 } })).data.setRulesOfEngagement;
    expect(bad).toEqual({
      rules: null,
      errors: [expect.objectContaining({ path: ['input', 'protectionWindowDays'], code: 'BAD_USER_INPUT' })],
    });
    const manager: Viewer = { role: 'ALLIANCE_MANAGER', subject: 'am' };
    const refused = await runOperation(db, SET_RULES, { input: { enforceTerritory: false } }, manager);
    expect(refused.data.setRulesOfEngagement).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await expectData(db, '{ rulesOfEngagement { version } }')).data.rulesOfEngagement.version).toBe(next.version);
  });

  it('simulates exactly what registerDeal then decides, and both follow the README rules, in random sequences', async () => {
    const rand = prng(4718);
    const seen = new Set<string>();
    for (let run = 0; run < RUNS; run++) {
      const roles = ROLES.filter(() => rand() < 0.4);
      const rules: OracleRules = {
        conflictingRoles: roles.length > 0 ? roles : ['RESELLER'],
        protectionWindowDays: rand() < 0.3 ? null : 1 + Math.floor(rand() * 2),
        directDealsConflict: rand() < 0.5,
        enforceTerritory: rand() < 0.4,
        duplicateCustomersAsOne: rand() < 0.7,
      };
      const set = (await expectData(db, SET_RULES, { input: rules })).data.setRulesOfEngagement;
      expect(set.errors).toEqual([]);
      const version = set.rules.version;
      const [a1, a2, b] = customers(run);
      const groupOf: Record<string, string> = { [a1!]: 'a', [a2!]: 'a', [b!]: 'b' };
      const territory: Record<string, { region: string | null; industry: string | null }> = {
        [a1!]: { region: 'EMEA', industry: 'Banking' },
        [a2!]: { region: 'NA', industry: null },
        [b!]: { region: null, industry: 'Retail' },
      };
      const registered: OracleDeal[] = [];
      for (let n = 0; n < PER_RUN; n++) {
        const customerId = pick(rand, customers(run));
        const direct = rand() < 0.2;
        const participants = PARTNERS.filter(() => rand() < 0.45).map((partnerId) => ({ partnerId, role: pick(rand, ROLES) }));
        if (participants.length === 0) participants.push({ partnerId: pick(rand, PARTNERS), role: pick(rand, ROLES) });
        // On and next to whole days, so a window of 1 or 2 days ends exactly on some registrations.
        const createdAt = BASE + Math.floor(rand() * 4) * DAY_MS + pick(rand, [-1, 0, 0, 1]);
        const closed = rand() < 0.1;
        const dealId = `r${run}-d${n}`;
        const input = {
          id: id(dealId),
          name: `Deal ${dealId}`,
          customerId: id(customerId),
          amount: '100.00',
          currency: 'EUR',
          stage: closed ? 'CLOSED_WON' : pick(rand, ['REGISTERED', 'QUALIFIED']),
          createdAt: new Date(createdAt).toISOString(),
          ...(closed ? { closedAt: new Date(createdAt + 1).toISOString() } : {}),
          direct,
          participants: participants.map((p) => ({ ...p, partnerId: id(p.partnerId) })),
        };
        const deal: OracleDeal = {
          id: id(dealId),
          customerId,
          groupId: groupOf[customerId]!,
          stage: input.stage,
          createdAt,
          lastStageChangeAt: null,
          direct,
          participants,
          status: null,
        };
        const expected = oracleDecide(rules, deal, registered, { ...territory[customerId]!, partners: PARTNER_TERRITORY });
        // Read as of now (long after these dates): an approved open registration with a window reads EXPIRED.
        const expiredNow = expected.status === 'APPROVED' && !closed && rules.protectionWindowDays !== null;
        const simulated = (await expectData(db, SIMULATE, { input })).data.simulateRegistration;
        const result = (await expectData(db, REGISTER, { input })).data.registerDeal;
        expect(result.errors).toEqual([]);
        const decision = result.deal.registrationDecision;
        expect(simulated, `run ${run} deal ${n}`).toEqual(decision);
        expect(
          { status: decision.status, rule: decision.rule, conflictsWith: decision.conflictsWith.map((d: { id: string }) => d.id) },
          `run ${run} deal ${n}: ${JSON.stringify({ rules, input, decision })}`,
        ).toEqual(
          expiredNow
            ? { status: 'EXPIRED', rule: 'EXPIRED', conflictsWith: [] }
            : { status: expected.status, rule: expected.rule, conflictsWith: expected.conflictsWith },
        );
        expect(decision.policyVersion).toBe(version);
        expect(result.deal.registrationStatus).toBe(decision.status);
        expect(result.deal.direct).toBe(direct);
        seen.add(expected.rule);
        registered.push({ ...deal, status: expected.status });
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it('scopes a partner simulation like its registration: no hidden deal named, the same refusals', async () => {
    await expectData(db, SET_RULES, {
      input: {
        conflictingRoles: ['RESELLER'],
        protectionWindowDays: null,
        directDealsConflict: false,
        enforceTerritory: false,
        duplicateCustomersAsOne: true,
      },
    });
    const customerId = id(`r${RUNS}-b`);
    const first = (
      await expectData(db, REGISTER, {
        input: {
          id: id('scoped-first'),
          name: 'First',
          customerId,
          amount: '1.00',
          currency: 'EUR',
          participants: [{ partnerId: id('p1'), role: 'RESELLER' }],
        },
      })
    ).data.registerDeal;
    expect(first.deal.registrationDecision).toMatchObject({ status: 'APPROVED', rule: 'FIRST_REGISTERED' });
    const partner: Viewer = { role: 'PARTNER', subject: 'p2', partnerId: id('p2') };
    const input = {
      name: 'Second',
      customerId,
      amount: '1.00',
      currency: 'EUR',
      participants: [{ partnerId: id('p2'), role: 'RESELLER' }],
    };
    const simulated = (await expectData(db, SIMULATE, { input }, partner)).data.simulateRegistration;
    const registered = (await expectData(db, REGISTER, { input }, partner)).data.registerDeal;
    expect(registered.errors).toEqual([]);
    expect(simulated).toEqual(registered.deal.registrationDecision);
    expect(simulated).toMatchObject({ status: 'CONFLICT', rule: 'ROLE_CONFLICT', conflictsWith: [] });
    expect(simulated.explanation).not.toContain(id('scoped-first'));
    expect(simulated.explanation).not.toContain(id('p1'));
    // The vendor sees the deal it conflicts with.
    const { data } = await expectData(db, `query($id: ID!) { deal(id: $id) { ${DECISION} } }`, { id: registered.deal.id });
    expect(data.deal.registrationDecision.conflictsWith).toEqual([{ id: id('scoped-first') }]);
    // What registerDeal refuses, the simulation refuses with the same code and path.
    const forbidden = await runOperation(db, SIMULATE, { input: { ...input, direct: true, createdAt: '2026-01-01T00:00:00Z' } }, partner);
    expect(forbidden.data.simulateRegistration).toBeNull();
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', path: ['input', 'createdAt'] });
    const refusedRegistration = (
      await expectData(db, REGISTER, { input: { ...input, direct: true, createdAt: '2026-01-01T00:00:00Z' } }, partner)
    ).data.registerDeal;
    expect(forbidden.errors?.[0]?.extensions?.problems).toEqual(refusedRegistration.errors);
    const other = await runOperation(
      db,
      SIMULATE,
      { input: { ...input, participants: [{ partnerId: id('p1'), role: 'RESELLER' }] } },
      partner,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const sourcedDirect = await runOperation(db, SIMULATE, {
      input: { ...input, direct: true, participants: [{ partnerId: id('p2'), role: 'RESELLER', sourced: true }] },
    });
    expect(sourcedDirect.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: ['input', 'participants', '0', 'sourced'],
    });
  });

  it('records an expiry when it takes effect: status EXPIRED and an event dated when the window ended', async () => {
    await expectData(db, SET_RULES, {
      input: { protectionWindowDays: 2, conflictingRoles: ['RESELLER'], enforceTerritory: false, directDealsConflict: false },
    });
    const createdAt = Date.UTC(2026, 2, 1, 12);
    const registered = (
      await expectData(db, REGISTER, {
        input: {
          id: id('expiring'),
          name: 'Expiring',
          customerId: id(`r${RUNS}-a1`),
          amount: '1.00',
          currency: 'EUR',
          createdAt: new Date(createdAt).toISOString(),
          participants: [{ partnerId: id('p3'), role: 'RESELLER' }],
        },
      })
    ).data.registerDeal;
    // Read as of now: expired, though stored APPROVED.
    expect(registered.deal.registrationDecision).toMatchObject({ status: 'EXPIRED', rule: 'EXPIRED' });
    const listed = async () =>
      (
        await expectData(
          db,
          `query($c: ID!) { deals(filter: { customerId: $c, registrationStatuses: [APPROVED] }, first: 100) { edges { node { id } } } }`,
          { c: id(`r${RUNS}-a1`) },
        )
      ).data.deals.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(await listed()).toContain(id('expiring'));
    const first = (await expectData(db, 'mutation { recordExpiredRegistrations { dealIds errors { code } } }')).data
      .recordExpiredRegistrations;
    expect(first.dealIds).toContain(id('expiring'));
    const second = (await expectData(db, 'mutation { recordExpiredRegistrations { dealIds } }')).data.recordExpiredRegistrations;
    expect(second.dealIds).not.toContain(id('expiring'));
    expect(await listed()).not.toContain(id('expiring'));
    const { data } = await expectData(
      db,
      `query($id: ID!) { deal(id: $id) { registrationStatus ${DECISION} history { at kind from to } } }`,
      { id: id('expiring') },
    );
    expect(data.deal.registrationStatus).toBe('EXPIRED');
    expect(data.deal.registrationDecision).toMatchObject({ status: 'EXPIRED', rule: 'EXPIRED' });
    const event = data.deal.history.find((e: { kind: string }) => e.kind === 'STATUS_CHANGED');
    expect(event, JSON.stringify(data.deal.history)).toMatchObject({ from: 'APPROVED', to: 'EXPIRED' });
    expect(new Date(event.at).getTime()).toBe(createdAt + 2 * DAY_MS);
    const manager: Viewer = { role: 'ALLIANCE_MANAGER', subject: 'am' };
    const refused = await runOperation(db, 'mutation { recordExpiredRegistrations { dealIds } }', {}, manager);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
