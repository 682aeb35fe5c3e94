// Multi-partner deals on hand-made cases: registration with the rules of engagement (through
// registerDeal, on import, and two registrations racing), conflict resolution, stage changes and
// their history, attribution, partner revenue, ecosystem health and co-sell recommendations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LifecycleStage, PartnerTier, PartnerType } from '../src/generated/graphql.js';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData, runOperation } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('deals');
const id = (name: string) => `${px}${name}`;

const DEAL_FIELDS = `id stage registrationStatus amount { amount currency } closedAt
  participants { partner { id } role sourced } conflictsWith { id } history { kind from to note }`;
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { ${DEAL_FIELDS} } errors { path message code } } }`;
const UPDATE_STAGE = `mutation($input: UpdateDealStageInput!) { updateDealStage(input: $input) { deal { ${DEAL_FIELDS} } errors { path message code } } }`;
const RESOLVE = `mutation($input: ResolveDealConflictInput!) { resolveDealConflict(input: $input) { deal { ${DEAL_FIELDS} } errors { path message code } } }`;
const ADD = `mutation($input: AddDealParticipantInput!) { addDealParticipant(input: $input) { deal { ${DEAL_FIELDS} } errors { path message code } } }`;
const REMOVE = `mutation($input: RemoveDealParticipantInput!) { removeDealParticipant(input: $input) { deal { ${DEAL_FIELDS} } errors { path message code } } }`;

interface ParticipantInput {
  partnerId: string;
  role: string;
  sourced?: boolean;
}

function dealInput(name: string, customer: string, participants: ParticipantInput[], extra: Record<string, unknown> = {}) {
  return {
    id: id(name),
    name,
    customerId: id(customer),
    amount: '1000.00',
    currency: 'USD',
    participants: participants.map((p) => ({ ...p, partnerId: id(p.partnerId) })),
    ...extra,
  };
}

async function register(input: Record<string, unknown>) {
  const { data } = await expectData(db, REGISTER, { input });
  return data.registerDeal;
}

beforeAll(async () => {
  // Capabilities, partners (with capabilities, accounts, an integration), customers and a solution.
  const partner = (k: string, types: PartnerType[], tier: PartnerTier, lifecycleStage: LifecycleStage, caps: string[]) => ({
    id: k,
    name: `Partner ${k}`,
    types,
    tier,
    lifecycleStage,
    capabilities: caps.map((c) => ({ capabilityId: `cap-${c}`, level: 'CERTIFIED' as const })),
  });
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: ['cloud', 'sec', 'impl', 'data'].map((c) => ({ id: `cap-${c}`, name: `Cap ${c}` })),
      partners: [
        { ...partner('cloud', ['HYPERSCALER'], 'PLATINUM', 'ACTIVE', ['cloud']), integratesWith: ['sec'] },
        partner('resA', ['RESELLER'], 'GOLD', 'ACTIVE', []),
        partner('resB', ['RESELLER'], 'SILVER', 'ACTIVE', []),
        partner('si', ['SERVICES'], 'GOLD', 'ACTIVE', ['impl']),
        partner('sec', ['TECHNOLOGY'], 'SILVER', 'ONBOARDING', ['sec']),
        partner('dormant', ['TECHNOLOGY'], 'PLATINUM', 'DORMANT', ['sec']),
        partner('data', ['TECHNOLOGY'], 'REGISTERED', 'ACTIVE', ['data']),
      ],
      customers: ['acme', 'globex', 'race', 'conflicts', 'adds'].map((u) => ({
        id: u,
        name: `Customer ${u}`,
        needs: u === 'acme' ? ['cap-sec', 'cap-impl'] : [],
      })),
      accounts: [
        { partnerId: 'cloud', customerId: 'acme', status: 'CUSTOMER' },
        { partnerId: 'resA', customerId: 'acme', status: 'CUSTOMER' },
        { partnerId: 'resB', customerId: 'acme', status: 'OPPORTUNITY' },
      ],
      solutions: [{ id: 'sol', name: 'Solution', status: 'PUBLISHED', requires: ['cap-cloud', 'cap-data'] }],
      deals: [
        {
          id: 'old',
          name: 'Old',
          customerId: 'globex',
          stage: 'CLOSED_WON',
          amount: '5.00',
          currency: 'USD',
          createdAt: '2020-01-01T00:00:00Z',
          closedAt: '2020-02-01T00:00:00Z',
          registrationStatus: 'APPROVED',
          participants: [
            { partnerId: 'data', role: 'TECHNOLOGY', sourced: false },
            { partnerId: 'resA', role: 'RESELLER', sourced: true },
          ],
        },
      ],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('the classic multi-partner deal', () => {
  // A cloud provider flags a mutual customer through account mapping (sources the deal), a reseller
  // with the relationship owns it, an SI deploys; all three are credited.
  const participants = [
    { partnerId: 'cloud', role: 'MARKETPLACE', sourced: true },
    { partnerId: 'resA', role: 'RESELLER' },
    { partnerId: 'si', role: 'SERVICES' },
  ];

  it('registers, closes won, and credits all three partners exactly', async () => {
    const registered = await register(
      dealInput('classic', 'globex', participants, { amount: '100.00', solutionId: id('sol'), createdAt: '2011-03-01T00:00:00.000Z' }),
    );
    expect(registered.errors).toEqual([]);
    expect(registered.deal).toMatchObject({
      id: id('classic'),
      stage: 'REGISTERED',
      registrationStatus: 'APPROVED',
      amount: { amount: '100.00', currency: 'USD' },
      conflictsWith: [],
      history: [{ kind: 'REGISTERED', from: null, to: 'APPROVED', note: null }],
    });
    expect(registered.deal.participants).toEqual([
      { partner: { id: id('cloud') }, role: 'MARKETPLACE', sourced: true },
      { partner: { id: id('resA') }, role: 'RESELLER', sourced: false },
      { partner: { id: id('si') }, role: 'SERVICES', sourced: false },
    ]);

    const closed = await expectData(db, UPDATE_STAGE, {
      input: { dealId: id('classic'), stage: 'CLOSED_WON', closedAt: '2011-06-15T12:00:00.000Z', note: 'signed' },
    });
    expect(closed.data.updateDealStage.errors).toEqual([]);
    expect(closed.data.updateDealStage.deal.history).toEqual([
      { kind: 'REGISTERED', from: null, to: 'APPROVED', note: null },
      { kind: 'STAGE_CHANGED', from: 'REGISTERED', to: 'CLOSED_WON', note: 'signed' },
      // Closing won freezes the attribution under the policy's model (README, Attribution snapshots and disputes).
      {
        kind: 'ATTRIBUTION_FROZEN',
        from: null,
        to: 'ROLE_WEIGHTED',
        note: expect.stringMatching(/^Attribution frozen under ROLE_WEIGHTED/),
      },
    ]);

    const attribution = `query($id: ID!, $model: AttributionModel!) { dealAttribution(dealId: $id, model: $model) {
      model shares { partner { id } role sourced share { amount currency } percent } } }`;
    const shares = async (model: string) => (await expectData(db, attribution, { id: id('classic'), model })).data.dealAttribution.shares;
    expect(await shares('EVEN')).toEqual([
      { partner: { id: id('cloud') }, role: 'MARKETPLACE', sourced: true, share: { amount: '33.34', currency: 'USD' }, percent: 33.34 },
      { partner: { id: id('resA') }, role: 'RESELLER', sourced: false, share: { amount: '33.33', currency: 'USD' }, percent: 33.33 },
      { partner: { id: id('si') }, role: 'SERVICES', sourced: false, share: { amount: '33.33', currency: 'USD' }, percent: 33.33 },
    ]);
    expect((await shares('SOURCED')).map((s: any) => [s.partner.id, s.share.amount, s.percent])).toEqual([[id('cloud'), '100.00', 100]]);
    // MARKETPLACE 20 + sourcing 20, RESELLER 40, SERVICES 30.
    expect((await shares('ROLE_WEIGHTED')).map((s: any) => [s.partner.id, s.share.amount])).toEqual([
      [id('cloud'), '36.37'],
      [id('resA'), '36.36'],
      [id('si'), '27.27'],
    ]);
    const custom = await expectData(
      db,
      `query($id: ID!) { dealAttribution(dealId: $id, model: ROLE_WEIGHTED, weights: {roles: [{role: SERVICES, weight: 60}], sourcingBonus: 0}) { shares { share { amount } } } }`,
      { id: id('classic') },
    );
    // 20 : 40 : 60 of 100.00.
    expect(custom.data.dealAttribution.shares.map((s: any) => s.share.amount)).toEqual(['16.67', '33.33', '50.00']);

    const revenue = `query($p: ID!) { partnerRevenue(partnerId: $p, from: "2011-01-01T00:00:00Z", to: "2012-01-01T00:00:00Z") {
      sourced { amount currency } influenced { amount currency } closedWonDeals winRate pipeline { amount currency } } }`;
    expect((await expectData(db, revenue, { p: id('cloud') })).data.partnerRevenue).toEqual({
      sourced: [{ amount: '100.00', currency: 'USD' }],
      influenced: [],
      closedWonDeals: 1,
      winRate: 1,
      pipeline: [],
    });
    expect((await expectData(db, revenue, { p: id('si') })).data.partnerRevenue).toEqual({
      sourced: [],
      influenced: [{ amount: '100.00', currency: 'USD' }],
      closedWonDeals: 1,
      winRate: 1,
      pipeline: [],
    });

    const health = await expectData(
      db,
      `{ ecosystemHealth(from: "2011-06-01T00:00:00Z", to: "2011-07-01T00:00:00Z") {
      closedWonDeals multiPartnerDealShare totalWon { amount currency } partnerSourced { amount } partnerInfluenced { amount } topConnectors(first: 3) { id } } }`,
    );
    expect(health.data.ecosystemHealth).toEqual({
      closedWonDeals: 1,
      multiPartnerDealShare: 1,
      totalWon: [{ amount: '100.00', currency: 'USD' }],
      partnerSourced: [{ amount: '100.00' }],
      partnerInfluenced: [],
      topConnectors: [{ id: id('cloud') }, { id: id('resA') }, { id: id('si') }],
    });
  });

  it('keeps a closed deal final and refuses closedAt rules', async () => {
    const reopen = await expectData(db, UPDATE_STAGE, { input: { dealId: id('classic'), stage: 'QUALIFIED' } });
    expect(reopen.data.updateDealStage).toMatchObject({ deal: null, errors: [{ path: ['input', 'stage'], code: 'CONFLICT' }] });
    await register(dealInput('open1', 'globex', [{ partnerId: 'si', role: 'SERVICES' }]));
    const noClosedAt = await expectData(db, UPDATE_STAGE, { input: { dealId: id('open1'), stage: 'CLOSED_LOST' } });
    expect(noClosedAt.data.updateDealStage.errors).toEqual([
      { path: ['input', 'closedAt'], message: 'required for a CLOSED_LOST deal', code: 'BAD_USER_INPUT' },
    ]);
    const closedAtWhileOpen = await expectData(db, UPDATE_STAGE, {
      input: { dealId: id('open1'), stage: 'PROPOSAL', closedAt: '2011-01-01T00:00:00Z' },
    });
    expect(closedAtWhileOpen.data.updateDealStage.errors.map((e: any) => [e.path, e.code])).toEqual([
      [['input', 'closedAt'], 'BAD_USER_INPUT'],
    ]);
    const missing = await expectData(db, UPDATE_STAGE, { input: { dealId: id('nope'), stage: 'PROPOSAL' } });
    expect(missing.data.updateDealStage.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'dealId'], 'NOT_FOUND']]);
  });
});

describe('registerDeal validation', () => {
  it('reports every bad value with its path and writes nothing', async () => {
    const before = await graphFingerprint(db);
    const cases: [Record<string, unknown>, [string[], string][]][] = [
      [dealInput('v1', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { amount: '10.001' }), [[['input', 'amount'], 'BAD_USER_INPUT']]],
      [
        dealInput('v2', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { amount: '10.5', currency: 'JPY' }),
        [[['input', 'amount'], 'BAD_USER_INPUT']],
      ],
      [dealInput('v3', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { amount: '-1' }), [[['input', 'amount'], 'BAD_USER_INPUT']]],
      [dealInput('v4', 'acme', []), [[['input', 'participants'], 'BAD_USER_INPUT']]],
      [
        dealInput('v5', 'nobody', [{ partnerId: 'ghost', role: 'RESELLER' }]),
        [
          [['input', 'participants', '0', 'partnerId'], 'NOT_FOUND'],
          [['input', 'customerId'], 'NOT_FOUND'],
        ],
      ],
      [
        dealInput('v6', 'acme', [
          { partnerId: 'resA', role: 'RESELLER', sourced: true },
          { partnerId: 'si', role: 'SERVICES', sourced: true },
        ]),
        [[['input', 'participants', '1', 'sourced'], 'CONFLICT']],
      ],
      [
        dealInput('v7', 'acme', [
          { partnerId: 'resA', role: 'RESELLER' },
          { partnerId: 'resA', role: 'SERVICES' },
        ]),
        [[['input', 'participants', '1', 'partnerId'], 'CONFLICT']],
      ],
      [dealInput('classic', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }]), [[['input', 'id'], 'CONFLICT']]],
      [
        dealInput('v8', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { closedAt: '2011-01-01T00:00:00Z' }),
        [[['input', 'closedAt'], 'BAD_USER_INPUT']],
      ],
      [
        dealInput('v9', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { stage: 'CLOSED_WON' }),
        [[['input', 'closedAt'], 'BAD_USER_INPUT']],
      ],
      [
        dealInput('v10', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], { solutionId: id('nosol') }),
        [[['input', 'solutionId'], 'NOT_FOUND']],
      ],
    ];
    for (const [input, expected] of cases) {
      const result = await register(input);
      expect(result.deal, JSON.stringify(input)).toBeNull();
      expect(
        result.errors.map((e: any) => [e.path, e.code]),
        JSON.stringify(input),
      ).toEqual(expected);
    }
    expect(await graphFingerprint(db)).toEqual(before);
  });
});

describe('rules of engagement through registerDeal', () => {
  it('puts a second reseller in conflict, lists the conflicts, and records the resolution', async () => {
    const at = (day: number) => `2011-04-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const first = await register(dealInput('c1', 'conflicts', [{ partnerId: 'resA', role: 'RESELLER' }], { createdAt: at(1) }));
    const second = await register(
      dealInput(
        'c2',
        'conflicts',
        [
          { partnerId: 'resB', role: 'RESELLER' },
          { partnerId: 'si', role: 'SERVICES' },
        ],
        { createdAt: at(2) },
      ),
    );
    const sameReseller = await register(dealInput('c3', 'conflicts', [{ partnerId: 'resA', role: 'RESELLER' }], { createdAt: at(3) }));
    const noReseller = await register(dealInput('c4', 'conflicts', [{ partnerId: 'si', role: 'SERVICES' }], { createdAt: at(4) }));
    expect([first, second, sameReseller, noReseller].map((r) => r.deal.registrationStatus)).toEqual([
      'APPROVED',
      'CONFLICT',
      'APPROVED',
      'APPROVED',
    ]);
    expect(second.deal.conflictsWith).toEqual([{ id: id('c1') }]);
    expect(second.deal.history).toEqual([
      { kind: 'REGISTERED', from: null, to: 'CONFLICT', note: `Rules of engagement: conflicts with ${id('c1')}` },
    ]);

    const conflicts = await expectData(db, `{ dealConflicts(first: 100) { totalCount edges { node { id } } } }`);
    expect(conflicts.data.dealConflicts.edges.map((e: any) => e.node.id).filter((d: string) => d.startsWith(px))).toEqual([id('c2')]);

    const resolved = await expectData(db, RESOLVE, { input: { dealId: id('c2'), decision: 'APPROVE', note: 'joint account plan agreed' } });
    expect(resolved.data.resolveDealConflict.errors).toEqual([]);
    expect(resolved.data.resolveDealConflict.deal).toMatchObject({
      registrationStatus: 'APPROVED',
      history: [
        { kind: 'REGISTERED', from: null, to: 'CONFLICT' },
        { kind: 'STATUS_CHANGED', from: 'CONFLICT', to: 'APPROVED', note: 'joint account plan agreed' },
      ],
    });
    // Approved by decision, it still shows whom it overlaps.
    expect(resolved.data.resolveDealConflict.deal.conflictsWith).toEqual([{ id: id('c1') }]);
    const again = await expectData(db, RESOLVE, { input: { dealId: id('c2'), decision: 'REJECT' } });
    expect(again.data.resolveDealConflict.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'dealId'], 'CONFLICT']]);

    // Closing the first deal takes it out of the rules: a third reseller now meets the open c2 (resB) and c3 (resA).
    await expectData(db, UPDATE_STAGE, { input: { dealId: id('c1'), stage: 'CLOSED_LOST', closedAt: at(5) } });
    const third = await register(dealInput('c5', 'conflicts', [{ partnerId: 'cloud', role: 'RESELLER' }], { createdAt: at(6) }));
    expect(third.deal.registrationStatus).toBe('CONFLICT');
    expect(third.deal.conflictsWith).toEqual([{ id: id('c2') }, { id: id('c3') }]);
    const rejected = await expectData(db, RESOLVE, { input: { dealId: id('c5'), decision: 'REJECT' } });
    expect(rejected.data.resolveDealConflict.deal.registrationStatus).toBe('REJECTED');
    // A deal registered later with resB conflicts with c3 only (c2 has resB itself; c5 is rejected).
    const fourth = await register(dealInput('c6', 'conflicts', [{ partnerId: 'resB', role: 'RESELLER' }], { createdAt: at(7) }));
    expect(fourth.deal.conflictsWith).toEqual([{ id: id('c3') }]);
  });

  it('lets exactly one of several racing registrations win', async () => {
    const resellers = ['resA', 'resB', 'cloud', 'si', 'sec', 'data'];
    const results = await Promise.all(resellers.map((r) => register(dealInput(`race-${r}`, 'race', [{ partnerId: r, role: 'RESELLER' }]))));
    expect(results.every((r) => r.errors.length === 0)).toBe(true);
    const winners = results.filter((r) => r.deal.registrationStatus === 'APPROVED');
    expect(winners).toHaveLength(1);
    const winner = winners[0].deal.id;
    const { data } = await expectData(
      db,
      `query($ids: ID!) { deals(filter: {customerId: $ids}, first: 100) { edges { node { id registrationStatus conflictsWith { id } } } } }`,
      { ids: id('race') },
    );
    const stored = data.deals.edges.map((e: any) => e.node);
    expect(stored).toHaveLength(resellers.length);
    for (const deal of stored) {
      if (deal.id === winner) expect(deal).toEqual({ id: winner, registrationStatus: 'APPROVED', conflictsWith: [] });
      else expect(deal).toEqual({ id: deal.id, registrationStatus: 'CONFLICT', conflictsWith: [{ id: winner }] });
    }
  });

  it('runs the rules again when a reseller joins, and keeps every change in the history', async () => {
    await register(dealInput('a1', 'adds', [{ partnerId: 'resA', role: 'RESELLER' }], { createdAt: '2011-05-01T00:00:00.000Z' }));
    const plain = await register(
      dealInput('a2', 'adds', [{ partnerId: 'si', role: 'SERVICES', sourced: true }], { createdAt: '2011-05-02T00:00:00.000Z' }),
    );
    expect(plain.deal.registrationStatus).toBe('APPROVED');
    const tech = await expectData(db, ADD, { input: { dealId: id('a2'), partnerId: id('data'), role: 'TECHNOLOGY' } });
    expect(tech.data.addDealParticipant.deal.registrationStatus).toBe('APPROVED');
    const secondSourcer = await expectData(db, ADD, {
      input: { dealId: id('a2'), partnerId: id('sec'), role: 'TECHNOLOGY', sourced: true },
    });
    expect(secondSourcer.data.addDealParticipant.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'sourced'], 'CONFLICT']]);
    const twice = await expectData(db, ADD, { input: { dealId: id('a2'), partnerId: id('data'), role: 'SERVICES' } });
    expect(twice.data.addDealParticipant.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'partnerId'], 'CONFLICT']]);
    const reseller = await expectData(db, ADD, {
      input: { dealId: id('a2'), partnerId: id('resB'), role: 'RESELLER', note: 'resB brought in' },
    });
    expect(reseller.data.addDealParticipant.deal).toMatchObject({
      registrationStatus: 'CONFLICT',
      conflictsWith: [{ id: id('a1') }],
      history: [
        { kind: 'REGISTERED', from: null, to: 'APPROVED', note: null },
        { kind: 'PARTICIPANT_ADDED', from: null, to: id('data'), note: null },
        { kind: 'PARTICIPANT_ADDED', from: null, to: id('resB'), note: 'resB brought in' },
        { kind: 'STATUS_CHANGED', from: 'APPROVED', to: 'CONFLICT', note: `Rules of engagement: conflicts with ${id('a1')}` },
      ],
    });
    const removed = await expectData(db, REMOVE, { input: { dealId: id('a2'), partnerId: id('data') } });
    expect(removed.data.removeDealParticipant.deal.participants.map((p: any) => p.partner.id)).toEqual([id('resB'), id('si')]);
    expect(removed.data.removeDealParticipant.deal.history.at(-1)).toEqual({
      kind: 'PARTICIPANT_REMOVED',
      from: id('data'),
      to: null,
      note: null,
    });
    await expectData(db, REMOVE, { input: { dealId: id('a2'), partnerId: id('resB') } });
    const last = await expectData(db, REMOVE, { input: { dealId: id('a2'), partnerId: id('si') } });
    expect(last.data.removeDealParticipant.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'partnerId'], 'CONFLICT']]);
    const notThere = await expectData(db, REMOVE, { input: { dealId: id('a2'), partnerId: id('cloud') } });
    expect(notThere.data.removeDealParticipant.errors.map((e: any) => [e.path, e.code])).toEqual([[['input', 'partnerId'], 'NOT_FOUND']]);
  });
});

