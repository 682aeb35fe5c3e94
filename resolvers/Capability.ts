import type { CapabilityConnectionResolvers, CapabilityResolvers } from '../src/generated/graphql.js';

export const Capability: CapabilityResolvers = {
  parent: (c, _a, ctx) => (c.parentId ? ctx.loaders.capability.load(c.parentId) : null),
  children: (c, _a, ctx) => ctx.loaders.capabilityChildren.load(c.id),
  externalIds: (c, _a, ctx) => ctx.loaders.capabilityExternalIds.load(c.id),
  partners: async (c, { level }, ctx) => (await ctx.loaders.capabilityHolders.load(c.id)).filter((h) => !level || h.level === level),
  neededBy: (c, _a, ctx) => ctx.loaders.capabilityNeededBy.load(c.id),
  requiredBy: (c, _a, ctx) => ctx.loaders.capabilityRequiredBy.load(c.id),
};

export const CapabilityConnection: CapabilityConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
