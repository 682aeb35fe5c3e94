// Attribution arithmetic: exact shares that always sum to the amount, in USD, EUR and JPY, checked
// on hand-made cases and against a brute force on random deals.
import { describe, expect, it } from 'vitest';
import {
  attributeAmount,
  DEFAULT_ATTRIBUTION_WEIGHTS,
  percentOf,
  resolveWeights,
  type AttributionParticipant,
} from '../src/deals/deal-attribution.js';
import { formatMinor, parseAmount } from '../src/money/money.js';
import { prng } from './support/random.js';

const ROLES = ['RESELLER', 'DISTRIBUTOR', 'TECHNOLOGY', 'SERVICES', 'REFERRAL', 'INFLUENCER', 'MARKETPLACE'] as const;

function formatted(amount: string, currency: string, parties: AttributionParticipant[], model: 'EVEN' | 'SOURCED' | 'ROLE_WEIGHTED') {
  return attributeAmount(parseAmount(amount, currency), parties, model).map((s) => [s.partnerId, formatMinor(s.minor, currency)]);
}

// The classic: a hyperscaler flagged the customer (sourced), a reseller owns the deal, an SI deploys.
const classic: AttributionParticipant[] = [
  { partnerId: 'si', role: 'SERVICES', sourced: false },
  { partnerId: 'cloud', role: 'MARKETPLACE', sourced: true },
  { partnerId: 'reseller', role: 'RESELLER', sourced: false },
];

describe('dealAttribution models', () => {
  it('EVEN gives leftover minor units one each in partner-id order (USD, EUR, JPY)', () => {
    expect(formatted('100.00', 'USD', classic, 'EVEN')).toEqual([
      ['cloud', '33.34'],
      ['reseller', '33.33'],
      ['si', '33.33'],
    ]);
    expect(formatted('0.05', 'EUR', classic, 'EVEN')).toEqual([
      ['cloud', '0.02'],
      ['reseller', '0.02'],
      ['si', '0.01'],
    ]);
    expect(formatted('1000', 'JPY', classic, 'EVEN')).toEqual([
      ['cloud', '334'],
      ['reseller', '333'],
      ['si', '333'],
    ]);
    expect(formatted('2', 'JPY', classic, 'EVEN')).toEqual([
      ['cloud', '1'],
      ['reseller', '1'],
      ['si', '0'],
    ]);
  });

  it('SOURCED gives everything to the sourcing participant, and nothing when none sourced', () => {
    expect(formatted('125000.55', 'USD', classic, 'SOURCED')).toEqual([['cloud', '125000.55']]);
    expect(
      formatted(
        '999',
        'JPY',
        classic.map((p) => ({ ...p, sourced: false })),
        'SOURCED',
      ),
    ).toEqual([]);
  });

  it('ROLE_WEIGHTED uses the documented weights with the sourcing bonus and largest remainders', () => {
    // Weights: MARKETPLACE 20 + sourcing 20 = 40, RESELLER 40, SERVICES 30 → of 110.
    expect(DEFAULT_ATTRIBUTION_WEIGHTS).toEqual({
      roles: { RESELLER: 40, SERVICES: 30, TECHNOLOGY: 20, MARKETPLACE: 20, DISTRIBUTOR: 15, REFERRAL: 10, INFLUENCER: 5 },
      sourcingBonus: 20,
    });
    // 100.00 USD = 10000 minor: floors 3636, 3636, 2727 (sum 9999) with remainders 40, 40, 30 (of 110);
    // cloud and reseller tie on the largest remainder and cloud comes first by id, so it gets the cent.
    expect(formatted('100.00', 'USD', classic, 'ROLE_WEIGHTED')).toEqual([
      ['cloud', '36.37'],
      ['reseller', '36.36'],
      ['si', '27.27'],
    ]);
    expect(formatted('100', 'JPY', classic, 'ROLE_WEIGHTED')).toEqual([
      ['cloud', '37'],
      ['reseller', '36'],
      ['si', '27'],
    ]);
    expect(formatted('0.10', 'EUR', classic, 'ROLE_WEIGHTED')).toEqual([
      ['cloud', '0.04'],
      ['reseller', '0.03'],
      ['si', '0.03'],
    ]);
  });

  it('ROLE_WEIGHTED weights are configurable', () => {
    const weights = resolveWeights({ roles: [{ role: 'SERVICES', weight: 60 }], sourcingBonus: 0 });
    const shares = attributeAmount(1000n, classic, 'ROLE_WEIGHTED', weights);
    // cloud 20, reseller 40, si 60 → of 120.
    expect(shares.map((s) => s.minor)).toEqual([167n, 333n, 500n]);
    expect(() => resolveWeights({ roles: [{ role: 'RESELLER', weight: 0 }] })).toThrow(/positive integer/);
    expect(() => resolveWeights({ sourcingBonus: -1 })).toThrow(/non-negative/);
  });

  it('percentages come from exact integers', () => {
    expect(percentOf(3334n, 10000n)).toBe(33.34);
    expect(percentOf(1n, 3n)).toBeCloseTo(33.333333333, 8);
    expect(percentOf(0n, 0n)).toBe(0);
  });
});

