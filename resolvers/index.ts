// Every resolver map, merged for Apollo Server.
import type { Resolvers } from '../src/generated/graphql.js';
import { Partner, PartnerCapability, PartnerConnection, SharingGrant } from './Partner.js';
import { PartnerIntegration } from './Time.js';
import { Account } from './Account.js';
import { AccountOverlap } from './AccountOverlap.js';
import { Capability, CapabilityConnection } from './Capability.js';
import { Customer, CustomerConnection, CustomerDuplicateGroup, CustomerDuplicateGroupConnection } from './Customer.js';
import { Deal, DealConnection } from './Deal.js';
import { AttributionShare, DealAttribution } from './DealAttribution.js';
import { AttributedPartner, EcosystemHealth } from './EcosystemHealth.js';
import { PartnerRevenue } from './PartnerRevenue.js';
import { Money } from './Money.js';
import { Mutation } from './Mutation.js';
import { SearchHit, SearchResult } from './Search.js';
import { Solution, SolutionConnection } from './Solution.js';
import { Query } from './Query.js';
import { Change, ChangeQuery } from './Change.js';
import { AnalyticsQuery, Community, CommunityConnection, CommunityPartition } from './Analytics.js';
import { Subscription, Webhook, WebhookDelivery, WebhookMutation, WebhookQuery } from './Webhook.js';
import { guardRootFields } from '../src/auth/permissions.js';
import { compiledCustomer, compiledDeal, compiledPartner, compiledQuery } from './Read.js';
import { scalars } from './scalars.js';
import {
  AccountConnection,
  MapEdge,
  MapNode,
  Node,
  RelayAccount,
  RelayCapabilityHolder,
  RelayCustomer,
  RelayDealParticipant,
  RelayDealParticipation,
  RelayPartner,
  RelayPartnerCapability,
  RelayQuery,
  ListConnections,
  lazyConnectionResolvers,
  RelaySharingGrant,
  RelaySolutionMember,
  RelaySolutionMembership,
} from './Relay.js';
import {
  AttributionDispute,
  AttributionSnapshot,
  FrozenShare,
  PolicyDeal,
  PolicyMutation,
  PolicyQuery,
  RegistrationDecision,
} from './Policy.js';
import { ProgramConflict, ProgramEnrolment, ProgramMutation, ProgramQuery, TierEvaluation, TierMismatch } from './Programs.js';

/** partner, partners and customers read as one statement each when the selection allows (resolvers/Read.ts). */
function compiledRoots<Q extends Pick<Required<Resolvers>['Query'], 'partner' | 'partners' | 'customers'>>(query: Q): Q {
  return { ...query, ...compiledQuery(query as never) };
}

export const resolvers: Resolvers = {
  ...scalars,
  // Roles are checked in one place before any root field runs (src/auth/permissions.ts).
  Query: guardRootFields(
    'Query',
    compiledRoots({
      ...Query,
      ...AnalyticsQuery,
      ...RelayQuery,
      ...ChangeQuery,
      ...WebhookQuery,
      ...PolicyQuery,
      ...ProgramQuery,
    }),
  ),
  Change,
  Partner: compiledPartner({ ...Partner, ...RelayPartner, ...ListConnections.Partner }),
  PartnerCapability: { ...PartnerCapability, ...RelayPartnerCapability },
  PartnerIntegration,
  PartnerConnection,
  SharingGrant: { ...SharingGrant, ...RelaySharingGrant },
  Account: { ...Account, ...RelayAccount },
  AccountConnection,
  PartnerCapabilitiesConnection: lazyConnectionResolvers,
  PartnerIntegrationsConnection: lazyConnectionResolvers,
  PartnerSolutionsConnection: lazyConnectionResolvers,
  PartnerDealsConnection: lazyConnectionResolvers,
  PartnerSharingGrantsConnection: lazyConnectionResolvers,
  PartnerReceivedSharingGrantsConnection: lazyConnectionResolvers,
  CapabilityChildrenConnection: lazyConnectionResolvers,
  CapabilityPartnersConnection: lazyConnectionResolvers,
  CapabilityNeededByConnection: lazyConnectionResolvers,
  CapabilityRequiredByConnection: lazyConnectionResolvers,
  CustomerNeedsConnection: lazyConnectionResolvers,
  CustomerDealsConnection: lazyConnectionResolvers,
  SolutionRequiresConnection: lazyConnectionResolvers,
  SolutionMembersConnection: lazyConnectionResolvers,
  SolutionDealsConnection: lazyConnectionResolvers,
  DealParticipantsConnection: lazyConnectionResolvers,
  DealConflictsWithConnection: lazyConnectionResolvers,
  Node,
  MapNode,
  MapEdge,
  CapabilityHolder: RelayCapabilityHolder,
  SolutionMembership: RelaySolutionMembership,
  SolutionMember: RelaySolutionMember,
  DealParticipation: RelayDealParticipation,
  DealParticipant: RelayDealParticipant,
  Capability: { ...Capability, ...ListConnections.Capability },
  CapabilityConnection,
  Customer: compiledCustomer({ ...Customer, ...RelayCustomer, ...ListConnections.Customer }),
  CustomerConnection,
  CustomerDuplicateGroup,
  CustomerDuplicateGroupConnection,
  Solution: { ...Solution, ...ListConnections.Solution },
  SolutionConnection,
  Deal: compiledDeal({ ...Deal, ...ListConnections.Deal, ...PolicyDeal }),
  RegistrationDecision,
  AttributionSnapshot,
  FrozenShare,
  AttributionDispute,
  ProgramEnrolment,
  TierEvaluation,
  TierMismatch,
  ProgramConflict,
  DealConnection,
  DealAttribution,
  AttributionShare,
  PartnerRevenue,
  EcosystemHealth,
  AttributedPartner,
  Money,
  AccountOverlap,
  SearchHit,
  SearchResult,
  CommunityPartition,
  CommunityConnection,
  Community,
  Mutation: guardRootFields('Mutation', { ...Mutation, ...WebhookMutation, ...PolicyMutation, ...ProgramMutation }),
  // Subscriptions check their permissions when they start (src/events/subscriptions.ts).
  Subscription,
  Webhook,
  WebhookDelivery,
};
