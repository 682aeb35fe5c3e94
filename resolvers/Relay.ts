// Global object identification, the nested connections and the map elements' own ids (README, "Global object
// identification" and "Connections, filters and orders").
import { createHash } from 'node:crypto';
import type {
  AccountConnectionResolvers,
  AccountResolvers,
  CapabilityResolvers,
  DealResolvers,
  SolutionResolvers,
  CapabilityHolderResolvers,
  CustomerResolvers,
  DealParticipantResolvers,
  DealParticipationResolvers,
  MapEdgeResolvers,
  MapNodeResolvers,
  NodeResolvers,
  PartnerCapabilityResolvers,
  PartnerResolvers,
  QueryResolvers,
  SharingGrantResolvers,
  SolutionMemberResolvers,
  SolutionMembershipResolvers,
} from '../src/generated/graphql.js';
import type { RequestContext } from '../src/context.js';
import { BadInputError } from '../src/errors.js';
import { MAX_PAGE_SIZE } from '../src/model/pagination.js';
import { accountConnection, listConnection, pagedListConnection, type LazyConnection } from '../src/relay/nested-connections.js';
import { isCompositeId, mapElementId, parseRelationshipId, relationshipId, type RelationshipKind } from '../src/relay/node-ids.js';
import { pageArgs } from '../src/relay/ordered-pages.js';
import { listPartnersOrdered } from '../src/relay/partner-pages.js';
import { Query } from './Query.js';
import { required } from './required.js';

/** An object tagged with its GraphQL type, for Node's __resolveType. */
type Tagged = { __typename: string };

const tag = <T extends object>(typename: string, value: T | null | undefined): (T & Tagged) | null =>
  value ? { ...value, __typename: typename } : null;

/** The object an id names, as the viewer may see it (each kind through its own scoped loader); null otherwise. */
async function loadNode(ctx: RequestContext, id: string): Promise<Tagged | null> {
  const l = ctx.loaders;
  if (!isCompositeId(id)) {
    const kind = await l.relay.idKind.load(id);
    switch (kind) {
      case 'Partner':
        return tag(kind, await l.partner.load(id));
      case 'Capability':
        return tag(kind, await l.capability.load(id));
      case 'Customer':
        return tag(kind, await l.customer.load(id));
      case 'Solution':
        return tag(kind, await l.solution.load(id));
      case 'Deal':
        return tag(kind, await l.deal.load(id));
      case 'Program':
        return tag(kind, await ctx.services.programs.program(id));
      default:
        return null;
    }
  }
  const rel = parseRelationshipId(id);
  if (!rel) return null;
  const { a, b } = rel;
  const found: Record<RelationshipKind, () => Promise<object | undefined>> = {
    Account: async () => (await l.partnerAccounts.load(a)).find((x) => x.customerId === b),
    PartnerCapability: async () => (await l.partnerCapabilities.load(a)).find((x) => x.capability.id === b),
    CapabilityHolder: async () => (await l.capabilityHolders.load(a)).find((x) => x.partner.id === b),
    PartnerIntegration: async () => (await l.partnerIntegrationIntervals.load(a)).find((x) => x.partner.id === b),
    SharingGrant: async () => (await l.partnerSharingGrants.load(a)).find((x) => x.toId === b),
    SolutionMembership: async () => (await l.partnerSolutions.load(a)).find((x) => x.solution.id === b),
    // The member and participant lists are read through a solution or deal already checked visible: check it here.
    SolutionMember: async () =>
      (await l.solution.load(a)) ? (await l.solutionMembers.load(a)).find((x) => x.partner.id === b) : undefined,
    DealParticipation: async () => (await l.partnerDeals.load(a)).find((x) => x.deal.id === b),
    DealParticipant: async () => ((await l.deal.load(a)) ? (await l.dealParticipants.load(a)).find((x) => x.partner.id === b) : undefined),
  };
  return tag(rel.kind, await found[rel.kind]());
}

/** The owner id a loader tagged a relationship row with; an internal error when a row comes from elsewhere. */
const owner = (id: string | undefined, what: string): string => required(id, what, '(its other end)');

/** The view a map answer belongs to: its input, hashed, so two different maps never share an element id. */
export function mapView(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(input ?? {}))
    .digest('base64url')
    .slice(0, 16);
}

export const RelayQuery: Pick<QueryResolvers, 'node' | 'nodes' | 'partners' | 'ecosystemMap'> = {
  node: async (_p, { id }, ctx) => (await loadNode(ctx, id)) as never,
  nodes: (_p, { ids }, ctx) => {
    if (ids.length === 0 || ids.length > MAX_PAGE_SIZE) throw new BadInputError(`ids must have 1 to ${MAX_PAGE_SIZE} ids`, ['ids']);
    return Promise.all(ids.map((id) => loadNode(ctx, id))) as never;
  },
  // first has the schema's default (20), so a backward page (last or before given) leaves it out (pageArgs).
  partners: (_p, { filter, orderBy, ...page }, ctx) => listPartnersOrdered(ctx.db, filter, orderBy, pageArgs(page)),
  // The map's answer as before, each node and edge tagged with the view its own id is made from.
  ecosystemMap: async (parent, args, ctx, info) => {
    const graph = await (Query.ecosystemMap as (...a: unknown[]) => Promise<{ nodes: object[]; edges: object[] } | null>)(
      parent,
      args,
      ctx,
      info,
    );
    if (!graph) return null;
    const view = mapView(args.input);
    // Tagged in place: the rows are this request's own, fresh from the statement (a copy per node and edge cost more).
    for (const n of graph.nodes as { view?: string }[]) n.view = view;
    for (const e of graph.edges as { view?: string }[]) e.view = view;
    return graph as never;
  },
};

