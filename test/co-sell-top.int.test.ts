// coSellRecommendations ranks in its statement and returns only the best `first` (cypher/deals/get-co-sell-candidates):
// random ecosystems with many candidates and many tied scores, against a brute force over the whole world written here
// (every score and reason, best first, ties by id, then cut to `first`), for the vendor and for a partner viewer
// (accounts counted only where granted, past co-sells only on the viewer's deals: README, "Roles and grants").
import { afterAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import type { AccountStatus, LifecycleStage, PartnerTier, SharingLevel } from '../src/generated/graphql.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { prng } from './support/random.js';

const db = testExecutor();
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface World {
  partners: {
    id: string;
    name: string;
    tier: PartnerTier;
    lifecycleStage: LifecycleStage;
    caps: string[];
    sharing: { partnerId: string; level: SharingLevel }[];
  }[];
  capabilities: { id: string; name: string }[];
  customers: { id: string; name: string; needs: string[] }[];
  solutions: { id: string; requires: string[] }[];
  accounts: { partnerId: string; customerId: string; status: AccountStatus }[];
  integrations: [string, string][];
  deals: { id: string; customerId: string; solutionId: string | null; participants: string[] }[];
  viewer: string;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Few capabilities and points, many eligible partners: many candidates per deal, and ties across any cut. */
function generate(random: () => number, px: string): World {
  const capabilities = Array.from({ length: 5 }, (_, i) => ({ id: `${px}cap${i}`, name: `Capability ${i % 3}` }));
  const some = (n: number) => [...new Set(Array.from({ length: Math.floor(random() * (n + 1)) }, () => pick(random, capabilities).id))];
  const ids = Array.from({ length: 30 }, (_, i) => `${px}p${String(i).padStart(2, '0')}`);
  const viewer = ids[0]!;
  const partners = ids.map((id, i) => ({
    id,
    // Names repeat, so the reasons' lists order by name, then id.
    name: `Partner ${i % 7}`,
    tier: pick(random, ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'] as const),
    lifecycleStage: pick(random, ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ONBOARDING', 'DORMANT', 'OFFBOARDED'] as const),
    caps: some(2),
    sharing: id === viewer || random() < 0.3 ? [] : [{ partnerId: viewer, level: pick(random, ['COUNTS', 'OVERLAPS', 'FULL'] as const) }],
  }));
  const customers = Array.from({ length: 3 }, (_, i) => ({ id: `${px}u${i}`, name: `Customer ${i} ${px}`, needs: some(3) }));
  const solutions = Array.from({ length: 2 }, (_, i) => ({ id: `${px}s${i}`, requires: some(3) }));
  const accounts = partners.flatMap((p) =>
    customers
      .filter(() => random() < 0.45)
      .map((u) => ({ partnerId: p.id, customerId: u.id, status: pick(random, ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] as const) })),
  );
  const integrations: [string, string][] = [];
  for (const a of ids) for (const b of ids) if (a < b && random() < 0.12) integrations.push([a, b]);
  const deals = Array.from({ length: 14 }, (_, i) => {
    const members = new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, ids)));
    // The viewer is on half the deals at least, so its scoped answers have candidates.
    if (i % 2 === 0) members.add(viewer);
    return {
      id: `${px}d${String(i).padStart(2, '0')}`,
      customerId: pick(random, customers).id,
      solutionId: random() < 0.5 ? pick(random, solutions).id : null,
      participants: [...members],
    };
  });
  return { partners, capabilities, customers, solutions, accounts, integrations, deals, viewer };
}

async function store(world: World): Promise<void> {
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
      sharing: p.sharing,
    })),
    customers: world.customers,
    solutions: world.solutions.map((s) => ({ id: s.id, name: s.id, status: 'PUBLISHED', requires: s.requires })),
    accounts: world.accounts,
    deals: world.deals.map((d, i) => ({
      id: d.id,
      name: d.id,
      customerId: d.customerId,
      ...(d.solutionId ? { solutionId: d.solutionId } : {}),
      stage: 'QUALIFIED',
      amount: '1000.00',
      currency: 'USD',
      createdAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      participants: d.participants.map((partnerId) => ({ partnerId, role: 'TECHNOLOGY' })),
      registrationStatus: 'APPROVED',
    })),
  });
}

