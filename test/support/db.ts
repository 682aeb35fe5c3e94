// The real database for integration tests, and per-test data isolation by unique id prefixes.
import { createHash, randomBytes } from 'node:crypto';
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
    driver = createDriver({
      uri: inject('neo4jUri'),
      user: inject('neo4jUser'),
      password: inject('neo4jPassword'),
      database: inject('neo4jDatabase'),
    });
    executor = new CypherExecutor(driver, new CypherLibrary(), {
      database: inject('neo4jDatabase'),
      timeoutMs: 60_000,
      logger: silentLogger,
    });
    afterAll(async () => {
      await driver?.close();
      driver = undefined;
      executor = undefined;
    });
  }
  return executor;
}

/** The driver behind testExecutor(), for what the executor does not expose (plans, summaries). */
export function testDriver(): Driver {
  testExecutor();
  return driver!;
}

/** A fresh id prefix; every id a test creates starts with it, so cleanup removes only its data. */
export function uniquePrefix(label = 't'): string {
  return `${label}-${randomBytes(5).toString('hex')}-`;
}

/** Deletes every node whose id starts with the prefix (and their DealEvents). */
export async function removeByPrefix(db: CypherExecutor, prefix: string): Promise<void> {
  // In batches, so a preset-sized fixture (the medium map test) does not need one huge transaction: first the
  // relationships but a deal's events, 10,000 a transaction (a batch of nodes took all their relationships with them, and 5,000 partners'
  // accounts with their properties and index entries ran the test server's 768 MB heap out of memory), then the nodes.
  for (;;) {
    const [row] = await db.runText<{ removed: number }>(
      `MATCH (n)-[r]-() WHERE n.id STARTS WITH $prefix AND type(r) <> 'HAS_EVENT'
       WITH DISTINCT r LIMIT 10000
       DELETE r
       RETURN count(r) AS removed`,
      { prefix },
      'WRITE',
    );
    if (!row || Number(row.removed) === 0) break;
  }
  for (;;) {
    const [row] = await db.runText<{ removed: number }>(
      `MATCH (n) WHERE n.id STARTS WITH $prefix
       WITH n LIMIT 5000
       OPTIONAL MATCH (n)-[:HAS_EVENT]->(e:DealEvent)
       DETACH DELETE e, n
       RETURN count(DISTINCT n) AS removed`,
      { prefix },
      'WRITE',
    );
    if (!row || Number(row.removed) === 0) return;
  }
}

/**
 * Counts nodes and relationships: a cheap fingerprint to prove a failed write changed nothing. The outbox (:Change,
 * :ChangeSequence) is a log of the graph's changes, not part of it: left out here and in graphChecksum.
 */
export async function graphFingerprint(db: CypherExecutor): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.runText<{ nodes: number; relationships: number }>(
    'CALL () { MATCH (n) WHERE NOT n:Change AND NOT n:ChangeSequence RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row ?? { nodes: 0, relationships: 0 };
}

/**
 * A content checksum of the graph: every node's labels and properties and every relationship's
 * type, ends and properties, hashed in a stable order. Stronger than graphFingerprint: a changed
 * property or a moved relationship changes it too. Nodes whose id starts with `exceptPrefix`
 * (and their relationships) are left out, so a test can prove it changed nothing but its own data; so is the outbox.
 */
export async function graphChecksum(
  db: CypherExecutor,
  exceptPrefix?: string,
): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const rows = await db.runText<{ kind: string; head: unknown; props: Record<string, unknown> }>(
    `CALL () {
       MATCH (n)
       WHERE NOT n:Change AND NOT n:ChangeSequence
         AND ($prefix IS NULL OR NOT (coalesce(n.id, '') STARTS WITH $prefix OR EXISTS { MATCH (d)-[:HAS_EVENT]->(n) WHERE d.id STARTS WITH $prefix }))
       RETURN 'N' AS kind, labels(n) AS head, properties(n) AS props
       UNION ALL
       MATCH (a)-[r]->(b)
       WHERE $prefix IS NULL OR NOT (coalesce(a.id, '') STARTS WITH $prefix OR coalesce(b.id, '') STARTS WITH $prefix)
       RETURN 'R' AS kind, [type(r), coalesce(a.id, a.at, elementId(a)), coalesce(b.id, b.at, elementId(b))] AS head, properties(r) AS props
     }
     RETURN kind, head, props`,
    { prefix: exceptPrefix ?? null },
  );
  const stable = (v: unknown): unknown =>
    typeof v === 'bigint'
      ? `${v}n`
      : v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, stable(x)]),
          )
        : v;
  const lines = rows.map((r) => JSON.stringify([r.kind, stable(r.head), stable(r.props)])).sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return {
    nodes: rows.filter((r) => r.kind === 'N').length,
    relationships: rows.filter((r) => r.kind === 'R').length,
    sha256: hash.digest('hex'),
  };
}
