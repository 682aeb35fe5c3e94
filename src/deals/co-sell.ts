// Whom to bring into a deal: eligible partners not on it that know the customer or bring a
// capability the deal still needs, ranked by a documented score (README, "Co-sell recommendations").
import type { CypherExecutor } from '../db/executor.js';
import { NotFoundError } from '../errors.js';
import { pageSize } from '../model/pagination.js';
import type { CoSellRecommendationRow, PartnerRow } from '../model/rows.js';

/** Points per feature; the score is their sum, computed by cypher/deals/get-co-sell-candidates.cypher (given these). */
export const CO_SELL_POINTS = {
  account: { CUSTOMER: 3, OPPORTUNITY: 2, PROSPECT: 1 } as Record<string, number>,
  perNeededCapability: 2,
  perIntegratedParticipant: 1,
  perCoSoldParticipant: 1,
  tier: { PLATINUM: 1.5, GOLD: 1, SILVER: 0.5, REGISTERED: 0 } as Record<string, number>,
};

export interface CoSellCandidate {
  partner: PartnerRow;
  accountStatus: string | null;
  coveredCapabilities: string[];
  integratedWith: string[];
  coSoldWith: string[];
  /** Its score from CO_SELL_POINTS, computed by the statement. */
  score: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The candidate as a recommendation: its partner, the statement's score, and the reasons for it in words. */
export function explainCandidate(c: CoSellCandidate, customerName: string): CoSellRecommendationRow {
  const reasons: string[] = [];
  if (c.accountStatus) reasons.push(`Has an account with ${customerName} (${c.accountStatus})`);
  if (c.coveredCapabilities.length > 0) {
    reasons.push(
      `Brings ${plural(c.coveredCapabilities.length, 'capability', 'capabilities')} the deal still needs: ${c.coveredCapabilities.join(', ')}`,
    );
  }
  if (c.integratedWith.length > 0) {
    reasons.push(`Integrates with ${plural(c.integratedWith.length, 'partner', 'partners')} on the deal: ${c.integratedWith.join(', ')}`);
  }
  if (c.coSoldWith.length > 0) {
    reasons.push(`Has co-sold before with ${plural(c.coSoldWith.length, 'partner', 'partners')} on the deal: ${c.coSoldWith.join(', ')}`);
  }
  if ((CO_SELL_POINTS.tier[c.partner.tier] ?? 0) > 0) reasons.push(`${c.partner.tier} tier partner`);
  return { partner: c.partner, score: c.score, reasons };
}

/** Best score first, ties by partner id. */
export function rankRecommendations(candidates: readonly CoSellCandidate[], customerName: string): CoSellRecommendationRow[] {
  return candidates
    .map((c) => explainCandidate(c, customerName))
    .sort((a, b) => b.score - a.score || (a.partner.id < b.partner.id ? -1 : a.partner.id > b.partner.id ? 1 : 0));
}

export class CoSellService {
  constructor(private readonly db: CypherExecutor) {}

  async coSellRecommendations(dealId: string, first: number | null | undefined): Promise<CoSellRecommendationRow[]> {
    const size = pageSize(first, 10);
    // The statement scores and ranks the candidates and returns only the best `size` (converting every candidate cost
    // the API more than the statement: BENCHMARKS.md); ordering those again here by their score keeps the order explicit.
    const [row] = await this.db.read<{ dealFound: boolean; customerName: string | null; candidates: CoSellCandidate[] }>(
      'deals/get-co-sell-candidates',
      { dealId, first: size, points: CO_SELL_POINTS },
    );
    if (!row?.dealFound) throw new NotFoundError(`No deal with id ${JSON.stringify(dealId)}`, ['dealId']);
    return rankRecommendations(row.candidates, row.customerName ?? 'the customer');
  }
}
