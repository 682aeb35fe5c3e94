import { CypherLibrary } from './src/db/cypher-library.js';
import { createDriver } from './src/db/driver.js';
import { CypherExecutor } from './src/db/executor.js';
import { silentLogger } from './src/logger.js';
import { createServices } from './src/services.js';

const driver = createDriver({ uri: 'bolt://127.0.0.1:7693', user: 'neo4j', password: 'test-password-not-secret', database: 'neo4j' });
const lib = new CypherLibrary();
const db = new CypherExecutor(driver, lib, { database: 'neo4j', timeoutMs: 120000, logger: silentLogger });
const s = createServices(db);
const [hub] = await db.runText<{ id: string; d: number }>('MATCH (p:Partner) RETURN p.id AS id, COUNT { (p)-[:HAS_ACCOUNT]->() } AS d ORDER BY d DESC LIMIT 1');
const [plain] = await db.runText<{ id: string }>('MATCH (p:Partner {lifecycleStage: "ACTIVE"}) RETURN p.id AS id ORDER BY p.id SKIP 7 LIMIT 1');
const caps = (await db.runText<{ id: string }>('MATCH (c:Capability) WHERE COUNT { (c)<-[:HAS_CAPABILITY]-() } > 5 RETURN c.id AS id ORDER BY c.id LIMIT 12')).map((r) => r.id);
console.log('hub', hub, 'plain', plain);
async function time(label: string, f: () => Promise<unknown>) {
  await f();
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await f(); runs.push(performance.now() - t); }
  console.log(label, runs.map((x) => x.toFixed(0)).join(' / '), 'ms');
}
for (const p of [hub!.id, plain!.id]) {
  await time(`partnerMatches ${p}`, () => s.partnerMatches.partnerMatches(p, 10));
  await time(`partnerImpact ${p}`, () => s.partnerImpact.partnerImpact(p));
  await time(`ecosystemMap depth1 ${p}`, () => s.ecosystemMap.ecosystemMap({ centerId: p, depth: 1 }));
  await time(`ecosystemMap depth2 ${p}`, () => s.ecosystemMap.ecosystemMap({ centerId: p, depth: 2, kinds: ['PARTNER', 'CAPABILITY'] }));
}
await time('accountOverlap', async () => { const o = await s.accountOverlap.accountOverlap(hub!.id, plain!.id); await s.accountOverlap.sharedCustomers(o, 20, null); });
await time('gapAnalysis all', () => s.gapAnalysis.gapAnalysis(null, null));
await time('gapAnalysis EMEA', () => s.gapAnalysis.gapAnalysis('EMEA', null));
await time('ecosystemMap overview', () => s.ecosystemMap.ecosystemMap({}));
for (const n of [4, 8, 12]) {
  await time(`assembleSolution ${n} caps`, async () => {
    const r = await s.solutionAssembly.assembleSolution({ capabilityIds: caps.slice(0, n) });
    return r;
  });
  const r = await s.solutionAssembly.assembleSolution({ capabilityIds: caps.slice(0, n) });
  console.log('  min', r.minimumPartnerCount, 'exhaustive', r.exhaustive, 'timedOut', r.timedOut, 'proposals', r.proposals.length, r.notes);
}
const r = await s.solutionAssembly.assembleSolution({ capabilityIds: caps.slice(0, 12), requiredTypes: ['RESELLER', 'SERVICES'], region: 'EMEA', maxPartners: 6 });
console.log('12 caps + types EMEA: min', r.minimumPartnerCount, 'exhaustive', r.exhaustive, 'timedOut', r.timedOut, r.notes);

// PROFILE: which operators read the graph.
const plans: Record<string, Record<string, unknown>> = {
  'intelligence/find-partner-matches': { partnerId: hub!.id, first: 10 },
  'intelligence/get-partner-impact': { partnerId: hub!.id },
  'intelligence/count-account-overlap': { partnerId: hub!.id, otherPartnerId: plain!.id },
  'intelligence/list-overlap-customers': { partnerId: hub!.id, otherPartnerId: plain!.id, after: null, limit: 21 },
  'intelligence/find-solution-candidates': { capabilityIds: caps, region: null, industry: null, requiredTypes: ['RESELLER'], includeIds: [], excludeIds: [], perTypeClass: 5 },
  'intelligence/get-ecosystem-map': { centerId: hub!.id, depth: 2, labels: ['Partner', 'Capability'], partnerTypes: null, regions: null, industries: null, limit: 200 },
  'intelligence/analyse-capability-gaps': { region: null, industry: null },
};
const session = driver.session();
for (const [name, params] of Object.entries(plans)) {
  const res = await session.run('PROFILE ' + lib.get(name).text, params as any);
  const ops: string[] = [];
  let hits = 0;
  const walk = (p: any) => { ops.push(p.operatorType); hits += Number(p.dbHits ?? 0); (p.children ?? []).forEach(walk); };
  walk(res.summary.profile);
  const scans = ops.filter((o) => /Scan/.test(o));
  console.log(name, 'dbHits', hits, 'scans:', [...new Set(scans)].join(', ') || 'none');
}
await session.close();
await driver.close();
