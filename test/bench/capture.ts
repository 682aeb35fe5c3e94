// What an API request runs against Neo4j: the executor logs every named statement with its
// parameters at debug level, so a logger that is "debug" only while capturing records them
// (and costs nothing while latencies are measured). The recorded statements are then replayed
// directly through neo4j-driver (the "driver" column) and PROFILEd (db hits).
import neo4j, { type Driver, type QueryResult, type Session } from 'neo4j-driver';
import type { CypherLibrary } from '../../src/db/cypher-library.js';
import { recordsToRows, toParam } from '../../src/db/values.js';
import type { Logger } from '../../src/logger.js';

export interface CapturedStatement {
  name: string;
  params: Record<string, unknown>;
  /** A statement composed at run time (src/read/): its text, logged with it. */
  text?: string;
  /** Sent as its own auto-commit transaction (the executor's `read`), not inside a managed one. */
  autoCommit?: boolean;
}

/**
 * The API's background loops (src/server.ts: the outbox watcher's poll, the webhook worker's look for work) run on
 * their own timers and after every mutation; their statements are not the request's and are not replayed.
 */
const BACKGROUND_OPERATIONS = new Set(['outbox-watcher', 'webhook-worker']);

export class CapturingLogger implements Logger {
  capturing = false;
  statements: CapturedStatement[] = [];

  debug(message: string, fields?: Record<string, unknown>): void {
    if (!this.capturing || !message.startsWith('cypher ')) return;
    if (BACKGROUND_OPERATIONS.has(fields?.operation as string)) return;
    const text = typeof fields?.text === 'string' ? { text: fields.text } : {};
    const autoCommit = fields?.autoCommit === true ? { autoCommit: true } : {};
    this.statements.push({
      name: message.slice('cypher '.length),
      params: (fields?.params ?? {}) as Record<string, unknown>,
      ...text,
      ...autoCommit,
    });
  }
  info(): void {}
  warn(message: string, fields?: Record<string, unknown>): void {
    process.stderr.write(`WARN ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    process.stderr.write(`ERROR ${message} ${fields ? JSON.stringify(fields) : ''}\n`);
  }
  isDebug(): boolean {
    return this.capturing;
  }

  /** Runs `work` and returns the statements it sent. */
  async capture(work: () => Promise<void>): Promise<CapturedStatement[]> {
    this.statements = [];
    this.capturing = true;
    try {
      await work();
    } finally {
      this.capturing = false;
    }
    return this.statements;
  }
}

const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/i;

/** The same statements with the same parameters, straight through the driver (admin scope). */
export class DriverReplay {
  constructor(
    private readonly driver: Driver,
    private readonly library: CypherLibrary,
  ) {}

  private textOf(s: CapturedStatement): string {
    return s.text ?? this.library.get(s.name).text;
  }

  private paramsOf(s: CapturedStatement, rename?: readonly [string, string]): Record<string, unknown> {
    const params = rename ? (renamed(s.params, rename[0], rename[1]) as Record<string, unknown>) : s.params;
    return toParam({ ...params, viewerPartnerId: null }) as Record<string, unknown>;
  }

  /**
   * Each read as the API sent it: an auto-commit transaction for the executor's single reads, a managed one otherwise;
   * a write sequence runs in one transaction that is rolled back, or, given `commitAs` ([the id the captured request
   * created, a fresh one]), committed as the API's request was, with that id replaced by the fresh one in every
   * parameter (committing the same id twice would fail on its uniqueness constraint). With `rows`, the rows of every
   * statement, converted as the API converts them (src/db/values.ts: what the bare HTTP server sends); else nothing.
   */
  async run(statements: readonly CapturedStatement[], commitAs?: readonly [string, string], rows = false): Promise<unknown[][]> {
    const session = this.driver.session({ database: 'neo4j' });
    const out: unknown[][] = [];
    const keep = (result: QueryResult) => void (rows && out.push(recordsToRows(result.records)));
    try {
      if (statements.some((s) => WRITES.test(this.textOf(s)))) {
        const tx = session.beginTransaction();
        try {
          for (const s of statements) keep(await tx.run(this.textOf(s), this.paramsOf(s, commitAs)));
        } catch (err) {
          await tx.rollback().catch(() => undefined);
          throw err;
        }
        await (commitAs ? tx.commit() : tx.rollback());
        return out;
      }
      for (const s of statements) {
        if (s.autoCommit) keep(await session.run(this.textOf(s), this.paramsOf(s)));
        else keep(await session.executeRead((tx) => tx.run(this.textOf(s), this.paramsOf(s))));
      }
      return out;
    } finally {
      await session.close();
    }
  }

  /** PROFILE of each statement (in a transaction rolled back): db hits per statement. */
  async profile(statements: readonly CapturedStatement[]): Promise<{ name: string; dbHits: number; rows: number }[]> {
    const session: Session = this.driver.session({ database: 'neo4j' });
    const out: { name: string; dbHits: number; rows: number }[] = [];
    try {
      const tx = session.beginTransaction();
      try {
        for (const s of statements) {
          const result = await tx.run(`PROFILE ${this.textOf(s).replace(/^(\s*\/\/.*\n)+/, '')}`, this.paramsOf(s));
          out.push({ name: s.name, dbHits: totalDbHits(result.summary.profile), rows: result.records.length });
        }
      } finally {
        await tx.rollback();
      }
    } finally {
      await session.close();
    }
    return out;
  }
}

/** `value` with every occurrence of `from` in its strings replaced by `to` (lists and plain objects followed). */
function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  return value;
}

interface ProfileNode {
  dbHits: number;
  children: ProfileNode[];
}

function totalDbHits(plan: ProfileNode | false): number {
  if (!plan) return 0;
  return neo4j.integer.toNumber(plan.dbHits) + plan.children.reduce((s, c) => s + totalDbHits(c), 0);
}
