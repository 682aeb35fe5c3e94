import type {
  PartnerCapabilityResolvers,
  PartnerConnectionResolvers,
  PartnerResolvers,
  SharingGrantResolvers,
} from '../src/generated/graphql.js';
import { required } from './required.js';

export const Partner: PartnerResolvers = {
  capabilities: (p, _a, ctx) => ctx.loaders.partnerCapabilities.load(p.id),
  integrations: (p, _a, ctx) => ctx.loaders.partnerIntegrations.load(p.id),
  // One loader per relationship kind; the status and stage filters apply to the loaded list.
  accounts: async (p, { status }, ctx) => (await ctx.loaders.partnerAccounts.load(p.id)).filter((a) => !status || a.status === status),
  solutions: (p, _a, ctx) => ctx.loaders.partnerSolutions.load(p.id),
  deals: async (p, { stage }, ctx) => (await ctx.loaders.partnerDeals.load(p.id)).filter((d) => !stage || d.deal.stage === stage),
  sharingGrants: (p, _a, ctx) => ctx.loaders.partnerSharingGrants.load(p.id),
  receivedSharingGrants: (p, _a, ctx) => ctx.loaders.partnerReceivedSharingGrants.load(p.id),
  externalIds: (p, _a, ctx) => ctx.loaders.partnerExternalIds.load(p.id),
};

export const PartnerCapability: PartnerCapabilityResolvers = {};

export const SharingGrant: SharingGrantResolvers = {
  from: (g, _a, ctx) => g.from ?? ctx.loaders.partner.load(g.fromId).then((p) => required(p, 'partner', g.fromId)),
  to: (g, _a, ctx) => g.to ?? ctx.loaders.partner.load(g.toId).then((p) => required(p, 'partner', g.toId)),
};

export const PartnerConnection: PartnerConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
