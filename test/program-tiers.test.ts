// The pure rules of programs and tiers (src/programs/tiers.ts; README, "Programs and tiers"): the trailing window's
// start, the exact conversion with one half-to-even rounding (against a brute force over exact fractions), and the
// overlap of two territories (against an enumeration of cells).
import { describe, expect, it } from 'vitest';
import { convertExactly, divideHalfEven, territoryOverlap, windowStart } from '../src/programs/tiers.js';
import { prng } from './support/random.js';

describe('the trailing window', () => {
  it('starts twelve calendar months earlier in UTC, the day clamped to the month', () => {
    expect(windowStart(new Date('2024-02-29T12:34:56.789Z')).toISOString()).toBe('2023-02-28T12:34:56.789Z');
    expect(windowStart(new Date('2025-03-31T00:00:00.000Z')).toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(windowStart(new Date('2026-01-01T00:00:00.000Z')).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(windowStart(new Date('2025-02-28T23:59:59.999Z')).toISOString()).toBe('2024-02-28T23:59:59.999Z');
  });
});

describe('exact conversion into the reporting currency', () => {
  it('rounds half to even, once, after adding exact fractions', () => {
    expect([
      divideHalfEven(5n, 2n),
      divideHalfEven(7n, 2n),
      divideHalfEven(3n, 2n),
      divideHalfEven(1n, 3n),
      divideHalfEven(2n, 3n),
    ]).toEqual([2n, 4n, 2n, 0n, 1n]);
    const rates = [
      { currency: 'JPY', rate: '0.0067' },
      { currency: 'BHD', rate: '1' },
    ];
    // 150 JPY = 1.005 USD: 100.5 cents, half to even: 100.
    expect(convertExactly([{ minor: 150n, currency: 'JPY' }], 'USD', rates).value).toEqual({ minor: 100n, currency: 'USD' });
    // 250 JPY = 1.675 USD: 167.5 cents: 168.
    expect(convertExactly([{ minor: 250n, currency: 'JPY' }], 'USD', rates).value.minor).toBe(168n);
    // 150 JPY + 0.005 BHD at 1 = 100.5 + 0.5 cents = 101 exactly; rounding each first would give 100 + 0.
    expect(
      convertExactly(
        [
          { minor: 150n, currency: 'JPY' },
          { minor: 5n, currency: 'BHD' },
        ],
        'USD',
        rates,
      ).value.minor,
    ).toBe(101n);
    // Into BHD (3 digits) from USD at 0.376: 1.00 USD = 0.376 BHD = 376 fils; a currency without a rate is left out.
    const bhd = convertExactly(
      [
        { minor: 100n, currency: 'USD' },
        { minor: 9n, currency: 'EUR' },
      ],
      'BHD',
      [{ currency: 'USD', rate: '0.376' }],
    );
    expect(bhd).toEqual({ value: { minor: 376n, currency: 'BHD' }, unconverted: [{ minor: 9n, currency: 'EUR' }] });
  });

  it('equals a brute force over reduced fractions on random amounts and rates', () => {
    const rand = prng(1818);
    const digits: Record<string, number> = { JPY: 0, USD: 2, BHD: 3 };
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    for (let k = 0; k < 2000; k++) {
      const reporting = ['JPY', 'USD', 'BHD'][Math.floor(rand() * 3)]!;
      const rates = ['JPY', 'USD', 'BHD']
        .filter((c) => c !== reporting)
        .map((c) => {
          const whole = Math.floor(rand() * 500);
          const frac = String(Math.floor(rand() * 1e6))
            .padStart(6, '0')
            .slice(0, 1 + Math.floor(rand() * 6));
          return { currency: c, rate: `${whole}.${frac}`.replace(/^0\.0+$/, '0.1') };
        });
      const amounts = ['JPY', 'USD', 'BHD'].map((c) => ({
        minor: BigInt(Math.floor(rand() * 1e9)) * BigInt(1 + Math.floor(rand() * 1e6)),
        currency: c,
      }));
      let num = 0n;
      let den = 1n;
      for (const a of amounts) {
        const rate = a.currency === reporting ? '1' : rates.find((r) => r.currency === a.currency)!.rate;
        const [w, f = ''] = rate.split('.');
        const n = a.minor * BigInt(w! + f) * 10n ** BigInt(digits[reporting]!);
        const d = 10n ** BigInt(f.length + digits[a.currency]!);
        num = num * d + n * den;
        den *= d;
        const g = gcd(num, den) || 1n;
        num /= g;
        den /= g;
      }
      const floor = num / den;
      const twice = 2n * (num - floor * den);
      const expected = twice > den || (twice === den && floor % 2n === 1n) ? floor + 1n : floor;
      expect(convertExactly(amounts, reporting, rates).value.minor).toBe(expected);
    }
  });
});

describe('territory overlaps', () => {
  it('equal an enumeration of the cells both claim', () => {
    const rand = prng(77);
    const REGIONS = ['A', 'B', 'C'];
    const INDUSTRIES = ['x', 'y', 'z'];
    const pickSome = (list: string[]) => list.filter(() => rand() < 0.5);
    const covers = (t: { regions: string[]; industries: string[] }, r: string, i: string) =>
      t.regions.includes(r) && (t.industries.length === 0 || t.industries.includes(i));
    for (let k = 0; k < 500; k++) {
      const a = { regions: pickSome(REGIONS), industries: pickSome(INDUSTRIES) };
      const b = { regions: pickSome(REGIONS), industries: pickSome(INDUSTRIES) };
      const expected = REGIONS.flatMap((r): { region: string; industry: string | null }[] => {
        const both = [...INDUSTRIES, '(any other)'].filter((i) => covers(a, r, i) && covers(b, r, i));
        return both.includes('(any other)') ? [{ region: r, industry: null }] : both.map((i) => ({ region: r, industry: i }));
      });
      expect(territoryOverlap(a, b)).toEqual(expected);
    }
  });
});
