// assembleSolution: minimal sets of pool partners that together bring every required capability
// and every required partner type. Cypher fetches the candidates (partners with a required
// capability, the included ones, a short list per combination of required types); the exact
// search runs in set-cover.ts; a second Cypher call fetches the pairwise facts for the score:
//
//   score = 100 − 10 × partnerCount + quality, quality in [0, 9] =
//     3 × (integrated member pairs / member pairs) + 2 × (pairs sharing a customer / member pairs)
//     + 2 × (average tier points / 3) + 2 × (average over required capabilities of the best member level / 2)
//   with tier points REGISTERED 0, SILVER 1, GOLD 2, PLATINUM 3 and levels BASIC 0, CERTIFIED 1, EXPERT 2;
//   the pair ratios are 0 for a single partner. Fewer partners always rank first.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import type { CapabilityRow, PartnerRow, ProposalMemberRow, SolutionAssemblyRow, SolutionProposalRow } from '../model/rows.js';
import { type CapabilityLevel, PARTNER_TIERS, type PartnerType } from '../model/vocabulary.js';
import { LEVEL_POINTS, plural, TIER_POINTS } from './eligibility.js';
import { findMinimalCovers, type CoverCandidate } from './set-cover.js';
import { asOfInstant } from '../time/as-of.js';

export interface AssembleSolutionRequest {
  capabilityIds: string[];
  region?: string | null;
  industry?: string | null;
  maxPartners?: number | null;
  requiredTypes?: PartnerType[] | null;
  includePartnerIds?: string[] | null;
  excludePartnerIds?: string[] | null;
  limit?: number | null;
  timeBudgetMs?: number | null;
  /** Assemble from the graph as of this instant (README, "Time"); absent for now. */
  asOf?: Date | null;
}

interface CandidateRecord {
  partner: PartnerRow;
  capabilities: { id: string; level: CapabilityLevel | null }[];
  inPool: boolean;
}

interface PairRecord {
  a: string;
  b: string;
  integrated: boolean;
  sharedCustomers: number;
}

/** Bits: required capabilities first (at most 20), then required types (at most 10). */
const MAX_CAPABILITIES = 20;
const MAX_PARTNERS = 10;
const MAX_PROPOSALS = 20;
/** Covers collected for ranking: enough that the best of them are worth showing. */
const coversToRank = (limit: number) => Math.max(50, limit * 10);

