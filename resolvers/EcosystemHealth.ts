import type { EcosystemHealthResolvers } from '../src/generated/graphql.js';
import { pageSize } from '../src/model/pagination.js';

export const EcosystemHealth: EcosystemHealthResolvers = {
  topConnectors: async (h, { first }, ctx) => {
    const size = pageSize(first, 5);
    const partners = await ctx.loaders.partner.loadMany(h.connectorIds.slice(0, size));
    return partners.filter((p): p is Exclude<typeof p, Error | null> => p !== null && !(p instanceof Error));
  },
};
