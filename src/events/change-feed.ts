// The change feed (issue 15): the outbox read back, oldest first, as the viewer may see it. Scoping is written once,
// in cypher/scope/change-visible.cypher (which names the rules of every read); the subscriptions and webhooks read
// through readChanges with an executor scoped to their viewer, so they see exactly what the `changes` query shows.
import { GraphQLError } from 'graphql';
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import { CHANGE_KINDS, ENTITY_TYPES, RELATIONSHIP_TYPES, type ChangeEntityType, type ChangeKind, type FieldChange } from './outbox.js';

/** A recorded change, as a viewer may see it. */
export interface Change {
  /** Strictly increasing in commit order, never reused. */
  sequence: bigint;
  at: Date;
  kind: ChangeKind;
  entityType: ChangeEntityType;
  /** The entity's id; a relationship's composite id (src/events/outbox.ts, RELATIONSHIP_TYPES). */
  entityId: string;
  /** The changed fields: {"<field>": {before, after}} (JSON values). */
  fields: Record<string, FieldChange>;
  /** The token's `sub` or the command's name; null for a PARTNER viewer (another company's user ids are not its to see). */
  actor: string | null;
}

/** Which changes to read; null or absent: any. */
export interface ChangeFilter {
  entityTypes?: readonly string[] | null;
  kinds?: readonly string[] | null;
  entityIds?: readonly string[] | null;
}

export interface ReadChangesArgs {
  /** Read changes after this sequence; null: from the oldest retained. */
  afterSequence: bigint | null;
  /** At most this many (1..1000). */
  first: number;
  filter?: ChangeFilter | null;
}

const CURSOR_PREFIX = 'change:';

/** The opaque cursor of a position in the feed: after the change with this sequence. */
export function encodeChangeCursor(sequence: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${sequence}`, 'utf8').toString('base64url');
}

/** The sequence a cursor stands for; BadInputError (BAD_USER_INPUT at `path`) for anything encodeChangeCursor did not make. */
export function decodeChangeCursor(cursor: string, path: string[] = ['after']): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^change:(0|[1-9]\d{0,18})$/.exec(text);
  if (!match || encodeChangeCursor(BigInt(match[1]!)) !== cursor) throw new BadInputError('Invalid change cursor', path);
  return BigInt(match[1]!);
}

/**
 * A cursor before the retention horizon: the changes after it were purged (CHANGE_RETENTION_DAYS), so the feed can no
 * longer say what happened since. Code CHANGE_CURSOR_EXPIRED (HTTP 400 when it is the whole answer);
 * `extensions.oldestCursor` is the oldest position still available (read from there, after a full re-read).
 */
export class ChangeCursorExpiredError extends GraphQLError {
  constructor(afterSequence: bigint, purgedThrough: bigint) {
    const oldest = encodeChangeCursor(purgedThrough);
    super(
      `The cursor (after sequence ${afterSequence}) is older than the change feed's retention: changes up to sequence ${purgedThrough} were purged. The oldest available cursor is "${oldest}" (after sequence ${purgedThrough}); read the current state again, then follow the feed from there.`,
      {
        extensions: {
          code: 'CHANGE_CURSOR_EXPIRED',
          oldestCursor: oldest,
          oldestSequence: purgedThrough.toString(),
          http: { status: 400 },
        },
      },
    );
  }
}

export const MAX_CHANGES_PAGE = 1000;

interface ChangeRow {
  change: {
    sequence: number | bigint;
    at: Date;
    kind: ChangeKind;
    entityType: ChangeEntityType;
    entityId: string;
    fields: string;
    actor: string;
  };
}

/**
 * The changes after `afterSequence` that the executor's viewer may see (scope/change-visible), oldest first, at most
 * `first`. Throws ChangeCursorExpiredError when `afterSequence` is before the retention horizon, BadInputError when
 * `first` is not in 1..MAX_CHANGES_PAGE or a filter names an unknown entity type or kind. One read transaction: the horizon and the page agree.
 */
export async function readChanges(executor: CypherExecutor, args: ReadChangesArgs): Promise<Change[]> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_CHANGES_PAGE) {
    throw new BadInputError(`first must be between 1 and ${MAX_CHANGES_PAGE}`, ['first']);
  }
  checkNames(args.filter?.entityTypes, [...ENTITY_TYPES, ...RELATIONSHIP_TYPES], 'entityTypes');
  checkNames(args.filter?.kinds, CHANGE_KINDS, 'kinds');
  const partnerViewer = executor.scope.partnerId !== null;
  const rows = await executor.readTransaction(async (tx) => {
    const [horizon] = await tx.run<{ purgedThrough: number | bigint; last: number | bigint }>('events/get-change-horizon');
    const purgedThrough = BigInt(horizon?.purgedThrough ?? 0);
    if (args.afterSequence !== null && args.afterSequence < purgedThrough)
      throw new ChangeCursorExpiredError(args.afterSequence, purgedThrough);
    // A position past the last change taken was never a cursor of this feed: reading after it would skip what comes.
    if (args.afterSequence !== null && args.afterSequence > BigInt(horizon?.last ?? 0))
      throw new BadInputError('This cursor is past the last change of the feed: not a cursor this API made', ['after']);
    return tx.run<ChangeRow>('events/list-changes', {
      afterSequence: args.afterSequence ?? purgedThrough,
      limit: args.first,
      entityTypes: args.filter?.entityTypes ?? null,
      kinds: args.filter?.kinds ?? null,
      entityIds: args.filter?.entityIds ?? null,
    });
  });
  return rows.map(({ change: c }) => ({
    sequence: BigInt(c.sequence),
    at: c.at,
    kind: c.kind,
    entityType: c.entityType,
    entityId: c.entityId,
    fields: JSON.parse(c.fields) as Record<string, FieldChange>,
    actor: partnerViewer ? null : c.actor,
  }));
}

/** BadInputError at `filter.<key>.<i>` for a name that is not one of `known`. */
function checkNames(names: readonly string[] | null | undefined, known: readonly string[], key: string): void {
  names?.forEach((name, i) => {
    if (!known.includes(name))
      throw new BadInputError(`Unknown ${key.slice(0, -1)} ${JSON.stringify(name)}; one of: ${known.join(', ')}`, [
        'filter',
        key,
        String(i),
      ]);
  });
}

/** The last sequence taken (0 when none): where a new subscriber that wants only new changes starts. */
export async function lastChangeSequence(executor: CypherExecutor): Promise<bigint> {
  const [row] = await executor.read<{ last: number | bigint }>('events/get-change-horizon');
  return BigInt(row?.last ?? 0);
}
