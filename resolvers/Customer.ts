import type {
  CustomerConnectionResolvers,
  CustomerDuplicateGroupConnectionResolvers,
  CustomerDuplicateGroupResolvers,
  CustomerResolvers,
} from '../src/generated/graphql.js';
import { required } from './required.js';
import { withEnded } from './Time.js';

export const Customer: CustomerResolvers = {
  needs: (c, _a, ctx) => ctx.loaders.customerNeeds.load(c.id),
  accounts: async (c, { status, includeEnded }, ctx) =>
    (
      await withEnded(ctx.loaders.customerAccounts.load(c.id), ctx.loaders.customerEndedAccounts, c.id, includeEnded, (a) => a.partnerId)
    ).filter((a) => !status || a.status === status),
  deals: async (c, { stage }, ctx) => (await ctx.loaders.customerDeals.load(c.id)).filter((d) => !stage || d.stage === stage),
  domain: (c) => c.domain ?? null,
  externalIds: (c, _a, ctx) => ctx.loaders.customerExternalIds.load(c.id),
};

export const CustomerConnection: CustomerConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};

export const CustomerDuplicateGroup: CustomerDuplicateGroupResolvers = {
  members: (g, _a, ctx) => Promise.all(g.memberIds.map(async (id) => required(await ctx.loaders.customer.load(id), 'customer', id))),
};

export const CustomerDuplicateGroupConnection: CustomerDuplicateGroupConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
