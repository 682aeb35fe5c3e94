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

/** An item of a nested list page, with its place in the order it was read in (the far end's sort key and id). */
export type PositionedItem = Record<string, unknown> & { sortKey: string; itemId: string };

/**
 * The nested lists paged and counted in the database (schema/relay-lists.graphql): each has a page file
 * (cypher/relay/get-<list>-page: rows {key, items}, keyset on (sortKey, itemId)) and a count file
 * (cypher/relay/count-<list>: rows {key, count}, COUNT {} or the degree, no item read). `owner` names the field
 * each item gets with the parent's id, as the plain list's loader gives it (src/loaders/index.ts); `filter` the filter
 * the files take: `deal` ($stages) or `holding` ($minRank).
 */
export const NESTED_LISTS = {
  'Partner.capabilities': { file: 'partner-capabilities', owner: 'partnerId', filter: 'holding' },
  'Partner.integrations': { file: 'partner-integrations' },
  'Partner.solutions': { file: 'partner-solutions', owner: 'partnerId' },
  'Partner.deals': { file: 'partner-deals', owner: 'partnerId', filter: 'deal' },
  'Partner.sharingGrants': { file: 'partner-sharing-grants' },
  'Partner.receivedSharingGrants': { file: 'partner-received-sharing-grants' },
  'Capability.children': { file: 'capability-children' },
  'Capability.partners': { file: 'capability-holders', owner: 'capabilityId', filter: 'holding' },
  'Capability.neededBy': { file: 'capability-needed-by' },
  'Capability.requiredBy': { file: 'capability-required-by' },
  'Customer.needs': { file: 'customer-needs' },
  'Customer.deals': { file: 'customer-deals', filter: 'deal' },
  'Solution.requires': { file: 'solution-requires' },
  'Solution.members': { file: 'solution-members', owner: 'solutionId' },
  'Solution.deals': { file: 'solution-deals', filter: 'deal' },
  'Deal.participants': { file: 'deal-participants', owner: 'dealId' },
} as const satisfies Record<string, { file: string; owner?: string; filter?: 'deal' | 'holding' }>;

export type NestedList = keyof typeof NESTED_LISTS;

export function createRelayLoaders(db: CypherExecutor) {
  const pages = new Map<string, DataLoader<string, SortedAccountRow[]>>();
  const counts = new Map<string, DataLoader<string, number>>();
  const listPages = new Map<string, DataLoader<string, PositionedItem[]>>();
  const listCounts = new Map<string, DataLoader<string, number>>();
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
    /** One page of a nested list per parent id, for parents asking with the same `params` (order, keyset). */
    listPage(list: NestedList, params: Record<string, unknown>): DataLoader<string, PositionedItem[]> {
      const key = `${list}:${JSON.stringify(params)}`;
      let loader = listPages.get(key);
      if (!loader) {
        const spec: { file: string; owner?: string } = NESTED_LISTS[list];
        loader = new DataLoader<string, PositionedItem[]>(async (ids) => {
          const rows = await db.read<{ key: string; items: PositionedItem[] }>(`relay/get-${spec.file}-page`, { ...params, ids: [...ids] });
          const byKey = new Map(
            rows.map((r) => [r.key, spec.owner ? r.items.map((item) => ({ ...item, [spec.owner!]: r.key })) : r.items]),
          );
          return ids.map((id) => byKey.get(id) ?? []);
        }, options);
        listPages.set(key, loader);
      }
      return loader;
    },
    /** How many items a nested list has per parent id that pass `filter` (its files' filter params), as the viewer sees them, counted in the database. */
    listCount(list: NestedList, filter: Record<string, unknown>): DataLoader<string, number> {
      const key = `${list}:${JSON.stringify(filter)}`;
      let loader = listCounts.get(key);
      if (!loader) {
        loader = new DataLoader<string, number>(async (ids) => {
          const rows = await db.read<{ key: string; count: number }>(`relay/count-${NESTED_LISTS[list].file}`, {
            ...filter,
            ids: [...ids],
          });
          const byKey = new Map(rows.map((r) => [r.key, r.count]));
          return ids.map((id) => byKey.get(id) ?? 0);
        }, options);
        listCounts.set(key, loader);
      }
      return loader;
    },
  };
}

export type RelayLoaders = ReturnType<typeof createRelayLoaders>;
