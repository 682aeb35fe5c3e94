import { readFileSync } from 'node:fs';
import { CypherLibrary } from './src/db/cypher-library.js';
import { createDriver } from './src/db/driver.js';
import { CypherExecutor } from './src/db/executor.js';
import { silentLogger } from './src/logger.js';
import { createApollo } from './src/server.js';
import { createRequestContext } from './src/context.js';
import { importEcosystem } from './src/interchange/import.js';

const driver = createDriver({ uri: 'bolt://127.0.0.1:7693', user: 'neo4j', password: 'test-password-not-secret', database: 'neo4j' });
const db = new CypherExecutor(driver, new CypherLibrary(), { database: 'neo4j', timeoutMs: 60000, logger: silentLogger });
const doc = JSON.parse(readFileSync('seed/demo-ecosystem.json', 'utf8'));
const before = await db.runText<{ n: number }>('MATCH (n) RETURN count(n) AS n');
console.log('nodes before', before);
const r = await importEcosystem(db, doc);
console.log('import', r.ok);
const apollo = createApollo(false);
await apollo.start();
const queries = process.argv.slice(2);
for (const q of queries) {
  const ctx = createRequestContext(db, { role: 'ADMIN', subject: 'x' }, 'demo');
  const t = Date.now();
  const res = await apollo.executeOperation({ query: q }, { contextValue: ctx });
  console.log('----', Date.now() - t, 'ms\n', JSON.stringify((res.body as any).singleResult, null, 1));
}
await apollo.stop();
// remove the demo again
const ids = [...doc.capabilities, ...doc.partners, ...doc.customers, ...doc.solutions, ...doc.deals].map((x: any) => x.id);
await db.runText('UNWIND $ids AS id MATCH (n {id: id}) OPTIONAL MATCH (n)-[:HAS_EVENT]->(e:DealEvent) DETACH DELETE e, n', { ids }, 'WRITE');
await db.runText('MATCH (s:Solution) WHERE NOT s.id STARTS WITH "intel" AND s.name = "EMEA SOC bundle" DETACH DELETE s', {}, 'WRITE');
console.log('nodes after', await db.runText('MATCH (n) RETURN count(n) AS n'));
await driver.close();
