// Shared vocabulary of the intelligence services: who is eligible and how tiers and levels rank.

/** An eligible partner is ACTIVE or ONBOARDING (the Cypher files spell the same list). */
export const ELIGIBLE_STAGES = ['ACTIVE', 'ONBOARDING'] as const;

export const TIER_POINTS: Record<string, number> = { REGISTERED: 0, SILVER: 1, GOLD: 2, PLATINUM: 3 };

export const LEVEL_POINTS: Record<string, number> = { BASIC: 0, CERTIFIED: 1, EXPERT: 2 };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
