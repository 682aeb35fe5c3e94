// The policy's fields (schema/policy.graphql): the rules of engagement and their versions, a deal's
// registration decision read as of now, and the simulation of a registration.
import { GraphQLError } from 'graphql';
import type { DealResolvers, MutationResolvers, QueryResolvers, RegistrationDecisionResolvers } from '../src/generated/graphql.js';
import type { DealRow } from '../src/model/rows.js';
import { recordExpiredRegistrations } from '../src/policy/expiry.js';

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
};

export const RegistrationDecision: RegistrationDecisionResolvers = {
  conflictsWith: async (r, _a, ctx) =>
    (await ctx.loaders.deal.loadMany(r.conflictsWithIds)).filter((d): d is DealRow => d !== null && !(d instanceof Error)),
};
