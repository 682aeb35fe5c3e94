// The versioned rules of engagement (src/policy/rules.ts) against a brute force of the rules as the
// README states them (test/support/policy-oracle.ts), on random registration sequences with random
// policies; times sit on and around the protection windows' exact ends (an injected clock, no sleep).
import { describe, expect, it } from 'vitest';
import type { DealRole } from '../src/model/vocabulary.js';
import {
  DAY_MS,
  decideAll,
  decideRegistration,
  effectiveStatus,
  isExpiredAt,
  type PolicyDeal,
  type RulesOfEngagement,
  type TerritoryFacts,
} from '../src/policy/rules.js';
import { oracleDecide, type OracleDeal, type OracleRules, type OracleTerritory } from './support/policy-oracle.js';
import { prng } from './support/random.js';

const BASE = Date.UTC(2026, 0, 1);
const ROLES: DealRole[] = ['RESELLER', 'DISTRIBUTOR', 'SERVICES', 'REFERRAL'];
const PARTNERS = ['p1', 'p2', 'p3', 'p4'];
// c1 and c2 are probable duplicates (one group); c3 stands alone.
const GROUP: Record<string, string> = { c1: 'g', c2: 'g', c3: 'c3' };
const TERRITORY: Record<string, OracleTerritory> = {
  c1: { region: 'EMEA', industry: 'Banking', partners: {} },
  c2: { region: 'NA', industry: null, partners: {} },
  c3: { region: null, industry: 'Retail', partners: {} },
};
const PARTNER_TERRITORY: Record<string, { regions: string[]; industries: string[] }> = {
  p1: { regions: ['EMEA', 'NA'], industries: ['Banking', 'Retail'] },
  p2: { regions: ['EMEA'], industries: ['Banking'] },
  p3: { regions: ['NA'], industries: ['Retail'] },
  p4: { regions: [], industries: [] },
};

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function randomRules(rand: () => number, version: number): RulesOfEngagement {
  return {
    version,
    conflictingRoles: ROLES.filter(() => rand() < 0.4)
      .concat(rand() < 0.7 ? ['RESELLER'] : [])
      .filter((r, i, a) => a.indexOf(r) === i),
    protectionWindowDays: rand() < 0.25 ? null : 1 + Math.floor(rand() * 3),
    directDealsConflict: rand() < 0.5,
    enforceTerritory: rand() < 0.4,
    duplicateCustomersAsOne: rand() < 0.6,
  };
}

/** A time on or next to a whole day after BASE: the windows' ends fall exactly on these. */
function randomTime(rand: () => number): number {
  return BASE + Math.floor(rand() * 7) * DAY_MS + pick(rand, [-1, 0, 0, 0, 1]);
}

function randomDeal(rand: () => number, n: number): OracleDeal {
  const customerId = pick(rand, ['c1', 'c2', 'c3']);
  const participants = PARTNERS.filter(() => rand() < 0.45).map((partnerId) => ({ partnerId, role: pick(rand, ROLES) }));
  if (participants.length === 0) participants.push({ partnerId: pick(rand, PARTNERS), role: pick(rand, ROLES) });
  const createdAt = randomTime(rand);
  const stageChange = rand() < 0.25 ? createdAt + Math.floor(rand() * 3) * DAY_MS + pick(rand, [-1, 0, 1]) : null;
  return {
    id: `d${String(n).padStart(2, '0')}`,
    customerId,
    groupId: GROUP[customerId]!,
    stage: rand() < 0.1 ? 'CLOSED_WON' : stageChange !== null ? 'QUALIFIED' : 'REGISTERED',
    createdAt,
    lastStageChangeAt: stageChange !== null && stageChange > createdAt ? stageChange : null,
    direct: rand() < 0.2,
    participants,
    status: null,
  };
}

function policyDeal(d: OracleDeal): PolicyDeal {
  return {
    id: d.id,
    customerId: d.customerId,
    stage: d.stage,
    createdAt: new Date(d.createdAt),
    registrationStatus: d.status as PolicyDeal['registrationStatus'],
    participants: d.participants,
    direct: d.direct,
    lastStageChangeAt: d.lastStageChangeAt === null ? null : new Date(d.lastStageChangeAt),
  };
}

function territoryOf(customerId: string): TerritoryFacts {
  const t = TERRITORY[customerId]!;
  return { customerRegion: t.region, customerIndustry: t.industry, partners: new Map(Object.entries(PARTNER_TERRITORY)) };
}

const oracleTerritory = (customerId: string): OracleTerritory => ({ ...TERRITORY[customerId]!, partners: PARTNER_TERRITORY });

