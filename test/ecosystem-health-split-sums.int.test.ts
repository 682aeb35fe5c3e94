// ecosystemHealth sums money in Cypher (cypher/deals/get-ecosystem-health.cypher, issue 16), where integers are
// 64-bit and a sum() past 2^63 − 1 becomes a float (inexact; + raises instead): each amount is summed as two halves (minor / 2^32 and minor % 2^32) that
// cannot overflow, and the API joins them as bigint. Through the real API and a real Neo4j: won deals of the largest
// amounts in three currencies, sourced and influenced, with their frozen shares, summed beyond 64 bits and compared
// with a brute force in bigint over each deal's own amount and snapshot; and what Neo4j does with the plain sum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { decimal, minorOf, perCurrency } from './support/money.js';

const db = testExecutor();
const px = uniquePrefix('splitsums');
const id = (name: string) => `${px}${name}`;

/** Computed, not copied: the largest signed 64-bit integer, the largest amount in minor units (src/money MAX_MINOR). */
const LONG_MAX = 2n ** 63n - 1n;

// A period no other test uses.
const FROM = '1902-05-01T00:00:00.000Z';
const TO = '1902-06-01T00:00:00.000Z';

const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path message code } } }`;
const SNAPSHOT = `query($id: ID!) { deal(id: $id) { attributionSnapshot { shares { partner { id } share { amount currency } } } } }`;
const HEALTH = `query($from: DateTime!, $to: DateTime!) { ecosystemHealth(from: $from, to: $to) {
  closedWonDeals multiPartnerDealShare totalWon { amount currency } partnerSourced { amount currency }
  partnerInfluenced { amount currency } topConnectors(first: 100) { id } attributedDeals attributed { amount currency }
  topAttributedPartners(first: 100) { partner { id } attributed { amount currency } deals } } }`;

interface Won {
  id: string;
  minor: bigint;
  currency: string;
  participants: { partnerId: string; sourced: boolean }[];
}
const won: Won[] = [];

beforeAll(async () => {
  const imported = await importEcosystem(db, {
    formatVersion: 1,
    partners: ['a', 'b', 'c'].map((p) => ({ id: id(p), name: `Partner ${p}`, types: ['RESELLER'] })),
    customers: [{ id: id('customer'), name: 'Customer' }],
  });
  if (!imported.ok) expect.fail(JSON.stringify(imported.problems));
  // Sourced and influenced deals of the largest amount in each minor-digit count, a zero amount, and a deal of one partner.
  const plan: [string, string, { partnerId: string; sourced: boolean }[]][] = [
    [
      'USD',
      decimal(LONG_MAX, 'USD'),
      [
        { partnerId: id('a'), sourced: true },
        { partnerId: id('b'), sourced: false },
      ],
    ],
    [
      'USD',
      decimal(LONG_MAX, 'USD'),
      [
        { partnerId: id('a'), sourced: true },
        { partnerId: id('c'), sourced: false },
      ],
    ],
    ['USD', decimal(LONG_MAX, 'USD'), [{ partnerId: id('b'), sourced: true }]],
    [
      'USD',
      decimal(LONG_MAX - 1n, 'USD'),
      [
        { partnerId: id('b'), sourced: false },
        { partnerId: id('c'), sourced: false },
      ],
    ],
    [
      'JPY',
      decimal(LONG_MAX, 'JPY'),
      [
        { partnerId: id('c'), sourced: false },
        { partnerId: id('a'), sourced: false },
      ],
    ],
    ['JPY', decimal(LONG_MAX, 'JPY'), [{ partnerId: id('c'), sourced: false }]],
    ['JPY', decimal(2n ** 32n - 1n, 'JPY'), [{ partnerId: id('a'), sourced: true }]],
    [
      'BHD',
      decimal(LONG_MAX, 'BHD'),
      [
        { partnerId: id('a'), sourced: true },
        { partnerId: id('c'), sourced: false },
      ],
    ],
    ['BHD', '0', [{ partnerId: id('b'), sourced: false }]],
  ];
  for (const [i, [currency, amount, participants]] of plan.entries()) {
    const input = {
      id: id(`deal-${i}`),
      name: `Deal ${i}`,
      customerId: id('customer'),
      amount,
      currency,
      stage: 'CLOSED_WON',
      createdAt: FROM,
      closedAt: `1902-05-${String(2 + i).padStart(2, '0')}T12:00:00.000Z`,
      participants: participants.map((p) => ({ ...p, role: 'RESELLER' })),
    };
    const { data } = await expectData(db, REGISTER, { input });
    expect(data.registerDeal.errors).toEqual([]);
    won.push({ id: input.id, minor: minorOf(amount), currency, participants });
  }
  // An open deal in the period: not counted.
  const open = await expectData(db, REGISTER, {
    input: {
      id: id('open'),
      name: 'Open',
      customerId: id('customer'),
      amount: decimal(LONG_MAX, 'USD'),
      currency: 'USD',
      participants: [{ partnerId: id('a'), role: 'RESELLER' }],
    },
  });
  expect(open.data.registerDeal.errors).toEqual([]);
});

afterAll(async () => {
  await removeByPrefix(db, px);
});

describe('ecosystemHealth sums beyond 64 bits exactly, in Cypher', () => {
  it('why the halves: Neo4j 5.26 raises on a 64-bit overflow of +, and sum() past it silently turns into an inexact float', async () => {
    await expect(db.runText('RETURN $max + 1 AS total', { max: LONG_MAX })).rejects.toThrow();
    const [row] = await db.runText<{ total: unknown }>('UNWIND [$max, $max] AS x RETURN sum(x) AS total', { max: LONG_MAX });
    expect(typeof row?.total).toBe('number');
    expect(Number.isSafeInteger(row?.total)).toBe(false);
  });

  it('gives every figure as a brute force in bigint over the deals and their own snapshots does', async () => {
    const snapshots = new Map<string, { partnerId: string; minor: bigint }[]>();
    for (const deal of won) {
      const snapshot = (await expectData(db, SNAPSHOT, { id: deal.id })).data.deal.attributionSnapshot as {
        shares: { partner: { id: string }; share: { amount: string } }[];
      } | null;
      if (snapshot)
        snapshots.set(
          deal.id,
          snapshot.shares.map((s) => ({ partnerId: s.partner.id, minor: minorOf(s.share.amount) })),
        );
    }
    const money = (d: Won) => ({ minor: d.minor, currency: d.currency });
    const others = new Map<string, Set<string>>();
    for (const d of won)
      for (const a of d.participants)
        for (const b of d.participants)
          if (a.partnerId !== b.partnerId)
            (others.get(a.partnerId) ?? others.set(a.partnerId, new Set()).get(a.partnerId)!).add(b.partnerId);
    const shares = won.flatMap((d) => (snapshots.get(d.id) ?? []).map((s) => ({ ...s, currency: d.currency })));
    const credited = [...new Set(shares.filter((s) => s.minor > 0n).map((s) => s.partnerId))];
    const expected = {
      closedWonDeals: won.length,
      multiPartnerDealShare: won.filter((d) => d.participants.length >= 2).length / won.length,
      totalWon: perCurrency(won.map(money)),
      partnerSourced: perCurrency(won.filter((d) => d.participants.some((p) => p.sourced)).map(money)),
      partnerInfluenced: perCurrency(won.filter((d) => !d.participants.some((p) => p.sourced)).map(money)),
      topConnectors: [...others.entries()]
        .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1))
        .map(([partnerId]) => ({ id: partnerId })),
      attributedDeals: snapshots.size,
      attributed: perCurrency(shares),
      topAttributedPartners: credited
        .map((partnerId) => {
          const own = shares.filter((s) => s.partnerId === partnerId && s.minor > 0n);
          return { partner: { id: partnerId }, attributed: perCurrency(own), deals: own.length };
        })
        .sort((x, y) => y.deals - x.deals || (x.partner.id < y.partner.id ? -1 : 1)),
    };
    // The case this test is for: totals past 2^63 − 1 in each currency's sums, and in the snapshots' when there are any.
    expect(won.filter((d) => d.currency === 'USD').reduce((s, d) => s + d.minor, 0n) > LONG_MAX).toBe(true);
    expect(expected.partnerInfluenced.map((m) => m.currency)).toEqual(['BHD', 'JPY', 'USD']);
    if (snapshots.size > 0) expect(shares.filter((s) => s.currency === 'USD').reduce((t, s) => t + s.minor, 0n) > LONG_MAX).toBe(true);

    const { data } = await expectData(db, HEALTH, { from: FROM, to: TO });
    expect(data.ecosystemHealth).toEqual(expected);
  });
});
