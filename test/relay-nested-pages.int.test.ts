// The nested list connections page and count in the database (README, "Connections, filters and orders"): each of
// the 16 stored lists is paged forward and backward under ID and NAME in both directions and compared with a brute
// force over the generated graph (names tie, so the far end's id decides); as PARTNER viewers, pages and totalCount
// equal the plain (scoped) list; a selection of only totalCount runs the count statement and never reads an item;
// many parents' pages are one statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture } from './support/fixture.js';
import { prng } from './support/random.js';
import type { CypherExecutor } from '../src/db/executor.js';
import type { Viewer } from '../src/context.js';

const db = testExecutor();
const px = uniquePrefix('nested');
const random = prng(1717);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => random() < p);
const pad = (i: number) => String(i).padStart(2, '0');
const STEMS = ['alpha', 'Alpha', 'beta', 'Beta'];
const name = () => `${pick(STEMS)} ${pick(['One', 'two'])}`;

interface Named {
  id: string;
  name: string;
}
const caps: (Named & { parentId?: string })[] = [];
const partners: (Named & {
  capabilities: string[];
  levels: Record<string, string>;
  integratesWith: string[];
  grants: { to: string; level: string }[];
})[] = [];
const customers: (Named & { needs: string[] })[] = [];
const accounts: { partnerId: string; customerId: string }[] = [];
const solutions: (Named & { requires: string[]; members: string[] })[] = [];
const deals: (Named & { customerId: string; solutionId?: string; stage: string; participants: string[] })[] = [];
const LEVELS = ['BASIC', 'CERTIFIED', 'EXPERT'];
const STAGES = ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];

beforeAll(async () => {
  for (let i = 0; i < 14; i++) caps.push({ id: `${px}k${pad(i)}`, name: name(), ...(i >= 3 ? { parentId: `${px}k0${i % 3}` } : {}) });
  for (let i = 0; i < 14; i++)
    partners.push({
      id: `${px}p${pad(i)}`,
      name: name(),
      capabilities: some(caps, 0.45).map((c) => c.id),
      levels: {},
      integratesWith: [],
      grants: [],
    });
  for (const p of partners) for (const c of p.capabilities) p.levels[c] = pick(LEVELS);
  for (const p of partners) {
    p.integratesWith = some(partners, 0.25)
      .filter((q) => q.id !== p.id)
      .map((q) => q.id);
    p.grants = some(partners, 0.2)
      .filter((q) => q.id !== p.id)
      .map((q) => ({ to: q.id, level: pick(['COUNTS', 'OVERLAPS', 'FULL']) }));
  }
  for (let i = 0; i < 10; i++) customers.push({ id: `${px}c${pad(i)}`, name: name(), needs: some(caps, 0.4).map((c) => c.id) });
  for (const p of partners) for (const c of some(customers, 0.3)) accounts.push({ partnerId: p.id, customerId: c.id });
  for (let i = 0; i < 8; i++)
    solutions.push({
      id: `${px}s${pad(i)}`,
      name: name(),
      requires: some(caps, 0.4).map((c) => c.id),
      members: some(partners, 0.4).map((p) => p.id),
    });
  for (let i = 0; i < 30; i++) {
    const participants = some(partners, 0.2).map((p) => p.id);
    if (participants.length === 0) participants.push(pick(partners).id);
    deals.push({
      id: `${px}d${pad(i)}`,
      name: name(),
      customerId: pick(customers).id,
      ...(random() < 0.7 ? { solutionId: pick(solutions).id } : {}),
      stage: pick(STAGES),
      participants,
    });
  }
  await loadFixture(db, {
    capabilities: caps,
    partners: partners.map((p) => ({
      id: p.id,
      name: p.name,
      types: ['RESELLER'],
      capabilities: p.capabilities.map((capabilityId) => ({ capabilityId, level: p.levels[capabilityId] })),
      integratesWith: p.integratesWith,
      sharing: p.grants.map((g) => ({ partnerId: g.to, level: g.level })),
    })),
    customers: customers.map((c) => ({ id: c.id, name: c.name, needs: c.needs })),
    accounts: accounts.map((a) => ({ ...a, status: 'CUSTOMER' })),
    solutions: solutions.map((s) => ({
      id: s.id,
      name: s.name,
      status: 'PUBLISHED',
      requires: s.requires,
      members: s.members.map((partnerId) => ({ partnerId, role: 'RESELLER' })),
    })),
    deals: deals.map((d) => ({
      id: d.id,
      name: d.name,
      customerId: d.customerId,
      ...(d.solutionId ? { solutionId: d.solutionId } : {}),
      stage: d.stage,
      ...(d.stage.startsWith('CLOSED') ? { closedAt: '2025-02-01T00:00:00Z' } : {}),
      amount: '10.00',
      currency: 'USD',
      createdAt: '2025-01-01T00:00:00Z',
      registrationStatus: 'APPROVED',
      participants: d.participants.map((partnerId, k) => ({
        partnerId,
        role: 'RESELLER',
        sourced: k === 0,
        registeredAt: '2025-01-01T00:00:00Z',
      })),
    })),
  } as never);
}, 180_000);
afterAll(() => removeByPrefix(db, px));

