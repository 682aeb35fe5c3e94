// What the event features share in one running API: the outbox watcher, readChanges, the partner-access
// check, and the webhook target policy (change cursors are plain functions: encodeChangeCursor and
// decodeChangeCursor in change-feed.ts). startApp (src/server.ts) builds
// one and hands it to the request contexts (HTTP and WebSocket) and to the webhook worker.
import type { PartnerAccessCheck } from '../auth/partner-access.js';
import type { ReadChanges } from './feed.js';
import type { OutboxWatcher } from './outbox-watcher.js';
import type { TargetPolicy } from './webhook-target.js';

export interface EventHub {
  watcher: OutboxWatcher;
  readChanges: ReadChanges;
  partnerAccess: PartnerAccessCheck;
  targetPolicy: TargetPolicy;
}
