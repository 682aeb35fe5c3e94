import type {
  PartnerCapabilityResolvers,
  PartnerConnectionResolvers,
  PartnerResolvers,
  SharingGrantResolvers,
} from '../src/generated/graphql.js';
import { required } from './required.js';
import { PartnerHistory, withEnded } from './Time.js';

export const Partner: PartnerResolvers = {
  // includeEnded adds the ended relationships (README "Time") from their own loaders.
  capabilities: (p, { includeEnded }, ctx) =>
    withEnded(ctx.loaders.partnerCapabilities.load(p.id), ctx.loaders.partnerEndedCapabilities, p.id, includeEnded, (h) => h.capability.id),
  integrations: async (p, { includeEnded }, ctx) => {
    const current = await ctx.loaders.partnerIntegrations.load(p.id);
    if (!includeEnded) return current;
    const seen = new Set(current.map((o) => o.id));
    const ended = (await ctx.loaders.partnerEndedIntegrations.load(p.id)).filter((o) => !seen.has(o.id));
    return [...current, ...ended].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  },
  integrationIntervals: (p, { includeEnded }, ctx) =>
    withEnded(
      ctx.loaders.partnerIntegrationIntervals.load(p.id),
      ctx.loaders.partnerEndedIntegrationIntervals,
      p.id,
      includeEnded,
      (i) => i.partner.id,
    ),
  // One loader per relationship kind; the status and stage filters apply to the loaded list.
  accounts: async (p, { status, includeEnded }, ctx) =>
    (
      await withEnded(ctx.loaders.partnerAccounts.load(p.id), ctx.loaders.partnerEndedAccounts, p.id, includeEnded, (a) => a.customerId)
    ).filter((a) => !status || a.status === status),
  solutions: (p, { includeEnded }, ctx) =>
    withEnded(ctx.loaders.partnerSolutions.load(p.id), ctx.loaders.partnerEndedSolutions, p.id, includeEnded, (m) => m.solution.id),
  deals: async (p, { stage }, ctx) => (await ctx.loaders.partnerDeals.load(p.id)).filter((d) => !stage || d.deal.stage === stage),
  sharingGrants: (p, { includeEnded }, ctx) =>
    withEnded(ctx.loaders.partnerSharingGrants.load(p.id), ctx.loaders.partnerEndedSharingGrants, p.id, includeEnded, (g) => g.toId),
  receivedSharingGrants: (p, { includeEnded }, ctx) =>
    withEnded(
      ctx.loaders.partnerReceivedSharingGrants.load(p.id),
      ctx.loaders.partnerEndedReceivedSharingGrants,
      p.id,
      includeEnded,
      (g) => g.fromId,
    ),
  ...PartnerHistory,
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
