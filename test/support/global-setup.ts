// Starts (or finds) the Neo4j the integration tests use: NEO4J_URI when set, otherwise the
// project's own server on its own port and data folder (TEST_NEO4J_PORT, default 7688).
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { canConnect, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../neo4j/local.js';
import { CypherLibrary } from '../../src/db/cypher-library.js';
import { createDriver } from '../../src/db/driver.js';
import { CypherExecutor } from '../../src/db/executor.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { silentLogger } from '../../src/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USER ?? 'neo4j';
  let password = process.env.NEO4J_PASSWORD ?? '';
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  let local: LocalNeo4jOptions | undefined;
  let startedHere = false;
  if (!uri) {
    const port = Number(process.env.TEST_NEO4J_PORT ?? 7688);
    local = {
      homeDir: resolve(`.data/test-neo4j-${port}`),
      boltPort: port,
      password: 'test-password-not-secret',
      heap: '768m',
      pageCache: '256m',
      transactionTimeoutSeconds: 120,
    };
    user = 'neo4j';
    password = local.password;
    uri = `bolt://127.0.0.1:${port}`;
    const already = await canConnect(uri, password);
    if (!already) {
      const status = await startLocalNeo4j(local, () => undefined);
      startedHere = status.pid !== undefined;
    }
  }
  const driver = createDriver({ uri, user, password, database });
  try {
    await applyMigrations(new CypherExecutor(driver, new CypherLibrary(), { database, timeoutMs: 120_000, logger: silentLogger }));
  } finally {
    await driver.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  project.provide('neo4jDatabase', database);
  return async () => {
    // A server this run started is stopped unless KEEP_TEST_NEO4J asks to keep it for the next run.
    if (startedHere && local && !process.env.KEEP_TEST_NEO4J) await stopLocalNeo4j(local);
  };
}
