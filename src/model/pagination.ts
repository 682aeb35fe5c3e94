// Relay pages by keyset on the entity id: the cursor is the last id seen, base64url-encoded.
import { BadInputError } from '../errors.js';
import type { CypherExecutor, Params } from '../db/executor.js';
import type { Connection } from './rows.js';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** Rows to fetch: first + 1, to know whether there is a next page. */
  limit: number;
  first: number;
  after: string | null;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!cursor || encodeCursor(id) !== cursor) throw new BadInputError('Invalid cursor', ['after']);
  return id;
}

/**
 * The size a list argument `first` asks for, `defaultSize` when absent. Every list (pages, ranked
 * lists, search) takes at most MAX_PAGE_SIZE; BadInputError (BAD_USER_INPUT at `first`) unless an
 * integer in [min, MAX_PAGE_SIZE].
 */
export function pageSize(first: number | null | undefined, defaultSize: number, min = 0): number {
  const size = first ?? defaultSize;
  if (!Number.isInteger(size) || size < min || size > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between ${min} and ${MAX_PAGE_SIZE}`, ['first']);
  }
  return size;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, defaultSize = 20): PageRequest {
  const size = pageSize(first, defaultSize);
  return { first: size, limit: size + 1, after: after ? decodeCursor(after) : null };
}

/**
 * A list filter as the list and count files' parameters: every key of the filter type, absent
 * values as null (the files read `$x IS NULL` as "no condition"). `keys` must name every key of F:
 * a missing one is a type error naming it (`{ missing: "nameContains" }`).
 */
export function filterParams<F extends object, const K extends readonly (keyof F & string)[]>(
  filter: F | null | undefined,
  keys: K & ([Exclude<keyof F, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof F, K[number]> }),
): Record<K[number], unknown> {
  return Object.fromEntries(keys.map((key) => [key, filter?.[key] ?? null])) as Record<K[number], unknown>;
}

/** Builds a connection from up to first + 1 rows ordered by id. */
export function toConnection<T extends { id: string }>(rows: T[], page: PageRequest, count: () => Promise<number>): Connection<T> {
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: () => (counted ??= count()),
  };
}

/**
 * One page from a list file (the filter params plus $after and $limit, rows `{ node }` ordered by id)
 * and its count file (the same filter params, a row `{ count }`) for totalCount, run only when asked.
 * `countAll` (no params, a row `{ count }`) counts when no filter is set: a file without the filter's
 * `$x IS NULL OR …` conditions can read Neo4j's count store instead of visiting every node.
 */
export async function readPage<T extends { id: string }>(
  db: CypherExecutor,
  files: { list: string; count: string; countAll?: string },
  params: Params,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Connection<T>> {
  const page = pageRequest(first, after);
  const rows = await db.read<{ node: T }>(files.list, { ...params, after: page.after, limit: page.limit });
  const unfiltered = files.countAll !== undefined && Object.values(params).every((v) => v === null);
  return toConnection(
    rows.map((r) => r.node),
    page,
    async () => (await db.read<{ count: number }>(unfiltered ? files.countAll! : files.count, unfiltered ? {} : params))[0]?.count ?? 0,
  );
}
