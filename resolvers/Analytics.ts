import type {
  CommunityConnectionResolvers,
  CommunityPartitionResolvers,
  CommunityResolvers,
  QueryResolvers,
} from '../src/generated/graphql.js';
import { BadInputError } from '../src/errors.js';
import { pageRequest, toConnection } from '../src/model/pagination.js';
import { required } from './required.js';

/** One page of an in-memory list ordered as given; the cursor is an item's id. */
function pageOf<T extends { id: string }>(items: T[], first: number | null | undefined, after: string | null | undefined, field: string) {
  const page = pageRequest(first, after);
  let start = 0;
  if (page.after !== null) {
    const at = items.findIndex((x) => x.id === page.after);
    if (at < 0) throw new BadInputError(`after names no item of ${field}`, [field, 'after']);
    start = at + 1;
  }
  return toConnection(items.slice(start, start + page.limit), page, async () => items.length);
}

export const AnalyticsQuery: Pick<
  QueryResolvers,
  'partnerCommunities' | 'brokerPartners' | 'lookalikePartners' | 'recruitmentCandidates' | 'predictedIntegrations'
> = {
  partnerCommunities: (_p, _a, ctx) => ctx.services.analytics.partnerCommunities(),
  brokerPartners: (_p, { first }, ctx) => ctx.services.analytics.brokerPartners(first),
  lookalikePartners: (_p, { partnerId, first, stages }, ctx) => ctx.services.analytics.lookalikePartners(partnerId, first, stages),
  recruitmentCandidates: (_p, { exemplarIds, first }, ctx) =>
    ctx.services.analytics.recruitmentCandidates(
      exemplarIds,
      first,
      async () => (await ctx.services.gapAnalysis.gapAnalysis(null, null)).capabilities,
    ),
  predictedIntegrations: (_p, { partnerId, first }, ctx) => ctx.services.analytics.predictedIntegrations(partnerId, first),
};

export const CommunityPartition: CommunityPartitionResolvers = {
  communities: (partition, { first, after }) => pageOf(partition.communities, first, after, 'communities'),
};

export const CommunityConnection: CommunityConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};

export const Community: CommunityResolvers = {
  topCapabilities: (c, _a, ctx) =>
    Promise.all(
      c.topCapabilities.map(async (t) => ({
        capability: required(await ctx.loaders.capability.load(t.id), 'capability', t.id),
        members: t.members,
      })),
    ),
  members: (c, { first, after }) => pageOf(c.members, first, after, 'members'),
};
