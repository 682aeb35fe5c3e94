import type { EcosystemHealthResolvers } from '../src/generated/graphql.js';
import { BadInputError } from '../src/errors.js';
import { MAX_PAGE_SIZE } from '../src/model/pagination.js';

export const EcosystemHealth: EcosystemHealthResolvers = {
  topConnectors: async (h, { first }, ctx) => {
    const size = first ?? 5;
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, ['first']);
    const partners = await ctx.loaders.partner.loadMany(h.connectorIds.slice(0, size));
    return partners.filter((p): p is Exclude<typeof p, Error | null> => p !== null && !(p instanceof Error));
  },
};