describe('rules of engagement on import', () => {
  const ix = uniquePrefix('dealimport');
  afterAll(() => removeByPrefix(db, ix));

  it('decides statuses for imported deals and registerDeal then honours them', async () => {
    const partner = (k: string) => ({ id: `${ix}${k}`, name: k, types: ['RESELLER'] });
    const deal = (k: string, reseller: string, day: number, extra: Record<string, unknown> = {}) => ({
      id: `${ix}${k}`,
      name: k,
      customerId: `${ix}cust`,
      stage: 'QUALIFIED',
      amount: '10.00',
      currency: 'EUR',
      createdAt: `2011-07-${String(day).padStart(2, '0')}T00:00:00Z`,
      participants: [{ partnerId: `${ix}${reseller}`, role: 'RESELLER' }],
      ...extra,
    });
    const result = await importEcosystem(db, {
      formatVersion: 1,
      partners: [partner('r1'), partner('r2'), partner('r3')],
      customers: [{ id: `${ix}cust`, name: 'Imported customer' }],
      deals: [deal('late', 'r2', 3), deal('first', 'r1', 1), deal('kept', 'r3', 2, { registrationStatus: 'REJECTED' })],
    });
    expect(result.ok).toBe(true);
    const read = `query($ids: ID!) { deals(filter: {customerId: $ids}, first: 10) { edges { node { id registrationStatus conflictsWith { id } } } } }`;
    const { data } = await expectData(db, read, { ids: `${ix}cust` });
    expect(data.deals.edges.map((e: any) => e.node)).toEqual([
      { id: `${ix}first`, registrationStatus: 'APPROVED', conflictsWith: [] },
      { id: `${ix}kept`, registrationStatus: 'REJECTED', conflictsWith: [{ id: `${ix}first` }] },
      { id: `${ix}late`, registrationStatus: 'CONFLICT', conflictsWith: [{ id: `${ix}first` }] },
    ]);
    const registered = await register({
      id: `${ix}new`,
      name: 'new',
      customerId: `${ix}cust`,
      amount: '1.00',
      currency: 'EUR',
      participants: [{ partnerId: `${ix}r3`, role: 'RESELLER' }],
    });
    expect(registered.deal).toMatchObject({ registrationStatus: 'CONFLICT', conflictsWith: [{ id: `${ix}first` }] });
  });
});

