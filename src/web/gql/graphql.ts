/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A partner's relationship with a customer: customer, open opportunity or prospect. */
export type AccountStatus =
  /** The company buys from the partner (the strongest status: it wins when mergeCustomers joins two accounts). */
  | 'CUSTOMER'
  /** The partner has an open opportunity with it. */
  | 'OPPORTUNITY'
  /** The partner targets it (the weakest status). */
  | 'PROSPECT';

/** What a solution must cover and where, for assembleSolution. */
export type AssembleSolutionInput = {
  /** Assemble from the graph as of this instant: capabilities held then, stages and tiers then (README, "Time"); absent for now. Later than now: BAD_USER_INPUT. */
  asOf?: string | null | undefined;
  /** The capabilities the solution needs (1 to 20; exact search is guaranteed up to 12). */
  capabilityIds: Array<string | number>;
  /** Partners no proposal may contain. */
  excludePartnerIds?: Array<string | number> | null | undefined;
  /** Partners every proposal must contain. */
  includePartnerIds?: Array<string | number> | null | undefined;
  /** Only partners listing this industry. */
  industry?: string | null | undefined;
  /** At most this many proposals (1 to 20). */
  limit?: number | null | undefined;
  /** At most this many partners per proposal (1 to 10). */
  maxPartners?: number | null | undefined;
  /** Only partners listing this region. */
  region?: string | null | undefined;
  /** Every proposal has at least one partner of each of these types. */
  requiredTypes?: Array<PartnerType> | null | undefined;
  /** Milliseconds the search may take before it returns the best found (100 to 10000). */
  timeBudgetMs?: number | null | undefined;
};

/** Where a dispute of a frozen attribution stands. */
export type AttributionDisputeStatus =
  /** The vendor kept the frozen shares. */
  | 'KEPT'
  /** Raised, waiting for the vendor. */
  | 'OPEN'
  /** The vendor replaced the shares. */
  | 'REVISED';

/** How a deal's amount is split among its participants. */
export type AttributionModel =
  /** The amount split equally; leftover minor units one each to participants in partner-id order. */
  | 'EVEN'
  /** Everything to the first participant to join (order: registeredAt, then partner id; the others get zero shares). */
  | 'FIRST_TOUCH'
  /** Everything to the last participant to join. */
  | 'LAST_TOUCH'
  /** 40 % to the first, 40 % to the last, 20 % shared evenly by the others; one participant 100 %, two 50/50. */
  | 'POSITION_BASED'
  /** Weights per role plus a bonus for the sourcing participant; largest-remainder rounding, ties by partner id. */
  | 'ROLE_WEIGHTED'
  /** Everything to the sourcing participant; no shares when none sourced. */
  | 'SOURCED'
  /** Weight 2^(−(closedAt − registeredAt) / halfLife), half-life 30 days unless given; computed in 64-bit fixed point, integers only. */
  | 'TIME_DECAY';

/** How well a partner masters a capability, lowest to highest. */
export type CapabilityLevel =
  /** Claimed by the partner (the default). */
  | 'BASIC'
  /** Certified by the vendor. */
  | 'CERTIFIED'
  /** The highest level (BASIC < CERTIFIED < EXPERT). */
  | 'EXPERT';

/** A capability a partner must hold at a minimum level. */
export type CapabilityLevelFilter = {
  /** The capability's id. */
  capabilityId: string | number;
  /** The lowest level that counts (BASIC < CERTIFIED < EXPERT). */
  minLevel?: CapabilityLevel | null | undefined;
};

/** How well a capability is supplied by eligible partners. */
export type CoverageStatus =
  /** Two or more partners supply it. */
  | 'COVERED'
  /** No partner supplies it. */
  | 'GAP'
  /** Exactly one partner supplies it. */
  | 'THIN';

