// Network analytics on the partner network (README, "Network analytics"): communities (Louvain, GDS), brokers
// (exact betweenness, GDS), lookalikes and recruitment candidates (Jaccard of directory features, exact), predicted
// integrations (Adamic–Adar, exact). The network is read once per request into memory; GDS gets it as a projection
// named for the request and dropped afterwards.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../model/pagination.js';
import type { CapabilityRow, PartnerRow } from '../model/rows.js';
import type { CommunityPartitionRow, CommunityRow } from './analytics-rows.js';
import { requireGds, withNetworkProjection, type ProjectionStats } from './gds.js';
import {
  PartnerNetwork,
  adamicAdar,
  byScoreThenId,
  featureSet,
  jaccard,
  modularity,
  type NetworkEdgeRow,
  type NetworkPartner,
} from './partner-network.js';

/** An ecosystemMap answer grouped by community (the shape EcosystemGraphRow has, with COMMUNITY nodes and weights). */
export interface CommunityMapRow {
  nodes: { id: string; kind: 'COMMUNITY' | 'PARTNER'; label: string; group: string | null; weight: number; distance: number }[];
  edges: { source: string; target: string; kind: 'PARTNER_NETWORK'; weight: number }[];
  truncated: boolean;
}

export interface BrokerPartnerRow {
  partner: PartnerRow;
  score: number;
  /** False when the score is estimated from sampled sources (a network above `exactBetweennessUpTo` partners). */
  exact: boolean;
  /** With probability at least 0.95, |score − exact betweenness| ≤ errorBound (0 when exact); see betweennessErrorBound. */
  errorBound: number;
  community: CommunityRow;
  reasons: string[];
}

export interface SimilarPartnerRow {
  partner: PartnerRow;
  similarity: number;
  sharedFeatures: string[];
}

export interface RecruitmentCandidateRow {
  partner: PartnerRow;
  similarity: number;
  closesGaps: CapabilityRow[];
}

export interface PredictedIntegrationRow {
  partner: PartnerRow;
  score: number;
  commonNeighbours: number;
}

/** Capabilities and regions named in a community's label. */
const LABEL_CAPABILITIES = 2;
const LABEL_REGIONS = 1;
/** Most exemplars one recruitmentCandidates call may name. */
export const MAX_EXEMPLARS = 50;

function checkFirst(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
    throw new BadInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, ['first']);
  return size;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function countTop<K>(counts: Map<K, number>, name: (k: K) => string, n: number): [K, number][] {
  return [...counts].sort((x, y) => y[1] - x[1] || (name(x[0]) < name(y[0]) ? -1 : name(x[0]) > name(y[0]) ? 1 : 0)).slice(0, n);
}

function profileOf(p: NetworkPartner): PartnerRow {
  const { capabilities: _capabilities, ...profile } = p;
  return profile;
}

/** Up to this many partners in the network brokerPartners is exact; above it, it samples sources. */
export const EXACT_BETWEENNESS_UP_TO = 5_000;
/** Sources sampled above EXACT_BETWEENNESS_UP_TO: the cost is O(samples × edges) instead of O(partners × edges). */
export const BETWEENNESS_SAMPLES = 1_000;
/** Fixed, so the same network gives the same estimate. */
const BETWEENNESS_SEED = 42;

export interface AnalyticsOptions {
  exactBetweennessUpTo?: number;
  betweennessSamples?: number;
}

/**
 * The error bound of betweenness estimated from k of n source nodes sampled uniformly without replacement (Brandes &
 * Pich 2007, "Centrality estimation in large networks"): each source s adds its dependency δs(v) = Σt σst(v)/σst,
 * which lies in [0, n − 2]; exact = ½ Σs δs(v) over all n sources; the estimate is (n/k) · ½ Σ over the sample.
 * Hoeffding's inequality (which holds for sampling without replacement, Hoeffding 1963 §6) gives, with probability
 * at least 1 − delta for each partner, |estimate − exact| ≤ (n/2)(n − 2) √(ln(2/delta) / (2k)). 0 when k ≥ n.
 */
export function betweennessErrorBound(n: number, k: number, delta = 0.05): number {
  if (k >= n) return 0;
  return (n / 2) * (n - 2) * Math.sqrt(Math.log(2 / delta) / (2 * k));
}