describe('coSellRecommendations', () => {
  it('ranks eligible partners by the documented score, with reasons', async () => {
    await register(
      dealInput('cosell', 'acme', [{ partnerId: 'resA', role: 'RESELLER' }], {
        solutionId: id('sol'),
        createdAt: '2011-08-01T00:00:00.000Z',
      }),
    );
    const { data } = await expectData(
      db,
      `query($id: ID!) { coSellRecommendations(dealId: $id, first: 10) { partner { id } score reasons } }`,
      { id: id('cosell') },
    );
    // Needed: acme's sec and impl, the solution's cloud and data (resA has none of them). cloud and si
    // co-sold with resA on the classic deal, data on an old one; dormant is not eligible.
    expect(data.coSellRecommendations).toEqual([
      {
        partner: { id: id('cloud') },
        score: 7.5,
        reasons: [
          'Has an account with Customer acme (CUSTOMER)',
          'Brings 1 capability the deal still needs: Cap cloud',
          'Has co-sold before with 1 partner on the deal: Partner resA',
          'PLATINUM tier partner',
        ],
      },
      {
        partner: { id: id('si') },
        score: 4,
        reasons: [
          'Brings 1 capability the deal still needs: Cap impl',
          'Has co-sold before with 1 partner on the deal: Partner resA',
          'GOLD tier partner',
        ],
      },
      {
        partner: { id: id('data') },
        score: 3,
        reasons: ['Brings 1 capability the deal still needs: Cap data', 'Has co-sold before with 1 partner on the deal: Partner resA'],
      },
      { partner: { id: id('resB') }, score: 2.5, reasons: ['Has an account with Customer acme (OPPORTUNITY)', 'SILVER tier partner'] },
      { partner: { id: id('sec') }, score: 2.5, reasons: ['Brings 1 capability the deal still needs: Cap sec', 'SILVER tier partner'] },
    ]);
    // With the cloud provider on the deal, cloud is no longer needed and sec integrates with a participant.
    await expectData(db, ADD, { input: { dealId: id('cosell'), partnerId: id('cloud'), role: 'MARKETPLACE' } });
    const after = await expectData(
      db,
      `query($id: ID!) { coSellRecommendations(dealId: $id, first: 2) { partner { id } score reasons } }`,
      { id: id('cosell') },
    );
    expect(after.data.coSellRecommendations).toEqual([
      {
        partner: { id: id('si') },
        score: 5,
        reasons: [
          'Brings 1 capability the deal still needs: Cap impl',
          'Has co-sold before with 2 partners on the deal: Partner cloud, Partner resA',
          'GOLD tier partner',
        ],
      },
      {
        partner: { id: id('sec') },
        score: 3.5,
        reasons: [
          'Brings 1 capability the deal still needs: Cap sec',
          'Integrates with 1 partner on the deal: Partner cloud',
          'SILVER tier partner',
        ],
      },
    ]);
    const missing = await runOperation(db, `{ coSellRecommendations(dealId: "${px}none") { score } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
