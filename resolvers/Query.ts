import type { QueryResolvers } from '../src/generated/graphql.js';
import { pageArgs } from '../src/relay/ordered-pages.js';

const byId = <T>(id: string | null, loader: { load(id: string): Promise<T | null> }): Promise<T | null> | null =>
  id === null ? null : loader.load(id);

export const Query: QueryResolvers = {
  health: (_p, _a, ctx) => ctx.services.health.check(),
  partner: (_p, { id }, ctx) => ctx.loaders.partner.load(id),
  capability: (_p, { id }, ctx) => ctx.loaders.capability.load(id),
  capabilities: (_p, { filter, orderBy, ...page }, ctx) => ctx.services.capabilities.listCapabilities(filter, orderBy, pageArgs(page)),
  customer: (_p, { id }, ctx) => ctx.loaders.customer.load(id),
  customers: (_p, { filter, orderBy, ...page }, ctx) => ctx.services.customers.listCustomers(filter, orderBy, pageArgs(page)),
  solution: (_p, { id }, ctx) => ctx.loaders.solution.load(id),
  solutions: (_p, { filter, orderBy, ...page }, ctx) => ctx.services.solutions.listSolutions(filter, orderBy, pageArgs(page)),
  deal: (_p, { id }, ctx) => ctx.loaders.deal.load(id),
  deals: (_p, { filter, orderBy, ...page }, ctx) => ctx.services.dealQueries.listDeals(filter, orderBy, pageArgs(page)),
  search: (_p, { text, first }, ctx) => ctx.services.search.search(text, first),
  dealConflicts: (_p, { orderBy, ...page }, ctx) => ctx.services.dealRegistration.dealConflicts(orderBy, pageArgs(page)),
  dealAttribution: (_p, { dealId, model, weights, halfLifeDays }, ctx) =>
    ctx.services.dealAttribution.dealAttribution(dealId, model, weights, halfLifeDays),
  partnerRevenue: (_p, { partnerId, from, to }, ctx) => ctx.services.partnerRevenue.partnerRevenue(partnerId, from, to),
  ecosystemHealth: (_p, { from, to }, ctx) => ctx.services.ecosystemHealth.ecosystemHealth(from, to),
  coSellRecommendations: (_p, { dealId, first }, ctx) => ctx.services.coSell.coSellRecommendations(dealId, first),
  partnerMatches: (_p, { partnerId, first, asOf }, ctx) => ctx.services.partnerMatches.partnerMatches(partnerId, first, asOf),
  accountOverlap: (_p, { partnerId, otherPartnerId, asOf }, ctx) =>
    ctx.services.accountOverlap.accountOverlap(partnerId, otherPartnerId, asOf),
  assembleSolution: (_p, { input }, ctx) => ctx.services.solutionAssembly.assembleSolution(input),
  gapAnalysis: (_p, { region, industry, asOf }, ctx) => ctx.services.gapAnalysis.gapAnalysis(region, industry, asOf),
  partnerImpact: (_p, { partnerId, asOf }, ctx) => ctx.services.partnerImpact.partnerImpact(partnerId, asOf),
  ecosystemMap: (_p, { input }, ctx) => ctx.services.ecosystemMap.ecosystemMap(input),
  // Time (README, "Time"): lifecycle, trends and churn risk.
  partnerLifecycle: (_p, { partnerId, asOf }, ctx) => ctx.services.time.partnerLifecycle(partnerId, asOf),
  ecosystemTrends: (_p, { from, to, interval }, ctx) => ctx.services.time.ecosystemTrends(from, to, interval),
  atRiskPartners: (_p, { asOf, first }, ctx) => ctx.services.time.atRiskPartners(asOf, first),
  // Look-ups by external id: the id found is loaded like partner/customer/deal, so scoped the same way.
  partnerByExternalId: async (_p, { system, id }, ctx) =>
    byId(await ctx.services.identity.idByExternalId('Partner', system, id), ctx.loaders.partner),
  customerByExternalId: async (_p, { system, id }, ctx) =>
    byId(await ctx.services.identity.idByExternalId('Customer', system, id), ctx.loaders.customer),
  dealByExternalId: async (_p, { system, id }, ctx) =>
    byId(await ctx.services.identity.idByExternalId('Deal', system, id), ctx.loaders.deal),
  customerDuplicates: (_p, args, ctx) => ctx.services.identity.customerDuplicates(args),
};
