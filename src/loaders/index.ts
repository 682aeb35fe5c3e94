// The per-request DataLoaders, created with the request context.
import type { CypherExecutor } from '../db/executor.js';
import type {
  AccountRow,
  CapabilityHolderRow,
  CapabilityRow,
  CustomerRow,
  DealParticipantRow,
  DealParticipationRow,
  DealRow,
  DealEventRow,
  PartnerCapabilityRow,
  PartnerHistoriesRow,
  PartnerIntegrationRow,
  PartnerRow,
  SharingGrantRow,
  SolutionMemberRow,
  SolutionMembershipRow,
  SolutionRow,
} from '../model/rows.js';
import type { ExternalIdValue } from '../identity/identity.js';
import { entityLoader, listLoader } from './batch.js';
import { createRelayLoaders } from '../relay/relay-loaders.js';

export function createLoaders(db: CypherExecutor) {
  return {
    partner: entityLoader<PartnerRow>(db, 'partners/get-partners-by-ids'),
    partnerCapabilities: listLoader<PartnerCapabilityRow>(db, 'partners/get-partner-capabilities', 'partnerId'),
    partnerIntegrations: listLoader<PartnerRow>(db, 'partners/get-partner-integrations'),
    partnerAccounts: listLoader<AccountRow>(db, 'partners/get-partner-accounts'),
    partnerSolutions: listLoader<SolutionMembershipRow>(db, 'partners/get-partner-solutions', 'partnerId'),
    partnerDeals: listLoader<DealParticipationRow>(db, 'partners/get-partner-deals', 'partnerId'),
    partnerSharingGrants: listLoader<SharingGrantRow>(db, 'partners/get-partner-sharing-grants'),
    partnerReceivedSharingGrants: listLoader<SharingGrantRow>(db, 'partners/get-partner-received-sharing-grants'),
    // Ended relationships (HAD_*, README "Time"), read only for includeEnded: true.
    partnerEndedCapabilities: listLoader<PartnerCapabilityRow>(db, 'partners/get-partner-ended-capabilities'),
    partnerEndedIntegrations: listLoader<PartnerRow>(db, 'partners/get-partner-ended-integrations'),
    partnerIntegrationIntervals: listLoader<PartnerIntegrationRow>(db, 'partners/get-partner-integration-intervals', 'ownerId'),
    partnerEndedIntegrationIntervals: listLoader<PartnerIntegrationRow>(db, 'partners/get-partner-ended-integration-intervals', 'ownerId'),
    partnerEndedAccounts: listLoader<AccountRow>(db, 'partners/get-partner-ended-accounts'),
    partnerEndedSolutions: listLoader<SolutionMembershipRow>(db, 'partners/get-partner-ended-solutions'),
    partnerEndedSharingGrants: listLoader<SharingGrantRow>(db, 'partners/get-partner-ended-sharing-grants'),
    partnerEndedReceivedSharingGrants: listLoader<SharingGrantRow>(db, 'partners/get-partner-ended-received-sharing-grants'),
    customerEndedAccounts: listLoader<AccountRow>(db, 'customers/get-customer-ended-accounts'),
    solutionEndedMembers: listLoader<SolutionMemberRow>(db, 'solutions/get-solution-ended-members'),
    partnerHistories: entityLoader<PartnerHistoriesRow>(db, 'partners/get-partner-histories'),
    capability: entityLoader<CapabilityRow>(db, 'capabilities/get-capabilities-by-ids'),
    capabilityChildren: listLoader<CapabilityRow>(db, 'capabilities/get-capability-children'),
    capabilityHolders: listLoader<CapabilityHolderRow>(db, 'capabilities/get-capability-holders', 'capabilityId'),
    capabilityNeededBy: listLoader<CustomerRow>(db, 'capabilities/get-capability-needed-by'),
    capabilityRequiredBy: listLoader<SolutionRow>(db, 'capabilities/get-capability-required-by'),
    customer: entityLoader<CustomerRow>(db, 'customers/get-customers-by-ids'),
    customerNeeds: listLoader<CapabilityRow>(db, 'customers/get-customer-needs'),
    customerAccounts: listLoader<AccountRow>(db, 'customers/get-customer-accounts'),
    customerDeals: listLoader<DealRow>(db, 'customers/get-customer-deals'),
    solution: entityLoader<SolutionRow>(db, 'solutions/get-solutions-by-ids'),
    solutionRequires: listLoader<CapabilityRow>(db, 'solutions/get-solution-requires'),
    solutionMembers: listLoader<SolutionMemberRow>(db, 'solutions/get-solution-members', 'solutionId'),
    solutionDeals: listLoader<DealRow>(db, 'solutions/get-solution-deals'),
    deal: entityLoader<DealRow>(db, 'deals/get-deals-by-ids'),
    dealParticipants: listLoader<DealParticipantRow>(db, 'deals/get-deal-participants', 'dealId'),
    dealConflictsWith: listLoader<DealRow>(db, 'deals/get-deal-conflicts-with'),
    dealHistory: listLoader<DealEventRow>(db, 'deals/get-deal-history'),
    partnerExternalIds: listLoader<ExternalIdValue>(db, 'identity/get-partner-external-ids'),
    capabilityExternalIds: listLoader<ExternalIdValue>(db, 'identity/get-capability-external-ids'),
    customerExternalIds: listLoader<ExternalIdValue>(db, 'identity/get-customer-external-ids'),
    solutionExternalIds: listLoader<ExternalIdValue>(db, 'identity/get-solution-external-ids'),
    dealExternalIds: listLoader<ExternalIdValue>(db, 'identity/get-deal-external-ids'),
    relay: createRelayLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
