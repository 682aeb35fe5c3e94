// Every resolver map, merged for Apollo Server.
import type { Resolvers } from '../src/generated/graphql.js';
import { Partner, PartnerCapability, PartnerConnection, SharingGrant } from './Partner.js';
import { Account } from './Account.js';
import { AccountOverlap } from './AccountOverlap.js';
import { Capability, CapabilityConnection } from './Capability.js';
import { Customer, CustomerConnection, CustomerDuplicateGroup, CustomerDuplicateGroupConnection } from './Customer.js';
import { Deal, DealConnection } from './Deal.js';
import { AttributionShare, DealAttribution } from './DealAttribution.js';
import { EcosystemHealth } from './EcosystemHealth.js';
import { PartnerRevenue } from './PartnerRevenue.js';
import { Money } from './Money.js';
import { Mutation } from './Mutation.js';
import { SearchHit, SearchResult } from './Search.js';
import { Solution, SolutionConnection } from './Solution.js';
import { Query } from './Query.js';
import { AnalyticsQuery, Community, CommunityConnection, CommunityPartition } from './Analytics.js';
import { guardRootFields } from '../src/auth/permissions.js';
import { scalars } from './scalars.js';
import {
  AttributionDispute,
  AttributionSnapshot,
  FrozenShare,
  PolicyDeal,
  PolicyMutation,
  PolicyQuery,
  RegistrationDecision,
} from './Policy.js';

export const resolvers: Resolvers = {
  ...scalars,
  // Roles are checked in one place before any root field runs (src/auth/permissions.ts).
  Query: guardRootFields('Query', { ...Query, ...AnalyticsQuery, ...PolicyQuery }),
  Partner,
  PartnerCapability,
  PartnerConnection,
  SharingGrant,
  Account,
  Capability,
  CapabilityConnection,
  Customer,
  CustomerConnection,
  CustomerDuplicateGroup,
  CustomerDuplicateGroupConnection,
  Solution,
  SolutionConnection,
  Deal: { ...Deal, ...PolicyDeal },
  RegistrationDecision,
  AttributionSnapshot,
  FrozenShare,
  AttributionDispute,
  DealConnection,
  DealAttribution,
  AttributionShare,
  PartnerRevenue,
  EcosystemHealth,
  Money,
  AccountOverlap,
  SearchHit,
  SearchResult,
  CommunityPartition,
  CommunityConnection,
  Community,
  Mutation: guardRootFields('Mutation', { ...Mutation, ...PolicyMutation }),
};
