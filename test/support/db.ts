// The real database for integration tests, and per-test data isolation by unique id prefixes.
import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { CypherLibrary } from '../../src/db/cypher-library.js';
import { createDriver } from '../../src/db/driver.js';
import { CypherExecutor } from '../../src/db/executor.js';
import { silentLogger } from '../../src/logger.js';

let driver: Driver | undefined;
let executor: CypherExecutor | undefined;

/** One driver and executor per test file, closed after the file. */
export function testExecutor(): CypherExecutor {
  if (!executor) {
    driver = createDriver({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword'), database: inject('neo4jDatabase') });
    executor = new CypherExecutor(driver, new CypherLibrary(), { database: inject('neo4jDatabase'), timeoutMs: 60_000, logger: silentLogger });
    afterAll(async () => {
      await driver?.close();
      driver = undefined;
      executor = undefined;
    });
  }
  return executor;
}

/** A fresh id prefix; every id a test creates starts with it, so cleanup removes only its data. */
export function uniquePrefix(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}-`;
}

/** Deletes every node whose id starts with the prefix (and their DealEvents). */
export async function removeByPrefix(db: CypherExecutor, prefix: string): Promise<void> {
  await db.runText(
    `MATCH (n) WHERE n.id STARTS WITH $prefix
     OPTIONAL MATCH (n)-[:HAS_EVENT]->(e:DealEvent)
     DETACH DELETE e, n`,
    { prefix },
    'WRITE',
  );
}

/** Counts nodes and relationships: a cheap fingerprint to prove a failed write changed nothing. */
export async function graphFingerprint(db: CypherExecutor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.runText<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row ?? { nodes: 0, relationships: 0 };
}
