// The operations the benchmark measures (issue "Performance at scale", item 3), each with its
// GraphQL document, the variables of its i-th request (drawn deterministically from ids sampled
// in the database, so requests differ and caches do not make it trivial) and its target.
import { mulberry32 } from '../../seed/generator.js';
import type { BenchSample } from './sample.js';

export interface BenchOperation {
  name: string;
  /** The operation's GraphQL document; its operation name is used for the request. */
  query: string;
  variables(i: number, s: BenchSample): Record<string, unknown>;
  /** The target for p95 at concurrency 1, in ms, when it sets one. */
  p95TargetMs?: number;
  /** The throughput target at concurrency 16, when it sets one. */
  rpsTargetC16?: number;
  mutation?: boolean;
  /** Whole-ecosystem queries: fewer requests (each may take seconds). */
  heavy?: boolean;
}

/** The i-th deterministic pick from a list (a fixed permutation-like walk, seeded per operation). */
export function pick<T>(items: readonly T[], i: number, salt: number): T {
  if (items.length === 0) throw new Error('nothing sampled to pick from');
  const r = mulberry32((i * 2654435761 + salt) >>> 0)();
  return items[Math.floor(r * items.length)] as T;
}

function pickMany<T>(items: readonly T[], n: number, i: number, salt: number): T[] {
  const out = new Set<T>();
  for (let k = 0; out.size < Math.min(n, items.length) && k < n * 20; k++) out.add(pick(items, i * 31 + k, salt));
  return [...out];
}

