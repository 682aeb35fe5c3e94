// Network analytics against brute forces on random ecosystems: the partition's modularity recomputed from the
// returned partition and at least 90 % of a plain Louvain's, betweenness equal to Brandes', Jaccard and Adamic–Adar
// equal to their formulas, for the vendor and for a partner viewer (whose network counts only what it may see).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEcosystem } from '../seed/generator.js';
import { AnalyticsService, betweennessErrorBound } from '../src/analytics/analytics-service.js';
import type { EcosystemDocument } from '../src/interchange/format.js';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import {
  adamicAdarOf,
  brandes,
  buildNetwork,
  features,
  jaccardOf,
  newmanModularity,
  plainLouvain,
  ranked,
  readRawGraph,
  type RawGraph,
} from './support/network-oracle.js';
import { prng } from './support/random.js';

const db = testExecutor();

function prefixed(doc: EcosystemDocument, prefix: string): EcosystemDocument {
  const id = (x: string) => `${prefix}${x}`;
  return {
    ...doc,
    capabilities: doc.capabilities.map((c) => ({ ...c, id: id(c.id), ...(c.parentId ? { parentId: id(c.parentId) } : {}) })),
    partners: doc.partners.map((p) => ({
      ...p,
      id: id(p.id),
      capabilities: p.capabilities.map((c) => ({ ...c, capabilityId: id(c.capabilityId) })),
      integratesWith: (p.integratesWith ?? []).map(id),
      integrations: p.integrations.map((link) => ({ ...link, partnerId: id(link.partnerId) })),
      sharing: p.sharing.map((s) => ({ ...s, partnerId: id(s.partnerId) })),
    })),
    customers: doc.customers.map((c) => ({ ...c, id: id(c.id), needs: c.needs.map(id) })),
    accounts: doc.accounts.map((a) => ({ ...a, partnerId: id(a.partnerId), customerId: id(a.customerId) })),
    solutions: doc.solutions.map((s) => ({
      ...s,
      id: id(s.id),
      requires: s.requires.map(id),
      members: s.members.map((m) => ({ ...m, partnerId: id(m.partnerId) })),
    })),
    deals: doc.deals.map((d) => ({
      ...d,
      id: id(d.id),
      customerId: id(d.customerId),
      ...(d.solutionId ? { solutionId: id(d.solutionId) } : {}),
      participants: d.participants.map((p) => ({ ...p, partnerId: id(p.partnerId) })),
    })),
  };
}

const COMMUNITIES = `query($first: Int, $after: String) {
  partnerCommunities { modularity totalWeight partnerCount edgeCount
    communities(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id size label internalWeight totalStrength members(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id } } } } } } } }`;

async function allCommunities() {
  const out: { id: string; size: number; internalWeight: number; totalStrength: number; label: string; members: string[] }[] = [];
  let after: string | null = null;
  let head: Record<string, number> | undefined;
  for (;;) {
    const { data }: { data: Record<string, any> } = await expectData(db, COMMUNITIES, { first: 20, after });
    const p: Record<string, any> = data.partnerCommunities;
    head = { modularity: p.modularity, totalWeight: p.totalWeight, partnerCount: p.partnerCount, edgeCount: p.edgeCount };
    for (const { node } of p.communities.edges) {
      expect(node.members.pageInfo.hasNextPage, 'test pages members up to 100').toBe(false);
      out.push({ ...node, members: node.members.edges.map((e: { node: { id: string } }) => e.node.id) });
    }
    if (!p.communities.pageInfo.hasNextPage) break;
    after = p.communities.pageInfo.endCursor;
  }
  return { head: head!, communities: out };
}

const SEEDS = [11, 12];

