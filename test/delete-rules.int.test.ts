// Deletes keep deals whole (README, Delete rules): every delete and cascade keeps the invariants the
// API enforces elsewhere: a deal keeps at least one participant and its customer, its money splits
// sum to its amount, its solution changes only with a trace, and its history records every
// participant change. Hand-made cases, two races, and a random sequence of deletes checked against
// an oracle that replays each deal's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../src/money/money.js';
import { expectData, runOperation } from './support/api.js';
import { graphChecksum, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('delrules');
const id = (name: string) => `${px}${name}`;

const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path message code } } }`;
const DELETE = {
  partner: `mutation($id: ID!) { deletePartner(id: $id) { deletedId errors { path message code } } }`,
  customer: `mutation($id: ID!) { deleteCustomer(id: $id) { deletedId errors { path message code } } }`,
  solution: `mutation($id: ID!) { deleteSolution(id: $id) { deletedId errors { path message code } } }`,
  capability: `mutation($id: ID!) { deleteCapability(id: $id) { deletedId errors { path message code } } }`,
  deal: `mutation($id: ID!) { deleteDeal(id: $id) { deletedId errors { path message code } } }`,
} as const;
const REMOVE_PARTICIPANT = `mutation($input: RemoveDealParticipantInput!) { removeDealParticipant(input: $input) { deal { id } errors { path code } } }`;
const READ_DEAL = `query($id: ID!) { deal(id: $id) { id amount { amount currency } customer { id } solution { id }
  participants { partner { id } } history { kind from to note } } }`;
const ATTRIBUTION = `query($id: ID!, $model: AttributionModel!) { dealAttribution(dealId: $id, model: $model) { shares { partner { id } share { amount currency } } } }`;

async function createWorld(prefix: string, partners: string[], customers: string[], solutions: string[], capabilities: string[]) {
  await db.runText(
    `UNWIND $capabilities AS c CREATE (:Capability {id: $px + c, name: 'Cap ' + c})
     WITH count(*) AS _
     UNWIND $partners AS p
     CREATE (n:Partner {id: $px + p, name: 'Partner ' + p, types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     WITH n
     UNWIND $capabilities AS c MATCH (cap:Capability {id: $px + c}) CREATE (n)-[:HAS_CAPABILITY {level: 'BASIC'}]->(cap)
     WITH count(*) AS _
     UNWIND $customers AS u
     CREATE (c:Customer {id: $px + u, name: 'Customer ' + u})
     WITH c
     UNWIND $capabilities AS k MATCH (cap:Capability {id: $px + k}) CREATE (c)-[:NEEDS]->(cap)
     WITH count(*) AS _
     UNWIND $solutions AS s
     CREATE (sol:Solution {id: $px + s, name: 'Solution ' + s, status: 'PUBLISHED', regions: [], industries: []})
     WITH sol
     UNWIND $capabilities AS k MATCH (cap:Capability {id: $px + k}) CREATE (sol)-[:REQUIRES]->(cap)`,
    { px: prefix, partners, customers, solutions, capabilities },
    'WRITE',
  );
}

interface DealSpec {
  id: string;
  customer: string;
  solution: string | null;
  amount: string;
  participants: { partnerId: string; role: string; sourced?: boolean }[];
}

async function register(spec: DealSpec) {
  const { data } = await expectData(db, REGISTER, {
    input: {
      id: spec.id,
      name: spec.id,
      customerId: spec.customer,
      solutionId: spec.solution,
      amount: spec.amount,
      currency: 'USD',
      participants: spec.participants,
    },
  });
  expect(data.registerDeal.errors, JSON.stringify(spec)).toEqual([]);
}

/** Every invariant of one deal, checked through the API; `initial` is what it was registered with. */
async function checkDeal(spec: DealSpec, context: string) {
  const { data } = await expectData(db, READ_DEAL, { id: spec.id });
  const deal = data.deal;
  expect(deal, `${context}: deal ${spec.id} still exists`).not.toBeNull();
  expect(deal.customer, context).toEqual({ id: spec.customer });
  expect(deal.solution, `${context}: the solution changes only with a trace`).toEqual(
    spec.solution === null ? null : { id: spec.solution },
  );
  const now = deal.participants.map((p: { partner: { id: string } }) => p.partner.id).sort();
  expect(now.length, `${context}: ${spec.id} keeps a participant`).toBeGreaterThan(0);
  // Replaying the history from the registered participants gives today's participants.
  const replayed = new Set(spec.participants.map((p) => p.partnerId));
  for (const e of deal.history) {
    if (e.kind === 'PARTICIPANT_REMOVED') expect(replayed.delete(e.from), `${context}: removed ${e.from} was on ${spec.id}`).toBe(true);
    if (e.kind === 'PARTICIPANT_ADDED') replayed.add(e.to);
  }
  expect([...replayed].sort(), `${context}: the history of ${spec.id} explains its participants`).toEqual(now);
  // Money splits sum exactly to the amount.
  const amount = parseAmount(spec.amount, 'USD');
  for (const model of ['EVEN', 'ROLE_WEIGHTED']) {
    const shares = (await expectData(db, ATTRIBUTION, { id: spec.id, model })).data.dealAttribution.shares;
    const sum = shares.reduce((n: bigint, s: { share: { amount: string } }) => n + parseAmount(s.share.amount, 'USD'), 0n);
    expect(sum, `${context}: ${model} shares of ${spec.id}`).toBe(amount);
    expect(shares.map((s: { partner: { id: string } }) => s.partner.id).sort(), context).toEqual(now);
  }
}

beforeAll(async () => {
  await createWorld(px, ['solo', 'pa', 'pb', 'pc', 'free'], ['u1', 'u2', 'u3'], ['s1', 's2'], ['k1']);
});
afterAll(() => removeByPrefix(db, px));

describe('deletePartner', () => {
  it('refuses to delete the only participant of a deal, naming the deal, and changes nothing', async () => {
    await register({
      id: id('d-solo'),
      customer: id('u1'),
      solution: null,
      amount: '100.00',
      participants: [{ partnerId: id('solo'), role: 'RESELLER', sourced: true }],
    });
    await register({
      id: id('d-solo2'),
      customer: id('u2'),
      solution: null,
      amount: '5.00',
      participants: [{ partnerId: id('solo'), role: 'SERVICES' }],
    });
    await register({
      id: id('d-shared'),
      customer: id('u1'),
      solution: null,
      amount: '10.00',
      participants: [
        { partnerId: id('solo'), role: 'SERVICES' },
        { partnerId: id('pa'), role: 'TECHNOLOGY' },
      ],
    });
    const before = await graphChecksum(db);
    const { data } = await expectData(db, DELETE.partner, { id: id('solo') });
    expect(data.deletePartner.deletedId).toBeNull();
    expect(data.deletePartner.errors.map((e: { path: string[]; code: string }) => [e.path, e.code])).toEqual([[['id'], 'CONFLICT']]);
    expect(data.deletePartner.errors[0].message).toContain(id('d-solo'));
    expect(data.deletePartner.errors[0].message).toContain(id('d-solo2'));
    expect(data.deletePartner.errors[0].message).not.toContain(id('d-shared'));
    expect(await graphChecksum(db)).toEqual(before);
    expect((await expectData(db, READ_DEAL, { id: id('d-solo') })).data.deal.participants).toEqual([{ partner: { id: id('solo') } }]);
  });

  it('takes a partner out of its shared deals with a PARTICIPANT_REMOVED event on each, and splits still sum to the amount', async () => {
    const specs: DealSpec[] = [
      {
        id: id('d-pb1'),
        customer: id('u2'),
        solution: id('s1'),
        amount: '100.01',
        participants: [
          { partnerId: id('pb'), role: 'RESELLER', sourced: true },
          { partnerId: id('pc'), role: 'SERVICES' },
        ],
      },
      {
        id: id('d-pb2'),
        customer: id('u3'),
        solution: null,
        amount: '0.07',
        participants: [
          { partnerId: id('pa'), role: 'TECHNOLOGY' },
          { partnerId: id('pb'), role: 'SERVICES' },
          { partnerId: id('pc'), role: 'REFERRAL' },
        ],
      },
    ];
    for (const s of specs) await register(s);
    const { data } = await expectData(db, DELETE.partner, { id: id('pb') });
    expect(data.deletePartner).toEqual({ deletedId: id('pb'), errors: [] });
    for (const s of specs) {
      await checkDeal(s, 'after deleting pb');
      const history = (await expectData(db, READ_DEAL, { id: s.id })).data.deal.history;
      expect(history.at(-1)).toEqual({ kind: 'PARTICIPANT_REMOVED', from: id('pb'), to: null, note: 'Partner deleted' });
    }
    expect((await expectData(db, `query($id: ID!) { partner(id: $id) { id } }`, { id: id('pb') })).data.partner).toBeNull();
    // A partner without deals is deleted as before; a second delete finds nothing.
    expect((await expectData(db, DELETE.partner, { id: id('free') })).data.deletePartner).toEqual({ deletedId: id('free'), errors: [] });
    expect((await expectData(db, DELETE.partner, { id: id('free') })).data.deletePartner).toEqual({ deletedId: null, errors: [] });
  });
});

describe('deleteCustomer, deleteSolution, deleteCapability', () => {
  it('refuses to delete a customer with deals, naming them', async () => {
    const before = await graphChecksum(db);
    const { data } = await expectData(db, DELETE.customer, { id: id('u1') });
    expect(data.deleteCustomer.deletedId).toBeNull();
    expect(data.deleteCustomer.errors.map((e: { path: string[]; code: string }) => [e.path, e.code])).toEqual([[['id'], 'CONFLICT']]);
    expect(data.deleteCustomer.errors[0].message).toContain(`${id('d-shared')}, ${id('d-solo')}`);
    expect(await graphChecksum(db)).toEqual(before);
  });

  it('refuses to delete a solution that deals sell, naming them; the deal keeps its solution', async () => {
    const before = await graphChecksum(db);
    const { data } = await expectData(db, DELETE.solution, { id: id('s1') });
    expect(data.deleteSolution.deletedId).toBeNull();
    expect(data.deleteSolution.errors.map((e: { path: string[]; code: string }) => [e.path, e.code])).toEqual([[['id'], 'CONFLICT']]);
    expect(data.deleteSolution.errors[0].message).toContain(id('d-pb1'));
    expect(await graphChecksum(db)).toEqual(before);
    expect((await expectData(db, READ_DEAL, { id: id('d-pb1') })).data.deal.solution).toEqual({ id: id('s1') });
    // A solution no deal sells is deleted.
    expect((await expectData(db, DELETE.solution, { id: id('s2') })).data.deleteSolution).toEqual({ deletedId: id('s2'), errors: [] });
  });

  it('deletes a capability needed and required everywhere without touching a deal', async () => {
    const dealsBefore = await db.runText(
      `MATCH (d:Deal) WHERE d.id STARTS WITH $px RETURN d.id AS id, properties(d) AS props, COUNT { (d)--() } AS degree ORDER BY id`,
      { px },
    );
    expect((await expectData(db, DELETE.capability, { id: id('k1') })).data.deleteCapability).toEqual({ deletedId: id('k1'), errors: [] });
    const dealsAfter = await db.runText(
      `MATCH (d:Deal) WHERE d.id STARTS WITH $px RETURN d.id AS id, properties(d) AS props, COUNT { (d)--() } AS degree ORDER BY id`,
      { px },
    );
    expect(dealsAfter).toEqual(dealsBefore);
  });
});

describe('deletes racing deal changes', () => {
  it('a partner deleted while its co-participant is removed never leaves a deal without participants', async () => {
    const rx = uniquePrefix('delrace');
    try {
      const rounds = 6;
      const partners = Array.from({ length: rounds }, (_, i) => [`a${i}`, `b${i}`]).flat();
      await createWorld(rx, partners, ['u'], [], []);
      for (let i = 0; i < rounds; i++) {
        await register({
          id: `${rx}d${i}`,
          customer: `${rx}u`,
          solution: null,
          amount: '1.00',
          participants: [
            { partnerId: `${rx}a${i}`, role: 'SERVICES' },
            { partnerId: `${rx}b${i}`, role: 'TECHNOLOGY' },
          ],
        });
      }
      await Promise.all(
        Array.from({ length: rounds }, (_, i) => [
          runOperation(db, DELETE.partner, { id: `${rx}a${i}` }),
          runOperation(db, REMOVE_PARTICIPANT, { input: { dealId: `${rx}d${i}`, partnerId: `${rx}b${i}` } }),
        ]).flat(),
      );
      const rows = await db.runText<{ id: string; participants: number }>(
        `MATCH (d:Deal) WHERE d.id STARTS WITH $rx RETURN d.id AS id, COUNT { (:Partner)-[:PARTICIPATES_IN]->(d) } AS participants ORDER BY id`,
        { rx },
      );
      expect(rows).toHaveLength(rounds);
      for (const r of rows) expect(r.participants, r.id).toBe(1);
    } finally {
      await removeByPrefix(db, rx);
    }
  });

  it('a customer deleted while a deal is registered on it never leaves a deal without its customer', async () => {
    const rx = uniquePrefix('delrace');
    try {
      const rounds = 6;
      await createWorld(
        rx,
        ['p'],
        Array.from({ length: rounds }, (_, i) => `u${i}`),
        [],
        [],
      );
      await Promise.all(
        Array.from({ length: rounds }, (_, i) => [
          runOperation(db, REGISTER, {
            input: {
              id: `${rx}d${i}`,
              name: 'race',
              customerId: `${rx}u${i}`,
              amount: '1.00',
              currency: 'USD',
              participants: [{ partnerId: `${rx}p`, role: 'SERVICES' }],
            },
          }),
          runOperation(db, DELETE.customer, { id: `${rx}u${i}` }),
        ]).flat(),
      );
      const orphans = await db.runText<{ id: string }>(
        `MATCH (d:Deal) WHERE d.id STARTS WITH $rx AND NOT EXISTS { (d)-[:FOR_CUSTOMER]->(:Customer) } RETURN d.id AS id`,
        { rx },
      );
      expect(orphans).toEqual([]);
    } finally {
      await removeByPrefix(db, rx);
    }
  });
});

describe('a random sequence of deletes and removals', () => {
  it.each([1, 2, 3])('keeps every deal whole (seed %i)', async (seed) => {
    const rx = uniquePrefix(`delrand${seed}`);
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const partners = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
    const customers = ['u0', 'u1', 'u2'];
    const solutions = ['s0', 's1'];
    try {
      await createWorld(rx, partners, customers, solutions, ['k0', 'k1']);
      const roles = ['RESELLER', 'SERVICES', 'TECHNOLOGY', 'REFERRAL', 'MARKETPLACE'];
      const specs: DealSpec[] = [];
      for (let i = 0; i < 8; i++) {
        const members = partners.filter(() => random() < 0.35);
        if (members.length === 0) members.push(pick(partners));
        const sourcing = random() < 0.5 ? pick(members) : null;
        const spec: DealSpec = {
          id: `${rx}d${i}`,
          customer: `${rx}${pick(customers)}`,
          solution: random() < 0.5 ? `${rx}${pick(solutions)}` : null,
          amount: `${Math.floor(random() * 100000)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`,
          participants: members.map((p) => ({ partnerId: `${rx}${p}`, role: pick(roles), sourced: p === sourcing })),
        };
        await register(spec);
        specs.push(spec);
      }
      for (let step = 0; step < 10; step++) {
        const op = pick(['partner', 'partner', 'partner', 'remove', 'remove', 'customer', 'solution', 'capability'] as const);
        const context = `seed ${seed} step ${step} (${op})`;
        if (op === 'remove') {
          const deal = pick(specs);
          await runOperation(db, REMOVE_PARTICIPANT, { input: { dealId: deal.id, partnerId: `${rx}${pick(partners)}` } });
        } else if (op === 'partner') {
          await expectData(db, DELETE.partner, { id: `${rx}${pick(partners)}` });
        } else if (op === 'customer') {
          await expectData(db, DELETE.customer, { id: `${rx}${pick(customers)}` });
        } else if (op === 'solution') {
          await expectData(db, DELETE.solution, { id: `${rx}${pick(solutions)}` });
        } else {
          await expectData(db, DELETE.capability, { id: `${rx}${pick(['k0', 'k1'])}` });
        }
        for (const spec of specs) await checkDeal(spec, context);
      }
    } finally {
      await removeByPrefix(db, rx);
    }
  });
});
