// The as-of reads (issue 14, README "Time"): partnerMatches, accountOverlap, assembleSolution, gapAnalysis,
// partnerImpact and ecosystemMap with `asOf`, on random ecosystems with random intervals and histories, against the
// intelligence brute forces (test/support/intelligence-oracle.ts) fed the graph as of T built in TypeScript from the
// same random history (test/support/time-history.ts). Plus: asOf = now answers as without asOf, a future asOf is
// BAD_USER_INPUT at its path.
import { describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { ADMIN, expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import {
  type AssembleRequest,
  type MapRequest,
  byIdAsc,
  expectedAssembly,
  expectedGaps,
  expectedImpact,
  expectedMap,
  expectedMatches,
  expectedOverlap,
  sortEdges,
  TYPES,
} from './support/intelligence-oracle.js';
import { prng } from './support/random.js';
import {
  HISTORY_END,
  HISTORY_START,
  type History,
  ms,
  randomHistory,
  snapshotDump,
  snapshotMap,
  writeHistory,
} from './support/time-history.js';

const db = testExecutor();

const MATCHES = `query($id: ID!, $first: Int, $asOf: DateTime) { partnerMatches(partnerId: $id, first: $first, asOf: $asOf) {
  partner { id } score sharedCustomerCount integrated complementDemand sharedRegions sharedIndustries
  complementaryCapabilities { id } complementaryNeeds { capability { id } neededBy } } }`;
const OVERLAP = `query($a: ID!, $b: ID!, $asOf: DateTime) { accountOverlap(partnerId: $a, otherPartnerId: $b, asOf: $asOf) {
  sharedCustomerCount cells { status otherStatus count } customers(first: 100) { edges { node { id } } } } }`;
const GAPS = `query($region: String, $industry: String, $asOf: DateTime) { gapAnalysis(region: $region, industry: $industry, asOf: $asOf) {
  capabilities { capability { id } customerDemand solutionDemand supply status } } }`;
const IMPACT = `query($id: ID!, $asOf: DateTime) { partnerImpact(partnerId: $id, asOf: $asOf) {
  capabilitiesLost { id } orphanedCustomers { id } solutionsAffected { id } openDealsAffected { id } revenueAtRisk { amount currency } } }`;
const ASSEMBLE = `query($input: AssembleSolutionInput!) { assembleSolution(input: $input) {
  proposals { partnerCount partners { partner { id } covers { id } } } uncoveredCapabilities { id } minimumPartnerCount timedOut } }`;
const MAP = `query($input: EcosystemMapInput) { ecosystemMap(input: $input) {
  nodes { id: entityId kind label group weight distance } edges { source target kind } truncated } }`;

async function load(h: History): Promise<void> {
  const result = await importEcosystem(db, { formatVersion: 1, ...h.doc });
  if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result.problems, null, 2)}`);
  await writeHistory(db, h);
}

/** Instants to ask at: random ones, and ones exactly on an interval's bound (half-open: since holds, until does not). */
function instants(h: History, random: () => number): number[] {
  const bounds = [...h.accounts, ...h.capabilities, ...h.grants, ...h.integrations, ...h.members]
    .flatMap((x) => [x.since, x.until])
    .filter((x): x is string => x !== null);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out = [HISTORY_START + Math.floor(random() * (HISTORY_END - HISTORY_START))];
  if (bounds.length > 0) out.push(ms(pick(bounds)));
  return out;
}

describe('as-of reads against brute force on random ecosystems with history', () => {
  const random = prng(14_2026);
  for (let round = 0; round < 4; round++) {
    it(`random ecosystem with history ${round}`, async () => {
      const px = uniquePrefix(`asof${round}`);
      const h = randomHistory(random, px);
      const partnerIds = h.doc.partners.map((p) => p.id);
      const regions = [...new Set(h.doc.customers.map((u) => u.region))];
      const industries = [...new Set(h.doc.customers.map((u) => u.industry))];
      const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
      const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
      const some = <T>(list: readonly T[], p: number) => list.filter(() => random() < p);
      try {
        await load(h);
        for (const t of instants(h, random)) {
          const asOf = new Date(t).toISOString();
          const g = snapshotDump(h, t);
          const at = `as of ${asOf}`;
          for (const pid of partnerIds) {
            if (random() < 0.5) continue;
            const matches = await expectData(db, MATCHES, { id: pid, first: 100, asOf });
            expect(matches.data.partnerMatches, `matches of ${pid} ${at}`).toEqual(expectedMatches(g, pid, 100));
            const top = await expectData(db, MATCHES, { id: pid, first: 2, asOf });
            expect(top.data.partnerMatches, `top 2 matches of ${pid} ${at}`).toEqual(expectedMatches(g, pid, 2));
            const impact = await expectData(db, IMPACT, { id: pid, asOf });
            expect(impact.data.partnerImpact, `impact of ${pid} ${at}`).toEqual(expectedImpact(g, pid));
          }
          for (let k = 0; k < 3; k++) {
            const [a, b] = [pick(partnerIds), pick(partnerIds)];
            const { data } = await expectData(db, OVERLAP, { a, b, asOf });
            const expected = expectedOverlap(g, a, b);
            expect(data.accountOverlap.cells, `overlap ${a} ${b} ${at}`).toEqual(expected.cells);
            expect(data.accountOverlap.sharedCustomerCount).toBe(expected.sharedCustomerCount);
            expect(data.accountOverlap.customers.edges.map((e: any) => e.node.id)).toEqual(expected.customers);
          }
          for (const [region, industry] of [
            [null, null],
            [pick(regions), pick(industries)],
          ] as const) {
            const gaps = await expectData(db, GAPS, { region, industry, asOf });
            expect(gaps.data.gapAnalysis.capabilities, `gaps in ${region} ${industry} ${at}`).toEqual(expectedGaps(g, region, industry));
          }
          for (let k = 0; k < 3; k++) {
            const request: AssembleRequest = {
              capabilityIds: some(h.doc.capabilities, 0.35)
                .map((c) => c.id)
                .concat(pick(h.doc.capabilities).id),
              region: pick(regions),
              industry: random() < 0.3 ? pick(industries) : null,
              maxPartners: int(1, 4),
              requiredTypes: random() < 0.4 ? [pick(TYPES)] : [],
              includePartnerIds: [],
              excludePartnerIds: random() < 0.25 ? [pick(partnerIds)] : [],
              limit: 20,
            };
            const { data } = await expectData(db, ASSEMBLE, { input: { ...request, asOf } });
            const got = data.assembleSolution;
            const expected = expectedAssembly(g, request);
            const context = JSON.stringify({ request, asOf, got, expected });
            expect(
              got.uncoveredCapabilities.map((c: { id: string }) => c.id),
              context,
            ).toEqual(expected.uncovered);
            expect(got.timedOut, context).toBe(false);
            const keys = got.proposals.map((p: any) =>
              p.partners
                .map((m: any) => m.partner.id)
                .sort(byIdAsc)
                .join(','),
            );
            expect([...keys].sort(), context).toEqual(expected.proposals.map((p) => p.join(',')).sort());
          }
          // The map as of T, for the vendor and for a partner seeing through the grants that held then.
          const graph = snapshotMap(h, t);
          const checkMap = async (what: string, request: MapRequest) => {
            const viewer = pick(partnerIds);
            for (const [as, asViewer] of [
              [undefined, ADMIN],
              [viewer, { role: 'PARTNER' as const, subject: `partner:${viewer}`, partnerId: viewer }],
            ] as const) {
              const { data } = await expectData(db, MAP, { input: { ...request, asOf } }, asViewer);
              const got = { ...data.ecosystemMap, edges: sortEdges(data.ecosystemMap.edges) };
              expect(got, `${what} ${JSON.stringify(request)} ${at} as ${as ?? 'the vendor'}`).toEqual(expectedMap(graph, request, as));
            }
          };
          const centres = [...graph.nodes.keys(), ...h.doc.deals.map((d) => d.id)];
          for (let k = 0; k < 4; k++) {
            const request: MapRequest = {
              centerId: pick(centres),
              depth: int(1, 3),
              ...(random() < 0.5 ? { kinds: some(['PARTNER', 'CAPABILITY', 'CUSTOMER', 'SOLUTION', 'DEAL'], 0.6) } : {}),
              ...(random() < 0.3 ? { regions: [pick(regions)] } : {}),
              limit: pick([1, 3, 8, 200]),
            };
            if (request.kinds?.length === 0) delete request.kinds;
            await checkMap('map', request);
          }
          // Overviews limited to this ecosystem's nodes (its regions), as the brute force knows no others.
          await checkMap('overview', { kinds: ['PARTNER', 'CUSTOMER'], regions: [pick(regions)], limit: 2000 });
        }
      } finally {
        await removeByPrefix(db, px);
      }
    }, 600_000);
  }
});

describe('asOf edge cases', () => {
  it('asOf now answers as without asOf; a future asOf is BAD_USER_INPUT at its path', async () => {
    const px = uniquePrefix('asofnow');
    const h = randomHistory(prng(99), px);
    try {
      await load(h);
      const pid = h.doc.partners[0]!.id;
      const now = await expectData(db, MATCHES, { id: pid, first: 100 });
      const asOfNow = await expectData(db, MATCHES, { id: pid, first: 100, asOf: new Date().toISOString() });
      expect(asOfNow.data).toEqual(now.data);
      const mapNow = await expectData(db, MAP, { input: { centerId: pid, depth: 2 } });
      const mapAsOfNow = await expectData(db, MAP, { input: { centerId: pid, depth: 2, asOf: new Date().toISOString() } });
      const sorted = (m: any) => ({ ...m.ecosystemMap, edges: sortEdges(m.ecosystemMap.edges) });
      expect(sorted(mapAsOfNow.data)).toEqual(sorted(mapNow.data));
      const future = new Date(Date.now() + 3_600_000).toISOString();
      for (const [query, variables, path] of [
        [MATCHES, { id: pid, asOf: future }, ['asOf']],
        [IMPACT, { id: pid, asOf: future }, ['asOf']],
        [GAPS, { asOf: future }, ['asOf']],
        [OVERLAP, { a: pid, b: pid, asOf: future }, ['asOf']],
        [MAP, { input: { centerId: pid, asOf: future } }, ['input', 'asOf']],
        [ASSEMBLE, { input: { capabilityIds: [h.doc.capabilities[0]!.id], asOf: future } }, ['input', 'asOf']],
      ] as const) {
        const result = await runOperation(db, query, variables);
        expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', path });
      }
    } finally {
      await removeByPrefix(db, px);
    }
  }, 300_000);
});
