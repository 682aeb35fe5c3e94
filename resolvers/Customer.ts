import type { CustomerConnectionResolvers, CustomerResolvers } from '../src/generated/graphql.js';

export const Customer: CustomerResolvers = {
  needs: (c, _a, ctx) => ctx.loaders.customerNeeds.load(c.id),
  accounts: async (c, { status }, ctx) => (await ctx.loaders.customerAccounts.load(c.id)).filter((a) => !status || a.status === status),
  deals: async (c, { stage }, ctx) => (await ctx.loaders.customerDeals.load(c.id)).filter((d) => !stage || d.stage === stage),
};

export const CustomerConnection: CustomerConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
