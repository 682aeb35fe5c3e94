// The README's worked example of "Programs and tiers", run as written: the answers the README shows are these.
import { afterAll, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor } from './support/db.js';
import { loadFixture } from './support/fixture.js';

const db = testExecutor();
const clean = async () => {
  await removeByPrefix(db, 'ex-');
  await db.runText("MATCH (e:Enrolment) WHERE e.programId STARTS WITH 'ex-' DETACH DELETE e", {}, 'WRITE');
};
afterAll(clean);

it('answers the README example of Programs and tiers as the README shows', async () => {
  await clean();
  await loadFixture(db, {
    capabilities: [
      { id: 'ex-cap-siem', name: 'SIEM' },
      { id: 'ex-cap-edr', name: 'EDR' },
      { id: 'ex-cap-iam', name: 'IAM' },
    ],
    partners: [
      {
        id: 'ex-northwind',
        name: 'Northwind Resale',
        types: ['RESELLER'],
        tier: 'SILVER',
        tierHistory: [
          { tier: 'REGISTERED', at: '2024-01-10T00:00:00Z' },
          { tier: 'SILVER', at: '2025-02-01T00:00:00Z' },
        ],
        capabilities: [
          { capabilityId: 'ex-cap-siem', level: 'CERTIFIED', since: '2024-06-01T00:00:00Z' },
          { capabilityId: 'ex-cap-edr', level: 'EXPERT', since: '2025-03-01T00:00:00Z' },
          { capabilityId: 'ex-cap-iam', level: 'BASIC', since: '2025-03-01T00:00:00Z' },
        ],
      },
      { id: 'ex-contoso', name: 'Contoso Services', types: ['RESELLER', 'SERVICES'], tier: 'GOLD' },
    ],
    customers: [{ id: 'ex-acme', name: 'Acme Bank' }],
    deals: [
      {
        id: 'ex-d1',
        name: 'Acme SIEM',
        customerId: 'ex-acme',
        stage: 'CLOSED_WON',
        amount: '180000.00',
        currency: 'USD',
        createdAt: '2025-01-05T00:00:00Z',
        closedAt: '2025-04-30T00:00:00Z',
        registrationStatus: 'APPROVED',
        participants: [
          { partnerId: 'ex-northwind', role: 'RESELLER', sourced: true },
          { partnerId: 'ex-contoso', role: 'SERVICES' },
        ],
      },
      {
        id: 'ex-d2',
        name: 'Acme Tokyo',
        customerId: 'ex-acme',
        stage: 'CLOSED_WON',
        amount: '15000000',
        currency: 'JPY',
        createdAt: '2025-02-01T00:00:00Z',
        closedAt: '2025-09-15T00:00:00Z',
        registrationStatus: 'APPROVED',
        participants: [{ partnerId: 'ex-northwind', role: 'RESELLER', sourced: true }],
      },
      {
        id: 'ex-d3',
        name: 'Acme Manama',
        customerId: 'ex-acme',
        stage: 'CLOSED_WON',
        amount: '5000.500',
        currency: 'BHD',
        createdAt: '2025-03-01T00:00:00Z',
        closedAt: '2025-11-20T00:00:00Z',
        registrationStatus: 'APPROVED',
        participants: [{ partnerId: 'ex-northwind', role: 'RESELLER' }],
      },
      {
        id: 'ex-d4',
        name: 'Acme old',
        customerId: 'ex-acme',
        stage: 'CLOSED_WON',
        amount: '90000.00',
        currency: 'USD',
        createdAt: '2024-10-01T00:00:00Z',
        closedAt: '2025-01-01T00:00:00Z',
        registrationStatus: 'APPROVED',
        participants: [{ partnerId: 'ex-northwind', role: 'RESELLER', sourced: true }],
      },
    ],
  });
  const out: Record<string, unknown> = {};
  const create = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { program { id } errors { path message code } } }`;
  out.create = (
    await expectData(db, create, {
      input: {
        id: 'ex-reseller-track',
        name: 'Reseller track',
        partnerType: 'RESELLER',
        reportingCurrency: 'USD',
        exchangeRates: [
          { currency: 'JPY', rate: '0.0067' },
          { currency: 'BHD', rate: '2.659574468085' },
        ],
        exclusiveTerritory: { regions: ['EMEA'], industries: ['Banking'] },
        levels: [
          { tier: 'SILVER', closedWonDeals: 2 },
          {
            tier: 'GOLD',
            certifiedCapabilities: 2,
            sourcedWon: [{ amount: '250000', currency: 'USD' }],
            influencedWon: [{ amount: '10000', currency: 'USD' }],
            coSells: 1,
          },
          { tier: 'PLATINUM', closedWonDeals: 10, sourcedWon: [{ amount: '1000000', currency: 'USD' }] },
        ],
      },
    })
  ).data;
  out.create2 = (
    await expectData(db, create, {
      input: {
        id: 'ex-reseller-emea',
        name: 'Reseller EMEA',
        partnerType: 'RESELLER',
        exclusiveTerritory: { regions: ['EMEA', 'APAC'], industries: [] },
        levels: [
          {
            tier: 'GOLD',
            sourcedWon: [
              { amount: '200000', currency: 'USD' },
              { amount: '30000000', currency: 'JPY' },
            ],
          },
        ],
      },
    })
  ).data;
  const enrol = `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { program { id enrolments { partner { id } since } } errors { path message code } } }`;
  out.e1 = (
    await expectData(db, enrol, {
      input: {
        programId: 'ex-reseller-track',
        partnerId: 'ex-northwind',
        since: '2025-01-15T00:00:00Z',
        exclusiveTerritory: { regions: ['EMEA'], industries: ['Banking', 'Retail'] },
      },
    })
  ).data;
  out.e2 = (
    await expectData(db, enrol, {
      input: {
        programId: 'ex-reseller-emea',
        partnerId: 'ex-contoso',
        since: '2025-01-15T00:00:00Z',
        exclusiveTerritory: { regions: ['EMEA'], industries: [] },
      },
    })
  ).data;
  out.evaluation = (
    await expectData(
      db,
      `{ tierEvaluation(partnerId: "ex-northwind", programId: "ex-reseller-track", asOf: "2026-01-01T00:00:00Z") {
    currentTier qualifiedTier direction windowStart
    levels { tier qualified criteria { criterion met value threshold amounts { amount currency } thresholdAmounts { amount currency } unconverted { amount currency } } }
    nextLevel { tier }
    missing { criterion shortfall shortfallAmounts { amount currency } } } }`,
    )
  ).data;
  out.evaluationBoundary = (
    await expectData(
      db,
      `{ a: tierEvaluation(partnerId: "ex-northwind", programId: "ex-reseller-track", asOf: "2026-01-01T00:00:00Z") { levels { tier criteria { criterion value } } }
     b: tierEvaluation(partnerId: "ex-northwind", programId: "ex-reseller-track", asOf: "2025-12-31T23:59:59.999Z") { levels { tier criteria { criterion value } } } }`,
    )
  ).data;
  out.mismatches = (
    await expectData(
      db,
      `{ tierMismatches(programId: "ex-reseller-track", asOf: "2026-01-01T00:00:00Z") { mismatches { partner { id } currentTier qualifiedTier direction } totalCount endCursor enrolledCount } }`,
    )
  ).data;
  out.conflicts = (
    await expectData(
      db,
      `{ programConflicts { totalCount conflicts { kind partnerType programs { id } partners { id } overlap { region industry } } } }`,
    )
  ).data;
  const json = JSON.parse(JSON.stringify(out, (_k, v) => (v instanceof Date ? v.toISOString() : v)));
  const e = json.evaluation.tierEvaluation;
  expect([e.currentTier, e.qualifiedTier, e.direction, e.windowStart, e.nextLevel.tier]).toEqual([
    'SILVER',
    'GOLD',
    'UP',
    '2025-01-01T00:00:00.000Z',
    'PLATINUM',
  ]);
  const gold = Object.fromEntries(e.levels[1].criteria.map((c: { criterion: string }) => [c.criterion, c]));
  expect(gold.SOURCED_WON.amounts).toEqual([{ amount: '280500.00', currency: 'USD' }]);
  expect(gold.INFLUENCED_WON.amounts).toEqual([{ amount: '13299.20', currency: 'USD' }]);
  expect([gold.CERTIFIED_CAPABILITIES.value, gold.CO_SELLS.value]).toEqual([2, 1]);
  expect(e.missing).toEqual([
    { criterion: 'CLOSED_WON_DEALS', shortfall: 7, shortfallAmounts: null },
    { criterion: 'SOURCED_WON', shortfall: null, shortfallAmounts: [{ amount: '719500.00', currency: 'USD' }] },
  ]);
  // ex-d4 closed exactly at the window's start: out at 2026-01-01, in a millisecond earlier.
  expect([json.evaluationBoundary.a.levels[0].criteria[0].value, json.evaluationBoundary.b.levels[0].criteria[0].value]).toEqual([3, 4]);
  expect(json.mismatches.tierMismatches.mismatches).toEqual([
    { partner: { id: 'ex-northwind' }, currentTier: 'SILVER', qualifiedTier: 'GOLD', direction: 'UP' },
  ]);
  const conflicts = json.conflicts.programConflicts.conflicts.filter((c: { programs: { id: string }[] }) =>
    c.programs.every((p) => p.id.startsWith('ex-')),
  );
  expect(conflicts).toEqual([
    {
      kind: 'PROGRAMS',
      partnerType: 'RESELLER',
      programs: [{ id: 'ex-reseller-emea' }, { id: 'ex-reseller-track' }],
      partners: [],
      overlap: [{ region: 'EMEA', industry: 'Banking' }],
    },
    {
      kind: 'ENROLMENTS',
      partnerType: 'RESELLER',
      programs: [{ id: 'ex-reseller-emea' }, { id: 'ex-reseller-track' }],
      partners: [{ id: 'ex-contoso' }, { id: 'ex-northwind' }],
      overlap: [
        { region: 'EMEA', industry: 'Banking' },
        { region: 'EMEA', industry: 'Retail' },
      ],
    },
  ]);
});
