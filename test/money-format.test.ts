// The page's money formatting: the API's digits, grouped for the locale, never through a float.
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/web/money-format.js';

describe('formatMoney', () => {
  it('groups the whole part and keeps the fraction as given', () => {
    expect(formatMoney('939000.00', 'USD', 'en-US')).toBe('USD 939,000.00');
    expect(formatMoney('1234567.50', 'EUR', 'de-DE')).toBe('EUR 1.234.567,50');
    expect(formatMoney('1200000', 'JPY', 'en-US')).toBe('JPY 1,200,000');
    expect(formatMoney('-5.25', 'GBP', 'en-GB')).toBe('GBP -5.25');
  });

  it('keeps digits beyond double precision exact', () => {
    expect(formatMoney('9007199254740993.01', 'USD', 'en-US')).toBe('USD 9,007,199,254,740,993.01');
  });
});