describe.each(SEEDS)('network analytics on a random ecosystem (seed %i)', (seed) => {
  const prefix = uniquePrefix(`na${seed}`);
  let raw: RawGraph;
  let mine: string[];
  const rand = prng(seed);

  beforeAll(async () => {
    const doc = prefixed(
      generateEcosystem({ partners: 45, customers: 120, accountsPerPartner: 5, solutions: 5, deals: 50, capabilities: 25, seed }),
      prefix,
    );
    const result = await importEcosystem(db, doc);
    expect(result.ok).toBe(true);
    raw = await readRawGraph(db);
    mine = doc.partners.map((p) => p.id);
  });
  afterAll(() => removeByPrefix(db, prefix));

  it('partnerCommunities: a partition of the eligible partners whose modularity is recomputed exactly and reaches 90 % of a plain Louvain', async () => {
    const net = buildNetwork(raw);
    const { head, communities } = await allCommunities();
    expect(head.partnerCount).toBe(net.ids.length);
    expect(head.totalWeight).toBe(net.m);
    expect(head.edgeCount).toBe(net.adj.reduce((s, row, i) => s + [...row.keys()].filter((j) => j > i).length, 0));
    // A partition: every eligible partner exactly once.
    const community = new Array<string>(net.ids.length);
    for (const c of communities) {
      expect(c.size).toBe(c.members.length);
      expect(c.id).toBe(`community-${[...c.members].sort()[0]}`);
      expect(c.label.length).toBeGreaterThan(0);
      for (const id of c.members) {
        const i = net.index.get(id);
        expect(i, id).toBeDefined();
        expect(community[i!], `${id} in two communities`).toBeUndefined();
        community[i!] = c.id;
      }
      // W_c counts each inside edge once; S_c sums the members' weighted degrees.
      const set = new Set(c.members);
      let inside = 0;
      let strength = 0;
      for (const id of c.members) {
        for (const [j, w] of net.adj[net.index.get(id)!]!) {
          strength += w;
          if (set.has(net.ids[j]!) && net.ids[j]! > id) inside += w;
        }
      }
      expect(c.internalWeight, c.id).toBe(inside);
      expect(c.totalStrength, c.id).toBe(strength);
    }
    expect(community.filter((c) => c !== undefined).length).toBe(net.ids.length);
    // Isolated partners are communities of one.
    net.adj.forEach((row, i) => {
      if (row.size === 0) expect(communities.find((c) => c.id === community[i])!.size).toBe(1);
    });
    // Largest first, then by id.
    for (let i = 1; i < communities.length; i++) {
      const [a, b] = [communities[i - 1]!, communities[i]!];
      expect(a.size > b.size || (a.size === b.size && a.id < b.id)).toBe(true);
    }
    const q = newmanModularity(net, community);
    expect(head.modularity).toBeCloseTo(q, 10);
    const reference = newmanModularity(net, plainLouvain(net));
    expect(reference).toBeGreaterThan(0);
    expect(head.modularity).toBeGreaterThanOrEqual(0.9 * reference);
  });

  it('ecosystemMap groupBy COMMUNITY: communities with the network weight between them; opening one gives its members and edges', async () => {
    const net = buildNetwork(raw);
    const { communities } = await allCommunities();
    const of = new Map<string, string>();
    for (const c of communities) for (const m of c.members) of.set(m, c.id);
    const { data } = await expectData(
      db,
      `{ ecosystemMap(input: { groupBy: COMMUNITY, limit: 2000 }) { nodes { id: entityId kind label weight group } edges { source target kind weight } truncated } }`,
    );
    const map = data.ecosystemMap;
    expect(map.truncated).toBe(false);
    expect(map.nodes.map((n: any) => [n.id, n.kind, n.weight, n.label])).toEqual(
      communities.map((c) => [c.id, 'COMMUNITY', c.size, c.label]),
    );
    const between = new Map<string, number>();
    net.adj.forEach((row, i) =>
      row.forEach((w, j) => {
        const [x, y] = [of.get(net.ids[i]!)!, of.get(net.ids[j]!)!].sort();
        if (j > i && x !== y) between.set(`${x}|${y}`, (between.get(`${x}|${y}`) ?? 0) + w);
      }),
    );
    expect(new Map(map.edges.map((e: any) => [`${e.source}|${e.target}`, e.weight]))).toEqual(between);
    expect(map.edges.every((e: any) => e.kind === 'PARTNER_NETWORK' && e.source < e.target)).toBe(true);

    const biggest = communities[0]!;
    const opened = (
      await expectData(
        db,
        `query($id: ID!) { ecosystemMap(input: { groupBy: COMMUNITY, communityId: $id, limit: 2000 }) { nodes { id: entityId kind weight } edges { source target weight } truncated } }`,
        { id: biggest.id },
      )
    ).data.ecosystemMap;
    expect(opened.nodes.map((n: any) => n.id).sort()).toEqual([...biggest.members].sort());
    const members = new Set(biggest.members);
    const inside: string[] = [];
    net.adj.forEach((row, i) =>
      row.forEach((w, j) => {
        if (j > i && members.has(net.ids[i]!) && members.has(net.ids[j]!)) inside.push(`${net.ids[i]}|${net.ids[j]}|${w}`);
      }),
    );
    expect(opened.edges.map((e: any) => `${e.source}|${e.target}|${e.weight}`).sort()).toEqual(inside.sort());
    const { errors } = await runOperation(
      db,
      `{ ecosystemMap(input: { groupBy: COMMUNITY, communityId: "community-none" }) { truncated } }`,
    );
    expect([errors?.[0]?.extensions?.code, errors?.[0]?.extensions?.path]).toEqual(['NOT_FOUND', ['input', 'communityId']]);
  });

  it('brokerPartners: exact betweenness on the unweighted network (Brandes), only above 0, ties by id', async () => {
    const net = buildNetwork(raw);
    const scores = brandes(net);
    const expected = ranked(net.ids.map((id, i) => ({ id, score: scores[i]! })).filter((x) => x.score > 1e-9)).slice(0, 100);
    const { data } = await expectData(db, `{ brokerPartners(first: 100) { partner { id } score community { id size } reasons } }`);
    const got = data.brokerPartners as { partner: { id: string }; score: number; community: { id: string }; reasons: string[] }[];
    expect(got.length).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
    got.forEach((b, i) => {
      expect(b.score, b.partner.id).toBeCloseTo(scores[net.index.get(b.partner.id)!]!, 6);
      expect(b.partner.id).toBe(expected[i]!.id);
      expect(b.reasons.length).toBeGreaterThan(0);
      expect(b.reasons.join(' ')).toContain(b.community.id);
    });
  });

  it('brokerPartners above the exact limit: estimated from half the sources, scaled by n/k, within the stated error bound', async () => {
    const net = buildNetwork(raw);
    const scores = brandes(net);
    const n = net.ids.length;
    const k = Math.floor(n / 2);
    const service = new AnalyticsService(db, undefined, { exactBetweennessUpTo: 1, betweennessSamples: k });
    const got = await service.brokerPartners(100);
    expect(got.length).toBeGreaterThan(0);
    const bound = betweennessErrorBound(n, k);
    expect(bound).toBeCloseTo((n / 2) * (n - 2) * Math.sqrt(Math.log(40) / (2 * k)), 9);
    let estimated = 0;
    let exact = 0;
    for (const b of got) {
      expect(b.exact).toBe(false);
      expect(b.errorBound).toBe(bound);
      const truth = scores[net.index.get(b.partner.id)!]!;
      expect(Math.abs(b.score - truth), b.partner.id).toBeLessThanOrEqual(bound);
      estimated += b.score;
      exact += truth;
    }
    // Scaled, not raw sums over half the sources: the top brokers' total is near the exact total, not half of it.
    expect(estimated / exact).toBeGreaterThan(0.75);
    expect(estimated / exact).toBeLessThan(1.33);
    // Up to the limit the same service is exact.
    const exactRows = await new AnalyticsService(db, undefined, { exactBetweennessUpTo: n }).brokerPartners(5);
    for (const b of exactRows) {
      expect([b.exact, b.errorBound]).toEqual([true, 0]);
      expect(b.score).toBeCloseTo(scores[net.index.get(b.partner.id)!]!, 6);
    }
  });

  it('lookalikePartners: exact Jaccard of prefixed feature sets, above 0, ties by id, itself excluded, for any stages', async () => {
    const all = [...raw.partners.values()];
    for (let k = 0; k < 4; k++) {
      const who = mine[Math.floor(rand() * mine.length)]!;
      for (const stages of [undefined, ['ACTIVE', 'PROSPECT']]) {
        const wanted = new Set(stages ?? ['PROSPECT']);
        const me = features(raw.partners.get(who)!);
        const expected = ranked(
          all
            .filter((p) => p.id !== who && wanted.has(p.stage))
            .map((p) => ({ id: p.id, score: jaccardOf(me, features(p)) }))
            .filter((x) => x.score > 0),
        ).slice(0, 100);
        const { data } = await expectData(
          db,
          `query($id: ID!, $stages: [LifecycleStage!]) { lookalikePartners(partnerId: $id, first: 100, stages: $stages) { partner { id } similarity sharedFeatures } }`,
          { id: who, ...(stages ? { stages } : {}) },
        );
        const got = data.lookalikePartners as { partner: { id: string }; similarity: number; sharedFeatures: string[] }[];
        expect(got.map((g) => g.partner.id)).toEqual(expected.map((e) => e.id));
        got.forEach((g, i) => {
          expect(g.similarity).toBeCloseTo(expected[i]!.score, 12);
          expect(g.sharedFeatures).toEqual([...features(raw.partners.get(g.partner.id)!)].filter((f) => me.has(f)).sort());
        });
      }
    }
  });

  it('recruitmentCandidates: prospects by mean Jaccard to the exemplars; closesGaps are its GAP or THIN capabilities', async () => {
    const all = [...raw.partners.values()];
    const active = mine.filter((id) => raw.partners.get(id)!.stage === 'ACTIVE');
    const exemplars = [active[0]!, active[Math.floor(active.length / 2)]!, active[active.length - 1]!].filter(
      (x, i, a) => a.indexOf(x) === i,
    );
    const sets = exemplars.map((id) => features(raw.partners.get(id)!));
    const expected = ranked(
      all
        .filter((p) => p.stage === 'PROSPECT' && !exemplars.includes(p.id))
        .map((p) => ({ id: p.id, score: sets.reduce((s, e) => s + jaccardOf(e, features(p)), 0) / sets.length }))
        .filter((x) => x.score > 0),
    ).slice(0, 100);
    // Whole-ecosystem gap statuses by their definition: demand (a customer needs it or a solution not retired
    // requires it) and supply (eligible partners holding it) of at most one.
    const demanded = new Set([
      ...raw.needs.map(([, c]) => c),
      ...raw.requires.filter((r) => r.status !== 'RETIRED').map((r) => r.capability),
    ]);
    const supply = new Map<string, number>();
    for (const p of all)
      if (p.stage === 'ACTIVE' || p.stage === 'ONBOARDING') for (const c of p.capabilities) supply.set(c, (supply.get(c) ?? 0) + 1);
    const open = (c: string) => demanded.has(c) && (supply.get(c) ?? 0) <= 1;
    const { data } = await expectData(
      db,
      `query($ids: [ID!]!) { recruitmentCandidates(exemplarIds: $ids, first: 100) { partner { id } similarity closesGaps { id } } }`,
      {
        ids: exemplars,
      },
    );
    const got = data.recruitmentCandidates as { partner: { id: string }; similarity: number; closesGaps: { id: string }[] }[];
    expect(got.map((g) => g.partner.id)).toEqual(expected.map((e) => e.id));
    got.forEach((g, i) => {
      expect(g.similarity).toBeCloseTo(expected[i]!.score, 12);
      expect(g.closesGaps.map((c) => c.id)).toEqual([...new Set(raw.partners.get(g.partner.id)!.capabilities)].filter(open).sort());
    });
  });

  it('predictedIntegrations: Adamic–Adar over TECHNOLOGY partners not integrated, for the vendor and for a partner viewer', async () => {
    const integrated = (a: string, b: string) => raw.integrations.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    const check = async (who: string, viewer?: string) => {
      const net = buildNetwork(raw, viewer);
      const p = net.index.get(who);
      const expected =
        p === undefined
          ? []
          : ranked(
              net.ids
                .map((id, q) => ({ id, q, score: q === p ? 0 : adamicAdarOf(net, p, q) }))
                .filter((x) => x.score > 0 && raw.partners.get(x.id)!.types.includes('TECHNOLOGY') && !integrated(who, x.id)),
            ).slice(0, 100);
      const { data } = await expectData(
        db,
        `query($id: ID!) { predictedIntegrations(partnerId: $id, first: 100) { partner { id } score commonNeighbours } }`,
        { id: who },
        viewer ? { role: 'PARTNER', subject: 'test', partnerId: viewer } : undefined,
      );
      const got = data.predictedIntegrations as { partner: { id: string }; score: number; commonNeighbours: number }[];
      expect(
        got.map((g) => g.partner.id),
        `${who} as ${viewer ?? 'vendor'}`,
      ).toEqual(expected.map((e) => e.id));
      got.forEach((g, i) => expect(g.score).toBeCloseTo(expected[i]!.score, 9));
      return got.length;
    };
    const eligible = mine.filter((id) => ['ACTIVE', 'ONBOARDING'].includes(raw.partners.get(id)!.stage));
    let answers = 0;
    for (let k = 0; k < 5; k++) answers += await check(eligible[Math.floor(rand() * eligible.length)]!);
    expect(answers).toBeGreaterThan(0);
    // Partner viewers: those that receive grants see more than their own accounts; the network differs from the vendor's.
    const receivers = [...new Set(raw.grants.filter((g) => mine.includes(g.to)).map((g) => g.to))].filter((id) => eligible.includes(id));
    for (const viewer of [...receivers.slice(0, 3), eligible[0]!]) await check(viewer, viewer);
  });
});

