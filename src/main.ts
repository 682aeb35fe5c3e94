// npm start: the local Neo4j (unless NEO4J_URI is set), migrations, the demo ecosystem in an
// empty database, then the API. Ctrl-C / SIGTERM drains requests and stops everything. A start
// that fails stops what it started (the API, the driver, the local Neo4j) before exiting 1.
import { DEFAULT_MAX_LIFETIME_SECONDS, mintToken } from './auth/tokens.js';
import { ConfigError, loadConfig } from './config.js';
import { connectDatabase, type DatabaseConnection } from './database.js';
import { schedulePurges } from './events/retention.js';
import { loadDemoIfEmpty } from './interchange/demo.js';
import { prepareLocalRun } from './local-run.js';
import { scheduleExpiryRecording } from './policy/expiry.js';
import { createLogger } from './logger.js';
import { startApp, type RunningApp } from './server.js';

/** A stop signal this soon after the first is the same Ctrl-C delivered twice, not a second one (ms). */
const REPEATED_SIGNAL_MS = 2000;

/** npm start's admin token lives 30 days, or JWT_MAX_LIFETIME when that is shorter. */
const ADMIN_TOKEN_SECONDS = 30 * 86_400;

async function main(): Promise<void> {
  const config = prepareLocalRun(loadConfig());
  const logger = createLogger(config.logLevel);
  let connecting: Promise<DatabaseConnection> | undefined;
  let database: DatabaseConnection | undefined;
  let app: RunningApp | undefined;
  let stopPurges: (() => void) | undefined;
  let stopExpiries: (() => Promise<void>) | undefined;
  /** When the first stop signal arrived (ms since the epoch); undefined until then. */
  let stoppingSince: number | undefined;
  const stopAll = async () => {
    stopPurges?.();
    await stopExpiries?.();
    await app?.stop();
    // A signal while connecting (the local Neo4j starting) waits for the connection, then closes it.
    database ??= await connecting?.catch(() => undefined);
    await database?.close();
  };
  const stop = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // One Ctrl-C often arrives twice within milliseconds: from the terminal to the whole process group, and relayed
      // by npm and tsx. Only a signal more than REPEATED_SIGNAL_MS later is a second Ctrl-C, which does not wait (and
      // leaves a local Neo4j running: `npm run db:stop` stops it).
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      process.exit(1);
    }
    stoppingSince = Date.now();
    logger.info(`${signal}: draining requests and stopping`);
    await stopAll();
    process.exit(0);
  };
  // From the first step, so Ctrl-C during start-up also stops what has started so far.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    connecting = connectDatabase(config, logger);
    database = await connecting;
    if (config.seedDemo) {
      // Maintenance: bounded by MAINTENANCE_TIMEOUT_SECONDS, not by the request timeout.
      const loaded = await loadDemoIfEmpty(database.maintenance.as('demo'));
      if (loaded) logger.info(`Loaded the demo ecosystem (${loaded} records)`);
    }
    // The change feed's retention: maintenance work, hourly (src/events/retention.ts).
    stopPurges = schedulePurges(database.maintenance.as('retention'), config.changeRetentionDays, logger);
    // Expiry of protected registrations as events: maintenance work on a schedule (src/policy/expiry.ts).
    stopExpiries = scheduleExpiryRecording(database.maintenance.as('expiry'), config.expiryRecordingIntervalMs, logger);
    const executor = database.executor;
    app = await startApp(
      {
        executor,
        logger,
        production: config.env === 'production',
        auth: config.auth,
        limits: config.limits,
        events: config.events,
        graphqlExecutor: config.graphqlExecutor,
      },
      config.host,
      config.port,
    );
  } catch (err) {
    logger.error('Start-up failed; stopping what it started', { error: (err as Error).message });
    await stopAll().catch((e: unknown) => logger.error('Stopping after the failed start failed', { error: (e as Error).message }));
    throw err;
  }
  logger.info(
    `API ready at ${app.url} (map page: ${app.url.replace(/\/graphql$/, '/')}, query page: ${app.url.replace(/\/graphql$/, '/graphiql')})`,
  );
  if (config.auth.secretFile && config.auth.secret) {
    const seconds = Math.min(ADMIN_TOKEN_SECONDS, config.auth.bounds?.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS);
    const token = await mintToken({ secret: config.auth.secret, role: 'ADMIN', subject: 'local-admin', expiresIn: `${seconds}s` });
    logger.info(`Local admin token (${seconds / 86_400} days; secret in ${config.auth.secretFile}):\n\n  Authorization: Bearer ${token}\n`);
  } else if (!config.auth.enabled) {
    logger.warn('AUTH=off: every request is treated as ADMIN');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
