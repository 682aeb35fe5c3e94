// The rules of engagement for the importers (a status decided for each deal without one), adapted
// to the one decision of the versioned policy (src/policy/rules.ts): these callers know a deal's
// resellers; with the default policy (conflicting roles [RESELLER], no window, no territory) that
// is all the rules read. README, "Rules of engagement".
import type { RegistrationStatus } from '../model/vocabulary.js';
import { DEFAULT_RULES, decideAll, isOpenStage, registrationOrder, type PolicyDeal, type RulesOfEngagement } from '../policy/rules.js';

export interface RegistrationCandidate {
  id: string;
  customerId: string;
  stage: string;
  createdAt: Date;
  /** The status the deal already has; null to have the rules decide it. */
  registrationStatus: RegistrationStatus | null;
  /** Partners taking part with the RESELLER role. */
  resellerIds: readonly string[];
  /** Every participant with its role, when the caller read them (else the resellers alone). */
  participants?: readonly { partnerId: string; role: string }[];
  /** A vendor-direct deal (default false). */
  direct?: boolean;
  /** Its last stage change (the protection window restarts there); default none. */
  lastStageChangeAt?: Date | null;
}

export const isOpenDealStage = isOpenStage;

/** Registration order: createdAt, then id. */
export const compareRegistrationOrder = registrationOrder;

/** The candidate as the policy's rules read it. */
export function policyDealOf(d: RegistrationCandidate): PolicyDeal {
  return {
    id: d.id,
    customerId: d.customerId,
    stage: d.stage,
    createdAt: d.createdAt,
    registrationStatus: d.registrationStatus,
    participants: d.participants ?? d.resellerIds.map((partnerId) => ({ partnerId, role: 'RESELLER' })),
    direct: d.direct ?? false,
    lastStageChangeAt: d.lastStageChangeAt ?? null,
  };
}

/** Every candidate's status: the one it has, or the one the rules (by default the built-in ones) give it, per customer. */
export function decideRegistrationStatuses(
  deals: readonly RegistrationCandidate[],
  rules: RulesOfEngagement = DEFAULT_RULES,
): Map<string, RegistrationStatus> {
  const decisions = decideAll(rules, deals.map(policyDealOf));
  return new Map([...decisions].map(([id, d]) => [id, d.status]));
}
