// The demo ecosystem (seed/demo-ecosystem.json), loaded into an empty database by npm start.
import type { CypherExecutor } from '../db/executor.js';

export async function loadDemoIfEmpty(_db: CypherExecutor): Promise<number> {
  return 0; // replaced by the importer
}