describe('dealAttribution against a brute force on random deals', () => {
  /** Largest remainder by exact rationals: floor(a·w/W), then +1 to the largest (a·w mod W), ties by id. */
  function bruteForce(amount: bigint, weights: { id: string; w: bigint }[]): Map<string, bigint> {
    const total = weights.reduce((s, x) => s + x.w, 0n);
    const base = weights.map((x) => ({ id: x.id, share: (amount * x.w) / total, rest: (amount * x.w) % total }));
    let left = amount - base.reduce((s, x) => s + x.share, 0n);
    const order = [...base].sort((a, b) => (a.rest !== b.rest ? (a.rest > b.rest ? -1 : 1) : a.id < b.id ? -1 : 1));
    for (const x of order)
      if (left > 0n) {
        x.share += 1n;
        left -= 1n;
      }
    return new Map(base.map((x) => [x.id, x.share]));
  }

  it.each([1, 2, 3, 4, 5])('seed %i: 200 deals in USD, EUR and JPY sum exactly and match the brute force', (seed) => {
    const random = prng(seed);
    for (let n = 0; n < 200; n++) {
      const currency = (['USD', 'EUR', 'JPY'] as const)[Math.floor(random() * 3)]!;
      const amount = BigInt(Math.floor(random() * 1e9)) * (random() < 0.3 ? 1n : 1_000_003n);
      const count = 1 + Math.floor(random() * 6);
      const sourcer = random() < 0.7 ? Math.floor(random() * count) : -1;
      const parties: AttributionParticipant[] = Array.from({ length: count }, (_, i) => ({
        partnerId: `p${Math.floor(random() * 1000)}-${i}`,
        role: ROLES[Math.floor(random() * ROLES.length)]!,
        sourced: i === sourcer,
      }));
      for (const model of ['EVEN', 'SOURCED', 'ROLE_WEIGHTED'] as const) {
        const shares = attributeAmount(amount, parties, model);
        const sum = shares.reduce((s, x) => s + x.minor, 0n);
        if (model === 'SOURCED' && sourcer < 0) {
          expect(shares).toEqual([]);
          continue;
        }
        expect(sum, `${model} ${formatMinor(amount, currency)} ${currency}`).toBe(amount);
        const weightOf = (p: AttributionParticipant): bigint =>
          model === 'EVEN'
            ? 1n
            : model === 'SOURCED'
              ? p.sourced
                ? 1n
                : 0n
              : BigInt(
                  DEFAULT_ATTRIBUTION_WEIGHTS.roles[p.role as (typeof ROLES)[number]] +
                    (p.sourced ? DEFAULT_ATTRIBUTION_WEIGHTS.sourcingBonus : 0),
                );
        const expected = bruteForce(
          amount,
          parties.map((p) => ({ id: p.partnerId, w: weightOf(p) })),
        );
        for (const s of shares) expect(s.minor).toBe(expected.get(s.partnerId));
        expect(shares.map((s) => s.partnerId)).toEqual([...shares.map((s) => s.partnerId)].sort());
        if (model === 'EVEN') {
          // Equal split: each share is floor or floor + 1, the larger ones first in id order.
          const floor = amount / BigInt(count);
          const extra = Number(amount % BigInt(count));
          expect(shares.map((s) => s.minor)).toEqual(shares.map((_, i) => floor + (i < extra ? 1n : 0n)));
        }
      }
    }
  });
});
