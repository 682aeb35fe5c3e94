import type { AccountOverlapResolvers } from '../src/generated/graphql.js';

export const AccountOverlap: AccountOverlapResolvers = {
  customers: (o, { first, after }, ctx) => ctx.services.accountOverlap.sharedCustomers(o, first, after),
};