function check(condition: boolean, message: string, field: string): void {
  if (!condition) throw new BadInputError(message, ['input', field]);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Best candidates first within a class of interchangeable ones: tier, then capability levels, then id. */
function individualStrength(c: CandidateRecord): number {
  return (TIER_POINTS[c.partner.tier] ?? 0) * 100 + c.capabilities.reduce((s, x) => s + (LEVEL_POINTS[x.level ?? 'BASIC'] ?? 0), 0);
}

export class SolutionAssemblyService {
  constructor(private readonly db: CypherExecutor) {}

  async assembleSolution(input: AssembleSolutionRequest): Promise<SolutionAssemblyRow> {
    const capabilityIds = [...new Set(input.capabilityIds)];
    const requiredTypes = [...new Set(input.requiredTypes ?? [])];
    const includeIds = [...new Set(input.includePartnerIds ?? [])];
    const excludeIds = [...new Set(input.excludePartnerIds ?? [])];
    const maxPartners = input.maxPartners ?? 5;
    const limit = input.limit ?? 5;
    const timeBudgetMs = input.timeBudgetMs ?? 2000;
    check(
      capabilityIds.length >= 1 && capabilityIds.length <= MAX_CAPABILITIES,
      `capabilityIds must name 1 to ${MAX_CAPABILITIES} capabilities`,
      'capabilityIds',
    );
    check(
      Number.isInteger(maxPartners) && maxPartners >= 1 && maxPartners <= MAX_PARTNERS,
      `maxPartners must be between 1 and ${MAX_PARTNERS}`,
      'maxPartners',
    );
    check(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PROPOSALS, `limit must be between 1 and ${MAX_PROPOSALS}`, 'limit');
    check(
      Number.isInteger(timeBudgetMs) && timeBudgetMs >= 100 && timeBudgetMs <= 10_000,
      'timeBudgetMs must be between 100 and 10000',
      'timeBudgetMs',
    );

    const at = asOfInstant(input.asOf, ['input', 'asOf']);
    const suffix = at === null ? '' : '-as-of';
    const timed = at === null ? {} : { asOf: at };

    const capabilities = (
      await this.db.read<{ capability: CapabilityRow }>('intelligence/get-capabilities-for-assembly', { ids: capabilityIds })
    ).map((r) => r.capability);
    const unknown = capabilityIds.filter((id) => !capabilities.some((c) => c.id === id));
    check(unknown.length === 0, `No capability with id ${unknown.map((id) => JSON.stringify(id)).join(', ')}`, 'capabilityIds');

    const records = await this.db.read<CandidateRecord>(`intelligence/find-solution-candidates${suffix}`, {
      ...timed,
      capabilityIds,
      region: input.region ?? null,
      industry: input.industry ?? null,
      requiredTypes,
      includeIds,
      excludeIds,
      perTypeClass: limit,
    });
    const pool = records.filter((r) => r.inPool);
    const none = (notes: string[], uncovered: CapabilityRow[] = []): SolutionAssemblyRow => ({
      proposals: [],
      uncoveredCapabilities: uncovered,
      minimumPartnerCount: null,
      exhaustive: true,
      timedOut: false,
      notes,
    });

    const supplied = new Set(pool.flatMap((r) => r.capabilities.map((c) => c.id)));
    const uncovered = capabilities.filter((c) => !supplied.has(c.id));
    if (uncovered.length > 0) {
      return none([`no eligible partner in scope has ${uncovered.map((c) => c.name).join(', ')}`], uncovered);
    }
    const notes: string[] = [];
    const outOfPool = includeIds.filter((id) => !pool.some((r) => r.partner.id === id));
    if (outOfPool.length > 0)
      notes.push(`included partners not in the pool (unknown, not eligible, out of scope or excluded): ${outOfPool.join(', ')}`);
    const typesMissing = requiredTypes.filter((t) => !pool.some((r) => r.partner.types.includes(t)));
    if (typesMissing.length > 0) notes.push(`no eligible partner in scope is of type ${typesMissing.join(', ')}`);
    if (includeIds.length > maxPartners) notes.push(`${plural(includeIds.length, 'included partner')} exceed maxPartners ${maxPartners}`);
    if (notes.length > 0) return none(notes);

    const capabilityBit = new Map(capabilities.map((c, i) => [c.id, 1 << i]));
    const typeBit = new Map(requiredTypes.map((t, i) => [t, 1 << (capabilities.length + i)]));
    const required = (1 << (capabilities.length + requiredTypes.length)) - 1;
    const maskOf = (r: CandidateRecord) =>
      r.capabilities.reduce((m, c) => m | (capabilityBit.get(c.id) ?? 0), 0) |
      r.partner.types.reduce((m, t) => m | (typeBit.get(t) ?? 0), 0);
    const toCandidate = (r: CandidateRecord): CoverCandidate => ({ id: r.partner.id, mask: maskOf(r) });
    const included = new Set(includeIds);
    const optional = pool
      .filter((r) => !included.has(r.partner.id))
      .sort((a, b) => individualStrength(b) - individualStrength(a) || byId(a.partner, b.partner));

    const result = findMinimalCovers({
      required,
      fixed: pool
        .filter((r) => included.has(r.partner.id))
        .sort((a, b) => byId(a.partner, b.partner))
        .map(toCandidate),
      candidates: optional.map(toCandidate),
      maxSize: maxPartners,
      maxCovers: coversToRank(limit),
      timeBudgetMs,
    });
    if (result.covers.length === 0) {
      return {
        ...none([`no set of at most ${plural(maxPartners, 'partner')} meets every rule`]),
        exhaustive: result.exhaustive,
        timedOut: result.timedOut,
      };
    }

    const byPartner = new Map(pool.map((r) => [r.partner.id, r]));
    const memberIds = [...new Set(result.covers.flat())].sort();
    const pairs = await this.db.read<PairRecord>(`intelligence/get-proposal-cohesion${suffix}`, { ids: memberIds, ...timed });
    const pairFacts = new Map(pairs.map((p) => [`${p.a}\u0000${p.b}`, p]));
    const scored = result.covers.map((ids) =>
      scoreProposal(
        ids.map((id) => byPartner.get(id)!),
        { capabilities, requiredTypes, included },
        (a, b) => pairFacts.get(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`),
      ),
    );
    scored.sort((x, y) => y.score - x.score || x.partnerCount - y.partnerCount || keyOf(x).localeCompare(keyOf(y)));
    if (result.timedOut) notes.push('the time budget ran out: these are the best proposals found, not necessarily the best there are');
    else if (!result.exhaustive) notes.push(`more minimal proposals exist than were ranked (${result.covers.length} ranked)`);
    return {
      proposals: scored.slice(0, limit),
      uncoveredCapabilities: [],
      minimumPartnerCount: result.timedOut ? null : result.minimumSize,
      exhaustive: result.exhaustive,
      timedOut: result.timedOut,
      notes,
    };
  }
}

function keyOf(p: SolutionProposalRow): string {
  return p.partners
    .map((m) => m.partner.id)
    .sort()
    .join('\u0000');
}

interface ProposalContext {
  capabilities: CapabilityRow[];
  requiredTypes: PartnerType[];
  included: Set<string>;
}

export function suggestedRole(partner: PartnerRow, coversSomething: boolean, requiredTypes: PartnerType[]): PartnerType {
  const required = requiredTypes.find((t) => partner.types.includes(t));
  if (required) return required;
  if (coversSomething && partner.types.includes('TECHNOLOGY')) return 'TECHNOLOGY';
  if (partner.types.includes('SERVICES')) return 'SERVICES';
  return partner.types[0] ?? 'TECHNOLOGY';
}

export function scoreProposal(
  members: CandidateRecord[],
  context: ProposalContext,
  pair: (a: string, b: string) => PairRecord | undefined,
): SolutionProposalRow {
  const sorted = [...members].sort((a, b) => byId(a.partner, b.partner));
  const k = sorted.length;
  const pairCount = (k * (k - 1)) / 2;
  let integratedPairs = 0;
  let pairsWithSharedCustomers = 0;
  let sharedAccounts = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const facts = pair(sorted[i]!.partner.id, sorted[j]!.partner.id);
      if (facts?.integrated) integratedPairs++;
      if (facts && facts.sharedCustomers > 0) {
        pairsWithSharedCustomers++;
        sharedAccounts += facts.sharedCustomers;
      }
    }
  }
  const tierAverage = sorted.reduce((s, m) => s + (TIER_POINTS[m.partner.tier] ?? 0), 0) / k;
  const bestLevels = context.capabilities.map((c) =>
    Math.max(0, ...sorted.flatMap((m) => m.capabilities.filter((x) => x.id === c.id).map((x) => LEVEL_POINTS[x.level ?? 'BASIC'] ?? 0))),
  );
  const levelAverage = bestLevels.reduce((s, l) => s + l, 0) / bestLevels.length;
  const quality =
    (pairCount > 0 ? (3 * integratedPairs) / pairCount + (2 * pairsWithSharedCustomers) / pairCount : 0) +
    (2 * tierAverage) / 3 +
    levelAverage;
  const score = Math.round((100 - 10 * k + quality) * 10_000) / 10_000;

  const capabilityById = new Map(context.capabilities.map((c) => [c.id, c]));
  const partners: ProposalMemberRow[] = sorted.map((m) => {
    const covers = m.capabilities
      .map((x) => capabilityById.get(x.id))
      .filter((c): c is CapabilityRow => c !== undefined)
      .sort(byId);
    return {
      partner: m.partner,
      covers,
      suggestedRole: suggestedRole(m.partner, covers.length > 0, context.requiredTypes),
      included: context.included.has(m.partner.id),
    };
  });

  const strong = bestLevels.filter((l) => l >= 1).length;
  const reasons = [
    `${plural(k, 'partner')} cover${k === 1 ? 's' : ''} all ${plural(context.capabilities.length, 'required capability', 'required capabilities')}` +
      (context.requiredTypes.length > 0
        ? ` and the type${context.requiredTypes.length === 1 ? '' : 's'} ${context.requiredTypes.join(', ')}`
        : ''),
  ];
  if (pairCount > 0) {
    reasons.push(`${integratedPairs} of ${plural(pairCount, 'member pair')} integrate`);
    reasons.push(
      `${pairsWithSharedCustomers} of ${plural(pairCount, 'member pair')} share customers` +
        (sharedAccounts > 0 ? ` (${plural(sharedAccounts, 'shared customer')})` : ''),
    );
  }
  reasons.push(`average tier ${tierAverage.toFixed(1)} (${PARTNER_TIERS.map((t, i) => `${t} ${i}`).join(', ')})`);
  reasons.push(`${strong} of ${context.capabilities.length} covered at CERTIFIED or EXPERT level`);
  return { partners, partnerCount: k, score, integratedPairs, pairsWithSharedCustomers, reasons };
}
