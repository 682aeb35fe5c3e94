// Keyset paging, filters and counts of the partners connection and of accountsConnection, against brute forces:
// random partners (names with ties and mixed case), paged forward and backward under every order and direction and
// compared with sorting in TypeScript; random filters compared with filtering in TypeScript; nested pages and counts
// compared with the plain lists, as the vendor and as a PARTNER (README, "Connections, filters and orders").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, runOperation, type OperationResult } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { prng } from './support/random.js';
import type { Viewer } from '../src/context.js';

const db = testExecutor();
const px = uniquePrefix('relay');
const random = prng(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const some = <T>(xs: readonly T[], p = 0.4): T[] => xs.filter(() => random() < p);

const TYPES = ['TECHNOLOGY', 'RESELLER', 'SERVICES', 'MSP'] as const;
const TIERS = ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'] as const;
const STAGES = ['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED'] as const;
const LEVELS = ['BASIC', 'CERTIFIED', 'EXPERT'] as const;
const STATUSES = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] as const;
const REGIONS = [`${px}R1`, `${px}R2`, `${px}R3`];
const INDUSTRIES = [`${px}I1`, `${px}I2`, `${px}I3`];
const CAPS = [0, 1, 2].map((k) => `${px}cap${k}`);
const NAME_STEMS = ['alpha', 'Alpha', 'beta', 'Beta', 'gamma', 'delta'];

interface P {
  id: string;
  name: string;
  types: string[];
  tier: string;
  lifecycleStage: string;
  regions: string[];
  industries: string[];
  capabilities: { capabilityId: string; level: string }[];
  sharing: { partnerId: string; level: 'COUNTS' | 'OVERLAPS' | 'FULL' }[];
}
interface C {
  id: string;
  name: string;
}
interface A {
  partnerId: string;
  customerId: string;
  status: string;
}

const partners: P[] = [];
const customers: C[] = [];
const accounts: A[] = [];

beforeAll(async () => {
  for (let i = 0; i < 36; i++) {
    partners.push({
      id: `${px}p${String(i).padStart(2, '0')}`,
      // Few stems, so names tie and the id decides; a prefix of the test so the prefix filter has work to do.
      name: `${pick(NAME_STEMS)} ${pick(['One', 'two', 'Three'])}`,
      types: [TYPES[i % TYPES.length]!, ...some(TYPES, 0.3)].filter((t, k, all) => all.indexOf(t) === k),
      tier: pick(TIERS),
      lifecycleStage: pick(STAGES),
      regions: [pick(REGIONS), ...some(REGIONS, 0.3)].filter((t, k, all) => all.indexOf(t) === k),
      industries: some(INDUSTRIES),
      capabilities: some(CAPS, 0.5).map((capabilityId) => ({ capabilityId, level: pick(LEVELS) })),
      sharing: [],
    });
  }
  for (const p of partners) {
    for (const q of some(partners, 0.08))
      if (q.id !== p.id) p.sharing.push({ partnerId: q.id, level: pick(['COUNTS', 'OVERLAPS', 'FULL'] as const) });
  }
  for (let i = 0; i < 14; i++) customers.push({ id: `${px}c${String(i).padStart(2, '0')}`, name: `${pick(NAME_STEMS)} Corp` });
  for (const p of partners)
    for (const c of some(customers, 0.35)) accounts.push({ partnerId: p.id, customerId: c.id, status: pick(STATUSES) });
  await loadFixture(db, {
    capabilities: CAPS.map((id) => ({ id, name: id })),
    partners: partners.map((p) => ({ ...p, name: p.name })),
    customers: customers.map((c) => ({ ...c, needs: [] })),
    accounts: accounts as never,
  } as never);
  // External ids on two partners.
  for (const [k, p] of [partners[3]!, partners[7]!].entries()) {
    await expectData(db, `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { errors { message } } }`, {
      input: { id: p.id, externalIds: [{ system: 'crm', id: `${px}x${k}` }] },
    });
  }
}, 120_000);
afterAll(() => removeByPrefix(db, px));

const rank = (xs: readonly string[], x: string) => xs.indexOf(x);
const ORDERS: Record<string, (p: P) => string | number> = {
  ID: (p) => p.id,
  NAME: (p) => p.name,
  TIER: (p) => rank(TIERS, p.tier),
  LIFECYCLE_STAGE: (p) => rank(STAGES, p.lifecycleStage),
  ACCOUNT_COUNT: (p) => accounts.filter((a) => a.partnerId === p.id).length,
  CAPABILITY_COUNT: (p) => p.capabilities.length,
};
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function sorted(list: P[], field: string, direction: 'ASC' | 'DESC'): string[] {
  const key = ORDERS[field]!;
  const s = [...list].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id));
  if (direction === 'DESC') s.reverse();
  return s.map((p) => p.id);
}

