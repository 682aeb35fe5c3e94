// npx tsx test/bench/busiest.ts [--partners N] [--runs R]
// The worst case of every per-partner operation: each one asked about the N partners with the most accounts
// (accountOverlap: each of them with the next one), R times at concurrency 1 over HTTP against the bench database
// (whatever preset it holds; run `npm run bench` first to load one). Prints a Markdown table of the median and the
// slowest run per partner; the machine is shared, so medians are what to compare.
import { CypherExecutor } from '../../src/db/executor.js';
import { createLogger } from '../../src/logger.js';
import { argValue, startBenchApi } from './api.js';
import { connectBenchDatabase } from './connect.js';
import { percentile } from './measure.js';

const OPERATIONS: { name: string; query: string; variables: (id: string, next: string) => Record<string, unknown> }[] = [
  {
    name: 'partnerMatches (first 10)',
    query: `query($id: ID!) { partnerMatches(partnerId: $id, first: 10) { score reasons sharedCustomerCount complementDemand partner { id name } } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'partnerMatches (first 100)',
    query: `query($id: ID!) { partnerMatches(partnerId: $id, first: 100) { score reasons sharedCustomerCount complementDemand partner { id name } } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'accountOverlap (with the next busiest)',
    query: `query($a: ID!, $b: ID!) { accountOverlap(partnerId: $a, otherPartnerId: $b) {
      sharedCustomerCount cells { status otherStatus count } customers(first: 10) { totalCount edges { node { id name } } } } }`,
    variables: (a, b) => ({ a, b }),
  },
  {
    name: 'partnerImpact',
    query: `query($id: ID!) { partnerImpact(partnerId: $id) {
      capabilitiesLost { id } orphanedCustomers { id } solutionsAffected { id } openDealsAffected { id } revenueAtRisk { amount currency } } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'ecosystemMap (centre, depth 2, all kinds)',
    query: `query($id: ID!) { ecosystemMap(input: { centerId: $id, depth: 2, limit: 200 }) { nodes { id weight distance } edges { source target kind } truncated } }`,
    variables: (id) => ({ id }),
  },
  {
    name: 'ecosystemMap (centre, depth 3, partners and capabilities)',
    query: `query($id: ID!) { ecosystemMap(input: { centerId: $id, depth: 3, kinds: [PARTNER, CAPABILITY], limit: 500 }) { nodes { id weight distance } edges { source target kind } truncated } }`,
    variables: (id) => ({ id }),
  },
];

async function main(args: string[]): Promise<void> {
  const partners = Number(argValue(args, '--partners') ?? 5);
  const runs = Number(argValue(args, '--runs') ?? 5);
  const log = (line: string) => console.error(line);
  const db = await connectBenchDatabase(log);
  const executor = new CypherExecutor(db.driver, db.executor.library, {
    database: 'neo4j',
    timeoutMs: 120_000,
    logger: createLogger('warn'),
  });
  const api = await startBenchApi(executor, createLogger('warn'));
  try {
    const busiest = await db.executor.runText<{ id: string; accounts: number }>(
      'MATCH (p:Partner) WITH p, COUNT { (p)-[:HAS_ACCOUNT]->() } AS accounts ORDER BY accounts DESC, p.id LIMIT $n RETURN p.id AS id, accounts',
      { n: partners + 1 },
    );
    const post = async (query: string, variables: Record<string, unknown>): Promise<number> => {
      const started = performance.now();
      await api.post(query, variables);
      return performance.now() - started;
    };
    const header = busiest.slice(0, partners).map((p) => `${p.accounts.toLocaleString('en')} accounts`);
    console.log(`| operation (median / slowest of ${runs} runs, ms) | ${header.join(' | ')} |`);
    console.log(`|---|${header.map(() => '---:').join('|')}|`);
    for (const op of OPERATIONS) {
      const cells: string[] = [];
      for (let i = 0; i < partners; i++) {
        const vars = op.variables(busiest[i]!.id, busiest[i + 1]!.id);
        await post(op.query, vars); // warm-up
        const times: number[] = [];
        for (let r = 0; r < runs; r++) times.push(await post(op.query, vars));
        cells.push(
          `${percentile(
            [...times].sort((a, b) => a - b),
            50,
          ).toFixed(0)} / ${Math.max(...times).toFixed(0)}`,
        );
      }
      console.log(`| ${op.name} | ${cells.join(' | ')} |`);
    }
  } finally {
    await api.stop();
    await db.driver.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