/** The part a partner plays in a deal. */
export type DealRole =
  /** Supplies the reseller. */
  | 'DISTRIBUTOR'
  /** Influenced the customer's choice. */
  | 'INFLUENCER'
  /** Transacts the deal through its marketplace. */
  | 'MARKETPLACE'
  /** Referred the customer. */
  | 'REFERRAL'
  /** Sells the deal to the customer; the rules of engagement arbitrate between resellers. */
  | 'RESELLER'
  /** Implements or integrates. */
  | 'SERVICES'
  /** Brings an integrated product. */
  | 'TECHNOLOGY';

/** A deal's sales stage; CLOSED_WON and CLOSED_LOST are final. */
export type DealStage =
  /** Lost (final; needs closedAt). */
  | 'CLOSED_LOST'
  /** Won (final; needs closedAt). Only won deals count as revenue. */
  | 'CLOSED_WON'
  /** Terms are being negotiated. */
  | 'NEGOTIATION'
  /** A proposal is out. */
  | 'PROPOSAL'
  /** Qualified by the vendor. */
  | 'QUALIFIED'
  /** Registered by a partner or the vendor (the only stage a PARTNER may register at). */
  | 'REGISTERED';

/** Which part of the ecosystem to draw: a neighbourhood around a centre, or the overview. */
export type EcosystemMapInput = {
  /** Draw the map as of this instant: the relationships that held then, no deal created after it (README, "Time"); absent for now. Later than now: BAD_USER_INPUT; not with groupBy COMMUNITY. */
  asOf?: string | null | undefined;
  /** The centre node's id (any kind); absent for the whole-ecosystem overview. */
  centerId?: string | number | null | undefined;
  /** With groupBy COMMUNITY: open this community (an id from partnerCommunities or a COMMUNITY node); NOT_FOUND when the partition has no such community. */
  communityId?: string | number | null | undefined;
  /** Hops from the centre (1 to 3). */
  depth?: number | null | undefined;
  /** NONE (default) or COMMUNITY. With COMMUNITY, centerId, depth, kinds and the filters are not used (centerId is refused). */
  groupBy?: MapGrouping | null | undefined;
  /** Only partners listing, customers in, or solutions sold in one of these industries. */
  industries?: Array<string> | null | undefined;
  /** Node kinds to show; default PARTNER and CAPABILITY for the overview, every kind around a centre. */
  kinds?: Array<MapNodeKind> | null | undefined;
  /** At most this many nodes (1 to 2000); the centre and the nodes nearest to it, then the heaviest, are kept. */
  limit?: number | null | undefined;
  /** Only partners of one of these types. */
  partnerTypes?: Array<PartnerType> | null | undefined;
  /** Only partners listing, customers in, or solutions sold in one of these regions. */
  regions?: Array<string> | null | undefined;
};

/** Machine-readable code of an expected error in a mutation payload. */
export type ErrorCode =
  /** A value failed validation. */
  | 'BAD_USER_INPUT'
  /** The change would break a rule of the graph (a cycle, a duplicate, a second sourcing partner). */
  | 'CONFLICT'
  /** The viewer may not make this change. */
  | 'FORBIDDEN'
  /** A referenced entity does not exist. */
  | 'NOT_FOUND';

/** An external id to set; a (system, id) pair belongs to at most one entity of a kind (CONFLICT otherwise). */
export type ExternalIdInput = {
  /** The record's id there: 1-255 characters. */
  id: string;
  /** The system's name: 1-64 lower-case letters, digits or . _ - (BAD_USER_INPUT otherwise). */
  system: string;
};

/** Where a partner is in its lifecycle, from recruitment to offboarding. */
export type LifecycleStage =
  /** A working partner (the default); eligible everywhere. */
  | 'ACTIVE'
  /** Signed but inactive; not counted as supply. */
  | 'DORMANT'
  /** The partnership has ended: its PARTNER tokens are refused. */
  | 'OFFBOARDED'
  /** Signed and being enabled; counts as eligible supply in gapAnalysis and the partner network. */
  | 'ONBOARDING'
  /** Being recruited; not yet a partner (recruitmentCandidates looks among these). */
  | 'PROSPECT';