export class AnalyticsService {
  private readonly exactBetweennessUpTo: number;
  private readonly betweennessSamples: number;

  constructor(
    private readonly db: CypherExecutor,
    /** Receives the size of each projection made (benchmarks); nothing by default. */
    private readonly observeProjection?: (stats: ProjectionStats) => void,
    options: AnalyticsOptions = {},
  ) {
    this.exactBetweennessUpTo = options.exactBetweennessUpTo ?? EXACT_BETWEENNESS_UP_TO;
    this.betweennessSamples = options.betweennessSamples ?? BETWEENNESS_SAMPLES;
  }

  /** The partner network as the viewer may see it, read in one transaction. */
  async network(): Promise<PartnerNetwork> {
    const [partners, edges] = await this.db.readTransaction(async (tx) => [
      (await tx.run<{ partner: PartnerRow; capabilities: { id: string; name: string }[] }>('analytics/get-network-partners')).map(
        (r): NetworkPartner => ({ ...r.partner, capabilities: r.capabilities }),
      ),
      await tx.run<NetworkEdgeRow>('analytics/get-network-edges'),
    ]);
    return PartnerNetwork.fromRows(partners, edges);
  }

  /**
   * Communities on w: GDS's Louvain and Leiden (both resolution 1, one thread, Leiden with a fixed seed, so the same
   * graph gives the same partition), keeping the partition of higher modularity (ties: Louvain). Node i's community
   * key at index i; a node GDS did not return (none expected) gets its own.
   */
  private async communities(network: PartnerNetwork, graphName: string): Promise<number[]> {
    const partition = async (file: string) => {
      const rows = await this.db.read<{ node: number; community: number }>(file, { graphName });
      const community = network.partners.map((_p, i) => -1 - i);
      for (const r of rows) community[r.node] = r.community;
      return community;
    };
    const louvain = await partition('analytics/stream-louvain-communities');
    // Without any edge every partner is a community of one; GDS 2.13's Leiden fails on such a graph (a null dendrogram).
    if (network.edges.length === 0) return louvain;
    const leiden = await partition('analytics/stream-leiden-communities');
    return modularity(network, leiden) > modularity(network, louvain) ? leiden : louvain;
  }

  /** The communities of a partition, largest first then by id, with labels and weights. */
  private describePartition(
    network: PartnerNetwork,
    community: readonly number[],
  ): { partition: CommunityPartitionRow; byKey: Map<number, CommunityRow> } {
    const groups = new Map<number, number[]>();
    community.forEach((c, i) => groups.set(c, [...(groups.get(c) ?? []), i]));
    const inside = new Map<number, number>();
    for (const e of network.edges)
      if (community[e.a] === community[e.b]) inside.set(community[e.a]!, (inside.get(community[e.a]!) ?? 0) + e.w);
    const byKey = new Map<number, CommunityRow>();
    const communities: CommunityRow[] = [...groups].map(([key, nodes]) => {
      const members = nodes.map((i) => network.partners[i]!).sort(byId);
      const capabilities = new Map<string, number>();
      const names = new Map<string, string>();
      const regions = new Map<string, number>();
      for (const m of members) {
        for (const c of m.capabilities) {
          capabilities.set(c.id, (capabilities.get(c.id) ?? 0) + 1);
          names.set(c.id, c.name);
        }
        for (const r of new Set(m.regions ?? [])) regions.set(r, (regions.get(r) ?? 0) + 1);
      }
      const topCapabilities = countTop(capabilities, (id) => names.get(id) ?? id, LABEL_CAPABILITIES).map(([id, n]) => ({
        id,
        name: names.get(id) ?? id,
        members: n,
      }));
      const topRegions = countTop(regions, (r) => r, LABEL_REGIONS).map(([region, n]) => ({ region, members: n }));
      const label =
        [topCapabilities.map((c) => c.name).join(', '), topRegions.map((r) => r.region).join(', ')].filter(Boolean).join(' · ') ||
        members[0]!.name;
      const row: CommunityRow = {
        id: `community-${members[0]!.id}`,
        size: members.length,
        label,
        internalWeight: inside.get(key) ?? 0,
        totalStrength: nodes.reduce((s, i) => s + network.strength[i]!, 0),
        topCapabilities,
        topRegions,
        members: members.map(profileOf),
      };
      byKey.set(key, row);
      return row;
    });
    communities.sort((x, y) => y.size - x.size || byId(x, y));
    const partition = {
      modularity: modularity(network, community),
      totalWeight: network.totalWeight,
      partnerCount: network.partners.length,
      edgeCount: network.edges.length,
      communities,
    };
    return { partition, byKey };
  }

