// The per-request DataLoaders, created with the request context.
import type { CypherExecutor } from '../db/executor.js';
import type { PartnerCapabilityRow, PartnerRow } from '../model/rows.js';
import { entityLoader, listLoader } from './batch.js';

export function createLoaders(db: CypherExecutor) {
  return {
    partner: entityLoader<PartnerRow>(db, 'partners/get-partners-by-ids'),
    partnerCapabilities: listLoader<PartnerCapabilityRow>(db, 'partners/get-partner-capabilities'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