const FROM = '2023-01-01T00:00:00Z';
const TO = '2027-01-01T00:00:00Z';

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'partner by id (nested)',
    p95TargetMs: 20,
    rpsTargetC16: 1500,
    query: `query PartnerById($id: ID!) { partner(id: $id) { id name types tier lifecycleStage regions industries website
      capabilities { level capability { id name category } } integrations { id name tier } solutions { role solution { id name status } } } }`,
    variables: (i, s) => ({ id: pick(s.partnerIds, i, 1) }),
  },
  {
    name: 'partners page (nested lists)',
    p95TargetMs: 20,
    query: `query PartnersPage($filter: PartnerFilter) { partners(filter: $filter, first: 20) { totalCount
      edges { node { id name tier capabilities { level capability { id name } } integrations { id name } } } pageInfo { hasNextPage endCursor } } }`,
    variables: (i, s) => ({ filter: { region: pick(s.regions, i, 2), tiers: [pick(['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'], i, 3)] } }),
  },
  {
    name: 'search',
    query: `query Search($text: String!) { search(text: $text, first: 10) { score node { __typename ... on Partner { id name } ... on Customer { id name } ... on Capability { id name } ... on Solution { id name } } } }`,
    variables: (i, s) => ({ text: pick(s.nameWords, i, 4) }),
  },
  {
    name: 'partnerMatches',
    p95TargetMs: 100,
    query: `query PartnerMatches($id: ID!) { partnerMatches(partnerId: $id, first: 10) { score reasons sharedCustomerCount partner { id name } } }`,
    variables: (i, s) => ({ id: pick(s.partnerIds, i, 5) }),
  },
  {
    name: 'partnerMatches (top-100 by accounts)',
    p95TargetMs: 100,
    query: `query PartnerMatchesBusy($id: ID!) { partnerMatches(partnerId: $id, first: 10) { score reasons sharedCustomerCount partner { id name } } }`,
    variables: (i, s) => ({ id: pick(s.busiestPartnerIds, i, 6) }),
  },
  {
    name: 'accountOverlap',
    p95TargetMs: 100,
    query: `query AccountOverlap($a: ID!, $b: ID!) { accountOverlap(partnerId: $a, otherPartnerId: $b) {
      sharedCustomerCount cells { status otherStatus count } customers(first: 10) { totalCount edges { node { id name } } } } }`,
    variables: (i, s) => {
      const [a, b] = pick(s.overlapPairs, i, 7);
      return { a, b };
    },
  },
  {
    name: 'accountOverlap (top-100 by accounts)',
    p95TargetMs: 100,
    query: `query AccountOverlapBusy($a: ID!, $b: ID!) { accountOverlap(partnerId: $a, otherPartnerId: $b) {
      sharedCustomerCount cells { status otherStatus count } customers(first: 10) { totalCount edges { node { id name } } } } }`,
    variables: (i, s) => {
      const [a, b] = pickMany(s.busiestPartnerIds, 2, i, 20);
      return { a, b };
    },
  },
  {
    name: 'assembleSolution (3 caps, region)',
    query: `query Assemble3($input: AssembleSolutionInput!) { assembleSolution(input: $input) {
      proposals { partnerCount score partners { partner { id name } covers { id } suggestedRole } } uncoveredCapabilities { id } minimumPartnerCount exhaustive timedOut } }`,
    variables: (i, s) => ({ input: { capabilityIds: pickMany(s.heldCapabilityIds, 3, i, 8), region: pick(s.regions, i, 9), limit: 5 } }),
  },
  {
    name: 'assembleSolution (8 caps, region)',
    p95TargetMs: 250,
    query: `query Assemble8($input: AssembleSolutionInput!) { assembleSolution(input: $input) {
      proposals { partnerCount score partners { partner { id name } covers { id } suggestedRole } } uncoveredCapabilities { id } minimumPartnerCount exhaustive timedOut } }`,
    variables: (i, s) => ({
      input: { capabilityIds: pickMany(s.heldCapabilityIds, 8, i, 10), region: pick(s.regions, i, 11), maxPartners: 6, limit: 5 },
    }),
  },
  {
    name: 'gapAnalysis (scoped)',
    p95TargetMs: 300,
    query: `query GapsScoped($region: String, $industry: String) { gapAnalysis(region: $region, industry: $industry) {
      capabilities { capability { id name } customerDemand solutionDemand supply status } } }`,
    variables: (i, s) => ({ region: pick(s.regions, i, 12), industry: pick(s.industries, i, 13) }),
  },
  {
    name: 'gapAnalysis (whole)',
    p95TargetMs: 2000,
    heavy: true,
    query: `query GapsWhole { gapAnalysis { capabilities { capability { id name } customerDemand solutionDemand supply status } } }`,
    variables: () => ({}),
  },
  {
    name: 'partnerImpact',
    p95TargetMs: 100,
    query: `query PartnerImpact($id: ID!) { partnerImpact(partnerId: $id) {
      capabilitiesLost { id name } orphanedCustomers { id name } solutionsAffected { id name } openDealsAffected { id name amount { amount currency } } revenueAtRisk { amount currency } } }`,
    variables: (i, s) => ({ id: pick(s.partnerIds, i, 14) }),
  },
  {
    name: 'partnerImpact (top-100 by accounts)',
    p95TargetMs: 100,
    query: `query PartnerImpactBusy($id: ID!) { partnerImpact(partnerId: $id) {
      capabilitiesLost { id name } orphanedCustomers { id name } solutionsAffected { id name } openDealsAffected { id name amount { amount currency } } revenueAtRisk { amount currency } } }`,
    variables: (i, s) => ({ id: pick(s.busiestPartnerIds, i, 21) }),
  },
  {
    name: 'ecosystemMap (overview)',
    p95TargetMs: 300,
    heavy: true,
    query: `query MapOverview($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id kind label group weight } edges { source target kind } truncated } }`,
    variables: (i, s) => ({ input: { regions: i % 2 === 0 ? null : [pick(s.regions, i, 15)], limit: 200 } }),
  },
  {
    name: 'ecosystemMap (depth 2)',
    query: `query MapDepth2($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id kind label group weight distance } edges { source target kind } truncated } }`,
    variables: (i, s) => ({ input: { centerId: pick(s.partnerIds, i, 16), depth: 2, kinds: ['PARTNER', 'CAPABILITY'], limit: 200 } }),
  },
  {
    name: 'ecosystemMap (depth 2, top-100 by accounts)',
    query: `query MapDepth2Busy($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id kind label group weight distance } edges { source target kind } truncated } }`,
    variables: (i, s) => ({ input: { centerId: pick(s.busiestPartnerIds, i, 22), depth: 2, limit: 200 } }),
  },
  {
    name: 'deal by id (participants)',
    p95TargetMs: 20,
    query: `query DealById($id: ID!) { deal(id: $id) { id name stage registrationStatus amount { amount currency } createdAt
      customer { id name } solution { id name } participants { role sourced registeredAt partner { id name } } } }`,
    variables: (i, s) => ({ id: pick(s.dealIds, i, 17) }),
  },
  {
    name: 'dealAttribution',
    query: `query DealAttribution($id: ID!) { dealAttribution(dealId: $id, model: ROLE_WEIGHTED) { model shares { partner { id name } role sourced share { amount currency } percent } } }`,
    variables: (i, s) => ({ id: pick(s.dealIds, i, 18) }),
  },
  {
    name: 'partnerRevenue',
    query: `query PartnerRevenue($id: ID!, $from: DateTime!, $to: DateTime!) { partnerRevenue(partnerId: $id, from: $from, to: $to) {
      sourced { amount currency } influenced { amount currency } closedWonDeals winRate pipeline { amount currency } } }`,
    variables: (i, s) => ({ id: pick(s.dealPartnerIds, i, 19), from: FROM, to: TO }),
  },
  {
    name: 'ecosystemHealth',
    heavy: true,
    query: `query EcosystemHealth($from: DateTime!, $to: DateTime!) { ecosystemHealth(from: $from, to: $to) {
      closedWonDeals multiPartnerDealShare totalWon { amount currency } partnerSourced { amount currency } capabilityCoverage topConnectors(first: 5) { id name } } }`,
    variables: (i) => ({ from: `${2023 + (i % 3)}-01-01T00:00:00Z`, to: TO }),
  },
  {
    // The same aggregate statement as ecosystemHealth, once per period (src/deals/, cypher/deals/get-ecosystem-health.cypher).
    name: 'ecosystemTrends (8 quarters)',
    heavy: true,
    query: `query EcosystemTrends($from: DateTime!, $to: DateTime!) { ecosystemTrends(from: $from, to: $to, interval: QUARTER) {
      start end activePartners partnersActivated partnersLost accounts capabilityCoverage dealsWon multiPartnerShare
      partnerSourcedWon { amount currency } partnerInfluencedWon { amount currency } } }`,
    variables: (i) =>
      i % 2 ? { from: '2023-07-01T00:00:00Z', to: '2025-07-01T00:00:00Z' } : { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
  },
  {
    name: 'coSellRecommendations',
    p95TargetMs: 100,
    query: `query CoSell($id: ID!) { coSellRecommendations(dealId: $id, first: 10) { score reasons partner { id name } } }`,
    variables: (i, s) => ({ id: pick(s.openDealIds, i, 20) }),
  },
  {
    name: 'registerDeal',
    mutation: true,
    query: `mutation RegisterDeal($input: RegisterDealInput!) { registerDeal(input: $input) {
      deal { id registrationStatus participants { partner { id } role } } errors { path message code } } }`,
    variables: (i, s) => {
      const [customerId, partnerId] = pick(s.accountPairs, i, 21);
      return {
        input: {
          id: `${s.runId}.${i}`,
          name: `Bench deal ${i}`,
          customerId,
          amount: `${1000 + (i % 500)}.00`,
          currency: 'USD',
          participants: [{ partnerId, role: 'RESELLER', sourced: true }],
        },
      };
    },
  },
];
