// Deals, read side: a deal with its customer, solution, money and participants; the filters; deleteDeal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('dealsr');

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      customers: [
        { id: 'u1', name: 'U1' },
        { id: 'u2', name: 'U2' },
      ],
      solutions: [{ id: 's', name: 'S', status: 'PUBLISHED' }],
      partners: [
        { id: 'pa', name: 'A', types: ['RESELLER'], tier: 'GOLD' },
        { id: 'pb', name: 'B', types: ['TECHNOLOGY'], tier: 'GOLD' },
      ],
      deals: [
        {
          id: 'd1',
          name: 'Big',
          customerId: 'u1',
          solutionId: 's',
          stage: 'NEGOTIATION',
          amount: '125000.50',
          currency: 'USD',
          createdAt: '2025-03-01T09:30:00Z',
          registrationStatus: 'APPROVED',
          participants: [
            { partnerId: 'pb', role: 'TECHNOLOGY', sourced: false, registeredAt: '2025-03-02T00:00:00Z' },
            { partnerId: 'pa', role: 'RESELLER', sourced: true, registeredAt: '2025-03-01T09:30:00Z' },
          ],
        },
        {
          id: 'd2',
          name: 'Yen',
          customerId: 'u2',
          stage: 'CLOSED_WON',
          amount: '900',
          currency: 'JPY',
          createdAt: '2025-01-01T00:00:00Z',
          closedAt: '2025-02-01T00:00:00Z',
          registrationStatus: 'CONFLICT',
          participants: [{ partnerId: 'pa', role: 'RESELLER', sourced: false, registeredAt: '2025-01-01T00:00:00Z' }],
        },
        {
          id: 'd3',
          name: 'Lost',
          customerId: 'u2',
          stage: 'CLOSED_LOST',
          amount: '0.001',
          currency: 'BHD',
          createdAt: '2025-01-05T00:00:00Z',
          closedAt: '2025-01-06T00:00:00Z',
          registrationStatus: 'REJECTED',
        },
      ],
    }),
  );
  // Raw Cypher on purpose: the format has no deal events (the importer writes only an IMPORTED
  // one, stamped now), and the delete test looks for this dated one.
  await db.runText(
    `MATCH (d3:Deal {id: $px + 'd3'}) CREATE (d3)-[:HAS_EVENT]->(:DealEvent {at: datetime('2025-01-05T00:00:00Z'), kind: 'REGISTERED', to: 'REJECTED'})`,
    { px },
    'WRITE',
  );
});
afterAll(() => removeByPrefix(db, px));

describe('deal reads', () => {
  it('reads a deal with customer, solution, exact money and participants', async () => {
    const { data } = await expectData(
      db,
      `query { deal(id: "${px}d1") { id name stage registrationStatus createdAt closedAt amount { amount currency }
         customer { id name } solution { id } participants { role sourced registeredAt partner { id } } } }`,
    );
    // As a client sees it: executeOperation hands back DateTime values as Date objects.
    expect(JSON.parse(JSON.stringify(data.deal))).toEqual({
      id: `${px}d1`,
      name: 'Big',
      stage: 'NEGOTIATION',
      registrationStatus: 'APPROVED',
      createdAt: '2025-03-01T09:30:00.000Z',
      closedAt: null,
      amount: { amount: '125000.50', currency: 'USD' },
      customer: { id: `${px}u1`, name: 'U1' },
      solution: { id: `${px}s` },
      participants: [
        { role: 'RESELLER', sourced: true, registeredAt: '2025-03-01T09:30:00.000Z', partner: { id: `${px}pa` } },
        { role: 'TECHNOLOGY', sourced: false, registeredAt: '2025-03-02T00:00:00.000Z', partner: { id: `${px}pb` } },
      ],
    });
  });

  it('formats each currency with its minor digits and reads deals from partners and customers', async () => {
    const { data } = await expectData(
      db,
      `query { partner(id: "${px}pa") { deals { role sourced deal { id amount { amount currency } } } won: deals(stage: CLOSED_WON) { deal { id } } }
               customer(id: "${px}u2") { deals { id amount { amount currency } } } }`,
    );
    expect(data).toEqual({
      partner: {
        deals: [
          { role: 'RESELLER', sourced: true, deal: { id: `${px}d1`, amount: { amount: '125000.50', currency: 'USD' } } },
          { role: 'RESELLER', sourced: false, deal: { id: `${px}d2`, amount: { amount: '900', currency: 'JPY' } } },
        ],
        won: [{ deal: { id: `${px}d2` } }],
      },
      customer: {
        deals: [
          { id: `${px}d2`, amount: { amount: '900', currency: 'JPY' } },
          { id: `${px}d3`, amount: { amount: '0.001', currency: 'BHD' } },
        ],
      },
    });
  });

  it('filters deals', async () => {
    const query = `query($f: DealFilter) { deals(filter: $f, first: 10) { totalCount edges { node { id } } } }`;
    const ids = async (f: object) =>
      (await expectData(db, query, { f })).data.deals.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith(px));
    expect(await ids({ partnerId: `${px}pa` })).toEqual([`${px}d1`, `${px}d2`]);
    expect(await ids({ partnerId: `${px}pa`, open: true })).toEqual([`${px}d1`]);
    expect(await ids({ customerId: `${px}u2`, open: false })).toEqual([`${px}d2`, `${px}d3`]);
    expect(await ids({ customerId: `${px}u2`, stages: ['CLOSED_LOST', 'PROPOSAL'] })).toEqual([`${px}d3`]);
    expect(await ids({ solutionId: `${px}s` })).toEqual([`${px}d1`]);
    expect(await ids({ customerId: `${px}u2`, registrationStatuses: ['CONFLICT'] })).toEqual([`${px}d2`]);
    const counted = await expectData(db, query, { f: { customerId: `${px}u2` } });
    expect(counted.data.deals.totalCount).toBe(2);
  });

  it('deletes a deal with its events and participations', async () => {
    const del = await expectData(db, `mutation { deleteDeal(id: "${px}d3") { deletedId errors { code } } }`);
    expect(del.data.deleteDeal).toEqual({ deletedId: `${px}d3`, errors: [] });
    const [left] = await db.runText<{ n: number }>(
      `MATCH (e:DealEvent) WHERE NOT EXISTS { (:Deal)-[:HAS_EVENT]->(e) } AND e.to = 'REJECTED' AND e.at = datetime('2025-01-05T00:00:00Z') RETURN count(e) AS n`,
    );
    expect(left?.n).toBe(0);
    expect((await expectData(db, `query { deal(id: "${px}d3") { id } }`)).data.deal).toBeNull();
    const again = await expectData(db, `mutation { deleteDeal(id: "${px}d3") { deletedId errors { code } } }`);
    expect(again.data.deleteDeal).toEqual({ deletedId: null, errors: [] });
  });
});
