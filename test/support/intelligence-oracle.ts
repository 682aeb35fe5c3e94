// The brute forces of the intelligence operations (straight loops over a dump of the graph), shared by the
// random-ecosystem tests: test/intelligence.int.test.ts feeds them the database's current graph, and
// test/time-reads.int.test.ts the graph as of an instant, built in TypeScript from the same random document.
import type { CypherExecutor } from '../../src/db/executor.js';
import { formatMinor, sumByCurrency } from '../../src/money/money.js';

export const sortEdges = (edges: { source: string; target: string; kind: string }[]) =>
  [...edges].sort((a, b) => `${a.source} ${a.target} ${a.kind}`.localeCompare(`${b.source} ${b.target} ${b.kind}`));

export interface Dump {
  partners: { id: string; types: string[]; tier: string; lifecycleStage: string; regions: string[]; industries: string[] }[];
  has: Map<string, Map<string, string>>;
  capabilityIds: string[];
  customers: { id: string; region: string | null; industry: string | null }[];
  needs: Map<string, Set<string>>;
  accounts: Map<string, Map<string, string>>;
  integrated: Set<string>;
  solutions: { id: string; status: string }[];
  requires: Map<string, Set<string>>;
  members: Map<string, Set<string>>;
  deals: { id: string; stage: string; amountMinor: number | bigint; currency: string }[];
  participates: Map<string, Set<string>>;
}

