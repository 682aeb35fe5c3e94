// Programs and tiers that follow contributions (issue 18; README, "Programs and tiers"): the pure rules. A program's
// levels are evaluated here from a partner's facts as of an instant (read by cypher/programs/get-tier-facts.cypher);
// the trailing window, the exact currency conversion and the exclusive territories' overlaps are defined once here
// and nowhere else. No database, no clock: every function is a function of its arguments.
import { minorDigits, sumByCurrency, type Money } from '../money/money.js';
import { PARTNER_TIERS, type PartnerTier, type PartnerType } from '../model/vocabulary.js';
import { utcInstant } from '../time/calendar.js';

/** The criteria a level may set, in the order a level lists them. */
export const TIER_CRITERIA = ['CERTIFIED_CAPABILITIES', 'CLOSED_WON_DEALS', 'SOURCED_WON', 'INFLUENCED_WON', 'CO_SELLS'] as const;
export type TierCriterion = (typeof TIER_CRITERIA)[number];

/** One level of a program: a tier and its thresholds; a null threshold is no criterion. */
export interface ProgramLevel {
  tier: PartnerTier;
  /** Capabilities held at CERTIFIED or EXPERT at asOf, at least. */
  certifiedCapabilities: number | null;
  /** CLOSED_WON deals closed in the window that the partner takes part in, at least. */
  closedWonDeals: number | null;
  /** Of those, the deals with at least one other partner taking part, at least. */
  coSells: number | null;
  /** Amounts of the won deals it sourced: alternatives per currency, or one amount in the reporting currency. */
  sourcedWon: Money[] | null;
  /** Amounts of the won deals it took part in without sourcing (as sourcedWon). */
  influencedWon: Money[] | null;
}

/** Units of the reporting currency for one unit of `currency`, an exact decimal string such as "0.0067". */
export interface ExchangeRate {
  currency: string;
  rate: string;
}

/** A territory: the cells region × industry; industries empty means every industry of those regions. */
export interface Territory {
  regions: string[];
  industries: string[];
}

export interface Program {
  id: string;
  name: string;
  partnerType: PartnerType;
  description: string | null;
  /** When set, amounts are converted into it with exchangeRates before they are compared. */
  reportingCurrency: string | null;
  exchangeRates: ExchangeRate[];
  exclusiveTerritory: Territory;
  /** Ordered by tier, lowest first, each tier at most once. */
  levels: ProgramLevel[];
}

export interface Enrolment {
  programId: string;
  partnerId: string;
  since: Date;
  exclusiveTerritory: Territory;
}

/** A partner's facts as of an instant, as get-tier-facts.cypher reads them. */
export interface TierFacts {
  /** tierHistory at asOf (cypher/time/tier-at). */
  currentTier: PartnerTier;
  certifiedCapabilities: number;
  /** The CLOSED_WON deals closed in the window the partner takes part in, each once. */
  wonDeals: { dealId: string; minor: bigint; currency: string; sourced: boolean; otherPartners: number }[];
}

export interface CriterionResult {
  criterion: TierCriterion;
  met: boolean;
  /** Count criteria: the partner's count, the threshold and what is missing (0 when met). */
  value: number | null;
  threshold: number | null;
  shortfall: number | null;
  /** Amount criteria: the partner's amounts (per currency, or the one converted amount), the thresholds, the shortfalls. */
  amounts: Money[] | null;
  thresholdAmounts: Money[] | null;
  /** Per threshold, what is missing (empty when met). */
  shortfallAmounts: Money[] | null;
  /** With a reporting currency: the amounts in currencies without a rate, not counted. */
  unconverted: Money[] | null;
}

export interface LevelResult {
  tier: PartnerTier;
  qualified: boolean;
  criteria: CriterionResult[];
}

export type TierDirection = 'UP' | 'DOWN' | 'NONE';

