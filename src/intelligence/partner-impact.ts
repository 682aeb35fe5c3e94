// partnerImpact: what breaks if a partner leaves; open deals' amounts summed exactly per currency.
import type { CypherExecutor } from '../db/executor.js';
import type { CapabilityRow, CustomerRow, DealRow, PartnerImpactRow, SolutionRow } from '../model/rows.js';
import { sumByCurrency } from '../money/money.js';
import { asOfInstant } from '../time/as-of.js';

interface ImpactRecord {
  capabilitiesLost: CapabilityRow[];
  orphanedCustomers: CustomerRow[];
  solutionsAffected: SolutionRow[];
  openDealsAffected: DealRow[];
}

export class PartnerImpactService {
  constructor(private readonly db: CypherExecutor) {}

  /**
   * An unknown partner has no impact: every list is empty. With `asOf`, what would have broken at that instant: the
   * graph as of then, deals open then (README, "Time"); a future asOf is BAD_USER_INPUT.
   */
  async partnerImpact(partnerId: string, asOf?: Date | null): Promise<PartnerImpactRow> {
    const at = asOfInstant(asOf, ['asOf']);
    const [row] =
      at === null
        ? await this.db.read<ImpactRecord>('intelligence/get-partner-impact', { partnerId })
        : await this.db.read<ImpactRecord>('intelligence/get-partner-impact-as-of', { partnerId, asOf: at });
    const impact = row ?? { capabilitiesLost: [], orphanedCustomers: [], solutionsAffected: [], openDealsAffected: [] };
    return {
      ...impact,
      revenueAtRisk: sumByCurrency(impact.openDealsAffected.map((d) => ({ minor: BigInt(d.amountMinor), currency: d.currency }))),
    };
  }
}
