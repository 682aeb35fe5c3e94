// The benchmark's executor on its own Neo4j (started when needed), with the migrations applied.
import type { Driver } from 'neo4j-driver';
import { CypherLibrary } from '../../src/db/cypher-library.js';
import { createDriver, waitForDatabase } from '../../src/db/driver.js';
import { CypherExecutor } from '../../src/db/executor.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { startBenchNeo4j } from './server.js';

export interface BenchDatabase {
  uri: string;
  password: string;
  driver: Driver;
  executor: CypherExecutor;
}

export async function connectBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const { uri, options } = await startBenchNeo4j(log);
  const driver = createDriver({ uri, user: 'neo4j', password: options.password, database: 'neo4j' });
  await waitForDatabase(driver, log);
  const executor = new CypherExecutor(driver, new CypherLibrary(), {
    database: 'neo4j',
    timeoutMs: 60 * 60_000,
    logger: createLogger('warn'),
  });
  await applyMigrations(executor);
  return { uri, password: options.password, driver, executor };
}
