// Splits a deal's amount among its participants, exactly, by one of seven models (README,
// "Attribution models"). Pure arithmetic on minor units; the service only fetches the deal.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { splitByWeights } from '../money/money.js';
import type { AttributionShareRow, DealAttributionRow, DealRow } from '../model/rows.js';
import type { AttributionModel, DealRole } from '../model/vocabulary.js';
import { DEFAULT_HALF_LIFE_DAYS, isTimelineModel, timelineWeights } from '../policy/attribution-models.js';

export interface AttributionWeights {
  roles: Record<DealRole, number>;
  /** Added to the sourcing participant's role weight. */
  sourcingBonus: number;
}

/**
 * The default ROLE_WEIGHTED weights: the partner owning the commercial relationship counts most,
 * the one doing the work next, then the platforms and the finders; sourcing adds a bonus.
 */
export const DEFAULT_ATTRIBUTION_WEIGHTS: AttributionWeights = {
  roles: { RESELLER: 40, SERVICES: 30, TECHNOLOGY: 20, MARKETPLACE: 20, DISTRIBUTOR: 15, REFERRAL: 10, INFLUENCER: 5 },
  sourcingBonus: 20,
};

export interface AttributionParticipant {
  partnerId: string;
  role: DealRole;
  sourced: boolean;
  /** When it joined the deal (the timeline models order by it, then by partner id). */
  registeredAt?: Date;
}

export interface WeightsOverride {
  roles?: readonly { role: string; weight: number }[] | null;
  sourcingBonus?: number | null;
}

/** The defaults with the given overrides; weights must be positive integers, the bonus non-negative. */
export function resolveWeights(
  override: WeightsOverride | null | undefined,
  base: AttributionWeights = DEFAULT_ATTRIBUTION_WEIGHTS,
): AttributionWeights {
  const roles = { ...base.roles };
  for (const [i, { role, weight }] of (override?.roles ?? []).entries()) {
    if (!Number.isSafeInteger(weight) || weight < 1)
      throw new BadInputError('a role weight must be a positive integer', ['weights', 'roles', String(i), 'weight']);
    roles[role as DealRole] = weight;
  }
  const sourcingBonus = override?.sourcingBonus ?? base.sourcingBonus;
  if (!Number.isSafeInteger(sourcingBonus) || sourcingBonus < 0)
    throw new BadInputError('the sourcing bonus must be a non-negative integer', ['weights', 'sourcingBonus']);
  return { roles, sourcingBonus };
}

export interface Share {
  partnerId: string;
  role: DealRole;
  sourced: boolean;
  minor: bigint;
  /** The model's nominal weight of this participant (for the percentage of a zero amount). */
  weight: bigint;
}

function byPartnerId<T extends { partnerId: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
}

/** The shares of `amount` (minor units) under `model`, ordered by partner id; they sum exactly to amount. */
export function attributeAmount(
  amount: bigint,
  participants: readonly AttributionParticipant[],
  model: AttributionModel,
  weights: AttributionWeights = DEFAULT_ATTRIBUTION_WEIGHTS,
  halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS,
): Share[] {
  const ordered = byPartnerId(participants);
  if (ordered.length === 0) return [];
  let partyWeights: bigint[];
  if (model === 'SOURCED') {
    const sourcer = ordered.filter((p) => p.sourced);
    if (sourcer.length === 0) return [];
    // At most one participant sources; if data ever had two, they split evenly rather than lose money.
    partyWeights = ordered.map((p) => (p.sourced ? 1n : 0n));
  } else if (isTimelineModel(model)) {
    // Weights over the timeline (src/policy/attribution-models.ts); ties in the split still go by partner id.
    const timeline = timelineWeights(
      model,
      ordered.map((p) => ({ partnerId: p.partnerId, registeredAt: p.registeredAt ?? new Date(0) })),
      halfLifeDays,
    );
    partyWeights = ordered.map((p) => timeline.get(p.partnerId)!);
  } else if (model === 'EVEN') {
    // Equal weights: splitByWeights gives floor(amount / n) each and the leftover units one each
    // in index (= partner id) order, since every remainder ties.
    partyWeights = ordered.map(() => 1n);
  } else {
    partyWeights = ordered.map((p) => BigInt((weights.roles[p.role as DealRole] ?? 1) + (p.sourced ? weights.sourcingBonus : 0)));
  }
  const minors = splitByWeights(amount, partyWeights);
  const shares = ordered.map((p, i) => ({
    partnerId: p.partnerId,
    role: p.role,
    sourced: p.sourced,
    minor: minors[i]!,
    weight: partyWeights[i]!,
  }));
  return model === 'SOURCED' ? shares.filter((s) => s.weight > 0n) : shares;
}

/** 100 × part / whole as a float, computed from exact integers (scaled to 1e-9 before dividing). */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  const scaled = (part * 100_000_000_000n) / whole; // 100 × 1e9
  return Number(scaled) / 1e9;
}

export class DealAttributionService {
  constructor(private readonly db: CypherExecutor) {}

  /** halfLifeDays: TIME_DECAY's half-life, a positive whole number of days (default 30; BAD_USER_INPUT at halfLifeDays). */
  async dealAttribution(
    dealId: string,
    model: AttributionModel,
    override?: WeightsOverride | null,
    halfLifeDays?: number | null,
  ): Promise<DealAttributionRow> {
    const weights = resolveWeights(override);
    const halfLife = halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
    if (!Number.isSafeInteger(halfLife) || halfLife < 1 || halfLife > 36_500)
      throw new BadInputError('the half-life must be a whole number of days from 1 to 36500', ['halfLifeDays']);
    const [row] = await this.db.read<{ deal: DealRow; participants: AttributionParticipant[] }>('deals/get-deal-with-participants', {
      dealId,
    });
    if (!row) throw new NotFoundError(`No deal with id ${JSON.stringify(dealId)}`, ['dealId']);
    const amount = BigInt(row.deal.amountMinor);
    const shares = attributeAmount(amount, row.participants, model, weights, halfLife);
    const totalWeight = shares.reduce((sum, s) => sum + s.weight, 0n);
    const rows: AttributionShareRow[] = shares.map((s) => ({
      partnerId: s.partnerId,
      role: s.role,
      sourced: s.sourced,
      share: { minor: s.minor, currency: row.deal.currency },
      percent: amount === 0n ? percentOf(s.weight, totalWeight) : percentOf(s.minor, amount),
    }));
    return { deal: row.deal, model, shares: rows };
  }
}
