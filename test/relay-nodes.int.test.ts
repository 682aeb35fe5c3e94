// Global object identification (README, "Global object identification"): node(id) gives back every Node type as
// its own field does, nodes keeps order and bounds, ids are unique across kinds (CONFLICT at input.id on create,
// and migration 008's check lists clashes), a PARTNER gets null for what it may not see, map elements have own ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, runOperation } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { requireNoIdClashes } from '../src/db/migrate.js';
import type { Viewer } from '../src/context.js';

const db = testExecutor();
const px = uniquePrefix('nodes');
const id = (s: string) => `${px}${s}`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [
        { id: 'cap', name: 'Cap' },
        { id: 'cap2', name: 'Cap two', parentId: 'cap' },
      ],
      partners: [
        { id: 'p1', name: 'P one', types: ['RESELLER'], capabilities: [{ capabilityId: 'cap', level: 'EXPERT' }] },
        { id: 'p2', name: 'P two', types: ['TECHNOLOGY'], sharing: [{ partnerId: 'p1', level: 'COUNTS' }], integratesWith: ['p1'] },
        { id: 'p3', name: 'P three', types: ['SERVICES'], integratesWith: ['p1'] },
      ],
      customers: [
        { id: 'c1', name: 'C one', needs: ['cap', 'cap2'] },
        { id: 'c2', name: 'C two' },
      ],
      accounts: [
        { partnerId: 'p1', customerId: 'c1', status: 'CUSTOMER' },
        { partnerId: 'p2', customerId: 'c2', status: 'PROSPECT' },
      ],
      solutions: [{ id: 's1', name: 'S one', members: [{ partnerId: 'p1', role: 'RESELLER' }], requires: ['cap'] }],
      deals: [
        {
          id: 'd1',
          name: 'D one',
          customerId: 'c1',
          stage: 'REGISTERED',
          amount: '10.00',
          currency: 'USD',
          createdAt: '2025-01-01T00:00:00.000Z',
          participants: [{ partnerId: 'p1', role: 'RESELLER', sourced: true }],
        },
      ],
    } as never),
  );
}, 60_000);
afterAll(() => removeByPrefix(db, px));

const NODE = `query($id: ID!) { node(id: $id) { __typename id } }`;

/** Every Node object reachable from the fixture through the plain fields, as [typename, id]. */
async function everyNode(viewer?: Viewer): Promise<[string, string][]> {
  const { data } = await expectData(
    db,
    `query($p: ID!, $c: ID!, $s: ID!, $d: ID!, $cap: ID!, $p2: ID!) {
      partner(id: $p) { __typename id capabilities { __typename id } accounts { __typename id } solutions { __typename id }
        deals { __typename id } sharingGrants { __typename id } receivedSharingGrants { __typename id } }
      p2: partner(id: $p2) { sharingGrants { __typename id } }
      customer(id: $c) { __typename id accounts { __typename id } }
      solution(id: $s) { __typename id members { __typename id } }
      deal(id: $d) { __typename id participants { __typename id } }
      capability(id: $cap) { __typename id partners { __typename id } } }`,
    { p: id('p1'), c: id('c1'), s: id('s1'), d: id('d1'), cap: id('cap'), p2: id('p2') },
    viewer,
  );
  const out: [string, string][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.__typename === 'string' && typeof o.id === 'string') out.push([o.__typename, o.id]);
      Object.values(o).forEach(walk);
    }
  };
  walk(data);
  return out;
}

