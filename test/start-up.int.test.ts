// Start-up (issue 11): maintenance at start-up (migrations, the demo load) runs under its own
// timeout, not the request timeout, and a start that fails stops what it started. The first
// test runs the real entry point (src/main.ts) with a Neo4j of its own, loads the demo into it,
// then fails on a busy HTTP port: the process must exit 1 and leave no Neo4j behind.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { canConnect } from '../neo4j/local.js';
import { loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/database.js';
import { silentLogger } from '../src/logger.js';

// Its own Bolt port, apart from the shared test server's (TEST_NEO4J_PORT) so parallel runs do not meet.
const boltPort = Number(process.env.TEST_START_NEO4J_PORT ?? Number(process.env.TEST_NEO4J_PORT ?? 7688) + 100);
const dataDir = resolve(`.data/test-start-${boltPort}`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let busy: Server | undefined;
let neo4jPid: number | undefined;
afterAll(async () => {
  busy?.close();
  // Only if the test failed: do not leave the server running.
  if (neo4jPid && isAlive(neo4jPid)) process.kill(neo4jPid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a failed start', () => {
  it('stops the Neo4j it started after loading the demo, and exits 1', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    busy = createServer();
    const httpPort = await new Promise<number>((r) => busy!.listen(0, '127.0.0.1', () => r((busy!.address() as { port: number }).port)));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOCAL_NEO4J_PORT: String(boltPort),
      LOCAL_NEO4J_HEAP: '384m',
      LOCAL_NEO4J_PAGECACHE: '64m',
      SEED_DEMO: 'true',
      AUTH: 'off',
      HOST: '127.0.0.1',
      PORT: String(httpPort),
      LOG_LEVEL: 'info',
    };
    for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', r));

    neo4jPid = Number(/Starting Neo4j \(pid (\d+)\)/.exec(log)?.[1]);
    expect(neo4jPid, log).toBeGreaterThan(0);
    expect(log).toMatch(/Loaded the demo ecosystem \(\d+ records\)/);
    expect(log).toMatch(/Start-up failed; stopping what it started .*EADDRINUSE/);
    expect(code).toBe(1);
    expect(isAlive(neo4jPid)).toBe(false);
    const password = loadConfig({ ...env, NEO4J_PASSWORD: undefined }).localNeo4j!;
    expect(await canConnect(`bolt://127.0.0.1:${boltPort}`, password.password ?? '', 1000)).toBe(false);
  }, 300_000);
});

describe('maintenance executors', () => {
  it('send their own timeout, not the request timeout', async () => {
    const config = loadConfig(
      {
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
        NEO4J_DATABASE: inject('neo4jDatabase'),
        QUERY_TIMEOUT_SECONDS: '7',
        MAINTENANCE_TIMEOUT_SECONDS: '1800',
      },
      { serving: false },
    );
    const database = await connectDatabase(config, silentLogger);
    try {
      expect(database.executor.timeoutMs).toBe(7_000);
      expect(database.maintenance.timeoutMs).toBe(1_800_000);
      // Both reach the database (Community Neo4j does not show a transaction's timeout, so the values are checked above).
      expect(await database.maintenance.runText('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      expect(await database.executor.runText('RETURN 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
