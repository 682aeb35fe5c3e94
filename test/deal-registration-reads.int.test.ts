// What a deal mutation reads in its own transaction and answers from (issue 16, registerDeal's API overhead): the
// payload's participants (no read after commit), the rules of engagement the registration was decided under (one
// statement with the references and the id's kinds: deals/check-registration; the request's later fields reuse them),
// the group's locks and deals in one statement, and the outbox's "before" of a new deal known without a snapshot.
// Each is checked against an answer read afresh afterwards, so a stale or missing read in the transaction fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonValue } from '../src/events/outbox.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { restoreDefaultRules } from './support/rules.js';

const db = testExecutor();
const px = uniquePrefix('dealreads');
const id = (name: string) => `${px}${name}`;

const PARTICIPANTS = 'participants { partner { id name types tier lifecycleStage regions industries website } role sourced registeredAt }';
const PAYLOAD = `deal { id registrationStatus registrationDecision { status rule policyVersion conflictsWith { id } } ${PARTICIPANTS} } errors { path message code }`;
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { ${PAYLOAD} } }`;
const ADD = `mutation($input: AddDealParticipantInput!) { addDealParticipant(input: $input) { ${PAYLOAD} } }`;
const REMOVE = `mutation($input: RemoveDealParticipantInput!) { removeDealParticipant(input: $input) { ${PAYLOAD} } }`;
const UPDATE_STAGE = `mutation($input: UpdateDealStageInput!) { updateDealStage(input: $input) { ${PAYLOAD} } }`;
const DEAL = `query($id: ID!) { deal(id: $id) { id registrationStatus registrationDecision { status rule policyVersion conflictsWith { id } } ${PARTICIPANTS} } }`;
const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version } errors { path message code } } }`;

const DAY = 86_400_000;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      partners: ['p1', 'p2', 'p3'].map((p, i) => ({
        id: p,
        name: `Reads partner ${p} ${px}`,
        types: ['RESELLER' as const],
        tier: (['GOLD', 'SILVER', 'REGISTERED'] as const)[i]!,
        regions: ['EMEA'],
      })),
      customers: ['c1', 'c2', 'c3', 'c4'].map((c) => ({ id: c, name: `Reads customer ${c} ${px}` })),
    }),
  );
});
afterAll(async () => {
  // Back to the rules a new database starts with, for the tests after this file.
  await restoreDefaultRules(db);
  await removeByPrefix(db, px);
});

async function fresh(dealId: string) {
  return (await expectData(db, DEAL, { id: dealId })).data.deal;
}

