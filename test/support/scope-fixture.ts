// A small ecosystem around one partner `p`, with every sharing level another partner can grant it,
// and what p may see of it computed here, in plain TypeScript, from the rules in the README
// ("Roles and grants") — independently of the Cypher that enforces them.
import type { Viewer } from '../../src/context.js';
import type { CypherExecutor } from '../../src/db/executor.js';
import type { AccountStatus, DealRole } from '../../src/generated/graphql.js';
import { formatMinor } from '../../src/money/money.js';
import { type FixtureDocument, loadFixture } from './fixture.js';

export type GrantLevel = 'COUNTS' | 'OVERLAPS' | 'FULL';

export interface ScopeFixture {
  prefix: string;
  viewer: Viewer;
  p: string;
  /** Other partners by the grant they give p: none, COUNTS, OVERLAPS, FULL. */
  q: { none: string; counts: string; overlaps: string; full: string };
  partners: string[];
  customers: string[];
  deals: string[];
  solutions: string[];
  capabilities: string[];
  accounts: { partner: string; customer: string; status: AccountStatus }[];
  grants: { from: string; to: string; level: GrantLevel }[];
  participations: { partner: string; deal: string; role: DealRole }[];
  members: { partner: string; solution: string }[];
  dealCustomer: Record<string, string>;
  dealSolution: Record<string, string>;
}

export interface AllowedSet {
  customers: Set<string>;
  deals: Set<string>;
  solutions: Set<string>;
  /** `${partner}|${customer}` */
  accounts: Set<string>;
  /** `${from}|${to}` */
  grants: Set<string>;
}

export function buildScopeFixture(prefix: string): ScopeFixture {
  const id = (s: string) => `${prefix}${s}`;
  const p = id('p');
  const q = { none: id('q-none'), counts: id('q-counts'), overlaps: id('q-overlaps'), full: id('q-full') };
  const c = {
    shared: id('c-shared'), // everyone has an account
    overlapsOnly: id('c-overlaps-only'), // only q-overlaps: p lacks it, so hidden
    fullOnly: id('c-full-only'), // only q-full: visible through FULL
    hidden: id('c-hidden'), // q-none and q-counts only
    viaDeal: id('c-via-deal'), // no accounts, a deal with p
    otherDeal: id('c-other-deal'), // no accounts, a deal without p
    own: id('c-own'), // p alone
  };
  const d = {
    earlier: id('d-earlier'), // on c-shared, q-none reseller, APPROVED: conflicts with p's deal, not p's
    mine: id('d-mine'), // on c-shared, p reseller, CONFLICT
    hidden: id('d-hidden'), // on c-hidden, without p
    viaDeal: id('d-via-deal'), // on c-via-deal, with p
    other: id('d-other'), // on c-other-deal, q-full only
  };
  const s = { mine: id('s-mine'), other: id('s-other') };
  const cap = { own: id('cap-own'), needed: id('cap-needed') };
  return {
    prefix,
    viewer: { role: 'PARTNER', subject: 'scope-test', partnerId: p },
    p,
    q,
    partners: [p, q.none, q.counts, q.overlaps, q.full],
    customers: Object.values(c),
    deals: Object.values(d),
    solutions: Object.values(s),
    capabilities: Object.values(cap),
    accounts: [
      { partner: p, customer: c.shared, status: 'CUSTOMER' },
      { partner: p, customer: c.own, status: 'PROSPECT' },
      { partner: q.none, customer: c.shared, status: 'CUSTOMER' },
      { partner: q.counts, customer: c.shared, status: 'OPPORTUNITY' },
      { partner: q.overlaps, customer: c.shared, status: 'CUSTOMER' },
      { partner: q.full, customer: c.shared, status: 'PROSPECT' },
      { partner: q.overlaps, customer: c.overlapsOnly, status: 'CUSTOMER' },
      { partner: q.full, customer: c.fullOnly, status: 'CUSTOMER' },
      { partner: q.none, customer: c.hidden, status: 'CUSTOMER' },
      { partner: q.counts, customer: c.hidden, status: 'CUSTOMER' },
    ],
    grants: [
      { from: q.counts, to: p, level: 'COUNTS' },
      { from: q.overlaps, to: p, level: 'OVERLAPS' },
      { from: q.full, to: p, level: 'FULL' },
      { from: p, to: q.full, level: 'FULL' },
      // Between two others: p must never see it.
      { from: q.none, to: q.counts, level: 'FULL' },
    ],
    participations: [
      { partner: q.none, deal: d.earlier, role: 'RESELLER' },
      { partner: p, deal: d.mine, role: 'RESELLER' },
      { partner: q.counts, deal: d.mine, role: 'SERVICES' },
      { partner: q.none, deal: d.hidden, role: 'RESELLER' },
      { partner: q.counts, deal: d.hidden, role: 'SERVICES' },
      { partner: p, deal: d.viaDeal, role: 'TECHNOLOGY' },
      { partner: q.full, deal: d.other, role: 'RESELLER' },
    ],
    members: [
      { partner: p, solution: s.mine },
      { partner: q.counts, solution: s.mine },
      { partner: q.none, solution: s.other },
    ],
    dealCustomer: { [d.earlier]: c.shared, [d.mine]: c.shared, [d.hidden]: c.hidden, [d.viaDeal]: c.viaDeal, [d.other]: c.otherDeal },
    // p is on d-mine but not a member of s-other; p is a member of s-mine but not on d-hidden.
    dealSolution: { [d.mine]: s.other, [d.hidden]: s.mine },
  };
}

