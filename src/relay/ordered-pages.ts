// The root connections under an order (README, "Connections, filters and orders"): partners, customers, deals,
// solutions and capabilities each page the same way. The default order (ID ascending, read forward) runs the kind's
// id-ordered list file, which reads the id index in order and stops after the page; every other order and every
// backward page runs its `-ordered` file, keyset on (sortKey, id); totalCount runs the count file only when asked.
import { z } from 'zod';
import type { CypherExecutor, Params } from '../db/executor.js';
import { externalIdSchema } from '../identity/identity.js';
import type { Connection } from '../model/rows.js';
import { BadInputError } from '../errors.js';
import { MAX_NAME_LENGTH, problemsFromIssues } from '../validation/problems.js';
import { keysetPage, keysetParams, keysetRequest, type PageArgs } from './keyset.js';

/** An order argument: a field of the kind's order enum and a direction (ascending when absent). */
export interface OrderInput<F extends string> {
  field: F;
  direction?: 'ASC' | 'DESC' | null;
}

/** The files of one kind's connection. */
export interface OrderedListFiles {
  /** Rows `{ node }` in ascending id order after `$after`/`$afterId`, at most `$limit`. */
  byId: string;
  /** Rows `{ node, sortKey }`: a keyset page under `$orderField`/`$descending` from `$afterKey`/`$afterId`. */
  ordered: string;
  /** A row `{ count }` under the filter params. */
  count: string;
  /** A row `{ count }` with no params, run when no filter is set (Neo4j's count store). */
  countAll?: string;
}

/**
 * A page of `kind` ("CUSTOMER", ...) under the filter `params` (every key present, null for "no condition") in
 * `orderBy` (default ID ascending), forward (first/after) or backward (last/before). A cursor names its order, so a
 * cursor of another order is BAD_USER_INPUT at after or before; so are counts outside 0 to 100 (keysetRequest).
 */
export async function readOrderedPage<T extends { id: string }, F extends string>(
  db: CypherExecutor,
  kind: string,
  files: OrderedListFiles,
  params: Params,
  orderBy: OrderInput<F> | null | undefined,
  args: PageArgs,
): Promise<Connection<T>> {
  const field = orderBy?.field ?? 'ID';
  const order = `${kind}:${field}`;
  const request = keysetRequest(order, orderBy?.direction === 'DESC', args);
  const byId = field === 'ID' && !request.descending;
  const position = keysetParams(request);
  const rows = byId
    ? (await db.read<{ node: T }>(files.byId, { ...params, ...position, after: position.afterId })).map((r) => ({
        node: r.node,
        sortKey: r.node.id as string | number,
      }))
    : await db.read<{ node: T; sortKey: string | number }>(files.ordered, { ...params, ...position, orderField: field });
  const page = keysetPage(order, request, rows, (r) => ({ key: r.sortKey, id: r.node.id }));
  const unfiltered = files.countAll !== undefined && Object.values(params).every((v) => v === null);
  let counted: Promise<number> | undefined;
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })),
    pageInfo: page.pageInfo,
    totalCount: () =>
      (counted ??= db
        .read<{ count: number }>(unfiltered ? files.countAll! : files.count, unfiltered ? {} : params)
        .then((r) => r[0]?.count ?? 0)),
  };
}

/** Parses `value` with `schema`; the first problem is a BadInputError at its path under `base`. */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, base: string[]): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [first] = problemsFromIssues(parsed.error, base);
  throw new BadInputError(`${first!.path.join('.')}: ${first!.message}`, first!.path);
}

const text = z.string().max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`).nullish();

/** The name and external id conditions every root filter takes (partners have their own, PartnerFilterSchema). */
const NameFilterSchema = z.object({ nameContains: text, namePrefix: text, externalId: externalIdSchema.nullish() }).passthrough().nullish();

/**
 * The name and external-id filter params ($nameContains, $namePrefix, $externalSystem, $externalValue), checked:
 * a name text over 200 characters or a malformed external id is BAD_USER_INPUT at its path under `filter`.
 */
export function nameFilterParams(
  filter:
    { nameContains?: string | null; namePrefix?: string | null; externalId?: { system: string; id: string } | null } | null | undefined,
): Record<string, unknown> {
  const f = parseArgument(NameFilterSchema, filter, ['filter']) ?? {};
  return {
    nameContains: f.nameContains ?? null,
    namePrefix: f.namePrefix ?? null,
    externalSystem: f.externalId?.system ?? null,
    externalValue: f.externalId?.id ?? null,
  };
}

/** The page arguments as given: a backward page (last or before) leaves out first, which has the schema's default. */
export function pageArgs(args: PageArgs): PageArgs {
  return args.last != null || args.before != null
    ? { after: args.after, last: args.last, before: args.before }
    : { first: args.first, after: args.after };
}
