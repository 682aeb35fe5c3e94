// partnerLifecycle, ecosystemTrends and atRiskPartners (issue 14, README "Time") against brute forces written here
// over random ecosystems with history (test/support/time-history.ts). Trends count the whole database, so they are
// checked as the difference the random ecosystem makes (its entities are its own: prefixed ids, own capabilities).
import { describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { formatMinor, parseAmount, sumByCurrency } from '../src/money/money.js';
import { isoDuration } from '../src/time/time-service.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { byIdAsc } from './support/intelligence-oracle.js';
import { prng } from './support/random.js';
import {
  deals,
  type History,
  holds,
  HISTORY_END,
  HISTORY_START,
  ms,
  randomHistory,
  stageAt,
  writeHistory,
} from './support/time-history.js';

const db = testExecutor();
const DAY = 86_400_000;

const LIFECYCLE = `query($id: ID!, $asOf: DateTime) { partnerLifecycle(partnerId: $id, asOf: $asOf) {
  partner { id } stages { stage duration { iso seconds } entries } startedAt firstActiveAt
  timeToFirstDeal { iso seconds } timeToFirstWin { iso seconds } } }`;
const TRENDS = `query($from: DateTime!, $to: DateTime, $interval: TrendInterval!) { ecosystemTrends(from: $from, to: $to, interval: $interval) {
  start end activePartners partnersActivated partnersLost accounts capabilitiesInDemand capabilitiesCovered capabilityCoverage
  dealsWon multiPartnerDealsWon multiPartnerShare partnerSourcedWon { amount currency } partnerInfluencedWon { amount currency } } }`;
const AT_RISK = `query($asOf: DateTime, $first: Int) { atRiskPartners(asOf: $asOf, first: $first) { partner { id } reasons } }`;

async function load(h: History): Promise<void> {
  const result = await importEcosystem(db, { formatVersion: 1, ...h.doc });
  if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result.problems, null, 2)}`);
  await writeHistory(db, h);
}

const duration = (msLength: number) => {
  const seconds = Math.floor(msLength / 1000);
  return { iso: isoDuration(seconds), seconds };
};

/** The lifecycle by its definition: stays summed per stage up to T, times from the first ONBOARDING/ACTIVE entry. */
function expectedLifecycle(h: History, pid: string, t: number) {
  const history = (h.stageHistory.get(pid) ?? []).filter((x) => ms(x.at) <= t);
  const order = ['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED'];
  const stages = order
    .map((stage) => {
      const stays = history
        .map((x, i) => ({ ...x, end: i + 1 < history.length ? ms(history[i + 1]!.at) : t }))
        .filter((x) => x.stage === stage);
      return { stage, duration: duration(stays.reduce((s, x) => s + x.end - ms(x.at), 0)), entries: stays.length };
    })
    .filter((s) => s.entries > 0);
  const started = history.find((x) => x.stage === 'ONBOARDING' || x.stage === 'ACTIVE');
  const firstActive = history.find((x) => x.stage === 'ACTIVE');
  const mine = deals(h).filter((d) => d.participants.some((p) => p.partnerId === pid));
  const after = (instants: (string | undefined)[]) =>
    started
      ? Math.min(
          ...instants
            .filter((x): x is string => !!x)
            .map(ms)
            .filter((x) => x >= ms(started.at) && x <= t),
          Infinity,
        )
      : Infinity;
  const firstDeal = after(mine.map((d) => d.createdAt));
  const firstWin = after(mine.filter((d) => d.stage === 'CLOSED_WON').map((d) => d.closedAt));
  return {
    partner: { id: pid },
    stages,
    startedAt: started ? new Date(started.at) : null,
    firstActiveAt: firstActive ? new Date(firstActive.at) : null,
    timeToFirstDeal: started && firstDeal !== Infinity ? duration(firstDeal - ms(started.at)) : null,
    timeToFirstWin: started && firstWin !== Infinity ? duration(firstWin - ms(started.at)) : null,
  };
}

/** Calendar periods by plain date arithmetic, clipped to [from, to). */
function expectedPeriods(from: number, to: number, months: number) {
  const out: { start: number; end: number }[] = [];
  const d = new Date(from);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth() - (d.getUTCMonth() % months);
  while (Date.UTC(y, m, 1) < to) {
    const start = Date.UTC(y, m, 1);
    m += months;
    if (m >= 12) [y, m] = [y + 1, m - 12];
    out.push({ start: Math.max(start, from), end: Math.min(Date.UTC(y, m, 1), to) });
  }
  return out;
}

/** What the random ecosystem adds to one period's row. */
function expectedTrendDelta(h: History, p: { start: number; end: number }) {
  const inPeriod = (at: string) => ms(at) >= p.start && ms(at) < p.end;
  const entered = (pid: string, stages: string[]) =>
    (h.stageHistory.get(pid) ?? []).some((x) => stages.includes(x.stage) && inPeriod(x.at));
  const demanded = h.doc.capabilities.filter(
    (c) =>
      h.doc.customers.some((u) => u.needs.includes(c.id)) ||
      h.doc.solutions.some((s) => s.status !== 'RETIRED' && s.requires.includes(c.id)),
  );
  const covered = demanded.filter((c) =>
    h.capabilities.some(
      (x) =>
        x.capabilityId === c.id &&
        holds(x, p.end) &&
        ['ACTIVE', 'ONBOARDING'].includes(
          stageAt(
            h,
            h.doc.partners.find((q) => q.id === x.partnerId)!,
            p.end,
          ),
        ),
    ),
  );
  const won = deals(h).filter((d) => d.stage === 'CLOSED_WON' && d.closedAt && inPeriod(d.closedAt));
  const money = (list: typeof won) => sumByCurrency(list.map((d) => ({ minor: parseAmount(d.amount, d.currency), currency: d.currency })));
  const sourced = (d: (typeof won)[number]) => d.participants.some((x) => (x as { sourced?: boolean }).sourced);
  return {
    activePartners: h.doc.partners.filter((q) => stageAt(h, q, p.end) === 'ACTIVE').length,
    partnersActivated: h.doc.partners.filter((q) => entered(q.id, ['ACTIVE'])).length,
    partnersLost: h.doc.partners.filter((q) => entered(q.id, ['DORMANT', 'OFFBOARDED'])).length,
    accounts: h.accounts.filter((x) => holds(x, p.end)).length,
    capabilitiesInDemand: demanded.length,
    capabilitiesCovered: covered.length,
    dealsWon: won.length,
    multiPartnerDealsWon: won.filter((d) => d.participants.length >= 2).length,
    sourced: money(won.filter((d) => d.participants.length > 0 && sourced(d))),
    influenced: money(won.filter((d) => d.participants.length > 0 && !sourced(d))),
  };
}

/** The four churn signals by their definitions (half-open windows before T). */
function expectedAtRisk(h: History, t: number) {
  const within = (at: string | null, lo: number, hi: number) => at !== null && ms(at) >= t - lo * DAY && ms(at) < t - hi * DAY;
  const rank = (tier: string) => ['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM'].indexOf(tier);
  const out: { partner: { id: string }; reasons: string[] }[] = [];
  for (const p of h.doc.partners) {
    if (stageAt(h, p, t) !== 'ACTIVE') continue;
    const mine = deals(h).filter((d) => d.participants.some((x) => x.partnerId === p.id));
    const reasons: string[] = [];
    if (!mine.some((d) => within(d.createdAt, 180, 0)) && mine.some((d) => within(d.createdAt, 360, 180))) reasons.push('NO_RECENT_DEALS');
    const accounts = h.accounts.filter((a) => a.partnerId === p.id);
    if (accounts.filter((a) => within(a.until, 90, 0)).length > accounts.filter((a) => within(a.since, 90, 0)).length)
      reasons.push('ACCOUNTS_SHRINKING');
    const caps = h.capabilities.filter((c) => c.partnerId === p.id);
    if (caps.some((c) => within(c.until, 90, 0) && !caps.some((o) => o.capabilityId === c.capabilityId && holds(o, t))))
      reasons.push('CAPABILITY_ENDED');
    const tiers = h.tierHistory.get(p.id) ?? [];
    if (tiers.some((x, i) => i > 0 && within(x.at, 180, 0) && rank(x.tier) < rank(tiers[i - 1]!.tier))) reasons.push('TIER_DOWNGRADED');
    if (reasons.length > 0) out.push({ partner: { id: p.id }, reasons });
  }
  return out.sort((a, b) => b.reasons.length - a.reasons.length || byIdAsc(a.partner.id, b.partner.id));
}

describe('lifecycle, trends and churn risk against brute force on random ecosystems with history', () => {
  const random = prng(1_414);
  /** How often the brute forces found something, so that empty answers cannot pass for right ones. */
  const seen = { atRisk: new Set<string>(), firstDeal: 0, activated: 0, won: 0 };
  for (let round = 0; round < 6; round++) {
    it(`random ecosystem with history ${round}`, async () => {
      const px = uniquePrefix(`tm${round}`);
      const h = randomHistory(random, px);
      const from = HISTORY_START + Math.floor(random() * 400) * DAY;
      const to = from + (200 + Math.floor(random() * 500)) * DAY + Math.floor(random() * DAY);
      const interval = random() < 0.5 ? 'MONTH' : 'QUARTER';
      const trendVars = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), interval };
      const before = (await expectData(db, TRENDS, trendVars)).data.ecosystemTrends;
      try {
        await load(h);
        // Within the histories' fixed span, not up to the clock: a draw that depended on when the test runs would
        // change what the rounds see, and the check below that every signal was seen.
        const t = HISTORY_START + Math.floor(random() * (HISTORY_END - HISTORY_START));
        for (const p of h.doc.partners) {
          const at = random() < 0.5 ? t : Date.now() - 1000;
          const { data } = await expectData(db, LIFECYCLE, { id: p.id, asOf: new Date(at).toISOString() });
          if (data.partnerLifecycle.timeToFirstDeal) seen.firstDeal++;
          expect(data.partnerLifecycle, `lifecycle of ${p.id} as of ${new Date(at).toISOString()}`).toEqual(expectedLifecycle(h, p.id, at));
        }

        const after = (await expectData(db, TRENDS, trendVars)).data.ecosystemTrends;
        const periods = expectedPeriods(from, to, interval === 'MONTH' ? 1 : 3);
        // In-process execution returns DateTime values as Date objects (serialised to RFC 3339 over HTTP).
        expect(after.map((r: any) => [r.start, r.end])).toEqual(periods.map((p) => [new Date(p.start), new Date(p.end)]));
        const minor = (list: { amount: string; currency: string }[], currency: string) =>
          parseAmount(list.find((m) => m.currency === currency)?.amount ?? '0', currency);
        periods.forEach((p, i) => {
          const [a, b, e] = [after[i], before[i], expectedTrendDelta(h, p)];
          seen.activated += e.partnersActivated;
          seen.won += e.dealsWon;
          const context = `${trendVars.interval} period ${new Date(p.start).toISOString()}`;
          for (const key of [
            'activePartners',
            'partnersActivated',
            'partnersLost',
            'accounts',
            'capabilitiesInDemand',
            'capabilitiesCovered',
            'dealsWon',
            'multiPartnerDealsWon',
          ] as const) {
            expect(a[key] - b[key], `${key} in ${context}`).toBe(e[key]);
          }
          expect(a.capabilityCoverage).toBe(a.capabilitiesInDemand === 0 ? null : a.capabilitiesCovered / a.capabilitiesInDemand);
          expect(a.multiPartnerShare).toBe(a.dealsWon === 0 ? null : a.multiPartnerDealsWon / a.dealsWon);
          for (const [got, was, want] of [
            [a.partnerSourcedWon, b.partnerSourcedWon, e.sourced],
            [a.partnerInfluencedWon, b.partnerInfluencedWon, e.influenced],
          ] as const) {
            for (const currency of ['USD', 'EUR', 'JPY']) {
              const delta = minor(got, currency) - minor(was, currency);
              const wanted = want.find((m) => m.currency === currency)?.minor ?? 0n;
              expect(formatMinor(delta, currency), `${currency} won in ${context}`).toBe(formatMinor(wanted, currency));
            }
          }
        });

        // A random instant, one 250 days after a deal (that deal in the earlier window of NO_RECENT_DEALS), and now.
        const dealLater = deals(h)
          .map((d) => ms(d.createdAt) + 250 * DAY)
          .filter((x) => x < HISTORY_END);
        for (const instant of [t, ...dealLater.slice(0, 1), Date.now() - 1000]) {
          const { data } = await expectData(db, AT_RISK, { asOf: new Date(instant).toISOString(), first: 100 });
          const got = data.atRiskPartners.filter((r: any) => r.partner.id.startsWith(px));
          for (const r of got) for (const reason of r.reasons) seen.atRisk.add(reason);
          expect(got, `at risk as of ${new Date(instant).toISOString()}`).toEqual(expectedAtRisk(h, instant));
        }
      } finally {
        await removeByPrefix(db, px);
      }
    }, 300_000);
  }

  it('the random ecosystems exercised every signal and measure', () => {
    expect([...seen.atRisk].sort()).toEqual(['ACCOUNTS_SHRINKING', 'CAPABILITY_ENDED', 'NO_RECENT_DEALS', 'TIER_DOWNGRADED']);
    expect(seen.firstDeal).toBeGreaterThan(0);
    expect(seen.activated).toBeGreaterThan(0);
    expect(seen.won).toBeGreaterThan(0);
  });

  it('bounds: from before to, at most 120 periods, no future; a partner sees only its own lifecycle', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [TRENDS, { from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', interval: 'MONTH' }, 'from'],
      [TRENDS, { from: '2010-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', interval: 'MONTH' }, 'to'],
      [TRENDS, { from: '2025-01-01T00:00:00Z', to: new Date(Date.now() + DAY).toISOString(), interval: 'MONTH' }, 'to'],
      [AT_RISK, { asOf: new Date(Date.now() + DAY).toISOString() }, 'asOf'],
      [LIFECYCLE, { id: 'x', asOf: new Date(Date.now() + DAY).toISOString() }, 'asOf'],
    ];
    for (const [query, variables, path] of cases) {
      const result = await runOperation(db, query, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', path: [path] });
    }
    const ok = await expectData(db, TRENDS, { from: '2016-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', interval: 'MONTH' });
    expect(ok.data.ecosystemTrends).toHaveLength(120);
    const partner = { role: 'PARTNER' as const, subject: 'partner:a', partnerId: 'a' };
    expect((await runOperation(db, LIFECYCLE, { id: 'b' }, partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await runOperation(db, AT_RISK, {}, partner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
