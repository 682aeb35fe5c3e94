// The root connections besides partners (customers, deals, dealConflicts, solutions, capabilities) under every order
// and direction, forward and backward, against brute forces: random data with tied names, amounts and dates, paged
// through and compared with sorting in TypeScript; random filters compared with filtering in TypeScript; the deals
// and customers a PARTNER sees, with its own account counts (README, "Connections, filters and orders").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, runOperation, type OperationResult } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { prng } from './support/random.js';
import type { Viewer } from '../src/context.js';

const db = testExecutor();
const px = uniquePrefix('roots');
const random = prng(1616);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const some = <T>(xs: readonly T[], p = 0.4): T[] => xs.filter(() => random() < p);
const pad = (i: number) => String(i).padStart(2, '0');

const STEMS = ['alpha', 'Alpha', 'beta', 'Beta', 'gamma'];
const DEAL_STAGES = ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const;
const SOLUTION_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
const REGISTRATION = ['APPROVED', 'CONFLICT', 'PENDING_REVIEW'] as const;
const SEGMENTS = ['SMB', 'MID_MARKET', 'ENTERPRISE'] as const;
const REGION = `${px}R`;
const INDUSTRIES = [`${px}I1`, `${px}I2`];
// Few amounts and instants, so the orders tie and the id decides; two currencies, amounts of different widths.
const AMOUNTS = [
  ['USD', '100.00', 10000],
  ['USD', '2500.50', 250050],
  ['USD', '99.99', 9999],
  ['EUR', '100.00', 10000],
  ['EUR', '12000.00', 1200000],
] as const;
const INSTANTS = ['2025-01-01T00:00:00.000Z', '2025-02-01T10:00:00.123Z', '2025-02-01T10:00:00.124Z', '2024-12-31T23:59:59.999Z'];

const name = () => `${px}${pick(STEMS)} ${pick(['One', 'two'])}`;

interface Cap {
  id: string;
  name: string;
}
interface Part {
  id: string;
  capabilities: string[];
}
interface Cust {
  id: string;
  name: string;
  industry: string;
  segment: string;
}
interface Acc {
  partnerId: string;
  customerId: string;
}
interface Sol {
  id: string;
  name: string;
  status: string;
  members: string[];
}
interface Dl {
  id: string;
  name: string;
  customerId: string;
  stage: string;
  currency: string;
  amount: string;
  minor: number;
  createdAt: string;
  registrationStatus: string;
  participants: string[];
}

const caps: Cap[] = [];
const parts: Part[] = [];
const custs: Cust[] = [];
const accs: Acc[] = [];
const sols: Sol[] = [];
const deals: Dl[] = [];

beforeAll(async () => {
  for (let i = 0; i < 12; i++) caps.push({ id: `${px}cap${pad(i)}`, name: name() });
  for (let i = 0; i < 10; i++) parts.push({ id: `${px}p${pad(i)}`, capabilities: some(caps, 0.35).map((c) => c.id) });
  for (let i = 0; i < 16; i++) custs.push({ id: `${px}c${pad(i)}`, name: name(), industry: pick(INDUSTRIES), segment: pick(SEGMENTS) });
  for (const p of parts) for (const c of some(custs, 0.3)) accs.push({ partnerId: p.id, customerId: c.id });
  for (let i = 0; i < 12; i++)
    sols.push({ id: `${px}s${pad(i)}`, name: name(), status: pick(SOLUTION_STATUSES), members: some(parts, 0.3).map((p) => p.id) });
  for (let i = 0; i < 26; i++) {
    const [currency, amount, minor] = pick(AMOUNTS);
    const participants = some(parts, 0.2).map((p) => p.id);
    if (participants.length === 0) participants.push(pick(parts).id);
    deals.push({
      id: `${px}d${pad(i)}`,
      name: name(),
      customerId: pick(custs).id,
      stage: pick(DEAL_STAGES),
      currency,
      amount,
      minor,
      createdAt: pick(INSTANTS),
      registrationStatus: pick(REGISTRATION),
      participants,
    });
  }
  await loadFixture(db, {
    capabilities: caps,
    partners: parts.map((p) => ({
      id: p.id,
      name: p.id,
      types: ['RESELLER'],
      regions: [REGION],
      industries: [],
      capabilities: p.capabilities.map((capabilityId) => ({ capabilityId })),
    })),
    customers: custs.map((c) => ({ ...c, region: REGION, needs: [] })),
    accounts: accs.map((a) => ({ ...a, status: 'CUSTOMER' })),
    solutions: sols.map((s) => ({
      id: s.id,
      name: s.name,
      status: s.status,
      regions: [REGION],
      members: s.members.map((partnerId) => ({ partnerId, role: 'RESELLER' })),
    })),
    deals: deals.map((d) => ({
      id: d.id,
      name: d.name,
      customerId: d.customerId,
      stage: d.stage,
      amount: d.amount,
      currency: d.currency,
      createdAt: d.createdAt,
      ...(d.stage.startsWith('CLOSED') ? { closedAt: '2025-06-01T00:00:00Z' } : {}),
      registrationStatus: d.registrationStatus,
      participants: d.participants.map((partnerId, k) => ({ partnerId, role: 'RESELLER', sourced: k === 0, registeredAt: d.createdAt })),
    })),
  } as never);
  // External ids on one of each kind, set through the mutations.
  for (const [mutation, input, id] of [
    ['updateCustomer(input: $input) { errors { message } }', 'UpdateCustomerInput', custs[4]!.id],
    ['updateSolution(input: $input) { errors { message } }', 'UpdateSolutionInput', sols[2]!.id],
    ['updateCapability(input: $input) { errors { message } }', 'UpdateCapabilityInput', caps[5]!.id],
  ] as const) {
    await expectData(db, `mutation($input: ${input}!) { ${mutation} }`, {
      input: { id, externalIds: [{ system: 'crm', id: `${px}x-${id}` }] },
    });
  }
}, 180_000);
afterAll(() => removeByPrefix(db, px));

