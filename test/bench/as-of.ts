// npm run bench:as-of -- [--preset small|medium|large] [--seed N] [--seconds S]
// Each as-of read (issue 14, README "Time") against the same operation answering now, on the benchmark's own Neo4j
// (test/bench/server.ts) with a seeded preset (reused when already loaded): the GraphQL operation run in-process as
// the vendor's user, concurrency 1, the same inputs for both (partners drawn deterministically), asOf 180 days ago.
// Prints p50 / p95 in milliseconds and the ratio as-of ÷ now (the target: within 2×). A benchmark, never a test.
import { PRESETS, type PresetName } from '../../seed/generator.js';
import { createRequestContext } from '../../src/context.js';
import { createApollo } from '../../src/server.js';
import { argValue } from './api.js';
import { connectBenchDatabase } from './connect.js';
import { ensureDataset } from './dataset.js';
import { type LatencySummary, runLoop } from './measure.js';

const args = process.argv.slice(2);
const preset = (argValue(args, '--preset') ?? 'large') as PresetName;
if (!(preset in PRESETS)) throw new Error(`unknown preset ${preset}`);
const seed = Number(argValue(args, '--seed') ?? PRESETS[preset].seed);
const seconds = Number(argValue(args, '--seconds') ?? 10);
const log = (line: string) => console.error(line);

const db = await connectBenchDatabase(log);
await ensureDataset(db.executor, preset, seed, log);
const apollo = createApollo(false);
await apollo.start();

const partnerIds = (await db.executor.runText<{ id: string }>('MATCH (p:Partner) RETURN p.id AS id ORDER BY id LIMIT 200')).map(
  (r) => r.id,
);
const capabilityIds = (await db.executor.runText<{ id: string }>('MATCH (c:Capability) RETURN c.id AS id ORDER BY id LIMIT 40')).map(
  (r) => r.id,
);
const [region] = (await db.executor.runText<{ r: string }>('MATCH (p:Partner) UNWIND p.regions AS r RETURN r ORDER BY r LIMIT 1')).map(
  (x) => x.r,
);
const asOf = new Date(Date.now() - 180 * 86_400_000).toISOString();
const pick = (i: number) => partnerIds[(i * 37) % partnerIds.length]!;

const OPERATIONS: { name: string; query: string; variables: (i: number) => Record<string, unknown>; input?: boolean }[] = [
  {
    name: 'partnerMatches',
    query: 'query($id: ID!, $asOf: DateTime) { partnerMatches(partnerId: $id, first: 10, asOf: $asOf) { partner { id } score } }',
    variables: (i) => ({ id: pick(i) }),
  },
  {
    name: 'accountOverlap',
    query:
      'query($a: ID!, $b: ID!, $asOf: DateTime) { accountOverlap(partnerId: $a, otherPartnerId: $b, asOf: $asOf) { sharedCustomerCount cells { count } } }',
    variables: (i) => ({ a: pick(i), b: pick(i + 1) }),
  },
  {
    name: 'gapAnalysis',
    query:
      'query($region: String, $asOf: DateTime) { gapAnalysis(region: $region, asOf: $asOf) { capabilities { capability { id } supply } } }',
    variables: () => ({ region }),
  },
  {
    name: 'partnerImpact',
    query:
      'query($id: ID!, $asOf: DateTime) { partnerImpact(partnerId: $id, asOf: $asOf) { capabilitiesLost { id } orphanedCustomers { id } revenueAtRisk { amount } } }',
    variables: (i) => ({ id: pick(i) }),
  },
  {
    name: 'assembleSolution',
    query: 'query($input: AssembleSolutionInput!) { assembleSolution(input: $input) { proposals { partnerCount } } }',
    variables: (i) => ({
      input: { capabilityIds: [capabilityIds[i % capabilityIds.length], capabilityIds[(i + 7) % capabilityIds.length]], region },
    }),
    input: true,
  },
  {
    name: 'ecosystemMap (neighbourhood)',
    query: 'query($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id } edges { source } } }',
    variables: (i) => ({ input: { centerId: pick(i), depth: 2, limit: 200 } }),
    input: true,
  },
  {
    name: 'ecosystemMap (overview)',
    query: 'query($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id } edges { source } } }',
    variables: () => ({ input: { limit: 200 } }),
    input: true,
  },
];

async function measure(op: (typeof OPERATIONS)[number], timed: boolean): Promise<LatencySummary> {
  return runLoop({ concurrency: 1, maxRequests: 50, maxSeconds: seconds, warmup: 2 }, async (i) => {
    const vars = op.variables(i);
    const variables = !timed ? vars : op.input ? { input: { ...(vars.input as object), asOf } } : { ...vars, asOf };
    const contextValue = createRequestContext(db.executor, { role: 'ADMIN', subject: 'bench' }, 'bench');
    const response = await apollo.executeOperation({ query: op.query, variables }, { contextValue });
    if (response.body.kind === 'single' && response.body.singleResult.errors?.length)
      throw new Error(response.body.singleResult.errors[0]!.message);
  });
}

const rows: string[] = [];
for (const op of OPERATIONS) {
  const now = await measure(op, false);
  const then = await measure(op, true);
  const ratio = then.p50 / now.p50;
  rows.push(
    `| ${op.name} | ${now.p50.toFixed(1)} / ${now.p95.toFixed(1)} | ${then.p50.toFixed(1)} / ${then.p95.toFixed(1)} | ${ratio.toFixed(2)}× | ${now.errors + then.errors} |`,
  );
  log(rows[rows.length - 1]!);
}
console.log(`as-of reads on ${preset} (seed ${seed}), asOf = 180 days ago, concurrency 1, in-process\n`);
console.log('| operation | now p50 / p95 ms | as of p50 / p95 ms | as-of ÷ now (p50) | errors |\n|---|---|---|---|---|');
console.log(rows.join('\n'));
await apollo.stop();
await db.driver.close();
process.exit(0);
