// The database a process works with: the local Neo4j started when the configuration asks for
// it, the driver, the executors and the migrations. Shared by npm start and the CLIs.
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../neo4j/local.js';
import type { Config } from './config.js';
import { CypherLibrary } from './db/cypher-library.js';
import { createDriver, waitForDatabase } from './db/driver.js';
import { CypherExecutor } from './db/executor.js';
import { applyMigrations } from './db/migrate.js';
import { prepareLocalRun } from './local-run.js';
import type { Logger } from './logger.js';

export interface DatabaseConnection {
  /** For requests: each transaction is bounded by the request timeout (QUERY_TIMEOUT_SECONDS). */
  executor: CypherExecutor;
  /**
   * For start-up maintenance (migrations, the demo load): bounded by MAINTENANCE_TIMEOUT_SECONDS
   * instead, so a busy machine does not turn a slow load into a failed start.
   */
  maintenance: CypherExecutor;
  /** Closes the driver, and stops the local server when this connection started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A transaction's timeout, when the process needs longer than a request (an import). */
  timeoutMs?: number;
}

/**
 * Starts the local Neo4j when configured (and not running), connects, applies migrations. On any
 * failure it closes the driver and stops the server it started before rethrowing.
 */
export async function connectDatabase(unprepared: Config, logger: Logger, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  const config = prepareLocalRun(unprepared);
  const local = config.localNeo4j;
  let startedHere = false;
  const stopStarted = async () => {
    if (startedHere && local) await stopLocalNeo4j(local);
  };
  if (local) {
    const before = await localStatus(local);
    try {
      const status = await startLocalNeo4j(local, (l) => logger.info(l));
      startedHere = !before.running && status.pid !== undefined;
    } catch (err) {
      // A start that failed half-way (the JVM up, Bolt never answering) wrote a new pid file: stop that server.
      const after = await localStatus(local).catch(() => undefined);
      startedHere = !before.running && after?.pid !== undefined && after.pid !== before.pid;
      await stopStarted().catch(() => undefined);
      throw err;
    }
  }
  const driver = createDriver(config.neo4j);
  try {
    await waitForDatabase(driver, (l) => logger.warn(l));
    const library = new CypherLibrary();
    const executor = new CypherExecutor(driver, library, {
      database: config.neo4j.database,
      timeoutMs: options.timeoutMs ?? config.queryTimeoutMs,
      logger,
    });
    const maintenance = new CypherExecutor(driver, library, {
      database: config.neo4j.database,
      timeoutMs: config.maintenanceTimeoutMs === 0 ? 0 : Math.max(config.maintenanceTimeoutMs, options.timeoutMs ?? 0),
      logger,
    });
    const applied = await applyMigrations(maintenance.as('migrate'));
    logger.info(`Migrations applied: ${applied.length}`);
    return {
      executor,
      maintenance,
      close: async () => {
        await driver.close();
        await stopStarted();
      },
    };
  } catch (err) {
    await driver.close();
    await stopStarted();
    throw err;
  }
}
