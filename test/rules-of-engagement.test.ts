// The rules of engagement (pure): first registered wins, a different reseller conflicts.
import { describe, expect, it } from 'vitest';
import { decideRegistrationStatuses, type RegistrationCandidate } from '../src/deals/rules-of-engagement.js';

function deal(id: string, over: Partial<RegistrationCandidate> = {}): RegistrationCandidate {
  return {
    id,
    customerId: 'c1',
    stage: 'REGISTERED',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    registrationStatus: null,
    resellerIds: [],
    ...over,
  };
}

const day = (n: number) => new Date(Date.UTC(2024, 0, n));

describe('decideRegistrationStatuses', () => {
  it('approves the first registration and puts a later one with a different reseller in conflict', () => {
    const statuses = decideRegistrationStatuses([
      deal('late', { createdAt: day(3), resellerIds: ['r2'] }),
      deal('first', { createdAt: day(1), resellerIds: ['r1'] }),
      deal('same-reseller', { createdAt: day(2), resellerIds: ['r1'] }),
      deal('no-reseller', { createdAt: day(4), resellerIds: [] }),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      first: 'APPROVED',
      'same-reseller': 'APPROVED',
      late: 'CONFLICT',
      'no-reseller': 'APPROVED',
    });
  });

  it('orders equal createdAt by id', () => {
    const statuses = decideRegistrationStatuses([deal('b', { resellerIds: ['r2'] }), deal('a', { resellerIds: ['r1'] })]);
    expect(Object.fromEntries(statuses)).toEqual({ a: 'APPROVED', b: 'CONFLICT' });
  });

  it('looks only at open deals on the same customer', () => {
    const statuses = decideRegistrationStatuses([
      deal('won', { createdAt: day(1), stage: 'CLOSED_WON', resellerIds: ['r1'] }),
      deal('other-customer', { createdAt: day(1), customerId: 'c2', resellerIds: ['r1'] }),
      deal('open', { createdAt: day(2), resellerIds: ['r2'] }),
      deal('lost-later', { createdAt: day(3), stage: 'CLOSED_LOST', resellerIds: ['r3'] }),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      won: 'APPROVED',
      'other-customer': 'APPROVED',
      open: 'APPROVED',
      'lost-later': 'APPROVED',
    });
  });

  it('keeps given statuses, and only approved earlier deals make conflicts', () => {
    const statuses = decideRegistrationStatuses([
      deal('rejected', { createdAt: day(1), resellerIds: ['r1'], registrationStatus: 'REJECTED' }),
      deal('conflicted', { createdAt: day(2), resellerIds: ['r1'], registrationStatus: 'CONFLICT' }),
      deal('next', { createdAt: day(3), resellerIds: ['r2'] }),
      deal('given-approved', { createdAt: day(4), resellerIds: ['r3'], registrationStatus: 'APPROVED' }),
      deal('closed-given', { createdAt: day(5), stage: 'CLOSED_WON', registrationStatus: 'CONFLICT' }),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({
      rejected: 'REJECTED',
      conflicted: 'CONFLICT',
      next: 'APPROVED',
      'given-approved': 'APPROVED',
      'closed-given': 'CONFLICT',
    });
  });

  it('a deal conflicts when it brings a reseller the earlier approved deal does not have', () => {
    const statuses = decideRegistrationStatuses([
      deal('pair', { createdAt: day(1), resellerIds: ['r1', 'r2'] }),
      deal('one-of-them', { createdAt: day(2), resellerIds: ['r2'] }),
      deal('plus-new', { createdAt: day(3), resellerIds: ['r1', 'r3'] }),
    ]);
    expect(Object.fromEntries(statuses)).toEqual({ pair: 'APPROVED', 'one-of-them': 'APPROVED', 'plus-new': 'CONFLICT' });
  });
});
