// The timeline attribution models (issue 18; README, "Attribution models"): weights over the
// participants ordered by registeredAt, then partner id. Weights are integers (bigint), never floats;
// the amount is then split exactly by largest remainder (splitByWeights in src/money/money.ts).

/** The models that read the participants' timeline. */
export type TimelineModel = 'FIRST_TOUCH' | 'LAST_TOUCH' | 'POSITION_BASED' | 'TIME_DECAY';

export const TIMELINE_MODELS: readonly TimelineModel[] = ['FIRST_TOUCH', 'LAST_TOUCH', 'POSITION_BASED', 'TIME_DECAY'];

export function isTimelineModel(model: string): model is TimelineModel {
  return (TIMELINE_MODELS as readonly string[]).includes(model);
}

/** TIME_DECAY's half-life when the policy sets none: 30 days. */
export const DEFAULT_HALF_LIFE_DAYS = 30;

/** Fractional bits of TIME_DECAY's fixed-point weights: a weight is 2^64 × 2^(−x), truncated. */
export const DECAY_PRECISION_BITS = 64n;

export interface TimelineParticipant {
  partnerId: string;
  registeredAt: Date;
}

/** Timeline order: registeredAt, then partner id. */
export function timelineOrder(a: TimelineParticipant, b: TimelineParticipant): number {
  const byTime = a.registeredAt.getTime() - b.registeredAt.getTime();
  if (byTime !== 0) return byTime;
  return a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0;
}

/** floor(√n) for n ≥ 0 (Newton's method on bigints). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << ((BigInt(n.toString(2).length) + 1n) / 2n);
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * 2^(−p/q) in fixed point: ⌊2^64 × 2^(−p/q)⌋ up to truncation, for p ≥ 0, q > 0, with integers
 * only. p/q = k + f (k whole, 0 ≤ f < 1); 2^(−f) is the product of 2^(−2^(−j)) over the bits j of
 * f's binary expansion (64 bits), each factor a repeated integer square root of 1/2; then shifted
 * right by k. Each step truncates, so the result is below 2^64 × the true value by a few hundred
 * units at most (about 2^-55 of the largest weight, 2^64); it is deterministic (the same integers
 * on every machine).
 */
export function pow2Neg(p: bigint, q: bigint): bigint {
  if (p < 0n || q <= 0n) throw new RangeError('pow2Neg needs p >= 0 and q > 0');
  const P = DECAY_PRECISION_BITS;
  const k = p / q;
  let r = p % q;
  let result = 1n << P;
  let base = 1n << (P - 1n); // 2^(−1)
  for (let j = 0n; j < P && r !== 0n; j++) {
    base = isqrt(base << P); // 2^(−2^(−(j+1)))
    r *= 2n;
    if (r >= q) {
      r -= q;
      result = (result * base) >> P;
    }
  }
  return k >= 2n * P ? 0n : result >> k;
}

/**
 * Each participant's weight under a timeline model, by partner id. Order: registeredAt, then
 * partner id.
 * - FIRST_TOUCH: 1 for the first, 0 for the others; LAST_TOUCH: 1 for the last.
 * - POSITION_BASED: one participant 1; two 1 and 1; n ≥ 3: 40 % first, 40 % last, 20 % shared
 *   evenly by the n − 2 others, as the integers 40(n−2), 20 each, 40(n−2) (sum 100(n−2)).
 * - TIME_DECAY: 2^(−(closedAt − registeredAt) / halfLife); the common factor 2^(−(closedAt −
 *   latest registeredAt)/halfLife) cancels in the split, so the weight used is 2^(−(latest −
 *   registeredAt)/halfLife) in 64-bit fixed point (pow2Neg): the latest participant weighs 2^64,
 *   and closedAt does not matter (nor does it for an open deal).
 */
export function timelineWeights(
  model: TimelineModel,
  participants: readonly TimelineParticipant[],
  halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS,
): Map<string, bigint> {
  const ordered = [...participants].sort(timelineOrder);
  const n = ordered.length;
  const weights = new Map<string, bigint>(ordered.map((p) => [p.partnerId, 0n]));
  if (n === 0) return weights;
  if (model === 'FIRST_TOUCH') weights.set(ordered[0]!.partnerId, 1n);
  else if (model === 'LAST_TOUCH') weights.set(ordered[n - 1]!.partnerId, 1n);
  else if (model === 'POSITION_BASED') {
    if (n <= 2) for (const p of ordered) weights.set(p.partnerId, 1n);
    else {
      const ends = 40n * BigInt(n - 2);
      ordered.forEach((p, i) => weights.set(p.partnerId, i === 0 || i === n - 1 ? ends : 20n));
    }
  } else {
    const latest = BigInt(ordered[n - 1]!.registeredAt.getTime());
    const halfLifeMs = BigInt(halfLifeDays) * 86_400_000n;
    for (const p of ordered) weights.set(p.partnerId, pow2Neg(latest - BigInt(p.registeredAt.getTime()), halfLifeMs));
  }
  return weights;
}