const get = <T extends Named>(xs: T[], id: string): T => xs.find((x) => x.id === id)!;
const ids = (xs: Named[]) => xs.map((x) => x.id);
const all = <T extends Named>(xs: T[], keys: string[]) => keys.map((k) => get(xs, k));

/** One nested list: where it hangs, its connection and plain fields, where the far end sits in a node, its brute force. */
interface NestedList {
  owner: 'Partner' | 'Capability' | 'Customer' | 'Solution' | 'Deal';
  connection: string;
  plain: string;
  /** The field of a node holding the far end (capability, partner, ...); none when the node is the far end. */
  end?: string;
  parents: () => string[];
  /** The far ends of a parent's list, as the vendor sees it. */
  items: (parentId: string) => Named[];
  /** The count statement a totalCount-only selection runs. */
  countFile: string;
}

const LISTS: NestedList[] = [
  {
    owner: 'Partner',
    connection: 'capabilitiesConnection',
    plain: 'capabilities',
    end: 'capability',
    parents: () => ids(partners),
    items: (id) => all(caps, get(partners, id).capabilities),
    countFile: 'relay/count-partner-capabilities',
  },
  {
    owner: 'Partner',
    connection: 'integrationsConnection',
    plain: 'integrations',
    parents: () => ids(partners),
    items: (id) => partners.filter((q) => get(partners, id).integratesWith.includes(q.id) || q.integratesWith.includes(id)),
    countFile: 'relay/count-partner-integrations',
  },
  {
    owner: 'Partner',
    connection: 'solutionsConnection',
    plain: 'solutions',
    end: 'solution',
    parents: () => ids(partners),
    items: (id) => solutions.filter((s) => s.members.includes(id)),
    countFile: 'relay/count-partner-solutions',
  },
  {
    owner: 'Partner',
    connection: 'dealsConnection',
    plain: 'deals',
    end: 'deal',
    parents: () => ids(partners),
    items: (id) => deals.filter((d) => d.participants.includes(id)),
    countFile: 'relay/count-partner-deals',
  },
  {
    owner: 'Partner',
    connection: 'sharingGrantsConnection',
    plain: 'sharingGrants',
    end: 'to',
    parents: () => ids(partners),
    items: (id) =>
      all(
        partners,
        get(partners, id).grants.map((g) => g.to),
      ),
    countFile: 'relay/count-partner-sharing-grants',
  },
  {
    owner: 'Partner',
    connection: 'receivedSharingGrantsConnection',
    plain: 'receivedSharingGrants',
    end: 'from',
    parents: () => ids(partners),
    items: (id) => partners.filter((q) => q.grants.some((g) => g.to === id)),
    countFile: 'relay/count-partner-received-sharing-grants',
  },
  {
    owner: 'Capability',
    connection: 'childrenConnection',
    plain: 'children',
    parents: () => ids(caps).slice(0, 4),
    items: (id) => caps.filter((c) => c.parentId === id),
    countFile: 'relay/count-capability-children',
  },
  {
    owner: 'Capability',
    connection: 'partnersConnection',
    plain: 'partners',
    end: 'partner',
    parents: () => ids(caps),
    items: (id) => partners.filter((p) => p.capabilities.includes(id)),
    countFile: 'relay/count-capability-holders',
  },
  {
    owner: 'Capability',
    connection: 'neededByConnection',
    plain: 'neededBy',
    parents: () => ids(caps),
    items: (id) => customers.filter((c) => c.needs.includes(id)),
    countFile: 'relay/count-capability-needed-by',
  },
  {
    owner: 'Capability',
    connection: 'requiredByConnection',
    plain: 'requiredBy',
    parents: () => ids(caps),
    items: (id) => solutions.filter((s) => s.requires.includes(id)),
    countFile: 'relay/count-capability-required-by',
  },
  {
    owner: 'Customer',
    connection: 'needsConnection',
    plain: 'needs',
    parents: () => ids(customers),
    items: (id) => all(caps, get(customers, id).needs),
    countFile: 'relay/count-customer-needs',
  },
  {
    owner: 'Customer',
    connection: 'dealsConnection',
    plain: 'deals',
    parents: () => ids(customers),
    items: (id) => deals.filter((d) => d.customerId === id),
    countFile: 'relay/count-customer-deals',
  },
  {
    owner: 'Solution',
    connection: 'requiresConnection',
    plain: 'requires',
    parents: () => ids(solutions),
    items: (id) => all(caps, get(solutions, id).requires),
    countFile: 'relay/count-solution-requires',
  },
  {
    owner: 'Solution',
    connection: 'membersConnection',
    plain: 'members',
    end: 'partner',
    parents: () => ids(solutions),
    items: (id) => all(partners, get(solutions, id).members),
    countFile: 'relay/count-solution-members',
  },
  {
    owner: 'Solution',
    connection: 'dealsConnection',
    plain: 'deals',
    parents: () => ids(solutions),
    items: (id) => deals.filter((d) => d.solutionId === id),
    countFile: 'relay/count-solution-deals',
  },
  {
    owner: 'Deal',
    connection: 'participantsConnection',
    plain: 'participants',
    end: 'partner',
    parents: () => ids(deals).slice(0, 12),
    items: (id) => all(partners, get(deals, id).participants),
    countFile: 'relay/count-deal-participants',
  },
];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const farEnd = (list: NestedList, node: any): Named => (list.end ? node[list.end] : node);
const selection = (list: NestedList) => (list.end ? `id ${list.end} { id name }` : 'id name');

