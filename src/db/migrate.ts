// Applies cypher/migrations/*.cypher in name order at start-up. Every statement is idempotent
// (IF NOT EXISTS), so running them again is harmless; each file is recorded as a :Migration.
import { normalizeCustomerName } from '../identity/identity.js';
// Then the data the files cannot compute: searchNames missing from older data.
import { fillSearchNames } from '../search/search-name.js';
import { statementsOf } from './cypher-library.js';
import type { CypherExecutor } from './executor.js';

export async function applyMigrations(executor: CypherExecutor): Promise<string[]> {
  const applied: string[] = [];
  for (const file of executor.library.under('migrations')) {
    // Schema statements cannot share a transaction with data writes: one transaction each.
    for (const statement of statementsOf(file.text)) await executor.runText(statement, {}, 'WRITE');
    await executor.runText('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id: file.name }, 'WRITE');
    applied.push(file.name);
  }
  await fillSearchNames(executor);
  await executor.runText('CALL db.awaitIndexes(300)', {}, 'READ');
  await backfillNormalizedNames(executor);
  return applied;
}

/** Customers written before migration 005-identity get their normalizedName (computed in TypeScript: identity.ts). */
async function backfillNormalizedNames(executor: CypherExecutor): Promise<void> {
  for (;;) {
    const rows = await executor.read<{ id: string; name: string }>('identity/list-customers-without-normalized-name', { limit: 5000 });
    if (rows.length === 0) return;
    await executor.writeTransaction(async (tx) => {
      tx.untracked('normalizedName is derived from the name; the outbox records facts');
      await tx.run('identity/set-normalized-names', { rows: rows.map((r) => ({ id: r.id, normalizedName: normalizeCustomerName(r.name) })) });
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
