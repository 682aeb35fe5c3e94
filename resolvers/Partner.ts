import type { PartnerCapabilityResolvers, PartnerConnectionResolvers, PartnerResolvers } from '../src/generated/graphql.js';

export const Partner: PartnerResolvers = {
  capabilities: (p, _a, ctx) => ctx.loaders.partnerCapabilities.load(p.id),
};

export const PartnerCapability: PartnerCapabilityResolvers = {};

export const PartnerConnection: PartnerConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
