// The words of partnerMatches: which signals are said, in which order, and how the most needed capabilities are named.
import { describe, expect, it } from 'vitest';
import { matchReasons } from '../src/intelligence/partner-matches.js';

const cap = (id: string, name: string) => ({ id, name, category: null, description: null, parentId: null });
const need = (id: string, name: string, neededBy: number) => ({ capability: cap(id, name), neededBy });

describe('matchReasons', () => {
  it('names the three most needed capabilities (ties by name) and sums the rest', () => {
    const reasons = matchReasons({
      sharedCustomerCount: 14,
      integrated: true,
      sharedRegions: ['EMEA'],
      sharedIndustries: ['FINANCE', 'RETAIL'],
      complementDemand: 9 + 4 + 4 + 2,
      complementary: [
        need('c1', 'Backup', 2),
        need('c2', 'SIEM', 4),
        need('c3', 'Endpoint protection', 9),
        need('c4', 'Identity', 4),
        need('c5', 'Unused', 0),
      ],
    });
    expect(reasons).toEqual([
      '14 shared customers',
      'adds Endpoint protection, needed by 9 of your customers',
      'adds Identity, needed by 4 of your customers',
      'adds SIEM, needed by 4 of your customers',
      'meets 19 needs of your customers in all (4 capabilities)',
      'already integrated with you',
      'both in EMEA',
      'both serve FINANCE, RETAIL',
      'brings 5 capabilities you lack',
    ]);
  });

  it('says nothing of shared customers it may not count, nor of needs nobody has', () => {
    expect(
      matchReasons({
        sharedCustomerCount: null,
        integrated: false,
        sharedRegions: [],
        sharedIndustries: [],
        complementDemand: 1,
        complementary: [need('c1', 'Backup', 1), need('c2', 'SIEM', 0)],
      }),
    ).toEqual(['adds Backup, needed by 1 of your customers', 'brings 2 capabilities you lack']);
    expect(
      matchReasons({
        sharedCustomerCount: 1,
        integrated: false,
        sharedRegions: [],
        sharedIndustries: [],
        complementDemand: 0,
        complementary: [need('c2', 'SIEM', 0)],
      }),
    ).toEqual(['1 shared customer', 'brings 1 capability you lack']);
  });
});
