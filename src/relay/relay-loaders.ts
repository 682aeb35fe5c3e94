// The per-request loaders of the nested connections and of node(id): each batches every parent of a level that asks
// with the same arguments into one statement (a page of 100 partners, each with accountsConnection(first: 20), is one
// statement for the pages and, when totalCount is asked, one for the counts).
import DataLoader from 'dataloader';
import type { CypherExecutor } from '../db/executor.js';
import type { AccountRow } from '../model/rows.js';
import type { EntityTypeName } from '../validation/references.js';

const options = { maxBatchSize: 1000 };

/** An account row with the sort key of the order it was read in. */
export type SortedAccountRow = AccountRow & { sortKey: string };

/** Which end the accounts are read from. */
export type AccountSide = 'partner' | 'customer';

const PAGE_FILES: Record<AccountSide, string> = {
  partner: 'relay/get-partner-accounts-page',
  customer: 'relay/get-customer-accounts-page',
};
const COUNT_FILES: Record<AccountSide, string> = {
  partner: 'relay/count-partner-accounts',
  customer: 'relay/count-customer-accounts',
};

export function createRelayLoaders(db: CypherExecutor) {
  const pages = new Map<string, DataLoader<string, SortedAccountRow[]>>();
  const counts = new Map<string, DataLoader<string, number>>();
  return {
    /** The kind of entity an id names (unscoped: callers load the entity through its scoped loader). */
    idKind: new DataLoader<string, EntityTypeName | null>(async (ids) => {
      const rows = await db.read<{ id: string; kind: EntityTypeName }>('relay/get-id-kinds', { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.id, r.kind]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    /** One page of accounts per parent id, for parents asking with the same `params` (filter, order, keyset). */
    accountPage(side: AccountSide, params: Record<string, unknown>): DataLoader<string, SortedAccountRow[]> {
      const key = `${side}:${JSON.stringify(params)}`;
      let loader = pages.get(key);
      if (!loader) {
        loader = new DataLoader<string, SortedAccountRow[]>(async (ids) => {
          const rows = await db.read<{ key: string; items: SortedAccountRow[] }>(PAGE_FILES[side], { ...params, ids: [...ids] });
          const byKey = new Map(rows.map((r) => [r.key, r.items]));
          return ids.map((id) => byKey.get(id) ?? []);
        }, options);
        pages.set(key, loader);
      }
      return loader;
    },
    /** How many accounts per parent id pass `statuses`, counted in the database. */
    accountCount(side: AccountSide, statuses: string[] | null): DataLoader<string, number> {
      const key = `${side}:${JSON.stringify(statuses)}`;
      let loader = counts.get(key);
      if (!loader) {
        loader = new DataLoader<string, number>(async (ids) => {
          const rows = await db.read<{ key: string; count: number }>(COUNT_FILES[side], { statuses, ids: [...ids] });
          const byKey = new Map(rows.map((r) => [r.key, r.count]));
          return ids.map((id) => byKey.get(id) ?? 0);
        }, options);
        counts.set(key, loader);
      }
      return loader;
    },
  };
}

export type RelayLoaders = ReturnType<typeof createRelayLoaders>;
