// The one driver of the process, from the configuration.
import neo4j, { type Driver } from 'neo4j-driver';

/** Where a database is and who logs in (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE). */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export function createDriver(config: Neo4jSettings): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    maxConnectionPoolSize: 100,
    // Fail fast when the database is away: a request waits at most a few seconds, then gets
    // SERVICE_UNAVAILABLE; the pool reconnects by itself when the database is back.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 1_000,
    disableLosslessIntegers: false,
    userAgent: 'ecosystem-graph/0.1',
  });
}

/** Waits for the database with exponential backoff, logging each failed try. */
export async function waitForDatabase(driver: Driver, log: (line: string) => void, attempts = 30): Promise<void> {
  let delay = 500;
  for (let i = 1; ; i++) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (err) {
      if (i >= attempts) throw err;
      log(`Database not reachable (try ${i}/${attempts}: ${(err as Error).message}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}
