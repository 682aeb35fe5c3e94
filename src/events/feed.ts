// The delivery side's view of the outbox: the shape of readChanges (src/events/change-feed.ts, the
// contract in /work/briefs/events-contract.md) and the one public JSON form of a change that webhooks
// send. Subscriptions and webhooks read changes only through readChanges, with an executor scoped to
// the subscriber's or the webhook owner's viewer, so what a viewer may see is decided in one place.
import type { CypherExecutor } from '../db/executor.js';

/** A change as readChanges returns it (only the fields delivery relies on are named). */
export interface FeedChange {
  sequence: bigint | number;
  at: Date | string;
  kind: string;
  entityType: string;
  entityId: string;
  /** JSON text or its parsed object: {"<field>": {"before": .., "after": ..}}. */
  fields: unknown;
  actor?: string | null;
}

/** readChanges' signature: what the viewer of `executor` may see after `afterSequence`, oldest first. */
export type ReadChanges<F = unknown> = (
  executor: CypherExecutor,
  args: { afterSequence: bigint | null; first: number; filter?: F },
) => Promise<FeedChange[]>;

/** The sequence as a bigint (the driver gives a number when it is safe). */
export function sequenceOf(change: FeedChange): bigint {
  return BigInt(change.sequence);
}

/** A change as a webhook body carries it: sequence as a decimal string, `at` ISO 8601, fields as an object. */
export interface PublicChange {
  cursor: string;
  sequence: string;
  at: string;
  kind: string;
  entityType: string;
  entityId: string;
  fields: Record<string, unknown>;
  actor: string | null;
}

export function publicChange(change: FeedChange, cursor: string): PublicChange {
  let fields: unknown = change.fields;
  if (typeof fields === 'string') {
    try {
      fields = JSON.parse(fields) as unknown;
    } catch {
      fields = {};
    }
  }
  return {
    cursor,
    sequence: sequenceOf(change).toString(),
    at: change.at instanceof Date ? change.at.toISOString() : String(change.at),
    kind: change.kind,
    entityType: change.entityType,
    entityId: change.entityId,
    fields: (fields ?? {}) as Record<string, unknown>,
    actor: change.actor ?? null,
  };
}
