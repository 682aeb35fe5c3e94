// Against a Neo4j without Graph Data Science (a second local server started here with the plugin left out): the
// GDS operations answer FEATURE_UNAVAILABLE with a clear message, everything else works.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../neo4j/local.js';
import { gdsAvailable } from '../src/analytics/gds.js';
import { CypherLibrary } from '../src/db/cypher-library.js';
import { createDriver } from '../src/db/driver.js';
import { CypherExecutor } from '../src/db/executor.js';
import { silentLogger } from '../src/logger.js';
import { runOperation } from './support/api.js';
import { testExecutor } from './support/db.js';

const port = Number(process.env.TEST_NEO4J_PORT ?? 7688) + 1000;
const local: LocalNeo4jOptions = {
  homeDir: resolve(`.data/test-neo4j-${port}-without-gds`),
  boltPort: port,
  password: 'test-password-not-secret',
  heap: '512m',
  pageCache: '64m',
  transactionTimeoutSeconds: 60,
  gds: false,
};
const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: local.password, database: 'neo4j' });
const db = new CypherExecutor(driver, new CypherLibrary(), { database: 'neo4j', timeoutMs: 60_000, logger: silentLogger });

beforeAll(async () => {
  await startLocalNeo4j(local, () => undefined);
  await db.runText(
    "MERGE (:Partner {id: 'nogds-p1', name: 'Plain', types: ['TECHNOLOGY'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: ['EMEA'], industries: []})",
    {},
    'WRITE',
  );
}, 180_000);
afterAll(async () => {
  await driver.close();
  if (!process.env.KEEP_TEST_NEO4J) await stopLocalNeo4j(local);
});

describe('network analytics on a server without Graph Data Science', () => {
  it('the check finds GDS on the test server and not on this one', async () => {
    expect(await gdsAvailable(testExecutor())).toBe(true);
    expect(await gdsAvailable(db)).toBe(false);
  });

  it.each([
    ['partnerCommunities', '{ partnerCommunities { modularity } }'],
    ['brokerPartners', '{ brokerPartners { score } }'],
    ['ecosystemMap (groupBy: COMMUNITY)', '{ ecosystemMap(input: { groupBy: COMMUNITY }) { truncated } }'],
  ])('%s answers FEATURE_UNAVAILABLE naming Graph Data Science', async (name, query) => {
    const { errors } = await runOperation(db, query);
    expect(errors?.[0]?.extensions?.code).toBe('FEATURE_UNAVAILABLE');
    expect(errors?.[0]?.message).toContain(name);
    expect(errors?.[0]?.message).toContain('Graph Data Science');
  });

  // (Not in the same request: the analytics fields are non-null, so their error nulls the whole data, as GraphQL requires.)
  it('everything else works: directory reads and the analytics that need no GDS', async () => {
    const { data, errors } = await runOperation(
      db,
      `{ partners(first: 5) { edges { node { id name } } }
         lookalikePartners(partnerId: "nogds-p1", stages: [ACTIVE]) { similarity }
         predictedIntegrations(partnerId: "nogds-p1") { score } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.partners.edges.map((e: { node: { id: string } }) => e.node.id)).toContain('nogds-p1');
    expect(data.lookalikePartners).toEqual([]);
    expect(data.predictedIntegrations).toEqual([]);
  });
});
