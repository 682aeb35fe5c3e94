import type { DealConnectionResolvers, DealResolvers } from '../src/generated/graphql.js';
import { required } from './required.js';

export const Deal: DealResolvers = {
  customer: async (d, _a, ctx) => required(await ctx.loaders.customer.load(d.customerId), 'customer', d.customerId),
  solution: (d, _a, ctx) => (d.solutionId ? ctx.loaders.solution.load(d.solutionId) : null),
  externalIds: (d, _a, ctx) => ctx.loaders.dealExternalIds.load(d.id),
  amount: (d) => ({ minor: BigInt(d.amountMinor), currency: d.currency }),
  participants: (d, _a, ctx) => d.participants ?? ctx.loaders.dealParticipants.load(d.id),
  conflictsWith: (d, _a, ctx) => ctx.loaders.dealConflictsWith.load(d.id),
  history: (d, _a, ctx) => ctx.loaders.dealHistory.load(d.id),
};

export const DealConnection: DealConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
