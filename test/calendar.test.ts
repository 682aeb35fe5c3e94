// Calendar instants in the years 0 to 99 (src/time/calendar.ts): Date.UTC would place them in 1900-1999, which moved
// a program's trailing window and a trend's periods nineteen centuries away from asOf.
import { describe, expect, it } from 'vitest';
import { utcInstant } from '../src/time/calendar.js';
import { windowStart } from '../src/programs/tiers.js';
import { periodsOf } from '../src/time/time-service.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;

describe('utcInstant', () => {
  it('is the instant its ISO text names, for every day of the years 0 to 130 and around 1900 and 2000', () => {
    for (const y of [...Array.from({ length: 131 }, (_, i) => i), 1899, 1900, 1999, 2000, 2024]) {
      for (let m = 0; m < 12; m++) {
        for (let d = 1; d <= daysIn(y, m); d++) {
          expect(utcInstant(y, m, d, 23, 59, 59, 999).toISOString()).toBe(`${pad(y, 4)}-${pad(m + 1)}-${pad(d)}T23:59:59.999Z`);
        }
        // Day 0 is the previous month's last day, in the same (possibly small) year.
        const before = m === 0 ? { y: y - 1, m: 11 } : { y, m: m - 1 };
        if (before.y >= 0) {
          expect(utcInstant(y, m, 0).toISOString()).toBe(
            `${pad(before.y, 4)}-${pad(before.m + 1)}-${pad(daysIn(before.y, before.m))}T00:00:00.000Z`,
          );
        }
      }
    }
  });
});

describe('instants in the years 0 to 99', () => {
  it('a program window ends twelve months before asOf, not in the 1900s', () => {
    expect(windowStart(new Date('0050-03-01T00:00:00.000Z')).toISOString()).toBe('0049-03-01T00:00:00.000Z');
    expect(windowStart(new Date('0100-03-01T00:00:00.000Z')).toISOString()).toBe('0099-03-01T00:00:00.000Z');
    expect(windowStart(new Date('0001-01-01T00:00:00.000Z')).toISOString()).toBe('0000-01-01T00:00:00.000Z');
    // 4 is a leap year and 3 is not: the day is clamped in the right year.
    expect(windowStart(new Date('0004-02-29T12:00:00.000Z')).toISOString()).toBe('0003-02-28T12:00:00.000Z');
  });

  it('trend periods stay in the years asked for', () => {
    const periods = periodsOf(new Date('0050-01-15T00:00:00.000Z'), new Date('0050-04-01T00:00:00.000Z'), 'MONTH');
    expect(periods.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['0050-01-15T00:00:00.000Z', '0050-02-01T00:00:00.000Z'],
      ['0050-02-01T00:00:00.000Z', '0050-03-01T00:00:00.000Z'],
      ['0050-03-01T00:00:00.000Z', '0050-04-01T00:00:00.000Z'],
    ]);
  });
});
