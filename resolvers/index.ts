// Every resolver map, merged for Apollo Server.
import type { Resolvers } from '../src/generated/graphql.js';
import { Partner, PartnerCapability, PartnerConnection } from './Partner.js';
import { Query } from './Query.js';
import { scalars } from './scalars.js';

export const resolvers: Resolvers = {
  ...scalars,
  Query,
  Partner,
  PartnerCapability,
  PartnerConnection,
};
