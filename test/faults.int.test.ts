// Faults, against a Neo4j of the test's own (stopped and restarted here, so no other test sees it):
// start-up waits for a database that is not there yet; a database restart makes requests fail
// fast with SERVICE_UNAVAILABLE while the process stays up, and service comes back by itself.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../neo4j/local.js';
import { CypherLibrary } from '../src/db/cypher-library.js';
import { createDriver, waitForDatabase } from '../src/db/driver.js';
import { CypherExecutor } from '../src/db/executor.js';
import { applyMigrations } from '../src/db/migrate.js';
import { silentLogger } from '../src/logger.js';
import { startApp, type RunningApp } from '../src/server.js';

const port = Number(process.env.TEST_FAULT_NEO4J_PORT ?? 7689);
const local: LocalNeo4jOptions = {
  homeDir: resolve(`.data/test-neo4j-faults-${port}`),
  boltPort: port,
  password: 'fault-test-password',
  heap: '512m',
  pageCache: '64m',
  transactionTimeoutSeconds: 60,
};
const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: local.password, database: 'neo4j' });
const executor = new CypherExecutor(driver, new CypherLibrary(), { database: 'neo4j', timeoutMs: 10_000, logger: silentLogger });
let app: RunningApp;

async function ask(path = '/graphql') {
  const res = await fetch(app.url.replace('/graphql', path), {
    method: path === '/graphql' ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: path === '/graphql' ? JSON.stringify({ query: '{ partners(first: 1) { totalCount } }' }) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  await stopLocalNeo4j(local);
  const lines: string[] = [];
  // Start-up with the database down: the wait retries with backoff, and succeeds once it is up.
  const waiting = waitForDatabase(driver, (l) => lines.push(l), 60);
  await new Promise((r) => setTimeout(r, 1500));
  await startLocalNeo4j(local, () => undefined);
  await waiting;
  expect(lines.length).toBeGreaterThan(0);
  expect(lines[0]).toMatch(/Database not reachable \(try 1\/60: .*\); retrying in 500 ms/);
  await applyMigrations(executor);
  app = await startApp({ executor, logger: silentLogger, auth: { enabled: false } }, '127.0.0.1', 0);
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await driver.close();
  await stopLocalNeo4j(local);
});

describe('database faults', () => {
  it('serves, fails fast with SERVICE_UNAVAILABLE while the database is down, and recovers by itself', async () => {
    const before = await ask();
    expect(before.status).toBe(200);
    expect(before.body.data.partners.totalCount).toBeGreaterThanOrEqual(0);

    await stopLocalNeo4j(local);
    const during = await ask();
    expect(during.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(during.status).toBe(503);
    expect(JSON.stringify(during.body)).not.toMatch(/Neo4jError|bolt:\/\//);
    expect((await ask('/healthz')).status).toBe(200);
    expect((await ask('/readyz')).status).toBe(503);

    await startLocalNeo4j(local, () => undefined);
    let after = await ask();
    for (let i = 0; i < 20 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await ask();
    }
    expect(after.status).toBe(200);
    expect(after.body.data.partners.totalCount).toBeGreaterThanOrEqual(0);
    expect((await ask('/readyz')).status).toBe(200);
  }, 180_000);
});
