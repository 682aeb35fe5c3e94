// ecosystemHealth and partnerRevenue on the frozen attribution shares (README, "Deal analytics"), through the API
// and a real Neo4j: random won deals registered under random attribution models (so each freezes a snapshot),
// random disputes kept, revised with random shares or left open, won deals imported without a snapshot, lost deals,
// and deals closed exactly on the period's ends; against a brute force over each deal's own snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { decimal, minorOf, perCurrency } from './support/money.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('frozenhealth');
const id = (name: string) => `${px}${name}`;

const CURRENCIES = ['JPY', 'USD', 'BHD'];
const MODELS = ['EVEN', 'SOURCED', 'ROLE_WEIGHTED', 'FIRST_TOUCH', 'LAST_TOUCH', 'POSITION_BASED', 'TIME_DECAY'];
const ROLES = ['RESELLER', 'SERVICES', 'TECHNOLOGY', 'REFERRAL', 'INFLUENCER'];
const PARTNERS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
// A period of its own, far from other tests' deals.
const FROM = Date.UTC(2003, 0, 1);
const TO = Date.UTC(2004, 0, 1);
const DAY = 86_400_000;

const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { errors { path code } } }`;
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path message code } } }`;
const DISPUTE = `mutation($dealId: ID!, $reason: String!) { disputeAttribution(dealId: $dealId, reason: $reason) { errors { path code } } }`;
const RESOLVE = `mutation($input: ResolveAttributionDisputeInput!) { resolveAttributionDispute(input: $input) { errors { path message code } } }`;
const SNAPSHOT = `query($id: ID!) { deal(id: $id) { stage closedAt currency: amount { currency }
  participants { partner { id } } attributionSnapshot { revised shares { partner { id } share { amount currency } } dispute { status } } } }`;
const HEALTH = `query($from: DateTime!, $to: DateTime!) { ecosystemHealth(from: $from, to: $to) {
  closedWonDeals attributedDeals attributed { amount currency }
  topAttributedPartners(first: 100) { partner { id } attributed { amount currency } deals } } }`;

interface SeenDeal {
  id: string;
  closedAt: number;
  won: boolean;
  currency: string;
  participants: string[];
  /** null: no snapshot. */
  shares: { partnerId: string; minor: bigint }[] | null;
}
const deals: string[] = [];
let previousModel: string;

beforeAll(async () => {
  previousModel = (await expectData(db, '{ rulesOfEngagement { attributionModel } }')).data.rulesOfEngagement.attributionModel;
  const rand = prng(18_02);
  const imported = Array.from({ length: 4 }, (_, i) => {
    const closedAt = FROM + Math.floor(rand() * (TO - FROM));
    const currency = CURRENCIES[i % 3]!;
    return {
      id: `imported-${i}`,
      name: `Imported won ${i}`,
      customerId: 'c0',
      stage: 'CLOSED_WON' as const,
      amount: decimal(BigInt(Math.floor(rand() * 1e6)), currency),
      currency,
      createdAt: new Date(closedAt - DAY).toISOString(),
      closedAt: new Date(closedAt).toISOString(),
      registrationStatus: 'APPROVED' as const,
      participants: [{ partnerId: PARTNERS[i]!, role: 'RESELLER' as const, sourced: true }],
    };
  });
  await loadFixture(
    db,
    prefixed(px, {
      partners: PARTNERS.map((p) => ({ id: p, name: `Frozen health partner ${p} ${px}`, types: ['RESELLER' as const] })),
      customers: ['c0', 'c1', 'c2'].map((c) => ({ id: c, name: `Frozen health customer ${c} ${px}` })),
      deals: imported,
    }),
  );
  deals.push(...imported.map((d) => id(d.id)));
});

afterAll(async () => {
  await expectData(db, SET_RULES, { input: { attributionModel: previousModel } });
  await removeByPrefix(db, px);
});

