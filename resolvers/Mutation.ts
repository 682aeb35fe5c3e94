import type { MutationResolvers } from '../src/generated/graphql.js';
import type { Outcome } from '../src/validation/problems.js';

// Each mutation: the service validates, writes in one transaction and reports expected failures
// as payload errors.
export const Mutation: MutationResolvers = {
  createPartner: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.createPartner(input)),
  updatePartner: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.updatePartner(input)),
  deletePartner: async (_p, args, ctx) => deletePayload(await ctx.services.partners.deletePartner(args)),
  setPartnerCapability: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.setPartnerCapability(input)),
  removePartnerCapability: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.removePartnerCapability(input)),
  linkIntegration: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.linkIntegration(input)),
  unlinkIntegration: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.unlinkIntegration(input)),
  setSharingGrant: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.setSharingGrant(input)),
  removeSharingGrant: async (_p, { input }, ctx) => partnerPayload(await ctx.services.partners.removeSharingGrant(input)),
  setAccount: async (_p, { input }, ctx) => accountPayload(await ctx.services.partners.setAccount(input)),
  removeAccount: async (_p, { input }, ctx) => accountPayload(await ctx.services.partners.removeAccount(input)),
  createCapability: async (_p, { input }, ctx) => capabilityPayload(await ctx.services.capabilities.createCapability(input)),
  updateCapability: async (_p, { input }, ctx) => capabilityPayload(await ctx.services.capabilities.updateCapability(input)),
  deleteCapability: async (_p, args, ctx) => deletePayload(await ctx.services.capabilities.deleteCapability(args)),
  createCustomer: async (_p, { input }, ctx) => customerPayload(await ctx.services.customers.createCustomer(input)),
  updateCustomer: async (_p, { input }, ctx) => customerPayload(await ctx.services.customers.updateCustomer(input)),
  deleteCustomer: async (_p, args, ctx) => deletePayload(await ctx.services.customers.deleteCustomer(args)),
  createSolution: async (_p, { input }, ctx) => solutionPayload(await ctx.services.solutions.createSolution(input)),
  updateSolution: async (_p, { input }, ctx) => solutionPayload(await ctx.services.solutions.updateSolution(input)),
  deleteSolution: async (_p, args, ctx) => deletePayload(await ctx.services.solutions.deleteSolution(args)),
  addSolutionMember: async (_p, { input }, ctx) => solutionPayload(await ctx.services.solutions.addSolutionMember(input)),
  removeSolutionMember: async (_p, { input }, ctx) => solutionPayload(await ctx.services.solutions.removeSolutionMember(input)),
  deleteDeal: async (_p, args, ctx) => deletePayload(await ctx.services.dealQueries.deleteDeal(args)),
  registerDeal: async (_p, { input }, ctx) => dealPayload(await ctx.services.dealRegistration.registerDeal(input, ctx.viewer.subject)),
  updateDealStage: async (_p, { input }, ctx) =>
    dealPayload(await ctx.services.dealRegistration.updateDealStage(input, ctx.viewer.subject)),
  resolveDealConflict: async (_p, { input }, ctx) => dealPayload(await ctx.services.dealRegistration.resolveDealConflict(input)),
  addDealParticipant: async (_p, { input }, ctx) => dealPayload(await ctx.services.dealRegistration.addDealParticipant(input)),
  removeDealParticipant: async (_p, { input }, ctx) => dealPayload(await ctx.services.dealRegistration.removeDealParticipant(input)),
  saveSolution: async (_p, { input }, ctx) => solutionPayload(await ctx.services.saveSolution.saveSolution(input)),
  mergeCustomers: async (_p, { input }, ctx) => customerPayload(await ctx.services.identity.mergeCustomers(input)),
  markCustomersDistinct: async (_p, args, ctx) => {
    const { value, errors } = await ctx.services.identity.markCustomersDistinct(args);
    return { customers: value, errors };
  },
};

// Outcome { value, errors } → the payload's field names.
const partnerPayload = <T>({ value, errors }: Outcome<T>) => ({ partner: value, errors });
const accountPayload = <T>({ value, errors }: Outcome<T>) => ({ account: value, errors });
const capabilityPayload = <T>({ value, errors }: Outcome<T>) => ({ capability: value, errors });
const customerPayload = <T>({ value, errors }: Outcome<T>) => ({ customer: value, errors });
const solutionPayload = <T>({ value, errors }: Outcome<T>) => ({ solution: value, errors });
const deletePayload = ({ value, errors }: Outcome<string | null>) => ({ deletedId: value, errors });
const dealPayload = <T>({ value, errors }: Outcome<T>) => ({ deal: value, errors });
