// Applies cypher/migrations/*.cypher in name order at start-up. Every statement is idempotent
// (IF NOT EXISTS), so running them again is harmless; each file is recorded as a :Migration.
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
  return applied;
}

/** True when every migration file has been recorded (the readiness check). */
export async function migrationsApplied(executor: CypherExecutor): Promise<boolean> {
  const wanted = executor.library.under('migrations').map((f) => f.name);
  const rows = await executor.runText<{ ids: string[] }>('MATCH (m:Migration) RETURN collect(m.id) AS ids');
  const have = new Set(rows[0]?.ids ?? []);
  return wanted.every((id) => have.has(id));
}