/** Every recommendation for `deal` as `viewerId` (null: the vendor) sees it, best first, ties by id. */
function oracle(world: World, deal: World['deals'][number], viewerId: string | null) {
  const partner = (id: string) => world.partners.find((p) => p.id === id)!;
  const customer = world.customers.find((u) => u.id === deal.customerId)!;
  const on = new Set(deal.participants);
  const wanted = new Set([...customer.needs, ...(deal.solutionId ? world.solutions.find((s) => s.id === deal.solutionId)!.requires : [])]);
  const have = new Set([...on].flatMap((id) => partner(id).caps));
  const needed = [...wanted].filter((c) => !have.has(c));
  const accountVisible = (p: World['partners'][number]) => {
    if (viewerId === null || p.id === viewerId) return true;
    const level = p.sharing.find((g) => g.partnerId === viewerId)?.level;
    return (
      level === 'FULL' || (level === 'OVERLAPS' && world.accounts.some((a) => a.partnerId === viewerId && a.customerId === customer.id))
    );
  };
  const names = (ps: World['partners'] | World['capabilities']) =>
    [...ps].sort((a, b) => byId(a.name, b.name) || byId(a.id, b.id)).map((x) => x.name);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const accountPoints: Record<string, number> = { CUSTOMER: 3, OPPORTUNITY: 2, PROSPECT: 1 };
  const tierPoints: Record<string, number> = { PLATINUM: 1.5, GOLD: 1, SILVER: 0.5, REGISTERED: 0 };
  return world.partners
    .filter((p) => (p.lifecycleStage === 'ACTIVE' || p.lifecycleStage === 'ONBOARDING') && !on.has(p.id))
    .map((p) => {
      const account = world.accounts.find((a) => a.partnerId === p.id && a.customerId === customer.id && accountVisible(p));
      const covers = world.capabilities.filter((c) => needed.includes(c.id) && p.caps.includes(c.id));
      const participants = [...on].map(partner);
      const integrated = participants.filter((q) =>
        world.integrations.some(([a, b]) => (a === p.id && b === q.id) || (a === q.id && b === p.id)),
      );
      const coSold = participants.filter((q) =>
        world.deals.some(
          (d) =>
            d.id !== deal.id &&
            d.participants.includes(p.id) &&
            d.participants.includes(q.id) &&
            (viewerId === null || d.participants.includes(viewerId)),
        ),
      );
      const reasons: string[] = [];
      if (account) reasons.push(`Has an account with ${customer.name} (${account.status})`);
      if (covers.length > 0)
        reasons.push(`Brings ${plural(covers.length, 'capability', 'capabilities')} the deal still needs: ${names(covers).join(', ')}`);
      if (integrated.length > 0)
        reasons.push(`Integrates with ${plural(integrated.length, 'partner', 'partners')} on the deal: ${names(integrated).join(', ')}`);
      if (coSold.length > 0)
        reasons.push(`Has co-sold before with ${plural(coSold.length, 'partner', 'partners')} on the deal: ${names(coSold).join(', ')}`);
      if (tierPoints[p.tier]! > 0) reasons.push(`${p.tier} tier partner`);
      const score =
        (account ? accountPoints[account.status]! : 0) + 2 * covers.length + integrated.length + coSold.length + tierPoints[p.tier]!;
      return { p, candidate: account !== undefined || covers.length > 0, answer: { partner: { id: p.id }, score, reasons } };
    })
    .filter((c) => c.candidate)
    .map((c) => c.answer)
    .sort((a, b) => b.score - a.score || byId(a.partner.id, b.partner.id));
}

const QUERY = `query($id: ID!, $first: Int) { coSellRecommendations(dealId: $id, first: $first) { partner { id } score reasons } }`;
const DEFAULT = `query($id: ID!) { coSellRecommendations(dealId: $id) { partner { id } score reasons } }`;

describe('coSellRecommendations: the best `first` against brute force', () => {
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const px of prefixes) await removeByPrefix(db, px);
  });

  it.each([5, 6, 7])('seed %i', async (seed) => {
    const px = uniquePrefix(`cosell${seed}`);
    prefixes.push(px);
    const world = generate(prng(seed), px);
    await store(world);
    const partnerViewer: Viewer = { role: 'PARTNER', subject: `cosell-${seed}`, partnerId: world.viewer };

    let cutInTie = 0;
    for (const deal of world.deals) {
      for (const [viewer, viewerId] of [
        [undefined, null],
        ...(deal.participants.includes(world.viewer) ? [[partnerViewer, world.viewer] as const] : []),
      ] as [Viewer | undefined, string | null][]) {
        const all = oracle(world, deal, viewerId);
        for (const first of [0, 1, 2, 3, 5, 8, 100]) {
          const { data } = await expectData(db, QUERY, { id: deal.id, first }, viewer);
          expect(data.coSellRecommendations, `${deal.id} first ${first} as ${viewerId ?? 'vendor'}`).toEqual(all.slice(0, first));
          if (first > 0 && all.length > first && all[first]!.score === all[first - 1]!.score) cutInTie += 1;
        }
        const { data } = await expectData(db, DEFAULT, { id: deal.id }, viewer);
        expect(data.coSellRecommendations, `${deal.id} default first`).toEqual(all.slice(0, 10));
      }
    }
    // The cut falls inside a run of equal scores often: the tie by id decides who is in.
    expect(cutInTie).toBeGreaterThan(5);
  });
});