/** Each deal as the API shows it: its own snapshot (the brute force's input), checked against the revisions made. */
async function readDeals(revisions: Map<string, { partnerId: string; minor: bigint }[]>): Promise<SeenDeal[]> {
  const seen: SeenDeal[] = [];
  for (const dealId of deals) {
    const d = (await expectData(db, SNAPSHOT, { id: dealId })).data.deal;
    const snapshot = d.attributionSnapshot;
    const shares =
      snapshot === null
        ? null
        : (snapshot.shares as { partner: { id: string }; share: { amount: string; currency: string } }[]).map((s) => ({
            partnerId: s.partner.id,
            minor: minorOf(s.share.amount),
          }));
    const revised = revisions.get(dealId);
    if (revised) {
      expect(snapshot.revised, dealId).toBe(true);
      // Participants left out of a revision get 0.
      const expected = (d.participants as { partner: { id: string } }[])
        .map((p) => p.partner.id)
        .sort()
        .map((partnerId) => ({ partnerId, minor: revised.find((r) => r.partnerId === partnerId)?.minor ?? 0n }));
      expect(shares, dealId).toEqual(expected);
    }
    seen.push({
      id: dealId,
      closedAt: d.closedAt ? new Date(d.closedAt).getTime() : NaN,
      won: d.stage === 'CLOSED_WON',
      currency: d.currency.currency,
      participants: (d.participants as { partner: { id: string } }[]).map((p) => p.partner.id),
      shares,
    });
  }
  return seen;
}

/** The README's rule, by brute force over the deals' snapshots. */
function oracle(seen: SeenDeal[], from: number, to: number) {
  const inPeriod = seen.filter((d) => d.won && d.closedAt >= from && d.closedAt < to);
  const frozen = inPeriod.filter((d) => d.shares !== null);
  const partners = new Map<string, { minor: bigint; currency: string }[]>();
  for (const d of frozen)
    for (const s of d.shares!)
      if (s.minor > 0n) partners.set(s.partnerId, [...(partners.get(s.partnerId) ?? []), { minor: s.minor, currency: d.currency }]);
  const ranked = [...partners.entries()].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1));
  return {
    health: {
      closedWonDeals: inPeriod.length,
      attributedDeals: frozen.length,
      attributed: perCurrency(frozen.flatMap((d) => d.shares!.map((s) => ({ minor: s.minor, currency: d.currency })))),
      topAttributedPartners: ranked.map(([partnerId, own]) => ({
        partner: { id: partnerId },
        attributed: perCurrency(own),
        deals: own.length,
      })),
    },
    /** partnerRevenue.attributed: the partner's share (0 when left out) of each deal in the period it takes part in that has a snapshot. */
    revenue: (partnerId: string) =>
      perCurrency(
        frozen
          .filter((d) => d.participants.includes(partnerId))
          .map((d) => ({ minor: d.shares!.find((s) => s.partnerId === partnerId)?.minor ?? 0n, currency: d.currency })),
      ),
  };
}

