// The timeline attribution models (src/policy/attribution-models.ts through attributeAmount) against a
// brute force of README "Attribution models": nominal fractions as exact rationals, the largest-remainder
// rule applied by its definition, sums exact in JPY (0 minor digits), USD (2) and BHD (3) up to the
// largest amounts; TIME_DECAY exact where the weights are powers of two and within its stated bound elsewhere.
import { describe, expect, it } from 'vitest';
import { attributeAmount, type AttributionParticipant } from '../src/deals/deal-attribution.js';
import { formatMinor, MAX_MINOR, parseAmount } from '../src/money/money.js';
import { DEFAULT_HALF_LIFE_DAYS, isqrt, pow2Neg, type TimelineModel } from '../src/policy/attribution-models.js';
import { prng } from './support/random.js';

const DAY = 86_400_000;

/** A rational num/den with bigints. */
interface Q {
  num: bigint;
  den: bigint;
}

/**
 * The largest-remainder split by its definition: each party gets ⌊amount × f⌋, and the units left
 * over go one each to the parties with the largest fractional parts (compared exactly), ties to
 * the lower partner id. Parties come in partner-id order.
 */
function largestRemainder(amount: bigint, fractions: Q[]): bigint[] {
  const floors = fractions.map((f) => (amount * f.num) / f.den);
  const rest = fractions.map((f, i) => ({ i, num: (amount * f.num) % f.den, den: f.den }));
  let left = amount - floors.reduce((a, b) => a + b, 0n);
  rest.sort((a, b) => {
    const cmp = a.num * b.den - b.num * a.den; // a/ad vs b/bd
    return cmp === 0n ? a.i - b.i : cmp > 0n ? -1 : 1;
  });
  for (const { i } of rest) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

/** The README's nominal fractions, by partner id order of `byId`. */
function nominal(model: TimelineModel, participants: AttributionParticipant[]): Q[] {
  const timeline = [...participants].sort(
    (a, b) => a.registeredAt!.getTime() - b.registeredAt!.getTime() || (a.partnerId < b.partnerId ? -1 : 1),
  );
  const n = BigInt(timeline.length);
  const position = new Map(timeline.map((p, i) => [p.partnerId, i]));
  const byId = [...participants].sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1));
  return byId.map((p) => {
    const i = position.get(p.partnerId)!;
    const first = i === 0;
    const last = i === timeline.length - 1;
    if (model === 'FIRST_TOUCH') return { num: first ? 1n : 0n, den: 1n };
    if (model === 'LAST_TOUCH') return { num: last ? 1n : 0n, den: 1n };
    if (n === 1n) return { num: 1n, den: 1n };
    if (n === 2n) return { num: 1n, den: 2n };
    // 40 % first, 40 % last, 20 % shared by the n − 2 others.
    return first || last ? { num: 2n, den: 5n } : { num: 1n, den: 5n * (n - 2n) };
  });
}

const CURRENCIES = ['JPY', 'USD', 'BHD'];
const ROLES = ['RESELLER', 'SERVICES', 'TECHNOLOGY'] as const;

function randomAmount(rand: () => number): bigint {
  const kind = rand();
  if (kind < 0.1) return MAX_MINOR;
  if (kind < 0.2) return 0n;
  if (kind < 0.5) return BigInt(Math.floor(rand() * 100));
  return BigInt(Math.floor(rand() * 2 ** 30)) * BigInt(Math.floor(rand() * 2 ** 30)) + BigInt(Math.floor(rand() * 1000));
}

function randomParticipants(rand: () => number, halfLifeMs: number, powersOfTwo: boolean): AttributionParticipant[] {
  const n = 1 + Math.floor(rand() * 6);
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].filter(() => rand() < 0.8).slice(0, n);
  if (ids.length === 0) ids.push('a');
  const base = Date.UTC(2026, 0, 1);
  return ids.map((partnerId) => ({
    partnerId,
    role: ROLES[Math.floor(rand() * ROLES.length)]!,
    sourced: false,
    // Ties in registeredAt happen (then partner id orders).
    registeredAt: new Date(
      base + (powersOfTwo ? Math.floor(rand() * 4) * halfLifeMs : Math.floor(rand() * 4) * DAY + Math.floor(rand() * 3) * 3_600_000),
    ),
  }));
}

