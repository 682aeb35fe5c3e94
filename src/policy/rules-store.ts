// The stored versions of the rules of engagement (cypher/policy/), and the facts a decision reads
// inside a registration's transaction (territory). README, "Rules of engagement".
import type { CypherTransaction } from '../db/executor.js';
import type { AttributionModel, DealRole } from '../model/vocabulary.js';
import { DEFAULT_HALF_LIFE_DAYS } from './attribution-models.js';
import { DEFAULT_RULES, type Decision, type PolicyDeal, type RulesOfEngagement, type TerritoryFacts } from './rules.js';

/** A version with who set it and when (null for version 0). */
export interface RulesVersion extends RulesOfEngagement {
  /** The model frozen into Deal.attributionSnapshot at CLOSED_WON (default ROLE_WEIGHTED). */
  attributionModel: AttributionModel;
  /** TIME_DECAY's half-life in days (default 30). */
  timeDecayHalfLifeDays: number;
  setAt: Date | null;
  setBy: string | null;
  note: string | null;
}

export const DEFAULT_RULES_VERSION: RulesVersion = {
  ...DEFAULT_RULES,
  attributionModel: 'ROLE_WEIGHTED',
  timeDecayHalfLifeDays: DEFAULT_HALF_LIFE_DAYS,
  setAt: null,
  setBy: null,
  note: null,
};

/** A version as cypher/policy/ files return it (`rules`). */
export interface StoredRules {
  version: number;
  conflictingRoles: DealRole[];
  protectionWindowDays: number | null;
  directDealsConflict: boolean;
  enforceTerritory: boolean;
  duplicateCustomersAsOne: boolean;
  attributionModel?: AttributionModel | null;
  timeDecayHalfLifeDays?: number | null;
  setAt: Date;
  setBy: string;
  note: string | null;
}

export function rulesOf(row: StoredRules): RulesVersion {
  return {
    version: Number(row.version),
    conflictingRoles: row.conflictingRoles,
    protectionWindowDays: row.protectionWindowDays === null ? null : Number(row.protectionWindowDays),
    directDealsConflict: row.directDealsConflict,
    enforceTerritory: row.enforceTerritory,
    duplicateCustomersAsOne: row.duplicateCustomersAsOne,
    attributionModel: row.attributionModel ?? DEFAULT_RULES_VERSION.attributionModel,
    timeDecayHalfLifeDays: row.timeDecayHalfLifeDays == null ? DEFAULT_HALF_LIFE_DAYS : Number(row.timeDecayHalfLifeDays),
    setAt: row.setAt,
    setBy: row.setBy,
    note: row.note ?? null,
  };
}

/** The current rules (the latest version, or version 0, the defaults). */
export async function currentRules(tx: Pick<CypherTransaction, 'run'>): Promise<RulesVersion> {
  const [row] = await tx.run<{ rules: StoredRules }>('policy/get-current-rules');
  return rulesOrDefaults(row?.rules ?? null);
}

/** The latest stored version as read (null when none was set: version 0, the defaults). */
export function rulesOrDefaults(latest: StoredRules | null): RulesVersion {
  return latest ? rulesOf(latest) : DEFAULT_RULES_VERSION;
}

/** The customer's region and industry and the claiming partners' regions and industries; null unless the rules enforce territory. */
export async function territoryFacts(
  tx: Pick<CypherTransaction, 'run'>,
  rules: RulesOfEngagement,
  customerId: string,
  deal: Pick<PolicyDeal, 'participants'>,
): Promise<TerritoryFacts | null> {
  if (!rules.enforceTerritory) return null;
  const partnerIds = deal.participants.filter((p) => rules.conflictingRoles.includes(p.role as DealRole)).map((p) => p.partnerId);
  const [row] = await tx.run<{
    customerRegion: string | null;
    customerIndustry: string | null;
    partners: { id: string; regions: string[]; industries: string[] }[];
  }>('policy/get-territory-facts', { customerId, partnerIds });
  return {
    customerRegion: row?.customerRegion ?? null,
    customerIndustry: row?.customerIndustry ?? null,
    partners: new Map((row?.partners ?? []).map((p) => [p.id, { regions: p.regions, industries: p.industries }])),
  };
}

/** The decision as the properties record-registration-decision.cypher and create-deal.cypher store. */
export function decisionParams(decision: Decision) {
  return {
    rule: decision.rule,
    policyVersion: decision.rule === 'VENDOR_DECISION' || decision.rule === 'GIVEN_STATUS' ? null : BigInt(decision.policyVersion),
    conflictsWith: decision.conflictsWith,
    explanation: decision.explanation,
  };
}