describe('ecosystemHealth and partnerRevenue on the frozen attribution', () => {
  it('sum the frozen (or revised) shares as a brute force over each deal snapshot does', async () => {
    const rand = prng(18_03);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
    const revisions = new Map<string, { partnerId: string; minor: bigint }[]>();
    const DEALS = 26;
    for (let i = 0; i < DEALS; i++) {
      if (i % 3 === 0)
        expect((await expectData(db, SET_RULES, { input: { attributionModel: pick(MODELS) } })).data.setRulesOfEngagement.errors).toEqual(
          [],
        );
      const currency = pick(CURRENCIES);
      // Mostly small amounts, now and then the largest an amount may be.
      const minor = rand() < 0.15 ? 2n ** 63n - 1n : BigInt(Math.floor(rand() * 10 ** (3 + Math.floor(rand() * 6))));
      const count = 1 + Math.floor(rand() * 4);
      const members = [...PARTNERS].sort(() => rand() - 0.5).slice(0, count);
      const sourcer = rand() < 0.6 ? pick(members) : null;
      // Closed within the period, on its exact ends (from: in, to: out), or outside it.
      const closedAt = i === 0 ? FROM : i === 1 ? TO : i === 2 ? TO - 1 : FROM - 30 * DAY + Math.floor(rand() * (TO - FROM + 60 * DAY));
      const lost = i > 2 && rand() < 0.15;
      const dealId = id(`d${i}`);
      const registered = (
        await expectData(db, REGISTER, {
          input: {
            id: dealId,
            name: `Frozen ${i}`,
            customerId: id(pick(['c0', 'c1', 'c2'])),
            amount: decimal(minor, currency),
            currency,
            stage: lost ? 'CLOSED_LOST' : 'CLOSED_WON',
            createdAt: new Date(closedAt - Math.floor(rand() * 90 * DAY)).toISOString(),
            closedAt: new Date(closedAt).toISOString(),
            participants: members.map((p) => ({ partnerId: id(p), role: pick(ROLES), sourced: p === sourcer })),
          },
        })
      ).data.registerDeal;
      expect(registered.errors, dealId).toEqual([]);
      deals.push(dealId);
      if (lost || rand() < 0.3) continue;
      // A dispute by a participant: kept, revised with random shares summing to the amount, or left open.
      const by = pick(members);
      const viewer: Viewer = { role: 'PARTNER', subject: `s-${by}`, partnerId: id(by) };
      const disputed = (await expectData(db, DISPUTE, { dealId, reason: 'not my share' }, viewer)).data.disputeAttribution;
      if (disputed.errors.length > 0) {
        // SOURCED without a sourcing participant froze no shares: still a snapshot, disputable alike.
        throw new Error(`${dealId}: ${JSON.stringify(disputed.errors)}`);
      }
      const outcome = rand();
      if (outcome < 0.2) continue;
      if (outcome < 0.5) {
        const kept = (await expectData(db, RESOLVE, { input: { dealId, decision: 'KEEP', note: 'kept' } })).data.resolveAttributionDispute;
        expect(kept.errors).toEqual([]);
        continue;
      }
      // Random cut points split the amount among a random subset of the participants (some get 0 or are left out).
      const takers = members.filter(() => rand() < 0.7);
      if (takers.length === 0) takers.push(members[0]!);
      const cuts = takers
        .slice(1)
        .map(() => (minor * BigInt(Math.floor(rand() * 1_000_000))) / 1_000_000n)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const bounds = [0n, ...cuts, minor];
      const revision = takers.map((p, k) => ({ partnerId: id(p), minor: bounds[k + 1]! - bounds[k]! }));
      const revised = (
        await expectData(db, RESOLVE, {
          input: {
            dealId,
            decision: 'REVISE',
            note: 'revised',
            shares: revision.map((r) => ({ partnerId: r.partnerId, amount: decimal(r.minor, currency) })),
          },
        })
      ).data.resolveAttributionDispute;
      expect(revised.errors, dealId).toEqual([]);
      revisions.set(dealId, revision);
    }
    expect(revisions.size).toBeGreaterThan(2);

    const seen = await readDeals(revisions);
    const periods: [number, number][] = [[FROM, TO]];
    const rand2 = prng(18_04);
    for (let k = 0; k < 3; k++) {
      const a = FROM - 60 * DAY + Math.floor(rand2() * (TO - FROM + 120 * DAY));
      const b = FROM - 60 * DAY + Math.floor(rand2() * (TO - FROM + 120 * DAY));
      periods.push([Math.min(a, b), Math.max(a, b)]);
    }
    for (const [from, to] of periods) {
      const expected = oracle(seen, from, to);
      const vars = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
      const health = (await expectData(db, HEALTH, vars)).data.ecosystemHealth;
      expect(health, `${vars.from} – ${vars.to}`).toEqual(expected.health);
      for (const p of PARTNERS) {
        const revenue = (
          await expectData(
            db,
            `query($p: ID!, $from: DateTime!, $to: DateTime!) { partnerRevenue(partnerId: $p, from: $from, to: $to) { attributed { amount currency } } }`,
            {
              p: id(p),
              ...vars,
            },
          )
        ).data.partnerRevenue;
        expect(revenue.attributed, `${p} ${vars.from} – ${vars.to}`).toEqual(expected.revenue(id(p)));
      }
    }
    // The whole period holds snapshots, imported deals without one, and revised shares.
    const whole = oracle(seen, FROM, TO).health;
    expect(whole.attributedDeals).toBeGreaterThan(5);
    expect(whole.closedWonDeals).toBeGreaterThan(whole.attributedDeals);
    expect(
      [...revisions.keys()].some((d) => seen.find((s) => s.id === d)!.closedAt < TO && seen.find((s) => s.id === d)!.closedAt >= FROM),
    ).toBe(true);
    // first limits the list.
    const two = (
      await expectData(
        db,
        `query($from: DateTime!, $to: DateTime!) { ecosystemHealth(from: $from, to: $to) { topAttributedPartners(first: 2) { partner { id } } } }`,
        {
          from: new Date(FROM).toISOString(),
          to: new Date(TO).toISOString(),
        },
      )
    ).data.ecosystemHealth.topAttributedPartners;
    expect(two).toEqual(whole.topAttributedPartners.slice(0, 2).map((p) => ({ partner: p.partner })));
  }, 240_000);
});
