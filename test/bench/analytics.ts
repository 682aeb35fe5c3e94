// npx tsx test/bench/analytics.ts [--preset medium|large] [--runs N]
// The network analytics on a generated preset (the bench Neo4j of test/bench/server.ts; BENCH_NEO4J_PORT/_DIR/_HEAP
// choose another): per operation the wall time of each run through the service (median and slowest of --runs after
// one warm-up), the network's size and the GDS projection's memory as gds.graph.list reports it. Prints Markdown rows.
import { PRESETS, type PresetName } from '../../seed/generator.js';
import { AnalyticsService } from '../../src/analytics/analytics-service.js';
import type { ProjectionStats } from '../../src/analytics/gds.js';
import { GapAnalysisService } from '../../src/intelligence/gap-analysis.js';
import { argValue } from './api.js';
import { connectBenchDatabase } from './connect.js';
import { ensureDataset } from './dataset.js';

const preset = (argValue(process.argv.slice(2), '--preset') ?? 'medium') as PresetName;
if (!(preset in PRESETS)) throw new Error(`unknown preset ${preset}`);
const runs = Number(argValue(process.argv.slice(2), '--runs') ?? 3);

const bench = await connectBenchDatabase(console.log);
try {
  await ensureDataset(bench.executor, preset, PRESETS[preset].seed, console.log);
  const projections: ProjectionStats[] = [];
  const service = new AnalyticsService(bench.executor, (s) => projections.push(s));
  const gaps = new GapAnalysisService(bench.executor);
  let started = Date.now();
  const network = await service.network();
  console.log(
    `network: ${network.partners.length} partners, ${network.edges.length} edges, m = ${network.totalWeight}, read in ${Date.now() - started} ms`,
  );
  const [busiest] = await bench.executor.runText<{ id: string }>(
    "MATCH (p:Partner) WHERE p.lifecycleStage = 'ACTIVE' AND 'TECHNOLOGY' IN p.types RETURN p.id AS id ORDER BY COUNT { (p)-[:HAS_ACCOUNT]->() } DESC LIMIT 1",
  );
  const exemplars = await bench.executor.runText<{ id: string }>(
    "MATCH (p:Partner) WHERE p.lifecycleStage = 'ACTIVE' RETURN p.id AS id ORDER BY p.id LIMIT 3",
  );
  const operations: [string, () => Promise<unknown>][] = [
    ['partnerCommunities', () => service.partnerCommunities()],
    ['brokerPartners (first 10)', () => service.brokerPartners(10)],
    ['lookalikePartners (PROSPECT)', () => service.lookalikePartners(busiest!.id, 10, null)],
    [
      'lookalikePartners (every stage)',
      () => service.lookalikePartners(busiest!.id, 10, ['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED']),
    ],
    [
      'recruitmentCandidates (3 exemplars)',
      () =>
        service.recruitmentCandidates(
          exemplars.map((e) => e.id),
          10,
          async () => (await gaps.gapAnalysis(null, null)).capabilities,
        ),
    ],
    ['predictedIntegrations (busiest technology partner)', () => service.predictedIntegrations(busiest!.id, 10)],
  ];
  const rows: string[] = [];
  for (const [name, run] of operations) {
    projections.length = 0;
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = Date.now();
      await run();
      times.push(Date.now() - started);
    }
    times.sort((a, b) => a - b);
    const p = projections[0];
    const row = `| ${name} | ${times[Math.floor(times.length / 2)]} | ${times[times.length - 1]} | ${p ? `${p.memoryUsage} (${p.nodeCount} nodes, ${p.relationshipCount} relationships)` : '–'} |`;
    console.log(row);
    rows.push(row);
  }
  console.log(
    `\n${preset}: ${network.partners.length} eligible partners, ${network.edges.length} edges\n| operation | median ms | slowest ms | projection memory |\n|---|---:|---:|---|\n${rows.join('\n')}`,
  );
} finally {
  await bench.driver.close();
}
