// The one place Cypher runs. It always names the database, reads in READ sessions (a cluster
// routes them to readers) and writes through executeWrite, closes sessions in finally, tags
// each transaction with the operation name, logs Cypher at debug level, converts values once
// and maps driver errors to API errors. A single read (`read`: the loaders, the pages) is one
// auto-commit transaction, the cheapest round-trip the driver has.
import { isRetryableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { appendChanges, ChangeTracker, OutboxError, type ChangeRecord, type EntityType } from '../events/outbox.js';
import type { Logger } from '../logger.js';
import type { CypherLibrary } from './cypher-library.js';
import { mapDriverError } from './errors.js';
import { recordsToRows, toParam } from './values.js';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Counts Cypher round-trips (one per statement sent) for one request. */
export interface ExecutionStats {
  roundTrips: number;
}

/**
 * Whose data a request may see. Every statement receives it as `$viewerPartnerId` (null for the
 * vendor's own users), so Cypher files scope what they return; a caller cannot override it.
 */
export interface ViewerScope {
  partnerId: string | null;
  /**
   * Who writes, recorded on every Change (README, "Events"): the token's `sub` for a request, the command's name
   * for the CLIs (`import`, `seed`, `import:crm`, `migrate`, `demo`); `system` when nobody set it.
   */
  actor?: string;
}

const VENDOR_SCOPE: ViewerScope = { partnerId: null };

export interface CypherTransaction {
  run<R = Row>(name: string, params?: Params): Promise<R[]>;
}

/**
 * A write transaction: statements plus the outbox's tracking (src/events/outbox.ts). Before it touches an entity a
 * write path calls `track(type, ids)`; the changes are computed and recorded before commit. A transaction whose
 * statements changed the graph without tracking anything fails (OutboxError), unless it said `untracked(reason)`.
 */
export interface WriteTransaction extends CypherTransaction {
  /**
   * `absent`: the caller found in this transaction that none of `ids` exists and creates them with CREATE (a
   * concurrent creator makes that fail on the id constraint), so their "before" is known without a snapshot.
   */
  track(type: EntityType, ids: Iterable<string>, hint?: 'absent'): Promise<void>;
  untracked(reason: string): void;
  /** Records changes the write knows exactly without snapshots (the bulk load's CREATEs into an emptied database). */
  record(changes: readonly ChangeRecord[]): void;
}

export interface ExecutorOptions {
  database: string;
  /** Per-transaction timeout sent to the server, in milliseconds (0: none). */
  timeoutMs: number;
  logger: Logger;
  appName?: string;
}

export class CypherExecutor {
  constructor(
    private readonly driver: Driver,
    readonly library: CypherLibrary,
    private readonly options: ExecutorOptions,
    private readonly operation: string = 'internal',
    readonly stats: ExecutionStats = { roundTrips: 0 },
    readonly scope: ViewerScope = VENDOR_SCOPE,
  ) {}

  /** Milliseconds each transaction may run (0: no limit), sent to the server with it. */
  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** Who writes through this executor (recorded on each Change). */
  get actor(): string {
    return this.scope.actor ?? 'system';
  }

  /** The same executor writing as `actor` (a CLI's command name, e.g. `import`). */
  as(actor: string): CypherExecutor {
    return new CypherExecutor(this.driver, this.library, this.options, this.operation, this.stats, { ...this.scope, actor });
  }

  /** The same executor, tagged with a request's operation and viewer scope, counting its round-trips. */
  forRequest(operation: string | undefined, stats: ExecutionStats = { roundTrips: 0 }, scope: ViewerScope = VENDOR_SCOPE): CypherExecutor {
    return new CypherExecutor(this.driver, this.library, this.options, operation ?? 'anonymous', stats, scope);
  }

  /**
   * One statement's rows, in an auto-commit READ transaction: the driver sends RUN and PULL in one write and reads
   * one answer, where a managed transaction writes BEGIN, RUN and COMMIT apart and waits for each (BENCHMARKS.md,
   * "Read speed"). Each statement is still its own transaction, as it was. A statement failing with an error the driver
   * would retry (the server unavailable, a leader switch) runs again in a managed transaction, which retries it as
   * every read did before.
   */
  read<R = Row>(name: string, params: Params = {}): Promise<R[]> {
    return this.readText<R>(name, this.library.get(name).text, params);
  }

  /**
   * As `read`, for a statement composed at run time from the files' parts (src/read/: one statement per root field
   * from the selection), logged under `name`. The text comes from cypher/ only; every value is a parameter.
   */
  async readText<R = Row>(name: string, text: string, params: Params = {}): Promise<R[]> {
    this.stats.roundTrips += 1;
    if (this.options.logger.isDebug()) {
      // A composed statement's text is logged with it (the bench replays what was sent).
      const composed = text === this.library.get(name, false)?.text ? {} : { text };
      this.options.logger.debug(`cypher ${name}`, { operation: this.operation, params, autoCommit: true, ...composed });
    }
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'READ' });
    try {
      // The driver formats a stack trace for every result it creates, to give a later Neo4j error the caller's
      // stack: 5 % of the API's time for a partner with its lists (source-mapped frames under tsx). Neo4j errors
      // never reach a client and are logged without a stack (src/http/error-log.ts), so reads skip it.
      const stackTraceLimit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let running;
      try {
        running = session.run(text, this.withScope(params), this.txConfig(this.operation));
      } finally {
        Error.stackTraceLimit = stackTraceLimit;
      }
      const result = await running;
      return recordsToRows<R>(result.records);
    } catch (err) {
      if (isRetryableError(err)) return this.managed('READ', (tx) => this.runOn<R>(tx, text, params, name));
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  /** One statement in a write transaction that tracks `track` (entity type and ids) for the outbox first. */
  write<R = Row>(name: string, params: Params = {}, track?: { type: EntityType; ids: Iterable<string> }): Promise<R[]> {
    return this.writeTransaction(async (tx) => {
      if (track) await tx.track(track.type, track.ids);
      return tx.run<R>(name, params);
    });
  }

  readTransaction<T>(work: (tx: CypherTransaction) => Promise<T>): Promise<T> {
    return this.managed('READ', (tx) => work({ run: (name, params) => this.runNamed(tx, name, params) }));
  }

  /**
   * Several statements in one transaction: all or nothing. The outbox records the tracked changes in it right
   * before commit (retried work starts a fresh tracking), so a commit always records and a rollback never does.
   */
  writeTransaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    return this.managed('WRITE', async (tx) => {
      const written = { any: false };
      const run = <R>(name: string, params?: Params) => this.runNamed<R>(tx, name, params, written);
      const tracker = new ChangeTracker(run);
      const result = await work({
        run,
        track: (type, ids, hint) => tracker.track(type, ids, hint),
        untracked: (reason) => tracker.untracked(reason),
        record: (changes) => tracker.record(changes),
      });
      if (written.any && !tracker.tracksAnything) {
        throw new OutboxError(
          `write transaction (${this.operation}) changed the graph but tracked nothing for the outbox: call tx.track()`,
        );
      }
      const changes = await tracker.changes();
      if (changes.length > 0) await appendChanges(run, changes, this.actor);
      return result;
    });
  }

  /** Runs Cypher text that is not a named file (EXPLAIN checks, migrations' bookkeeping). */
  async runText<R = Row>(text: string, params: Params = {}, mode: 'READ' | 'WRITE' = 'READ'): Promise<R[]> {
    return this.managed(mode, (tx) => this.runOn<R>(tx, text, params, '(text)'));
  }

  /**
   * Runs a named file in an auto-commit (implicit) transaction: the only way to run
   * `CALL { ... } IN TRANSACTIONS`, which commits batch by batch. Not all or nothing, and not
   * retried on transient errors; for bulk maintenance (the bulk load's emptying), not requests.
   */
  async runAutoCommit<R = Row>(name: string, params: Params = {}): Promise<R[]> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: 'WRITE' });
    this.stats.roundTrips += 1;
    if (this.options.logger.isDebug()) this.options.logger.debug(`cypher ${name} (auto-commit)`, { operation: this.operation, params });
    try {
      const result = await session.run(
        this.library.get(name).text,
        toParam({ ...params, viewerPartnerId: this.scope.partnerId }) as Params,
        {
          timeout: this.options.timeoutMs,
          metadata: { app: this.options.appName ?? 'ecosystem-graph', operation: this.operation },
        },
      );
      return recordsToRows<R>(result.records);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  private runNamed<R>(tx: ManagedTransaction, name: string, params: Params = {}, written?: { any: boolean }): Promise<R[]> {
    return this.runOn<R>(tx, this.library.get(name).text, params, name, written);
  }

  private async managed<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: mode === 'READ' ? 'READ' : 'WRITE' });
    const config = this.txConfig(this.operation);
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  private txConfig(operation: string) {
    return { timeout: this.options.timeoutMs, metadata: { app: this.options.appName ?? 'ecosystem-graph', operation } };
  }

  /** The statement's parameters as the driver takes them, with the viewer's scope. */
  private withScope(params: Params): Params {
    return toParam({ ...params, viewerPartnerId: this.scope.partnerId }) as Params;
  }

  private async runOn<R>(tx: ManagedTransaction, text: string, params: Params, name: string, written?: { any: boolean }): Promise<R[]> {
    this.stats.roundTrips += 1;
    if (this.options.logger.isDebug()) this.options.logger.debug(`cypher ${name}`, { operation: this.operation, params });
    const result = await tx.run(text, this.withScope(params));
    if (written && !written.any && result.summary.counters.containsUpdates()) written.any = true;
    return recordsToRows<R>(result.records);
  }
}