describe('network analytics: roles and bad input', () => {
  const partner = { role: 'PARTNER' as const, subject: 'test', partnerId: 'p-someone' };
  it.each([
    ['partnerCommunities', '{ partnerCommunities { modularity } }'],
    ['brokerPartners', '{ brokerPartners { score } }'],
    ['recruitmentCandidates', '{ recruitmentCandidates(exemplarIds: ["p-someone"]) { similarity } }'],
    ['ecosystemMap by community', '{ ecosystemMap(input: { groupBy: COMMUNITY }) { truncated } }'],
    ['lookalikePartners', '{ lookalikePartners(partnerId: "p-other") { similarity } }'],
    ['predictedIntegrations', '{ predictedIntegrations(partnerId: "p-other") { score } }'],
  ])('a PARTNER is refused %s (another partner or the whole network)', async (_name, query) => {
    const { errors } = await runOperation(db, query, {}, partner);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('unknown partners are NOT_FOUND with the path of the bad value; bad sizes are BAD_USER_INPUT', async () => {
    const missing = `missing-${Date.now()}`;
    const cases: [string, Record<string, unknown>, string, unknown[]][] = [
      ['query($id: ID!) { lookalikePartners(partnerId: $id) { similarity } }', { id: missing }, 'NOT_FOUND', ['partnerId']],
      ['query($id: ID!) { predictedIntegrations(partnerId: $id) { score } }', { id: missing }, 'NOT_FOUND', ['partnerId']],
      [
        'query($ids: [ID!]!) { recruitmentCandidates(exemplarIds: $ids) { similarity } }',
        { ids: [missing] },
        'NOT_FOUND',
        ['exemplarIds', '0'],
      ],
      ['query($ids: [ID!]!) { recruitmentCandidates(exemplarIds: $ids) { similarity } }', { ids: [] }, 'BAD_USER_INPUT', ['exemplarIds']],
      [
        'query($ids: [ID!]!) { recruitmentCandidates(exemplarIds: $ids) { similarity } }',
        { ids: ['a', 'a'] },
        'BAD_USER_INPUT',
        ['exemplarIds', '1'],
      ],
      ['{ brokerPartners(first: -1) { score } }', {}, 'BAD_USER_INPUT', ['first']],
      ['{ partnerCommunities { communities(after: "bm9wZQ") { totalCount } } }', {}, 'BAD_USER_INPUT', ['communities', 'after']],
    ];
    for (const [query, variables, code, path] of cases) {
      const { errors } = await runOperation(db, query, variables);
      expect(errors?.[0]?.extensions?.code, query).toBe(code);
      expect(errors?.[0]?.extensions?.path, query).toEqual(path);
    }
  });
});