export interface TierResult {
  currentTier: PartnerTier;
  /** The tier of the highest level whose every criterion is met; REGISTERED, the floor, when none is. */
  qualifiedTier: PartnerTier;
  /** Index of that level in program.levels; null when none is met. */
  qualifiedLevel: number | null;
  /** UP when qualifiedTier is above currentTier, DOWN when below. */
  direction: TierDirection;
  levels: LevelResult[];
  /** The level above the qualified one (the lowest level when none is met); null at the top. */
  nextLevel: LevelResult | null;
  /** The unmet criteria of nextLevel. */
  missing: CriterionResult[];
}

const tierRank = (tier: PartnerTier): number => PARTNER_TIERS.indexOf(tier);

/**
 * The start of the trailing window ending at `asOf`: the same instant twelve calendar months earlier, in UTC, the day
 * clamped to the month's last (2024-02-29 → 2023-02-28). The window is (start, asOf]: a deal closed exactly at asOf
 * counts, one closed exactly at the start does not (README, "Programs and tiers").
 */
export function windowStart(asOf: Date): Date {
  const y = asOf.getUTCFullYear() - 1;
  const m = asOf.getUTCMonth();
  const lastDay = utcInstant(y, m + 1, 0).getUTCDate();
  return utcInstant(
    y,
    m,
    Math.min(asOf.getUTCDate(), lastDay),
    asOf.getUTCHours(),
    asOf.getUTCMinutes(),
    asOf.getUTCSeconds(),
    asOf.getUTCMilliseconds(),
  );
}

/** A rate: 1 to 12 integer digits, up to 12 fraction digits, no sign or exponent, above zero. */
export const RATE_PATTERN = /^(0|[1-9]\d{0,11})(?:\.(\d{1,12}))?$/;

/** A rate's exact value as numerator / 10^scale. */
export function parseRate(rate: string): { numerator: bigint; scale: number } {
  const m = RATE_PATTERN.exec(rate);
  if (!m) throw new Error(`not a rate: ${JSON.stringify(rate)}`);
  const fraction = m[2] ?? '';
  return { numerator: BigInt(m[1]! + fraction), scale: fraction.length };
}

/** n / d rounded to an integer, half to even (banker's rounding); n ≥ 0, d > 0. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twice = 2n * (n % d);
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/**
 * Amounts (per currency, minor units) converted into `reporting` exactly: each currency's total times its rate is
 * added as an exact fraction, and the sum is rounded once, half to even, to the reporting currency's minor units.
 * The reporting currency's own amounts count at rate 1; currencies without a rate are returned as unconverted.
 */
export function convertExactly(
  amounts: readonly Money[],
  reporting: string,
  rates: readonly ExchangeRate[],
): { value: Money; unconverted: Money[] } {
  const byCurrency = new Map(rates.map((r) => [r.currency, parseRate(r.rate)]));
  byCurrency.set(reporting, { numerator: 1n, scale: 0 });
  const dR = minorDigits(reporting);
  const terms: { minor: bigint; numerator: bigint; exponent: number }[] = [];
  const unconverted: Money[] = [];
  for (const a of amounts) {
    const rate = byCurrency.get(a.currency);
    if (!rate) unconverted.push(a);
    // value in reporting minor units = minor × numerator × 10^dR / 10^(scale + dC)
    else terms.push({ minor: a.minor, numerator: rate.numerator, exponent: rate.scale + minorDigits(a.currency) });
  }
  const top = Math.max(dR, ...terms.map((t) => t.exponent));
  let numerator = 0n;
  for (const t of terms) numerator += t.minor * t.numerator * 10n ** BigInt(dR + top - t.exponent);
  return { value: { minor: divideHalfEven(numerator, 10n ** BigInt(top)), currency: reporting }, unconverted };
}

function countCriterion(criterion: TierCriterion, value: number, threshold: number): CriterionResult {
  return {
    criterion,
    met: value >= threshold,
    value,
    threshold,
    shortfall: Math.max(0, threshold - value),
    amounts: null,
    thresholdAmounts: null,
    shortfallAmounts: null,
    unconverted: null,
  };
}

