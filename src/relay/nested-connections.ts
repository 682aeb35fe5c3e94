// Nested connections (README, "Connections, filters and orders"): the page and the count are read lazily, each only
// when its fields are asked, through loaders that batch every parent of a level into one statement.
import type { Loaders } from '../loaders/index.js';
import type { AccountRow } from '../model/rows.js';
import { AccountStatus } from '../generated/enums.js';
import { BadInputError } from '../errors.js';
import { ACCOUNT_STATUSES } from '../model/vocabulary.js';
import { keysetPage, keysetParams, keysetRequest, type PageArgs } from './keyset.js';
import type { AccountSide } from './relay-loaders.js';

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
export function accountConnection(loaders: Loaders, side: AccountSide, parentId: string, args: AccountConnectionArgs): LazyConnection<AccountRow> {
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
