// npm start: the local Neo4j (unless NEO4J_URI is set), migrations, the demo ecosystem in an
// empty database, then the API. Ctrl-C / SIGTERM drains requests and stops everything.
import { ConfigError, loadConfig } from './config.js';
import { connectDatabase } from './db/connect.js';
import { loadDemoIfEmpty } from './interchange/demo.js';
import { mintToken } from './auth/tokens.js';
import { createLogger } from './logger.js';
import { startApp } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config, logger);
  const executor = database.executor;
  if (config.seedDemo) {
    const loaded = await loadDemoIfEmpty(executor);
    if (loaded) logger.info(`Loaded the demo ecosystem (${loaded} records)`);
  }
  const app = await startApp({ executor, logger, production: config.env === 'production', auth: config.auth, limits: config.limits }, config.host, config.port);
  logger.info(`API ready at ${app.url} (map page: ${app.url.replace(/\/graphql$/, '/')}, query page: ${app.url.replace(/\/graphql$/, '/graphiql')})`);
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
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
