// The partner network (README, "Network analytics") held in memory, and the exact formulas computed on it:
// Newman modularity of a partition, Adamic–Adar, Jaccard of feature sets. GDS runs the algorithms that need a
// library (Louvain, betweenness); these are the closed formulas an outsider recomputes.
import type { PartnerRow } from '../model/rows.js';

/** A node of the network: an eligible partner's profile and capabilities. */
export interface NetworkPartner extends PartnerRow {
  capabilities: { id: string; name: string }[];
}

/** An undirected edge between node indices a < b with weight w > 0. */
export interface NetworkEdge {
  a: number;
  b: number;
  w: number;
}

/** The rows `cypher/analytics/get-network-edges` returns. */
export interface NetworkEdgeRow {
  a: string;
  b: string;
  customers: number;
  integrated: number;
  deals: number;
}

/** w(p, q) = shared customers + 3 × [integrated] + 2 × shared deals (the fixed definition). */
export function edgeWeight(row: Pick<NetworkEdgeRow, 'customers' | 'integrated' | 'deals'>): number {
  return row.customers + 3 * (row.integrated > 0 ? 1 : 0) + 2 * row.deals;
}

export class PartnerNetwork {
  /** Node index by partner id. */
  readonly index = new Map<string, number>();
  /** Neighbour indices per node (unweighted view). */
  readonly neighbours: number[][];
  /** Sum of w over a node's edges. */
  readonly strength: number[];
  /** Sum of w over all edges (m in Newman's formula). */
  readonly totalWeight: number;

  constructor(
    readonly partners: NetworkPartner[],
    readonly edges: NetworkEdge[],
  ) {
    partners.forEach((p, i) => this.index.set(p.id, i));
    this.neighbours = partners.map(() => []);
    this.strength = partners.map(() => 0);
    let total = 0;
    for (const e of edges) {
      this.neighbours[e.a]!.push(e.b);
      this.neighbours[e.b]!.push(e.a);
      this.strength[e.a]! += e.w;
      this.strength[e.b]! += e.w;
      total += e.w;
    }
    this.totalWeight = total;
  }

  /** Builds the network from the partner rows (ordered by id) and the edge rows; edges to unknown ids are dropped. */
  static fromRows(partners: NetworkPartner[], rows: NetworkEdgeRow[]): PartnerNetwork {
    const index = new Map(partners.map((p, i) => [p.id, i] as const));
    const edges: NetworkEdge[] = [];
    for (const row of rows) {
      const a = index.get(row.a);
      const b = index.get(row.b);
      const w = edgeWeight(row);
      if (a === undefined || b === undefined || a === b || w <= 0) continue;
      edges.push(a < b ? { a, b, w } : { a: b, b: a, w });
    }
    return new PartnerNetwork(partners, edges);
  }
}

/**
 * Newman's modularity with resolution 1 on the weights w: Q = Σ_c [ W_c / m − (S_c / 2m)² ], where m is the total
 * weight, W_c the weight of edges inside community c and S_c the sum of its members' strengths (Newman 2004,
 * "Analysis of weighted networks"). 0 for a network without edges. `community[i]` is node i's community key.
 */
export function modularity(network: PartnerNetwork, community: readonly (number | string)[]): number {
  const m = network.totalWeight;
  if (m === 0) return 0;
  const inside = new Map<number | string, number>();
  const strength = new Map<number | string, number>();
  network.strength.forEach((s, i) => strength.set(community[i]!, (strength.get(community[i]!) ?? 0) + s));
  for (const e of network.edges) {
    if (community[e.a] === community[e.b]) inside.set(community[e.a]!, (inside.get(community[e.a]!) ?? 0) + e.w);
  }
  let q = 0;
  for (const [c, s] of strength) q += (inside.get(c) ?? 0) / m - (s / (2 * m)) ** 2;
  return q;
}

/**
 * Adamic–Adar index of node p with every other node on the unweighted network: Σ over common neighbours z of
 * 1 / ln deg(z) (Adamic & Adar 2003). deg(z) ≥ 2 for a common neighbour, so every term is finite. Only nodes with
 * at least one common neighbour appear; the value also counts them.
 */
export function adamicAdar(network: PartnerNetwork, p: number): Map<number, { score: number; common: number }> {
  const scores = new Map<number, { score: number; common: number }>();
  for (const z of network.neighbours[p] ?? []) {
    const term = 1 / Math.log(network.neighbours[z]!.length);
    for (const q of network.neighbours[z]!) {
      if (q === p) continue;
      const s = scores.get(q) ?? { score: 0, common: 0 };
      s.score += term;
      s.common += 1;
      scores.set(q, s);
    }
  }
  return scores;
}

/** The similarity features of a partner: F(p) = {capability ids} ∪ {types} ∪ {regions} ∪ {industries}, each prefixed by its kind. */
export function featureSet(
  profile: { types?: string[] | null; regions?: string[] | null; industries?: string[] | null },
  capabilityIds: string[],
): Set<string> {
  return new Set([
    ...capabilityIds.map((id) => `capability:${id}`),
    ...(profile.types ?? []).map((t) => `type:${t}`),
    ...(profile.regions ?? []).map((r) => `region:${r}`),
    ...(profile.industries ?? []).map((i) => `industry:${i}`),
  ]);
}

/** Jaccard similarity |A ∩ B| / |A ∪ B| (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Orders by score descending then id ascending; scores within 1e-9 (relative) count as a tie, so float noise cannot reorder equals. */
export function byScoreThenId<T extends { score: number; id: string }>(x: T, y: T): number {
  const scale = Math.max(1, Math.abs(x.score), Math.abs(y.score));
  if (Math.abs(x.score - y.score) > 1e-9 * scale) return y.score - x.score;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