describe('timeline attribution models against the README brute force', { timeout: 60_000 }, () => {
  it('FIRST_TOUCH, LAST_TOUCH and POSITION_BASED split exactly like the rationals, in JPY, USD and BHD', () => {
    const rand = prng(2718);
    for (let run = 0; run < 3000; run++) {
      const model = (['FIRST_TOUCH', 'LAST_TOUCH', 'POSITION_BASED'] as const)[run % 3]!;
      const currency = CURRENCIES[run % CURRENCIES.length]!;
      const amount = randomAmount(rand);
      const participants = randomParticipants(rand, DAY, false);
      const shares = attributeAmount(amount, participants, model);
      expect(shares.map((s) => s.partnerId)).toEqual([...participants.map((p) => p.partnerId)].sort());
      const expected = largestRemainder(amount, nominal(model, participants));
      expect(
        shares.map((s) => s.minor),
        `run ${run} ${model} ${amount} ${JSON.stringify(participants)}`,
      ).toEqual(expected);
      // The sum is exact, also as the currency's decimal text.
      const sum = shares.reduce((a, s) => a + s.minor, 0n);
      expect(sum).toBe(amount);
      expect(parseAmount(formatMinor(sum, currency), currency)).toBe(amount);
    }
  });

  it('TIME_DECAY is exact when registrations are whole half-lives apart (weights are powers of two)', () => {
    const rand = prng(3141);
    for (let run = 0; run < 1500; run++) {
      const halfLifeDays = 1 + Math.floor(rand() * 60);
      const amount = randomAmount(rand);
      const participants = randomParticipants(rand, halfLifeDays * DAY, true);
      const latest = Math.max(...participants.map((p) => p.registeredAt!.getTime()));
      // 2^(−(closedAt − registeredAt)/h) ∝ 2^(−(latest − registeredAt)/h) = 2^−k: as a rational over 2^max k.
      const ks = [...participants]
        .sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1))
        .map((p) => BigInt((latest - p.registeredAt!.getTime()) / (halfLifeDays * DAY)));
      const maxK = ks.reduce((a, b) => (a > b ? a : b), 0n);
      const weights = ks.map((k) => 1n << (maxK - k));
      const total = weights.reduce((a, b) => a + b, 0n);
      const expected = largestRemainder(
        amount,
        weights.map((w) => ({ num: w, den: total })),
      );
      const shares = attributeAmount(amount, participants, 'TIME_DECAY', undefined, halfLifeDays);
      expect(
        shares.map((s) => s.minor),
        `run ${run}`,
      ).toEqual(expected);
    }
  });

  it('TIME_DECAY at any gaps: every share within one minor unit (plus 2^-50 of the amount) of the real-number split; sums exact', () => {
    const rand = prng(1414);
    for (let run = 0; run < 1500; run++) {
      const amount = randomAmount(rand);
      const participants = randomParticipants(rand, DAY, false);
      const shares = attributeAmount(amount, participants, 'TIME_DECAY');
      expect(shares.reduce((a, s) => a + s.minor, 0n)).toBe(amount);
      const latest = Math.max(...participants.map((p) => p.registeredAt!.getTime()));
      const real = [...participants]
        .sort((a, b) => (a.partnerId < b.partnerId ? -1 : 1))
        .map((p) => Math.pow(2, -(latest - p.registeredAt!.getTime()) / (DEFAULT_HALF_LIFE_DAYS * DAY)));
      const total = real.reduce((a, b) => a + b, 0);
      shares.forEach((s, i) => {
        const ideal = (Number(amount) * real[i]!) / total;
        expect(Math.abs(Number(s.minor) - ideal), `run ${run} share ${i}`).toBeLessThanOrEqual(1 + Number(amount) * 2 ** -50);
      });
    }
  });

  it('computes 2^(−p/q) in fixed point without floats: exact at whole exponents, within a few units of 2^-64 elsewhere', () => {
    const rand = prng(99);
    for (let k = 0n; k < 70n; k++) expect(pow2Neg(k * 7n, 7n)).toBe(k <= 64n ? 1n << (64n - k) : 0n);
    for (let run = 0; run < 500; run++) {
      const q = BigInt(1 + Math.floor(rand() * 1e9));
      const p = BigInt(Math.floor(rand() * Number(q) * 60));
      const got = pow2Neg(p, q);
      const ideal = 2 ** (64 - Number(p) / Number(q));
      // Fixed point: off by at most a few units of 2^-64 (the latest participant weighs 2^64), plus the float reference's own error.
      expect(Math.abs(Number(got) - ideal)).toBeLessThanOrEqual(2 ** 9 + ideal * 2 ** -45);
    }
    for (let run = 0; run < 500; run++) {
      const n = BigInt(Math.floor(rand() * 2 ** 50)) * BigInt(Math.floor(rand() * 2 ** 50));
      const r = isqrt(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
    }
  });

  it('follows the README examples: position-based 40/20/40 and the two-participant 50/50', () => {
    const at = (d: number) => new Date(Date.UTC(2026, 0, d));
    const three: AttributionParticipant[] = [
      { partnerId: 'si', role: 'SERVICES', sourced: false, registeredAt: at(3) },
      { partnerId: 'cloud', role: 'MARKETPLACE', sourced: true, registeredAt: at(1) },
      { partnerId: 'reseller', role: 'RESELLER', sourced: false, registeredAt: at(2) },
    ];
    const minors = (model: TimelineModel, p: AttributionParticipant[], amount = 10000n) =>
      Object.fromEntries(attributeAmount(amount, p, model).map((s) => [s.partnerId, s.minor]));
    expect(minors('POSITION_BASED', three)).toEqual({ cloud: 4000n, reseller: 2000n, si: 4000n });
    expect(minors('FIRST_TOUCH', three)).toEqual({ cloud: 10000n, reseller: 0n, si: 0n });
    expect(minors('LAST_TOUCH', three)).toEqual({ cloud: 0n, reseller: 0n, si: 10000n });
    expect(minors('POSITION_BASED', three.slice(0, 2), 101n)).toEqual({ cloud: 51n, si: 50n });
    // TIME_DECAY, 30 days apart at a 30-day half-life: weights 1/4, 1/2, 1 → 1428.57.., 2857.14.., 5714.28.. → 1429, 2857, 5714.
    const spaced = three.map((p, i) => ({ ...p, registeredAt: new Date(Date.UTC(2026, 0, 1) + [60, 0, 30][i]! * DAY) }));
    expect(minors('TIME_DECAY', spaced)).toEqual({ cloud: 1429n, reseller: 2857n, si: 5714n });
  });
});
