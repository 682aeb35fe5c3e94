import type { AccountResolvers } from '../src/generated/graphql.js';
import { required } from './required.js';

// Rows read from either side carry the far end; the entity loaders cover the rest.
export const Account: AccountResolvers = {
  partner: async (a, _x, ctx) => a.partner ?? required(await ctx.loaders.partner.load(a.partnerId), 'partner', a.partnerId),
  customer: async (a, _x, ctx) => a.customer ?? required(await ctx.loaders.customer.load(a.customerId), 'customer', a.customerId),
};
