// The stored properties of each kind of node, as Cypher parameters, from a checked document's
// records: one definition for the importer (src/interchange/import.ts) and the bulk load
// (src/interchange/bulk-load.ts), so both write the same nodes (derived names included).
import { normalizeCustomerName } from '../identity/identity.js';
import { parseAmount } from '../money/money.js';
import { searchName } from '../search/search-name.js';
import type { CapabilityRecord, CustomerRecord, DealRecord, PartnerRecord, SolutionRecord } from './format.js';

export function capabilityProperties(c: CapabilityRecord) {
  return { id: c.id, name: c.name, searchName: searchName(c.name), category: c.category ?? null, description: c.description ?? null };
}

export function partnerProperties(p: PartnerRecord) {
  return {
    id: p.id,
    name: p.name,
    searchName: searchName(p.name),
    types: p.types,
    tier: p.tier,
    lifecycleStage: p.lifecycleStage,
    regions: p.regions,
    industries: p.industries,
    website: p.website ?? null,
    // The histories as parallel lists (Neo4j properties cannot hold maps; README "Time"), null when there is none.
    stageHistoryStages: p.stageHistory?.map((h) => h.stage) ?? null,
    stageHistoryAt: p.stageHistory?.map((h) => h.at) ?? null,
    tierHistoryTiers: p.tierHistory?.map((h) => h.tier) ?? null,
    tierHistoryAt: p.tierHistory?.map((h) => h.at) ?? null,
  };
}

export function customerProperties(u: CustomerRecord) {
  return {
    id: u.id,
    name: u.name,
    searchName: searchName(u.name),
    normalizedName: normalizeCustomerName(u.name),
    domain: u.domain ?? null,
    industry: u.industry ?? null,
    region: u.region ?? null,
    segment: u.segment ?? null,
  };
}

export function solutionProperties(s: SolutionRecord) {
  return {
    id: s.id,
    name: s.name,
    searchName: searchName(s.name),
    description: s.description ?? null,
    status: s.status,
    regions: s.regions,
    industries: s.industries,
  };
}

/** A deal's properties; amountMinor through the one money parser. registrationStatus is the caller's decision. */
export function dealProperties(d: DealRecord, registrationStatus: string | null) {
  return {
    id: d.id,
    name: d.name,
    customerId: d.customerId,
    solutionId: d.solutionId ?? null,
    stage: d.stage,
    amountMinor: parseAmount(d.amount, d.currency),
    currency: d.currency,
    createdAt: d.createdAt,
    closedAt: d.closedAt ?? null,
    registrationStatus,
  };
}
