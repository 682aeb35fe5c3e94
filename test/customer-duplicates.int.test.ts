// customerDuplicates against a brute force of issue 13's rules over every customer in the real
// database: random company names written with case, accents, punctuation and legal-form
// variations (through createCustomer, so the stored normalised name comes from the API's door),
// some domains (with sub-domains), and pairs marked distinct. The brute force normalises names
// with its own character-by-character reading of the rule and compares every pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('dup');
const token = px.replace(/[^a-z0-9]/g, '').slice(3); // keeps this run's names apart from others'

const LEGAL = 'inc incorporated llc ltd limited gmbh ag sa sas sarl spa bv nv plc pty corp corporation co company kk'.split(' ');
const WORDS = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Adatum',
  'Litware',
  'Proseware',
  'Zürich',
  'Crème',
  'Ørsted',
  'Ärzte',
  'İzmir',
  'Co',
  'Traders',
  'Bank',
  'Group',
];
const SUFFIXES = [
  '',
  ', Inc.',
  ' Inc',
  ' LLC',
  ' Ltd.',
  ' Limited',
  ' GmbH',
  ' AG',
  ' S.A.',
  ' SAS',
  ' S.à r.l.',
  ' S.p.A.',
  ' B.V.',
  ' N.V.',
  ' plc',
  ' Pty Ltd',
  ' Corp.',
  ' Corporation',
  ' Co.',
  ' Company',
  ' K.K.',
  ' Co., Ltd.',
];
const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', n: 'ñ', c: 'ç' };

