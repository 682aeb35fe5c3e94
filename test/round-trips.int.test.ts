// The nested partner page costs one Cypher round-trip (one statement per root field, src/read/), whatever the page
// size; a page the resolvers answer level by level costs one per level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('trips');
const PARTNERS = 105;

beforeAll(async () => {
  // Partner i (001..105) holds cap(i % 3), has an account on cust(i % 3) and sourced deal i there, worth 10 * i USD.
  const numbers = Array.from({ length: PARTNERS }, (_, k) => k + 1);
  const num = (i: number) => String(i).padStart(3, '0');
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [0, 1, 2].map((k) => ({ id: `cap${k}`, name: `Capability ${k}` })),
      customers: [0, 1, 2].map((k) => ({ id: `cust${k}`, name: `Customer ${k}` })),
      partners: numbers.map((i) => ({
        id: `p${num(i)}`,
        name: `${px} Partner ${num(i)}`,
        types: ['RESELLER'],
        tier: 'SILVER',
        capabilities: [{ capabilityId: `cap${i % 3}`, level: 'CERTIFIED' }],
      })),
      accounts: numbers.map((i) => ({ partnerId: `p${num(i)}`, customerId: `cust${i % 3}`, status: 'CUSTOMER' })),
      deals: numbers.map((i) => ({
        id: `d${num(i)}`,
        name: `Deal ${num(i)}`,
        customerId: `cust${i % 3}`,
        stage: 'QUALIFIED',
        amount: `${10 * i}.00`,
        currency: 'USD',
        createdAt: '2025-01-01T00:00:00Z',
        registrationStatus: 'APPROVED',
        participants: [{ partnerId: `p${num(i)}`, role: 'RESELLER', sourced: true }],
      })),
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

// Through the default server configuration (request limits included), as a client would; three times, as the first
// request of a document runs on graphql-js and the later ones on graphql-jit (src/http/execute.ts): each makes as many
// round-trips, so both share one request's loaders among all their resolvers.
async function runWithDefaults(query: string, variables: Record<string, unknown>) {
  const runs = [];
  for (let pass = 0; pass < 3; pass++) runs.push(await expectData(db, query, variables));
  const { data, stats } = runs[0]!;
  for (const run of runs.slice(1)) {
    expect(run.data).toEqual(data);
    expect(run.stats.roundTrips).toBe(stats.roundTrips);
  }
  return { data: data as Record<string, any>, stats };
}

describe('round-trips', () => {
  it('a page of 100 partners with capabilities, accounts and deals takes one round-trip', async () => {
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
    expect(stats.roundTrips).toBe(1);
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
      participants: [
        { role: 'RESELLER', sourced: true, partner: { id: `${px}p003`, capabilities: [{ capability: { id: `${px}cap0` } }] } },
      ],
    });
    // list-deals, customers, participants, partners' capabilities.
    expect(stats.roundTrips).toBe(4);
  });
});
