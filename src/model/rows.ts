// The shapes the services return: rows as they come back from Neo4j (plain values, see
// src/db/values.ts). Codegen maps each GraphQL type to one of these (codegen.ts `mappers`); enum
// fields take the vocabulary's types (src/model/vocabulary.ts).
import type {
  AccountStatus,
  AttributionModel,
  CapabilityLevel,
  CoverageStatus,
  CustomerSegment,
  DealEventKind,
  DealRole,
  DealStage,
  LifecycleStage,
  PartnerTier,
  PartnerType,
  RegistrationStatus,
  SharingLevel,
  SolutionStatus,
} from './vocabulary.js';

export interface PartnerRow {
  id: string;
  name: string;
  types: PartnerType[];
  tier: PartnerTier;
  lifecycleStage: LifecycleStage;
  regions: string[];
  industries: string[];
  website: string | null;
}

export interface CapabilityRow {
  id: string;
  name: string;
  category: string | null;
  description: string | null;
  parentId: string | null;
}

export interface CustomerRow {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  segment: CustomerSegment | null;
  /** The normalised web domain (identity.ts normalizeDomain); absent in rows of older queries. */
  domain?: string | null;
}

export interface SolutionRow {
  id: string;
  name: string;
  description: string | null;
  status: SolutionStatus;
  regions: string[];
  industries: string[];
}

export interface DealRow {
  id: string;
  name: string;
  customerId: string;
  solutionId: string | null;
  stage: DealStage;
  /** The amount in the currency's minor units. */
  amountMinor: bigint | number;
  currency: string;
  createdAt: Date;
  closedAt: Date | null;
  registrationStatus: RegistrationStatus;
  /**
   * Its participants when read with the deal in a deal mutation's own transaction (src/deals/deal-registration.ts):
   * the Deal resolver answers `participants` from them instead of reading again after commit. Absent elsewhere.
   */
  participants?: DealParticipantRow[];
}

/** Exact money: minor units of a currency. */
export interface MoneyValue {
  minor: bigint;
  currency: string;
}

/** An account seen from either side: the row carries the far end when the query fetched it. */
/** A relationship's validity (README "Time"): since null = since before records began, until null = holds now. */
export interface ValidityRow {
  since?: Date | null;
  until?: Date | null;
}

export interface AccountRow extends ValidityRow {
  partnerId: string;
  customerId: string;
  status: AccountStatus;
  partner?: PartnerRow;
  customer?: CustomerRow;
}

export interface PartnerCapabilityRow extends ValidityRow {
  /** The id it was loaded for (the other end), for its Node id. */
  partnerId?: string;
  capability: CapabilityRow;
  level: CapabilityLevel;
}

/** One interval of a technology integration seen from one partner (README "Time"). */
export interface PartnerIntegrationRow extends ValidityRow {
  /** The id it was loaded for (this end), for its Node id. */
  ownerId?: string;
  /** The other partner. */
  partner: PartnerRow;
}

export interface CapabilityHolderRow {
  /** The id it was loaded for (the other end), for its Node id. */
  capabilityId?: string;
  partner: PartnerRow;
  level: CapabilityLevel;
}

export interface SharingGrantRow extends ValidityRow {
  fromId: string;
  toId: string;
  level: SharingLevel;
  from?: PartnerRow;
  to?: PartnerRow;
}

export interface SolutionMembershipRow extends ValidityRow {
  /** The id it was loaded for (the other end), for its Node id. */
  partnerId?: string;
  solution: SolutionRow;
  role: PartnerType;
}

export interface SolutionMemberRow extends ValidityRow {
  /** The id it was loaded for (the other end), for its Node id. */
  solutionId?: string;
  partner: PartnerRow;
  role: PartnerType;
}

export interface DealParticipationRow {
  /** The id it was loaded for (the other end), for its Node id. */
  partnerId?: string;
  deal: DealRow;
  role: DealRole;
  sourced: boolean;
  registeredAt: Date;
}

export interface DealParticipantRow {
  /** The id it was loaded for (the other end), for its Node id. */
  dealId?: string;
  partner: PartnerRow;
  role: DealRole;
  sourced: boolean;
  registeredAt: Date;
}

export interface SearchHitRow {
  kind: 'Partner' | 'Capability' | 'Customer' | 'Solution';
  node: PartnerRow | CapabilityRow | CustomerRow | SolutionRow;
  score: number;
}

