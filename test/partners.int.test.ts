import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('partners');

beforeAll(async () => {
  await db.runText(
    `UNWIND range(1, 5) AS i
     CREATE (p:Partner {id: $px + 'p' + i, name: 'Partner ' + i, types: CASE WHEN i % 2 = 0 THEN ['RESELLER'] ELSE ['TECHNOLOGY', 'SERVICES'] END,
             tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: ['EMEA'], industries: [], website: null})
     WITH p, i
     MERGE (c:Capability {id: $px + 'cap' + (i % 2)}) ON CREATE SET c.name = 'Cap ' + (i % 2)
     CREATE (p)-[:HAS_CAPABILITY {level: 'EXPERT'}]->(c)`,
    { px },
    'WRITE',
  );
});
afterAll(() => removeByPrefix(db, px));

describe('partners', () => {
  it('reads a partner by id with its capabilities', async () => {
    const { data } = await expectData(db, `query($id: ID!) { partner(id: $id) { id name types tier capabilities { level capability { id name } } } }`, {
      id: `${px}p1`,
    });
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
