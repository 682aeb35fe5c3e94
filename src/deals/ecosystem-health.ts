// The ecosystem's health over a period of won deals: how much partners source and influence,
// how often deals are multi-partner, capability coverage, the best connectors, and the frozen attribution
// shares (README, "Deal analytics").
import type { CypherExecutor } from '../db/executor.js';
import { sumByCurrency } from '../money/money.js';
import type { AttributedPartnerRow, EcosystemHealthRow, MoneyValue } from '../model/rows.js';

export interface WonDealFact {
  id: string;
  amountMinor: bigint | number;
  currency: string;
  participants: { partnerId: string; sourced: boolean }[];
  /** The frozen (or dispute-revised) attribution: partner ids with their minor units; null or absent without a snapshot. */
  frozen?: { partnerIds: string[]; minors: (bigint | number)[] } | null;
}

/**
 * The frozen shares of the deals that have a snapshot: their total per currency, and each partner with a share above
 * zero (its shares per currency and how many deals give it one), most such deals first, ties by partner id.
 */
export function frozenAttributionOf(
  deals: readonly Pick<WonDealFact, 'currency' | 'frozen'>[],
): Pick<EcosystemHealthRow, 'attributedDeals' | 'attributed' | 'attributedPartners'> {
  const frozen = deals.filter((d) => d.frozen != null);
  const shares = frozen.flatMap((d) =>
    d.frozen!.partnerIds.map((partnerId, i) => ({ partnerId, minor: BigInt(d.frozen!.minors[i]!), currency: d.currency })),
  );
  const byPartner = new Map<string, { minor: bigint; currency: string }[]>();
  for (const s of shares.filter((s) => s.minor > 0n))
    (byPartner.get(s.partnerId) ?? byPartner.set(s.partnerId, []).get(s.partnerId)!).push(s);
  const attributedPartners: AttributedPartnerRow[] = [...byPartner.entries()]
    .map(([partnerId, own]) => ({ partnerId, attributed: sumByCurrency(own), deals: own.length }))
    .sort((a, b) => b.deals - a.deals || (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
  return { attributedDeals: frozen.length, attributed: sumByCurrency(shares), attributedPartners };
}

/** Partners ranked by how many distinct other partners they took part in a deal with; ties by id; none without a co-seller. */
export function rankConnectors(deals: readonly { participants: readonly { partnerId: string }[] }[]): string[] {
  const others = new Map<string, Set<string>>();
  for (const deal of deals) {
    const ids = [...new Set(deal.participants.map((p) => p.partnerId))];
    for (const a of ids) for (const b of ids) if (a !== b) (others.get(a) ?? others.set(a, new Set()).get(a)!).add(b);
  }
  return [...others.entries()].sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
}

export function ecosystemHealthOf(deals: readonly WonDealFact[], coverage: { demanded: number; covered: number }): EcosystemHealthRow {
  const money = (d: WonDealFact) => ({ minor: BigInt(d.amountMinor), currency: d.currency });
  const withParticipants = deals.filter((d) => d.participants.length > 0);
  return {
    closedWonDeals: deals.length,
    multiPartnerDealShare: deals.length === 0 ? null : deals.filter((d) => d.participants.length >= 2).length / deals.length,
    totalWon: sumByCurrency(deals.map(money)),
    partnerSourced: sumByCurrency(withParticipants.filter((d) => d.participants.some((p) => p.sourced)).map(money)),
    partnerInfluenced: sumByCurrency(withParticipants.filter((d) => !d.participants.some((p) => p.sourced)).map(money)),
    capabilityCoverage: coverage.demanded === 0 ? null : coverage.covered / coverage.demanded,
    connectorIds: rankConnectors(deals),
    ...frozenAttributionOf(deals),
  };
}

/** Amounts summed apart as hi = minor / 2^32 and lo = minor % 2^32 (cypher/deals/get-ecosystem-health.cypher). */
interface SplitSum {
  currency: string;
  hi: bigint | number;
  lo: bigint | number;
}

/** The one row of cypher/deals/get-ecosystem-health.cypher. */
interface HealthAggregates {
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
 * The EcosystemHealth row from the statement's aggregates: the same figures and orders as ecosystemHealthOf gives for
 * the period's won deals (the brute-force oracles of test/deal-analytics.int.test.ts and
 * test/ecosystem-health-frozen.int.test.ts check them), with only the aggregates read from Neo4j.
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
