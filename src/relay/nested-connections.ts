// Nested connections (README, "Connections, filters and orders"): the page and the count are read lazily, each only
// when its fields are asked, through loaders that batch every parent of a level into one statement.
import type { Loaders } from '../loaders/index.js';
import type { AccountRow } from '../model/rows.js';
import { AccountStatus } from '../generated/enums.js';
import { BadInputError } from '../errors.js';
import { ACCOUNT_STATUSES, CAPABILITY_LEVELS } from '../model/vocabulary.js';
import { keysetPage, keysetParams, keysetRequest, type PageArgs } from './keyset.js';
import { NESTED_LISTS, type AccountSide, type NestedList, type PositionedItem } from './relay-loaders.js';
import { MAX_FILTER_VALUES } from './partner-pages.js';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A connection whose page and count are read only when asked. */
export interface LazyConnection<T> {
  edges: () => Promise<Edge<T>[]>;
  pageInfo: () => Promise<PageInfoValue>;
  totalCount: () => Promise<number>;
}

export interface AccountConnectionArgs extends PageArgs {
  filter?: { statuses?: AccountStatus[] | null } | null;
  orderBy?: { field: 'ID' | 'NAME'; direction?: 'ASC' | 'DESC' | null } | null;
}

/**
 * A parent's accounts as a connection: `side` says whether the parent is a partner (accounts ordered by customer) or
 * a customer (ordered by partner). Arguments are checked at once (BadInputError at their path); the page runs when
 * edges or pageInfo are asked, the count (COUNT {}, no account read) when totalCount is.
 */
export function accountConnection(
  loaders: Loaders,
  side: AccountSide,
  parentId: string,
  args: AccountConnectionArgs,
): LazyConnection<AccountRow> {
  const statuses = args.filter?.statuses ?? null;
  if (statuses && (statuses.length === 0 || statuses.some((s) => !ACCOUNT_STATUSES.includes(s)))) {
    throw new BadInputError('filter.statuses must name at least one account status', ['filter', 'statuses']);
  }
  const field = args.orderBy?.field ?? 'ID';
  const order = `ACCOUNT:${side}:${field}`;
  const request = keysetRequest(order, args.orderBy?.direction === 'DESC', args);
  let page: Promise<ReturnType<typeof keysetPage<AccountRow & { sortKey: string }>>> | undefined;
  const read = () =>
    (page ??= loaders.relay
      .accountPage(side, { statuses, orderField: field, ...keysetParams(request) })
      .load(parentId)
      .then((rows) => keysetPage(order, request, rows, (r) => ({ key: r.sortKey, id: side === 'partner' ? r.customerId : r.partnerId }))));
  return {
    edges: async () => (await read()).edges,
    pageInfo: async () => (await read()).pageInfo,
    totalCount: () => loaders.relay.accountCount(side, statuses).load(parentId),
  };
}

/** The order argument of the list connections (schema/relay-lists.graphql). */
export interface ListConnectionArgs extends PageArgs {
  orderBy?: { field: 'ID' | 'NAME'; direction?: 'ASC' | 'DESC' | null } | null;
}

/** The filters of the nested deals connections (DealListFilter) and holdings connections (HoldingFilter). */
export interface NestedListFilter {
  stages?: readonly string[] | null;
  minLevel?: string | null;
}

/**
 * The filter params a nested list's files take (relay-loaders NESTED_LISTS `filter`): $stages for the deals lists,
 * $minRank (the index in CAPABILITY_LEVELS) for the holdings lists, null when absent; none for the others.
 * BadInputError at filter.stages for an empty or over-long list.
 */
function nestedListFilterParams(list: NestedList, filter: NestedListFilter | null | undefined): Record<string, unknown> {
  const kind: string | undefined = (NESTED_LISTS[list] as { filter?: string }).filter;
  if (kind === 'deal') {
    const stages = filter?.stages ?? null;
    if (stages && (stages.length === 0 || stages.length > MAX_FILTER_VALUES))
      throw new BadInputError(`filter.stages must have 1 to ${MAX_FILTER_VALUES} stages`, ['filter', 'stages']);
    return { stages };
  }
  if (kind === 'holding') return { minRank: filter?.minLevel ? CAPABILITY_LEVELS.indexOf(filter.minLevel as never) : null };
  return {};
}

/**
 * A nested list as a connection, paged and counted in the database (README, "Connections, filters and orders"): the
 * page is a keyset page on (ID or NAME of the far end, its id) read for every parent of a level in one statement,
 * the count COUNT {} or the degree, each only when asked. Arguments are checked at once (BadInputError at their path).
 * Cursors are those the in-memory pages gave (the order `list:FIELD`), so clients' cursors stay valid.
 */
export function pagedListConnection<T>(
  loaders: Loaders,
  list: NestedList,
  parentId: string,
  args: ListConnectionArgs & { filter?: NestedListFilter | null },
): LazyConnection<T> {
  const filter = nestedListFilterParams(list, args.filter);
  const field = args.orderBy?.field ?? 'ID';
  const order = `${list}:${field}`;
  const request = keysetRequest(order, args.orderBy?.direction === 'DESC', args);
  let page: Promise<ReturnType<typeof keysetPage<PositionedItem>>> | undefined;
  const read = () =>
    (page ??= loaders.relay
      .listPage(list, { ...filter, orderField: field, ...keysetParams(request) })
      .load(parentId)
      .then((rows) => keysetPage(order, request, rows, (r) => ({ key: r.sortKey, id: r.itemId }))));
  return {
    edges: async () => (await read()).edges as Edge<T>[],
    pageInfo: async () => (await read()).pageInfo,
    totalCount: () => loaders.relay.listCount(list, filter).load(parentId),
  };
}

/** How to read one nested list: its loaded items, and each item's id and name (a relationship object's far end's). */
export interface ListSpec<T> {
  load: () => Promise<T[]>;
  id: (item: T) => string;
  name: (item: T) => string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A nested list as a connection paged here: the list is read by its plain field's loader (batched per level, scoped
 * alike) and paged by keyset on (ID or NAME, id) in either direction; arguments are checked at once. Only for a list
 * computed by a rule rather than stored (Deal.conflictsWith); stored lists page in the database (pagedListConnection).
 */
export function listConnection<T>(order: string, spec: ListSpec<T>, args: ListConnectionArgs): LazyConnection<T> {
  const field = args.orderBy?.field ?? 'ID';
  const name = `${order}:${field}`;
  const request = keysetRequest(name, args.orderBy?.direction === 'DESC', args);
  const keyOf = (item: T) => (field === 'NAME' ? spec.name(item) : spec.id(item));
  let items: Promise<T[]> | undefined;
  const all = () => (items ??= spec.load());
  let page: Promise<ReturnType<typeof keysetPage<T>>> | undefined;
  const read = () =>
    (page ??= all().then((list) => {
      const sorted = [...list].sort((a, b) => compare(keyOf(a), keyOf(b)) || compare(spec.id(a), spec.id(b)));
      if (request.descending) sorted.reverse();
      const from = request.from;
      const after = from
        ? sorted.filter((item) => {
            const c = compare(keyOf(item), String(from.key)) || compare(spec.id(item), from.id);
            return request.descending ? c < 0 : c > 0;
          })
        : sorted;
      return keysetPage(name, request, after.slice(0, request.size + 1), (item) => ({ key: keyOf(item), id: spec.id(item) }));
    }));
  return {
    edges: async () => (await read()).edges,
    pageInfo: async () => (await read()).pageInfo,
    totalCount: async () => (await all()).length,
  };
}
