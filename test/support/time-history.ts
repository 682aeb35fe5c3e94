// Random ecosystems with a history, and the graph as of an instant built from them in TypeScript (README, "Time";
// ecosystem-format.md, "Validity in time"), for the as-of brute-force tests: the snapshot is fed to the same brute
// forces the intelligence tests use (test/support/intelligence-oracle.ts).
import type { CypherExecutor } from '../../src/db/executor.js';
import { parseAmount } from '../../src/money/money.js';
import { type Dump, MAP_KINDS, type MapDump, randomEcosystem, TIERS } from './intelligence-oracle.js';

/** The instants histories are drawn from: 2024-01-01 to 2026-11-01 (before any test's "now"). */
export const HISTORY_START = Date.UTC(2024, 0, 1);
export const HISTORY_END = Date.UTC(2026, 10, 1);

export interface Interval {
  since: string | null;
  until: string | null;
}
export interface TimedAccount extends Interval {
  partnerId: string;
  customerId: string;
  status: string;
}
export interface TimedCapability extends Interval {
  partnerId: string;
  capabilityId: string;
  level: string;
}
/** Stored from a to b (a < b); undirected. */
export interface TimedIntegration extends Interval {
  a: string;
  b: string;
}
export interface TimedGrant extends Interval {
  from: string;
  to: string;
  level: string;
}
export interface TimedMember extends Interval {
  partnerId: string;
  solutionId: string;
  role: string;
}

export type Doc = ReturnType<typeof randomEcosystem>['doc'];

export interface History {
  doc: Doc;
  accounts: TimedAccount[];
  capabilities: TimedCapability[];
  integrations: TimedIntegration[];
  grants: TimedGrant[];
  members: TimedMember[];
  /** Per partner, sorted by at; the last entry equals the current value. Absent: no history. */
  stageHistory: Map<string, { stage: string; at: string }[]>;
  tierHistory: Map<string, { tier: string; at: string }[]>;
}

const iso = (ms: number) => new Date(ms).toISOString();
export const ms = (instant: string) => Date.parse(instant);

/** Whether an interval holds at T: since <= T < until, a missing bound open (ecosystem-format.md). */
export function holds(x: Interval, t: number): boolean {
  return (x.since === null || ms(x.since) <= t) && (x.until === null || ms(x.until) > t);
}

/** The value at T of a history sorted by at: the last entry at or before T; before the first, or with none, the current one. */
export function valueAt<V>(history: { at: string; value: V }[] | undefined, current: V, t: number): V {
  let value = current;
  let found = false;
  for (const h of history ?? []) if (ms(h.at) <= t) [value, found] = [h.value, true];
  return found ? value : current;
}

/**
 * A random ecosystem (the intelligence tests' generator) given a history: each relationship of the five kinds becomes
 * a sequence of one to three non-overlapping intervals whose last one may still hold (then it is in the document) or
 * may have ended (then only HAD_* relationships remain); some partners get stage and tier histories; closed deals
 * close at a random instant after they were created.
 */
