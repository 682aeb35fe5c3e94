// The vendor's policy in the interchange format (docs/ecosystem-format.md, "Policy and programs"): every version of
// the rules of engagement and the partner programs with their enrolments. A program's values are checked by the
// API's own schema (src/programs/program-inputs.ts), so both doors accept exactly the same programs.
import { z } from 'zod';
import { formatMinor } from '../money/money.js';
import {
  ATTRIBUTION_MODELS,
  DEAL_ROLES,
  PARTNER_TIERS,
  PARTNER_TYPES,
  type AttributionModel,
  type DealRole,
  type PartnerTier,
  type PartnerType,
} from '../model/vocabulary.js';
import { MAX_PROTECTION_WINDOW_DAYS } from '../policy/policy-service.js';
import { ProgramSchema, type ProgramInput } from '../programs/program-inputs.js';
import { nameSchema, textSchema } from '../validation/problems.js';

/** One version of the rules of engagement, as setRulesOfEngagement kept it. */
export interface RulesVersionRecord {
  version: number;
  conflictingRoles: DealRole[];
  /** Left out: protection does not expire. */
  protectionWindowDays?: number;
  directDealsConflict: boolean;
  enforceTerritory: boolean;
  duplicateCustomersAsOne: boolean;
  attributionModel: AttributionModel;
  timeDecayHalfLifeDays: number;
  setAt: string;
  setBy: string;
  note?: string;
}

/** The fields of a rules version after `version`, in the format's order (export writes them so; a merge import compares them so). */
export const RULES_FIELDS = [
  'conflictingRoles',
  'protectionWindowDays',
  'directDealsConflict',
  'enforceTerritory',
  'duplicateCustomersAsOne',
  'attributionModel',
  'timeDecayHalfLifeDays',
  'setAt',
  'setBy',
  'note',
] as const satisfies readonly (keyof RulesVersionRecord)[];

export interface TerritoryRecord {
  regions: string[];
  industries: string[];
}

export interface ThresholdRecord {
  /** A decimal string with exactly the currency's minor digits. */
  amount: string;
  currency: string;
}

export interface ProgramLevelRecord {
  tier: PartnerTier;
  certifiedCapabilities?: number;
  closedWonDeals?: number;
  coSells?: number;
  sourcedWon?: ThresholdRecord[];
  influencedWon?: ThresholdRecord[];
}

export interface EnrolmentRecord {
  partnerId: string;
  since: string;
  exclusiveTerritory: TerritoryRecord;
}

export interface ProgramRecord {
  id: string;
  name: string;
  partnerType: PartnerType;
  description?: string;
  reportingCurrency?: string;
  exchangeRates: { currency: string; rate: string }[];
  exclusiveTerritory: TerritoryRecord;
  levels: ProgramLevelRecord[];
  enrolments: EnrolmentRecord[];
}

/**
 * The shape of a rules version in a document. `dateTime` and `coded` come from format.ts (its date-time rule and
 * problem codes), passed in to keep one definition of each.
 */
export function rulesVersionSchema(dateTime: z.ZodType<string, string>) {
  return z.strictObject({
    version: z.number().int('must be a whole number').min(1, 'versions start at 1'),
    conflictingRoles: z.array(z.enum(DEAL_ROLES)).transform((roles) => DEAL_ROLES.filter((r) => roles.includes(r))),
    protectionWindowDays: z.number().int('must be a whole number of days').min(1).max(MAX_PROTECTION_WINDOW_DAYS).optional(),
    directDealsConflict: z.boolean(),
    enforceTerritory: z.boolean(),
    duplicateCustomersAsOne: z.boolean(),
    attributionModel: z.enum(ATTRIBUTION_MODELS),
    timeDecayHalfLifeDays: z.number().int('must be a whole number of days').min(1).max(36_500),
    setAt: dateTime,
    setBy: nameSchema,
    note: textSchema.optional(),
  });
}

const territory = z.strictObject({ regions: z.unknown().optional(), industries: z.unknown().optional() });