function amountCriterion(criterion: TierCriterion, amounts: Money[], thresholds: Money[], program: Program): CriterionResult {
  let values = amounts;
  let unconverted: Money[] | null = null;
  if (program.reportingCurrency) {
    const converted = convertExactly(amounts, program.reportingCurrency, program.exchangeRates);
    values = [converted.value];
    unconverted = converted.unconverted;
  }
  const valueIn = (currency: string) => values.find((v) => v.currency === currency)?.minor ?? 0n;
  // Thresholds in several currencies are alternatives: amounts of different currencies are never added unconverted.
  const met = thresholds.some((t) => valueIn(t.currency) >= t.minor);
  return {
    criterion,
    met,
    value: null,
    threshold: null,
    shortfall: null,
    amounts: values,
    thresholdAmounts: thresholds,
    shortfallAmounts: met ? [] : thresholds.map((t) => ({ minor: t.minor - valueIn(t.currency), currency: t.currency })),
    unconverted,
  };
}

/** Each criterion the level sets, in TIER_CRITERIA order, against the facts. */
export function evaluateLevel(level: ProgramLevel, facts: TierFacts, program: Program): LevelResult {
  const money = (d: TierFacts['wonDeals'][number]) => ({ minor: d.minor, currency: d.currency });
  const criteria: CriterionResult[] = [];
  if (level.certifiedCapabilities !== null)
    criteria.push(countCriterion('CERTIFIED_CAPABILITIES', facts.certifiedCapabilities, level.certifiedCapabilities));
  if (level.closedWonDeals !== null) criteria.push(countCriterion('CLOSED_WON_DEALS', facts.wonDeals.length, level.closedWonDeals));
  if (level.sourcedWon !== null)
    criteria.push(
      amountCriterion('SOURCED_WON', sumByCurrency(facts.wonDeals.filter((d) => d.sourced).map(money)), level.sourcedWon, program),
    );
  if (level.influencedWon !== null)
    criteria.push(
      amountCriterion('INFLUENCED_WON', sumByCurrency(facts.wonDeals.filter((d) => !d.sourced).map(money)), level.influencedWon, program),
    );
  if (level.coSells !== null)
    criteria.push(countCriterion('CO_SELLS', facts.wonDeals.filter((d) => d.otherPartners > 0).length, level.coSells));
  return { tier: level.tier, qualified: criteria.every((c) => c.met), criteria };
}

/** The program's levels evaluated against a partner's facts (README, "Programs and tiers"). */
export function evaluateTier(program: Program, facts: TierFacts): TierResult {
  const levels = program.levels.map((l) => evaluateLevel(l, facts, program));
  let qualifiedLevel: number | null = null;
  levels.forEach((l, i) => {
    if (l.qualified) qualifiedLevel = i;
  });
  const qualifiedTier: PartnerTier = qualifiedLevel === null ? 'REGISTERED' : levels[qualifiedLevel]!.tier;
  const nextLevel = levels[qualifiedLevel === null ? 0 : qualifiedLevel + 1] ?? null;
  const diff = tierRank(qualifiedTier) - tierRank(facts.currentTier);
  return {
    currentTier: facts.currentTier,
    qualifiedTier,
    qualifiedLevel,
    direction: diff > 0 ? 'UP' : diff < 0 ? 'DOWN' : 'NONE',
    levels,
    nextLevel,
    missing: nextLevel ? nextLevel.criteria.filter((c) => !c.met) : [],
  };
}

/** One cell of a territory's overlap; industry null: every industry of the region. */
export interface TerritoryCell {
  region: string;
  industry: string | null;
}

/**
 * The cells two territories both claim, ordered by region then industry (null, every industry, first). A territory
 * without regions claims nothing; one without industries claims every industry of its regions.
 */