const PAGE = `query($filter: PartnerFilter, $orderBy: PartnerOrder, $first: Int, $after: String, $last: Int, $before: String) {
  partners(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

async function pageThrough(
  vars: Record<string, unknown>,
  size: number,
  backward: boolean,
  viewer?: Viewer,
): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: OperationResult<any> = await expectData(
      db,
      PAGE,
      backward ? { ...vars, last: size, before: cursor } : { ...vars, first: size, after: cursor },
      viewer,
    );
    const { edges, pageInfo, totalCount } = page.data.partners;
    totals.push(totalCount);
    expect(edges.length).toBeLessThanOrEqual(size);
    const got = edges.map((e: any) => e.node.id);
    if (backward) ids.unshift(...got);
    else ids.push(...got);
    if (edges.length > 0) {
      expect(pageInfo.startCursor).toBe(edges[0].cursor);
      expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
    }
    const more = backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
    if (!more) return { ids, totals };
    cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('partners: keyset paging under every order', () => {
  const mine = { regions: REGIONS };
  for (const field of Object.keys(ORDERS)) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`${field} ${direction}: forward and backward pages give the brute-force order`, async () => {
        const expected = sorted(partners, field, direction);
        const vars = { filter: mine, orderBy: { field, direction } };
        const size = 1 + Math.floor(random() * 7);
        const forward = await pageThrough(vars, size, false);
        expect(forward.ids).toEqual(expected);
        const backward = await pageThrough(vars, size + 1, true);
        expect(backward.ids).toEqual(expected);
        expect(new Set([...forward.totals, ...backward.totals])).toEqual(new Set([expected.length]));
      }, 120_000);
    }
  }

  it('a cursor is exact in the middle: the page after the k-th row starts at row k+1, the page before it ends at k-1', async () => {
    const expected = sorted(partners, 'NAME', 'DESC');
    const all = await expectData(db, PAGE, { filter: mine, orderBy: { field: 'NAME', direction: 'DESC' }, first: 100 });
    const edges = all.data.partners.edges;
    for (const k of [0, 5, 17, edges.length - 1]) {
      const after = await expectData(db, PAGE, {
        filter: mine,
        orderBy: { field: 'NAME', direction: 'DESC' },
        first: 3,
        after: edges[k].cursor,
      });
      expect(after.data.partners.edges.map((e: any) => e.node.id)).toEqual(expected.slice(k + 1, k + 4));
      const before = await expectData(db, PAGE, {
        filter: mine,
        orderBy: { field: 'NAME', direction: 'DESC' },
        last: 3,
        before: edges[k].cursor,
      });
      expect(before.data.partners.edges.map((e: any) => e.node.id)).toEqual(expected.slice(Math.max(0, k - 3), k));
    }
  });

  it('refuses a cursor of another order, a cursor with the wrong direction, and sizes out of range, at the argument', async () => {
    const byName = await expectData(db, PAGE, { filter: mine, orderBy: { field: 'NAME' }, first: 2 });
    const cursor = byName.data.partners.pageInfo.endCursor;
    const cases: [Record<string, unknown>, string][] = [
      [{ orderBy: { field: 'TIER' }, first: 2, after: cursor }, 'after'],
      [{ orderBy: { field: 'ID' }, first: 2, after: cursor }, 'after'],
      [{ last: 101 }, 'last'],
      [{ first: -1 }, 'first'],
      [{ last: 2, after: cursor, orderBy: { field: 'NAME' } }, 'after'],
      [{ after: 'not a cursor!' }, 'after'],
      [{ filter: { regions: [] } }, 'filter'],
      [{ filter: { namePrefix: 'x'.repeat(201) } }, 'filter'],
    ];
    for (const [vars, at] of cases) {
      const { errors } = await runOperation(db, PAGE, { filter: mine, ...vars });
      expect(errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect((errors?.[0]?.extensions?.path as string[])[0], JSON.stringify(vars)).toBe(at);
    }
  });

  it('id-ordered cursors are the plain ids as before', async () => {
    const { data } = await expectData(db, PAGE, { filter: mine, first: 1 });
    expect(Buffer.from(data.partners.edges[0].cursor, 'base64url').toString()).toBe(sorted(partners, 'ID', 'ASC')[0]);
  });
});

describe('partners: filters against a brute force', () => {
  type F = Record<string, any>;
  const matches = (p: P, f: F): boolean =>
    (!f.types || p.types.some((t) => f.types.includes(t))) &&
    (!f.typesAll || f.typesAll.every((t: string) => p.types.includes(t))) &&
    (!f.tiers || f.tiers.includes(p.tier)) &&
    (!f.lifecycleStages || f.lifecycleStages.includes(p.lifecycleStage)) &&
    (!f.regions || p.regions.some((r) => f.regions.includes(r))) &&
    (!f.industries || p.industries.some((r) => f.industries.includes(r))) &&
    (!f.capabilities ||
      f.capabilities.every((want: any) =>
        p.capabilities.some((h) => h.capabilityId === want.capabilityId && rank(LEVELS, h.level) >= rank(LEVELS, want.minLevel ?? 'BASIC')),
      )) &&
    (!f.namePrefix || p.name.toLowerCase().startsWith(f.namePrefix.toLowerCase())) &&
    (!f.nameContains || p.name.toLowerCase().includes(f.nameContains.toLowerCase())) &&
    (!f.externalId || (f.externalId.id === `${px}x0` ? p === partners[3] : f.externalId.id === `${px}x1` ? p === partners[7] : false));

  function randomFilter(): F {
    const f: F = { regions: some(REGIONS, 0.6) };
    if (f.regions.length === 0) f.regions = [pick(REGIONS)];
    const maybe = (p: number, make: () => unknown, key: string) => {
      if (random() < p) f[key] = make();
    };
    maybe(0.3, () => [pick(TYPES), pick(TYPES)], 'types');
    maybe(0.3, () => [pick(TYPES), pick(TYPES)].filter((t, k, all) => all.indexOf(t) === k), 'typesAll');
    maybe(0.3, () => [pick(TIERS), pick(TIERS)], 'tiers');
    maybe(0.3, () => [pick(STAGES), pick(STAGES), pick(STAGES)], 'lifecycleStages');
    maybe(0.3, () => [pick(INDUSTRIES)], 'industries');
    maybe(
      0.4,
      () => [{ capabilityId: pick(CAPS), minLevel: pick(LEVELS) }, ...(random() < 0.4 ? [{ capabilityId: pick(CAPS) }] : [])],
      'capabilities',
    );
    maybe(0.3, () => pick(['al', 'BE', 'gam', 'Alpha t']), 'namePrefix');
    maybe(0.2, () => pick(['ha', 'ONE', 'ta T']), 'nameContains');
    maybe(0.1, () => ({ system: 'crm', id: `${px}x${pick([0, 1, 2])}` }), 'externalId');
    return f;
  }

  it('20 random filters: the pages and totalCount equal filtering in TypeScript', async () => {
    for (let n = 0; n < 20; n++) {
      const filter = randomFilter();
      const field = pick(Object.keys(ORDERS));
      const direction = pick(['ASC', 'DESC'] as const);
      const expected = sorted(
        partners.filter((p) => matches(p, filter)),
        field,
        direction,
      );
      const { ids, totals } = await pageThrough({ filter, orderBy: { field, direction } }, 8, random() < 0.5);
      expect(ids, JSON.stringify(filter)).toEqual(expected);
      expect(totals[0], JSON.stringify(filter)).toBe(expected.length);
    }
  }, 300_000);
});

const NESTED = `query($ids: [ID!]!, $first: Int, $after: String, $last: Int, $before: String, $filter: AccountFilter, $orderBy: AccountOrder) {
  nodes(ids: $ids) { ... on Partner { id accountsConnection(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id status customer { id name } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;

describe('accountsConnection', () => {
  it("pages each partner's accounts forward and backward under ID and NAME, with status filters, as a brute force", async () => {
    const customerName = new Map(customers.map((c) => [c.id, c.name]));
    for (const p of partners.slice(0, 5)) {
      for (const field of ['ID', 'NAME'] as const) {
        for (const direction of ['ASC', 'DESC'] as const) {
          const statuses: string[] | null = random() < 0.5 ? null : [pick(STATUSES), pick(STATUSES)];
          const mine = accounts.filter((a) => a.partnerId === p.id && (!statuses || statuses.includes(a.status)));
          const key = (a: A) => (field === 'NAME' ? customerName.get(a.customerId)! : a.customerId);
          const expected = [...mine].sort((a, b) => cmp(key(a), key(b)) || cmp(a.customerId, b.customerId)).map((a) => a.customerId);
          if (direction === 'DESC') expected.reverse();
          for (const backward of [false, true]) {
            const got: string[] = [];
            let cursor: string | null = null;
            for (let guard = 0; guard < 50; guard++) {
              const vars: Record<string, unknown> = { ids: [p.id], filter: statuses ? { statuses } : null, orderBy: { field, direction } };
              Object.assign(vars, backward ? { last: 3, before: cursor } : { first: 3, after: cursor });
              const { data } = await expectData(db, NESTED, vars);
              const c = data.nodes[0].accountsConnection;
              expect(c.totalCount).toBe(expected.length);
              const ids = c.edges.map((e: any) => e.node.customer.id);
              if (backward) got.unshift(...ids);
              else got.push(...ids);
              if (!(backward ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage)) break;
              cursor = backward ? c.pageInfo.startCursor : c.pageInfo.endCursor;
            }
            expect(got, `${p.id} ${field} ${direction} ${backward ? 'backward' : 'forward'}`).toEqual(expected);
          }
        }
      }
    }
  }, 300_000);

  it('equals the plain lists on both sides, and a page of 36 partners with counts and first pages is one statement per level', async () => {
    const ids = partners.map((p) => p.id);
    const result = await expectData(
      db,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Partner { id accounts { id status customer { id } }
         accountsConnection(first: 100) { totalCount edges { node { id status customer { id } } } } } } }`,
      { ids },
    );
    for (const n of result.data.nodes) {
      expect(n.accountsConnection.edges.map((e: any) => e.node)).toEqual(n.accounts);
      expect(n.accountsConnection.totalCount).toBe(n.accounts.length);
    }
    const counts = await expectData(
      db,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Partner { accountsConnection(first: 3) { totalCount edges { node { status } } } } } }`,
      { ids },
    );
    // id kinds, partners, pages, counts: four statements whatever the number of partners.
    expect(counts.stats.roundTrips).toBeLessThanOrEqual(4);
    for (const c of customers.slice(0, 6)) {
      const { data } = await expectData(
        db,
        `query($id: ID!) { customer(id: $id) { accounts { id partner { id } } accountsConnection(first: 100) { totalCount edges { node { id partner { id } } } } } }`,
        { id: c.id },
      );
      expect(data.customer.accountsConnection.edges.map((e: any) => e.node)).toEqual(data.customer.accounts);
      expect(data.customer.accountsConnection.totalCount).toBe(data.customer.accounts.length);
    }
  }, 120_000);

  it('totalCount alone reads no account: only the count statement runs', async () => {
    const { stats } = await expectData(db, `query($id: ID!) { partner(id: $id) { accountsConnection { totalCount } } }`, {
      id: partners[0]!.id,
    });
    // The partner and its count in one statement (src/read/: the count on the row, no page read).
    expect(stats.roundTrips).toBe(1);
  });
});

describe('scope: a PARTNER counts and pages what it may see', () => {
  it('for every partner and viewer sampled, totalCount, the pages and ACCOUNT_COUNT order follow the plain list as that viewer', async () => {
    for (const viewerPartner of partners.slice(0, 6)) {
      const viewer: Viewer = { role: 'PARTNER', subject: 'relay-test', partnerId: viewerPartner.id } as Viewer;
      const plain = await expectData(
        db,
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Partner { id accounts { customer { id } }
           accountsConnection(first: 100) { totalCount edges { node { customer { id } } } } } } }`,
        { ids: partners.map((p) => p.id) },
        viewer,
      );
      const visible = new Map<string, number>();
      for (const n of plain.data.nodes) {
        expect(n.accountsConnection.totalCount).toBe(n.accounts.length);
        expect(n.accountsConnection.edges.map((e: any) => e.node)).toEqual(n.accounts);
        visible.set(n.id, n.accounts.length);
      }
      expect([...visible.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(accounts.length);
      const expected = [...partners].sort((a, b) => cmp(visible.get(b.id)!, visible.get(a.id)!) || cmp(b.id, a.id)).map((p) => p.id);
      const { ids } = await pageThrough(
        { filter: { regions: REGIONS }, orderBy: { field: 'ACCOUNT_COUNT', direction: 'DESC' } },
        7,
        false,
        viewer,
      );
      expect(ids).toEqual(expected);
    }
  }, 300_000);
});
