// Money is bounded where it enters (issue 11): the one parser refuses an amount whose minor units do
// not fit Neo4j's signed 64-bit integer, and every form that is not a plain non-negative decimal;
// nothing below the parser can wrap a number on its way to the database; sums never wrap.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toParam } from '../src/db/values.js';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { formatMinor, isCurrency, MoneyError, parseAmount, splitByWeights, sumByCurrency } from '../src/money/money.js';

/** The bound, computed here rather than copied: the largest signed 64-bit integer. */
const LONG_MAX = 2n ** 63n - 1n;

/** The largest amount text of a currency with `digits` minor digits, and the one a unit above it. */
function edges(digits: number): { max: string; above: string } {
  const text = (minor: bigint) => {
    const s = minor.toString();
    return digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  };
  return { max: text(LONG_MAX), above: text(LONG_MAX + 1n) };
}

const CURRENCIES = [
  { currency: 'JPY', digits: 0 },
  { currency: 'USD', digits: 2 },
  { currency: 'BHD', digits: 3 },
  { currency: 'CLF', digits: 4 },
];

function refusal(amount: string, currency: string): string {
  try {
    parseAmount(amount, currency);
  } catch (err) {
    expect(err).toBeInstanceOf(MoneyError);
    return (err as Error).message;
  }
  return expect.fail(`${JSON.stringify(amount)} ${currency} was accepted`);
}

describe('parseAmount: the bound of every amount', () => {
  it.each(CURRENCIES)('accepts the largest $currency amount and refuses one minor unit more', ({ currency, digits }) => {
    const { max, above } = edges(digits);
    expect(parseAmount(max, currency)).toBe(LONG_MAX);
    expect(formatMinor(parseAmount(max, currency), currency)).toBe(max);
    expect(refusal(above, currency)).toContain(`the largest ${currency} amount is ${max}`);
  });

  it('refuses the reported examples instead of handing out a number that wraps', () => {
    expect(refusal('92233720368547758.08', 'USD')).toMatch(/too large/);
    expect(refusal('999999999999999999.99', 'USD')).toMatch(/too large/);
    expect(refusal('18446744073709551616', 'JPY')).toMatch(/too large/); // 2^64: wraps to 0
    expect(refusal('9223372036854775808', 'JPY')).toMatch(/too large/);
  });

  it('refuses a megabyte of digits at once, with a short message, without reading it as a number', () => {
    const huge = '9'.repeat(1_000_000);
    // BigInt() of n digits costs more than linear time: the parser counts the digits first and never hands it more
    // than MAX_MINOR's 19.
    const bigInt = vi.spyOn(globalThis, 'BigInt');
    let message: string;
    try {
      message = refusal(huge, 'USD');
      const longest = Math.max(0, ...bigInt.mock.calls.map(([v]) => String(v).length));
      expect(longest).toBeLessThanOrEqual(19);
    } finally {
      bigInt.mockRestore();
    }
    expect(message).toMatch(/too large/);
    expect(message.length).toBeLessThan(200);
    expect(refusal(`1.${'0'.repeat(1_000_000)}`, 'USD').length).toBeLessThan(200);
  });

  it('accepts leading-zero fractions and zero exactly', () => {
    expect(parseAmount('0', 'USD')).toBe(0n);
    expect(parseAmount('0.05', 'USD')).toBe(5n);
    expect(parseAmount('0.001', 'BHD')).toBe(1n);
    expect(parseAmount('12', 'BHD')).toBe(12000n);
  });

  it.each([
    ['-1.00', 'USD'],
    ['-0', 'USD'],
    ['-0.00', 'USD'],
    ['+1.00', 'USD'],
    ['1e5', 'USD'],
    ['1E5', 'JPY'],
    [' 1.00', 'USD'],
    ['1.00 ', 'USD'],
    ['1\n', 'USD'],
    ['1,000.00', 'USD'],
    ['.5', 'USD'],
    ['5.', 'USD'],
    ['00.50', 'USD'],
    ['0x10', 'USD'],
    ['Infinity', 'USD'],
    ['NaN', 'USD'],
    ['', 'USD'],
    ['１０', 'USD'],
    ['١٠', 'USD'],
    ['1_000', 'USD'],
    ['1.5', 'JPY'],
    ['1.0', 'JPY'],
    ['1.0001', 'BHD'],
    ['1.001', 'USD'],
    ['1.00001', 'CLF'],
    ['1.00', 'XYZ'],
    ['1.00', 'usd'],
    ['1.00', 'US'],
    ['1.00', ''],
  ])('refuses %j %s', (amount, currency) => {
    refusal(amount, currency);
  });
});