const connectionQuery = (
  list: NestedList,
) => `query($ids: [ID!]!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: ListOrder) {
  nodes(ids: $ids) { ... on ${list.owner} { id
    c: ${list.connection}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount edges { cursor node { ${selection(list)} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    plain: ${list.plain} { ${selection(list)} } } } }`;

/** Every page of one parent's connection, forward or backward: the far ends' ids in order, each page's totalCount. */
async function pageThrough(
  list: NestedList,
  parentId: string,
  orderBy: { field: string; direction: string },
  size: number,
  backward: boolean,
  viewer?: Viewer,
): Promise<{ ids: string[]; totals: number[]; plain: Named[] } | null> {
  const got: string[] = [];
  const totals: number[] = [];
  let plain: Named[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 60; guard++) {
    const vars: Record<string, unknown> = {
      ids: [parentId],
      orderBy,
      ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }),
    };
    const { data }: { data: any } = await expectData(db, connectionQuery(list), vars, viewer);
    const node = data.nodes[0];
    // A parent the viewer may not see is null.
    if (!node) return null;
    const c = node.c;
    plain = node.plain.map((x: any) => farEnd(list, x));
    totals.push(c.totalCount);
    expect(c.edges.length).toBeLessThanOrEqual(size);
    const page = c.edges.map((e: any) => farEnd(list, e.node).id);
    if (backward) got.unshift(...page);
    else got.push(...page);
    if (c.edges.length > 0) {
      expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
      expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
    }
    expect(backward ? c.pageInfo.hasNextPage : c.pageInfo.hasPreviousPage).toBe(cursor !== null);
    if (!(backward ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage)) return { ids: got, totals, plain };
    cursor = backward ? c.pageInfo.startCursor : c.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

function expected(items: Named[], field: string, direction: string): string[] {
  const key = (x: Named) => (field === 'NAME' ? x.name : x.id);
  const s = [...items].sort((a, b) => cmp(key(a), key(b)) || cmp(a.id, b.id)).map((x) => x.id);
  return direction === 'DESC' ? s.reverse() : s;
}

