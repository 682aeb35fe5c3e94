import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('partners');

beforeAll(async () => {
  // Partners 1..5: odd ones TECHNOLOGY and SERVICES with cap1, even ones RESELLER with cap0.
  const numbers = [1, 2, 3, 4, 5];
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [0, 1].map((k) => ({ id: `cap${k}`, name: `Cap ${k}` })),
      partners: numbers.map((i) => ({
        id: `p${i}`,
        name: `Partner ${i}`,
        types: i % 2 === 0 ? ['RESELLER'] : ['TECHNOLOGY', 'SERVICES'],
        tier: 'GOLD',
        regions: ['EMEA'],
        capabilities: [{ capabilityId: `cap${i % 2}`, level: 'EXPERT' }],
      })),
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('partners', () => {
  it('reads a partner by id with its capabilities', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { partner(id: $id) { id name types tier capabilities { level capability { id name } } } }`,
      {
        id: `${px}p1`,
      },
    );
    expect(data.partner).toEqual({
      id: `${px}p1`,
      name: 'Partner 1',
      types: ['TECHNOLOGY', 'SERVICES'],
      tier: 'GOLD',
      capabilities: [{ level: 'EXPERT', capability: { id: `${px}cap1`, name: 'Cap 1' } }],
    });
  });

  it('pages partners by keyset with a filter and a total count', async () => {
    const query = `query($f: PartnerFilter, $after: String) { partners(filter: $f, first: 2, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const filter = { nameContains: 'partner', types: ['TECHNOLOGY'], capabilityId: `${px}cap1` };
    const first = await expectData(db, query, { f: filter });
    expect(first.data.partners.totalCount).toBe(3);
    expect(first.data.partners.edges.map((e: any) => e.node.id)).toEqual([`${px}p1`, `${px}p3`]);
    expect(first.data.partners.pageInfo.hasNextPage).toBe(true);
    const second = await expectData(db, query, { f: filter, after: first.data.partners.pageInfo.endCursor });
    expect(second.data.partners.edges.map((e: any) => e.node.id)).toEqual([`${px}p5`]);
    expect(second.data.partners.pageInfo.hasNextPage).toBe(false);
  });
});
