// npm start: the local Neo4j (unless NEO4J_URI is set), migrations, the demo ecosystem in an
// empty database, then the API. Ctrl-C / SIGTERM drains requests and stops everything.
import { startLocalNeo4j, stopLocalNeo4j } from '../neo4j/local.js';
import { ConfigError, loadConfig } from './config.js';
import { CypherLibrary } from './db/cypher-library.js';
import { createDriver, waitForDatabase } from './db/driver.js';
import { CypherExecutor } from './db/executor.js';
import { applyMigrations } from './db/migrate.js';
import { loadDemoIfEmpty } from './interchange/demo.js';
import { mintToken } from './auth/tokens.js';
import { createLogger } from './logger.js';
import { startApp } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const library = new CypherLibrary();
  let startedLocal = false;
  if (config.localNeo4j) {
    const status = await startLocalNeo4j(config.localNeo4j, (l) => logger.info(l));
    startedLocal = status.pid !== undefined;
  }
  const driver = createDriver(config.neo4j);
  await waitForDatabase(driver, (l) => logger.warn(l));
  const executor = new CypherExecutor(driver, library, { database: config.neo4j.database, timeoutMs: config.queryTimeoutMs, logger });
  const applied = await applyMigrations(executor);
  logger.info(`Migrations applied: ${applied.length}`);
  if (config.seedDemo) {
    const loaded = await loadDemoIfEmpty(executor);
    if (loaded) logger.info(`Loaded the demo ecosystem (${loaded} records)`);
  }
  const app = await startApp({ executor, logger, production: config.env === 'production', auth: config.auth, limits: config.limits }, config.host, config.port);
  logger.info(`API ready at ${app.url} (query page: ${app.url.replace(/\/graphql$/, '/graphiql')})`);
  if (config.auth.secretFile && config.auth.secret) {
    const token = await mintToken({ secret: config.auth.secret, role: 'ADMIN', subject: 'local-admin', expiresIn: '30d' });
    logger.info(`Local admin token (30 days; secret in ${config.auth.secretFile}):\n\n  Authorization: Bearer ${token}\n`);
  } else if (!config.auth.enabled) {
    logger.warn('AUTH=off: every request is treated as ADMIN');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining requests and stopping`);
    await app.stop();
    await driver.close();
    if (startedLocal && config.localNeo4j) await stopLocalNeo4j(config.localNeo4j);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
