// Who may call which root field. The one place roles are enforced: every Query and Mutation resolver
// is wrapped by guardRootFields (resolvers/index.ts). A mutation without an entry here is for ADMIN
// only, so a new mutation is refused to everyone else until someone decides otherwise. What a
// PARTNER may *see* is decided in the Cypher files by $viewerPartnerId; the rules below only refuse
// whole operations (README, Roles and grants).
import type { GraphQLFieldResolver } from 'graphql';
import type { RequestContext, Viewer } from '../context.js';
import { ForbiddenError } from '../errors.js';

/** A root field's arguments as GraphQL coerced them; the rules below read only these few. */
type Args = {
  partnerId?: unknown;
  otherPartnerId?: unknown;
  input?: { partnerId?: unknown; participants?: unknown; groupBy?: unknown } | null;
} & Record<string, unknown>;

/** true when allowed, else the reason given in the FORBIDDEN error. */
export type Permission = (viewer: Viewer, args: Args) => true | string;

const VENDOR_ONLY: Permission = (v) => v.role !== 'PARTNER' || 'Not available to partners';
const ADMIN_ONLY: Permission = (v) => v.role === 'ADMIN' || 'Only an administrator may do this';
const DEALS_AND_SOLUTIONS: Permission = VENDOR_ONLY;
/** Webhooks (issue 15): an administrator's (any scope) or a partner's (its own scope: src/events/webhook-service.ts). */
const WEBHOOK_OWNERS: Permission = (v) => v.role !== 'ALLIANCE_MANAGER' || 'Webhooks belong to an administrator or a partner';

/** A PARTNER may only name itself in the argument `pick` finds; other roles pass. */
function ownPartner(pick: (args: Args) => unknown, what: string): Permission {
  return (v, args) => v.role !== 'PARTNER' || pick(args) === v.partnerId || `A partner may only ${what}`;
}

/** registerDeal and simulateRegistration: a PARTNER only with itself among the participants. */
const ownRegistration: Permission = (v, args) =>
  v.role !== 'PARTNER' ||
  (Array.isArray(args.input?.participants) && args.input.participants.some((p: { partnerId?: unknown }) => p.partnerId === v.partnerId)) ||
  'A partner may only register deals it takes part in';

const ownGrant: Permission = (v, args) =>
  v.role === 'ADMIN' ||
  (v.role === 'PARTNER' && args.input?.partnerId === v.partnerId) ||
  'Only an administrator or the granting partner may change a sharing grant';

export const MUTATION_PERMISSIONS: Readonly<Record<string, Permission>> = {
  createSolution: DEALS_AND_SOLUTIONS,
  updateSolution: DEALS_AND_SOLUTIONS,
  deleteSolution: DEALS_AND_SOLUTIONS,
  addSolutionMember: DEALS_AND_SOLUTIONS,
  removeSolutionMember: DEALS_AND_SOLUTIONS,
  saveSolution: DEALS_AND_SOLUTIONS,
  updateDealStage: DEALS_AND_SOLUTIONS,
  resolveDealConflict: DEALS_AND_SOLUTIONS,
  addDealParticipant: DEALS_AND_SOLUTIONS,
  removeDealParticipant: DEALS_AND_SOLUTIONS,
  deleteDeal: DEALS_AND_SOLUTIONS,
  registerDeal: (v, args) => ownRegistration(v, args),
  // A participant disputes its deal's frozen attribution (the service answers NOT_FOUND for deals it is not on).
  disputeAttribution: (v) => v.role === 'PARTNER' || 'Only a participating partner disputes an attribution',
  // Grants are the partners' own business: ADMIN, or the partner whose accounts are shared.
  setSharingGrant: ownGrant,
  removeSharingGrant: ownGrant,
  // Identity (issue 13): merging and separating customers is alliance management.
  mergeCustomers: VENDOR_ONLY,
  markCustomersDistinct: VENDOR_ONLY,
  createWebhook: WEBHOOK_OWNERS,
  deleteWebhook: WEBHOOK_OWNERS,
};

