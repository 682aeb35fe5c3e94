// The webhook delivery worker (README, "Webhooks"). State lives in the database: each webhook has a
// cursor (the last change it has taken) and at most one PENDING delivery at a time, the oldest first,
// so deliveries leave in sequence order. One step: take the webhook's lease (so two API processes never
// send for the same webhook at once), then either attempt its PENDING delivery when due, or read the
// next changes the owner may see through readChanges, keep those of its event types, and record them
// as a new PENDING delivery while moving the cursor, in one transaction. An attempt is a signed POST;
// 2xx delivers it; anything else (3xx included: redirects are not followed) schedules the next attempt
// after an exponential backoff (firstMs, doubling, at most maxMs) until `forMs` after the delivery was
// recorded, then marks it FAILED and moves on. A crash between a POST and its record sends it again
// (at least once; the delivery id lets a receiver drop the repeat); nothing is lost.
import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { PartnerAccessCheck } from '../auth/partner-access.js';
import type { CypherExecutor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import { encodeChangeCursor } from './change-feed.js';
import { publicChange, sequenceOf, type ReadChanges } from './feed.js';
import type { OutboxWatcher } from './outbox-watcher.js';
import { matchesEventTypes } from './event-types.js';
import { DELIVERY_ID_HEADER, signatureHeader, SIGNATURE_HEADER } from './webhook-signing.js';
import { checkTarget, guardedLookup, parseTargetUrl, type TargetPolicy } from './webhook-target.js';

export interface RetrySchedule {
  /** Milliseconds before the second attempt; each later wait doubles. */
  firstMs: number;
  /** The longest wait between two attempts. */
  maxMs: number;
  /** After this many milliseconds since the delivery was recorded, it is FAILED instead of retried. */
  forMs: number;
}

export interface WebhookWorkerOptions {
  /** The unscoped executor; each webhook's changes are read through one scoped to its owner. */
  executor: CypherExecutor;
  readChanges: ReadChanges;
  watcher: OutboxWatcher;
  partnerAccess: PartnerAccessCheck;
  policy: TargetPolicy;
  retry: RetrySchedule;
  /** Milliseconds one POST may take (connect to last byte). */
  timeoutMs: number;
  /** Changes per delivery at most. */
  batchSize: number;
  logger: Logger;
}

/** The wait after the n-th failed attempt (n ≥ 1): firstMs · 2^(n−1), at most maxMs. */
export function backoffMs(attempts: number, retry: RetrySchedule): number {
  return Math.min(retry.firstMs * 2 ** Math.min(Math.max(attempts - 1, 0), 40), retry.maxMs);
}

interface ClaimedWebhook {
  id: string;
  url: string;
  eventTypes: string[];
  secret: string;
  ownerPartnerId: string | null;
  cursor: number | bigint | null;
}

interface PendingDelivery {
  id: string;
  firstSequence: number | bigint;
  payload: string;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
}

/** A write of the webhooks' own state: not ecosystem data, so the outbox records nothing for it. */
export function writeWebhookState<R>(executor: CypherExecutor, name: string, params: Record<string, unknown>): Promise<R[]> {
  return executor.writeTransaction(async (tx) => {
    tx.untracked('webhook delivery state (not ecosystem data)');
    return tx.run<R>(name, params);
  });
}

/** At most this many steps for one webhook per wake-up, so one busy webhook does not starve the others. */
const STEPS_PER_RUN = 50;
/** Webhooks worked on at once. */
const PARALLEL_WEBHOOKS = 8;

export class WebhookWorker {
  private readonly owner = `worker-${randomBytes(6).toString('hex')}`;
  private readonly busy = new Set<string>();
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly o: WebhookWorkerOptions) {}

  private get leaseMs(): number {
    return Math.max(30_000, this.o.timeoutMs * 3);
  }

  start(): void {
    this.unsubscribe = this.o.watcher.onTick(() => this.wake());
  }

  /** Stops taking work, waits for the attempts in flight, and hands the leases back. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.running?.catch(() => undefined);
    await writeWebhookState(this.o.executor, 'webhooks/release-webhook-leases', { owner: this.owner }).catch(() => undefined);
  }

  /** Looks for work now (also called after every poll of the outbox). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.run()
      .catch((err: unknown) =>
        this.o.logger.warn('Webhook delivery run failed; retrying at the next poll', { error: (err as Error).message }),
      )
      .finally(() => {
        this.running = undefined;
        if (this.rerun) {
          this.rerun = false;
          this.wake();
        }
      });
  }

  private async run(): Promise<void> {
    const head = this.o.watcher.head ?? -1n;
    const rows = await this.o.executor.read<{ id: string }>('webhooks/list-webhooks-with-work', { head });
    const queue = rows.map((r) => r.id).filter((id) => !this.busy.has(id));
    const lane = async () => {
      for (let id = queue.shift(); id !== undefined && !this.stopped; id = queue.shift()) {
        this.busy.add(id);
        try {
          await this.work(id);
        } catch (err) {
          this.o.logger.warn('Webhook delivery step failed', { webhookId: id, error: (err as Error).message });
        } finally {
          this.busy.delete(id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WEBHOOKS, queue.length) }, lane));
  }

  private async work(webhookId: string): Promise<void> {
    for (let step = 0; step < STEPS_PER_RUN && !this.stopped; step++) {
      const [claimed] = await writeWebhookState<{ webhook: ClaimedWebhook; pending: PendingDelivery | null }>(
        this.o.executor,
        'webhooks/claim-webhook',
        {
          id: webhookId,
          owner: this.owner,
          leaseMs: this.leaseMs,
        },
      );
      if (!claimed) return;
      const { webhook, pending } = claimed;
      if (pending) {
        if (new Date(pending.nextAttemptAt).getTime() > Date.now()) return;
        if ((await this.attempt(webhook, pending)) !== 'DELIVERED') return;
        continue;
      }
      if (!(await this.enqueueNext(webhook))) return;
    }
  }

  /** Records the next batch of the owner's changes (or just moves the cursor past changes of other types); false when there are none. */
  private async enqueueNext(webhook: ClaimedWebhook): Promise<boolean> {
    const viewer = webhook.ownerPartnerId
      ? { role: 'PARTNER' as const, subject: `webhook:${webhook.id}`, partnerId: webhook.ownerPartnerId }
      : { role: 'ADMIN' as const, subject: `webhook:${webhook.id}` };
    try {
      await this.o.partnerAccess(viewer);
    } catch {
      // The owner's partnership has ended: nothing more is sent (the webhook stays for the record).
      return false;
    }
    const scoped = this.o.executor.forRequest(`webhook:${webhook.id}`, undefined, { partnerId: webhook.ownerPartnerId });
    const cursor = webhook.cursor === null ? null : BigInt(webhook.cursor);
    // Every change up to the head seen before reading has committed: when none of them is visible to
    // the owner, the cursor moves past them, so the webhook is not looked at again for them.
    const headBefore = this.o.watcher.head;
    const changes = await this.o.readChanges(scoped, { afterSequence: cursor, first: this.o.batchSize });
    if (changes.length === 0) {
      if (headBefore === null || (cursor !== null && headBefore <= cursor)) return false;
      await writeWebhookState(this.o.executor, 'webhooks/enqueue-webhook-delivery', {
        webhookId: webhook.id,
        expectedCursor: cursor,
        cursor: headBefore,
        delivery: null,
      });
      return false;
    }
    const wanted = changes.filter((c) => matchesEventTypes(webhook.eventTypes, c.entityType, c.kind));
    const last = sequenceOf(changes[changes.length - 1]!);
    let delivery: Record<string, unknown> | null = null;
    if (wanted.length > 0) {
      const id = randomUUID();
      const body = JSON.stringify({
        id,
        webhookId: webhook.id,
        changes: wanted.map((c) => publicChange(c, encodeChangeCursor(sequenceOf(c)))),
      });
      delivery = {
        id,
        firstSequence: sequenceOf(wanted[0]!),
        lastSequence: sequenceOf(wanted[wanted.length - 1]!),
        changeCount: wanted.length,
        payload: body,
      };
    }
    const moved = await writeWebhookState(this.o.executor, 'webhooks/enqueue-webhook-delivery', {
      webhookId: webhook.id,
      expectedCursor: cursor,
      cursor: last,
      delivery,
    });
    return moved.length > 0;
  }

  /** One signed POST of a PENDING delivery, and its record; the delivery's new status. */
  private async attempt(webhook: ClaimedWebhook, pending: PendingDelivery): Promise<'DELIVERED' | 'PENDING' | 'FAILED'> {
    const { statusCode, error } = await this.post(webhook, pending);
    const attempts = pending.attempts + 1;
    let status: 'DELIVERED' | 'PENDING' | 'FAILED' = 'DELIVERED';
    let nextAttemptAt: Date | null = null;
    if (statusCode < 200 || statusCode >= 300) {
      const next = Date.now() + backoffMs(attempts, this.o.retry);
      if (next > new Date(pending.createdAt).getTime() + this.o.retry.forMs) status = 'FAILED';
      else {
        status = 'PENDING';
        nextAttemptAt = new Date(next);
      }
    }
    await writeWebhookState(this.o.executor, 'webhooks/record-webhook-attempt', {
      id: pending.id,
      statusCode,
      error: error ?? (status === 'DELIVERED' ? null : `HTTP ${statusCode}`),
      status,
      nextAttemptAt,
    });
    if (status === 'FAILED') {
      this.o.logger.warn('Webhook delivery failed for good', {
        webhookId: webhook.id,
        deliveryId: pending.id,
        attempts,
        statusCode,
        error,
      });
    }
    return status;
  }

  private post(webhook: ClaimedWebhook, pending: PendingDelivery): Promise<{ statusCode: number; error?: string }> {
    const attempt = this.postOnce(webhook, pending);
    this.inFlight.add(attempt);
    return attempt.finally(() => this.inFlight.delete(attempt));
  }

  private async postOnce(webhook: ClaimedWebhook, pending: PendingDelivery): Promise<{ statusCode: number; error?: string }> {
    const url = parseTargetUrl(webhook.url);
    if (typeof url === 'string') return { statusCode: 0, error: url };
    try {
      await checkTarget(url, this.o.policy);
    } catch (err) {
      return { statusCode: 0, error: (err as Error).message };
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const body = Buffer.from(pending.payload, 'utf8');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          lookup: guardedLookup(this.o.policy),
          timeout: this.o.timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': body.length,
            'user-agent': 'ecosystem-graph-webhooks/1',
            [DELIVERY_ID_HEADER]: pending.id,
            [SIGNATURE_HEADER]: signatureHeader(webhook.secret, timestamp, pending.payload),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ statusCode: res.statusCode ?? 0 }));
          res.on('error', (err) => resolve({ statusCode: res.statusCode ?? 0, error: err.message }));
        },
      );
      const timer = setTimeout(() => req.destroy(new Error(`No answer in ${this.o.timeoutMs} ms`)), this.o.timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('timeout', () => req.destroy(new Error(`No answer in ${this.o.timeoutMs} ms`)));
      req.on('error', (err) => resolve({ statusCode: 0, error: err.message }));
      req.end(body);
    });
  }
}
