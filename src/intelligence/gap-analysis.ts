// gapAnalysis: per capability, demand (customers in scope, solutions not retired) against supply
// (eligible partners in scope); the ordering and the status thresholds live in the Cypher file.
import type { CypherExecutor } from '../db/executor.js';
import type { CapabilityCoverageRow } from '../model/rows.js';
import { asOfInstant } from '../time/as-of.js';

export class GapAnalysisService {
  constructor(private readonly db: CypherExecutor) {}

  /** With `asOf`, the report on the graph as of that instant (README, "Time"); a future asOf is BAD_USER_INPUT. */
  async gapAnalysis(
    region?: string | null,
    industry?: string | null,
    asOf?: Date | null,
  ): Promise<{ capabilities: CapabilityCoverageRow[] }> {
    const at = asOfInstant(asOf, ['asOf']);
    const params = { region: region ?? null, industry: industry ?? null };
    // One row holding the list (the statement's header says why).
    const [row] = await this.db.read<{ capabilities: CapabilityCoverageRow[] }>(
      at === null ? 'intelligence/analyse-capability-gaps' : 'intelligence/analyse-capability-gaps-as-of',
      at === null ? params : { ...params, asOf: at },
    );
    return { capabilities: row?.capabilities ?? [] };
  }
}
