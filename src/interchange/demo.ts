// The demo ecosystem (seed/demo-ecosystem.json), loaded into an empty database by npm start.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CypherExecutor } from '../db/executor.js';
import { importEcosystem } from './import.js';

export const DEMO_ECOSYSTEM_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seed', 'demo-ecosystem.json');

/** Imports the demo when there is no Partner yet; returns the records loaded (0 when not loaded). */
export async function loadDemoIfEmpty(db: CypherExecutor, file: string = DEMO_ECOSYSTEM_FILE): Promise<number> {
  const [row] = await db.read<{ count: number }>('interchange/count-partners');
  if ((row?.count ?? 0) > 0) return 0;
  const result = await importEcosystem(db, JSON.parse(await readFile(file, 'utf8')) as unknown);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new Error(`${file} is not a valid ecosystem document:\n${lines.join('\n')}`);
  }
  return result.counts.records;
}
