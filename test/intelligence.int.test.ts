// Ecosystem intelligence: hand-checked answers on a small security ecosystem, then every operation
// against a brute force (test/support/intelligence-oracle.ts: straight loops over a dump of the graph) on 30 random
// ecosystems. Fixtures go in through the interchange importer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { ADMIN, expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import {
  type AssembleRequest,
  type MapRequest,
  byIdAsc,
  dumpGraph,
  dumpMap,
  expectedAssembly,
  expectedGaps,
  expectedImpact,
  expectedMap,
  expectedMatches,
  expectedOverlap,
  randomEcosystem,
  sortEdges,
  TYPES,
} from './support/intelligence-oracle.js';
import { prng } from './support/random.js';

const db = testExecutor();

async function load(doc: Record<string, unknown>): Promise<void> {
  const result = await importEcosystem(db, { formatVersion: 1, ...doc });
  if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result.problems, null, 2)}`);
}

const MATCHES = `query($id: ID!, $first: Int) { partnerMatches(partnerId: $id, first: $first) {
  partner { id } score sharedCustomerCount integrated complementDemand sharedRegions sharedIndustries
  complementaryCapabilities { id } complementaryNeeds { capability { id } neededBy } reasons } }`;
const OVERLAP = `query($a: ID!, $b: ID!, $first: Int, $after: String) { accountOverlap(partnerId: $a, otherPartnerId: $b) {
  sharedCustomerCount cells { status otherStatus count }
  customers(first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
const GAPS = `query($region: String, $industry: String) { gapAnalysis(region: $region, industry: $industry) {
  capabilities { capability { id } customerDemand solutionDemand supply status } } }`;
const IMPACT = `query($id: ID!) { partnerImpact(partnerId: $id) {
  capabilitiesLost { id } orphanedCustomers { id } solutionsAffected { id } openDealsAffected { id } revenueAtRisk { amount currency } } }`;
const ASSEMBLE = `query($input: AssembleSolutionInput!) { assembleSolution(input: $input) {
  proposals { partnerCount score integratedPairs pairsWithSharedCustomers reasons
              partners { partner { id } covers { id } suggestedRole included } }
  uncoveredCapabilities { id } minimumPartnerCount exhaustive timedOut notes } }`;
const MAP = `query($input: EcosystemMapInput) { ecosystemMap(input: $input) {
  nodes { id: entityId kind label group weight distance } edges { source target kind } truncated } }`;

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('ecosystem intelligence on a hand-checked ecosystem', () => {
  const px = uniquePrefix('intel');
  const id = (s: string) => `${px}${s}`;
  const EMEA = id('EMEA');
  const NA = id('NA');
  const FIN = id('FIN');
  const HEALTH = id('HEALTH');
  const [A, B, C, D, E, F] = ['A', 'B', 'C', 'D', 'E', 'F'].map(id) as [string, string, string, string, string, string];
  const [EDR, SIEM, IAM, CLOUD, SOC] = ['cap-edr', 'cap-siem', 'cap-iam', 'cap-cloud', 'cap-soc'].map(id) as [
    string,
    string,
    string,
    string,
    string,
  ];

  beforeAll(async () => {
    const partner = (
      pid: string,
      types: string[],
      tier: string,
      lifecycleStage: string,
      regions: string[],
      industries: string[],
      capabilities: [string, string][],
      integratesWith: string[] = [],
    ) => ({
      id: pid,
      name: `Partner ${pid.slice(px.length)}`,
      types,
      tier,
      lifecycleStage,
      regions,
      industries,
      capabilities: capabilities.map(([capabilityId, level]) => ({ capabilityId, level })),
      integratesWith,
    });
    await load({
      capabilities: [
        { id: EDR, name: 'Endpoint protection', category: 'Security' },
        { id: SIEM, name: 'SIEM', category: 'Security' },
        { id: IAM, name: 'Identity and access', category: 'Security' },
        { id: CLOUD, name: 'Cloud hosting', category: 'Cloud' },
        { id: SOC, name: 'Managed SOC', category: 'Services' },
      ],
      partners: [
        partner(
          A,
          ['TECHNOLOGY'],
          'GOLD',
          'ACTIVE',
          [EMEA],
          [FIN],
          [
            [EDR, 'EXPERT'],
            [SIEM, 'CERTIFIED'],
          ],
          [B],
        ),
        partner(B, ['TECHNOLOGY'], 'PLATINUM', 'ACTIVE', [EMEA, NA], [FIN], [[IAM, 'CERTIFIED']], [A, D]),
        partner(
          C,
          ['SERVICES'],
          'SILVER',
          'ACTIVE',
          [EMEA],
          [],
          [
            [SOC, 'BASIC'],
            [SIEM, 'BASIC'],
          ],
        ),
        partner(D, ['HYPERSCALER'], 'PLATINUM', 'ONBOARDING', [EMEA, NA], [FIN, HEALTH], [[CLOUD, 'EXPERT']], [B]),
        partner(E, ['RESELLER'], 'GOLD', 'ACTIVE', [EMEA], [FIN], []),
        partner(
          F,
          ['TECHNOLOGY'],
          'GOLD',
          'DORMANT',
          [EMEA],
          [],
          [
            [IAM, 'EXPERT'],
            [EDR, 'BASIC'],
          ],
        ),
      ],
      customers: [
        { id: id('u1'), name: 'Bank One', region: EMEA, industry: FIN, needs: [EDR, IAM] },
        { id: id('u2'), name: 'Bank Two', region: EMEA, industry: FIN, needs: [IAM] },
        { id: id('u3'), name: 'Clinic', region: NA, industry: HEALTH, needs: [CLOUD] },
        { id: id('u4'), name: 'Insurer', region: EMEA, industry: FIN, needs: [SOC] },
      ],
      accounts: [
        { partnerId: A, customerId: id('u1'), status: 'CUSTOMER' },
        { partnerId: A, customerId: id('u2'), status: 'OPPORTUNITY' },
        { partnerId: B, customerId: id('u1'), status: 'CUSTOMER' },
        { partnerId: B, customerId: id('u2'), status: 'PROSPECT' },
        { partnerId: C, customerId: id('u4'), status: 'CUSTOMER' },
        { partnerId: D, customerId: id('u3'), status: 'CUSTOMER' },
        { partnerId: E, customerId: id('u1'), status: 'OPPORTUNITY' },
        { partnerId: F, customerId: id('u2'), status: 'CUSTOMER' },
      ],
      solutions: [
        {
          id: id('s1'),
          name: 'Secure endpoints',
          status: 'PUBLISHED',
          requires: [EDR, SIEM],
          members: [{ partnerId: A, role: 'TECHNOLOGY' }],
        },
        { id: id('s2'), name: 'Old cloud', status: 'RETIRED', requires: [CLOUD], members: [{ partnerId: D, role: 'HYPERSCALER' }] },
        { id: id('s3'), name: 'Identity', status: 'DRAFT', requires: [IAM], members: [{ partnerId: B, role: 'TECHNOLOGY' }] },
      ],
      deals: [
        {
          id: id('d1'),
          name: 'EDR for Bank One',
          customerId: id('u1'),
          stage: 'NEGOTIATION',
          amount: '1000.50',
          currency: 'USD',
          createdAt: '2026-01-05T10:00:00Z',
          participants: [{ partnerId: A, role: 'TECHNOLOGY', sourced: true }],
        },
        {
          id: id('d2'),
          name: 'IAM for Bank Two',
          customerId: id('u2'),
          stage: 'QUALIFIED',
          amount: '250.25',
          currency: 'USD',
          createdAt: '2026-01-06T10:00:00Z',
          participants: [
            { partnerId: A, role: 'TECHNOLOGY' },
            { partnerId: B, role: 'TECHNOLOGY' },
          ],
        },
        {
          id: id('d3'),
          name: 'Won deal',
          customerId: id('u1'),
          stage: 'CLOSED_WON',
          amount: '500.00',
          currency: 'USD',
          createdAt: '2026-01-07T10:00:00Z',
          closedAt: '2026-02-01T10:00:00Z',
          participants: [{ partnerId: A, role: 'TECHNOLOGY' }],
        },
        {
          id: id('d4'),
          name: 'Yen deal',
          customerId: id('u1'),
          stage: 'PROPOSAL',
          amount: '10000',
          currency: 'JPY',
          createdAt: '2026-01-08T10:00:00Z',
          participants: [{ partnerId: A, role: 'TECHNOLOGY' }],
        },
      ],
    });
  });
  afterAll(() => removeByPrefix(db, px));

  it('partnerMatches ranks complementary partners with the documented score and says why', async () => {
    const { data } = await expectData(db, MATCHES, { id: A });
    expect(data.partnerMatches).toEqual([
      {
        partner: { id: B },
        score: 17.5,
        sharedCustomerCount: 2,
        integrated: true,
        complementDemand: 2,
        sharedRegions: [EMEA],
        sharedIndustries: [FIN],
        complementaryCapabilities: [{ id: IAM }],
        complementaryNeeds: [{ capability: { id: IAM }, neededBy: 2 }],
        reasons: [
          '2 shared customers',
          'adds Identity and access, needed by 2 of your customers',
          'already integrated with you',
          `both in ${EMEA}`,
          `both serve ${FIN}`,
          'brings 1 capability you lack',
        ],
      },
      {
        partner: { id: D },
        score: 2.5,
        sharedCustomerCount: 0,
        integrated: false,
        complementDemand: 0,
        sharedRegions: [EMEA],
        sharedIndustries: [FIN],
        complementaryCapabilities: [{ id: CLOUD }],
        complementaryNeeds: [{ capability: { id: CLOUD }, neededBy: 0 }],
        reasons: [`both in ${EMEA}`, `both serve ${FIN}`, 'brings 1 capability you lack'],
      },
      {
        partner: { id: C },
        score: 1.5,
        sharedCustomerCount: 0,
        integrated: false,
        complementDemand: 0,
        sharedRegions: [EMEA],
        sharedIndustries: [],
        complementaryCapabilities: [{ id: SOC }],
        complementaryNeeds: [{ capability: { id: SOC }, neededBy: 0 }],
        reasons: [`both in ${EMEA}`, 'brings 1 capability you lack'],
      },
    ]);
    const firstOnly = await expectData(db, MATCHES, { id: A, first: 1 });
    expect(firstOnly.data.partnerMatches.map((m: any) => m.partner.id)).toEqual([B]);
    const tooMany = await runOperation(db, MATCHES, { id: A, first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('accountOverlap counts shared customers per pair of statuses and pages them', async () => {
    const { data } = await expectData(db, OVERLAP, { a: A, b: B, first: 1 });
    expect(data.accountOverlap).toEqual({
      sharedCustomerCount: 2,
      cells: [
        { status: 'CUSTOMER', otherStatus: 'CUSTOMER', count: 1 },
        { status: 'OPPORTUNITY', otherStatus: 'PROSPECT', count: 1 },
      ],
      customers: { totalCount: 2, edges: [{ node: { id: id('u1') } }], pageInfo: { hasNextPage: true, endCursor: expect.any(String) } },
    });
    const next = await expectData(db, OVERLAP, { a: A, b: B, first: 1, after: data.accountOverlap.customers.pageInfo.endCursor });
    expect(next.data.accountOverlap.customers.edges).toEqual([{ node: { id: id('u2') } }]);
    const none = await expectData(db, OVERLAP, { a: A, b: C });
    expect(none.data.accountOverlap).toEqual({
      sharedCustomerCount: 0,
      cells: [],
      customers: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it('gapAnalysis scores demand against supply in a scope and unscoped', async () => {
    const mine = (list: any[]) => list.filter((c) => c.capability.id.startsWith(px));
    const scoped = await expectData(db, GAPS, { region: EMEA, industry: FIN });
    expect(mine(scoped.data.gapAnalysis.capabilities)).toEqual([
      { capability: { id: SOC }, customerDemand: 1, solutionDemand: 0, supply: 0, status: 'GAP' },
      { capability: { id: IAM }, customerDemand: 2, solutionDemand: 1, supply: 1, status: 'THIN' },
      { capability: { id: EDR }, customerDemand: 1, solutionDemand: 1, supply: 1, status: 'THIN' },
      { capability: { id: SIEM }, customerDemand: 0, solutionDemand: 1, supply: 1, status: 'THIN' },
    ]);
    const all = await expectData(db, GAPS, {});
    expect(mine(all.data.gapAnalysis.capabilities)).toEqual([
      { capability: { id: IAM }, customerDemand: 2, solutionDemand: 1, supply: 1, status: 'THIN' },
      { capability: { id: EDR }, customerDemand: 1, solutionDemand: 1, supply: 1, status: 'THIN' },
      { capability: { id: CLOUD }, customerDemand: 1, solutionDemand: 0, supply: 1, status: 'THIN' },
      { capability: { id: SOC }, customerDemand: 1, solutionDemand: 0, supply: 1, status: 'THIN' },
      { capability: { id: SIEM }, customerDemand: 0, solutionDemand: 1, supply: 2, status: 'COVERED' },
    ]);
  });

  it('partnerImpact lists what breaks and sums open deals exactly per currency', async () => {
    const a = await expectData(db, IMPACT, { id: A });
    expect(a.data.partnerImpact).toEqual({
      capabilitiesLost: [{ id: EDR }],
      orphanedCustomers: [],
      solutionsAffected: [{ id: id('s1') }],
      openDealsAffected: [{ id: id('d1') }, { id: id('d2') }, { id: id('d4') }],
      revenueAtRisk: [
        { amount: '10000', currency: 'JPY' },
        { amount: '1250.75', currency: 'USD' },
      ],
    });
    const c = await expectData(db, IMPACT, { id: C });
    expect(c.data.partnerImpact).toEqual({
      capabilitiesLost: [{ id: SOC }],
      orphanedCustomers: [{ id: id('u4') }],
      solutionsAffected: [],
      openDealsAffected: [],
      revenueAtRisk: [],
    });
    // A dormant partner is no eligible supplier, so nothing is lost with it.
    const f = await expectData(db, IMPACT, { id: F });
    expect(f.data.partnerImpact).toEqual({
      capabilitiesLost: [],
      orphanedCustomers: [],
      solutionsAffected: [],
      openDealsAffected: [],
      revenueAtRisk: [],
    });
    const d = await expectData(db, IMPACT, { id: D });
    expect(d.data.partnerImpact.solutionsAffected).toEqual([]);
    expect(d.data.partnerImpact.capabilitiesLost).toEqual([{ id: CLOUD }]);
  });

  it('assembleSolution finds the only minimal set and scores it by the formula', async () => {
    const { data } = await expectData(db, ASSEMBLE, { input: { capabilityIds: [SOC, EDR, IAM], region: EMEA } });
    expect(data.assembleSolution).toEqual({
      proposals: [
        {
          partnerCount: 3,
          // 100 − 30 + 3·(1/3 integrated) + 2·(1/3 sharing) + 2·(2/3 average tier) + 1 (average best level)
          score: 74,
          integratedPairs: 1,
          pairsWithSharedCustomers: 1,
          reasons: [
            '3 partners cover all 3 required capabilities',
            '1 of 3 member pairs integrate',
            '1 of 3 member pairs share customers (2 shared customers)',
            'average tier 2.0 (REGISTERED 0, SILVER 1, GOLD 2, PLATINUM 3)',
            '2 of 3 covered at CERTIFIED or EXPERT level',
          ],
          partners: [
            { partner: { id: A }, covers: [{ id: EDR }], suggestedRole: 'TECHNOLOGY', included: false },
            { partner: { id: B }, covers: [{ id: IAM }], suggestedRole: 'TECHNOLOGY', included: false },
            { partner: { id: C }, covers: [{ id: SOC }], suggestedRole: 'SERVICES', included: false },
          ],
        },
      ],
      uncoveredCapabilities: [],
      minimumPartnerCount: 3,
      exhaustive: true,
      timedOut: false,
      notes: [],
    });
  });

  it('assembleSolution honours required types, maxPartners, exclusions and inclusions', async () => {
    const withReseller = await expectData(db, ASSEMBLE, {
      input: { capabilityIds: [SOC, EDR, IAM], region: EMEA, requiredTypes: ['RESELLER'] },
    });
    expect(withReseller.data.assembleSolution.proposals.map((p: any) => p.partners.map((m: any) => m.partner.id))).toEqual([[A, B, C, E]]);
    expect(withReseller.data.assembleSolution.proposals[0].partners[3].suggestedRole).toBe('RESELLER');

    const tooFew = await expectData(db, ASSEMBLE, {
      input: { capabilityIds: [SOC, EDR, IAM], region: EMEA, requiredTypes: ['RESELLER'], maxPartners: 3 },
    });
    expect(tooFew.data.assembleSolution).toMatchObject({ proposals: [], uncoveredCapabilities: [], minimumPartnerCount: null });

    const noSoc = await expectData(db, ASSEMBLE, { input: { capabilityIds: [SOC, EDR, IAM], region: EMEA, excludePartnerIds: [C] } });
    expect(noSoc.data.assembleSolution).toMatchObject({ proposals: [], uncoveredCapabilities: [{ id: SOC }] });

    // Two single-partner answers: A (GOLD, CERTIFIED) before C (SILVER, BASIC).
    const siem = await expectData(db, ASSEMBLE, { input: { capabilityIds: [SIEM], region: EMEA } });
    expect(siem.data.assembleSolution.proposals.map((p: any) => [p.partners.map((m: any) => m.partner.id), p.score])).toEqual([
      [[A], 92.3333],
      [[C], 90.6667],
    ]);

    const withD = await expectData(db, ASSEMBLE, { input: { capabilityIds: [SIEM], region: EMEA, includePartnerIds: [D] } });
    expect(withD.data.assembleSolution.proposals.map((p: any) => p.partners.map((m: any) => [m.partner.id, m.included]))).toEqual([
      [
        [A, false],
        [D, true],
      ],
      [
        [C, false],
        [D, true],
      ],
    ]);

    const dormant = await expectData(db, ASSEMBLE, { input: { capabilityIds: [SIEM], region: EMEA, includePartnerIds: [F] } });
    expect(dormant.data.assembleSolution.proposals).toEqual([]);
    expect(dormant.data.assembleSolution.notes[0]).toContain(F);

    const unknown = await runOperation(db, ASSEMBLE, { input: { capabilityIds: [id('nope')] } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ecosystemMap draws a neighbourhood, nearest and heaviest first, and says when it is truncated', async () => {
    const { data } = await expectData(db, MAP, { input: { centerId: A, kinds: ['PARTNER', 'CAPABILITY'] } });
    expect(data.ecosystemMap.nodes).toEqual([
      { id: A, kind: 'PARTNER', label: 'Partner A', group: 'TECHNOLOGY', weight: 10, distance: 0 },
      { id: B, kind: 'PARTNER', label: 'Partner B', group: 'TECHNOLOGY', weight: 7, distance: 1 },
      { id: EDR, kind: 'CAPABILITY', label: 'Endpoint protection', group: 'Security', weight: 4, distance: 1 },
      { id: SIEM, kind: 'CAPABILITY', label: 'SIEM', group: 'Security', weight: 3, distance: 1 },
    ]);
    expect(sortEdges(data.ecosystemMap.edges)).toEqual(
      sortEdges([
        { source: A, target: B, kind: 'INTEGRATES_WITH' },
        { source: A, target: EDR, kind: 'HAS_CAPABILITY' },
        { source: A, target: SIEM, kind: 'HAS_CAPABILITY' },
      ]),
    );
    expect(data.ecosystemMap.truncated).toBe(false);

    const deeper = await expectData(db, MAP, { input: { centerId: A, depth: 2, kinds: ['PARTNER', 'CAPABILITY'], limit: 5 } });
    expect(deeper.data.ecosystemMap.nodes.map((n: any) => [n.id, n.distance])).toEqual([
      [A, 0],
      [B, 1],
      [EDR, 1],
      [SIEM, 1],
      [IAM, 2],
    ]);
    expect(deeper.data.ecosystemMap.truncated).toBe(true);

    const overview = await expectData(db, MAP, { input: { kinds: ['PARTNER'], regions: [EMEA] } });
    expect(overview.data.ecosystemMap.nodes.map((n: any) => [n.id, n.weight])).toEqual([
      [A, 10],
      [B, 7],
      [D, 4],
      [C, 3],
      [F, 3],
      [E, 1],
    ]);
    expect(sortEdges(overview.data.ecosystemMap.edges)).toEqual(
      sortEdges([
        { source: A, target: B, kind: 'INTEGRATES_WITH' },
        { source: B, target: D, kind: 'INTEGRATES_WITH' },
      ]),
    );
    const nowhere = await expectData(db, MAP, { input: { centerId: id('nothing') } });
    expect(nowhere.data.ecosystemMap).toEqual({ nodes: [], edges: [], truncated: false });
  });

  it('saveSolution stores a proposal as a DRAFT solution and reports bad input as payload errors', async () => {
    const SAVE = `mutation($input: SaveSolutionInput!) { saveSolution(input: $input) {
      solution { id name status regions requires { id } members { partner { id } role } } errors { path code } } }`;
    const input = {
      id: id('saved'),
      name: 'Bank security',
      capabilityIds: [IAM, EDR],
      members: [{ partnerId: A }, { partnerId: B, role: 'SERVICES' }],
      regions: [EMEA],
    };
    const { data } = await expectData(db, SAVE, { input });
    expect(data.saveSolution).toEqual({
      solution: {
        id: id('saved'),
        name: 'Bank security',
        status: 'DRAFT',
        regions: [EMEA],
        requires: [{ id: EDR }, { id: IAM }],
        members: [
          { partner: { id: A }, role: 'TECHNOLOGY' },
          { partner: { id: B }, role: 'SERVICES' },
        ],
      },
      errors: [],
    });
    const again = await expectData(db, SAVE, { input });
    expect(again.data.saveSolution).toEqual({ solution: null, errors: [{ path: ['input', 'id'], code: 'CONFLICT' }] });
    const missing = await expectData(db, SAVE, { input: { ...input, id: id('saved2'), capabilityIds: [EDR, id('nope')] } });
    expect(missing.data.saveSolution).toEqual({ solution: null, errors: [{ path: ['input', 'capabilityIds', '1'], code: 'NOT_FOUND' }] });
    const empty = await expectData(db, SAVE, { input: { ...input, id: id('saved3'), members: [] } });
    expect(empty.data.saveSolution.errors).toEqual([{ path: ['input', 'members'], code: 'BAD_USER_INPUT' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: random small ecosystems against brute forces over a dump of the whole graph.

describe('ecosystem intelligence against brute force on 30 random ecosystems', () => {
  const random = prng(7_2026);
  for (let round = 0; round < 30; round++) {
    it(`random ecosystem ${round}`, async () => {
      const px = uniquePrefix(`rnd${round}`);
      const { doc, regions, industries, capabilities, partnerIds } = randomEcosystem(random, px);
      try {
        await load(doc);
        const g = await dumpGraph(db);
        const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
        const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
        const some = <T>(list: readonly T[], p: number) => list.filter(() => random() < p);

        for (const pid of partnerIds) {
          const matches = await expectData(db, MATCHES, { id: pid, first: 100 });
          expect(
            matches.data.partnerMatches.map(({ reasons: _r, ...m }: any) => m),
            `matches of ${pid}`,
          ).toEqual(expectedMatches(g, pid, 100));
          // Short lists exercise the pruning by score bounds (candidates that cannot reach the top are skipped).
          for (const first of [1, 3]) {
            const top = await expectData(db, MATCHES, { id: pid, first });
            expect(
              top.data.partnerMatches.map(({ reasons: _r, ...m }: any) => m),
              `top ${first} matches of ${pid}`,
            ).toEqual(expectedMatches(g, pid, first));
          }
          const impact = await expectData(db, IMPACT, { id: pid });
          expect(impact.data.partnerImpact, `impact of ${pid}`).toEqual(expectedImpact(g, pid));
        }
        const few = await expectData(db, MATCHES, { id: partnerIds[0], first: 2 });
        expect(few.data.partnerMatches.map((m: any) => m.partner.id)).toEqual(
          expectedMatches(g, partnerIds[0]!, 2).map((m) => m.partner.id),
        );

        for (let k = 0; k < 3; k++) {
          const [a, b] = [pick(partnerIds), pick(partnerIds)];
          const { data } = await expectData(db, OVERLAP, { a, b, first: 100 });
          const expected = expectedOverlap(g, a, b);
          expect(data.accountOverlap.sharedCustomerCount).toBe(expected.sharedCustomerCount);
          expect(data.accountOverlap.cells).toEqual(expected.cells);
          expect(data.accountOverlap.customers.edges.map((e: any) => e.node.id)).toEqual(expected.customers);
        }

        for (const [region, industry] of [
          [null, null],
          [pick(regions), null],
          [pick(regions), pick(industries)],
        ] as const) {
          const gaps = await expectData(db, GAPS, { region, industry });
          expect(gaps.data.gapAnalysis.capabilities, `gaps in ${region} ${industry}`).toEqual(expectedGaps(g, region, industry));
        }

        for (let k = 0; k < 6; k++) {
          const request: AssembleRequest = {
            capabilityIds: capabilities
              .filter(() => random() < 0.35)
              .map((c) => c.id)
              .concat(pick(capabilities).id),
            region: pick(regions),
            industry: random() < 0.3 ? pick(industries) : null,
            maxPartners: int(1, 4),
            requiredTypes: random() < 0.4 ? [pick(TYPES)] : [],
            includePartnerIds: random() < 0.25 ? [pick(partnerIds)] : [],
            excludePartnerIds: random() < 0.25 ? [pick(partnerIds)] : [],
            limit: int(1, 6),
          };
          const { data } = await expectData(db, ASSEMBLE, { input: request });
          const got = data.assembleSolution;
          const expected = expectedAssembly(g, request);
          const context = JSON.stringify({ request, got, expected });
          expect(ids(got.uncoveredCapabilities), context).toEqual(expected.uncovered);
          const keys = got.proposals.map((p: any) =>
            p.partners
              .map((m: any) => m.partner.id)
              .sort(byIdAsc)
              .join(','),
          );
          const valid = new Set(expected.proposals.map((p) => p.join(',')));
          expect(got.timedOut, context).toBe(false);
          expect(got.proposals.length, context).toBe(Math.min(request.limit, expected.proposals.length));
          expect(new Set(keys).size, context).toBe(keys.length);
          for (const key of keys) expect(valid.has(key), `${key} is not a minimal proposal: ${context}`).toBe(true);
          if (expected.proposals.length > 0) {
            const smallest = Math.min(...expected.proposals.map((p) => p.length));
            expect(got.proposals[0].partnerCount, context).toBe(smallest);
            expect(got.minimumPartnerCount, context).toBe(smallest);
            if (expected.proposals.length <= request.limit) expect([...keys].sort(), context).toEqual([...valid].sort());
          }
          got.proposals.forEach((p: any, i: number) => {
            if (i > 0) expect(p.score, context).toBeLessThanOrEqual(got.proposals[i - 1].score);
            for (const m of p.partners) {
              const wanted = [...new Set(request.capabilityIds)].filter((c) => g.has.get(m.partner.id)?.has(c)).sort(byIdAsc);
              expect(ids(m.covers), context).toEqual(wanted);
              expect(m.included).toBe(request.includePartnerIds.includes(m.partner.id));
            }
          });
        }

        // The map: neighbourhoods of random centres of every kind (small limits cut inside the rings) and overviews.
        const graph = await dumpMap(db);
        // Each map for the vendor, then for a random partner: only what its grants let it see, walked and weighed through that alone.
        const checkMap = async (what: string, request: MapRequest) => {
          const viewer = pick(partnerIds);
          for (const [as, asViewer] of [
            [undefined, ADMIN],
            [viewer, { role: 'PARTNER' as const, subject: `partner:${viewer}`, partnerId: viewer }],
          ] as const) {
            const { data } = await expectData(db, MAP, { input: request }, asViewer);
            const got = { ...data.ecosystemMap, edges: sortEdges(data.ecosystemMap.edges) };
            expect(got, `${what} ${JSON.stringify(request)} as ${as ?? 'the vendor'}`).toEqual(expectedMap(graph, request, as));
          }
        };
        const centres = [...graph.nodes.keys()].filter((k) => k.startsWith(px));
        for (let k = 0; k < 8; k++) {
          const request: MapRequest = {
            centerId: k === 0 ? `${px}nothing` : pick(centres),
            depth: int(1, 3),
            ...(random() < 0.5 ? { kinds: some(['PARTNER', 'CAPABILITY', 'CUSTOMER', 'SOLUTION', 'DEAL'], 0.6) } : {}),
            ...(random() < 0.3 ? { partnerTypes: [pick(TYPES)] } : {}),
            ...(random() < 0.3 ? { regions: [pick(regions)] } : {}),
            ...(random() < 0.2 ? { industries: [pick(industries)] } : {}),
            limit: pick([1, 2, 3, 5, 8, 200]),
          };
          if (request.kinds?.length === 0) delete request.kinds;
          await checkMap('map', request);
        }
        await checkMap('overview', { regions: [pick(regions)], limit: 2000 });
        await checkMap('overview', {
          kinds: ['PARTNER', 'CUSTOMER', 'DEAL'],
          partnerTypes: [pick(TYPES)],
          regions: [pick(regions)],
          limit: 2000,
        });
      } finally {
        await removeByPrefix(db, px);
      }
    });
  }
});