describe('the import refuses the same amounts', () => {
  const doc = (amount: string, currency: string) => ({
    formatVersion: 1,
    customers: [{ id: 'c', name: 'C' }],
    deals: [{ id: 'd', name: 'D', customerId: 'c', stage: 'REGISTERED', amount, currency, createdAt: '2024-01-01T00:00:00Z' }],
  });

  it.each(CURRENCIES)('$currency: the largest amount is imported, one minor unit more is INVALID_AMOUNT', ({ currency, digits }) => {
    const { max, above } = edges(digits);
    const ok = checkEcosystemDocument(doc(max, currency));
    expect(ok.ok && ok.doc.deals[0]?.amount).toBe(max);
    const refused = checkEcosystemDocument(doc(above, currency));
    expect(refused.ok ? [] : refused.problems).toEqual([
      { path: '$.deals[0].amount', code: 'INVALID_AMOUNT', message: expect.stringContaining(max) },
    ]);
  });

  it('checks the amount text alone when the currency is unknown, without echoing it whole', () => {
    const refused = checkEcosystemDocument(doc(`-${'1'.repeat(100_000)}`, 'XYZ'));
    const problems = refused.ok ? [] : refused.problems;
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['$.deals[0].amount', 'INVALID_AMOUNT'],
      ['$.deals[0].currency', 'INVALID_CURRENCY'],
    ]);
    expect(problems[0]!.message.length).toBeLessThan(200);
  });
});

describe('nothing wraps on its way to Neo4j', () => {
  it('toParam refuses a bigint outside the signed 64-bit range instead of wrapping it', () => {
    expect(String(toParam(LONG_MAX))).toBe(LONG_MAX.toString());
    expect(String(toParam(-LONG_MAX - 1n))).toBe((-LONG_MAX - 1n).toString());
    expect(() => toParam(LONG_MAX + 1n)).toThrow(RangeError);
    expect(() => toParam({ rows: [{ amountMinor: 10n ** 20n }] })).toThrow(RangeError);
    expect(() => toParam(-LONG_MAX - 2n)).toThrow(RangeError);
    expect(toParam(2 ** 64)).toBe(2 ** 64); // a Float, not neo4j.int's clamp to 2^63 − 1
    expect(String(toParam(Number.MAX_SAFE_INTEGER))).toBe(String(Number.MAX_SAFE_INTEGER));
    expect(toParam(1.5)).toBe(1.5);
  });
});

describe('sums never wrap', () => {
  it('sumByCurrency adds any number of the largest amounts exactly (beyond 64 bits)', () => {
    const n = 1000;
    const sums = sumByCurrency([...Array(n).keys()].map((i) => ({ minor: LONG_MAX, currency: i % 2 ? 'USD' : 'JPY' })));
    // Oracle: multiplication instead of repeated addition.
    expect(sums).toEqual([
      { currency: 'JPY', minor: LONG_MAX * BigInt(n / 2) },
      { currency: 'USD', minor: LONG_MAX * BigInt(n / 2) },
    ]);
    expect(formatMinor(sums[1]!.minor, 'USD')).toBe(
      `${(LONG_MAX * 500n) / 100n}.${((LONG_MAX * 500n) % 100n).toString().padStart(2, '0')}`,
    );
  });

  it('splitByWeights splits the largest amount by the largest weights exactly', () => {
    const weights = [2n ** 31n - 1n, 2n ** 31n - 1n, 1n, 40n];
    const shares = splitByWeights(LONG_MAX, weights);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(LONG_MAX);
    const total = weights.reduce((a, b) => a + b, 0n);
    // Each share is its floor or one more (largest remainder).
    shares.forEach((s, i) => expect(s - (LONG_MAX * weights[i]!) / total).toBeGreaterThanOrEqual(0n));
    shares.forEach((s, i) => expect(s - (LONG_MAX * weights[i]!) / total).toBeLessThanOrEqual(1n));
  });

  it('no Cypher file adds, multiplies or aggregates amounts but as halves (Cypher integers are 64-bit: + raises, sum() turns float)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.cypher')) files.push(join(dir, entry.name));
      }
    };
    walk('cypher');
    expect(files.length).toBeGreaterThan(50);
    const arithmetic =
      /\b(sum|avg|reduce|percentileCont|percentileDisc|stDev|stDevP)\s*\([^)]*amountMinor|amountMinor\s*[-+*/%^]|[-+*/%^]\s*[\w.]*amountMinor/;
    // The one arithmetic allowed: an amount's halves, minor / 2^32 and minor % 2^32, summed apart (their sums cannot
    // overflow) and joined in bigint by the caller (src/money/money.ts sumByCurrency, cypher/deals/get-ecosystem-health.cypher).
    const halves = /amountMinor\s*[/%]\s*4294967296\b/g;
    const offenders = files.filter((f) =>
      arithmetic.test(
        readFileSync(f, 'utf8')
          .replace(/^\s*\/\/.*$/gm, '')
          .replace(halves, 'amountMinorHalf'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('what counts as a currency', () => {
  it('refuses the ISO 4217 codes that name no money (XXX "no currency", XTS "testing") and lower case', () => {
    for (const code of ['XXX', 'XTS', 'usd', 'US', 'USDT', '']) expect(isCurrency(code), code).toBe(false);
    for (const code of ['USD', 'EUR', 'JPY', 'BHD', 'CLF', 'XAU']) expect(isCurrency(code), code).toBe(true);
  });
});