/** The database's executor with every named statement a request runs recorded in `ran`. */
function recording(ran: string[]): CypherExecutor {
  const spy = Object.create(db) as CypherExecutor;
  spy.forRequest = (...args: Parameters<CypherExecutor['forRequest']>) => {
    const inner = db.forRequest(...args);
    const read = inner.read.bind(inner);
    inner.read = ((file: string, params?: Record<string, unknown>) => {
      ran.push(file);
      return read(file, params);
    }) as CypherExecutor['read'];
    return inner;
  };
  return spy;
}

for (const list of LISTS) {
  describe(`${list.owner}.${list.connection}`, () => {
    it('pages forward and backward under ID and NAME, both directions, as the brute force; totalCount counts the whole list', async () => {
      const parents = list.parents();
      // The parents with the longest lists, and one with none if there is one.
      const sample = [...parents].sort((a, b) => list.items(b).length - list.items(a).length).slice(0, 3);
      const empty = parents.find((p) => list.items(p).length === 0);
      if (empty) sample.push(empty);
      for (const parentId of sample) {
        for (const field of ['ID', 'NAME']) {
          for (const direction of ['ASC', 'DESC']) {
            const want = expected(list.items(parentId), field, direction);
            const size = 1 + Math.floor(random() * 3);
            for (const backward of [false, true]) {
              const { ids: got, totals } = (await pageThrough(list, parentId, { field, direction }, size, backward))!;
              expect(got, `${parentId} ${field} ${direction} ${backward ? 'backward' : 'forward'}`).toEqual(want);
              expect(new Set(totals)).toEqual(new Set([want.length]));
            }
          }
        }
      }
    }, 300_000);

    it('as a PARTNER, pages and totalCount follow the plain list the PARTNER sees', async () => {
      for (const viewerPartner of partners.slice(0, 3)) {
        const viewer = { role: 'PARTNER', subject: 'nested-test', partnerId: viewerPartner.id } as Viewer;
        for (const parentId of list.parents().slice(0, 4)) {
          const paged = await pageThrough(list, parentId, { field: 'NAME', direction: 'DESC' }, 2, random() < 0.5, viewer);
          if (!paged) continue;
          expect(paged.ids).toEqual(expected(paged.plain, 'NAME', 'DESC'));
          expect(new Set(paged.totals)).toEqual(new Set([paged.plain.length]));
        }
      }
    }, 300_000);

    it('totalCount alone runs only the count statement (no item read); pages of many parents are one statement', async () => {
      const parents = list.parents();
      const ran: string[] = [];
      const { data } = await expectData(
        recording(ran),
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${list.owner} { id c: ${list.connection} { totalCount } } } }`,
        { ids: parents },
      );
      expect(data.nodes.map((n: any) => n.c.totalCount)).toEqual(parents.map((p) => list.items(p).length));
      expect(ran.filter((f) => f.startsWith('relay/') && f !== 'relay/get-id-kinds')).toEqual([list.countFile]);
      expect(ran.some((f) => f.endsWith('-page') || f.includes(`/get-${list.owner.toLowerCase()}-`))).toBe(false);

      const pages: string[] = [];
      const paged = await expectData(
        recording(pages),
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on ${list.owner} { id c: ${list.connection}(first: 2, orderBy: { field: NAME }) { edges { node { ${selection(list)} } } } } } }`,
        { ids: parents },
      );
      expect(pages.filter((f) => f.endsWith('-page'))).toHaveLength(1);
      for (const [k, n] of paged.data.nodes.entries())
        expect(n.c.edges.map((e: any) => farEnd(list, e.node).id)).toEqual(expected(list.items(parents[k]!), 'NAME', 'ASC').slice(0, 2));
    }, 120_000);
  });
}

