// Brute-force oracles for the network analytics, computed from the raw graph (read with plain MATCHes, not the
// service's Cypher): the partner network by its definition, Newman modularity, a plain Louvain, Brandes
// betweenness, Jaccard and Adamic–Adar. Nothing here imports src/analytics.
import type { CypherExecutor } from '../../src/db/executor.js';

export interface RawPartner {
  id: string;
  stage: string;
  types: string[];
  regions: string[];
  industries: string[];
  capabilities: string[];
}

export interface RawGraph {
  partners: Map<string, RawPartner>;
  accounts: [string, string][];
  integrations: [string, string][];
  participations: [string, string][];
  grants: { from: string; to: string; level: string }[];
  needs: [string, string][];
  requires: { solution: string; status: string | null; capability: string }[];
}

export async function readRawGraph(db: CypherExecutor): Promise<RawGraph> {
  const partners = await db.runText<RawPartner>(
    `MATCH (p:Partner) RETURN p.id AS id, p.lifecycleStage AS stage, coalesce(p.types, []) AS types, coalesce(p.regions, []) AS regions,
            coalesce(p.industries, []) AS industries, [(p)-[:HAS_CAPABILITY]->(c:Capability) | c.id] AS capabilities`,
  );
  const pairs = async (q: string) => (await db.runText<{ a: string; b: string }>(q)).map((r) => [r.a, r.b] as [string, string]);
  return {
    partners: new Map(partners.map((p) => [p.id, p])),
    accounts: await pairs('MATCH (p:Partner)-[:HAS_ACCOUNT]->(c:Customer) RETURN p.id AS a, c.id AS b'),
    integrations: await pairs('MATCH (p:Partner)-[:INTEGRATES_WITH]->(q:Partner) RETURN p.id AS a, q.id AS b'),
    participations: await pairs('MATCH (p:Partner)-[:PARTICIPATES_IN]->(d:Deal) RETURN p.id AS a, d.id AS b'),
    grants: await db.runText('MATCH (a:Partner)-[g:SHARES_WITH]->(b:Partner) RETURN a.id AS from, b.id AS to, g.level AS level'),
    needs: await pairs('MATCH (u:Customer)-[:NEEDS]->(c:Capability) RETURN u.id AS a, c.id AS b'),
    requires: await db.runText(
      'MATCH (s:Solution)-[:REQUIRES]->(c:Capability) RETURN s.id AS solution, s.status AS status, c.id AS capability',
    ),
  };
}

export interface Net {
  ids: string[];
  index: Map<string, number>;
  /** adjacency with weights */
  adj: Map<number, number>[];
  m: number;
}

const ELIGIBLE = new Set(['ACTIVE', 'ONBOARDING']);

/**
 * The partner network by its definition: w = shared customers + 3 × integrated + 2 × shared deals, on eligible
 * partners. With `viewer`, only accounts the viewer may see (own, FULL grant, OVERLAPS grant on a customer the
 * viewer has an account on) and only deals the viewer takes part in.
 */
export function buildNetwork(g: RawGraph, viewer?: string): Net {
  const ids = [...g.partners.values()]
    .filter((p) => ELIGIBLE.has(p.stage))
    .map((p) => p.id)
    .sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj = ids.map(() => new Map<number, number>());
  const add = (a: string, b: string, w: number) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) return;
    adj[i]!.set(j, (adj[i]!.get(j) ?? 0) + w);
    adj[j]!.set(i, (adj[j]!.get(i) ?? 0) + w);
  };
  const grant = new Map(g.grants.map((x) => [`${x.from}>${x.to}`, x.level]));
  const viewerCustomers = new Set(g.accounts.filter(([p]) => p === viewer).map(([, c]) => c));
  const visible = (p: string, c: string) => {
    if (viewer === undefined || p === viewer) return true;
    const level = grant.get(`${p}>${viewer}`);
    return level === 'FULL' || (level === 'OVERLAPS' && viewerCustomers.has(c));
  };
  const group = (rows: [string, string][], keep: (p: string, x: string) => boolean) => {
    const by = new Map<string, Set<string>>();
    for (const [p, x] of rows) if (keep(p, x)) by.set(x, (by.get(x) ?? new Set()).add(p));
    return by;
  };
  for (const members of group(g.accounts, visible).values()) {
    const list = [...members];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i]!, list[j]!, 1);
  }
  const viewerDeals = new Set(g.participations.filter(([p]) => p === viewer).map(([, d]) => d));
  for (const members of group(g.participations, (_p, d) => viewer === undefined || viewerDeals.has(d)).values()) {
    const list = [...members];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i]!, list[j]!, 2);
  }
  const integrated = new Set<string>();
  for (const [a, b] of g.integrations) {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (integrated.has(key)) continue;
    integrated.add(key);
    add(a, b, 3);
  }
  let m = 0;
  adj.forEach((row, i) => row.forEach((w, j) => (m += j > i ? w : 0)));
  return { ids, index, adj, m };
}

