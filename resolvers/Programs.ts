// The programs' fields (schema/programs.graphql; README, "Programs and tiers"): programs and enrolments, the tier
// evaluation, the mismatches and the conflicts, each a call into src/programs/program-service.ts.
import type {
  MutationResolvers,
  ProgramConflictResolvers,
  ProgramEnrolmentResolvers,
  QueryResolvers,
  TierEvaluationResolvers,
  TierMismatchResolvers,
} from '../src/generated/graphql.js';
import { required } from './required.js';

export const ProgramQuery: QueryResolvers = {
  programs: (_p, { partnerType }, ctx) => ctx.services.programs.programs(partnerType),
  program: (_p, { id }, ctx) => ctx.services.programs.program(id),
  tierEvaluation: (_p, { partnerId, programId, asOf }, ctx) => ctx.services.programs.tierEvaluation(partnerId, programId, asOf),
  tierMismatches: (_p, { programId, asOf, ...page }, ctx) => ctx.services.programs.tierMismatches(programId, asOf, page),
  programConflicts: (_p, args, ctx) => ctx.services.programs.programConflicts(args),
};

export const ProgramMutation: MutationResolvers = {
  createProgram: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.programs.createProgram(input);
    return { program: value, errors };
  },
  updateProgram: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.programs.updateProgram(input);
    return { program: value, errors };
  },
  deleteProgram: async (_p, args, ctx) => {
    const { value, errors } = await ctx.services.programs.deleteProgram(args);
    return { deletedId: value, errors };
  },
  enrolPartner: async (_p, { input }, ctx) => {
    const { value, errors } = await ctx.services.programs.enrolPartner(input);
    return { program: value, errors };
  },
  unenrolPartner: async (_p, args, ctx) => {
    const { value, errors } = await ctx.services.programs.unenrolPartner(args);
    return { program: value, errors };
  },
};

export const ProgramEnrolment: ProgramEnrolmentResolvers = {
  partner: async (e, _a, ctx) => required(await ctx.loaders.partner.load(e.partnerId), 'partner', e.partnerId),
};

export const TierEvaluation: TierEvaluationResolvers = {
  partner: async (t, _a, ctx) => required(await ctx.loaders.partner.load(t.partnerId), 'partner', t.partnerId),
};

export const TierMismatch: TierMismatchResolvers = {
  partner: async (m, _a, ctx) => required(await ctx.loaders.partner.load(m.partnerId), 'partner', m.partnerId),
};

export const ProgramConflict: ProgramConflictResolvers = {
  programs: async (c, _a, ctx) =>
    Promise.all(c.programIds.map(async (id) => required(await ctx.services.programs.program(id), 'program', id))),
  partners: async (c, _a, ctx) => Promise.all(c.partnerIds.map(async (id) => required(await ctx.loaders.partner.load(id), 'partner', id))),
};