describe('nested connections: filters', () => {
  const rankOf = (level: string) => LEVELS.indexOf(level);
  const FILTERED: [NestedList, (parentId: string, filter: any) => Named[], () => any][] = [
    [
      LISTS.find((l) => l.owner === 'Partner' && l.connection === 'capabilitiesConnection')!,
      (id, f) =>
        all(
          caps,
          get(partners, id).capabilities.filter((c) => rankOf(get(partners, id).levels[c]!) >= rankOf(f.minLevel)),
        ),
      () => ({ minLevel: pick(LEVELS) }),
    ],
    [
      LISTS.find((l) => l.owner === 'Capability' && l.connection === 'partnersConnection')!,
      (id, f) => partners.filter((p) => p.capabilities.includes(id) && rankOf(p.levels[id]!) >= rankOf(f.minLevel)),
      () => ({ minLevel: pick(LEVELS) }),
    ],
    ...(['Partner', 'Customer', 'Solution'] as const).map(
      (owner) =>
        [
          LISTS.find((l) => l.owner === owner && l.connection === 'dealsConnection')!,
          (id: string, f: any) =>
            LISTS.find((l) => l.owner === owner && l.connection === 'dealsConnection')!
              .items(id)
              .filter((d) => f.stages.includes(get(deals, d.id).stage)),
          () => ({ stages: some(STAGES, 0.4).concat(pick(STAGES)) }),
        ] as [NestedList, (parentId: string, filter: any) => Named[], () => any],
    ),
  ];
  for (const [list, items, randomFilter] of FILTERED) {
    it(`${list.owner}.${list.connection}(filter): pages both ways and totalCount equal the brute force`, async () => {
      const query = connectionQuery(list)
        .replace(
          '$orderBy: ListOrder)',
          `$orderBy: ListOrder, $filter: ${list.connection === 'dealsConnection' ? 'DealListFilter' : 'HoldingFilter'})`,
        )
        .replace('orderBy: $orderBy)', 'orderBy: $orderBy, filter: $filter)');
      for (const parentId of [...list.parents()].sort((a, b) => list.items(b).length - list.items(a).length).slice(0, 4)) {
        for (let n = 0; n < 3; n++) {
          const filter = randomFilter();
          const orderBy = { field: pick(['ID', 'NAME']), direction: pick(['ASC', 'DESC']) };
          const want = expected(items(parentId, filter), orderBy.field, orderBy.direction);
          const backward = random() < 0.5;
          const got: string[] = [];
          let cursor: string | null = null;
          for (let guard = 0; guard < 60; guard++) {
            const vars: Record<string, unknown> = {
              ids: [parentId],
              orderBy,
              filter,
              ...(backward ? { last: 2, before: cursor } : { first: 2, after: cursor }),
            };
            const { data }: { data: any } = await expectData(db, query, vars);
            const c = data.nodes[0].c;
            expect(c.totalCount, JSON.stringify(filter)).toBe(want.length);
            const page = c.edges.map((e: any) => farEnd(list, e.node).id);
            if (backward) got.unshift(...page);
            else got.push(...page);
            if (!(backward ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage)) break;
            cursor = backward ? c.pageInfo.startCursor : c.pageInfo.endCursor;
          }
          expect(got, `${parentId} ${JSON.stringify(filter)} ${JSON.stringify(orderBy)}`).toEqual(want);
        }
      }
    }, 300_000);
  }

  it('an empty stages list is BAD_USER_INPUT at filter.stages', async () => {
    const { errors } = await runOperation(
      db,
      `query($id: ID!) { partner(id: $id) { dealsConnection(filter: { stages: [] }) { totalCount } } }`,
      {
        id: partners[0]!.id,
      },
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.extensions?.path).toEqual(['filter', 'stages']);
  });
});

describe('nested connections: arguments', () => {
  it('refuses a negative size, mixed directions and cursors of another order at the argument', async () => {
    const list = LISTS[0]!;
    const parent = [...list.parents()].sort((a, b) => list.items(b).length - list.items(a).length)[0]!;
    const first = await expectData(db, connectionQuery(list), { ids: [parent], first: 1, orderBy: { field: 'NAME' } });
    const cursor = first.data.nodes[0].c.pageInfo.endCursor;
    const cases: [Record<string, unknown>, string][] = [
      [{ last: -1 }, 'last'],
      [{ first: 2, before: cursor, orderBy: { field: 'NAME' } }, 'before'],
      [{ first: 2, after: cursor, orderBy: { field: 'ID' } }, 'after'],
    ];
    for (const [vars, at] of cases) {
      const { errors } = await runOperation(db, connectionQuery(list), { ids: [parent], ...vars });
      expect(errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect((errors?.[0]?.extensions?.path as string[] | undefined)?.at(-1), JSON.stringify(errors)).toBe(at);
    }
  });
});