  /**
   * partnerCommunities: Louvain or Leiden (GDS, resolution 1, on w; the better) over the eligible partners, with the partition's Newman
   * modularity recomputed here from the returned partition. FEATURE_UNAVAILABLE without GDS.
   */
  async partnerCommunities(): Promise<CommunityPartitionRow> {
    return (await this.communitiesWithNetwork('partnerCommunities')).partition;
  }

  /** The partition with the network and each node's community key (the community map reuses them). */
  async communitiesWithNetwork(
    operation: string,
  ): Promise<{ partition: CommunityPartitionRow; byKey: Map<number, CommunityRow>; network: PartnerNetwork; community: number[] }> {
    await requireGds(this.db, operation);
    const network = await this.network();
    const community =
      network.partners.length === 0
        ? []
        : await withNetworkProjection(this.db, network, (g) => this.communities(network, g), this.observeProjection);
    return { ...this.describePartition(network, community), network, community };
  }

  /**
   * ecosystemMap with groupBy COMMUNITY: without `communityId`, one node per community (the `limit` largest, then by
   * id; weight = size, group = id) and PARTNER_NETWORK edges between the kept ones weighted by Σ w between them; with
   * it, the community's members (the `limit` strongest, then by id; weight = strength inside the community, group =
   * first type) and the network edges between them. NOT_FOUND (path input.communityId) for an unknown community.
   */
  async communityMap(communityId: string | null, limit: number): Promise<CommunityMapRow> {
    const { partition, byKey, network, community } = await this.communitiesWithNetwork('ecosystemMap (groupBy: COMMUNITY)');
    if (communityId === null) {
      const kept = partition.communities.slice(0, limit);
      const keptIds = new Set(kept.map((c) => c.id));
      const between = new Map<string, { source: string; target: string; weight: number }>();
      for (const e of network.edges) {
        const [x, y] = [byKey.get(community[e.a]!)!.id, byKey.get(community[e.b]!)!.id].sort() as [string, string];
        if (x === y || !keptIds.has(x) || !keptIds.has(y)) continue;
        const key = `${x}\u0000${y}`;
        const edge = between.get(key) ?? { source: x, target: y, weight: 0 };
        edge.weight += e.w;
        between.set(key, edge);
      }
      return {
        nodes: kept.map((c) => ({ id: c.id, kind: 'COMMUNITY', label: c.label, group: c.id, weight: c.size, distance: 0 })),
        edges: [...between.values()].map((e) => ({ ...e, kind: 'PARTNER_NETWORK' })),
        truncated: partition.communities.length > kept.length,
      };
    }
    const opened = partition.communities.find((c) => c.id === communityId);
    if (!opened) throw new NotFoundError(`No community ${communityId} in the current partition`, ['input', 'communityId']);
    const members = new Set(opened.members.map((m) => network.index.get(m.id)!));
    const inside = new Map<number, number>();
    const edges: CommunityMapRow['edges'] = [];
    for (const e of network.edges) {
      if (!members.has(e.a) || !members.has(e.b)) continue;
      inside.set(e.a, (inside.get(e.a) ?? 0) + e.w);
      inside.set(e.b, (inside.get(e.b) ?? 0) + e.w);
      edges.push({ source: network.partners[e.a]!.id, target: network.partners[e.b]!.id, kind: 'PARTNER_NETWORK', weight: e.w });
    }
    const kept = [...members]
      .map((i) => ({ i, id: network.partners[i]!.id, score: inside.get(i) ?? 0 }))
      .sort(byScoreThenId)
      .slice(0, limit);
    const keptIds = new Set(kept.map((k) => k.id));
    return {
      nodes: kept.map(({ i, score }) => {
        const p = network.partners[i]!;
        return { id: p.id, kind: 'PARTNER', label: p.name, group: p.types?.[0] ?? null, weight: score, distance: 0 };
      }),
      edges: edges.filter((e) => keptIds.has(e.source) && keptIds.has(e.target)),
      truncated: members.size > kept.length,
    };
  }

