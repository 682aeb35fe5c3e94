// The README's examples of ecosystem intelligence, asked of the demo ecosystem (loaded under a prefix) and compared
// with answers worked out by hand from seed/demo-ecosystem.json (and rechecked with a separate script over the file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prefixedDemo } from './support/demo.js';

const db = testExecutor();
const px = uniquePrefix('demo');
const id = (demoId: string) => `${px}${demoId}`;
const names = (list: { name: string }[]) => list.map((x) => x.name);

beforeAll(async () => {
  const imported = await importEcosystem(db, prefixedDemo(px));
  if (!imported.ok) throw new Error(`the prefixed demo did not import: ${JSON.stringify(imported.problems.slice(0, 5))}`);
});
afterAll(() => removeByPrefix(db, px));

describe('ecosystem intelligence on the demo ecosystem (the README examples)', () => {
  it('partnerMatches for LogWeave', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { partnerMatches(partnerId: $id, first: 5) {
      partner { name } score sharedCustomerCount integrated complementDemand
      complementaryNeeds { capability { name } neededBy } reasons } }`,
      { id: id('p.logweave') },
    );
    // score = 3 × shared + 2 × needs met + 5 × integrated + shared regions + shared industries + 0.5 × capabilities added.
    expect(data.partnerMatches.map((m: any) => [m.partner.name, m.score, m.sharedCustomerCount, m.complementDemand, m.integrated])).toEqual(
      [
        ['Quillon Consulting', 55, 8, 11, false], // 24 + 22 + 0 + 4 + 2 + 3
        ['Vaultline Identity', 42.5, 5, 8, true], // 15 + 16 + 5 + 4 + 1 + 1.5
        ['Atlas Telecom Group', 33, 3, 9, false],
        ['CloudNova', 32, 7, 0, true],
        ['Harborview Technologies', 26, 6, 2, false],
      ],
    );
    const quillon = data.partnerMatches[0];
    expect(quillon.complementaryNeeds.map((n: any) => [n.capability.name, n.neededBy])).toEqual([
      ['Identity & access', 5],
      ['PCI DSS compliance', 3],
      ['Zero trust network access', 3],
      ['Compliance advisory', 0],
      ['Implementation', 0],
      ['Migration', 0],
    ]);
    expect(quillon.reasons).toEqual([
      '8 shared customers',
      'adds Identity & access, needed by 5 of your customers',
      'adds PCI DSS compliance, needed by 3 of your customers',
      'adds Zero trust network access, needed by 3 of your customers',
      'both in NA, EMEA, APAC, LATAM',
      'both serve FINANCE, TECHNOLOGY',
      'brings 6 capabilities you lack',
    ]);
  });

  it('accountOverlap of LogWeave and Vaultline', async () => {
    const { data } = await expectData(
      db,
      `query($a: ID!, $b: ID!) { accountOverlap(partnerId: $a, otherPartnerId: $b) {
      sharedCustomerCount cells { status otherStatus count } customers(first: 10) { totalCount edges { node { name } } } } }`,
      { a: id('p.logweave'), b: id('p.vaultline') },
    );
    expect(data.accountOverlap).toEqual({
      sharedCustomerCount: 5,
      cells: [
        { status: 'CUSTOMER', otherStatus: 'CUSTOMER', count: 3 },
        { status: 'CUSTOMER', otherStatus: 'OPPORTUNITY', count: 1 },
        { status: 'OPPORTUNITY', otherStatus: 'CUSTOMER', count: 1 },
      ],
      customers: {
        totalCount: 5,
        edges: ['Banco Andino', 'Granite Trust Bank', 'Hoshizora Bank', 'Metro Transit Authority', 'Thames Building Society'].map(
          (name) => ({ node: { name } }),
        ),
      },
    });
  });

  it('assembleSolution for an EMEA SOC bundle with a reseller', async () => {
    const { data } = await expectData(
      db,
      `query($input: AssembleSolutionInput!) { assembleSolution(input: $input) {
      proposals { partnerCount partners { partner { name } covers { name } suggestedRole } }
      uncoveredCapabilities { name } minimumPartnerCount exhaustive timedOut } }`,
      {
        input: {
          capabilityIds: ['cap.siem', 'cap.iam', 'cap.edr', 'cap.mdr'].map(id),
          region: 'EMEA',
          requiredTypes: ['RESELLER'],
          maxPartners: 4,
          limit: 3,
        },
      },
    );
    const a = data.assembleSolution;
    // No two EMEA partners cover SIEM, IAM, EDR and MDR with a reseller among them; six sets of three do.
    expect(a.minimumPartnerCount).toBe(3);
    expect(a.exhaustive).toBe(true);
    expect(a.timedOut).toBe(false);
    expect(a.uncoveredCapabilities).toEqual([]);
    expect(a.proposals).toHaveLength(3);
    expect(a.proposals[0]).toEqual({
      partnerCount: 3,
      partners: [
        {
          partner: { name: 'Harborview Technologies' },
          covers: [{ name: 'Endpoint protection' }, { name: 'SIEM' }],
          suggestedRole: 'RESELLER',
        },
        { partner: { name: 'Sentrywell MDR' }, covers: [{ name: 'Managed detection & response' }, { name: 'SIEM' }], suggestedRole: 'MSP' },
        { partner: { name: 'Vaultline Identity' }, covers: [{ name: 'Identity & access' }], suggestedRole: 'TECHNOLOGY' },
      ],
    });
  });

  it('gapAnalysis for EMEA manufacturing', async () => {
    const { data } = await expectData(
      db,
      `query { gapAnalysis(region: "EMEA", industry: "MANUFACTURING") {
      capabilities { capability { id name } customerDemand solutionDemand supply status } } }`,
    );
    const rows = data.gapAnalysis.capabilities.filter((c: any) => c.capability.id.startsWith(px));
    const count = (status: string) => rows.filter((r: any) => r.status === status).length;
    expect([count('GAP'), count('THIN'), count('COVERED')]).toEqual([11, 9, 2]);
    const line = (r: any) => [r.capability.name, r.customerDemand, r.solutionDemand, r.supply, r.status];
    expect(rows.slice(0, 3).map(line)).toEqual([
      ['Endpoint protection', 2, 2, 0, 'GAP'],
      ['Email security', 0, 2, 0, 'GAP'],
      ['Identity & access', 0, 2, 0, 'GAP'],
    ]);
    expect(rows.slice(11, 13).map(line)).toEqual([
      ['SIEM', 1, 4, 1, 'THIN'],
      ['Backup & recovery', 2, 2, 1, 'THIN'],
    ]);
    expect(rows.slice(20).map(line)).toEqual([
      ['Managed detection & response', 1, 1, 2, 'COVERED'],
      ['Network & SD-WAN', 1, 1, 3, 'COVERED'],
    ]);
  });

  it('partnerImpact of Meridian', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { partnerImpact(partnerId: $id) {
      capabilitiesLost { name } orphanedCustomers { name } solutionsAffected { name } openDealsAffected { name } revenueAtRisk { amount currency } } }`,
      { id: id('p.meridian') },
    );
    const impact = data.partnerImpact;
    expect(names(impact.capabilitiesLost)).toEqual(['HIPAA compliance']);
    expect(names(impact.orphanedCustomers).sort()).toEqual([
      'Bayside Dental Group',
      'Cedar Valley Medical',
      'Harbor Pediatrics',
      'Pinegrove Family Clinics',
    ]);
    expect(names(impact.solutionsAffected)).toEqual(['Healthcare Compliance Pack']);
    expect(impact.openDealsAffected).toEqual([]);
    expect(impact.revenueAtRisk).toEqual([]);
  });

  it('ecosystemMap around LogWeave, one hop, eight nodes', async () => {
    const { data } = await expectData(
      db,
      `query($input: EcosystemMapInput) { ecosystemMap(input: $input) {
      nodes { id: entityId kind label distance } edges { source target kind } truncated } }`,
      { input: { centerId: id('p.logweave'), depth: 1, kinds: ['PARTNER', 'CAPABILITY'], limit: 8 } },
    );
    const map = data.ecosystemMap;
    expect(map.nodes).toHaveLength(8);
    expect(map.truncated).toBe(true); // within one hop: LogWeave, its 4 capabilities and 7 partners it integrates or shares with (12)
    expect(map.nodes[0]).toEqual({ id: id('p.logweave'), kind: 'PARTNER', label: 'LogWeave', distance: 0 });
    expect(map.nodes.slice(1).every((n: any) => n.distance === 1)).toBe(true);
    const kept = new Set(map.nodes.map((n: any) => n.id));
    expect(map.edges.length).toBeGreaterThan(0);
    for (const e of map.edges) expect(kept.has(e.source) && kept.has(e.target), `${e.source} → ${e.target}`).toBe(true);
  });
});
