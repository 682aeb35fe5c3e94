// One partner's revenue over a period: sourced and influenced won amounts, win rate and pipeline,
// summed per currency exactly (README, "Deal analytics").
import type { CypherExecutor } from '../db/executor.js';
import { NotFoundError } from '../errors.js';
import { sumByCurrency } from '../money/money.js';
import type { PartnerRevenueRow } from '../model/rows.js';

export interface PartnerDealFact {
  stage: string;
  amountMinor: bigint | number;
  currency: string;
  sourced: boolean;
  /** The partner's minor units in the deal's frozen attribution; null without a snapshot. */
  frozenShare?: bigint | number | null;
}

export function isClosedStage(stage: string): boolean {
  return stage === 'CLOSED_WON' || stage === 'CLOSED_LOST';
}

/** The revenue figures from the partner's deals closed in the period and its open deals. */
export function partnerRevenueOf(partnerId: string, deals: readonly PartnerDealFact[]): PartnerRevenueRow {
  const won = deals.filter((d) => d.stage === 'CLOSED_WON');
  const lost = deals.filter((d) => d.stage === 'CLOSED_LOST');
  const money = (d: PartnerDealFact) => ({ minor: BigInt(d.amountMinor), currency: d.currency });
  return {
    partnerId,
    sourced: sumByCurrency(won.filter((d) => d.sourced).map(money)),
    influenced: sumByCurrency(won.filter((d) => !d.sourced).map(money)),
    closedWonDeals: won.length,
    winRate: won.length + lost.length === 0 ? null : won.length / (won.length + lost.length),
    pipeline: sumByCurrency(deals.filter((d) => !isClosedStage(d.stage)).map(money)),
    attributed: sumByCurrency(
      won.filter((d) => d.frozenShare != null).map((d) => ({ minor: BigInt(d.frozenShare!), currency: d.currency })),
    ),
  };
}

export class PartnerRevenueService {
  constructor(private readonly db: CypherExecutor) {}

  async partnerRevenue(partnerId: string, from: Date, to: Date): Promise<PartnerRevenueRow> {
    const [row] = await this.db.read<{ partnerFound: boolean; deals: PartnerDealFact[] }>('deals/get-partner-revenue-deals', {
      partnerId,
      from,
      to,
    });
    if (!row?.partnerFound) throw new NotFoundError(`No partner with id ${JSON.stringify(partnerId)}`, ['partnerId']);
    return partnerRevenueOf(partnerId, row.deals);
  }
}
