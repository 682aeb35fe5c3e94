// Registrations racing across a duplicate group (README, "Rules of engagement": duplicateCustomersAsOne): several
// resellers register at once, each on one of a group's probable-duplicate customers. registerDeal takes the
// registration lock on every customer of the group, in id order, before it reads their deals, in one statement
// (cypher/deals/lock-customers-get-deals-for-rules.cypher), so exactly one registration is approved and every other
// conflicts with it alone, round after round; and the stored deals say the same as the answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { restoreDefaultRules } from './support/rules.js';

const db = testExecutor();
const px = uniquePrefix('racegroup');
const id = (name: string) => `${px}${name}`;

const ROUNDS = 5;
const RACERS = 6;
const GROUP_SIZE = 3;

const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) {
  deal { id registrationStatus registrationDecision { rule conflictsWith { id } } } errors { path message code } } }`;
const STORED = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Deal { id registrationStatus registrationDecision { rule conflictsWith { id } } } } }`;

beforeAll(async () => {
  // The rules a new database starts with: a second reseller conflicts, and a duplicate group counts as one customer.
  await restoreDefaultRules(db);
  await loadFixture(
    db,
    prefixed(px, {
      partners: Array.from({ length: RACERS }, (_, j) => ({ id: `r${j}`, name: `Racer ${j} ${px}`, types: ['RESELLER' as const] })),
      // Per round, GROUP_SIZE customers of the same name: one group of probable duplicates.
      customers: Array.from({ length: ROUNDS }, (_, round) =>
        Array.from({ length: GROUP_SIZE }, (_, k) => ({ id: `g${round}-c${k}`, name: `Racegroup ${round} ${px}` })),
      )
        .flat()
        // And GROUP_SIZE customers of different names: no group.
        .concat(Array.from({ length: GROUP_SIZE }, (_, k) => ({ id: `alone-c${k}`, name: `Racealone ${k} ${'xyz'[k]} ${px}` }))),
    }),
  );
});
afterAll(async () => {
  await removeByPrefix(db, px);
  await restoreDefaultRules(db);
});

describe('registrations racing across a duplicate group', () => {
  it('without a group, racing resellers on different customers are all approved (the control)', async () => {
    const answers = await Promise.all(
      Array.from({ length: GROUP_SIZE }, async (_, k) => {
        const input = {
          id: id(`alone-d${k}`),
          name: `Alone ${k}`,
          customerId: id(`alone-c${k}`),
          amount: '100.00',
          currency: 'USD',
          participants: [{ partnerId: id(`r${k}`), role: 'RESELLER' }],
        };
        return (await expectData(db, REGISTER, { input })).data.registerDeal;
      }),
    );
    expect(answers.map((a) => [a.errors, a.deal.registrationStatus])).toEqual(answers.map(() => [[], 'APPROVED']));
  });

  it('approves exactly one registration per round, and every other conflicts with it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const inputs = Array.from({ length: RACERS }, (_, j) => ({
        id: id(`d${round}-${j}`),
        name: `Race ${round} ${j}`,
        customerId: id(`g${round}-c${j % GROUP_SIZE}`),
        amount: '100.00',
        currency: 'USD',
        participants: [{ partnerId: id(`r${j}`), role: 'RESELLER' }],
      }));
      const answers = await Promise.all(inputs.map(async (input) => (await expectData(db, REGISTER, { input })).data.registerDeal));
      for (const a of answers) expect(a.errors).toEqual([]);
      const approved = answers.filter((a) => a.deal.registrationStatus === 'APPROVED');
      expect(approved, `round ${round}`).toHaveLength(1);
      const winner = approved[0].deal.id as string;
      for (const a of answers) {
        const decision = a.deal.registrationDecision;
        if (a.deal.id === winner) expect(decision).toEqual({ rule: 'FIRST_REGISTERED', conflictsWith: [] });
        else {
          expect(a.deal.registrationStatus).toBe('CONFLICT');
          // Blocked by the approved deal (on its own customer or on another of the group), and by no other.
          const winnerCustomer = inputs.find((i) => i.id === winner)!.customerId;
          const own = inputs.find((i) => i.id === a.deal.id)!.customerId;
          expect(decision).toEqual({
            rule: own === winnerCustomer ? 'ROLE_CONFLICT' : 'DUPLICATE_CUSTOMER',
            conflictsWith: [{ id: winner }],
          });
        }
      }
      // What is stored is what was answered.
      const stored = (await expectData(db, STORED, { ids: inputs.map((i) => i.id) })).data.nodes;
      const byId = new Map(answers.map((a) => [a.deal.id, a.deal]));
      for (const s of stored) expect(s).toEqual(byId.get(s.id));
    }
  });
});