/** Newman modularity, resolution 1, of `community` (node index -> key). */
export function newmanModularity(net: Net, community: (string | number)[]): number {
  if (net.m === 0) return 0;
  const inside = new Map<string | number, number>();
  const degree = new Map<string | number, number>();
  net.adj.forEach((row, i) => {
    row.forEach((w, j) => {
      degree.set(community[i]!, (degree.get(community[i]!) ?? 0) + w);
      if (j > i && community[i] === community[j]) inside.set(community[i]!, (inside.get(community[i]!) ?? 0) + w);
    });
  });
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / net.m - (d / (2 * net.m)) ** 2;
  return q;
}

/** A plain Louvain (Blondel et al. 2008): local moves by modularity gain, then aggregation, until nothing moves. */
export function plainLouvain(net: Net): number[] {
  let adj = net.adj.map((row) => new Map(row));
  let selfLoops = adj.map(() => 0);
  const m2 = 2 * net.m;
  let membership = net.ids.map((_id, i) => i);
  if (net.m === 0) return membership;
  for (;;) {
    const n = adj.length;
    const k = adj.map((row, i) => [...row.values()].reduce((s, w) => s + w, 0) + 2 * selfLoops[i]!);
    const comm = adj.map((_r, i) => i);
    const tot = [...k];
    let movedAny = false;
    for (let improved = true; improved;) {
      improved = false;
      for (let i = 0; i < n; i++) {
        const links = new Map<number, number>();
        for (const [j, w] of adj[i]!) links.set(comm[j]!, (links.get(comm[j]!) ?? 0) + w);
        const own = comm[i]!;
        tot[own]! -= k[i]!;
        let best = own;
        let bestGain = (links.get(own) ?? 0) - (tot[own]! * k[i]!) / m2;
        for (const [c, w] of links) {
          const gain = w - (tot[c]! * k[i]!) / m2;
          if (gain > bestGain + 1e-12) {
            best = c;
            bestGain = gain;
          }
        }
        tot[best]! += k[i]!;
        if (best !== own) {
          comm[i] = best;
          improved = true;
          movedAny = true;
        }
      }
    }
    if (!movedAny) break;
    const renumber = new Map<number, number>();
    for (const c of comm) if (!renumber.has(c)) renumber.set(c, renumber.size);
    membership = membership.map((c) => renumber.get(comm[c]!)!);
    const next = [...renumber.keys()].map(() => new Map<number, number>());
    const nextSelf = [...renumber.keys()].map(() => 0);
    adj.forEach((row, i) => {
      const ci = renumber.get(comm[i]!)!;
      nextSelf[ci]! += selfLoops[i]!;
      row.forEach((w, j) => {
        const cj = renumber.get(comm[j]!)!;
        if (ci === cj) {
          if (j > i) nextSelf[ci]! += w;
        } else next[ci]!.set(cj, (next[ci]!.get(cj) ?? 0) + w);
      });
    });
    adj = next;
    selfLoops = nextSelf;
  }
  return membership;
}

/** Brandes (2001) on the unweighted undirected network: Σ over unordered pairs {s, t} of σst(v)/σst. */
export function brandes(net: Net): number[] {
  const n = net.ids.length;
  const cb = new Array<number>(n).fill(0);
  const nb = net.adj.map((row) => [...row.keys()]);
  for (let s = 0; s < n; s++) {
    const stack: number[] = [];
    const pred: number[][] = nb.map(() => []);
    const sigma = new Array<number>(n).fill(0);
    const dist = new Array<number>(n).fill(-1);
    sigma[s] = 1;
    dist[s] = 0;
    const queue = [s];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      stack.push(v);
      for (const w of nb[v]!) {
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          queue.push(w);
        }
        if (dist[w] === dist[v]! + 1) {
          sigma[w]! += sigma[v]!;
          pred[w]!.push(v);
        }
      }
    }
    const delta = new Array<number>(n).fill(0);
    while (stack.length) {
      const w = stack.pop()!;
      for (const v of pred[w]!) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      if (w !== s) cb[w]! += delta[w]!;
    }
  }
  return cb.map((x) => x / 2);
}

export function features(p: RawPartner): Set<string> {
  return new Set([
    ...p.capabilities.map((c) => `capability:${c}`),
    ...p.types.map((t) => `type:${t}`),
    ...p.regions.map((r) => `region:${r}`),
    ...p.industries.map((i) => `industry:${i}`),
  ]);
}

export function jaccardOf(a: Set<string>, b: Set<string>): number {
  const inter = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return union === 0 ? 0 : inter / union;
}

/** Adamic–Adar of p with every q: Σ over common neighbours z of 1 / ln deg(z). */
export function adamicAdarOf(net: Net, p: number, q: number): number {
  let s = 0;
  for (const z of net.adj[p]!.keys()) if (net.adj[q]!.has(z)) s += 1 / Math.log(net.adj[z]!.size);
  return s;
}

/** Sorts {id, score} by score descending (within 1e-9 relative as equal) then id. */
export function ranked<T extends { id: string; score: number }>(rows: T[]): T[] {
  return [...rows].sort((x, y) => {
    const scale = Math.max(1, Math.abs(x.score), Math.abs(y.score));
    if (Math.abs(x.score - y.score) > 1e-9 * scale) return y.score - x.score;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
}
