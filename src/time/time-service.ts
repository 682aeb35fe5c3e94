// Lifecycle, trends and churn risk over the time model (issue 14, README "Time"): partnerLifecycle from a partner's
// stage history and deals, ecosystemTrends per calendar period, atRiskPartners by four churn signals.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import type { MoneyValue, PartnerRow } from '../model/rows.js';
import { ecosystemHealthFromAggregates, type HealthAggregates } from '../deals/ecosystem-health.js';
import { pageSize } from '../model/pagination.js';
import { asOfInstant, utcDateTime } from './as-of.js';
import { utcInstant } from './calendar.js';

export interface DurationValue {
  iso: string;
  seconds: number;
}

/** Whole seconds (rounded down) between two instants as an ISO 8601 duration in days, hours, minutes and seconds. */
export function durationBetween(from: Date, to: Date): DurationValue {
  const seconds = Math.floor((to.getTime() - from.getTime()) / 1000);
  return { iso: isoDuration(seconds), seconds };
}

/** P<d>DT<h>H<m>M<s>S with zero parts left out; PT0S for zero; a leading minus for a negative length. */
export function isoDuration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  let rest = Math.abs(totalSeconds);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!days && !time) return 'PT0S';
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export const LIFECYCLE_ORDER = ['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED'] as const;

export interface LifecycleRow {
  partner: PartnerRow;
  stages: { stage: (typeof LIFECYCLE_ORDER)[number]; duration: DurationValue; entries: number }[];
  startedAt: Date | null;
  firstActiveAt: Date | null;
  timeToFirstDeal: DurationValue | null;
  timeToFirstWin: DurationValue | null;
}

interface DealFact {
  createdAt: Date | null;
  stage: string;
  closedAt: Date | null;
}

/**
 * The lifecycle of a partner from its stage history (sorted by at) and its deals, as of `asOf` (history and deals
 * after it ignored): the stays in each stage summed (the last stay runs to asOf), the first ONBOARDING or ACTIVE entry
 * (startedAt), the first ACTIVE entry, and the times from startedAt to the first deal created at or after it and to
 * the first CLOSED_WON deal closed at or after it (README, "Time").
 */
export function lifecycleOf(partner: PartnerRow, history: { stage: string; at: Date }[], deals: DealFact[], asOf: Date): LifecycleRow {
  const seen = history.filter((h) => h.at.getTime() <= asOf.getTime());
  const totals = new Map<string, { ms: number; entries: number }>();
  seen.forEach((h, i) => {
    const next = seen[i + 1]?.at ?? asOf;
    const t = totals.get(h.stage) ?? { ms: 0, entries: 0 };
    totals.set(h.stage, { ms: t.ms + (next.getTime() - h.at.getTime()), entries: t.entries + 1 });
  });
  const stages = LIFECYCLE_ORDER.filter((s) => totals.has(s)).map((stage) => {
    const t = totals.get(stage)!;
    return { stage, duration: durationBetween(new Date(0), new Date(t.ms)), entries: t.entries };
  });
  const startedAt = seen.find((h) => h.stage === 'ONBOARDING' || h.stage === 'ACTIVE')?.at ?? null;
  const firstActiveAt = seen.find((h) => h.stage === 'ACTIVE')?.at ?? null;
  const earliest = (instants: (Date | null)[]) =>
    instants
      .filter((d): d is Date => d !== null && startedAt !== null && d.getTime() >= startedAt.getTime() && d.getTime() <= asOf.getTime())
      .sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const firstDeal = earliest(deals.map((d) => d.createdAt));
  const firstWin = earliest(deals.filter((d) => d.stage === 'CLOSED_WON').map((d) => d.closedAt));
  return {
    partner,
    stages,
    startedAt,
    firstActiveAt,
    timeToFirstDeal: startedAt && firstDeal ? durationBetween(startedAt, firstDeal) : null,
    timeToFirstWin: startedAt && firstWin ? durationBetween(startedAt, firstWin) : null,
  };
}

/** The most periods ecosystemTrends computes in one request (ten years of months). */
export const MAX_TREND_PERIODS = 120;

/**
 * The calendar MONTHs or QUARTERs in UTC intersecting [from, to), each clipped to [from, to): half-open [start, end).
 * More than MAX_TREND_PERIODS is BAD_USER_INPUT at `to`; from not before to is BAD_USER_INPUT at `from`.
 */
export function periodsOf(from: Date, to: Date, interval: 'MONTH' | 'QUARTER'): { start: Date; end: Date }[] {
  if (from.getTime() >= to.getTime()) throw new BadInputError('from must be before to', ['from']);
  const months = interval === 'MONTH' ? 1 : 3;
  let cursor = utcInstant(from.getUTCFullYear(), from.getUTCMonth() - (from.getUTCMonth() % months), 1);
  const out: { start: Date; end: Date }[] = [];
  while (cursor.getTime() < to.getTime()) {
    const next = utcInstant(cursor.getUTCFullYear(), cursor.getUTCMonth() + months, 1);
    if (out.length === MAX_TREND_PERIODS) {
      throw new BadInputError(`at most ${MAX_TREND_PERIODS} periods per request; ask for a shorter range or a longer interval`, ['to']);
    }
    out.push({ start: new Date(Math.max(cursor.getTime(), from.getTime())), end: new Date(Math.min(next.getTime(), to.getTime())) });
    cursor = next;
  }
  return out;
}

