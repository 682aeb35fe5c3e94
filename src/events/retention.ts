// The change feed's retention (README, "Events"): changes older than CHANGE_RETENTION_DAYS are purged by maintenance
// work (the maintenance executor, batches of 10,000, each its own transaction: neither a request's timeout nor one
// transaction's memory bounds the whole purge). The horizon moves first, so from then on a cursor before it is refused
// (CHANGE_CURSOR_EXPIRED) instead of silently skipping what was purged.
import type { CypherExecutor } from '../db/executor.js';
import type { Logger } from '../logger.js';

const DAY_MS = 86_400_000;

/** Changes deleted per transaction. */
const PURGE_BATCH = 10_000;

/** How often the API purges expired changes while it runs. */
export const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Purges the changes recorded before `now` − `retentionDays`: moves the horizon (events/advance-change-horizon) to the
 * last of them, then deletes every change up to it in batches (events/purge-changes). Returns the horizon and how many
 * changes were deleted. Run it through the maintenance executor.
 */
export async function purgeExpiredChanges(
  maintenance: CypherExecutor,
  retentionDays: number,
  now: Date = new Date(),
): Promise<{ purgedThrough: bigint; purged: number }> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const [row] = await maintenance.writeTransaction(async (tx) => {
    tx.untracked("the outbox's own retention");
    return tx.run<{ purgedThrough: number | bigint }>('events/advance-change-horizon', { before });
  });
  const purgedThrough = BigInt(row?.purgedThrough ?? 0);
  let purged = 0;
  for (;;) {
    const [batch] = await maintenance.writeTransaction(async (tx) => {
      tx.untracked("the outbox's own retention");
      return tx.run<{ purged: number }>('events/purge-changes', { through: purgedThrough, limit: PURGE_BATCH });
    });
    purged += batch?.purged ?? 0;
    if ((batch?.purged ?? 0) < PURGE_BATCH) return { purgedThrough, purged };
  }
}

/** Purges now and then every PURGE_INTERVAL_MS; a failure is logged and tried again next time. Returns the stopper. */
export function schedulePurges(maintenance: CypherExecutor, retentionDays: number, logger: Logger): () => void {
  let running: Promise<unknown> | undefined;
  const purge = () => {
    if (running) return;
    running = purgeExpiredChanges(maintenance, retentionDays)
      .then(({ purged, purgedThrough }) => {
        if (purged > 0)
          logger.info(`Change feed: purged ${purged} changes older than ${retentionDays} days (through sequence ${purgedThrough})`);
      })
      .catch((err: unknown) =>
        logger.warn('Change feed: purging expired changes failed; trying again later', { error: (err as Error).message }),
      )
      .finally(() => (running = undefined));
  };
  purge();
  const timer = setInterval(purge, PURGE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