// Thousands of decisions: more than the default 5 s on a loaded machine.
describe('rules of engagement as policy, against the README brute force', { timeout: 60_000 }, () => {
  it('decides each registration of 400 random sequences as the README says (backdated ones included)', () => {
    const rand = prng(18);
    const seen = new Map<string, number>();
    for (let run = 0; run < 400; run++) {
      const rules = randomRules(rand, run + 1);
      const oracleRules: OracleRules = { ...rules };
      const registered: OracleDeal[] = [];
      for (let n = 0; n < 12; n++) {
        // Registration order is not createdAt order: a backdated registration meets later ones.
        const deal = randomDeal(rand, n);
        const expected = oracleDecide(oracleRules, deal, registered, oracleTerritory(deal.customerId));
        // The service passes the deals of the group (all of them here) and lets the rules filter.
        const others = registered.filter((o) => o.groupId === deal.groupId).map(policyDeal);
        const got = decideRegistration(rules, policyDeal(deal), others, territoryOf(deal.customerId));
        expect({ status: got.status, rule: got.rule, conflictsWith: got.conflictsWith }, `run ${run} deal ${n}`).toEqual(expected);
        expect(got.policyVersion).toBe(rules.version);
        expect(got.explanation).toContain(`version ${rules.version}`);
        for (const id of registered.map((r) => r.id)) expect(got.explanation).not.toContain(id);
        seen.set(got.rule, (seen.get(got.rule) ?? 0) + 1);
        registered.push({ ...deal, status: got.status });
      }
    }
    // Every rule was exercised, often.
    for (const rule of [
      'FIRST_REGISTERED',
      'ROLE_CONFLICT',
      'DUPLICATE_CUSTOMER',
      'DIRECT_DEAL',
      'EXPIRED',
      'OUT_OF_TERRITORY',
      'CLOSED_DEAL',
    ]) {
      expect(seen.get(rule) ?? 0, rule).toBeGreaterThan(20);
    }
  });

  it('decides a whole import (decideAll) in registration order as the brute force does, keeping given statuses', () => {
    const rand = prng(1818);
    for (let run = 0; run < 200; run++) {
      const rules = randomRules(rand, 7);
      const deals = Array.from({ length: 14 }, (_, n) => {
        const d = randomDeal(rand, n);
        return rand() < 0.15 ? { ...d, status: pick(rand, ['APPROVED', 'CONFLICT', 'REJECTED']) } : d;
      });
      const got = decideAll(
        rules,
        deals.map(policyDeal),
        (c) => GROUP[c]!,
        (d) => territoryOf(d.customerId),
      );
      const decided: OracleDeal[] = [];
      for (const d of [...deals].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))) {
        const expected =
          d.status !== null
            ? { status: d.status, rule: 'GIVEN_STATUS', conflictsWith: [] }
            : oracleDecide(rules, d, decided, oracleTerritory(d.customerId));
        const g = got.get(d.id)!;
        expect({ status: g.status, rule: g.rule, conflictsWith: g.conflictsWith }, `run ${run} ${d.id}`).toEqual(expected);
        decided.push({ ...d, status: expected.status });
      }
    }
  });

  it('protects for exactly N days from registration or the last stage change: at N days it reads EXPIRED', () => {
    const rules: RulesOfEngagement = {
      version: 3,
      conflictingRoles: ['RESELLER'],
      protectionWindowDays: 90,
      directDealsConflict: false,
      enforceTerritory: false,
      duplicateCustomersAsOne: true,
    };
    const approved: PolicyDeal = {
      id: 'a',
      customerId: 'c',
      stage: 'REGISTERED',
      createdAt: new Date(BASE),
      registrationStatus: 'APPROVED',
      participants: [{ partnerId: 'r1', role: 'RESELLER' }],
      direct: false,
      lastStageChangeAt: null,
    };
    const end = BASE + 90 * DAY_MS;
    expect(effectiveStatus({ ...approved, registrationStatus: 'APPROVED' }, rules, new Date(end - 1))).toBe('APPROVED');
    expect(effectiveStatus({ ...approved, registrationStatus: 'APPROVED' }, rules, new Date(end))).toBe('EXPIRED');
    // A stage change restarts the window.
    const moved = { ...approved, stage: 'QUALIFIED', lastStageChangeAt: new Date(BASE + 10 * DAY_MS) };
    expect(isExpiredAt(moved, rules, new Date(end))).toBe(false);
    expect(isExpiredAt(moved, rules, new Date(end + 10 * DAY_MS))).toBe(true);
    // Closed, not approved, or no window: never expired.
    expect(isExpiredAt({ ...approved, stage: 'CLOSED_WON' }, rules, new Date(end))).toBe(false);
    expect(isExpiredAt({ ...approved, registrationStatus: 'CONFLICT' }, rules, new Date(end))).toBe(false);
    expect(isExpiredAt(approved, { ...rules, protectionWindowDays: null }, new Date(end * 2))).toBe(false);
    // A registration 1 ms before the end conflicts; at the end it is approved by EXPIRED.
    const later = (t: number): PolicyDeal => ({
      ...approved,
      id: 'b',
      createdAt: new Date(t),
      registrationStatus: null,
      participants: [{ partnerId: 'r2', role: 'RESELLER' }],
    });
    expect(decideRegistration(rules, later(end - 1), [approved])).toMatchObject({
      status: 'CONFLICT',
      rule: 'ROLE_CONFLICT',
      conflictsWith: ['a'],
    });
    expect(decideRegistration(rules, later(end), [approved])).toMatchObject({ status: 'APPROVED', rule: 'EXPIRED', conflictsWith: [] });
  });
});
