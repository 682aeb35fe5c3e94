// Applies cypher/migrations/*.cypher in name order at start-up. Every statement is idempotent
// (IF NOT EXISTS), so running them again is harmless; each file is recorded as a :Migration.
import { normalizeCustomerName } from '../identity/identity.js';
// Then the data the files cannot compute: searchNames missing from older data.
import { fillSearchNames } from '../search/search-name.js';
import { statementsOf } from './cypher-library.js';
import type { CypherExecutor } from './executor.js';

export async function applyMigrations(executor: CypherExecutor): Promise<string[]> {
  const applied: string[] = [];
  const recorded = new Set((await executor.runText<{ id: string }>('MATCH (m:Migration) RETURN m.id AS id')).map((r) => r.id));
  for (const file of executor.library.under('migrations')) {
    if (file.name === GLOBAL_IDS_MIGRATION) await requireNoIdClashes(executor);
    // Schema statements cannot share a transaction with data writes: one transaction each.
    for (const statement of statementsOf(file.text)) await executor.runText(statement, {}, 'WRITE');
    // Once, before the migration is recorded (a back-fill cut short is finished at the next start).
    if (file.name === HUB_IDS_MIGRATION && !recorded.has(file.name))
      await executor.runAutoCommit('intelligence/set-map-hub-ids-in-batches');
    await executor.runText('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id: file.name }, 'WRITE');
    applied.push(file.name);
  }
  await fillSearchNames(executor);
  await executor.runText('CALL db.awaitIndexes(300)', {}, 'READ');
  await backfillNormalizedNames(executor);
  return applied;
}

/** The migration that makes ids unique across kinds (README, "Global object identification"). */
export const GLOBAL_IDS_MIGRATION = 'migrations/008-global-ids';

/**
 * The migration that copies the busy end's id onto accounts, capability holdings and participations (`hubId`, and the
 * deal's `createdAt` as `dealCreatedAt` on participations, for the as-of map's weights: README, "Time"); applying it the
 * first time back-fills existing relationships in batches of 10,000 (maintenance work, no request timeout).
 */
export const HUB_IDS_MIGRATION = 'migrations/010-hub-ids';

/** How many clashing ids the refusal lists. */
const CLASHES_LISTED = 50;

/**
 * Before migration 008 adds the Entity uniqueness constraint: throws, listing up to 50 ids with the kinds that share
 * each (`"x.1" (Partner, Customer)`), when an id names more than one entity; the constraint would otherwise fail with
 * the driver's bare "already exists with label Entity". Nothing is written then; rename the entities and start again.
 */
export async function requireNoIdClashes(executor: CypherExecutor): Promise<void> {
  const clashes = await executor.read<{ id: string; kinds: string[] }>('relay/find-id-clashes', { limit: CLASHES_LISTED + 1 });
  if (clashes.length === 0) return;
  const listed = clashes.slice(0, CLASHES_LISTED).map((c) => `${JSON.stringify(c.id)} (${c.kinds.join(', ')})`);
  throw new Error(
    `Migration 008-global-ids: ids must be unique across kinds, but ${clashes.length > CLASHES_LISTED ? 'more than ' + CLASHES_LISTED : clashes.length} ` +
      `name several entities: ${listed.join('; ')}. Give each entity an id of its own (README, "Global object identification") and start again.`,
  );
}

/** Customers written before migration 005-identity get their normalizedName (computed in TypeScript: identity.ts). */
async function backfillNormalizedNames(executor: CypherExecutor): Promise<void> {
  for (;;) {
    const rows = await executor.read<{ id: string; name: string }>('identity/list-customers-without-normalized-name', { limit: 5000 });
    if (rows.length === 0) return;
    await executor.writeTransaction(async (tx) => {
      tx.untracked('normalizedName is derived from the name; the outbox records facts');
      await tx.run('identity/set-normalized-names', {
        rows: rows.map((r) => ({ id: r.id, normalizedName: normalizeCustomerName(r.name) })),
      });
    });
  }
}

/** True when every migration file has been recorded (the readiness check). */
export async function migrationsApplied(executor: CypherExecutor): Promise<boolean> {
  const wanted = executor.library.under('migrations').map((f) => f.name);
  const rows = await executor.runText<{ ids: string[] }>('MATCH (m:Migration) RETURN collect(m.id) AS ids');
  const have = new Set(rows[0]?.ids ?? []);
  return wanted.every((id) => have.has(id));
}