export interface TrendPeriodRow {
  start: Date;
  end: Date;
  activePartners: number;
  partnersActivated: number;
  partnersLost: number;
  accounts: number;
  capabilityCoverage: number | null;
  capabilitiesInDemand: number;
  capabilitiesCovered: number;
  dealsWon: number;
  multiPartnerDealsWon: number;
  multiPartnerShare: number | null;
  partnerSourcedWon: MoneyValue[];
  partnerInfluencedWon: MoneyValue[];
}

export const CHURN_SIGNALS = ['NO_RECENT_DEALS', 'ACCOUNTS_SHRINKING', 'CAPABILITY_ENDED', 'TIER_DOWNGRADED'] as const;
export type ChurnSignal = (typeof CHURN_SIGNALS)[number];

const DAY_MS = 86_400_000;

export class TimeService {
  constructor(private readonly db: CypherExecutor) {}

  /** Null for an unknown partner (or, for a PARTNER viewer, another partner: refused before by the permissions). */
  async partnerLifecycle(partnerId: string, asOf?: Date | null): Promise<LifecycleRow | null> {
    asOfInstant(asOf, ['asOf']);
    const at = asOf ?? new Date();
    const [row] = await this.db.read<{ partner: PartnerRow; stages: string[]; ats: Date[]; deals: DealFact[] }>(
      'history/get-partner-lifecycle',
      { partnerId },
    );
    if (!row) return null;
    const history = row.stages.map((stage, i) => ({ stage, at: row.ats[i]! }));
    return lifecycleOf(row.partner, history, row.deals, at);
  }

  /** One row per period (periodsOf): counts from one query, won deals per period as ecosystemHealth counts them. */
  async ecosystemTrends(from: Date, to: Date | null | undefined, interval: 'MONTH' | 'QUARTER'): Promise<TrendPeriodRow[]> {
    const now = new Date();
    if (to && to.getTime() > now.getTime()) throw new BadInputError('to may not be later than now', ['to']);
    const periods = periodsOf(from, to ?? now, interval);
    return this.db.readTransaction(async (tx) => {
      const counts = await tx.run<{
        activePartners: number;
        partnersActivated: number;
        partnersLost: number;
        accounts: number;
        demanded: number;
        covered: number;
      }>('history/get-trend-periods', {
        periods: periods.map((p) => ({ start: utcDateTime(p.start), end: utcDateTime(p.end) })),
      });
      const rows: TrendPeriodRow[] = [];
      for (const [i, p] of periods.entries()) {
        const c = counts[i]!;
        const [won] = await tx.run<HealthAggregates>('deals/get-ecosystem-health', { from: p.start, to: p.end });
        const health = ecosystemHealthFromAggregates(won!, { demanded: c.demanded, covered: c.covered });
        rows.push({
          start: p.start,
          end: p.end,
          activePartners: c.activePartners,
          partnersActivated: c.partnersActivated,
          partnersLost: c.partnersLost,
          accounts: c.accounts,
          capabilityCoverage: health.capabilityCoverage,
          capabilitiesInDemand: c.demanded,
          capabilitiesCovered: c.covered,
          dealsWon: health.closedWonDeals,
          multiPartnerDealsWon: won!.multiPartnerDeals,
          multiPartnerShare: health.multiPartnerDealShare,
          partnerSourcedWon: health.partnerSourced,
          partnerInfluencedWon: health.partnerInfluenced,
        });
      }
      return rows;
    });
  }

  /** ACTIVE partners at asOf (default now) with their churn signals, ranked by number of signals then id (README, "Time"). */
  async atRiskPartners(
    asOf: Date | null | undefined,
    first: number | null | undefined,
  ): Promise<{ partner: PartnerRow; reasons: ChurnSignal[] }[]> {
    asOfInstant(asOf, ['asOf']);
    const size = pageSize(first, 20);
    if (size === 0) return [];
    const at = asOf ?? new Date();
    const before = (days: number) => utcDateTime(new Date(at.getTime() - days * DAY_MS));
    const rows = await this.db.read<{
      partner: PartnerRow;
      noRecentDeals: boolean;
      accountsShrinking: boolean;
      capabilityEnded: boolean;
      tierDowngraded: boolean;
    }>('history/get-at-risk-partners', {
      asOf: utcDateTime(at),
      from90: before(90),
      from180: before(180),
      from360: before(360),
      first: size,
    });
    return rows.map((r) => ({
      partner: r.partner,
      reasons: CHURN_SIGNALS.filter(
        (s) =>
          ({
            NO_RECENT_DEALS: r.noRecentDeals,
            ACCOUNTS_SHRINKING: r.accountsShrinking,
            CAPABILITY_ENDED: r.capabilityEnded,
            TIER_DOWNGRADED: r.tierDowngraded,
          })[s],
      ),
    }));
  }
}