  /**
   * brokerPartners: partners by betweenness on the unweighted network (GDS), score(v) = Σ over unordered pairs
   * {s, t} ∌ v of σst(v)/σst; only scores above 0, highest first, ties by id. Exact (every source) up to
   * `exactBetweennessUpTo` partners; above it estimated from `betweennessSamples` sources (seeded, scaled by n/k)
   * with the error bound of betweennessErrorBound. `reasons` name the communities (as partnerCommunities finds
   * them) its neighbours belong to.
   */
  async brokerPartners(first: number | null | undefined): Promise<BrokerPartnerRow[]> {
    const size = checkFirst(first, 10);
    await requireGds(this.db, 'brokerPartners');
    const network = await this.network();
    if (network.partners.length === 0 || size === 0) return [];
    const sampled = network.partners.length > this.exactBetweennessUpTo && this.betweennessSamples < network.partners.length;
    const { community, scores } = await withNetworkProjection(
      this.db,
      network,
      async (graphName) => ({
        community: await this.communities(network, graphName),
        scores: sampled
          ? await this.db.read<{ node: number; score: number }>('analytics/stream-betweenness-sampled', {
              graphName,
              samplingSize: this.betweennessSamples,
              samplingSeed: BETWEENNESS_SEED,
            })
          : await this.db.read<{ node: number; score: number }>('analytics/stream-betweenness', { graphName }),
      }),
      this.observeProjection,
    );
    const n = network.partners.length;
    const scale = sampled ? n / this.betweennessSamples : 1;
    const errorBound = sampled ? betweennessErrorBound(n, this.betweennessSamples) : 0;
    const { byKey } = this.describePartition(network, community);
    // GDS's undirected betweenness already counts each unordered pair once (checked against Brandes in the tests).
    const ranked = scores
      .filter((s) => s.score > 1e-9)
      .map((s) => ({ node: s.node, id: network.partners[s.node]!.id, score: s.score * scale }))
      .sort(byScoreThenId)
      .slice(0, size);
    return ranked.map(({ node, score }) => {
      const own = byKey.get(community[node]!)!;
      const reached = new Map<number, number>();
      for (const z of network.neighbours[node]!) reached.set(community[z]!, (reached.get(community[z]!) ?? 0) + 1);
      const reasons = [...reached]
        .map(([c, n]) => ({ row: byKey.get(c)!, n }))
        .sort((x, y) => y.n - x.n || byId(x.row, y.row))
        .map(
          ({ row, n }) =>
            `${row.id === own.id ? 'Within its own community' : 'Links to'} ${row.id} (${row.label}): ${n} ${n === 1 ? 'neighbour' : 'neighbours'}`,
        );
      return { partner: profileOf(network.partners[node]!), score, exact: !sampled, errorBound, community: own, reasons };
    });
  }

  /** Profiles with their feature sets, for the partners in `ids` and those in `stages`. */
  private async profiles(ids: string[], stages: string[]): Promise<Map<string, { partner: PartnerRow; features: Set<string> }>> {
    const rows = await this.db.read<{ partner: PartnerRow; capabilityIds: string[] }>('analytics/get-partner-profiles', { ids, stages });
    return new Map(rows.map((r) => [r.partner.id, { partner: r.partner, features: featureSet(r.partner, r.capabilityIds) }]));
  }

  /**
   * lookalikePartners: partners in `stages` (default PROSPECT) by Jaccard similarity of their features to the
   * partner's (F = capability ids ∪ types ∪ regions ∪ industries, prefixed by kind), descending, ties by id, only
   * above 0, the partner itself excluded. NOT_FOUND for an unknown partner.
   */
  async lookalikePartners(
    partnerId: string,
    first: number | null | undefined,
    stages: readonly string[] | null | undefined,
  ): Promise<SimilarPartnerRow[]> {
    const size = checkFirst(first, 10);
    const wanted = stages ?? ['PROSPECT'];
    if (wanted.length === 0) throw new BadInputError('stages must name at least one lifecycle stage', ['stages']);
    const profiles = await this.profiles([partnerId], [...wanted]);
    const self = profiles.get(partnerId);
    if (!self) throw new NotFoundError(`No partner with id ${partnerId}`, ['partnerId']);
    const inStages = new Set(wanted);
    return [...profiles.values()]
      .filter((q) => q.partner.id !== partnerId && inStages.has(q.partner.lifecycleStage))
      .map((q) => ({ q, id: q.partner.id, score: jaccard(self.features, q.features) }))
      .filter((x) => x.score > 0)
      .sort(byScoreThenId)
      .slice(0, size)
      .map(({ q, score }) => ({
        partner: q.partner,
        similarity: score,
        sharedFeatures: [...q.features].filter((f) => self.features.has(f)).sort(),
      }));
  }

