// Recording expiries (README, "Rules of engagement": expiry is a function of time). Reads see an
// approved open registration as EXPIRED as soon as its protection window ends; this sweep records
// it: status EXPIRED and a STATUS_CHANGED event dated at the instant the window ended. It is the
// hook for anything that must hear of an expiry (the change outbox records the status write like
// any other): the API runs it on a schedule (scheduleExpiryRecording, EXPIRY_RECORDING_INTERVAL),
// the ADMIN mutation recordExpiredRegistrations runs it at once.
import type { CypherExecutor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import { isExpiredAt, protectionEnds, type PolicyDeal } from './rules.js';
import { currentRules } from './rules-store.js';

/**
 * Records every expiry that has taken effect by `now` under the current rules, in one write
 * transaction holding the customers' locks (in id order); returns the ids of the deals recorded,
 * ordered by id. Idempotent: a recorded deal is EXPIRED and no longer a candidate.
 */
export async function recordExpiredRegistrations(db: CypherExecutor, now: Date = new Date()): Promise<string[]> {
  return db.writeTransaction(async (tx) => {
    const rules = await currentRules(tx);
    if (rules.protectionWindowDays === null) return [];
    const expired = (await tx.run<PolicyDeal>('policy/list-approved-open-deals')).filter((d) =>
      isExpiredAt({ ...d, participants: [], direct: false }, rules, now),
    );
    for (const customerId of [...new Set(expired.map((d) => d.customerId))].sort()) {
      await tx.run('deals/lock-customer-deals', { customerId });
    }
    // Read again under the locks: only what is still approved, open and expired.
    const still = new Set(
      (await tx.run<PolicyDeal>('policy/list-approved-open-deals'))
        .filter((d) => isExpiredAt({ ...d, participants: [], direct: false }, rules, now))
        .map((d) => d.id),
    );
    await tx.track('Deal', [...still]);
    const recorded: string[] = [];
    for (const d of expired) {
      if (!still.has(d.id)) continue;
      const at = protectionEnds(d, rules)!;
      await tx.run('deals/record-deal-status', {
        dealId: d.id,
        status: 'EXPIRED',
        at,
        note: `Rules of engagement: the protection window of ${rules.protectionWindowDays} days ended (version ${rules.version})`,
      });
      recorded.push(d.id);
    }
    return recorded;
  });
}

/**
 * Records expiries now and then every `intervalMs` milliseconds (EXPIRY_RECORDING_INTERVAL; 0: never, and nothing
 * runs) through `executor` (npm start passes the maintenance executor acting as `expiry`, so a sweep is bounded by
 * MAINTENANCE_TIMEOUT_SECONDS, not by a request's timeout, and its changes carry actor `expiry`). A sweep never
 * overlaps the previous one; a failure is logged and tried again at the next tick. Returns the stopper: it stops
 * the schedule and resolves once a sweep in progress has ended, so shutdown can close the driver after it.
 */
export function scheduleExpiryRecording(executor: CypherExecutor, intervalMs: number, logger: Logger): () => Promise<void> {
  if (intervalMs <= 0) return async () => undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const sweep = () => {
    if (running || stopped) return;
    running = recordExpiredRegistrations(executor)
      .then((ids) => {
        if (ids.length > 0) logger.info(`Rules of engagement: recorded ${ids.length} expired registrations`, { dealIds: ids });
      })
      .catch((err: unknown) =>
        logger.warn('Rules of engagement: recording expired registrations failed; trying again later', { error: (err as Error).message }),
      )
      .finally(() => (running = undefined));
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