/** The brute force's own reading of the rule (not the project's function). */
function referenceName(name: string): string {
  let folded = '';
  for (const ch of name.normalize('NFKD')) if (!/\p{M}/u.test(ch)) folded += ch;
  folded = folded.toLowerCase();
  const words: string[] = [];
  let word = '';
  for (const ch of folded) {
    if (ch === '.' || ch === "'" || ch === '’') continue;
    if (/[\p{L}\p{N}]/u.test(ch)) word += ch;
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  while (words.length > 0 && LEGAL.includes(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

function vary(base: string, rand: () => number): string {
  let s = '';
  for (const ch of base) {
    const r = rand();
    if (r < 0.15) s += ch.toUpperCase();
    else if (r < 0.25) s += ch.toLowerCase();
    else if (r < 0.32 && ACCENTED[ch.toLowerCase()]) s += ACCENTED[ch.toLowerCase()]!;
    else if (ch === ' ' && r < 0.5) s += [' - ', ', ', '  ', ' & ', '/'][Math.floor(rand() * 5)]!;
    else if (r < 0.36) s += ch + ['.', "'", '’'][Math.floor(rand() * 3)]!;
    else s += ch;
  }
  return s + SUFFIXES[Math.floor(rand() * SUFFIXES.length)]!;
}

interface Stored {
  id: string;
  name: string;
  domain: string | null;
}

beforeAll(async () => {
  const rand = prng(20260113);
  const bases = Array.from(
    { length: 14 },
    (_, i) => `${WORDS[Math.floor(rand() * WORDS.length)]} ${token}${i % 9} ${WORDS[Math.floor(rand() * WORDS.length)]}`,
  );
  const domains = Array.from({ length: 6 }, (_, i) => `${token}${i}.example`);
  for (let i = 0; i < 60; i++) {
    const base = bases[Math.floor(rand() * bases.length)]!;
    const r = rand();
    // Some customers get a domain: a base domain or a sub-domain of one (each used once: domains are unique).
    const domain =
      r < 0.25
        ? `${['emea', 'us', 'apac', 'www2', 'shop'][i % 5]}${i}.${domains[Math.floor(rand() * domains.length)]}`
        : r < 0.3
          ? domains[i % domains.length]
          : null;
    const result = await expectData(
      db,
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { path code } } }`,
      {
        input: { id: `${px}c${String(i).padStart(2, '0')}`, name: vary(base, rand), domain },
      },
    );
    // A repeated base domain is refused (CONFLICT): the customer is then simply not created.
    expect(result.data.createCustomer.errors.every((e: { code: string }) => e.code === 'CONFLICT')).toBe(true);
  }
  // Some pairs marked distinct.
  const ids = (await db.runText<{ id: string }>('MATCH (c:Customer) WHERE c.id STARTS WITH $px RETURN c.id AS id ORDER BY id', { px })).map(
    (r) => r.id,
  );
  for (let k = 0; k < 6; k++) {
    const a = ids[Math.floor(rand() * ids.length)]!;
    const b = ids[Math.floor(rand() * ids.length)]!;
    if (a !== b) await expectData(db, `mutation($ids: [ID!]!) { markCustomersDistinct(ids: $ids) { errors { path } } }`, { ids: [a, b] });
  }
  // The random draws above depend on this run's token (its letters change how many numbers vary() takes), so they may
  // or may not produce a domain group or a group of three. These five always do: a base domain with a sub-domain of
  // it, and three spellings of one name. Created after the distinct marks, so no mark can split them.
  const fixed = [
    { id: `${px}g0`, name: `Anchor ${token} One`, domain: `${token}g.example` },
    { id: `${px}g1`, name: `Anchor ${token} Two`, domain: `eu.${token}g.example` },
    { id: `${px}g2`, name: `Triad ${token} Works, Inc.`, domain: null },
    { id: `${px}g3`, name: `TRIAD ${token}  works LLC`, domain: null },
    { id: `${px}g4`, name: `Tríad ${token.toUpperCase()} Wórks`, domain: null },
  ];
  for (const input of fixed) {
    const result = await expectData(
      db,
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { path code } } }`,
      { input },
    );
    expect(result.data.createCustomer.errors).toEqual([]);
  }
});
afterAll(() => removeByPrefix(db, px));

describe('customerDuplicates', () => {
  it('equals a brute force of the rules over every customer, page by page', async () => {
    const customers = await db.runText<Stored>('MATCH (c:Customer) RETURN c.id AS id, c.name AS name, c.domain AS domain ORDER BY id');
    const distinct = new Set(
      (await db.runText<{ a: string; b: string }>('MATCH (a:Customer)-[:DISTINCT_FROM]-(b:Customer) RETURN a.id AS a, b.id AS b')).map(
        (p) => `${p.a} ${p.b}`,
      ),
    );
    const names = customers.map((c) => referenceName(c.name));
    const linked = (i: number, j: number): ('SAME_DOMAIN' | 'SAME_NAME')[] => {
      if (i === j || distinct.has(`${customers[i]!.id} ${customers[j]!.id}`)) return [];
      const a = customers[i]!.domain;
      const b = customers[j]!.domain;
      const reasons: ('SAME_DOMAIN' | 'SAME_NAME')[] = [];
      if (a && b && (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`))) reasons.push('SAME_DOMAIN');
      if (names[i] !== '' && names[i] === names[j]) reasons.push('SAME_NAME');
      return reasons;
    };
    const n = customers.length;
    const component = new Array<number>(n).fill(-1);
    const expected: { members: string[]; reasons: string[] }[] = [];
    for (let start = 0; start < n; start++) {
      if (component[start] !== -1) continue;
      component[start] = start;
      const members = [start];
      const reasons = new Set<string>();
      for (let k = 0; k < members.length; k++) {
        for (let j = 0; j < n; j++) {
          const why = linked(members[k]!, j);
          if (why.length === 0) continue;
          for (const r of why) reasons.add(r);
          if (component[j] === -1) {
            component[j] = start;
            members.push(j);
          }
        }
      }
      if (members.length >= 2) {
        expected.push({
          members: members.map((m) => customers[m]!.id).sort(),
          reasons: ['SAME_DOMAIN', 'SAME_NAME'].filter((r) => reasons.has(r)),
        });
      }
    }
    expected.sort((x, y) => (x.members[0]! < y.members[0]! ? -1 : 1));

    const actual: { members: string[]; reasons: string[] }[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page: any = await expectData(
        db,
        `query($after: String) { customerDuplicates(first: 7, after: $after) { totalCount edges { node { members { id } reasons } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const conn = page.data.customerDuplicates;
      total = conn.totalCount;
      actual.push(...conn.edges.map((e: any) => ({ members: e.node.members.map((m: { id: string }) => m.id), reasons: e.node.reasons })));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    // The generated names must have produced real groups of both kinds, or the check proves little.
    const mine = expected.filter((g) => g.members.some((m) => m.startsWith(px)));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.some((g) => g.reasons.includes('SAME_DOMAIN'))).toBe(true);
    expect(mine.some((g) => g.members.length >= 3)).toBe(true);
    // The domain links the database finds are exactly the brute force's (before distinct marks).
    const domainPairs = (await db.read<{ reason: string; ids: string[] }>('identity/list-duplicate-links'))
      .filter((r) => r.reason === 'SAME_DOMAIN')
      .map((r) => [...r.ids].sort().join(' '))
      .sort();
    const expectedPairs: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = customers[i]!.domain;
        const b = customers[j]!.domain;
        if (a && b && (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)))
          expectedPairs.push([customers[i]!.id, customers[j]!.id].sort().join(' '));
      }
    }
    expect(domainPairs).toEqual(expectedPairs.sort());
    expect(actual).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it('is refused to partners', async () => {
    const { runOperation } = await import('./support/api.js');
    const result = await runOperation(
      db,
      '{ customerDuplicates { totalCount } }',
      {},
      { role: 'PARTNER', subject: 'p', partnerId: `${px}p` },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
