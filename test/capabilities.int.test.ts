// The capability taxonomy: reads both ways, the filtered connection, and mutations with cycle refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('caps');
const UPDATE = `mutation($input: UpdateCapabilityInput!) { updateCapability(input: $input) { capability { id parent { id } } errors { path code message } } }`;

beforeAll(async () => {
  // root ← mid ← leaf, and a second root; holders, a customer and a solution on mid.
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [
        { id: 'root', name: 'Security', category: 'SEC' },
        { id: 'mid', name: 'Identity', category: 'SEC', description: 'Who is who', parentId: 'root' },
        { id: 'leaf', name: 'Single sign-on', category: 'SEC', parentId: 'mid' },
        { id: 'other', name: 'Analytics', category: 'DATA' },
      ],
      partners: [
        { id: 'p1', name: 'P1', types: ['TECHNOLOGY'], tier: 'GOLD', capabilities: [{ capabilityId: 'mid', level: 'EXPERT' }] },
        { id: 'p2', name: 'P2', types: ['SERVICES'], tier: 'GOLD', capabilities: [{ capabilityId: 'mid', level: 'BASIC' }] },
      ],
      customers: [{ id: 'cu', name: 'Customer', needs: ['mid'] }],
      solutions: [{ id: 'so', name: 'Solution', status: 'DRAFT', requires: ['mid'] }],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('capability reads', () => {
  it('reads a capability with its parent, children, holders, customers and solutions', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { capability(id: $id) { id name category description parent { id name } children { id parent { id } }
         partners { level partner { id } } experts: partners(level: EXPERT) { partner { id } }
         neededBy { id } requiredBy { id } } }`,
      { id: `${px}mid` },
    );
    expect(data.capability).toEqual({
      id: `${px}mid`,
      name: 'Identity',
      category: 'SEC',
      description: 'Who is who',
      parent: { id: `${px}root`, name: 'Security' },
      children: [{ id: `${px}leaf`, parent: { id: `${px}mid` } }],
      partners: [
        { level: 'EXPERT', partner: { id: `${px}p1` } },
        { level: 'BASIC', partner: { id: `${px}p2` } },
      ],
      experts: [{ partner: { id: `${px}p1` } }],
      neededBy: [{ id: `${px}cu` }],
      requiredBy: [{ id: `${px}so` }],
    });
  });

  it('filters and pages the connection', async () => {
    const query = `query($f: CapabilityFilter, $after: String) { capabilities(filter: $f, first: 1, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const roots = await expectData(db, query, { f: { rootsOnly: true, nameContains: '', category: 'SEC' } });
    expect(roots.data.capabilities).toMatchObject({
      totalCount: 1,
      edges: [{ node: { id: `${px}root` } }],
      pageInfo: { hasNextPage: false },
    });
    const sec = await expectData(
      db,
      `query { capabilities(filter: {category: "SEC", nameContains: "i"}, first: 10) { totalCount edges { node { id } } } }`,
    );
    // Every capability with category SEC whose name contains "i" (case-insensitive): ids ordered.
    const ids = sec.data.capabilities.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith(px));
    expect(ids).toEqual([`${px}leaf`, `${px}mid`, `${px}root`]);
    const children = await expectData(db, query, { f: { parentId: `${px}root` } });
    expect(children.data.capabilities.edges).toEqual([{ node: { id: `${px}mid` } }]);
  });
});

describe('capability mutations', () => {
  it('creates under a parent, idempotently, and reports a missing parent', async () => {
    const create = `mutation($input: CreateCapabilityInput!) { createCapability(input: $input) { capability { id name category description parent { id } } errors { path code } } }`;
    const made = await expectData(db, create, { input: { id: `${px}new`, name: ' MFA ', parentId: `${px}mid` } });
    expect(made.data.createCapability).toEqual({
      capability: { id: `${px}new`, name: 'MFA', category: null, description: null, parent: { id: `${px}mid` } },
      errors: [],
    });
    const again = await expectData(db, create, { input: { id: `${px}new`, name: 'MFA', category: 'SEC' } });
    expect(again.data.createCapability.capability).toEqual({
      id: `${px}new`,
      name: 'MFA',
      category: 'SEC',
      description: null,
      parent: null,
    });
    const before = await graphFingerprint(db);
    const missing = await expectData(db, create, { input: { id: `${px}new2`, name: 'X', parentId: `${px}ghost` } });
    expect(missing.data.createCapability).toEqual({ capability: null, errors: [{ path: ['input', 'parentId'], code: 'NOT_FOUND' }] });
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('moves a capability, refuses a cycle and leaves the graph unchanged', async () => {
    const before = await graphFingerprint(db);
    const cycle = await expectData(db, UPDATE, { input: { id: `${px}root`, name: 'Renamed', parentId: `${px}leaf` } });
    expect(cycle.data.updateCapability.capability).toBeNull();
    expect(cycle.data.updateCapability.errors).toMatchObject([{ path: ['input', 'parentId'], code: 'CONFLICT' }]);
    const self = await expectData(db, UPDATE, { input: { id: `${px}mid`, parentId: `${px}mid` } });
    expect(self.data.updateCapability.errors).toMatchObject([{ path: ['input', 'parentId'], code: 'CONFLICT' }]);
    expect(await graphFingerprint(db)).toEqual(before);
    const root = await expectData(db, `query { capability(id: "${px}root") { name parent { id } } }`);
    expect(root.data.capability).toEqual({ name: 'Security', parent: null });

    const moved = await expectData(db, UPDATE, { input: { id: `${px}leaf`, parentId: `${px}other` } });
    expect(moved.data.updateCapability).toEqual({ capability: { id: `${px}leaf`, parent: { id: `${px}other` } }, errors: [] });
    const rooted = await expectData(db, UPDATE, { input: { id: `${px}leaf`, parentId: null } });
    expect(rooted.data.updateCapability).toEqual({ capability: { id: `${px}leaf`, parent: null }, errors: [] });
    const kept = await expectData(
      db,
      `mutation { updateCapability(input: {id: "${px}mid", description: null}) { capability { description parent { id } } errors { code } } }`,
    );
    expect(kept.data.updateCapability).toEqual({ capability: { description: null, parent: { id: `${px}root` } }, errors: [] });
  });

  it('deletes a capability; its children become roots', async () => {
    await expectData(db, `mutation { createCapability(input: {id: "${px}top", name: "Top"}) { errors { code } } }`);
    await expectData(db, `mutation { createCapability(input: {id: "${px}kid", name: "Kid", parentId: "${px}top"}) { errors { code } } }`);
    const del = await expectData(db, `mutation { deleteCapability(id: "${px}top") { deletedId errors { code } } }`);
    expect(del.data.deleteCapability).toEqual({ deletedId: `${px}top`, errors: [] });
    const kid = await expectData(db, `query { capability(id: "${px}kid") { id parent { id } } top: capability(id: "${px}top") { id } }`);
    expect(kid.data).toEqual({ capability: { id: `${px}kid`, parent: null }, top: null });
  });
});
