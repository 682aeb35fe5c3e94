// The database a process works with: the local Neo4j started when the configuration asks for
// it, the driver, the executor and the migrations. Shared by npm start and the CLIs.
import { localStatus, startLocalNeo4j, stopLocalNeo4j } from '../../neo4j/local.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { CypherLibrary } from './cypher-library.js';
import { createDriver, waitForDatabase } from './driver.js';
import { CypherExecutor } from './executor.js';
import { applyMigrations } from './migrate.js';

export interface DatabaseConnection {
  executor: CypherExecutor;
  /** Closes the driver, and stops the local server when this connection started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A transaction's timeout, when the process needs longer than a request (an import). */
  timeoutMs?: number;
}

export async function connectDatabase(config: Config, logger: Logger, options: ConnectOptions = {}): Promise<DatabaseConnection> {
  let startedHere = false;
  if (config.localNeo4j) {
    const before = await localStatus(config.localNeo4j);
    const status = await startLocalNeo4j(config.localNeo4j, (l) => logger.info(l));
    startedHere = !before.running && status.pid !== undefined;
  }
  const driver = createDriver(config.neo4j);
  try {
    await waitForDatabase(driver, (l) => logger.warn(l));
    const executor = new CypherExecutor(driver, new CypherLibrary(), {
      database: config.neo4j.database,
      timeoutMs: options.timeoutMs ?? config.queryTimeoutMs,
      logger,
    });
    const applied = await applyMigrations(executor);
    logger.info(`Migrations applied: ${applied.length}`);
    return {
      executor,
      close: async () => {
        await driver.close();
        if (startedHere && config.localNeo4j) await stopLocalNeo4j(config.localNeo4j);
      },
    };
  } catch (err) {
    await driver.close();
    if (startedHere && config.localNeo4j) await stopLocalNeo4j(config.localNeo4j);
    throw err;
  }
}