/** What the fixture's partner p may see, from the rules. */
export function allowedFor(f: ScopeFixture): AllowedSet {
  const grantTo = (q: string) => f.grants.find((g) => g.from === q && g.to === f.p)?.level;
  const hasAccount = (partner: string, customer: string) => f.accounts.some((a) => a.partner === partner && a.customer === customer);
  const deals = new Set(f.participations.filter((x) => x.partner === f.p).map((x) => x.deal));
  const customers = new Set(
    f.customers.filter(
      (c) =>
        hasAccount(f.p, c) ||
        f.accounts.some((a) => a.customer === c && grantTo(a.partner) === 'FULL') ||
        [...deals].some((d) => f.dealCustomer[d] === c),
    ),
  );
  const accounts = new Set(
    f.accounts
      .filter(
        (a) => a.partner === f.p || grantTo(a.partner) === 'FULL' || (grantTo(a.partner) === 'OVERLAPS' && hasAccount(f.p, a.customer)),
      )
      .map((a) => `${a.partner}|${a.customer}`),
  );
  return {
    customers,
    deals,
    solutions: new Set(f.members.filter((m) => m.partner === f.p).map((m) => m.solution)),
    accounts,
    grants: new Set(f.grants.filter((g) => g.from === f.p || g.to === f.p).map((g) => `${g.from}|${g.to}`)),
  };
}

/**
 * The fixture as an interchange document (its ids carry the prefix already): partners hold one
 * capability each (p its own, the others the needed one), every customer and solution needs the
 * needed one, deals are QUALIFIED USD deals a day apart from 2025-01-01, APPROVED but d-mine
 * (CONFLICT), and p integrates with q-none.
 */
export function scopeFixtureDocument(f: ScopeFixture): FixtureDocument {
  const [ownCapability, neededCapability] = f.capabilities as [string, string];
  return {
    capabilities: f.capabilities.map((id) => ({ id, name: `Capability ${id}`, category: 'TEST' })),
    partners: f.partners.map((id) => ({
      id,
      name: `Partner ${id}`,
      types: ['RESELLER'],
      tier: 'GOLD',
      lifecycleStage: 'ACTIVE',
      regions: ['EMEA'],
      industries: ['FINANCE'],
      capabilities: [{ capabilityId: id === f.p ? ownCapability : neededCapability, level: 'EXPERT' }],
      integratesWith: id === f.p ? [f.q.none] : [],
      sharing: f.grants.filter((g) => g.from === id).map((g) => ({ partnerId: g.to, level: g.level })),
    })),
    customers: f.customers.map((id) => ({
      id,
      name: `Customer ${id}`,
      industry: 'FINANCE',
      region: 'EMEA',
      segment: 'ENTERPRISE',
      needs: [neededCapability],
    })),
    accounts: f.accounts.map((a) => ({ partnerId: a.partner, customerId: a.customer, status: a.status })),
    solutions: f.solutions.map((id) => ({
      id,
      name: `Solution ${id}`,
      status: 'PUBLISHED',
      regions: ['EMEA'],
      industries: ['FINANCE'],
      requires: [neededCapability],
      members: f.members.filter((m) => m.solution === id).map((m) => ({ partnerId: m.partner, role: 'RESELLER' })),
    })),
    deals: f.deals.map((id, i) => ({
      id,
      name: `Deal ${id}`,
      customerId: f.dealCustomer[id]!,
      ...(f.dealSolution[id] ? { solutionId: f.dealSolution[id] } : {}),
      stage: 'QUALIFIED',
      amount: formatMinor(100_000 + i, 'USD'),
      currency: 'USD',
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      registrationStatus: id.endsWith('d-mine') ? 'CONFLICT' : 'APPROVED',
      participants: f.participations.filter((x) => x.deal === id).map((x) => ({ partnerId: x.partner, role: x.role, sourced: false })),
    })),
  };
}

/** Writes the fixture with the importer (ids and names carry the prefix; removeByPrefix cleans it up). */
export async function writeScopeFixture(db: CypherExecutor, f: ScopeFixture): Promise<void> {
  await loadFixture(db, scopeFixtureDocument(f));
}
