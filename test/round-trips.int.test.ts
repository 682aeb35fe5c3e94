// The nested partner page costs one Cypher round-trip per level, whatever the page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('trips');
const PARTNERS = 105;

beforeAll(async () => {
  await db.runText(
    `UNWIND range(0, 2) AS k
     CREATE (:Capability {id: $px + 'cap' + k, name: 'Capability ' + k})
     WITH count(*) AS _
     UNWIND range(0, 2) AS k
     CREATE (:Customer {id: $px + 'cust' + k, name: 'Customer ' + k})
     WITH count(*) AS _
     UNWIND range(1, $n) AS i
     WITH i, right('000' + toString(i), 3) AS num
     CREATE (p:Partner {id: $px + 'p' + num, name: $px + ' Partner ' + num, types: ['RESELLER'], tier: 'SILVER',
                        lifecycleStage: 'ACTIVE', regions: [], industries: []})
     WITH p, i, num
     MATCH (c:Capability {id: $px + 'cap' + (i % 3)}), (u:Customer {id: $px + 'cust' + (i % 3)})
     CREATE (p)-[:HAS_CAPABILITY {level: 'CERTIFIED'}]->(c)
     CREATE (p)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(u)
     CREATE (d:Deal {id: $px + 'd' + num, name: 'Deal ' + num, stage: 'QUALIFIED', amountMinor: 1000 * i, currency: 'USD',
                     createdAt: datetime('2025-01-01T00:00:00Z'), registrationStatus: 'APPROVED'})-[:FOR_CUSTOMER]->(u)
     CREATE (p)-[:PARTICIPATES_IN {role: 'RESELLER', sourced: true, registeredAt: datetime('2025-01-01T00:00:00Z')}]->(d)`,
    { px, n: PARTNERS },
    'WRITE',
  );
});
afterAll(() => removeByPrefix(db, px));

// Through the default server configuration (request limits included), as a client would.
async function runWithDefaults(query: string, variables: Record<string, unknown>) {
  const { data, stats } = await expectData(db, query, variables);
  return { data: data as Record<string, any>, stats };
}

describe('round-trips', () => {
  it('a page of 100 partners with capabilities, accounts and deals takes at most 4 round-trips', async () => {
    const { data, stats } = await runWithDefaults(
      `query($f: PartnerFilter) { partners(filter: $f, first: 100) { edges { node { id
         capabilities { level capability { id name } }
         accounts { status customer { id name } }
         deals { role deal { id name } } } } } }`,
      { f: { nameContains: px } },
    );
    const nodes = data.partners.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(100);
    expect(nodes[0]).toEqual({
      id: `${px}p001`,
      capabilities: [{ level: 'CERTIFIED', capability: { id: `${px}cap1`, name: 'Capability 1' } }],
      accounts: [{ status: 'CUSTOMER', customer: { id: `${px}cust1`, name: 'Customer 1' } }],
      deals: [{ role: 'RESELLER', deal: { id: `${px}d001`, name: 'Deal 001' } }],
    });
    expect(nodes[99].id).toBe(`${px}p100`);
    expect(nodes[99].deals).toEqual([{ role: 'RESELLER', deal: { id: `${px}d100`, name: 'Deal 100' } }]);
    console.log(`round-trips for 100 partners with capabilities, accounts and deals: ${stats.roundTrips}`);
    expect(stats.roundTrips).toBe(4);
  });

  it('a deal page with customers, solutions and participants batches each level', async () => {
    const { data, stats } = await runWithDefaults(
      `query($f: DealFilter) { deals(filter: $f, first: 50) { edges { node { id customer { id } solution { id } amount { amount currency }
         participants { role sourced partner { id capabilities { capability { id } } } } } } } }`,
      { f: { customerId: `${px}cust0` } },
    );
    const nodes = data.deals.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(35);
    expect(nodes[0]).toEqual({
      id: `${px}d003`,
      customer: { id: `${px}cust0` },
      solution: null,
      amount: { amount: '30.00', currency: 'USD' },
      participants: [{ role: 'RESELLER', sourced: true, partner: { id: `${px}p003`, capabilities: [{ capability: { id: `${px}cap0` } }] } }],
    });
    // list-deals, customers, participants, partners' capabilities.
    expect(stats.roundTrips).toBe(4);
  });
});
