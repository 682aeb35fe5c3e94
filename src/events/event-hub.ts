// What the event features share in one running API: the outbox watcher, readChanges and its cursor
// encoding, the partner-access check, and the webhook target policy. startApp (src/server.ts) builds
// one and hands it to the request contexts (HTTP and WebSocket) and to the webhook worker.
import type { PartnerAccessCheck } from '../auth/partner-access.js';
import type { ReadChanges } from './feed.js';
import type { OutboxWatcher } from './outbox-watcher.js';
import type { TargetPolicy } from './webhook-target.js';

export interface EventHub {
  watcher: OutboxWatcher;
  readChanges: ReadChanges;
  encodeCursor: (sequence: bigint) => string;
  /** The sequence a cursor stands for; throws a BAD_USER_INPUT error naming `path` for a bad one. */
  decodeCursor: (cursor: string, path: string[]) => bigint;
  partnerAccess: PartnerAccessCheck;
  targetPolicy: TargetPolicy;
}
