// The exact minimal set cover search against a brute force over every subset, on random problems.
import { describe, expect, it } from 'vitest';
import { findMinimalCovers, undominated, type CoverCandidate } from '../src/intelligence/set-cover.js';
import { prng } from './support/random.js';

/** Every minimal cover by enumeration: subsets of the candidates, fixed members added. */
function bruteForce(required: number, fixed: CoverCandidate[], candidates: CoverCandidate[], maxSize: number): string[][] {
  const base = fixed.reduce((m, c) => m | c.mask, 0);
  const out: string[][] = [];
  for (let subset = 0; subset < 1 << candidates.length; subset++) {
    const chosen = candidates.filter((_, i) => subset & (1 << i));
    if (fixed.length + chosen.length > maxSize) continue;
    const union = chosen.reduce((m, c) => m | c.mask, base);
    if ((union & required) !== required) continue;
    const minimal = chosen.every((c) => {
      const rest = chosen.filter((x) => x !== c).reduce((m, x) => m | x.mask, base);
      return (rest & required) !== required;
    });
    if (minimal) out.push([...fixed.map((c) => c.id), ...chosen.map((c) => c.id)]);
  }
  return out;
}

const key = (ids: string[]) => [...ids].sort().join(',');

describe('findMinimalCovers', () => {
  it('finds the smallest cover and every minimal one (hand-checked)', () => {
    // Requirements a=1, b=2, c=4. p1 {a,b}, p2 {c}, p3 {a}, p4 {b,c}, p5 {a,b,c} is alone a cover.
    const candidates = [
      { id: 'p1', mask: 0b011 },
      { id: 'p2', mask: 0b100 },
      { id: 'p3', mask: 0b001 },
      { id: 'p4', mask: 0b110 },
      { id: 'p5', mask: 0b111 },
    ];
    const result = findMinimalCovers({ required: 0b111, fixed: [], candidates, maxSize: 3, maxCovers: 100, timeBudgetMs: 1000 });
    expect(result.minimumSize).toBe(1);
    expect(result.covers.map(key)).toEqual(['p5', 'p1,p2', 'p1,p4', 'p3,p4']);
    expect(result.exhaustive).toBe(true);
    expect(result.timedOut).toBe(false);
  });

  it('keeps fixed members and needs nothing more when they already cover', () => {
    const result = findMinimalCovers({
      required: 0b11,
      fixed: [{ id: 'x', mask: 0b11 }],
      candidates: [{ id: 'y', mask: 0b11 }],
      maxSize: 2,
      maxCovers: 10,
      timeBudgetMs: 1000,
    });
    expect(result.covers).toEqual([['x']]);
  });

  it('gives up when the fixed members alone exceed the size', () => {
    const result = findMinimalCovers({
      required: 0b1,
      fixed: [
        { id: 'x', mask: 0 },
        { id: 'y', mask: 0 },
      ],
      candidates: [{ id: 'z', mask: 1 }],
      maxSize: 2,
      maxCovers: 10,
      timeBudgetMs: 1000,
    });
    expect(result.covers).toEqual([]);
  });

  it('drops dominated masks only for the size bound', () => {
    expect(undominated([0b001, 0b011, 0b110, 0b010]).sort()).toEqual([0b011, 0b110].sort());
  });

  it('returns the best found and says so when the time budget runs out', () => {
    let t = 0;
    const candidates = Array.from({ length: 400 }, (_, i) => ({ id: `c${i}`, mask: (i * 2654435761) & 0xfff }));
    const result = findMinimalCovers({
      required: 0xfff,
      fixed: [],
      candidates,
      maxSize: 6,
      maxCovers: 1_000_000,
      timeBudgetMs: 5,
      now: () => (t += 1),
    });
    expect(result.timedOut).toBe(true);
    expect(result.exhaustive).toBe(false);
    expect(result.covers.length).toBeGreaterThan(0);
    for (const cover of result.covers) {
      const union = cover.reduce((m, id) => m | candidates.find((c) => c.id === id)!.mask, 0);
      expect(union & 0xfff).toBe(0xfff);
    }
  });

  it('matches a brute force on 300 random problems', () => {
    const random = prng(20260301);
    for (let round = 0; round < 300; round++) {
      const bits = 1 + Math.floor(random() * 8);
      const required = (1 << bits) - 1;
      const n = 1 + Math.floor(random() * 11);
      const candidates = Array.from({ length: n }, (_, i) => ({
        id: `c${String(i).padStart(2, '0')}`,
        // Sparse masks, some repeated, some empty: classes, dominance and redundancy all occur.
        mask:
          random() < 0.15
            ? 0
            : (Math.floor(random() * (1 << bits)) & Math.floor(random() * (1 << bits))) | (1 << Math.floor(random() * bits)),
      }));
      const fixedCount = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0;
      const fixed = candidates.splice(0, Math.min(fixedCount, candidates.length - 1));
      const maxSize = 1 + Math.floor(random() * 5);
      const expected = bruteForce(required, fixed, candidates, maxSize);
      const result = findMinimalCovers({ required, fixed, candidates, maxSize, maxCovers: 100_000, timeBudgetMs: 10_000 });
      const context = JSON.stringify({ round, required, fixed, candidates, maxSize });
      expect(result.covers.map(key).sort(), context).toEqual(expected.map(key).sort());
      expect(result.exhaustive, context).toBe(true);
      const smallest = expected.length ? Math.min(...expected.map((c) => c.length)) : null;
      expect(result.minimumSize, context).toBe(smallest);
      if (smallest !== null) expect(result.covers[0]!.length, context).toBe(smallest);
      // Sizes never decrease along the list.
      result.covers.forEach((c, i) => i === 0 || expect(c.length).toBeGreaterThanOrEqual(result.covers[i - 1]!.length));
    }
  });

  it('stops at maxCovers, smallest first, and says the list is not exhaustive', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, mask: 1 << (i % 3) }));
    const result = findMinimalCovers({ required: 0b111, fixed: [], candidates, maxSize: 3, maxCovers: 5, timeBudgetMs: 1000 });
    expect(result.covers).toHaveLength(5);
    expect(result.exhaustive).toBe(false);
    expect(result.minimumSize).toBe(3);
  });
});
