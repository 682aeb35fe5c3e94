import type { QueryResolvers } from '../src/generated/graphql.js';

export const Query: QueryResolvers = {
  health: (_p, _a, ctx) => ctx.services.health.check(),
  partner: (_p, { id }, ctx) => ctx.loaders.partner.load(id),
  partners: (_p, { filter, first, after }, ctx) => ctx.services.partners.listPartners(filter, first, after),
};