/** The kinds of relationship the ecosystem map draws (the stored relationship types). */
export type MapEdgeKind =
  /** Capability to its parent capability. */
  | 'CHILD_OF'
  /** Deal to its customer. */
  | 'FOR_CUSTOMER'
  /** Deal to the solution it sells. */
  | 'FOR_SOLUTION'
  /** Partner to a customer it has an account on. */
  | 'HAS_ACCOUNT'
  /** Partner to a capability it holds. */
  | 'HAS_CAPABILITY'
  /** Partner to a partner it integrates with (stored once, drawn once). */
  | 'INTEGRATES_WITH'
  /** Partner to a solution it is a member of. */
  | 'MEMBER_OF'
  /** Customer to a capability it needs. */
  | 'NEEDS'
  /** Partner to a deal it takes part in. */
  | 'PARTICIPATES_IN'
  /** The partner network: between two partners w(p, q); between two communities the sum of w over the edges joining them. */
  | 'PARTNER_NETWORK'
  /** Solution to a capability it requires. */
  | 'REQUIRES';

/** How ecosystemMap groups what it draws. */
export type MapGrouping =
  /** One node per community of the partner network (as partnerCommunities), weighted edges between communities; with communityId, that community's members and the network edges between them. Needs Graph Data Science (FEATURE_UNAVAILABLE otherwise); FORBIDDEN for a PARTNER. */
  | 'COMMUNITY'
  /** One node per drawn entity (the default). */
  | 'NONE';

/** The kinds of node the ecosystem map draws. */
export type MapNodeKind =
  /** A Capability; its id is the capability's id. */
  | 'CAPABILITY'
  /** A community of the partner network: label as Community.label, weight = its size, group = its id. */
  | 'COMMUNITY'
  /** A Customer; its id is the customer's id. */
  | 'CUSTOMER'
  /** A Deal; its id is the deal's id. */
  | 'DEAL'
  /** A Partner; its id is the partner's id. */
  | 'PARTNER'
  /** A Solution; its id is the solution's id. */
  | 'SOLUTION';

/** Every given filter must hold; list filters match any of their values. */
export type PartnerFilter = {
  /** Only partners holding each of these capabilities at its minimum level (1 to 20). */
  capabilities?: Array<CapabilityLevelFilter> | null | undefined;
  /** Partners holding this capability at any level (the capability itself, not its children). */
  capabilityId?: string | number | null | undefined;
  /** Only the partner with this external id. */
  externalId?: ExternalIdInput | null | undefined;
  /** Only partners listing at least one of these industries (1 to 50 values). */
  industries?: Array<string> | null | undefined;
  /** Partners listing this industry code (exact match). */
  industry?: string | null | undefined;
  /** Partners in one of these lifecycle stages. */
  lifecycleStages?: Array<LifecycleStage> | null | undefined;
  /** Case-insensitive substring of the name. */
  nameContains?: string | null | undefined;
  /** Only partners whose name starts with this text, ignoring case (at most 200 characters). */
  namePrefix?: string | null | undefined;
  /** Partners listing this region code (exact match). */
  region?: string | null | undefined;
  /** Only partners listing at least one of these regions (1 to 50 values). */
  regions?: Array<string> | null | undefined;
  /** Partners at one of these tiers. */
  tiers?: Array<PartnerTier> | null | undefined;
  /** Partners playing at least one of these roles. */
  types?: Array<PartnerType> | null | undefined;
  /** Only partners that play every one of these types (`types` matches any of its values). */
  typesAll?: Array<PartnerType> | null | undefined;
};

/** A partner's program tier, lowest to highest. */
export type PartnerTier =
  /** Third tier. */
  | 'GOLD'
  /** Highest tier. */
  | 'PLATINUM'
  /** Entry tier: signed up, no program commitments (the default). */
  | 'REGISTERED'
  /** Second tier. */
  | 'SILVER';

