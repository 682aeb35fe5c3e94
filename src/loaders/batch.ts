// DataLoader factories over named Cypher files that take `$ids` and UNWIND them, so a nested
// list costs one round-trip per level whatever the page size. Results come back in key order.
import DataLoader from 'dataloader';
import type { CypherExecutor } from '../db/executor.js';

const options = { maxBatchSize: 1000 };

/** One entity per id: the Cypher returns rows `{ node }` with node.id among $ids. */
export function entityLoader<T extends { id: string }>(executor: CypherExecutor, cypher: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await executor.read<{ node: T }>(cypher, { ids: [...ids] });
    const byId = new Map(rows.map((r) => [r.node.id, r.node]));
    return ids.map((id) => byId.get(id) ?? null);
  }, options);
}

/**
 * A list per id: the Cypher returns rows `{ key, items }`, items already ordered. With `ownerKey`, each item also gets
 * the id it was loaded for under that name (a relationship object's id names both ends: README, "Global object
 * identification").
 */
export function listLoader<T>(executor: CypherExecutor, cypher: string, ownerKey?: string): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await executor.read<{ key: string; items: T[] }>(cypher, { ids: [...ids] });
    const byKey = new Map(rows.map((r) => [r.key, ownerKey ? r.items.map((item) => ({ ...item, [ownerKey]: r.key })) : r.items]));
    return ids.map((id) => byKey.get(id) ?? []);
  }, options);
}
