// The shapes the services return: rows as they come back from Neo4j (plain values, see
// src/db/values.ts). Codegen maps each GraphQL type to one of these (codegen.ts `mappers`).

export interface PartnerRow {
  id: string;
  name: string;
  types: string[];
  tier: string;
  lifecycleStage: string;
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
  segment: string | null;
}

export interface SolutionRow {
  id: string;
  name: string;
  description: string | null;
  status: string;
  regions: string[];
  industries: string[];
}

export interface DealRow {
  id: string;
  name: string;
  customerId: string;
  solutionId: string | null;
  stage: string;
  /** The amount in the currency's minor units. */
  amountMinor: bigint | number;
  currency: string;
  createdAt: Date;
  closedAt: Date | null;
  registrationStatus: string;
}

/** Exact money: minor units of a currency. */
export interface MoneyValue {
  minor: bigint;
  currency: string;
}

/** An account seen from either side: the row carries the far end when the query fetched it. */
export interface AccountRow {
  partnerId: string;
  customerId: string;
  status: string;
  partner?: PartnerRow;
  customer?: CustomerRow;
}

export interface PartnerCapabilityRow {
  capability: CapabilityRow;
  level: string;
}

export interface CapabilityHolderRow {
  partner: PartnerRow;
  level: string;
}

export interface SharingGrantRow {
  fromId: string;
  toId: string;
  level: string;
  from?: PartnerRow;
  to?: PartnerRow;
}

export interface SolutionMembershipRow {
  solution: SolutionRow;
  role: string;
}

export interface SolutionMemberRow {
  partner: PartnerRow;
  role: string;
}

export interface DealParticipationRow {
  deal: DealRow;
  role: string;
  sourced: boolean;
  registeredAt: Date;
}

export interface DealParticipantRow {
  partner: PartnerRow;
  role: string;
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
