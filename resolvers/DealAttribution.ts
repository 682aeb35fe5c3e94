import type { AttributionShareResolvers, DealAttributionResolvers } from '../src/generated/graphql.js';
import { required } from './required.js';

export const DealAttribution: DealAttributionResolvers = {};

export const AttributionShare: AttributionShareResolvers = {
  partner: async (s, _a, ctx) => required(await ctx.loaders.partner.load(s.partnerId), 'partner', s.partnerId),
};