/** A Relay page; totalCount runs its own count query only when asked for. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export type PartnerConnectionRow = Connection<PartnerRow>;
export type CapabilityConnectionRow = Connection<CapabilityRow>;
export type CustomerConnectionRow = Connection<CustomerRow>;
export type SolutionConnectionRow = Connection<SolutionRow>;
export type DealConnectionRow = Connection<DealRow>;

/** A recorded change of a deal (stage, status, participants). */
export interface DealEventRow {
  at: Date;
  kind: DealEventKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface AttributionShareRow {
  partnerId: string;
  role: DealRole;
  sourced: boolean;
  share: MoneyValue;
  percent: number;
}

export interface DealAttributionRow {
  deal: DealRow;
  model: AttributionModel;
  shares: AttributionShareRow[];
}

export interface PartnerRevenueRow {
  partnerId: string;
  sourced: MoneyValue[];
  influenced: MoneyValue[];
  closedWonDeals: number;
  winRate: number | null;
  pipeline: MoneyValue[];
  /** The partner's frozen attribution shares of won deals in the period (issue 18). */
  attributed: MoneyValue[];
}

export interface EcosystemHealthRow {
  closedWonDeals: number;
  multiPartnerDealShare: number | null;
  totalWon: MoneyValue[];
  partnerSourced: MoneyValue[];
  partnerInfluenced: MoneyValue[];
  capabilityCoverage: number | null;
  /** Every partner that co-sold in the period, best connector first (ties by id). */
  connectorIds: string[];
  /** Won deals of the period with a frozen attribution. */
  attributedDeals: number;
  /** Their frozen (or revised) shares summed per currency. */
  attributed: MoneyValue[];
  /** Every partner with a share above zero in those deals, most such deals first (ties by id). */
  attributedPartners: AttributedPartnerRow[];
}

/** One partner's frozen attribution shares over a period (EcosystemHealth.topAttributedPartners). */
export interface AttributedPartnerRow {
  partnerId: string;
  /** Its shares above zero, summed per currency. */
  attributed: MoneyValue[];
  /** Deals giving it a share above zero. */
  deals: number;
}

export interface CoSellRecommendationRow {
  partner: PartnerRow;
  score: number;
  reasons: string[];
}

// Ecosystem intelligence (src/intelligence/).

export interface PartnerMatchRow {
  partner: PartnerRow;
  score: number;
  /** Null where the candidate grants the viewer no sharing level. */
  sharedCustomerCount: number | null;
  integrated: boolean;
  complementaryCapabilities: CapabilityRow[];
  complementaryNeeds: { capability: CapabilityRow; neededBy: number }[];
  complementDemand: number;
  sharedRegions: string[];
  sharedIndustries: string[];
  reasons: string[];
}

/** Two partners' overlap; `customers` pages through the shared customers on demand. */
export interface AccountOverlapRow {
  partnerId: string;
  otherPartnerId: string;
  /** False when the viewer may see the overlap's numbers but not its customers (a COUNTS grant). */
  customersVisible?: boolean;
  /** The instant the overlap was read as of (a Neo4j DateTime), for its customers page; null or absent for now. */
  asOf?: unknown;
  sharedCustomerCount: number;
  cells: { status: AccountStatus; otherStatus: AccountStatus; count: number }[];
}

export interface ProposalMemberRow {
  partner: PartnerRow;
  covers: CapabilityRow[];
  suggestedRole: PartnerType;
  included: boolean;
}

export interface SolutionProposalRow {
  partners: ProposalMemberRow[];
  partnerCount: number;
  score: number;
  integratedPairs: number;
  pairsWithSharedCustomers: number;
  reasons: string[];
}

export interface SolutionAssemblyRow {
  proposals: SolutionProposalRow[];
  uncoveredCapabilities: CapabilityRow[];
  minimumPartnerCount: number | null;
  exhaustive: boolean;
  timedOut: boolean;
  notes: string[];
}

export interface CapabilityCoverageRow {
  capability: CapabilityRow;
  customerDemand: number;
  solutionDemand: number;
  supply: number;
  status: CoverageStatus;
}

export interface PartnerImpactRow {
  capabilitiesLost: CapabilityRow[];
  orphanedCustomers: CustomerRow[];
  solutionsAffected: SolutionRow[];
  openDealsAffected: DealRow[];
  revenueAtRisk: MoneyValue[];
}

/** A partner's stage and tier histories, oldest first (README "Time"). */
export interface PartnerHistoriesRow {
  id: string;
  stageHistory: { stage: LifecycleStage; at: Date }[];
  tierHistory: { tier: PartnerTier; at: Date }[];
}
