// Shared rules of the intelligence services: who is eligible and how tiers and levels rank (the
// values themselves are the vocabulary's, src/model/vocabulary.ts).
import type { CapabilityLevel, LifecycleStage, PartnerTier } from '../model/vocabulary.js';

/** An eligible partner is ACTIVE or ONBOARDING (the Cypher files spell the same list). */
export const ELIGIBLE_STAGES = ['ACTIVE', 'ONBOARDING'] as const satisfies readonly LifecycleStage[];

export const TIER_POINTS: Record<PartnerTier, number> = { REGISTERED: 0, SILVER: 1, GOLD: 2, PLATINUM: 3 };

export const LEVEL_POINTS: Record<CapabilityLevel, number> = { BASIC: 0, CERTIFIED: 1, EXPERT: 2 };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
