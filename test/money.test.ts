import { describe, expect, it } from 'vitest';
import { formatMinor, minorDigits, parseAmount, splitByWeights, sumByCurrency } from '../src/money/money.js';

describe('money', () => {
  it('knows ISO 4217 minor digits', () => {
    expect([minorDigits('USD'), minorDigits('JPY'), minorDigits('BHD'), minorDigits('EUR'), minorDigits('CLF')]).toEqual([2, 0, 3, 2, 4]);
    expect(() => minorDigits('ABC')).toThrow(/not an ISO 4217/);
    expect(() => minorDigits('usd')).toThrow();
  });

  it('parses decimal strings into minor units and back, exactly', () => {
    expect(parseAmount('125000.50', 'USD')).toBe(12500050n);
    expect(parseAmount('125000.5', 'USD')).toBe(12500050n);
    expect(parseAmount('100', 'JPY')).toBe(100n);
    expect(parseAmount('100', 'BHD')).toBe(100000n);
    expect(parseAmount('92233720368547758.07', 'USD')).toBe(9223372036854775807n);
    expect(formatMinor(12500050n, 'USD')).toBe('125000.50');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(100000n, 'BHD')).toBe('100.000');
    expect(formatMinor(100, 'JPY')).toBe('100');
    expect(formatMinor(9223372036854775807n, 'USD')).toBe('92233720368547758.07');
  });

  it('rejects floats in disguise, negatives and too many decimals', () => {
    for (const bad of ['1e5', '-1.00', '01.00', '1.', '.5', ' 1', '1,00', 'NaN', '']) {
      expect(() => parseAmount(bad, 'USD'), bad).toThrow(/decimal amount/);
    }
    expect(() => parseAmount('1.001', 'USD')).toThrow(/USD has 2 minor digits/);
    expect(() => parseAmount('1.5', 'JPY')).toThrow(/JPY has 0 minor digits/);
  });

  it('sums per currency exactly, sorted by code', () => {
    const sums = sumByCurrency([
      { minor: 10n, currency: 'USD' },
      { minor: 1, currency: 'EUR' },
      { minor: 9007199254740993n, currency: 'USD' },
    ]);
    expect(sums).toEqual([
      { minor: 1n, currency: 'EUR' },
      { minor: 9007199254741003n, currency: 'USD' },
    ]);
  });

  it('splits by weights with largest remainders, summing exactly', () => {
    expect(splitByWeights(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitByWeights(101n, [1n, 1n, 1n])).toEqual([34n, 34n, 33n]);
    expect(splitByWeights(10n, [3n, 2n, 1n])).toEqual([5n, 3n, 2n]);
    expect(splitByWeights(0n, [1n, 2n])).toEqual([0n, 0n]);
    for (let total = 0n; total < 200n; total += 7n) {
      const shares = splitByWeights(total, [5n, 3n, 3n, 1n]);
      expect(shares.reduce((a, b) => a + b, 0n)).toBe(total);
    }
  });
});