export function territoryOverlap(a: Territory, b: Territory): TerritoryCell[] {
  const regions = [...new Set(a.regions.filter((r) => b.regions.includes(r)))].sort(compareText);
  let industries: (string | null)[];
  if (a.industries.length === 0 && b.industries.length === 0) industries = [null];
  else if (a.industries.length === 0) industries = [...new Set(b.industries)].sort(compareText);
  else if (b.industries.length === 0) industries = [...new Set(a.industries)].sort(compareText);
  else industries = [...new Set(a.industries.filter((i) => b.industries.includes(i)))].sort(compareText);
  return regions.flatMap((region) => industries.map((industry) => ({ region, industry })));
}

/** Code-unit order, as ids and codes sort everywhere else (compareIds). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type ConflictKind = 'PROGRAMS' | 'ENROLMENTS';

export interface ProgramConflict {
  kind: ConflictKind;
  partnerType: PartnerType;
  /** The two programs (PROGRAMS, ordered by id), or the programs of the two enrolments (in the partners' order). */
  programIds: [string, string];
  /** ENROLMENTS: the two partners, ordered by id; PROGRAMS: empty. */
  partnerIds: string[];
  overlap: TerritoryCell[];
}

/**
 * Overlapping exclusive territories (README, "Programs and tiers"): two programs for the same partner type whose
 * territories overlap, and two enrolments of different partners in programs of the same partner type (the same
 * program or two) whose territories overlap. Exclusivity is within a track: programs of different partner types
 * may share a territory. Ordered by kind (PROGRAMS first), then the ids named.
 */
export function programConflicts(programs: readonly Program[], enrolments: readonly Enrolment[]): ProgramConflict[] {
  const out: ProgramConflict[] = [];
  const sorted = [...programs].sort((a, b) => compareText(a.id, b.id));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.partnerType !== b.partnerType) continue;
      const overlap = territoryOverlap(a.exclusiveTerritory, b.exclusiveTerritory);
      if (overlap.length > 0) out.push({ kind: 'PROGRAMS', partnerType: a.partnerType, programIds: [a.id, b.id], partnerIds: [], overlap });
    }
  }
  const typeOf = new Map(programs.map((p) => [p.id, p.partnerType]));
  const enrolled = enrolments
    .filter((e) => typeOf.has(e.programId))
    .sort((a, b) => compareText(a.partnerId, b.partnerId) || compareText(a.programId, b.programId));
  // Only enrolments sharing a region can overlap: compare within each (partner type, region) bucket.
  const buckets = new Map<string, Enrolment[]>();
  for (const e of enrolled)
    for (const region of new Set(e.exclusiveTerritory.regions)) {
      const key = `${typeOf.get(e.programId)}\u0000${region}`;
      const list = buckets.get(key);
      if (list) list.push(e);
      else buckets.set(key, [e]);
    }
  const seen = new Set<string>();
  const pairs: ProgramConflict[] = [];
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        if (a.partnerId === b.partnerId) continue;
        const key = JSON.stringify([a.partnerId, a.programId, b.partnerId, b.programId]);
        if (seen.has(key)) continue;
        seen.add(key);
        const overlap = territoryOverlap(a.exclusiveTerritory, b.exclusiveTerritory);
        if (overlap.length > 0)
          pairs.push({
            kind: 'ENROLMENTS',
            partnerType: typeOf.get(a.programId)!,
            programIds: [a.programId, b.programId],
            partnerIds: [a.partnerId, b.partnerId],
            overlap,
          });
      }
    }
  }
  pairs.sort(
    (x, y) =>
      compareText(x.partnerIds[0]!, y.partnerIds[0]!) ||
      compareText(x.partnerIds[1]!, y.partnerIds[1]!) ||
      compareText(x.programIds[0], y.programIds[0]) ||
      compareText(x.programIds[1], y.programIds[1]),
  );
  return [...out, ...pairs];
}
