// Attribution frozen at CLOSED_WON under the policy's model, disputed by a participant and resolved by
// the vendor, end to end through the API and a real Neo4j; every step in the deal's history with its actor,
// and partnerRevenue.attributed reading the frozen (then revised) shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('dispute');
const id = (name: string) => `${px}${name}`;

const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version attributionModel timeDecayHalfLifeDays } errors { path code } } }`;
const SNAPSHOT = `attributionSnapshot { model policyVersion revised shares { partner { id } share { amount currency } }
  dispute { status reason raisedBy { id } resolutionNote resolvedBy } }`;
const DEAL = `id stage participants { partner { id } registeredAt } ${SNAPSHOT} history { kind from to note actor }`;
const DISPUTE = `mutation($dealId: ID!, $reason: String!) { disputeAttribution(dealId: $dealId, reason: $reason) { deal { ${DEAL} } errors { path message code } } }`;
const RESOLVE = `mutation($input: ResolveAttributionDisputeInput!) { resolveAttributionDispute(input: $input) { deal { ${DEAL} } errors { path message code } } }`;

const partnerViewer = (p: string): Viewer => ({ role: 'PARTNER', subject: `subject-${p}`, partnerId: id(p) });

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      partners: ['p1', 'p2', 'p3', 'p4'].map((p) => ({ id: p, name: `Dispute partner ${p}`, types: ['RESELLER' as const] })),
      customers: [{ id: 'c', name: `Dispute customer ${px}` }],
    }),
  );
});
afterAll(async () => {
  await expectData(db, SET_RULES, { input: { attributionModel: 'ROLE_WEIGHTED', timeDecayHalfLifeDays: 30 } });
  await removeByPrefix(db, px);
});

describe('attribution snapshots and disputes', () => {
  it('freezes, disputes, resolves, and keeps every step with its actor', async () => {
    const set = (await expectData(db, SET_RULES, { input: { attributionModel: 'POSITION_BASED' } })).data.setRulesOfEngagement;
    expect(set.errors).toEqual([]);
    const version = set.rules.version;
    // p1 registers in JPY; p3 and p2 join later (registeredAt order: p1, p3, p2).
    const reg = (
      await expectData(db, `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path code } } }`, {
        input: {
          id: id('d'),
          name: 'Disputed',
          customerId: id('c'),
          amount: '1001',
          currency: 'JPY',
          createdAt: '2026-03-01T00:00:00Z',
          participants: [{ partnerId: id('p1'), role: 'RESELLER' }],
        },
      })
    ).data.registerDeal;
    expect(reg.errors).toEqual([]);
    for (const p of ['p3', 'p2']) {
      const add = (
        await expectData(db, `mutation($input: AddDealParticipantInput!) { addDealParticipant(input: $input) { errors { code } } }`, {
          input: { dealId: id('d'), partnerId: id(p), role: 'SERVICES' },
        })
      ).data.addDealParticipant;
      expect(add.errors).toEqual([]);
    }
    const won = (
      await expectData(
        db,
        `mutation($input: UpdateDealStageInput!) { updateDealStage(input: $input) { deal { ${DEAL} } errors { path code } } }`,
        { input: { dealId: id('d'), stage: 'CLOSED_WON', closedAt: new Date().toISOString() } },
      )
    ).data.updateDealStage;
    expect(won.errors).toEqual([]);
    // The brute force: order by registeredAt then partner id; 40 % first, 20 % middle, 40 % last of 1001 yen
    // = 400.4, 200.2, 400.4 → floors 400, 200, 400 and the one yen left to the largest remainder, ties by partner id.
    const order = [...won.deal.participants]
      .sort(
        (a: any, b: any) =>
          new Date(a.registeredAt).getTime() - new Date(b.registeredAt).getTime() || (a.partner.id < b.partner.id ? -1 : 1),
      )
      .map((p: any) => p.partner.id);
    const expectedMinor = new Map<string, number>([
      [order[0], 400],
      [order[1], 200],
      [order[2], 400],
    ]);
    const tieWinner = [order[0], order[2]].sort()[0];
    expectedMinor.set(tieWinner, expectedMinor.get(tieWinner)! + 1);
    const snapshot = won.deal.attributionSnapshot;
    expect(snapshot).toMatchObject({ model: 'POSITION_BASED', policyVersion: version, revised: false, dispute: null });
    expect(snapshot.shares).toEqual(
      [id('p1'), id('p2'), id('p3')].map((p) => ({ partner: { id: p }, share: { amount: String(expectedMinor.get(p)), currency: 'JPY' } })),
    );
    // It equals dealAttribution under the same model.
    const live = (
      await expectData(
        db,
        `query($d: ID!) { dealAttribution(dealId: $d, model: POSITION_BASED) { shares { partner { id } share { amount currency } } } }`,
        {
          d: id('d'),
        },
      )
    ).data.dealAttribution;
    expect(live.shares).toEqual(snapshot.shares);
    expect(won.deal.history.at(-1)).toMatchObject({ kind: 'ATTRIBUTION_FROZEN', to: 'POSITION_BASED', actor: 'test-admin' });

    // A partner not on the deal cannot dispute it (as if missing); a participant can, once.
    const stranger = (await expectData(db, DISPUTE, { dealId: id('d'), reason: 'mine' }, partnerViewer('p4'))).data.disputeAttribution;
    expect(stranger.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', path: ['dealId'] })]);
    const disputed = (await expectData(db, DISPUTE, { dealId: id('d'), reason: 'I brought the customer' }, partnerViewer('p2'))).data
      .disputeAttribution;
    expect(disputed.errors).toEqual([]);
    expect(disputed.deal.attributionSnapshot.dispute).toEqual({
      status: 'OPEN',
      reason: 'I brought the customer',
      raisedBy: { id: id('p2') },
      resolutionNote: null,
      resolvedBy: null,
    });
    expect(disputed.deal.history.at(-1)).toMatchObject({
      kind: 'ATTRIBUTION_DISPUTED',
      to: 'OPEN',
      note: 'I brought the customer',
      actor: 'subject-p2',
    });
    const again = (await expectData(db, DISPUTE, { dealId: id('d'), reason: 'again' }, partnerViewer('p2'))).data.disputeAttribution;
    expect(again.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const vendor = await runOperation(db, DISPUTE, { dealId: id('d'), reason: 'x' });
    expect(vendor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Resolution: only ADMIN; shares must name participants and sum exactly to the amount.
    const manager = await runOperation(
      db,
      RESOLVE,
      { input: { dealId: id('d'), decision: 'KEEP', note: 'n' } },
      { role: 'ALLIANCE_MANAGER', subject: 'am' },
    );
    expect(manager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = (
      await expectData(db, RESOLVE, {
        input: { dealId: id('d'), decision: 'REVISE', note: 'n', shares: [{ partnerId: id('p2'), amount: '1000' }] },
      })
    ).data.resolveAttributionDispute;
    expect(short.errors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', path: ['input', 'shares'] })]);
    const outsider = (
      await expectData(db, RESOLVE, {
        input: {
          dealId: id('d'),
          decision: 'REVISE',
          note: 'n',
          shares: [
            { partnerId: id('p4'), amount: '1' },
            { partnerId: id('p2'), amount: '10.5' },
          ],
        },
      })
    ).data.resolveAttributionDispute;
    expect(outsider.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', path: ['input', 'shares', '0', 'partnerId'] }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', path: ['input', 'shares', '1', 'amount'] }),
    ]);
    const resolved = (
      await expectData(db, RESOLVE, {
        input: {
          dealId: id('d'),
          decision: 'REVISE',
          note: 'p2 sourced it',
          shares: [
            { partnerId: id('p2'), amount: '601' },
            { partnerId: id('p1'), amount: '400' },
          ],
        },
      })
    ).data.resolveAttributionDispute;
    expect(resolved.errors).toEqual([]);
    expect(resolved.deal.attributionSnapshot).toMatchObject({
      revised: true,
      dispute: { status: 'REVISED', resolutionNote: 'p2 sourced it', resolvedBy: 'test-admin' },
      shares: [
        { partner: { id: id('p1') }, share: { amount: '400', currency: 'JPY' } },
        { partner: { id: id('p2') }, share: { amount: '601', currency: 'JPY' } },
        { partner: { id: id('p3') }, share: { amount: '0', currency: 'JPY' } },
      ],
    });
    const last = resolved.deal.history.at(-1);
    expect(last).toMatchObject({ kind: 'ATTRIBUTION_RESOLVED', to: 'REVISED', note: 'p2 sourced it', actor: 'test-admin' });
    expect(last.from).toContain(`${id('p2')} ${expectedMinor.get(id('p2'))}`);
    expect(resolved.deal.history.map((e: { kind: string }) => e.kind).slice(-3)).toEqual([
      'ATTRIBUTION_FROZEN',
      'ATTRIBUTION_DISPUTED',
      'ATTRIBUTION_RESOLVED',
    ]);
    // A resolved dispute is closed: resolving again is refused.
    const twice = (await expectData(db, RESOLVE, { input: { dealId: id('d'), decision: 'KEEP', note: 'n' } })).data
      .resolveAttributionDispute;
    expect(twice.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);

    // partnerRevenue reads the frozen (revised) shares.
    const revenue = (
      await expectData(
        db,
        `query($p: ID!) { partnerRevenue(partnerId: $p, from: "2026-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { influenced { amount currency } attributed { amount currency } } }`,
        { p: id('p2') },
        partnerViewer('p2'),
      )
    ).data.partnerRevenue;
    expect(revenue.attributed).toEqual([{ amount: '601', currency: 'JPY' }]);
    expect(revenue.influenced).toEqual([{ amount: '1001', currency: 'JPY' }]);
  });

  it('freezes a deal registered already won, in a 3-digit currency under TIME_DECAY, summing exactly', async () => {
    await expectData(db, SET_RULES, { input: { attributionModel: 'TIME_DECAY', timeDecayHalfLifeDays: 7 } });
    const reg = (
      await expectData(
        db,
        `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { amount { amount } ${SNAPSHOT} } errors { path code } } }`,
        {
          input: {
            id: id('won'),
            name: 'Won',
            customerId: id('c'),
            amount: '9223372036854775.807',
            currency: 'BHD',
            stage: 'CLOSED_WON',
            createdAt: '2026-04-01T00:00:00Z',
            closedAt: '2026-04-02T00:00:00Z',
            participants: [
              { partnerId: id('p1'), role: 'RESELLER' },
              { partnerId: id('p2'), role: 'SERVICES' },
            ],
          },
        },
      )
    ).data.registerDeal;
    expect(reg.errors).toEqual([]);
    const s = reg.deal.attributionSnapshot;
    expect(s.model).toBe('TIME_DECAY');
    // Both joined at createdAt: equal weights, the odd unit to the lower partner id.
    expect(s.shares.map((x: any) => x.share.amount)).toEqual(['4611686018427387.904', '4611686018427387.903']);
  });
});