export function randomHistory(random: () => number, px: string): History {
  const { doc } = randomEcosystem(random, px);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const day = 86_400_000;
  const instant = (lo: number, hi: number) => lo + Math.floor(random() * ((hi - lo) / day)) * day + int(0, 23) * 3_600_000;
  /** One to three intervals; the last one open when `current`. */
  const intervals = (current: boolean): Interval[] => {
    const n = int(1, 3);
    const cuts = Array.from({ length: 2 * n }, () => instant(HISTORY_START, HISTORY_END)).sort((a, b) => a - b);
    const out: Interval[] = [];
    for (let i = 0; i < n; i++) {
      const since = i === 0 && random() < 0.3 ? null : cuts[2 * i]!;
      const until = cuts[2 * i + 1]!;
      if (since !== null && since >= until) continue;
      out.push({ since: since === null ? null : iso(since), until: iso(until) });
    }
    if (out.length === 0) out.push({ since: null, until: iso(cuts[1]!) });
    if (current) out[out.length - 1]!.until = null;
    return out;
  };
  const STATUSES = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'];
  const partnerIds = doc.partners.map((p) => p.id);
  const customerIds = doc.customers.map((u) => u.id);

  // Accounts: the document's pairs (current, maybe with ended intervals before) and some pairs that ended.
  const accountPairs = new Map<string, { status: string; current: boolean }>();
  for (const a of doc.accounts) accountPairs.set(`${a.partnerId} ${a.customerId}`, { status: a.status, current: random() < 0.75 });
  for (let k = 0; k < int(0, 6); k++) {
    const key = `${pick(partnerIds)} ${pick(customerIds)}`;
    if (!accountPairs.has(key)) accountPairs.set(key, { status: pick(STATUSES), current: false });
  }
  const accounts: TimedAccount[] = [];
  for (const [key, { status, current }] of accountPairs) {
    const [partnerId, customerId] = key.split(' ') as [string, string];
    const spans = intervals(current);
    spans.forEach((s, i) => accounts.push({ partnerId, customerId, ...s, status: i === spans.length - 1 ? status : pick(STATUSES) }));
  }

  const capabilities: TimedCapability[] = [];
  for (const p of doc.partners) {
    for (const c of p.capabilities) {
      for (const s of intervals(random() < 0.75))
        capabilities.push({ partnerId: p.id, capabilityId: c.capabilityId, level: c.level, ...s });
    }
    if (random() < 0.4) {
      const c = pick(doc.capabilities);
      if (!p.capabilities.some((x) => x.capabilityId === c.id))
        for (const s of intervals(false)) capabilities.push({ partnerId: p.id, capabilityId: c.id, level: 'BASIC', ...s });
    }
  }
  const integrations: TimedIntegration[] = [];
  for (const p of doc.partners)
    for (const other of p.integratesWith)
      if (p.id < other) for (const s of intervals(random() < 0.7)) integrations.push({ a: p.id, b: other, ...s });
  const grants: TimedGrant[] = [];
  for (const p of doc.partners) {
    for (const g of p.sharing)
      for (const s of intervals(random() < 0.7)) grants.push({ from: p.id, to: g.partnerId, level: g.level, ...s });
  }
  const members: TimedMember[] = [];
  for (const s of doc.solutions)
    for (const m of s.members)
      for (const i of intervals(random() < 0.7)) members.push({ partnerId: m.partnerId, solutionId: s.id, role: m.role, ...i });

  const LIFECYCLE = ['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED'];
  const stageHistory = new Map<string, { stage: string; at: string }[]>();
  const tierHistory = new Map<string, { tier: string; at: string }[]>();
  for (const p of doc.partners) {
    if (random() < 0.7) {
      const ats = Array.from({ length: int(1, 4) }, () => instant(HISTORY_START, HISTORY_END)).sort((a, b) => a - b);
      stageHistory.set(
        p.id,
        ats.map((at, i) => ({ stage: i === ats.length - 1 ? p.lifecycleStage : pick(LIFECYCLE), at: iso(at) })),
      );
    }
    if (random() < 0.6) {
      const ats = Array.from({ length: int(1, 3) }, () => instant(HISTORY_START, HISTORY_END)).sort((a, b) => a - b);
      tierHistory.set(
        p.id,
        ats.map((at, i) => ({ tier: i === ats.length - 1 ? p.tier : pick(TIERS), at: iso(at) })),
      );
    }
  }
  // Deals created over the whole history, closed at a random instant after; some with a sourcing participant.
  for (const d of doc.deals as { createdAt: string; closedAt?: string; stage: string; participants: { sourced?: boolean }[] }[]) {
    d.createdAt = iso(instant(HISTORY_START, HISTORY_END));
    if (d.closedAt !== undefined) d.closedAt = iso(instant(ms(d.createdAt) + day, HISTORY_END + 20 * day));
    if (random() < 0.4) d.participants[0]!.sourced = true;
  }

  // The document keeps what holds now: the relationships whose last interval is open.
  const open = <T extends Interval>(list: T[]) => list.filter((x) => x.until === null);
  const current: Doc = {
    ...doc,
    accounts: open(accounts).map((a) => ({ partnerId: a.partnerId, customerId: a.customerId, status: a.status })),
    partners: doc.partners.map((p) => ({
      ...p,
      capabilities: open(capabilities)
        .filter((c) => c.partnerId === p.id)
        .map((c) => ({ capabilityId: c.capabilityId, level: c.level })),
      integratesWith: open(integrations).flatMap((i) => (i.a === p.id ? [i.b] : i.b === p.id ? [i.a] : [])),
      sharing: open(grants)
        .filter((g) => g.from === p.id)
        .map((g) => ({ partnerId: g.to, level: g.level })),
    })),
    solutions: doc.solutions.map((s) => ({
      ...s,
      members: open(members)
        .filter((m) => m.solutionId === s.id)
        .map((m) => ({ partnerId: m.partnerId, role: m.role })),
    })),
  };
  return { doc: current, accounts, capabilities, integrations, grants, members, stageHistory, tierHistory };
}