/** Queries are open to every role (the Cypher scopes them) except these. */
export const QUERY_PERMISSIONS: Readonly<Record<string, Permission>> = {
  webhooks: WEBHOOK_OWNERS,
  webhookDeliveries: WEBHOOK_OWNERS,
  ecosystemHealth: VENDOR_ONLY,
  // The same decision registerDeal would take, so the same refusal (issue 18).
  simulateRegistration: ownRegistration,
  // Duplicate groups span every customer: the vendor's view.
  customerDuplicates: VENDOR_ONLY,
  // Programs (README, "Programs and tiers"): a partner's own evaluation; mismatches and conflicts span partners.
  tierEvaluation: ownPartner((a) => a.partnerId, 'see its own tier evaluation'),
  tierMismatches: VENDOR_ONLY,
  programConflicts: VENDOR_ONLY,
  partnerRevenue: ownPartner((a) => a.partnerId, 'see its own revenue'),
  partnerMatches: ownPartner((a) => a.partnerId, 'find matches for itself'),
  partnerImpact: ownPartner((a) => a.partnerId, 'see its own impact'),
  // Time (README, "Time"): a partner's own lifecycle; trends and churn risk read every partner, so the vendor's.
  partnerLifecycle: ownPartner((a) => a.partnerId, 'see its own lifecycle'),
  ecosystemTrends: VENDOR_ONLY,
  atRiskPartners: VENDOR_ONLY,
  // Network analytics (README, "Network analytics"): communities, brokers and recruitment read every partner's
  // accounts and deals, so they are the vendor's; lookalikes and predicted integrations only for oneself.
  partnerCommunities: VENDOR_ONLY,
  brokerPartners: VENDOR_ONLY,
  recruitmentCandidates: VENDOR_ONLY,
  ecosystemMap: (v, a) => v.role !== 'PARTNER' || a.input?.groupBy !== 'COMMUNITY' || 'The community map is not available to partners',
  lookalikePartners: ownPartner((a) => a.partnerId, 'find lookalikes of itself'),
  predictedIntegrations: ownPartner((a) => a.partnerId, 'see its own predicted integrations'),
  accountOverlap: (v, a) =>
    v.role !== 'PARTNER' ||
    a.partnerId === v.partnerId ||
    a.otherPartnerId === v.partnerId ||
    'A partner may only compare itself with another partner',
};

/** The permission of a root field; mutations without an entry are ADMIN only, queries open. */
export function permissionFor(root: 'Query' | 'Mutation', field: string): Permission {
  if (root === 'Mutation') return MUTATION_PERMISSIONS[field] ?? ADMIN_ONLY;
  return QUERY_PERMISSIONS[field] ?? (() => true);
}

export function checkPermission(root: 'Query' | 'Mutation', field: string, viewer: Viewer, args: Args): void {
  const verdict = permissionFor(root, field)(viewer, args);
  if (verdict !== true) throw new ForbiddenError(`${field}: ${verdict}`);
}

/** Wraps every resolver of a root type so its permission is checked before it runs. */
export function guardRootFields<M extends Record<string, unknown>>(root: 'Query' | 'Mutation', resolvers: M): M {
  const guarded: Record<string, unknown> = {};
  for (const [field, resolver] of Object.entries(resolvers)) {
    if (typeof resolver !== 'function') {
      guarded[field] = resolver;
      continue;
    }
    const wrapped: GraphQLFieldResolver<unknown, RequestContext> = (parent, args, ctx, info) => {
      checkPermission(root, field, ctx.viewer, args);
      return (resolver as GraphQLFieldResolver<unknown, RequestContext>)(parent, args, ctx, info);
    };
    guarded[field] = wrapped;
  }
  return guarded as M;
}
