// Wakes whoever waits for new changes: polls the head of the outbox (the last sequence taken, one read:
// lastChangeSequence of src/events/change-feed.ts) every pollMs, and at once when nudge() is called after a
// local mutation. Other processes' writes (imports, another API instance) are seen at the next poll.
// It reads no change itself: subscribers and the webhook worker read theirs through readChanges.
import type { CypherExecutor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import { lastChangeSequence } from './change-feed.js';

export class OutboxWatcher {
  private headSeen: bigint | null = null;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failing = false;
  private readonly waiters = new Set<() => void>();
  private readonly tickListeners = new Set<(head: bigint | null) => void>();

  constructor(
    private readonly executor: CypherExecutor,
    private readonly pollMs: number,
    private readonly logger: Logger,
  ) {}

  /** The last sequence taken at the last poll (null: not polled yet; 0: the outbox is empty). */
  get head(): bigint | null {
    return this.headSeen;
  }

  start(): void {
    this.schedule();
  }

  /** Stops polling and releases every waiter. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Polls now (a local write has committed); polls coalesce. */
  nudge(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.polling = this.poll().finally(() => {
      this.polling = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      } else this.schedule();
    });
  }

  /** The current head, read from the database now (not the last poll's). */
  async readHead(): Promise<bigint> {
    return lastChangeSequence(this.executor);
  }

  /** Calls `listener` after every poll with the head (the webhook worker's heartbeat); returns the unsubscribe. */
  onTick(listener: (head: bigint | null) => void): () => void {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  }

  /** Resolves once the head is above `seen` (at once when it already is), or on abort or stop. */
  waitBeyond(seen: bigint | null, signal: AbortSignal): Promise<void> {
    const beyond = () => this.headSeen !== null && (seen === null || this.headSeen > seen);
    if (beyond() || signal.aborted || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (beyond() || signal.aborted || this.stopped) {
          this.waiters.delete(check);
          signal.removeEventListener('abort', check);
          resolve();
        }
      };
      this.waiters.add(check);
      signal.addEventListener('abort', check, { once: true });
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.nudge(), this.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      const head = await this.readHead();
      if (this.failing) this.logger.info('The outbox is readable again');
      this.failing = false;
      if (this.headSeen === null || head > this.headSeen) this.headSeen = head;
    } catch (err) {
      if (!this.failing) this.logger.warn('Cannot read the head of the outbox; retrying', { error: (err as Error).message });
      this.failing = true;
      return;
    }
    for (const check of [...this.waiters]) check();
    for (const listener of this.tickListeners) listener(this.headSeen);
  }
}
