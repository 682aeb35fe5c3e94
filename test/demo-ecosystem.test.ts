// The demo ecosystem (seed/demo-ecosystem.json) is valid and has the features the demo relies
// on; every feature is computed from the file, so the test still means something after edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideRegistrationStatuses } from '../src/deals/rules-of-engagement.js';
import { candidateOf } from '../src/interchange/import.js';
import { checkEcosystemText, type EcosystemDocument } from '../src/interchange/format.js';
import { PARTNER_TYPES } from '../src/model/vocabulary.js';

function loadDemo(): EcosystemDocument {
  const checked = checkEcosystemText(readFileSync(new URL('../seed/demo-ecosystem.json', import.meta.url), 'utf8'));
  if (!checked.ok) throw new Error(`the demo has problems:\n${checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return checked.doc;
}

/** The demo as it is now: the relationships that have not ended (README "Time"). */
function current(doc: EcosystemDocument): EcosystemDocument {
  const now = <T extends { until?: string }>(list: T[]) => list.filter((e) => e.until === undefined);
  return {
    ...doc,
    partners: doc.partners.map((p) => ({
      ...p,
      capabilities: now(p.capabilities),
      integrations: now(p.integrations),
      sharing: now(p.sharing),
    })),
    accounts: now(doc.accounts),
    solutions: doc.solutions.map((s) => ({ ...s, members: now(s.members) })),
  };
}

const history = loadDemo();
const demo = current(history);
const active = new Set(demo.partners.filter((p) => p.lifecycleStage === 'ACTIVE').map((p) => p.id));
const needed = new Set(demo.customers.flatMap((c) => c.needs));

function holdersOf(capabilityId: string): string[] {
  return demo.partners.filter((p) => p.capabilities.some((c) => c.capabilityId === capabilityId)).map((p) => p.id);
}

function customersOf(partnerId: string): Set<string> {
  return new Set(demo.accounts.filter((a) => a.partnerId === partnerId).map((a) => a.customerId));
}

describe('the demo ecosystem', () => {
  it('passes the interchange format check', () => {
    expect(demo.formatVersion).toBe(2); // read as version 2 (the writer's version)
    expect(demo.deals.length).toBeGreaterThan(0);
  });

  it('casts every kind of partner, several in more than one role', () => {
    const types = new Set(demo.partners.flatMap((p) => p.types));
    expect([...types].sort()).toEqual([...PARTNER_TYPES].sort());
    const multiRole = demo.partners.filter((p) => p.types.length > 1);
    expect(multiRole.length).toBeGreaterThan(1);
    expect(multiRole.some((p) => p.types.includes('MSP') && p.types.includes('RESELLER'))).toBe(true);
    expect(multiRole.some((p) => p.types.includes('SERVICES') && p.types.includes('STRATEGIC_ALLIANCE'))).toBe(true);
  });

  it('has partners in every lifecycle stage', () => {
    expect(new Set(demo.partners.map((p) => p.lifecycleStage))).toEqual(
      new Set(['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED']),
    );
  });

  it('has a pair of open deals on one customer from different resellers, which the rules of engagement put in CONFLICT', () => {
    const undecided = demo.deals.filter((d) => d.registrationStatus === undefined);
    expect(undecided.length).toBeGreaterThan(demo.deals.length / 2);
    const statuses = decideRegistrationStatuses(demo.deals.map(candidateOf));
    const conflicts = demo.deals.filter((d) => statuses.get(d.id) === 'CONFLICT');
    expect(conflicts.length).toBeGreaterThan(0);
    for (const deal of conflicts) {
      const resellers = deal.participants.filter((p) => p.role === 'RESELLER').map((p) => p.partnerId);
      const earlier = demo.deals.find(
        (d) =>
          d.customerId === deal.customerId &&
          d.createdAt < deal.createdAt &&
          statuses.get(d.id) === 'APPROVED' &&
          !d.stage.startsWith('CLOSED_'),
      );
      expect(earlier, `an earlier approved open deal on ${deal.customerId}`).toBeDefined();
      const earlierResellers = earlier?.participants.filter((p) => p.role === 'RESELLER').map((p) => p.partnerId) ?? [];
      expect(resellers.some((r) => !earlierResellers.includes(r))).toBe(true);
    }
  });

  it('has a capability gap: customers need it and only partners that are not active hold it', () => {
    const gaps = [...needed].filter((c) => {
      const holders = holdersOf(c);
      return holders.length > 0 && holders.every((p) => !active.has(p));
    });
    expect(gaps.length).toBeGreaterThan(0);
  });

  it('has thin capabilities: needed, with exactly one active supplier', () => {
    const thin = [...needed].filter((c) => holdersOf(c).filter((p) => active.has(p)).length === 1);
    expect(thin.length).toBeGreaterThan(0);
  });

  it('has an active partner whose departure orphans customers and loses a needed capability', () => {
    const critical = [...active].filter((partnerId) => {
      const others = demo.accounts.filter((a) => a.partnerId !== partnerId);
      const orphans = [...customersOf(partnerId)].filter((c) => !others.some((a) => a.customerId === c));
      const lost = demo.partners
        .find((p) => p.id === partnerId)
        ?.capabilities.filter((c) => needed.has(c.capabilityId) && holdersOf(c.capabilityId).filter((p) => active.has(p)).length === 1);
      return orphans.length > 0 && (lost?.length ?? 0) > 0;
    });
    expect(critical.length).toBeGreaterThan(0);
  });

  it('has complementary integrated partners (no capability in common) with shared customers', () => {
    const pairs = demo.partners.flatMap((a) =>
      a.integrations
        .map((l) => l.partnerId)
        .filter((b) => a.id < b)
        .map((b) => [a, demo.partners.find((p) => p.id === b)!] as const),
    );
    const complementary = pairs.filter(([a, b]) => {
      const mine = new Set(a.capabilities.map((c) => c.capabilityId));
      const shared = [...customersOf(a.id)].filter((c) => customersOf(b.id).has(c));
      return b.capabilities.every((c) => !mine.has(c.capabilityId)) && shared.length > 0;
    });
    expect(complementary.length).toBeGreaterThan(0);
  });

  it('has multi-partner, multi-currency deals over 2024-2026, open and closed, with customers known to several partners', () => {
    expect(new Set(demo.deals.map((d) => d.currency))).toEqual(new Set(['USD', 'EUR', 'GBP', 'JPY']));
    expect(new Set(demo.deals.map((d) => d.createdAt.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
    expect(demo.deals.some((d) => d.stage === 'CLOSED_WON') && demo.deals.some((d) => d.stage === 'CLOSED_LOST')).toBe(true);
    expect(demo.deals.some((d) => !d.stage.startsWith('CLOSED_'))).toBe(true);
    expect(demo.deals.some((d) => d.participants.some((p) => p.role === 'MARKETPLACE') && d.participants.length >= 3)).toBe(true);
    expect(new Set(demo.solutions.map((s) => s.status))).toEqual(new Set(['PUBLISHED', 'DRAFT', 'RETIRED']));
    const partnersPerCustomer = new Map<string, number>();
    for (const a of demo.accounts) partnersPerCustomer.set(a.customerId, (partnersPerCustomer.get(a.customerId) ?? 0) + 1);
    expect([...partnersPerCustomer.values()].filter((n) => n >= 3).length).toBeGreaterThan(demo.customers.length / 4);
  });

  it('has a believable history: partners onboarded over 2023-2026, some churned, prospects that became customers, ended holdings', () => {
    const onboarded = history.partners.map((p) => p.stageHistory?.find((h) => h.stage === 'ONBOARDING' || h.stage === 'ACTIVE')?.at);
    const years = new Set(onboarded.filter((at) => at !== undefined).map((at) => at!.slice(0, 4)));
    expect([...years].sort()).toEqual(['2023', '2024', '2025', '2026']);
    for (const p of history.partners) {
      expect(p.stageHistory?.at(-1)?.stage, p.id).toBe(p.lifecycleStage);
      expect(p.tierHistory?.at(-1)?.tier, p.id).toBe(p.tier);
    }
    const churned = history.partners.filter(
      (p) => p.stageHistory?.some((h) => h.stage === 'ACTIVE') && ['DORMANT', 'OFFBOARDED'].includes(p.lifecycleStage),
    );
    expect(churned.length).toBeGreaterThanOrEqual(2);
    const converted = history.accounts.filter(
      (a) =>
        a.status === 'CUSTOMER' &&
        history.accounts.some(
          (b) => b.partnerId === a.partnerId && b.customerId === a.customerId && b.status === 'PROSPECT' && b.until === a.since,
        ),
    );
    expect(converted.length).toBeGreaterThanOrEqual(5);
    expect(history.partners.some((p) => p.capabilities.some((c) => c.until !== undefined))).toBe(true);
    expect(history.partners.some((p) => p.integrations.some((l) => l.until !== undefined))).toBe(true);
    // A partner's first deal comes after its onboarding (time to first deal is never negative).
    for (const d of history.deals) {
      for (const x of d.participants) {
        const p = history.partners.find((q) => q.id === x.partnerId)!;
        const start = p.stageHistory!.find((h) => h.stage === 'ONBOARDING' || h.stage === 'ACTIVE');
        if (start) expect(start.at <= x.registeredAt, `${p.id} on ${d.id}`).toBe(true);
      }
    }
  });
});