type Key = string | number;
const cmp = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);
const rank = (xs: readonly string[], x: string) => xs.indexOf(x);

/** One root connection: its field, argument types, the items the test made, each order's key, and a filter. */
interface Kind<T extends { id: string; name: string }> {
  field: string;
  filterType: string;
  orderType: string;
  items: () => T[];
  orders: Record<string, (x: T) => Key>;
  /** The filter that keeps the test's own items (other tests write to the same database). */
  mine: Record<string, unknown>;
  /** Extra filter conditions for the random filters, with their brute force. */
  conditions: [Record<string, unknown>, (x: T) => boolean][];
  externalIdOf?: () => T;
}

const KINDS: Kind<any>[] = [
  {
    field: 'customers',
    filterType: 'CustomerFilter',
    orderType: 'CustomerOrder',
    items: () => custs,
    orders: {
      ID: (c: Cust) => c.id,
      NAME: (c: Cust) => c.name,
      ACCOUNT_COUNT: (c: Cust) => accs.filter((a) => a.customerId === c.id).length,
    },
    mine: { region: REGION },
    conditions: [
      [{ industry: INDUSTRIES[0] }, (c: Cust) => c.industry === INDUSTRIES[0]],
      [{ segment: 'SMB' }, (c: Cust) => c.segment === 'SMB'],
    ],
    externalIdOf: () => custs[4]!,
  } satisfies Kind<Cust>,
  {
    field: 'deals',
    filterType: 'DealFilter',
    orderType: 'DealOrder',
    items: () => deals,
    orders: {
      ID: (d: Dl) => d.id,
      NAME: (d: Dl) => d.name,
      STAGE: (d: Dl) => rank(DEAL_STAGES, d.stage),
      // The currency, then the exact amount within it.
      AMOUNT: (d: Dl) => `${d.currency}:${String(d.minor).padStart(19, '0')}`,
      CREATED_AT: (d: Dl) => Date.parse(d.createdAt),
    },
    mine: { namePrefix: px },
    conditions: [
      [{ stages: ['PROPOSAL', 'CLOSED_WON'] }, (d: Dl) => ['PROPOSAL', 'CLOSED_WON'].includes(d.stage)],
      [{ open: true }, (d: Dl) => !d.stage.startsWith('CLOSED')],
      [{ registrationStatuses: ['CONFLICT'] }, (d: Dl) => d.registrationStatus === 'CONFLICT'],
      [{ partnerId: `${px}p03` }, (d: Dl) => d.participants.includes(`${px}p03`)],
    ],
  } satisfies Kind<Dl>,
  {
    field: 'solutions',
    filterType: 'SolutionFilter',
    orderType: 'SolutionOrder',
    items: () => sols,
    orders: {
      ID: (s: Sol) => s.id,
      NAME: (s: Sol) => s.name,
      STATUS: (s: Sol) => rank(SOLUTION_STATUSES, s.status),
      MEMBER_COUNT: (s: Sol) => s.members.length,
    },
    mine: { region: REGION },
    conditions: [
      [{ statuses: ['PUBLISHED', 'DRAFT'] }, (s: Sol) => s.status !== 'RETIRED'],
      [{ partnerId: `${px}p01` }, (s: Sol) => s.members.includes(`${px}p01`)],
    ],
    externalIdOf: () => sols[2]!,
  } satisfies Kind<Sol>,
  {
    field: 'capabilities',
    filterType: 'CapabilityFilter',
    orderType: 'CapabilityOrder',
    items: () => caps,
    orders: {
      ID: (c: Cap) => c.id,
      NAME: (c: Cap) => c.name,
      HOLDER_COUNT: (c: Cap) => parts.filter((p) => p.capabilities.includes(c.id)).length,
    },
    mine: { namePrefix: px },
    conditions: [[{ rootsOnly: true }, () => true]],
    externalIdOf: () => caps[5]!,
  } satisfies Kind<Cap>,
];

