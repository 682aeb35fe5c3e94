// Identity's pure parts: the normalised name and domain as issue 13 fixes them, and the duplicate
// groups (connected components) against a brute force.
import { describe, expect, it } from 'vitest';
import { groupsOf, type DuplicateLink } from '../src/identity/identity-service.js';
import { domainAndParents, normalizeCustomerName, normalizeDomain, sameDomain } from '../src/identity/identity.js';
import { prng } from './support/random.js';

describe('normalizeCustomerName', () => {
  it('follows the issue: NFKD, marks dropped, lower case, . and apostrophes deleted, other runs one space, legal forms dropped', () => {
    for (const name of [
      'Northwind Traders, Inc.',
      'NORTHWIND TRADERS',
      'Northwind Traders Ltd',
      '  northwind   traders  co. ltd. ',
      'Northwind-Traders GmbH & Co KG'.replace(' KG', ''),
    ]) {
      expect(normalizeCustomerName(name)).toBe(name.includes('-') ? 'northwind traders' : 'northwind traders');
    }
    expect(normalizeCustomerName('İstanbul Ürün A.Ş.')).toBe('istanbul urun as');
    expect(normalizeCustomerName("O'Reilly Media")).toBe('oreilly media');
    expect(normalizeCustomerName('O’Reilly Media')).toBe('oreilly media');
    expect(normalizeCustomerName('Café Crème S.A.R.L.')).toBe('cafe creme');
    expect(normalizeCustomerName('ＡＢＣ　Ｃｏｒｐ')).toBe('abc');
    expect(normalizeCustomerName('Company Co')).toBe('');
    expect(normalizeCustomerName('Inc Holdings Inc')).toBe('inc holdings');
    expect(normalizeCustomerName('3M Co.')).toBe('3m');
  });
});

describe('normalizeDomain', () => {
  it('lower-cases and removes scheme, www., path, port and trailing dot', () => {
    expect(normalizeDomain('https://WWW.Northwind.Example:8443/about?x=1#top')).toBe('northwind.example');
    expect(normalizeDomain('northwind.example.')).toBe('northwind.example');
    expect(normalizeDomain('www.emea.northwind.example')).toBe('emea.northwind.example');
    expect(normalizeDomain('http://user@northwind.example')).toBe('northwind.example');
    expect(normalizeDomain('bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('not a domain')).toBeNull();
    expect(normalizeDomain('')).toBeNull();
  });

  it('relates sub-domains', () => {
    expect(sameDomain('emea.northwind.example', 'northwind.example')).toBe(true);
    expect(sameDomain('northwind.example', 'northwind.example')).toBe(true);
    expect(sameDomain('xnorthwind.example', 'northwind.example')).toBe(false);
    expect(domainAndParents('a.b.example')).toEqual(['a.b.example', 'b.example']);
  });
});

describe('groupsOf', () => {
  it('equals the components found by brute force on random links', () => {
    const rand = prng(13);
    for (let round = 0; round < 200; round++) {
      const n = 2 + Math.floor(rand() * 12);
      const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
      const links: DuplicateLink[] = [];
      for (let k = Math.floor(rand() * n * 1.5); k > 0; k--) {
        const a = ids[Math.floor(rand() * n)]!;
        const b = ids[Math.floor(rand() * n)]!;
        if (a !== b) links.push({ a, b, reason: rand() < 0.5 ? 'SAME_NAME' : 'SAME_DOMAIN' });
      }
      // Brute force: grow each component by scanning all links until nothing changes.
      const seen = new Set<string>();
      const expected: { id: string; memberIds: string[]; reasons: string[] }[] = [];
      for (const start of ids) {
        if (seen.has(start)) continue;
        const members = new Set([start]);
        let grew = true;
        while (grew) {
          grew = false;
          for (const l of links) {
            if (members.has(l.a) !== members.has(l.b)) {
              members.add(l.a);
              members.add(l.b);
              grew = true;
            }
          }
        }
        for (const m of members) seen.add(m);
        if (members.size < 2) continue;
        const memberIds = [...members].sort();
        const reasons = (['SAME_DOMAIN', 'SAME_NAME'] as const).filter((r) => links.some((l) => l.reason === r && members.has(l.a)));
        expected.push({ id: memberIds[0]!, memberIds, reasons });
      }
      expected.sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(groupsOf(links)).toEqual(expected);
    }
  });
});
