// partnerMatches: eligible partners that bring capabilities a partner lacks, scored (see README):
//   3 × shared customers + 2 × complementDemand (Σ over the capabilities it adds of the partner's customers needing
//   each) + 5 if integrated + shared regions + shared industries + 0.5 × complementary capabilities.
import type { CypherExecutor } from '../db/executor.js';
import { pageSize } from '../model/pagination.js';
import type { CapabilityRow, PartnerMatchRow, PartnerRow } from '../model/rows.js';
import { asOfInstant } from '../time/as-of.js';
import { plural } from './eligibility.js';

type ComplementaryNeed = { capability: CapabilityRow; neededBy: number };

interface MatchRecord {
  partner: PartnerRow;
  /** Null where the candidate grants the viewer no sharing level. */
  sharedCustomerCount: number | null;
  complementDemand: number;
  integrated: boolean;
  sharedRegions: string[];
  sharedIndustries: string[];
  score: number;
  complementary: ComplementaryNeed[];
}

/** The most needed capabilities named in the reasons. */
const NAMED_CAPABILITIES = 3;

const byId = (a: CapabilityRow, b: CapabilityRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const mostNeeded = (a: ComplementaryNeed, b: ComplementaryNeed) =>
  b.neededBy - a.neededBy || a.capability.name.localeCompare(b.capability.name) || byId(a.capability, b.capability);

export function matchReasons(m: Omit<MatchRecord, 'partner' | 'score'>): string[] {
  const reasons: string[] = [];
  if (m.sharedCustomerCount !== null && m.sharedCustomerCount > 0) reasons.push(plural(m.sharedCustomerCount, 'shared customer'));
  const needed = m.complementary.filter((c) => c.neededBy > 0).sort(mostNeeded);
  for (const c of needed.slice(0, NAMED_CAPABILITIES)) {
    reasons.push(`adds ${c.capability.name}, needed by ${c.neededBy} of your customers`);
  }
  if (needed.length > NAMED_CAPABILITIES) {
    reasons.push(`meets ${plural(m.complementDemand, 'need')} of your customers in all (${needed.length} capabilities)`);
  }
  if (m.integrated) reasons.push('already integrated with you');
  if (m.sharedRegions.length > 0) reasons.push(`both in ${m.sharedRegions.join(', ')}`);
  if (m.sharedIndustries.length > 0) reasons.push(`both serve ${m.sharedIndustries.join(', ')}`);
  reasons.push(`brings ${plural(m.complementary.length, 'capability', 'capabilities')} you lack`);
  return reasons;
}

export class PartnerMatchService {
  constructor(private readonly db: CypherExecutor) {}

  /** With `asOf`, the matches on the graph as of that instant (README, "Time"); a future asOf is BAD_USER_INPUT. */
  async partnerMatches(partnerId: string, first: number | null | undefined, asOf?: Date | null): Promise<PartnerMatchRow[]> {
    const size = pageSize(first, 10);
    const at = asOfInstant(asOf, ['asOf']);
    if (size === 0) return [];
    const rows =
      at === null
        ? await this.db.read<MatchRecord>('intelligence/find-partner-matches', { partnerId, first: size })
        : await this.db.read<MatchRecord>('intelligence/find-partner-matches-as-of', { partnerId, first: size, asOf: at });
    return rows.map((r) => ({
      partner: r.partner,
      score: r.score,
      sharedCustomerCount: r.sharedCustomerCount,
      integrated: r.integrated,
      complementaryCapabilities: r.complementary.map((c) => c.capability).sort(byId),
      complementaryNeeds: [...r.complementary].sort(mostNeeded),
      complementDemand: r.complementDemand,
      sharedRegions: r.sharedRegions,
      sharedIndustries: r.sharedIndustries,
      reasons: matchReasons(r),
    }));
  }
}
