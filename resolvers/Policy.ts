// The policy's fields (schema/policy.graphql): the rules of engagement and their versions, a deal's
// registration decision read as of now, and the simulation of a registration.
import { GraphQLError } from 'graphql';
import type {
  AttributionDisputeResolvers,
  AttributionSnapshotResolvers,
  DealResolvers,
  FrozenShareResolvers,
  MutationResolvers,
  QueryResolvers,
  RegistrationDecisionResolvers,
} from '../src/generated/graphql.js';
import type { DealRow } from '../src/model/rows.js';
import { recordExpiredRegistrations } from '../src/policy/expiry.js';
import { required } from './required.js';

export const PolicyQuery: QueryResolvers = {
  rulesOfEngagement: (_p, _a, ctx) => ctx.services.policy.rulesOfEngagement(),
  rulesOfEngagementVersions: (_p, _a, ctx) => ctx.services.policy.rulesOfEngagementVersions(),
  simulateRegistration: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.dealRegistration.simulateRegistration(input);
    if (!value) {
      // The problems registerDeal would report as payload errors: the first gives the code and path, all are listed.
      const first = errors[0]!;
      throw new GraphQLError(errors.map((e) => `${e.path.join('.')}: ${e.message}`).join('; '), {
        extensions: { code: first.code, path: first.path, problems: errors },
      });
    }
    return ctx.services.policy.simulatedDecisionAsOfNow(value.decision, value.deal);
  },
};

export const PolicyMutation: MutationResolvers = {
  disputeAttribution: async (_p, args, ctx) => {
    const { value, errors } = await ctx.services.attributionSnapshots.disputeAttribution(args, ctx.viewer.subject);
    return { deal: value, errors };
  },
  resolveAttributionDispute: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.attributionSnapshots.resolveAttributionDispute(input, ctx.viewer.subject);
    return { deal: value, errors };
  },
  recordExpiredRegistrations: async (_p, _a, ctx) => ({ dealIds: await recordExpiredRegistrations(ctx.db), errors: [] }),
  setRulesOfEngagement: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.policy.setRulesOfEngagement(input, ctx.viewer.subject);
    return { rules: value, errors };
  },
};

/** The Deal fields the policy adds; registrationStatus reads as of now (EXPIRED once a protection window ends). */
export const PolicyDeal: DealResolvers = {
  registrationStatus: (d: DealRow, _a, ctx) => ctx.services.policy.registrationStatus(d),
  direct: (d: DealRow, _a, ctx) => ctx.services.policy.direct(d.id),
  registrationDecision: (d: DealRow, _a, ctx) => ctx.services.policy.registrationDecision(d.id),
  attributionSnapshot: (d: DealRow, _a, ctx) => ctx.services.attributionSnapshots.snapshot(d.id),
};

export const AttributionSnapshot: AttributionSnapshotResolvers = {
  policyVersion: (s) => Number(s.policyVersion),
  shares: (s) => s.partnerIds.map((partnerId, i) => ({ partnerId, minor: BigInt(s.minors[i]!), currency: s.currency })),
};

export const FrozenShare: FrozenShareResolvers = {
  partner: async (s, _a, ctx) => required(await ctx.loaders.partner.load(s.partnerId), 'partner', s.partnerId),
  share: (s) => ({ minor: s.minor, currency: s.currency }),
};

export const AttributionDispute: AttributionDisputeResolvers = {
  raisedBy: (d, _a, ctx) => ctx.loaders.partner.load(d.raisedBy),
  resolutionNote: (d) => d.note,
};

export const RegistrationDecision: RegistrationDecisionResolvers = {
  conflictsWith: async (r, _a, ctx) =>
    (await ctx.loaders.deal.loadMany(r.conflictsWithIds)).filter((d): d is DealRow => d !== null && !(d instanceof Error)),
};