describe('node and nodes', () => {
  it('every Node type reachable from the plain fields round-trips through node(id), with its own type', async () => {
    const all = await everyNode();
    const types = new Set(all.map(([t]) => t));
    expect([...types].sort()).toEqual(
      [
        'Account',
        'Capability',
        'CapabilityHolder',
        'Customer',
        'Deal',
        'DealParticipant',
        'DealParticipation',
        'Partner',
        'PartnerCapability',
        'SharingGrant',
        'Solution',
        'SolutionMember',
        'SolutionMembership',
      ].sort(),
    );
    const distinct = new Map(all.map(([t, i]) => [i, t]));
    // Ids are unique across types: no id is used by two types.
    for (const [t, i] of all) expect(distinct.get(i), i).toBe(t);
    for (const [nodeId, typename] of distinct.entries()) {
      const { data } = await expectData(db, NODE, { id: nodeId });
      expect(data.node, nodeId).toEqual({ __typename: typename, id: nodeId });
    }
    const { data } = await expectData(db, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [...distinct.keys(), id('missing'), 'Account~nobody~nothing', 'Nonsense~a~b'],
    });
    expect(data.nodes).toEqual([...[...distinct.entries()].map(([i, t]) => ({ __typename: t, id: i })), null, null, null]);
  });

  it('fields of a node read as from its own field (a partner with its accounts, an account with its ends)', async () => {
    const { data } = await expectData(
      db,
      `query($p: ID!, $a: ID!) {
        viaNode: node(id: $p) { ... on Partner { name accounts { status customer { name } } } }
        plain: partner(id: $p) { name accounts { status customer { name } } }
        account: node(id: $a) { ... on Account { status partner { id } customer { id } } } }`,
      { p: id('p1'), a: `Account~${id('p1')}~${id('c1')}` },
    );
    expect(data.viaNode).toEqual(data.plain);
    expect(data.account).toEqual({ status: 'CUSTOMER', partner: { id: id('p1') }, customer: { id: id('c1') } });
  });

  it('nodes takes 1 to 100 ids (BAD_USER_INPUT at ids otherwise)', async () => {
    for (const ids of [[], Array.from({ length: 101 }, (_, k) => `x${k}`)]) {
      const { errors } = await runOperation(db, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['ids'] });
    }
  });

  it('a PARTNER gets null for what its own fields would not show it, and the same objects otherwise', async () => {
    const viewer = { role: 'PARTNER', subject: 'nodes-test', partnerId: id('p3') } as Viewer;
    const hidden = [
      id('c1'),
      id('d1'),
      id('s1'),
      `Account~${id('p1')}~${id('c1')}`,
      `DealParticipation~${id('p1')}~${id('d1')}`,
      `SolutionMember~${id('s1')}~${id('p1')}`,
      `SharingGrant~${id('p2')}~${id('p1')}`,
      `DealParticipant~${id('d1')}~${id('p1')}`,
      `SolutionMembership~${id('p1')}~${id('s1')}`,
    ];
    const { data } = await expectData(db, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: hidden }, viewer);
    expect(data.nodes).toEqual(hidden.map(() => null));
    const visible = [id('p1'), id('cap'), `PartnerCapability~${id('p1')}~${id('cap')}`, `CapabilityHolder~${id('cap')}~${id('p1')}`];
    const seen = await expectData(db, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: visible }, viewer);
    expect(seen.data.nodes).toEqual(visible.map((i) => ({ id: i })));
    // p1 sees the grant p2 gave it, and its own account.
    const own = { role: 'PARTNER', subject: 'nodes-test', partnerId: id('p1') } as Viewer;
    const mine = [`SharingGrant~${id('p2')}~${id('p1')}`, `Account~${id('p1')}~${id('c1')}`];
    const got = await expectData(db, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: mine }, own);
    expect(got.data.nodes).toEqual(mine.map((i) => ({ id: i })));
  });
});

