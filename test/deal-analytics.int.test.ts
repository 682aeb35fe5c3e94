// Random small ecosystems (seeded) against brute-force oracles written here: registration
// statuses and conflicts, partnerRevenue, ecosystemHealth and coSellRecommendations.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus, LifecycleStage, PartnerTier, SolutionStatus } from '../src/generated/graphql.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { prng } from './support/random.js';
import { useBuiltInRules } from './support/rules.js';

const db = testExecutor();

const DIGITS: Record<string, number> = { USD: 2, EUR: 2, JPY: 0 };
const money = (minor: bigint, currency: string) => {
  const d = DIGITS[currency]!;
  const text = minor.toString().padStart(d + 1, '0');
  return { amount: d === 0 ? text : `${text.slice(0, -d)}.${text.slice(-d)}`, currency };
};
const perCurrency = (items: { minor: bigint; currency: string }[]) => {
  const totals = new Map<string, bigint>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0n) + i.minor);
  return [...totals.keys()].sort().map((c) => money(totals.get(c)!, c));
};
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface World {
  partners: { id: string; name: string; tier: PartnerTier; lifecycleStage: LifecycleStage; caps: string[] }[];
  capabilities: { id: string; name: string }[];
  customers: { id: string; name: string; needs: string[] }[];
  solutions: { id: string; status: SolutionStatus; requires: string[] }[];
  accounts: { partnerId: string; customerId: string; status: AccountStatus }[];
  integrations: [string, string][];
  deals: {
    id: string;
    customerId: string;
    solutionId: string | null;
    stage: string;
    createdAt: string;
    closedAt: string | null;
    minor: bigint;
    currency: string;
    participants: { partnerId: string; role: string; sourced: boolean }[];
  }[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function generate(random: () => number, px: string, year: number): World {
  const capabilities = Array.from({ length: 6 }, (_, i) => ({ id: `${px}cap${i}`, name: `Capability ${i}` }));
  const some = (n: number) => [...new Set(Array.from({ length: Math.floor(random() * (n + 1)) }, () => pick(random, capabilities).id))];
  const partners = Array.from({ length: 8 }, (_, i) => ({
    id: `${px}p${i}`,
    name: `Partner ${i}`,
    tier: pick(random, ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'] as const),
    lifecycleStage: pick(random, ['ACTIVE', 'ACTIVE', 'ONBOARDING', 'DORMANT', 'PROSPECT', 'OFFBOARDED'] as const),
    caps: some(2),
  }));
  const customers = Array.from({ length: 3 }, (_, i) => ({ id: `${px}u${i}`, name: `Customer ${i} ${px}`, needs: some(3) }));
  const solutions = Array.from({ length: 2 }, (_, i) => ({
    id: `${px}s${i}`,
    status: pick(random, ['DRAFT', 'PUBLISHED', 'RETIRED'] as const),
    requires: some(3),
  }));
  const accounts = partners.flatMap((p) =>
    customers
      .filter(() => random() < 0.3)
      .map((u) => ({ partnerId: p.id, customerId: u.id, status: pick(random, ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] as const) })),
  );
  const integrations: [string, string][] = [];
  for (const a of partners) for (const b of partners) if (a.id < b.id && random() < 0.2) integrations.push([a.id, b.id]);
  const deals: World['deals'] = [];
  for (let i = 0; i < 16; i++) {
    const created = new Date(Date.UTC(year, 0, 1 + i * 9 + Math.floor(random() * 5)));
    const closed = random() < 0.45;
    const count = 1 + Math.floor(random() * 3);
    const members = [...new Set(Array.from({ length: count }, () => pick(random, partners).id))];
    const sourcer = random() < 0.6 ? Math.floor(random() * members.length) : -1;
    const currency = pick(random, ['USD', 'EUR', 'JPY']);
    deals.push({
      id: `${px}d${String(i).padStart(2, '0')}`,
      customerId: pick(random, customers).id,
      solutionId: random() < 0.5 ? pick(random, solutions).id : null,
      stage: closed
        ? pick(random, ['CLOSED_WON', 'CLOSED_WON', 'CLOSED_LOST'])
        : pick(random, ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION']),
      createdAt: created.toISOString(),
      closedAt: closed ? new Date(created.getTime() + (10 + Math.floor(random() * 300)) * 86_400_000).toISOString() : null,
      minor: BigInt(Math.floor(random() * 5_000_000)),
      currency,
      participants: members.map((partnerId, k) => ({
        partnerId,
        role: random() < 0.4 ? 'RESELLER' : pick(random, ['SERVICES', 'TECHNOLOGY', 'REFERRAL', 'MARKETPLACE']),
        sourced: k === sourcer,
      })),
    });
  }
  return { partners, capabilities, customers, solutions, accounts, integrations, deals };
}

async function store(world: World): Promise<void> {
  // The world's ids carry the test's prefix already; its deals are registered below.
  await loadFixture(db, {
    capabilities: world.capabilities,
    partners: world.partners.map((p) => ({
      id: p.id,
      name: p.name,
      types: ['TECHNOLOGY'],
      tier: p.tier,
      lifecycleStage: p.lifecycleStage,
      capabilities: p.caps.map((capabilityId) => ({ capabilityId, level: 'BASIC' })),
      integratesWith: world.integrations.filter(([a]) => a === p.id).map(([, b]) => b),
    })),
    customers: world.customers,
    solutions: world.solutions.map((s) => ({ id: s.id, name: s.id, status: s.status, requires: s.requires })),
    accounts: world.accounts,
  });
  const mutation = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { errors { path message } } }`;
  // Registered in createdAt order, one at a time: registration order = the rules' order.
  for (const d of world.deals) {
    const { data } = await expectData(db, mutation, {
      input: {
        id: d.id,
        name: d.id,
        customerId: d.customerId,
        solutionId: d.solutionId,
        amount: money(d.minor, d.currency).amount,
        currency: d.currency,
        stage: d.stage,
        createdAt: d.createdAt,
        closedAt: d.closedAt,
        participants: d.participants,
      },
    });
    expect(data.registerDeal.errors).toEqual([]);
  }
}

// ---- Oracles ----

const isOpen = (stage: string) => !stage.startsWith('CLOSED_');
const resellersOf = (d: World['deals'][number]) => d.participants.filter((p) => p.role === 'RESELLER').map((p) => p.partnerId);

function oracleRegistrations(world: World) {
  const status = new Map<string, string>();
  for (const d of world.deals) {
    if (!isOpen(d.stage)) {
      status.set(d.id, 'APPROVED');
      continue;
    }
    const mine = resellersOf(d);
    const conflict = world.deals.some(
      (e) =>
        e.createdAt < d.createdAt &&
        e.customerId === d.customerId &&
        isOpen(e.stage) &&
        status.get(e.id) === 'APPROVED' &&
        resellersOf(e).length > 0 &&
        mine.some((r) => !resellersOf(e).includes(r)),
    );
    status.set(d.id, conflict ? 'CONFLICT' : 'APPROVED');
  }
  const conflictsWith = new Map<string, string[]>();
  for (const d of world.deals) {
    const mine = resellersOf(d);
    conflictsWith.set(
      d.id,
      !isOpen(d.stage) || mine.length === 0
        ? []
        : world.deals
            .filter(
              (e) =>
                e.createdAt < d.createdAt &&
                e.customerId === d.customerId &&
                isOpen(e.stage) &&
                status.get(e.id) === 'APPROVED' &&
                resellersOf(e).length > 0 &&
                mine.some((r) => !resellersOf(e).includes(r)),
            )
            .map((e) => e.id),
    );
  }
  return { status, conflictsWith };
}

function oraclePartnerRevenue(world: World, partnerId: string, from: string, to: string) {
  const inPeriod = world.deals.filter(
    (d) => d.closedAt !== null && d.closedAt >= from && d.closedAt < to && d.participants.some((p) => p.partnerId === partnerId),
  );
  const won = inPeriod.filter((d) => d.stage === 'CLOSED_WON');
  const lost = inPeriod.filter((d) => d.stage === 'CLOSED_LOST');
  const sourcedBy = (d: World['deals'][number]) => d.participants.find((p) => p.partnerId === partnerId)!.sourced;
  return {
    sourced: perCurrency(won.filter(sourcedBy).map((d) => ({ minor: d.minor, currency: d.currency }))),
    influenced: perCurrency(won.filter((d) => !sourcedBy(d)).map((d) => ({ minor: d.minor, currency: d.currency }))),
    closedWonDeals: won.length,
    winRate: won.length + lost.length === 0 ? null : won.length / (won.length + lost.length),
    pipeline: perCurrency(
      world.deals
        .filter((d) => isOpen(d.stage) && d.participants.some((p) => p.partnerId === partnerId))
        .map((d) => ({ minor: d.minor, currency: d.currency })),
    ),
  };
}

async function oracleCoverage(): Promise<number | null> {
  // The whole database's capabilities count, so read it plainly and decide here.
  const needed = await db.runText<{ id: string }>('MATCH (:Customer)-[:NEEDS]->(c:Capability) RETURN DISTINCT c.id AS id');
  const required = await db.runText<{ id: string; status: string | null }>(
    'MATCH (s:Solution)-[:REQUIRES]->(c:Capability) RETURN c.id AS id, s.status AS status',
  );
  const held = await db.runText<{ id: string; stage: string | null }>(
    'MATCH (p:Partner)-[:HAS_CAPABILITY]->(c:Capability) RETURN c.id AS id, p.lifecycleStage AS stage',
  );
  const demand = new Set([...needed.map((r) => r.id), ...required.filter((r) => r.status !== 'RETIRED').map((r) => r.id)]);
  const supplied = new Set(held.filter((r) => r.stage === null || r.stage === 'ACTIVE' || r.stage === 'ONBOARDING').map((r) => r.id));
  return demand.size === 0 ? null : [...demand].filter((c) => supplied.has(c)).length / demand.size;
}

function oracleHealth(world: World, from: string, to: string) {
  const won = world.deals.filter((d) => d.stage === 'CLOSED_WON' && d.closedAt! >= from && d.closedAt! < to);
  const amounts = (ds: typeof won) => perCurrency(ds.map((d) => ({ minor: d.minor, currency: d.currency })));
  const others = new Map<string, Set<string>>();
  for (const d of won)
    for (const a of d.participants)
      for (const b of d.participants) {
        if (a.partnerId !== b.partnerId) others.set(a.partnerId, (others.get(a.partnerId) ?? new Set()).add(b.partnerId));
      }
  return {
    closedWonDeals: won.length,
    multiPartnerDealShare: won.length === 0 ? null : won.filter((d) => d.participants.length >= 2).length / won.length,
    totalWon: amounts(won),
    partnerSourced: amounts(won.filter((d) => d.participants.some((p) => p.sourced))),
    partnerInfluenced: amounts(won.filter((d) => d.participants.length > 0 && !d.participants.some((p) => p.sourced))),
    topConnectors: [...others.entries()].sort(([a, x], [b, y]) => y.size - x.size || byId(a, b)).map(([id]) => ({ id })),
  };
}

function oracleCoSell(world: World, deal: World['deals'][number]) {
  const on = new Set(deal.participants.map((p) => p.partnerId));
  const partner = (id: string) => world.partners.find((p) => p.id === id)!;
  const customer = world.customers.find((u) => u.id === deal.customerId)!;
  const wanted = new Set([...customer.needs, ...(deal.solutionId ? world.solutions.find((s) => s.id === deal.solutionId)!.requires : [])]);
  const have = new Set([...on].flatMap((id) => partner(id).caps));
  const needed = [...wanted].filter((c) => !have.has(c));
  const accountPoints: Record<string, number> = { CUSTOMER: 3, OPPORTUNITY: 2, PROSPECT: 1 };
  const tierPoints: Record<string, number> = { PLATINUM: 1.5, GOLD: 1, SILVER: 0.5, REGISTERED: 0 };
  return world.partners
    .filter((p) => (p.lifecycleStage === 'ACTIVE' || p.lifecycleStage === 'ONBOARDING') && !on.has(p.id))
    .map((p) => {
      const account = world.accounts.find((a) => a.partnerId === p.id && a.customerId === deal.customerId);
      const covers = needed.filter((c) => p.caps.includes(c)).length;
      const integrated = [...on].filter((q) =>
        world.integrations.some(([a, b]) => (a === p.id && b === q) || (a === q && b === p.id)),
      ).length;
      const coSold = [...on].filter((q) =>
        world.deals.some(
          (d) => d.id !== deal.id && d.participants.some((x) => x.partnerId === p.id) && d.participants.some((x) => x.partnerId === q),
        ),
      ).length;
      return {
        p,
        account,
        covers,
        score: (account ? accountPoints[account.status]! : 0) + 2 * covers + integrated + coSold + tierPoints[p.tier]!,
      };
    })
    .filter((c) => c.account || c.covers > 0)
    .sort((a, b) => b.score - a.score || byId(a.p.id, b.p.id))
    .map((c) => ({ partner: { id: c.p.id }, score: c.score }));
}

describe('deal analytics on random ecosystems against brute force', () => {
  const prefixes: string[] = [];
  let restoreRules: () => Promise<void>;
  // The oracle is the built-in rule (a second reseller on an open approved deal conflicts, nothing expires).
  beforeAll(async () => {
    restoreRules = await useBuiltInRules(db);
  });
  afterAll(async () => {
    await restoreRules();
    for (const px of prefixes) await removeByPrefix(db, px);
  });

  it.each([11, 22, 33])('seed %i', async (seed) => {
    const px = uniquePrefix(`dealsrand${seed}`);
    prefixes.push(px);
    // A year of its own, so period queries see only this ecosystem's deals; in the past, since no
    // deal may be registered or closed in the future.
    const year = 1200 + randomInt(0, 700);
    const world = generate(prng(seed), px, year);
    await store(world);

    const { status, conflictsWith } = oracleRegistrations(world);
    const read = `{ ${world.deals.map((d, i) => `d${i}: deal(id: "${d.id}") { id registrationStatus conflictsWith { id } }`).join(' ')} }`;
    const { data: stored } = await expectData(db, read);
    world.deals.forEach((d, i) => {
      expect(stored[`d${i}`], d.id).toEqual({
        id: d.id,
        registrationStatus: status.get(d.id),
        conflictsWith: conflictsWith.get(d.id)!.map((c) => ({ id: c })),
      });
    });
    expect([...status.values()]).toContain('CONFLICT');

    const revenueQuery = `query($p: ID!, $from: DateTime!, $to: DateTime!) { partnerRevenue(partnerId: $p, from: $from, to: $to) {
      sourced { amount currency } influenced { amount currency } closedWonDeals winRate pipeline { amount currency } } }`;
    for (const [from, to] of [
      [`${year}-03-01T00:00:00.000Z`, `${year + 1}-01-01T00:00:00.000Z`],
      [`${year}-01-01T00:00:00.000Z`, `${year + 2}-01-01T00:00:00.000Z`],
    ] as const) {
      for (const p of world.partners) {
        const { data } = await expectData(db, revenueQuery, { p: p.id, from, to });
        expect(data.partnerRevenue, `${p.id} ${from}`).toEqual(oraclePartnerRevenue(world, p.id, from, to));
      }
    }

    const from = `${year}-01-01T00:00:00.000Z`;
    const to = `${year + 1}-06-01T00:00:00.000Z`;
    const { data: health } = await expectData(
      db,
      `query($from: DateTime!, $to: DateTime!) { ecosystemHealth(from: $from, to: $to) {
      closedWonDeals multiPartnerDealShare totalWon { amount currency } partnerSourced { amount currency } partnerInfluenced { amount currency }
      capabilityCoverage topConnectors(first: 100) { id } } }`,
      { from, to },
    );
    expect(health.ecosystemHealth).toEqual({ ...oracleHealth(world, from, to), capabilityCoverage: await oracleCoverage() });

    expect(health.ecosystemHealth.closedWonDeals).toBeGreaterThan(0);

    let recommended = 0;
    for (const deal of world.deals) {
      const { data } = await expectData(db, `query($id: ID!) { coSellRecommendations(dealId: $id, first: 100) { partner { id } score } }`, {
        id: deal.id,
      });
      expect(data.coSellRecommendations, deal.id).toEqual(oracleCoSell(world, deal));
      recommended += data.coSellRecommendations.length;
    }
    expect(recommended).toBeGreaterThan(0);
  });
});