function sorted<T extends { id: string }>(list: T[], key: (x: T) => Key, direction: 'ASC' | 'DESC'): string[] {
  const s = [...list].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id));
  if (direction === 'DESC') s.reverse();
  return s.map((x) => x.id);
}

const pageQuery = (field: string, filterType: string, orderType: string) =>
  `query($filter: ${filterType}, $orderBy: ${orderType}, $first: Int, $after: String, $last: Int, $before: String) {
    page: ${field}(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** Every page, forward or backward, of `query` with `vars`: the ids in order and each page's totalCount. */
async function pageThrough(
  query: string,
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
      query,
      backward ? { ...vars, last: size, before: cursor } : { ...vars, first: size, after: cursor },
      viewer,
    );
    const { edges, pageInfo, totalCount } = page.data.page;
    totals.push(totalCount);
    expect(edges.length).toBeLessThanOrEqual(size);
    const got = edges.map((e: any) => e.node.id);
    if (backward) ids.unshift(...got);
    else ids.push(...got);
    if (edges.length > 0) {
      expect(pageInfo.startCursor).toBe(edges[0].cursor);
      expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
    }
    // The other direction's flag says whether a cursor was given.
    expect(backward ? pageInfo.hasNextPage : pageInfo.hasPreviousPage).toBe(cursor !== null);
    const more = backward ? pageInfo.hasPreviousPage : pageInfo.hasNextPage;
    if (!more) return { ids, totals };
    cursor = backward ? pageInfo.startCursor : pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

for (const kind of KINDS) {
  const query = pageQuery(kind.field, kind.filterType, kind.orderType);
  describe(`${kind.field}: keyset paging under every order`, () => {
    for (const field of Object.keys(kind.orders)) {
      for (const direction of ['ASC', 'DESC'] as const) {
        it(`${field} ${direction}: forward and backward pages give the brute-force order`, async () => {
          const expected = sorted(kind.items(), kind.orders[field]!, direction);
          const vars = { filter: kind.mine, orderBy: { field, direction } };
          const size = 1 + Math.floor(random() * 6);
          const forward = await pageThrough(query, vars, size, false);
          expect(forward.ids).toEqual(expected);
          const backward = await pageThrough(query, vars, size + 1, true);
          expect(backward.ids).toEqual(expected);
          expect(new Set([...forward.totals, ...backward.totals])).toEqual(new Set([expected.length]));
        }, 120_000);
      }
    }

    it('a cursor in the middle: the page after row k starts at k+1, the page before it ends at k-1', async () => {
      const field = Object.keys(kind.orders)[1]!;
      const expected = sorted(kind.items(), kind.orders[field]!, 'DESC');
      const orderBy = { field, direction: 'DESC' };
      const all = await expectData(db, query, { filter: kind.mine, orderBy, first: 100 });
      const edges = all.data.page.edges;
      expect(edges.map((e: any) => e.node.id)).toEqual(expected);
      for (const k of [0, 3, edges.length - 1]) {
        const after = await expectData(db, query, { filter: kind.mine, orderBy, first: 3, after: edges[k].cursor });
        expect(after.data.page.edges.map((e: any) => e.node.id)).toEqual(expected.slice(k + 1, k + 4));
        const before = await expectData(db, query, { filter: kind.mine, orderBy, last: 3, before: edges[k].cursor });
        expect(before.data.page.edges.map((e: any) => e.node.id)).toEqual(expected.slice(Math.max(0, k - 3), k));
      }
    });

    it('refuses a cursor of another order, mixed directions, sizes out of range and long name texts, at the argument', async () => {
      const field = Object.keys(kind.orders)[1]!;
      const first = await expectData(db, query, { filter: kind.mine, orderBy: { field }, first: 2 });
      const cursor = first.data.page.pageInfo.endCursor;
      const cases: [Record<string, unknown>, string][] = [
        [{ orderBy: { field: 'ID' }, first: 2, after: cursor }, 'after'],
        [{ orderBy: { field, direction: 'DESC' }, last: 2, after: cursor }, 'after'],
        [{ last: 101 }, 'last'],
        [{ first: -1 }, 'first'],
        [{ after: 'not a cursor!' }, 'after'],
        [{ filter: { namePrefix: 'x'.repeat(201) } }, 'filter'],
        [{ filter: { externalId: { system: 'NOT VALID', id: 'x' } } }, 'filter'],
      ];
      for (const [vars, at] of cases) {
        const { errors } = await runOperation(db, query, { filter: kind.mine, ...vars });
        expect(errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
        expect((errors?.[0]?.extensions?.path as string[])[0], JSON.stringify(vars)).toBe(at);
      }
    });

    it('12 random filters (name prefix and substring, external id, the kind own ones): pages and totalCount equal filtering in TypeScript', async () => {
      for (let n = 0; n < 12; n++) {
        const filter: Record<string, unknown> = { ...kind.mine };
        const tests: ((x: any) => boolean)[] = [];
        for (const [condition, holds] of kind.conditions)
          if (random() < 0.4) {
            Object.assign(filter, condition);
            tests.push(holds);
          }
        if (random() < 0.4) {
          const prefix = `${px}${pick(['al', 'BE', 'Alpha t', 'gamma one'])}`;
          filter.namePrefix = prefix.toUpperCase();
          tests.push((x) => x.name.toLowerCase().startsWith(prefix.toLowerCase()));
        }
        if (random() < 0.3) {
          const text = pick(['HA ', 'two', 'ta o']);
          filter.nameContains = text;
          tests.push((x) => x.name.toLowerCase().includes(text.toLowerCase()));
        }
        if (kind.externalIdOf && random() < 0.2) {
          const target = random() < 0.7 ? kind.externalIdOf() : kind.items()[0];
          filter.externalId = { system: 'crm', id: `${px}x-${target.id}` };
          tests.push((x) => x.id === kind.externalIdOf!().id && target.id === x.id);
        }
        const field = pick(Object.keys(kind.orders));
        const direction = pick(['ASC', 'DESC'] as const);
        const expected = sorted(
          kind.items().filter((x) => tests.every((t) => t(x))),
          kind.orders[field]!,
          direction,
        );
        const { ids, totals } = await pageThrough(query, { filter, orderBy: { field, direction } }, 5, random() < 0.5);
        expect(ids, JSON.stringify(filter)).toEqual(expected);
        expect(new Set(totals), JSON.stringify(filter)).toEqual(new Set([expected.length]));
      }
    }, 120_000);
  });
}

describe('root connections as a PARTNER and dealConflicts', () => {
  it('a PARTNER pages only the deals it is on, and the customers it has accounts on or deals with, counting its own accounts', async () => {
    const deals$ = pageQuery('deals', 'DealFilter', 'DealOrder');
    const customers$ = pageQuery('customers', 'CustomerFilter', 'CustomerOrder');
    for (const v of parts.slice(0, 4)) {
      const viewer = { role: 'PARTNER', subject: 'roots-test', partnerId: v.id } as Viewer;
      const mineDeals = deals.filter((d) => d.participants.includes(v.id));
      const got = await pageThrough(
        deals$,
        { filter: { namePrefix: px }, orderBy: { field: 'AMOUNT', direction: 'DESC' } },
        3,
        true,
        viewer,
      );
      expect(got.ids).toEqual(sorted(mineDeals, KINDS[1]!.orders.AMOUNT!, 'DESC'));
      expect(new Set(got.totals)).toEqual(new Set([mineDeals.length]));
      // Without sharing grants, a partner sees its own accounts only.
      const own = (c: Cust) => accs.filter((a) => a.customerId === c.id && a.partnerId === v.id).length;
      const visible = custs.filter((c) => own(c) > 0 || mineDeals.some((d) => d.customerId === c.id));
      const gotCustomers = await pageThrough(
        customers$,
        { filter: { region: REGION }, orderBy: { field: 'ACCOUNT_COUNT' } },
        4,
        false,
        viewer,
      );
      expect(gotCustomers.ids).toEqual(sorted(visible, own, 'ASC'));
      expect(new Set(gotCustomers.totals)).toEqual(new Set([visible.length]));
    }
  }, 120_000);

  it('dealConflicts takes the deals orders and pages both ways', async () => {
    const query = `query($orderBy: DealOrder, $first: Int, $after: String, $last: Int, $before: String) {
      page: dealConflicts(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    // Other tests' conflicts share the database: compare the order of this test's deals within the answer.
    const all = await expectData(db, query, { orderBy: { field: 'STAGE', direction: 'DESC' }, first: 100 });
    expect(all.data.page.pageInfo.hasNextPage).toBe(false);
    const ids: string[] = all.data.page.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith(px));
    expect(ids).toEqual(
      sorted(
        deals.filter((d) => d.registrationStatus === 'CONFLICT'),
        KINDS[1]!.orders.STAGE!,
        'DESC',
      ),
    );
    const last = await expectData(db, query, { orderBy: { field: 'STAGE', direction: 'DESC' }, last: 2 });
    expect(last.data.page.edges.map((e: any) => e.node.id)).toEqual(all.data.page.edges.slice(-2).map((e: any) => e.node.id));
  });
});
