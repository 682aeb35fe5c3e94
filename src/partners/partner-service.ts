// Partners: the directory and its filters.
import type { CypherExecutor } from '../db/executor.js';
import { pageRequest, toConnection } from '../model/pagination.js';
import type { Connection, PartnerRow } from '../model/rows.js';

export interface PartnerFilter {
  types?: string[] | null;
  tiers?: string[] | null;
  lifecycleStages?: string[] | null;
  region?: string | null;
  industry?: string | null;
  capabilityId?: string | null;
  nameContains?: string | null;
}

function filterParams(f: PartnerFilter | null | undefined) {
  return {
    types: f?.types ?? null,
    tiers: f?.tiers ?? null,
    lifecycleStages: f?.lifecycleStages ?? null,
    region: f?.region ?? null,
    industry: f?.industry ?? null,
    capabilityId: f?.capabilityId ?? null,
    nameContains: f?.nameContains ?? null,
  };
}

export class PartnerService {
  constructor(private readonly db: CypherExecutor) {}

  async listPartners(filter: PartnerFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<PartnerRow>> {
    const page = pageRequest(first, after);
    const params = filterParams(filter);
    const rows = await this.db.read<{ node: PartnerRow }>('partners/list-partners', { ...params, after: page.after, limit: page.limit });
    return toConnection(
      rows.map((r) => r.node),
      page,
      async () => (await this.db.read<{ count: number }>('partners/count-partners', params))[0]?.count ?? 0,
    );
  }
}
