// partnerImpact: what breaks if a partner leaves; open deals' amounts summed exactly per currency.
import type { CypherExecutor } from '../db/executor.js';
import type { CapabilityRow, CustomerRow, DealRow, PartnerImpactRow, SolutionRow } from '../model/rows.js';
import { sumByCurrency } from '../money/money.js';

interface ImpactRecord {
  capabilitiesLost: CapabilityRow[];
  orphanedCustomers: CustomerRow[];
  solutionsAffected: SolutionRow[];
  openDealsAffected: DealRow[];
}

export class PartnerImpactService {
  constructor(private readonly db: CypherExecutor) {}

  /** An unknown partner has no impact: every list is empty. */
  async partnerImpact(partnerId: string): Promise<PartnerImpactRow> {
    const [row] = await this.db.read<ImpactRecord>('intelligence/get-partner-impact', { partnerId });
    const impact = row ?? { capabilitiesLost: [], orphanedCustomers: [], solutionsAffected: [], openDealsAffected: [] };
    return {
      ...impact,
      revenueAtRisk: sumByCurrency(impact.openDealsAffected.map((d) => ({ minor: BigInt(d.amountMinor), currency: d.currency }))),
    };
  }
}
