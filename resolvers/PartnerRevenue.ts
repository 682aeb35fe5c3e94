import type { PartnerRevenueResolvers } from '../src/generated/graphql.js';
import { required } from './required.js';

export const PartnerRevenue: PartnerRevenueResolvers = {
  partner: async (r, _a, ctx) => required(await ctx.loaders.partner.load(r.partnerId), 'partner', r.partnerId),
};
