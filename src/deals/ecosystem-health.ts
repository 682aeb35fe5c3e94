// The ecosystem's health over a period of won deals: how much partners source and influence,
// how often deals are multi-partner, capability coverage, the best connectors, and the frozen attribution
// shares (README, "Deal analytics").
import type { CypherExecutor } from '../db/executor.js';
import type { EcosystemHealthRow, MoneyValue } from '../model/rows.js';

/** Amounts summed apart as hi = minor / 2^32 and lo = minor % 2^32 (cypher/deals/get-ecosystem-health.cypher). */
interface SplitSum {
  currency: string;
  hi: bigint | number;
  lo: bigint | number;
}

/** The one row of cypher/deals/get-ecosystem-health.cypher. */
export interface HealthAggregates {
  closedWonDeals: number;
  multiPartnerDeals: number;
  byCurrency: (SplitSum & {
    sourcedDeals: number;
    sourcedHi: bigint | number;
    sourcedLo: bigint | number;
    influencedDeals: number;
    influencedHi: bigint | number;
    influencedLo: bigint | number;
  })[];
  connectorIds: string[];
  connectorOthers: number[];
  attributedDeals: number;
  attributed: SplitSum[];
  attributedPartners: { partnerId: string; deals: number; attributed: SplitSum[] }[];
}

const TWO_32 = 2n ** 32n;
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Split sums joined back exactly (hi * 2^32 + lo, in bigint), sorted by currency as sumByCurrency sorts. */
function joinedSums(sums: readonly SplitSum[]): MoneyValue[] {
  return sums
    .map(({ currency, hi, lo }) => ({ minor: BigInt(hi) * TWO_32 + BigInt(lo), currency }))
    .sort((a, b) => byCode(a.currency, b.currency));
}

/**
 * The EcosystemHealth row from the statement's aggregates (ecosystemHealth, and each period of ecosystemTrends):
 * closedWonDeals; multiPartnerDealShare = deals with 2+ participations / all, null without deals; totalWon,
 * partnerSourced (a participant sourced it) and partnerInfluenced (participants, none sourcing) per currency, sorted
 * by code; connectors by distinct co-sellers, ties by id; the frozen shares per currency and the credited partners, most
 * deals first, ties by id (README, "Deal analytics"). Checked against brute forces over the deals by
 * test/deal-analytics.int.test.ts, test/ecosystem-health-frozen.int.test.ts and test/ecosystem-health-split-sums.int.test.ts.
 */
export function ecosystemHealthFromAggregates(row: HealthAggregates, coverage: { demanded: number; covered: number }): EcosystemHealthRow {
  const deals = row.closedWonDeals;
  const per = (kind: 'sourced' | 'influenced') =>
    joinedSums(
      row.byCurrency.filter((c) => c[`${kind}Deals`] > 0).map((c) => ({ currency: c.currency, hi: c[`${kind}Hi`], lo: c[`${kind}Lo`] })),
    );
  return {
    closedWonDeals: deals,
    multiPartnerDealShare: deals === 0 ? null : row.multiPartnerDeals / deals,
    totalWon: joinedSums(row.byCurrency),
    partnerSourced: per('sourced'),
    partnerInfluenced: per('influenced'),
    capabilityCoverage: coverage.demanded === 0 ? null : coverage.covered / coverage.demanded,
    // Sorted again in JavaScript's string order; the statement's own order makes this one pass (TimSort on a sorted run).
    connectorIds: row.connectorIds
      .map((id, i) => ({ id, others: row.connectorOthers[i]! }))
      .sort((a, b) => b.others - a.others || byCode(a.id, b.id))
      .map((c) => c.id),
    attributedDeals: row.attributedDeals,
    attributed: joinedSums(row.attributed),
    attributedPartners: row.attributedPartners
      .map((p) => ({ partnerId: p.partnerId, attributed: joinedSums(p.attributed), deals: p.deals }))
      .sort((a, b) => b.deals - a.deals || byCode(a.partnerId, b.partnerId)),
  };
}

export class EcosystemHealthService {
  constructor(private readonly db: CypherExecutor) {}

  /**
   * The period's figures ([from, to)), aggregated in Cypher so that only the aggregates cross the wire (issue 16): money
   * stays exact through split sums joined as bigint (a total beyond 2^63 − 1 included), so no sum can overflow in Neo4j.
   */
  async ecosystemHealth(from: Date, to: Date): Promise<EcosystemHealthRow> {
    const { row, coverage } = await this.db.readTransaction(async (tx) => ({
      row: (await tx.run<HealthAggregates>('deals/get-ecosystem-health', { from, to }))[0]!,
      coverage: (await tx.run<{ demanded: number; covered: number }>('deals/get-capability-coverage'))[0] ?? { demanded: 0, covered: 0 },
    }));
    return ecosystemHealthFromAggregates(row, coverage);
  }
}
