// gapAnalysis: per capability, demand (customers in scope, solutions not retired) against supply
// (eligible partners in scope); the ordering and the status thresholds live in the Cypher file.
import type { CypherExecutor } from '../db/executor.js';
import type { CapabilityCoverageRow } from '../model/rows.js';

export class GapAnalysisService {
  constructor(private readonly db: CypherExecutor) {}

  async gapAnalysis(region?: string | null, industry?: string | null): Promise<{ capabilities: CapabilityCoverageRow[] }> {
    const capabilities = await this.db.read<CapabilityCoverageRow>('intelligence/analyse-capability-gaps', {
      region: region ?? null,
      industry: industry ?? null,
    });
    return { capabilities };
  }
}