export async function dumpGraph(executor: CypherExecutor): Promise<Dump> {
  const q = <T>(text: string) => executor.runText<T>(text);
  const group = <K, V>(rows: [K, V][]) => {
    const m = new Map<K, Set<V>>();
    for (const [k, v] of rows) (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
    return m;
  };
  const partners = await q<Dump['partners'][number]>(
    'MATCH (p:Partner) RETURN p.id AS id, p.types AS types, p.tier AS tier, p.lifecycleStage AS lifecycleStage, coalesce(p.regions, []) AS regions, coalesce(p.industries, []) AS industries',
  );
  const has = new Map<string, Map<string, string>>();
  for (const r of await q<{ p: string; c: string; level: string }>(
    'MATCH (p:Partner)-[h:HAS_CAPABILITY]->(c:Capability) RETURN p.id AS p, c.id AS c, h.level AS level',
  )) {
    (has.get(r.p) ?? has.set(r.p, new Map()).get(r.p)!).set(r.c, r.level);
  }
  const accounts = new Map<string, Map<string, string>>();
  for (const r of await q<{ p: string; u: string; status: string }>(
    'MATCH (p:Partner)-[a:HAS_ACCOUNT]->(u:Customer) RETURN p.id AS p, u.id AS u, a.status AS status',
  )) {
    (accounts.get(r.p) ?? accounts.set(r.p, new Map()).get(r.p)!).set(r.u, r.status);
  }
  const pairs = await q<{ a: string; b: string }>('MATCH (a:Partner)-[:INTEGRATES_WITH]-(b:Partner) RETURN a.id AS a, b.id AS b');
  return {
    partners,
    has,
    capabilityIds: (await q<{ id: string }>('MATCH (c:Capability) RETURN c.id AS id')).map((r) => r.id),
    customers: await q('MATCH (u:Customer) RETURN u.id AS id, u.region AS region, u.industry AS industry'),
    needs: group(
      (await q<{ u: string; c: string }>('MATCH (u:Customer)-[:NEEDS]->(c:Capability) RETURN u.id AS u, c.id AS c')).map((r) => [r.u, r.c]),
    ),
    accounts,
    integrated: new Set(pairs.map((r) => `${r.a} ${r.b}`)),
    solutions: await q('MATCH (s:Solution) RETURN s.id AS id, s.status AS status'),
    requires: group(
      (await q<{ s: string; c: string }>('MATCH (s:Solution)-[:REQUIRES]->(c:Capability) RETURN s.id AS s, c.id AS c')).map((r) => [
        r.s,
        r.c,
      ]),
    ),
    members: group(
      (await q<{ p: string; s: string }>('MATCH (p:Partner)-[:MEMBER_OF]->(s:Solution) RETURN p.id AS p, s.id AS s')).map((r) => [
        r.p,
        r.s,
      ]),
    ),
    deals: await q('MATCH (d:Deal) RETURN d.id AS id, d.stage AS stage, d.amountMinor AS amountMinor, d.currency AS currency'),
    participates: group(
      (await q<{ p: string; d: string }>('MATCH (p:Partner)-[:PARTICIPATES_IN]->(d:Deal) RETURN p.id AS p, d.id AS d')).map((r) => [
        r.p,
        r.d,
      ]),
    ),
  };
}

export const eligible = (p: { lifecycleStage: string }) => p.lifecycleStage === 'ACTIVE' || p.lifecycleStage === 'ONBOARDING';
export const byIdAsc = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const TIERS = ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'];
export const STATUS = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'];

export function expectedMatches(g: Dump, pid: string, first: number) {
  const p = g.partners.find((x) => x.id === pid)!;
  const own = g.has.get(pid) ?? new Map();
  const mine = g.accounts.get(pid) ?? new Map();
  const out = [];
  for (const q of g.partners) {
    if (q.id === pid || !eligible(q)) continue;
    const complementary = [...(g.has.get(q.id)?.keys() ?? [])].filter((c) => !own.has(c)).sort(byIdAsc);
    if (complementary.length === 0) continue;
    const theirs = g.accounts.get(q.id) ?? new Map();
    const shared = [...mine.keys()].filter((u) => theirs.has(u)).length;
    // Each complementary capability with the number of pid's customers needing it, most needed first (names sort like ids here: "Capability 0" to "Capability 6").
    const complementaryNeeds = complementary
      .map((c) => ({ capability: { id: c }, neededBy: [...mine.keys()].filter((u) => g.needs.get(u)?.has(c)).length }))
      .sort((a, b) => b.neededBy - a.neededBy || byIdAsc(a.capability.id, b.capability.id));
    const demand = complementaryNeeds.reduce((sum, c) => sum + c.neededBy, 0);
    const integrated = g.integrated.has(`${pid} ${q.id}`);
    const sharedRegions = q.regions.filter((r) => p.regions.includes(r));
    const sharedIndustries = q.industries.filter((i) => p.industries.includes(i));
    const score =
      3 * shared + 2 * demand + (integrated ? 5 : 0) + sharedRegions.length + sharedIndustries.length + 0.5 * complementary.length;
    out.push({
      partner: { id: q.id },
      score,
      sharedCustomerCount: shared,
      integrated,
      complementDemand: demand,
      sharedRegions,
      sharedIndustries,
      complementaryCapabilities: complementary.map((c) => ({ id: c })),
      complementaryNeeds,
    });
  }
  return out.sort((a, b) => b.score - a.score || byIdAsc(a.partner.id, b.partner.id)).slice(0, first);
}

export function expectedGaps(g: Dump, region: string | null, industry: string | null) {
  const rows = [];
  for (const c of g.capabilityIds) {
    const customerDemand = g.customers.filter(
      (u) => g.needs.get(u.id)?.has(c) && (region === null || u.region === region) && (industry === null || u.industry === industry),
    ).length;
    const solutionDemand = g.solutions.filter((s) => s.status !== 'RETIRED' && g.requires.get(s.id)?.has(c)).length;
    if (customerDemand + solutionDemand === 0) continue;
    const supply = g.partners.filter(
      (p) =>
        eligible(p) &&
        g.has.get(p.id)?.has(c) &&
        (region === null || p.regions.includes(region)) &&
        (industry === null || p.industries.includes(industry)),
    ).length;
    rows.push({
      capability: { id: c },
      customerDemand,
      solutionDemand,
      supply,
      status: supply === 0 ? 'GAP' : supply === 1 ? 'THIN' : 'COVERED',
    });
  }
  const rank = { GAP: 0, THIN: 1, COVERED: 2 } as const;
  return rows.sort(
    (a, b) =>
      rank[a.status as keyof typeof rank] - rank[b.status as keyof typeof rank] ||
      b.customerDemand + b.solutionDemand - (a.customerDemand + a.solutionDemand) ||
      byIdAsc(a.capability.id, b.capability.id),
  );
}

export function expectedImpact(g: Dump, pid: string) {
  const p = g.partners.find((x) => x.id === pid)!;
  const inDemand = (c: string) =>
    g.customers.some((u) => g.needs.get(u.id)?.has(c)) || g.solutions.some((s) => s.status !== 'RETIRED' && g.requires.get(s.id)?.has(c));
  const capabilitiesLost = eligible(p)
    ? [...(g.has.get(pid)?.keys() ?? [])].filter(
        (c) => inDemand(c) && !g.partners.some((o) => o.id !== pid && eligible(o) && g.has.get(o.id)?.has(c)),
      )
    : [];
  const orphaned = [...(g.accounts.get(pid)?.keys() ?? [])].filter(
    (u) => !g.partners.some((o) => o.id !== pid && g.accounts.get(o.id)?.has(u)),
  );
  const solutions = g.solutions.filter((s) => s.status !== 'RETIRED' && g.members.get(pid)?.has(s.id)).map((s) => s.id);
  const deals = g.deals.filter((d) => !d.stage.startsWith('CLOSED_') && g.participates.get(pid)?.has(d.id));
  return {
    capabilitiesLost: capabilitiesLost.sort(byIdAsc).map((id) => ({ id })),
    orphanedCustomers: orphaned.sort(byIdAsc).map((id) => ({ id })),
    solutionsAffected: solutions.sort(byIdAsc).map((id) => ({ id })),
    openDealsAffected: deals
      .map((d) => d.id)
      .sort(byIdAsc)
      .map((id) => ({ id })),
    revenueAtRisk: sumByCurrency(deals.map((d) => ({ minor: BigInt(d.amountMinor), currency: d.currency }))).map((m) => ({
      amount: formatMinor(m.minor, m.currency),
      currency: m.currency,
    })),
  };
}

export function expectedOverlap(g: Dump, a: string, b: string) {
  const mine = g.accounts.get(a) ?? new Map<string, string>();
  const theirs = g.accounts.get(b) ?? new Map<string, string>();
  const shared = [...mine.keys()].filter((u) => theirs.has(u)).sort(byIdAsc);
  const cells = new Map<string, number>();
  for (const u of shared) cells.set(`${mine.get(u)} ${theirs.get(u)}`, (cells.get(`${mine.get(u)} ${theirs.get(u)}`) ?? 0) + 1);
  return {
    sharedCustomerCount: shared.length,
    cells: [...cells.entries()]
      .map(([k, count]) => ({ status: k.split(' ')[0]!, otherStatus: k.split(' ')[1]!, count }))
      .sort((x, y) => STATUS.indexOf(x.status) - STATUS.indexOf(y.status) || STATUS.indexOf(x.otherStatus) - STATUS.indexOf(y.otherStatus)),
    customers: shared,
  };
}

export const MAP_KINDS = {
  Partner: 'PARTNER',
  Capability: 'CAPABILITY',
  Customer: 'CUSTOMER',
  Solution: 'SOLUTION',
  Deal: 'DEAL',
} as const;
export const DRAWN =
  'HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION';

export interface MapDump {
  nodes: Map<
    string,
    {
      id: string;
      kind: string;
      name: string | null;
      types: string[] | null;
      regions: string[] | null;
      industries: string[] | null;
      region: string | null;
      industry: string | null;
      category: string | null;
      status: string | null;
      stage: string | null;
    }
  >;
  rels: { a: string; b: string; t: string }[];
  /** Sharing grants: `grantor grantee` → level. */
  grants: Map<string, string>;
}

/** Every map node and drawn relationship in the database (the whole database, as the overview sees it). */
export async function dumpMap(executor: CypherExecutor): Promise<MapDump> {
  const rows = await executor.runText<any>(`MATCH (n) WHERE n:Partner OR n:Capability OR n:Customer OR n:Solution OR n:Deal
    RETURN n.id AS id, [l IN labels(n) WHERE l IN ['Partner', 'Capability', 'Customer', 'Solution', 'Deal']][0] AS label, n.name AS name,
           n.types AS types, n.regions AS regions, n.industries AS industries, n.region AS region, n.industry AS industry,
           n.category AS category, n.status AS status, n.stage AS stage`);
  const rels = await executor.runText<{ a: string; b: string; t: string }>(
    `MATCH (a)-[r:${DRAWN}]->(b) RETURN a.id AS a, b.id AS b, type(r) AS t`,
  );
  const grants = await executor.runText<{ g: string; v: string; level: string }>(
    'MATCH (g:Partner)-[s:SHARES_WITH]->(v:Partner) RETURN g.id AS g, v.id AS v, s.level AS level',
  );
  return {
    nodes: new Map(rows.map((r) => [r.id, { ...r, kind: MAP_KINDS[r.label as keyof typeof MAP_KINDS] }])),
    rels,
    grants: new Map(grants.map((x) => [`${x.g} ${x.v}`, x.level])),
  };
}

/** What a PARTNER viewer may see of the map (README, "Roles and grants"): which relationships, and which customers, deals and solutions. */
export function mapScope(m: MapDump, viewer: string) {
  const accounts = new Set<string>();
  const own = new Set(m.rels.filter((x) => x.t === 'HAS_ACCOUNT' && x.a === viewer).map((x) => x.b));
  for (const x of m.rels) {
    if (x.t !== 'HAS_ACCOUNT') continue;
    const level = m.grants.get(`${x.a} ${viewer}`);
    if (x.a === viewer || level === 'FULL' || (level === 'OVERLAPS' && own.has(x.b))) accounts.add(`${x.a} ${x.b}`);
  }
  const deals = new Set(m.rels.filter((x) => x.t === 'PARTICIPATES_IN' && x.a === viewer).map((x) => x.b));
  const customers = new Set([...accounts].map((k) => k.split(' ')[1]!));
  for (const x of m.rels) if (x.t === 'FOR_CUSTOMER' && deals.has(x.a)) customers.add(x.b);
  const solutions = new Set(m.rels.filter((x) => x.t === 'MEMBER_OF' && x.a === viewer).map((x) => x.b));
  const nodeVisible = (id: string) => {
    const kind = m.nodes.get(id)!.kind;
    return kind === 'CUSTOMER' ? customers.has(id) : kind === 'DEAL' ? deals.has(id) : kind === 'SOLUTION' ? solutions.has(id) : true;
  };
  return {
    nodeVisible,
    relVisible: (x: { a: string; b: string; t: string }) =>
      nodeVisible(x.a) && nodeVisible(x.b) && (x.t !== 'HAS_ACCOUNT' || accounts.has(`${x.a} ${x.b}`)),
  };
}

export interface MapRequest {
  centerId?: string;
  depth?: number;
  kinds?: string[];
  partnerTypes?: string[];
  regions?: string[];
  industries?: string[];
  limit?: number;
}

/** The README's map by straight loops: a breadth-first search through the nodes that pass, then nearest, heaviest, id. */
export function expectedMap(m: MapDump, r: MapRequest, viewer?: string) {
  const scope = viewer ? mapScope(m, viewer) : { nodeVisible: () => true, relVisible: () => true };
  const visibleRels = m.rels.filter((x) => scope.relVisible(x));
  const kinds = r.kinds ?? (r.centerId ? Object.values(MAP_KINDS) : ['PARTNER', 'CAPABILITY']);
  const limit = r.limit ?? 200;
  const anyIn = (list: string[] | null, wanted: string[] | undefined) => !wanted || (list ?? []).some((x) => wanted.includes(x));
  const passes = (id: string) => {
    const n = m.nodes.get(id)!;
    if (!kinds.includes(n.kind) || !scope.nodeVisible(id)) return false;
    if (n.kind === 'PARTNER') return anyIn(n.types, r.partnerTypes) && anyIn(n.regions, r.regions) && anyIn(n.industries, r.industries);
    if (n.kind === 'CUSTOMER')
      return (!r.regions || r.regions.includes(n.region!)) && (!r.industries || r.industries.includes(n.industry!));
    if (n.kind === 'SOLUTION') return anyIn(n.regions, r.regions) && anyIn(n.industries, r.industries);
    return true;
  };
  const weight = new Map<string, number>();
  const around = new Map<string, string[]>();
  for (const { a, b } of visibleRels) {
    weight.set(a, (weight.get(a) ?? 0) + 1);
    weight.set(b, (weight.get(b) ?? 0) + 1);
    (around.get(a) ?? around.set(a, []).get(a)!).push(b);
    (around.get(b) ?? around.set(b, []).get(b)!).push(a);
  }
  const distance = new Map<string, number>();
  if (r.centerId) {
    if (!m.nodes.has(r.centerId) || !scope.nodeVisible(r.centerId)) return { nodes: [], edges: [], truncated: false };
    distance.set(r.centerId, 0);
    let ring = [r.centerId];
    for (let d = 1; d <= (r.depth ?? 1); d++) {
      const next = [];
      for (const x of ring)
        for (const y of around.get(x) ?? [])
          if (!distance.has(y) && passes(y)) {
            distance.set(y, d);
            next.push(y);
          }
      ring = next;
    }
  } else {
    for (const id of m.nodes.keys()) if (passes(id)) distance.set(id, 0);
  }
  const found = [...distance.keys()].sort(
    (a, b) => distance.get(a)! - distance.get(b)! || (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || byIdAsc(a, b),
  );
  const kept = found.slice(0, limit);
  const keptSet = new Set(kept);
  const group = (n: MapDump['nodes'] extends Map<string, infer N> ? N : never) =>
    n.kind === 'PARTNER'
      ? (n.types?.[0] ?? null)
      : n.kind === 'CAPABILITY'
        ? n.category
        : n.kind === 'CUSTOMER'
          ? n.industry
          : n.kind === 'SOLUTION'
            ? n.status
            : n.stage;
  return {
    nodes: kept.map((id) => {
      const n = m.nodes.get(id)!;
      return { id, kind: n.kind, label: n.name ?? id, group: group(n), weight: weight.get(id) ?? 0, distance: distance.get(id)! };
    }),
    edges: sortEdges(visibleRels.filter((x) => keptSet.has(x.a) && keptSet.has(x.b)).map((x) => ({ source: x.a, target: x.b, kind: x.t }))),
    truncated: found.length > limit,
  };
}

export interface AssembleRequest {
  capabilityIds: string[];
  region: string;
  industry: string | null;
  maxPartners: number;
  requiredTypes: string[];
  includePartnerIds: string[];
  excludePartnerIds: string[];
  limit: number;
}

/** Every minimal proposal by enumerating subsets of the relevant pool partners (plus the included ones). */
export function expectedAssembly(g: Dump, r: AssembleRequest): { uncovered: string[]; proposals: string[][] } {
  const pool = g.partners.filter(
    (p) =>
      eligible(p) &&
      p.regions.includes(r.region) &&
      (r.industry === null || p.industries.includes(r.industry)) &&
      !r.excludePartnerIds.includes(p.id),
  );
  const caps = [...new Set(r.capabilityIds)];
  const uncovered = caps.filter((c) => !pool.some((p) => g.has.get(p.id)?.has(c))).sort(byIdAsc);
  if (uncovered.length > 0) return { uncovered, proposals: [] };
  const included = pool.filter((p) => r.includePartnerIds.includes(p.id));
  if (included.length < new Set(r.includePartnerIds).size) return { uncovered: [], proposals: [] };
  const meets = (set: typeof pool) =>
    caps.every((c) => set.some((p) => g.has.get(p.id)?.has(c))) && r.requiredTypes.every((t) => set.some((p) => p.types.includes(t)));
  const relevant = pool.filter(
    (p) =>
      !r.includePartnerIds.includes(p.id) &&
      (caps.some((c) => g.has.get(p.id)?.has(c)) || r.requiredTypes.some((t) => p.types.includes(t))),
  );
  const proposals: string[][] = [];
  for (let subset = 0; subset < 1 << relevant.length; subset++) {
    const chosen = relevant.filter((_, i) => subset & (1 << i));
    const set = [...included, ...chosen];
    if (set.length > r.maxPartners || !meets(set)) continue;
    if (chosen.every((x) => !meets(set.filter((y) => y !== x)))) proposals.push(set.map((p) => p.id).sort(byIdAsc));
  }
  return { uncovered: [], proposals };
}

export const TYPES = ['TECHNOLOGY', 'SERVICES', 'RESELLER', 'MSP'];
export const STAGES = ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'];
export const LIFECYCLE = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ONBOARDING', 'ONBOARDING', 'DORMANT', 'PROSPECT', 'OFFBOARDED'];

export function randomEcosystem(random: () => number, px: string) {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], p: number) => list.filter(() => random() < p);
  const regions = [`${px}R1`, `${px}R2`, `${px}R3`];
  const industries = [`${px}I1`, `${px}I2`];
  const capabilities = Array.from({ length: int(3, 7) }, (_, i) => ({ id: `${px}c${i}`, name: `Capability ${i}` }));
  const partnerIds = Array.from({ length: int(5, 13) }, (_, i) => `${px}p${String(i).padStart(2, '0')}`);
  const links = new Map(partnerIds.map((id) => [id, [] as string[]]));
  for (const a of partnerIds)
    for (const b of partnerIds)
      if (a < b && random() < 0.2) {
        links.get(a)!.push(b);
        links.get(b)!.push(a);
      }
  const partners = partnerIds.map((id) => ({
    id,
    name: `Partner ${id}`,
    types: [pick(TYPES), ...some(TYPES, 0.2)].filter((t, i, all) => all.indexOf(t) === i),
    tier: pick(TIERS),
    lifecycleStage: pick(LIFECYCLE),
    regions: some(regions, 0.75),
    industries: some(industries, 0.6),
    capabilities: some(capabilities, 0.4).map((c) => ({ capabilityId: c.id, level: pick(['BASIC', 'CERTIFIED', 'EXPERT']) })),
    integratesWith: links.get(id)!,
    // Grants are never drawn on the map, nor counted in a node's weight.
    sharing: some(
      partnerIds.filter((other) => other !== id),
      0.15,
    ).map((other) => ({ partnerId: other, level: pick(['COUNTS', 'OVERLAPS', 'FULL']) })),
  }));
  const customers = Array.from({ length: int(3, 12) }, (_, i) => ({
    id: `${px}u${String(i).padStart(2, '0')}`,
    name: `Customer ${i}`,
    region: pick(regions),
    industry: pick(industries),
    needs: some(capabilities, 0.3).map((c) => c.id),
  }));
  const accounts = customers.flatMap((u) => some(partnerIds, 0.25).map((p) => ({ partnerId: p, customerId: u.id, status: pick(STATUS) })));
  const solutions = Array.from({ length: int(0, 4) }, (_, i) => ({
    id: `${px}s${i}`,
    name: `Solution ${i}`,
    status: pick(['DRAFT', 'PUBLISHED', 'RETIRED']),
    requires: some(capabilities, 0.4).map((c) => c.id),
    members: some(partnerIds, 0.25).map((p) => ({ partnerId: p, role: pick(TYPES) })),
  }));
  const deals = Array.from({ length: int(0, 6) }, (_, i) => {
    const stage = pick(STAGES);
    const currency = pick(['USD', 'EUR', 'JPY']);
    const participants = [...new Set([pick(partnerIds), pick(partnerIds)])].map((p) => ({ partnerId: p, role: 'RESELLER' }));
    return {
      id: `${px}d${i}`,
      name: `Deal ${i}`,
      customerId: pick(customers).id,
      stage,
      currency,
      amount: formatMinor(BigInt(int(0, 10_000_000)), currency),
      createdAt: `2026-0${int(1, 9)}-1${int(0, 9)}T10:00:00Z`,
      ...(stage.startsWith('CLOSED_') ? { closedAt: '2026-10-01T10:00:00Z' } : {}),
      participants,
    };
  });
  return { doc: { capabilities, partners, customers, accounts, solutions, deals }, regions, industries, capabilities, partnerIds };
}