export const Node: NodeResolvers = {
  __resolveType: (node) => (node as unknown as Tagged).__typename as never,
};

export const RelayPartner: Pick<PartnerResolvers, 'accountsConnection'> = {
  accountsConnection: (p, args, ctx) => accountConnection(ctx.loaders, 'partner', p.id, args),
};

export const RelayCustomer: Pick<CustomerResolvers, 'accountsConnection'> = {
  accountsConnection: (c, args, ctx) => accountConnection(ctx.loaders, 'customer', c.id, args),
};

export const AccountConnection: AccountConnectionResolvers = {
  edges: (c) => c.edges(),
  pageInfo: (c) => c.pageInfo(),
  totalCount: (c) => c.totalCount(),
};

export const RelayAccount: Pick<AccountResolvers, 'id'> = {
  id: (a) => relationshipId('Account', a.partnerId, a.customerId),
};
export const RelayPartnerCapability: PartnerCapabilityResolvers = {
  id: (h) => relationshipId('PartnerCapability', owner(h.partnerId, 'partner'), h.capability.id),
};
export const RelayCapabilityHolder: CapabilityHolderResolvers = {
  id: (h) => relationshipId('CapabilityHolder', owner(h.capabilityId, 'capability'), h.partner.id),
};
export const RelaySharingGrant: Pick<SharingGrantResolvers, 'id'> = {
  id: (g) => relationshipId('SharingGrant', g.fromId, g.toId),
};
export const RelaySolutionMembership: SolutionMembershipResolvers = {
  id: (m) => relationshipId('SolutionMembership', owner(m.partnerId, 'partner'), m.solution.id),
};
export const RelaySolutionMember: SolutionMemberResolvers = {
  id: (m) => relationshipId('SolutionMember', owner(m.solutionId, 'solution'), m.partner.id),
};
export const RelayDealParticipation: DealParticipationResolvers = {
  id: (d) => relationshipId('DealParticipation', owner(d.partnerId, 'partner'), d.deal.id),
};
export const RelayDealParticipant: DealParticipantResolvers = {
  id: (d) => relationshipId('DealParticipant', owner(d.dealId, 'deal'), d.partner.id),
};

export const MapNode: MapNodeResolvers = {
  id: (n) => mapElementId('MapNode', owner(n.view, 'map view'), n.id),
  entityId: (n) => n.id,
};

export const MapEdge: MapEdgeResolvers = {
  id: (e) => mapElementId('MapEdge', owner(e.view, 'map view'), e.kind, e.source, e.target),
};

/** The nested list connections (schema/relay-lists.graphql): each pages and counts in the database, batched per level. */
export const ListConnections = {
  Partner: {
    capabilitiesConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.capabilities', p.id, a),
    integrationsConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.integrations', p.id, a),
    solutionsConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.solutions', p.id, a),
    dealsConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.deals', p.id, a),
    sharingGrantsConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.sharingGrants', p.id, a),
    receivedSharingGrantsConnection: (p, a, ctx) => pagedListConnection(ctx.loaders, 'Partner.receivedSharingGrants', p.id, a),
  } satisfies Pick<
    PartnerResolvers,
    | 'capabilitiesConnection'
    | 'integrationsConnection'
    | 'solutionsConnection'
    | 'dealsConnection'
    | 'sharingGrantsConnection'
    | 'receivedSharingGrantsConnection'
  >,
  Capability: {
    childrenConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Capability.children', c.id, a),
    partnersConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Capability.partners', c.id, a),
    neededByConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Capability.neededBy', c.id, a),
    requiredByConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Capability.requiredBy', c.id, a),
  } satisfies Pick<CapabilityResolvers, 'childrenConnection' | 'partnersConnection' | 'neededByConnection' | 'requiredByConnection'>,
  Customer: {
    needsConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Customer.needs', c.id, a),
    dealsConnection: (c, a, ctx) => pagedListConnection(ctx.loaders, 'Customer.deals', c.id, a),
  } satisfies Pick<CustomerResolvers, 'needsConnection' | 'dealsConnection'>,
  Solution: {
    requiresConnection: (s, a, ctx) => pagedListConnection(ctx.loaders, 'Solution.requires', s.id, a),
    membersConnection: (s, a, ctx) => pagedListConnection(ctx.loaders, 'Solution.members', s.id, a),
    dealsConnection: (s, a, ctx) => pagedListConnection(ctx.loaders, 'Solution.deals', s.id, a),
  } satisfies Pick<SolutionResolvers, 'requiresConnection' | 'membersConnection' | 'dealsConnection'>,
  Deal: {
    participantsConnection: (d, a, ctx) => pagedListConnection(ctx.loaders, 'Deal.participants', d.id, a),
    // Computed by the rules of engagement, not stored: read whole and paged here.
    conflictsWithConnection: (d, a, ctx) =>
      listConnection(
        'Deal.conflictsWith',
        { load: () => ctx.loaders.dealConflictsWith.load(d.id), id: (x) => x.id, name: (x) => x.name },
        a,
      ),
  } satisfies Pick<DealResolvers, 'participantsConnection' | 'conflictsWithConnection'>,
};

/** Every list connection type reads its lazy page and count alike. */
export const lazyConnectionResolvers = {
  edges: <T>(c: LazyConnection<T>) => c.edges(),
  pageInfo: <T>(c: LazyConnection<T>) => c.pageInfo(),
  totalCount: <T>(c: LazyConnection<T>) => c.totalCount(),
};
