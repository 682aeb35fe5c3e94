import type { SolutionConnectionResolvers, SolutionResolvers } from '../src/generated/graphql.js';
import { withEnded } from './Time.js';

export const Solution: SolutionResolvers = {
  requires: (s, _a, ctx) => ctx.loaders.solutionRequires.load(s.id),
  members: (s, { includeEnded }, ctx) =>
    withEnded(ctx.loaders.solutionMembers.load(s.id), ctx.loaders.solutionEndedMembers, s.id, includeEnded, (m) => m.partner.id),
  externalIds: (s, _a, ctx) => ctx.loaders.solutionExternalIds.load(s.id),
  deals: (s, _a, ctx) => ctx.loaders.solutionDeals.load(s.id),
};

export const SolutionConnection: SolutionConnectionResolvers = {
  totalCount: (c) => c.totalCount(),
};