  /**
   * recruitmentCandidates: PROSPECT partners (exemplars excluded) by mean Jaccard similarity to the exemplars,
   * descending, ties by id, only above 0; `closesGaps` lists the capabilities it holds whose whole-ecosystem
   * gapAnalysis status is GAP or THIN, ordered by id. BAD_USER_INPUT for no, too many or repeated exemplars,
   * NOT_FOUND (path exemplarIds.i) for an unknown one.
   */
  async recruitmentCandidates(
    exemplarIds: readonly string[],
    first: number | null | undefined,
    gaps: () => Promise<{ capability: CapabilityRow; status: string }[]>,
  ): Promise<RecruitmentCandidateRow[]> {
    const size = checkFirst(first, 10);
    if (exemplarIds.length === 0 || exemplarIds.length > MAX_EXEMPLARS) {
      throw new BadInputError(`exemplarIds must name 1 to ${MAX_EXEMPLARS} partners`, ['exemplarIds']);
    }
    const repeated = exemplarIds.findIndex((id, i) => exemplarIds.indexOf(id) !== i);
    if (repeated >= 0) throw new BadInputError(`${exemplarIds[repeated]} is named twice`, ['exemplarIds', String(repeated)]);
    const profiles = await this.profiles([...exemplarIds], ['PROSPECT']);
    const missing = exemplarIds.findIndex((id) => !profiles.has(id));
    if (missing >= 0) throw new NotFoundError(`No partner with id ${exemplarIds[missing]}`, ['exemplarIds', String(missing)]);
    const exemplars = exemplarIds.map((id) => profiles.get(id)!.features);
    const excluded = new Set(exemplarIds);
    const ranked = [...profiles.values()]
      .filter((q) => q.partner.lifecycleStage === 'PROSPECT' && !excluded.has(q.partner.id))
      .map((q) => ({ q, id: q.partner.id, score: exemplars.reduce((s, e) => s + jaccard(e, q.features), 0) / exemplars.length }))
      .filter((x) => x.score > 0)
      .sort(byScoreThenId)
      .slice(0, size);
    if (ranked.length === 0) return [];
    const open = new Map(
      (await gaps()).filter((g) => g.status === 'GAP' || g.status === 'THIN').map((g) => [`capability:${g.capability.id}`, g.capability]),
    );
    return ranked.map(({ q, score }) => ({
      partner: q.partner,
      similarity: score,
      closesGaps: [...q.features]
        .filter((f) => open.has(f))
        .map((f) => open.get(f)!)
        .sort(byId),
    }));
  }

  /**
   * predictedIntegrations: TECHNOLOGY partners not integrated with the partner, by the Adamic–Adar index on the
   * unweighted network as the viewer may see it (Σ over common neighbours z of 1 / ln deg(z)), only above 0,
   * ties by id. A partner outside the network (not ACTIVE or ONBOARDING) has no neighbours, so no predictions.
   */
  async predictedIntegrations(partnerId: string, first: number | null | undefined): Promise<PredictedIntegrationRow[]> {
    const size = checkFirst(first, 10);
    const [own] = await this.db.read<{ exists: boolean; integratedIds: string[] }>('analytics/get-integrated-partner-ids', { partnerId });
    if (!own?.exists) throw new NotFoundError(`No partner with id ${partnerId}`, ['partnerId']);
    const network = await this.network();
    const p = network.index.get(partnerId);
    if (p === undefined) return [];
    const integrated = new Set(own.integratedIds);
    return [...adamicAdar(network, p)]
      .map(([q, s]) => ({ q: network.partners[q]!, id: network.partners[q]!.id, score: s.score, common: s.common }))
      .filter((x) => x.score > 0 && (x.q.types ?? []).includes('TECHNOLOGY') && !integrated.has(x.id))
      .sort(byScoreThenId)
      .slice(0, size)
      .map(({ q, score, common }) => ({ partner: profileOf(q), score, commonNeighbours: common }));
  }
}