/** A role a company plays in the ecosystem; one partner may play several. */
export type PartnerType =
  /** Supplies resellers (two-tier distribution). */
  | 'DISTRIBUTOR'
  /** A cloud provider and its marketplace. */
  | 'HYPERSCALER'
  /** Shapes customers' choices (advisers, analysts) without selling. */
  | 'INFLUENCER'
  /** Runs the products for customers as a managed service provider. */
  | 'MSP'
  /** Refers customers for a fee without selling. */
  | 'REFERRAL'
  /** Resells the vendor's products to customers (on a deal, the RESELLER role is the one the rules of engagement arbitrate). */
  | 'RESELLER'
  /** Implements, integrates and consults (systems integrators, agencies). */
  | 'SERVICES'
  /** A strategic alliance: joint go-to-market at the executive level. */
  | 'STRATEGIC_ALLIANCE'
  /** Builds a product that works with the vendor's (predictedIntegrations suggests technology partners to integrate with). */
  | 'TECHNOLOGY'
  /** Trains and certifies customers and other partners. */
  | 'TRAINING';

/** A partner to save as a member of a solution. */
export type ProposalMemberInput = {
  /** The partner; NOT_FOUND when there is none. */
  partnerId: string | number;
  /** What the partner contributes; default its first type. */
  role?: PartnerType | null | undefined;
};

/** The rule that decided a registration's status (README, "Rules of engagement", with a worked example of each). */
export type RegistrationRule =
  /** Approved: the deal was registered already closed. */
  | 'CLOSED_DEAL'
  /** A vendor-direct deal (approved), or a conflict between a vendor-direct deal and a partner registration (directDealsConflict). */
  | 'DIRECT_DEAL'
  /** In conflict with a registration on another customer of the same duplicate group (duplicateCustomersAsOne). */
  | 'DUPLICATE_CUSTOMER'
  /** Approved because the registration it would conflict with is past its protection window; or, read as of now, an approved registration whose own window has ended. */
  | 'EXPIRED'
  /** Approved: no earlier approved, protected registration conflicts with it (first registered wins). */
  | 'FIRST_REGISTERED'
  /** The status was given by an import or recorded before decisions were kept; the rules did not decide it. */
  | 'GIVEN_STATUS'
  /** Pending review: a partner in a conflicting role lacks the customer's region or industry (enforceTerritory). */
  | 'OUT_OF_TERRITORY'
  /** In conflict: an earlier approved, protected registration on the same customer has a different partner in a conflicting role. */
  | 'ROLE_CONFLICT'
  /** A channel manager decided (resolveDealConflict); the explanation is the note. */
  | 'VENDOR_DECISION';

/** The outcome of deal registration under the rules of engagement. */
export type RegistrationStatus =
  /** The registration stands (the first reseller on a customer, or a channel manager's APPROVE). */
  | 'APPROVED'
  /** Another reseller registered an open deal on the customer first; a channel manager decides (resolveDealConflict). */
  | 'CONFLICT'
  /** An approved open registration whose protection window has ended: it blocks no one (read as of now; see README, Rules of engagement). */
  | 'EXPIRED'
  /** Waiting for a channel manager's review (rule OUT_OF_TERRITORY); resolveDealConflict approves or rejects it. */
  | 'PENDING_REVIEW'
  /** Refused by a channel manager. */
  | 'REJECTED';

/** A proposal to save as a catalog solution. */
export type SaveSolutionInput = {
  /** The capabilities it requires; each must exist. */
  capabilityIds: Array<string | number>;
  /** Free text, at most 2000 characters. */
  description?: string | null | undefined;
  /** A stable id; generated when absent. An existing id is refused (CONFLICT). */
  id?: string | number | null | undefined;
  /** Industry codes it is sold to. */
  industries?: Array<string> | null | undefined;
  /** Its members with their roles, each partner once. */
  members: Array<ProposalMemberInput>;
  /** 1-200 characters after trimming. */
  name: string;
  /** Region codes it is sold in. */
  regions?: Array<string> | null | undefined;
};

/** Where a catalog solution is in its life. */
export type SolutionStatus =
  /** Being put together (saveSolution creates drafts; the default). */
  | 'DRAFT'
  /** Offered to customers. */
  | 'PUBLISHED'
  /** No longer offered: not counted as demand in gapAnalysis or partnerImpact; retire a solution that deals sell instead of deleting it. */
  | 'RETIRED';

