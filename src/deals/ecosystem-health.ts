// The ecosystem's health over a period of won deals: how much partners source and influence,
// how often deals are multi-partner, capability coverage and the best connectors (README).
import type { CypherExecutor } from '../db/executor.js';
import { sumByCurrency } from '../money/money.js';
import type { EcosystemHealthRow } from '../model/rows.js';

export interface WonDealFact {
  id: string;
  amountMinor: bigint | number;
  currency: string;
  participants: { partnerId: string; sourced: boolean }[];
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
  };
}

export class EcosystemHealthService {
  constructor(private readonly db: CypherExecutor) {}

  async ecosystemHealth(from: Date, to: Date): Promise<EcosystemHealthRow> {
    const { deals, coverage } = await this.db.readTransaction(async (tx) => ({
      deals: await tx.run<WonDealFact>('deals/get-won-deals-in-period', { from, to }),
      coverage: (await tx.run<{ demanded: number; covered: number }>('deals/get-capability-coverage'))[0] ?? { demanded: 0, covered: 0 },
    }));
    return ecosystemHealthOf(deals, coverage);
  }
}