/**
 * Writes a history's intervals onto an imported document as the storage contract stores them: `since` on the current
 * relationships, HAD_* relationships (with since and until) for the ended ones, and the partners' history lists. Ended
 * accounts and capability holdings carry hubId, as every write path sets it (migration 010-hub-ids).
 */
export async function writeHistory(db: CypherExecutor, h: History): Promise<void> {
  const write = (text: string, rows: unknown[]) => db.runText(text, { rows }, 'WRITE');
  const split = <T extends Interval>(list: T[]) => [list.filter((x) => x.until === null), list.filter((x) => x.until !== null)];
  const [accountsNow, accountsEnded] = split(h.accounts);
  await write(
    'UNWIND $rows AS r MATCH (:Partner {id: r.partnerId})-[a:HAS_ACCOUNT]->(:Customer {id: r.customerId}) SET a.since = datetime(r.since)',
    accountsNow!,
  );
  await write(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.partnerId}), (u:Customer {id: r.customerId})
     CREATE (p)-[:HAD_ACCOUNT {status: r.status, since: datetime(r.since), until: datetime(r.until), hubId: p.id}]->(u)`,
    accountsEnded!,
  );
  const [capsNow, capsEnded] = split(h.capabilities);
  await write(
    'UNWIND $rows AS r MATCH (:Partner {id: r.partnerId})-[h:HAS_CAPABILITY]->(:Capability {id: r.capabilityId}) SET h.since = datetime(r.since)',
    capsNow!,
  );
  await write(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.partnerId}), (c:Capability {id: r.capabilityId})
     CREATE (p)-[:HAD_CAPABILITY {level: r.level, since: datetime(r.since), until: datetime(r.until), hubId: c.id}]->(c)`,
    capsEnded!,
  );
  const [intNow, intEnded] = split(h.integrations);
  await write(
    'UNWIND $rows AS r MATCH (:Partner {id: r.a})-[i:INTEGRATES_WITH]-(:Partner {id: r.b}) SET i.since = datetime(r.since)',
    intNow!,
  );
  await write(
    `UNWIND $rows AS r MATCH (a:Partner {id: r.a}), (b:Partner {id: r.b})
     CREATE (a)-[:HAD_INTEGRATION {since: datetime(r.since), until: datetime(r.until)}]->(b)`,
    intEnded!,
  );
  const [grantsNow, grantsEnded] = split(h.grants);
  await write(
    'UNWIND $rows AS r MATCH (:Partner {id: r.from})-[g:SHARES_WITH]->(:Partner {id: r.to}) SET g.since = datetime(r.since)',
    grantsNow!,
  );
  await write(
    `UNWIND $rows AS r MATCH (a:Partner {id: r.from}), (b:Partner {id: r.to})
     CREATE (a)-[:HAD_SHARING {level: r.level, since: datetime(r.since), until: datetime(r.until)}]->(b)`,
    grantsEnded!,
  );
  const [membersNow, membersEnded] = split(h.members);
  await write(
    'UNWIND $rows AS r MATCH (:Partner {id: r.partnerId})-[m:MEMBER_OF]->(:Solution {id: r.solutionId}) SET m.since = datetime(r.since)',
    membersNow!,
  );
  await write(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.partnerId}), (s:Solution {id: r.solutionId})
     CREATE (p)-[:HAD_MEMBERSHIP {role: r.role, since: datetime(r.since), until: datetime(r.until)}]->(s)`,
    membersEnded!,
  );
  await write(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.id})
     SET p.stageHistoryStages = r.stages, p.stageHistoryAt = [x IN r.ats | datetime(x)]`,
    [...h.stageHistory].map(([id, list]) => ({ id, stages: list.map((x) => x.stage), ats: list.map((x) => x.at) })),
  );
  await write(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.id})
     SET p.tierHistoryTiers = r.tiers, p.tierHistoryAt = [x IN r.ats | datetime(x)]`,
    [...h.tierHistory].map(([id, list]) => ({ id, tiers: list.map((x) => x.tier), ats: list.map((x) => x.at) })),
  );
}

export const stageAt = (h: History, p: { id: string; lifecycleStage: string }, t: number) =>
  valueAt(
    h.stageHistory.get(p.id)?.map((x) => ({ at: x.at, value: x.stage })),
    p.lifecycleStage,
    t,
  );
export const tierAt = (h: History, p: { id: string; tier: string }, t: number) =>
  valueAt(
    h.tierHistory.get(p.id)?.map((x) => ({ at: x.at, value: x.tier })),
    p.tier,
    t,
  );

type DocDeal = {
  id: string;
  customerId: string;
  stage: string;
  createdAt: string;
  closedAt?: string;
  amount: string;
  currency: string;
  participants: { partnerId: string }[];
};
export const deals = (h: History) => h.doc.deals as unknown as DocDeal[];
export const createdBy = (d: DocDeal, t: number) => ms(d.createdAt) <= t;
const closedStage = (d: DocDeal) => d.stage === 'CLOSED_WON' || d.stage === 'CLOSED_LOST';
/** Open at T: created by then and not closed by then. */
export const openAt = (d: DocDeal, t: number) => createdBy(d, t) && !(closedStage(d) && (d.closedAt === undefined || ms(d.closedAt) <= t));

/** The intelligence brute forces' dump of the graph as of T (the entities of the document only). */
export function snapshotDump(h: History, t: number): Dump {
  const group = <K, V>(rows: [K, V][]) => {
    const m = new Map<K, Set<V>>();
    for (const [k, v] of rows) (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
    return m;
  };
  const has = new Map<string, Map<string, string>>();
  for (const c of h.capabilities.filter((x) => holds(x, t)))
    (has.get(c.partnerId) ?? has.set(c.partnerId, new Map()).get(c.partnerId)!).set(c.capabilityId, c.level);
  const accounts = new Map<string, Map<string, string>>();
  for (const a of h.accounts.filter((x) => holds(x, t)))
    (accounts.get(a.partnerId) ?? accounts.set(a.partnerId, new Map()).get(a.partnerId)!).set(a.customerId, a.status);
  const dealsThen = deals(h).filter((d) => createdBy(d, t));
  return {
    partners: h.doc.partners.map((p) => ({
      id: p.id,
      types: p.types,
      tier: tierAt(h, p, t),
      lifecycleStage: stageAt(h, p, t),
      regions: p.regions,
      industries: p.industries,
    })),
    has,
    capabilityIds: h.doc.capabilities.map((c) => c.id),
    customers: h.doc.customers.map((u) => ({ id: u.id, region: u.region, industry: u.industry })),
    needs: group(h.doc.customers.flatMap((u) => u.needs.map((c) => [u.id, c] as [string, string]))),
    accounts,
    integrated: new Set(h.integrations.filter((x) => holds(x, t)).flatMap((x) => [`${x.a} ${x.b}`, `${x.b} ${x.a}`])),
    solutions: h.doc.solutions.map((s) => ({ id: s.id, status: s.status })),
    requires: group(h.doc.solutions.flatMap((s) => s.requires.map((c) => [s.id, c] as [string, string]))),
    members: group(h.members.filter((x) => holds(x, t)).map((m) => [m.partnerId, m.solutionId] as [string, string])),
    // The brute forces read "open" as a stage not CLOSED_*: a deal open at T that closed later is open then.
    deals: dealsThen.map((d) => ({
      id: d.id,
      stage: openAt(d, t) ? 'OPEN' : d.stage,
      amountMinor: parseAmount(d.amount, d.currency),
      currency: d.currency,
    })),
    participates: group(dealsThen.flatMap((d) => d.participants.map((p) => [p.partnerId, d.id] as [string, string]))),
  };
}

/** The map brute force's dump as of T: the document's entities (no deal created after T) and the relationships that held then. */
export function snapshotMap(h: History, t: number): MapDump {
  const nodes: MapDump['nodes'] = new Map();
  const node = (id: string, kind: string, extra: Partial<MapDump['nodes'] extends Map<string, infer N> ? N : never>) =>
    nodes.set(id, {
      id,
      kind,
      name: null,
      types: null,
      regions: null,
      industries: null,
      region: null,
      industry: null,
      category: null,
      status: null,
      stage: null,
      ...extra,
    });
  for (const p of h.doc.partners)
    node(p.id, MAP_KINDS.Partner, { name: p.name, types: p.types, regions: p.regions, industries: p.industries });
  for (const c of h.doc.capabilities) node(c.id, MAP_KINDS.Capability, { name: c.name });
  for (const u of h.doc.customers) node(u.id, MAP_KINDS.Customer, { name: u.name, region: u.region, industry: u.industry });
  for (const s of h.doc.solutions) node(s.id, MAP_KINDS.Solution, { name: s.name, status: s.status });
  const dealsThen = deals(h).filter((d) => createdBy(d, t));
  for (const d of dealsThen)
    node(d.id, MAP_KINDS.Deal, { name: (d as unknown as { name: string }).name, stage: openAt(d, t) && closedStage(d) ? 'OPEN' : d.stage });
  const rels: MapDump['rels'] = [
    ...h.capabilities.filter((x) => holds(x, t)).map((x) => ({ a: x.partnerId, b: x.capabilityId, t: 'HAS_CAPABILITY' })),
    ...h.integrations.filter((x) => holds(x, t)).map((x) => ({ a: x.a, b: x.b, t: 'INTEGRATES_WITH' })),
    ...h.accounts.filter((x) => holds(x, t)).map((x) => ({ a: x.partnerId, b: x.customerId, t: 'HAS_ACCOUNT' })),
    ...h.doc.customers.flatMap((u) => u.needs.map((c) => ({ a: u.id, b: c, t: 'NEEDS' }))),
    ...h.doc.solutions.flatMap((s) => s.requires.map((c) => ({ a: s.id, b: c, t: 'REQUIRES' }))),
    ...h.members.filter((x) => holds(x, t)).map((x) => ({ a: x.partnerId, b: x.solutionId, t: 'MEMBER_OF' })),
    ...dealsThen.flatMap((d) => d.participants.map((p) => ({ a: p.partnerId, b: d.id, t: 'PARTICIPATES_IN' }))),
    ...dealsThen.map((d) => ({ a: d.id, b: d.customerId, t: 'FOR_CUSTOMER' })),
  ];
  return { nodes, rels, grants: new Map(h.grants.filter((x) => holds(x, t)).map((g) => [`${g.from} ${g.to}`, g.level])) };
}