describe('ids unique across kinds', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['createCustomer', 'CreateCustomerInput', { id: 'p1', name: 'Clash' }],
    ['createPartner', 'CreatePartnerInput', { id: 'c1', name: 'Clash', types: ['RESELLER'] }],
    ['createCapability', 'CreateCapabilityInput', { id: 'd1', name: 'Clash' }],
    ['createSolution', 'CreateSolutionInput', { id: 'cap', name: 'Clash' }],
    ['saveSolution', 'SaveSolutionInput', { id: 'p2', name: 'Clash', capabilityIds: [id('cap')], members: [{ partnerId: id('p1') }] }],
  ];
  for (const [mutation, inputType, input] of cases) {
    it(`${mutation} with another kind's id is CONFLICT at input.id and writes nothing`, async () => {
      const before = await graphFingerprint(db);
      const { data } = await expectData(
        db,
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { errors { path code message } } }`,
        { input: { ...input, id: id(input.id as string) } },
      );
      expect(data[mutation].errors).toEqual([
        { path: ['input', 'id'], code: 'CONFLICT', message: expect.stringContaining('unique across kinds') },
      ]);
      expect(await graphFingerprint(db)).toEqual(before);
    });
  }

  it("registerDeal with another kind's id is CONFLICT at input.id", async () => {
    const { data } = await expectData(
      db,
      `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path code } } }`,
      {
        input: {
          id: id('c2'),
          name: 'Clash',
          customerId: id('c2'),
          amount: '1.00',
          currency: 'USD',
          participants: [{ partnerId: id('p2'), role: 'RESELLER' }],
        },
      },
    );
    expect(data.registerDeal).toEqual({ deal: null, errors: [{ path: ['input', 'id'], code: 'CONFLICT' }] });
  });

  it('the Entity constraint refuses what skips the check (a raw write), as CONFLICT-able constraint errors', async () => {
    await expect(db.runText('CREATE (:Customer:Entity {id: $id})', { id: id('p1') }, 'WRITE')).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('migration 008 checks existing data first and lists the clashing ids with their kinds', async () => {
    await expect(requireNoIdClashes(db)).resolves.toBeUndefined();
    // Older data, written before the Entity label: a customer and a solution with a partner's id.
    await db.runText('CREATE (:Customer {id: $id}), (:Solution {id: $id})', { id: id('p3') }, 'WRITE');
    try {
      const error = await requireNoIdClashes(db).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toContain(`"${id('p3')}" (`);
      for (const kind of ['Partner', 'Customer', 'Solution']) expect(error?.message).toContain(kind);
      expect(error?.message).toContain('Migration 008-global-ids');
    } finally {
      await db.runText('MATCH (n:Customer|Solution {id: $id}) WHERE NOT n:Entity DELETE n', { id: id('p3') }, 'WRITE');
    }
  });
});

describe('map elements have their own ids', () => {
  it('MapNode.id differs from the entity id and between two views; entityId is the entity; edge ids are unique', async () => {
    const q = `query($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id entityId kind distance } edges { id source target kind } } }`;
    const one = await expectData(db, q, { input: { centerId: id('p1'), depth: 1 } });
    const two = await expectData(db, q, { input: { centerId: id('c1'), depth: 2 } });
    const again = await expectData(db, q, { input: { centerId: id('p1'), depth: 1 } });
    const nodes1 = one.data.ecosystemMap.nodes;
    expect(nodes1.map((n: any) => n.entityId)).toContain(id('p1'));
    for (const n of nodes1) expect(n.id).not.toBe(n.entityId);
    const ids2 = new Set(two.data.ecosystemMap.nodes.map((n: any) => n.id));
    for (const n of nodes1) expect(ids2.has(n.id)).toBe(false);
    expect(again.data.ecosystemMap.nodes.map((n: any) => n.id)).toEqual(nodes1.map((n: any) => n.id));
    const edgeIds = one.data.ecosystemMap.edges.map((e: any) => e.id);
    expect(edgeIds.length).toBeGreaterThan(0);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    // A map node's id names no Node.
    const { data } = await expectData(db, NODE, { id: nodes1[0].id });
    expect(data.node).toBeNull();
  });
});

describe('a connection beside every nested list', () => {
  const LISTS: [string, string, string, string][] = [
    ['partner', 'p1', 'capabilities', 'id capability { id name }'],
    ['partner', 'p1', 'solutions', 'id solution { id name }'],
    ['partner', 'p1', 'deals', 'id deal { id name }'],
    ['partner', 'p2', 'sharingGrants', 'id to { id name }'],
    ['partner', 'p1', 'receivedSharingGrants', 'id from { id name }'],
    ['partner', 'p1', 'integrations', 'id name'],
    ['capability', 'cap', 'partners', 'id partner { id name }'],
    ['capability', 'cap', 'children', 'id name'],
    ['capability', 'cap', 'neededBy', 'id name'],
    ['capability', 'cap', 'requiredBy', 'id name'],
    ['customer', 'c1', 'needs', 'id name'],
    ['customer', 'c1', 'deals', 'id name'],
    ['solution', 's1', 'requires', 'id name'],
    ['solution', 's1', 'members', 'id partner { id name }'],
    ['solution', 's1', 'deals', 'id name'],
    ['deal', 'd1', 'participants', 'id partner { id name }'],
    ['deal', 'd1', 'conflictsWith', 'id name'],
  ];
  it('each equals its plain list (order, items, totalCount), forward and backward one item at a time', async () => {
    for (const [root, key, field, selection] of LISTS) {
      const q = `query($id: ID!, $after: String, $before: String, $first: Int, $last: Int) { x: ${root}(id: $id) {
        ${field} { ${selection} }
        ${field}Connection(first: $first, after: $after, last: $last, before: $before) { totalCount edges { cursor node { ${selection} } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
      const all = await expectData(db, q, { id: id(key), first: 100 });
      const plain = all.data.x[field];
      const c = all.data.x[`${field}Connection`];
      expect(
        c.edges.map((e: any) => e.node),
        field,
      ).toEqual(plain);
      expect(c.totalCount, field).toBe(plain.length);
      for (const backward of [false, true]) {
        const got: unknown[] = [];
        let cursor: string | null = null;
        for (let guard = 0; guard <= plain.length; guard++) {
          const vars: Record<string, unknown> = backward
            ? { id: id(key), last: 1, before: cursor }
            : { id: id(key), first: 1, after: cursor };
          const page: any = (await expectData(db, q, vars)).data.x[`${field}Connection`];
          if (backward) got.unshift(...page.edges.map((e: any) => e.node));
          else got.push(...page.edges.map((e: any) => e.node));
          if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) break;
          cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
        }
        expect(got, `${field} ${backward ? 'backward' : 'forward'}`).toEqual(plain);
      }
    }
  }, 180_000);

  it("NAME DESC orders by the far end's name, ties by id", async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { partner(id: $id) { integrationsConnection(orderBy: { field: NAME, direction: DESC }) { edges { node { name } } } } }`,
      { id: id('p1') },
    );
    const names = data.partner.integrationsConnection.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort().reverse());
  });
});