/** A program in a document: its fields are only shaped here; their values are checked by ProgramSchema (superRefine). */
export function programRecordSchema(entityId: z.ZodType<string, string>, dateTime: z.ZodType<string, string>) {
  return z
    .strictObject({
      id: entityId,
      name: z.unknown(),
      partnerType: z.enum(PARTNER_TYPES),
      description: z.unknown().optional(),
      reportingCurrency: z.unknown().optional(),
      exchangeRates: z.array(z.strictObject({ currency: z.unknown(), rate: z.unknown() })).default([]),
      exclusiveTerritory: territory.optional(),
      levels: z.array(
        z.strictObject({
          tier: z.enum(PARTNER_TIERS),
          certifiedCapabilities: z.unknown().optional(),
          closedWonDeals: z.unknown().optional(),
          coSells: z.unknown().optional(),
          sourcedWon: z.array(z.strictObject({ amount: z.unknown(), currency: z.unknown() })).optional(),
          influencedWon: z.array(z.strictObject({ amount: z.unknown(), currency: z.unknown() })).optional(),
        }),
      ),
      enrolments: z.array(z.strictObject({ partnerId: entityId, since: dateTime, exclusiveTerritory: territory.optional() })).default([]),
    })
    .transform((raw, ctx): ProgramRecord => {
      const { enrolments, ...definition } = raw;
      const parsed = ProgramSchema.safeParse(definition);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as (string | number)[] });
        return z.NEVER;
      }
      const normalEnrolments: EnrolmentRecord[] = [];
      for (const [i, e] of enrolments.entries()) {
        const t = ProgramSchema.shape.exclusiveTerritory.safeParse(e.exclusiveTerritory);
        if (!t.success) {
          for (const issue of t.error.issues)
            ctx.addIssue({
              code: 'custom',
              message: issue.message,
              path: ['enrolments', i, 'exclusiveTerritory', ...(issue.path as (string | number)[])],
            });
          return z.NEVER;
        }
        normalEnrolments.push({ partnerId: e.partnerId, since: e.since, exclusiveTerritory: t.data });
      }
      return programRecordOf(raw.id, parsed.data, normalEnrolments);
    });
}

/** A checked program definition as the format writes it: thresholds with the currency's minor digits, rates by currency, enrolments by partner. */
export function programRecordOf(id: string, p: Omit<ProgramInput, 'id'>, enrolments: EnrolmentRecord[]): ProgramRecord {
  const thresholds = (list: ProgramInput['levels'][number]['sourcedWon']) =>
    list === null ? undefined : list.map((t) => ({ amount: formatMinor(t.minor, t.currency), currency: t.currency }));
  return {
    id,
    name: p.name,
    partnerType: p.partnerType,
    ...(p.description ? { description: p.description } : {}),
    ...(p.reportingCurrency ? { reportingCurrency: p.reportingCurrency } : {}),
    exchangeRates: [...p.exchangeRates].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
    exclusiveTerritory: p.exclusiveTerritory,
    levels: p.levels.map((l) => ({
      tier: l.tier,
      ...(l.certifiedCapabilities !== null ? { certifiedCapabilities: l.certifiedCapabilities } : {}),
      ...(l.closedWonDeals !== null ? { closedWonDeals: l.closedWonDeals } : {}),
      ...(l.coSells !== null ? { coSells: l.coSells } : {}),
      ...(l.sourcedWon !== null ? { sourcedWon: thresholds(l.sourcedWon) } : {}),
      ...(l.influencedWon !== null ? { influencedWon: thresholds(l.influencedWon) } : {}),
    })),
    enrolments: [...enrolments].sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0)),
  };
}

/** A program record back to the API's input shape (for ProgramSchema, then programProperties on import). */
export function programInputOf(r: ProgramRecord): unknown {
  return {
    id: r.id,
    name: r.name,
    partnerType: r.partnerType,
    description: r.description ?? null,
    reportingCurrency: r.reportingCurrency ?? null,
    exchangeRates: r.exchangeRates,
    exclusiveTerritory: r.exclusiveTerritory,
    levels: r.levels,
  };
}
