// The rules of engagement: which deal registrations are approved and which conflict. Pure (no
// database), shared by the importer and deal registration so both decide the same way.
//
// Only open deals (stage not CLOSED_*) take part, in registration order (createdAt, then id).
// A deal is in CONFLICT when an earlier open deal on the same customer whose status is APPROVED
// has a RESELLER participant and this deal has a RESELLER participant that is a different
// partner; otherwise it is APPROVED: first registered wins. A closed deal without a status is
// APPROVED. A deal that already has a status keeps it.
//
// "A different partner" with several resellers on a deal: this deal conflicts with an earlier
// approved one when it brings a reseller that the earlier deal does not have (a reseller already
// approved on the customer through that deal does not conflict with itself).

import type { RegistrationStatus } from '../model/vocabulary.js';

export interface RegistrationCandidate {
  id: string;
  customerId: string;
  stage: string;
  createdAt: Date;
  /** The status the deal already has; null to have the rules decide it. */
  registrationStatus: RegistrationStatus | null;
  /** Partners taking part with the RESELLER role. */
  resellerIds: readonly string[];
}

export function isOpenDealStage(stage: string): boolean {
  return !stage.startsWith('CLOSED_');
}

/** Registration order: createdAt, then id. */
export function compareRegistrationOrder(
  a: Pick<RegistrationCandidate, 'id' | 'createdAt'>,
  b: Pick<RegistrationCandidate, 'id' | 'createdAt'>,
): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True when `resellerIds` brings a reseller that is not among an earlier approved deal's resellers. */
export function conflictsWithApproved(resellerIds: readonly string[], approvedResellerSets: readonly ReadonlySet<string>[]): boolean {
  return resellerIds.length > 0 && approvedResellerSets.some((earlier) => earlier.size > 0 && resellerIds.some((r) => !earlier.has(r)));
}

/** Every candidate's status: the one it has, or the one the rules give it. */
export function decideRegistrationStatuses(deals: readonly RegistrationCandidate[]): Map<string, RegistrationStatus> {
  const statuses = new Map<string, RegistrationStatus>();
  const openByCustomer = new Map<string, RegistrationCandidate[]>();
  for (const deal of deals) {
    if (!isOpenDealStage(deal.stage)) {
      statuses.set(deal.id, deal.registrationStatus ?? 'APPROVED');
      continue;
    }
    const list = openByCustomer.get(deal.customerId);
    if (list) list.push(deal);
    else openByCustomer.set(deal.customerId, [deal]);
  }
  for (const open of openByCustomer.values()) {
    // Distinct reseller sets of the approved deals so far (a customer may have many deals, few sets).
    const approvedResellerSets = new Map<string, Set<string>>();
    for (const deal of [...open].sort(compareRegistrationOrder)) {
      const status =
        deal.registrationStatus ?? (conflictsWithApproved(deal.resellerIds, [...approvedResellerSets.values()]) ? 'CONFLICT' : 'APPROVED');
      statuses.set(deal.id, status);
      if (status === 'APPROVED' && deal.resellerIds.length > 0) {
        const resellers = new Set(deal.resellerIds);
        approvedResellerSets.set([...resellers].sort().join('\u0000'), resellers);
      }
    }
  }
  return statuses;
}
