// Keyset pages in both directions under any order (README, "Connections, filters and orders"). An order is a sort key
// and the id, both in one direction, so every order is total; a cursor holds the order's name, the key and the id of
// a row, and a page is the rows strictly after (or, backward, before) it. The Cypher files take the position as
// $afterKey/$afterId and the direction as $descending (the order's direction, reversed for a backward page).
import { BadInputError } from '../errors.js';
import { MAX_PAGE_SIZE, encodeCursor } from '../model/pagination.js';

export type SortKey = string | number;

/** A row's place in an order: its sort key and its id. */
export interface Position {
  key: SortKey;
  id: string;
}

/** The page arguments every connection takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** What to read: `size` rows (plus one, to know whether more follow) from `from`, in `descending` order. */
export interface KeysetRequest {
  size: number;
  /** Read from the end (last/before); the rows come back reversed and are put back in order. */
  backward: boolean;
  /** The direction to read in: the order's, reversed when backward. */
  descending: boolean;
  from: Position | null;
  /** The cursor given (after or before), for hasPreviousPage/hasNextPage. */
  hasCursor: boolean;
}

/**
 * A cursor for a position in the order named `order` ("PARTNER:NAME", ...). The plain id order keeps the cursors the
 * id-ordered lists have always given (the id, base64url), so old cursors stay valid.
 */
export function positionCursor(order: string, position: Position): string {
  if (order.endsWith(':ID')) return encodeCursor(position.id);
  return encodeCursor(JSON.stringify({ o: order, k: position.key, i: position.id }));
}

/** The position a cursor names; BadInputError at `path` when it is malformed or was made for another order. */
export function decodePosition(order: string, cursor: string, path: string[]): Position {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!cursor || encodeCursor(text) !== cursor) throw new BadInputError('Invalid cursor', path);
  // Ids start with a letter or digit (ID_PATTERN), so a cursor of the id order never starts with "{".
  if (!text.startsWith('{')) {
    if (!order.endsWith(':ID'))
      throw new BadInputError('This cursor was made for another order (orderBy must stay the same while paging)', path);
    return { key: text, id: text };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadInputError('Invalid cursor', path);
  }
  const p = parsed as { o?: unknown; k?: unknown; i?: unknown };
  if (typeof p.i !== 'string' || (typeof p.k !== 'string' && typeof p.k !== 'number')) throw new BadInputError('Invalid cursor', path);
  if (p.o !== order) throw new BadInputError('This cursor was made for another order (orderBy must stay the same while paging)', path);
  return { key: p.k, id: p.i };
}

/**
 * Reads the page arguments: `first` with `after` (forward) or `last` with `before` (backward), each count 0 to 100,
 * 20 when neither is given. BadInputError at the argument (under `path`) for a count out of range, for first with
 * last, or for a cursor of the other direction or another order.
 */
export function keysetRequest(order: string, descending: boolean, args: PageArgs, path: string[] = []): KeysetRequest {
  const { size, backward, cursor, cursorPath } = pageDirection(args, path);
  const from = cursor ? decodePosition(order, cursor, cursorPath) : null;
  return { size, backward, descending: descending !== backward, from, hasCursor: from !== null };
}

/** The page arguments read (keysetRequest's rules) without decoding the cursor: for connections with cursors of their own. */
export function pageDirection(
  args: PageArgs,
  path: string[] = [],
): { size: number; backward: boolean; cursor: string | null; cursorPath: string[] } {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new BadInputError('Give first or last, not both', [...path, 'last']);
  if (after != null && (last != null || before != null))
    throw new BadInputError('after goes with first; before with last', [...path, 'after']);
  if (before != null && first != null) throw new BadInputError('before goes with last; after with first', [...path, 'before']);
  const backward = last != null || before != null;
  const count = backward ? last : first;
  const size = count ?? 20;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`${backward ? 'last' : 'first'} must be between 0 and ${MAX_PAGE_SIZE}`, [
      ...path,
      backward ? 'last' : 'first',
    ]);
  }
  return { size, backward, cursor: (backward ? before : after) || null, cursorPath: [...path, backward ? 'before' : 'after'] };
}

/** The Cypher parameters of a request: $descending, $afterKey, $afterId, $limit. */
export function keysetParams(request: KeysetRequest): Record<string, unknown> {
  return {
    descending: request.descending,
    afterKey: request.from?.key ?? null,
    afterId: request.from?.id ?? null,
    limit: request.size + 1,
  };
}

/** The edges and pageInfo of a page read with `request`: `rows` in read order, at most size + 1 of them. */
export function keysetPage<T>(
  order: string,
  request: KeysetRequest,
  rows: T[],
  positionOf: (row: T) => Position,
): {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
} {
  const more = rows.length > request.size;
  const kept = rows.slice(0, request.size);
  if (request.backward) kept.reverse();
  const edges = kept.map((node) => ({ cursor: positionCursor(order, positionOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: request.backward ? request.hasCursor : more,
      hasPreviousPage: request.backward ? more : request.hasCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