describe("a deal mutation's answer, read in its transaction", () => {
  it('gives the participants and decision the deal has when read afterwards, after every deal mutation', async () => {
    const registered = (
      await expectData(db, REGISTER, {
        input: {
          id: id('d1'),
          name: 'Reads d1',
          customerId: id('c1'),
          amount: '10.00',
          currency: 'USD',
          participants: [
            { partnerId: id('p2'), role: 'RESELLER', sourced: true },
            { partnerId: id('p1'), role: 'INFLUENCER' },
          ],
        },
      })
    ).data.registerDeal;
    expect(registered.errors).toEqual([]);
    expect(registered.deal.participants.map((p: { partner: { id: string } }) => p.partner.id)).toEqual([id('p1'), id('p2')]);
    expect(registered.deal).toEqual(await fresh(id('d1')));

    const steps: [string, Record<string, unknown>, string][] = [
      [ADD, { dealId: id('d1'), partnerId: id('p3'), role: 'REFERRAL' }, 'addDealParticipant'],
      [REMOVE, { dealId: id('d1'), partnerId: id('p1') }, 'removeDealParticipant'],
      [UPDATE_STAGE, { dealId: id('d1'), stage: 'QUALIFIED' }, 'updateDealStage'],
    ];
    for (const [mutation, input, field] of steps) {
      const payload = (await expectData(db, mutation, { input })).data[field];
      expect(payload.errors, field).toEqual([]);
      expect(payload.deal, field).toEqual(await fresh(id('d1')));
    }
    expect((await fresh(id('d1'))).participants.map((p: { partner: { id: string } }) => p.partner.id)).toEqual([id('p2'), id('p3')]);
  });

  it('decides and answers under the latest rules, as read in the same transaction', async () => {
    const register = async (dealId: string, customer: string, partner: string, daysAgo: number) =>
      (
        await expectData(db, REGISTER, {
          input: {
            id: id(dealId),
            name: `Reads ${dealId}`,
            customerId: id(customer),
            amount: '10.00',
            currency: 'USD',
            createdAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
            participants: [{ partnerId: id(partner), role: 'RESELLER', sourced: true }],
          },
        })
      ).data.registerDeal;
    const setRules = async (input: Record<string, unknown>) =>
      (await expectData(db, SET_RULES, { input })).data.setRulesOfEngagement.rules.version as number;

    // Several versions: the one taken must be the latest, not the first nor the defaults.
    await setRules({ protectionWindowDays: null, note: 'no window' });
    const windowed = await setRules({ protectionWindowDays: 30, note: 'thirty days' });
    const first = await register('w1', 'c2', 'p1', 40);
    // Approved 40 days ago with a 30-day window: expired as of now, in the answer as afterwards.
    expect(first.deal.registrationStatus).toBe('EXPIRED');
    expect(first.deal.registrationDecision).toMatchObject({ status: 'EXPIRED', policyVersion: windowed });
    expect(first.deal).toEqual(await fresh(id('w1')));
    // A second reseller on the customer: the first one's registration has expired, so it blocks no one.
    const second = await register('w2', 'c2', 'p2', 1);
    expect(second.deal.registrationDecision).toMatchObject({ status: 'APPROVED', policyVersion: windowed, conflictsWith: [] });
    expect(second.deal).toEqual(await fresh(id('w2')));

    const unwindowed = await setRules({ protectionWindowDays: null, note: 'no window again' });
    expect(unwindowed).toBe(windowed + 1);
    const third = await register('n1', 'c3', 'p1', 40);
    expect(third.deal.registrationDecision).toMatchObject({ status: 'APPROVED', policyVersion: unwindowed });
    const fourth = await register('n2', 'c3', 'p2', 1);
    expect(fourth.deal.registrationDecision).toMatchObject({
      status: 'CONFLICT',
      policyVersion: unwindowed,
      conflictsWith: [{ id: id('n1') }],
    });
    expect(fourth.deal).toEqual(await fresh(id('n2')));
  });

  it('records in the outbox exactly the new deal and its links, as read afterwards; a refused registration records nothing', async () => {
    const changesOf = async (dealId: string) =>
      (
        await db.runText<{ kind: string; entityType: string; entityId: string; fields: string; partnerIds: string[] }>(
          `MATCH (c:Change) WHERE c.entityId = $id OR c.entityId STARTS WITH $id + '|' OR c.entityId ENDS WITH '|' + $id
           RETURN c.kind AS kind, c.entityType AS entityType, c.entityId AS entityId, c.fields AS fields, c.partnerIds AS partnerIds
           ORDER BY c.sequence`,
          { id: dealId },
        )
      ).map((c) => ({ ...c, fields: JSON.parse(c.fields) as unknown }));
    const input = {
      id: id('o1'),
      name: 'Reads o1',
      customerId: id('c4'),
      amount: '12.34',
      currency: 'EUR',
      participants: [
        { partnerId: id('p1'), role: 'RESELLER', sourced: true },
        { partnerId: id('p3'), role: 'INFLUENCER' },
      ],
    };
    expect((await expectData(db, REGISTER, { input })).data.registerDeal.errors).toEqual([]);

    // The oracle: every stored property of the deal and of its relationships, as a creation (before null).
    const [stored] = await db.runText<{
      props: Record<string, unknown>;
      rels: { type: string; key: string; props: Record<string, unknown> }[];
    }>(
      `MATCH (d:Deal {id: $id})
       RETURN properties(d) AS props,
              [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {type: 'Participation', key: p.id + '|' + d.id, props: properties(r)}]
              + [(d)-[r:FOR_CUSTOMER]->(c:Customer) | {type: 'DealCustomer', key: d.id + '|' + c.id, props: properties(r)}] AS rels`,
      { id: id('o1') },
    );
    const derived = new Set(['id', 'hubId', 'dealCreatedAt']);
    const created = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      Object.fromEntries(
        Object.entries({ ...props, ...extra })
          .filter(([k, v]) => !derived.has(k) && v !== null && v !== undefined)
          .map(([k, v]) => [k, { before: null, after: jsonValue(v) }]),
      );
    const partnerIds = [id('p1'), id('p3')];
    const expected = [
      { kind: 'CREATED', entityType: 'Deal', entityId: id('o1'), fields: created(stored!.props, { externalIds: [] }), partnerIds },
      ...stored!.rels
        .map((r) => ({ kind: 'CREATED', entityType: r.type, entityId: r.key, fields: created(r.props), partnerIds }))
        .sort((a, b) => (a.entityType + a.entityId < b.entityType + b.entityId ? -1 : 1)),
    ];
    expect(stored!.rels).toHaveLength(3);
    expect(await changesOf(id('o1'))).toEqual(expected);

    // The same id again: CONFLICT at input.id, nothing written, nothing recorded.
    const again = (await expectData(db, REGISTER, { input: { ...input, name: 'Reads o1 again' } })).data.registerDeal;
    expect(again.errors).toEqual([{ path: ['input', 'id'], message: `A deal with id "${id('o1')}" already exists`, code: 'CONFLICT' }]);
    expect(await changesOf(id('o1'))).toEqual(expected);
  });
});
