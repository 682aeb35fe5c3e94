// Access ends with the partnership: a PARTNER token is honoured only while its partner exists and is
// not OFFBOARDED, however long the token itself is valid. One indexed lookup per partner, remembered
// for a short time (PARTNER_ACCESS_TTL_MS), so a change takes effect within that bound.
import type { Viewer } from '../context.js';
import type { CypherExecutor } from '../db/executor.js';
import { UnauthenticatedError } from '../errors.js';

/** How long an answer is remembered: an offboarding or deletion takes effect within 5 seconds. */
export const PARTNER_ACCESS_TTL_MS = 5_000;
/** At most this many partners are remembered; the oldest answers are forgotten first. */
const MAX_REMEMBERED = 10_000;

/** The viewer again when it may proceed; throws UnauthenticatedError (HTTP 401) when its partnership has ended. */
export type PartnerAccessCheck = (viewer: Viewer) => Promise<Viewer>;

/**
 * A check for the server to run on every request's viewer (before any resolver). ADMIN and
 * ALLIANCE_MANAGER pass untouched; a PARTNER passes while `partners/get-partner-access` finds its
 * partner with a lifecycle stage other than OFFBOARDED. Database errors are not remembered and reach
 * the caller as they are (SERVICE_UNAVAILABLE, TIMEOUT).
 */
export function createPartnerAccessCheck(
  executor: CypherExecutor,
  ttlMs = PARTNER_ACCESS_TTL_MS,
  now: () => number = Date.now,
): PartnerAccessCheck {
  const remembered = new Map<string, { until: number; active: Promise<boolean> }>();
  const lookUp = (partnerId: string): Promise<boolean> => {
    const hit = remembered.get(partnerId);
    if (hit && hit.until > now()) return hit.active;
    const active = executor
      .read<{ lifecycleStage: string | null }>('partners/get-partner-access', { partnerId })
      .then((rows) => rows.length > 0 && rows[0]!.lifecycleStage !== 'OFFBOARDED');
    remembered.delete(partnerId);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
    remembered.set(partnerId, { until: now() + ttlMs, active });
    active.catch(() => {
      if (remembered.get(partnerId)?.active === active) remembered.delete(partnerId);
    });
    return active;
  };
  return async (viewer) => {
    if (viewer.role !== 'PARTNER') return viewer;
    if (viewer.partnerId === undefined || !(await lookUp(viewer.partnerId))) {
      throw new UnauthenticatedError(
        `The partner ${JSON.stringify(viewer.partnerId ?? '')} is offboarded or unknown: its access has ended`,
      );
    }
    return viewer;
  };
}