export type MapCapabilityPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MapCapabilityPageQuery = { capabilities: { edges: Array<{ node: { id: string, name: string, category: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MapFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MapFilterOptionsQuery = { partners: { edges: Array<{ node: { id: string, regions: Array<string>, industries: Array<string> } }> }, customers: { edges: Array<{ node: { id: string, region: string | null, industry: string | null } }> } };

export type DealPanelQueryVariables = Exact<{
  id: string | number;
}>;


export type DealPanelQuery = { deal: { id: string, name: string, stage: DealStage, createdAt: string, closedAt: string | null, direct: boolean, amount: { amount: string, currency: string }, customer: { id: string, name: string }, participants: Array<{ id: string, role: DealRole, sourced: boolean, partner: { id: string, name: string } }>, registrationDecision: { status: RegistrationStatus, rule: RegistrationRule, policyVersion: number | null, explanation: string, decidedAt: string | null, conflictsWith: Array<{ id: string, name: string }> }, attributionSnapshot: { model: AttributionModel, policyVersion: number, at: string, revised: boolean, shares: Array<{ partner: { id: string, name: string }, share: { amount: string, currency: string } }>, dispute: { status: AttributionDisputeStatus, reason: string, resolutionNote: string | null, raisedBy: { id: string, name: string } | null } | null } | null } | null };

export type GapAnalysisViewQueryVariables = Exact<{
  region?: string | null | undefined;
  industry?: string | null | undefined;
}>;


export type GapAnalysisViewQuery = { gapAnalysis: { capabilities: Array<{ customerDemand: number, solutionDemand: number, supply: number, status: CoverageStatus, capability: { id: string, name: string, category: string | null } }> } };

export type CoveringPartnersQueryVariables = Exact<{
  filter?: PartnerFilter | null | undefined;
}>;


export type CoveringPartnersQuery = { partners: { totalCount: number, edges: Array<{ node: { id: string, name: string, tier: PartnerTier, lifecycleStage: LifecycleStage } }> } };

export type EcosystemMapViewQueryVariables = Exact<{
  input?: EcosystemMapInput | null | undefined;
}>;


export type EcosystemMapViewQuery = { ecosystemMap: { truncated: boolean, nodes: Array<{ id: string, entityId: string, kind: MapNodeKind, label: string, group: string | null, weight: number }>, edges: Array<{ id: string, source: string, target: string, kind: MapEdgeKind }> } | null };

export type CommunityMapViewQueryVariables = Exact<{
  input?: EcosystemMapInput | null | undefined;
}>;


export type CommunityMapViewQuery = { ecosystemMap: { truncated: boolean, nodes: Array<{ id: string, entityId: string, kind: MapNodeKind, label: string, group: string | null, weight: number }>, edges: Array<{ id: string, source: string, target: string, kind: MapEdgeKind, weight: number | null }> } | null };

export type MapChangedSubscriptionVariables = Exact<{
  input?: EcosystemMapInput | null | undefined;
}>;


export type MapChangedSubscription = { ecosystemMapChanged: { reset: boolean, truncated: boolean, nodesRemoved: Array<string>, nodesAdded: Array<{ id: string, entityId: string, kind: MapNodeKind, label: string, group: string | null, weight: number }>, nodesReweighted: Array<{ id: string, entityId: string, kind: MapNodeKind, label: string, group: string | null, weight: number }>, edgesAdded: Array<{ id: string, source: string, target: string, kind: MapEdgeKind }>, edgesRemoved: Array<{ id: string, source: string, target: string, kind: MapEdgeKind }>, edgesReweighted: Array<{ id: string, source: string, target: string, kind: MapEdgeKind }> } };

export type MapPartnerCountQueryVariables = Exact<{
  filter?: PartnerFilter | null | undefined;
}>;


export type MapPartnerCountQuery = { partners: { totalCount: number } };

export type MapCommunityMembersQueryVariables = Exact<{ [key: string]: never; }>;


export type MapCommunityMembersQuery = { partnerCommunities: { communities: { edges: Array<{ node: { id: string, members: { edges: Array<{ node: { id: string } }> } } }> } } | null };

export type MapPartnerIdsQueryVariables = Exact<{
  filter?: PartnerFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type MapPartnerIdsQuery = { partners: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartnerProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerProfileQuery = { partner: { id: string, name: string, types: Array<PartnerType>, tier: PartnerTier, lifecycleStage: LifecycleStage, regions: Array<string>, industries: Array<string>, website: string | null, capabilities: Array<{ id: string, level: CapabilityLevel, capability: { id: string, name: string, category: string | null } }>, integrations: Array<{ id: string, name: string }> } | null };

export type PartnerMatchesPanelQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type PartnerMatchesPanelQuery = { partnerMatches: Array<{ score: number, sharedCustomerCount: number | null, integrated: boolean, reasons: Array<string>, partner: { id: string, name: string, types: Array<PartnerType>, tier: PartnerTier }, complementaryCapabilities: Array<{ id: string, name: string }> }> | null };

export type AccountOverlapPanelQueryVariables = Exact<{
  id: string | number;
  otherId: string | number;
}>;


export type AccountOverlapPanelQuery = { accountOverlap: { sharedCustomerCount: number, cells: Array<{ status: AccountStatus, otherStatus: AccountStatus, count: number }>, customers: { totalCount: number, edges: Array<{ node: { id: string, name: string, region: string | null, industry: string | null } }> } | null } | null };

export type PartnerImpactPanelQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerImpactPanelQuery = { partnerImpact: { capabilitiesLost: Array<{ id: string, name: string }>, orphanedCustomers: Array<{ id: string, name: string }>, solutionsAffected: Array<{ id: string, name: string, status: SolutionStatus }>, openDealsAffected: Array<{ id: string, name: string, stage: DealStage, amount: { amount: string, currency: string } }>, revenueAtRisk: Array<{ amount: string, currency: string }> } | null };

export type PartnerDealsPanelQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type PartnerDealsPanelQuery = { partner: { id: string, dealsConnection: { totalCount: number, edges: Array<{ node: { id: string, role: DealRole, deal: { id: string, name: string, stage: DealStage, registrationStatus: RegistrationStatus, amount: { amount: string, currency: string } } } }> } } | null };

export type SearchSuggestionsQueryVariables = Exact<{
  text: string;
}>;


export type SearchSuggestionsQuery = { search: Array<{ score: number, node:
      | { __typename: 'Capability', id: string, name: string }
      | { __typename: 'Customer', id: string, name: string }
      | { __typename: 'Partner', id: string, name: string }
      | { __typename: 'Solution', id: string, name: string }
     }> };

export type AssembleSolutionViewQueryVariables = Exact<{
  input: AssembleSolutionInput;
}>;


export type AssembleSolutionViewQuery = { assembleSolution: { minimumPartnerCount: number | null, exhaustive: boolean, timedOut: boolean, notes: Array<string>, proposals: Array<{ partnerCount: number, score: number, reasons: Array<string>, partners: Array<{ suggestedRole: PartnerType, partner: { id: string, name: string, types: Array<PartnerType>, tier: PartnerTier }, covers: Array<{ id: string, name: string }> }> }>, uncoveredCapabilities: Array<{ id: string, name: string }> } };

export type SaveSolutionViewMutationVariables = Exact<{
  input: SaveSolutionInput;
}>;


export type SaveSolutionViewMutation = { saveSolution: { solution: { id: string, name: string, status: SolutionStatus } | null, errors: Array<{ path: Array<string>, message: string, code: ErrorCode }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const MapCapabilityPageDocument = new TypedDocumentString(`
    query MapCapabilityPage($after: String) {
  capabilities(first: 100, after: $after) {
    edges {
      node {
        id
        name
        category
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MapCapabilityPageQuery, MapCapabilityPageQueryVariables>;
export const MapFilterOptionsDocument = new TypedDocumentString(`
    query MapFilterOptions {
  partners(first: 100) {
    edges {
      node {
        id
        regions
        industries
      }
    }
  }
  customers(first: 100) {
    edges {
      node {
        id
        region
        industry
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MapFilterOptionsQuery, MapFilterOptionsQueryVariables>;
export const DealPanelDocument = new TypedDocumentString(`
    query DealPanel($id: ID!) {
  deal(id: $id) {
    id
    name
    stage
    createdAt
    closedAt
    direct
    amount {
      amount
      currency
    }
    customer {
      id
      name
    }
    participants {
      id
      role
      sourced
      partner {
        id
        name
      }
    }
    registrationDecision {
      status
      rule
      policyVersion
      explanation
      decidedAt
      conflictsWith {
        id
        name
      }
    }
    attributionSnapshot {
      model
      policyVersion
      at
      revised
      shares {
        partner {
          id
          name
        }
        share {
          amount
          currency
        }
      }
      dispute {
        status
        reason
        raisedBy {
          id
          name
        }
        resolutionNote
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DealPanelQuery, DealPanelQueryVariables>;
export const GapAnalysisViewDocument = new TypedDocumentString(`
    query GapAnalysisView($region: String, $industry: String) {
  gapAnalysis(region: $region, industry: $industry) {
    capabilities {
      capability {
        id
        name
        category
      }
      customerDemand
      solutionDemand
      supply
      status
    }
  }
}
    `) as unknown as TypedDocumentString<GapAnalysisViewQuery, GapAnalysisViewQueryVariables>;
export const CoveringPartnersDocument = new TypedDocumentString(`
    query CoveringPartners($filter: PartnerFilter) {
  partners(filter: $filter, first: 50) {
    totalCount
    edges {
      node {
        id
        name
        tier
        lifecycleStage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoveringPartnersQuery, CoveringPartnersQueryVariables>;
export const EcosystemMapViewDocument = new TypedDocumentString(`
    query EcosystemMapView($input: EcosystemMapInput) {
  ecosystemMap(input: $input) {
    nodes {
      id
      entityId
      kind
      label
      group
      weight
    }
    edges {
      id
      source
      target
      kind
    }
    truncated
  }
}
    `) as unknown as TypedDocumentString<EcosystemMapViewQuery, EcosystemMapViewQueryVariables>;
export const CommunityMapViewDocument = new TypedDocumentString(`
    query CommunityMapView($input: EcosystemMapInput) {
  ecosystemMap(input: $input) {
    nodes {
      id
      entityId
      kind
      label
      group
      weight
    }
    edges {
      id
      source
      target
      kind
      weight
    }
    truncated
  }
}
    `) as unknown as TypedDocumentString<CommunityMapViewQuery, CommunityMapViewQueryVariables>;
export const MapChangedDocument = new TypedDocumentString(`
    subscription MapChanged($input: EcosystemMapInput) {
  ecosystemMapChanged(input: $input) {
    reset
    truncated
    nodesAdded {
      id
      entityId
      kind
      label
      group
      weight
    }
    nodesRemoved
    nodesReweighted {
      id
      entityId
      kind
      label
      group
      weight
    }
    edgesAdded {
      id
      source
      target
      kind
    }
    edgesRemoved {
      id
      source
      target
      kind
    }
    edgesReweighted {
      id
      source
      target
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<MapChangedSubscription, MapChangedSubscriptionVariables>;
export const MapPartnerCountDocument = new TypedDocumentString(`
    query MapPartnerCount($filter: PartnerFilter) {
  partners(filter: $filter, first: 0) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<MapPartnerCountQuery, MapPartnerCountQueryVariables>;
export const MapCommunityMembersDocument = new TypedDocumentString(`
    query MapCommunityMembers {
  partnerCommunities {
    communities(first: 80) {
      edges {
        node {
          id
          members(first: 100) {
            edges {
              node {
                id
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MapCommunityMembersQuery, MapCommunityMembersQueryVariables>;
export const MapPartnerIdsDocument = new TypedDocumentString(`
    query MapPartnerIds($filter: PartnerFilter, $after: String) {
  partners(filter: $filter, first: 100, after: $after) {
    edges {
      node {
        id
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MapPartnerIdsQuery, MapPartnerIdsQueryVariables>;
export const PartnerProfileDocument = new TypedDocumentString(`
    query PartnerProfile($id: ID!) {
  partner(id: $id) {
    id
    name
    types
    tier
    lifecycleStage
    regions
    industries
    website
    capabilities {
      id
      level
      capability {
        id
        name
        category
      }
    }
    integrations {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerProfileQuery, PartnerProfileQueryVariables>;
export const PartnerMatchesPanelDocument = new TypedDocumentString(`
    query PartnerMatchesPanel($id: ID!, $first: Int) {
  partnerMatches(partnerId: $id, first: $first) {
    partner {
      id
      name
      types
      tier
    }
    score
    sharedCustomerCount
    integrated
    complementaryCapabilities {
      id
      name
    }
    reasons
  }
}
    `) as unknown as TypedDocumentString<PartnerMatchesPanelQuery, PartnerMatchesPanelQueryVariables>;
export const AccountOverlapPanelDocument = new TypedDocumentString(`
    query AccountOverlapPanel($id: ID!, $otherId: ID!) {
  accountOverlap(partnerId: $id, otherPartnerId: $otherId) {
    sharedCustomerCount
    cells {
      status
      otherStatus
      count
    }
    customers(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          region
          industry
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AccountOverlapPanelQuery, AccountOverlapPanelQueryVariables>;
export const PartnerImpactPanelDocument = new TypedDocumentString(`
    query PartnerImpactPanel($id: ID!) {
  partnerImpact(partnerId: $id) {
    capabilitiesLost {
      id
      name
    }
    orphanedCustomers {
      id
      name
    }
    solutionsAffected {
      id
      name
      status
    }
    openDealsAffected {
      id
      name
      stage
      amount {
        amount
        currency
      }
    }
    revenueAtRisk {
      amount
      currency
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerImpactPanelQuery, PartnerImpactPanelQueryVariables>;
export const PartnerDealsPanelDocument = new TypedDocumentString(`
    query PartnerDealsPanel($id: ID!, $first: Int) {
  partner(id: $id) {
    id
    dealsConnection(first: $first) {
      totalCount
      edges {
        node {
          id
          role
          deal {
            id
            name
            stage
            registrationStatus
            amount {
              amount
              currency
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDealsPanelQuery, PartnerDealsPanelQueryVariables>;
export const SearchSuggestionsDocument = new TypedDocumentString(`
    query SearchSuggestions($text: String!) {
  search(text: $text, first: 8) {
    score
    node {
      __typename
      ... on Partner {
        id
        name
      }
      ... on Capability {
        id
        name
      }
      ... on Customer {
        id
        name
      }
      ... on Solution {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchSuggestionsQuery, SearchSuggestionsQueryVariables>;
export const AssembleSolutionViewDocument = new TypedDocumentString(`
    query AssembleSolutionView($input: AssembleSolutionInput!) {
  assembleSolution(input: $input) {
    proposals {
      partnerCount
      score
      reasons
      partners {
        partner {
          id
          name
          types
          tier
        }
        covers {
          id
          name
        }
        suggestedRole
      }
    }
    uncoveredCapabilities {
      id
      name
    }
    minimumPartnerCount
    exhaustive
    timedOut
    notes
  }
}
    `) as unknown as TypedDocumentString<AssembleSolutionViewQuery, AssembleSolutionViewQueryVariables>;
export const SaveSolutionViewDocument = new TypedDocumentString(`
    mutation SaveSolutionView($input: SaveSolutionInput!) {
  saveSolution(input: $input) {
    solution {
      id
      name
      status
    }
    errors {
      path
      message
      code
    }
  }
}
    `) as unknown as TypedDocumentString<SaveSolutionViewMutation, SaveSolutionViewMutationVariables>;