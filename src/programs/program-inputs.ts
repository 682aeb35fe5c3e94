// The zod schemas of the program mutations' inputs (schema/programs.graphql) and of a program as the interchange
// format writes it: one set of rules for both doors (README, "Programs and tiers").
import { z } from 'zod';
import { formatMinor, isCurrency, MoneyError, parseAmount } from '../money/money.js';
import { PARTNER_TIERS, PARTNER_TYPES } from '../model/vocabulary.js';
import { codeSchema, idSchema, nameSchema, optionalTextSchema } from '../validation/problems.js';
import { RATE_PATTERN, type Program, type ProgramLevel } from './tiers.js';

/** The most levels a program has: one per tier. */
export const MAX_LEVELS = PARTNER_TIERS.length;
/** The largest count threshold. */
export const MAX_COUNT_THRESHOLD = 1_000_000;
/** The most thresholds per amount criterion, rates per program and codes per territory list. */
export const MAX_THRESHOLDS = 20;
export const MAX_RATES = 200;
export const MAX_TERRITORY_CODES = 100;

const currency = z.string().refine(isCurrency, 'must be an ISO 4217 currency code (XXX and XTS are refused)');

const codes = z
  .array(codeSchema)
  .max(MAX_TERRITORY_CODES, `at most ${MAX_TERRITORY_CODES} codes`)
  .nullish()
  .transform((v) => [...new Set(v ?? [])]);

export const TerritorySchema = z
  .object({ regions: codes, industries: codes })
  .nullish()
  .transform((t) => t ?? { regions: [], industries: [] });

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(MAX_COUNT_THRESHOLD, `must be at most ${MAX_COUNT_THRESHOLD}`)
  .nullish()
  .transform((v) => v ?? null);

const threshold = z.object({ amount: z.string(), currency }).transform((t, ctx) => {
  try {
    return { minor: parseAmount(t.amount, t.currency), currency: t.currency };
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    ctx.addIssue({ code: 'custom', message: err.message, path: ['amount'] });
    return z.NEVER;
  }
});

const thresholds = z
  .array(threshold)
  .min(1, 'must list at least one threshold (leave the criterion out for none)')
  .max(MAX_THRESHOLDS, `at most ${MAX_THRESHOLDS} thresholds`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      if (seen.has(t.currency)) ctx.addIssue({ code: 'custom', message: `${t.currency} is listed twice`, path: [i, 'currency'] });
      seen.add(t.currency);
    });
  })
  .nullish()
  .transform((v) => v ?? null);

const LevelSchema = z
  .object({
    tier: z.enum(PARTNER_TIERS),
    certifiedCapabilities: count,
    closedWonDeals: count,
    coSells: count,
    sourcedWon: thresholds,
    influencedWon: thresholds,
  })
  .superRefine((l, ctx) => {
    if ([l.certifiedCapabilities, l.closedWonDeals, l.coSells, l.sourcedWon, l.influencedWon].every((c) => c === null))
      ctx.addIssue({ code: 'custom', message: 'a level sets at least one criterion', path: ['tier'] });
  });

const RateSchema = z.object({
  currency,
  rate: z
    .string()
    .regex(RATE_PATTERN, 'must be a decimal string with 1 to 12 integer digits and at most 12 fraction digits, e.g. "0.0067"')
    .refine((r) => /[1-9]/.test(r), 'must be above zero'),
});

/** A whole program definition (create, an update merged onto the stored one, an interchange record). */
export const ProgramSchema = z
  .object({
    id: idSchema.nullish(),
    name: nameSchema,
    partnerType: z.enum(PARTNER_TYPES),
    description: optionalTextSchema.transform((v) => v || null),
    reportingCurrency: currency.nullish().transform((v) => v ?? null),
    exchangeRates: z
      .array(RateSchema)
      .max(MAX_RATES, `at most ${MAX_RATES} rates`)
      .nullish()
      .transform((v) => v ?? []),
    exclusiveTerritory: TerritorySchema,
    levels: z.array(LevelSchema).min(1, 'must have at least one level').max(MAX_LEVELS, `at most ${MAX_LEVELS} levels`),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.exchangeRates.forEach((r, i) => {
      if (!p.reportingCurrency)
        ctx.addIssue({ code: 'custom', message: 'rates need a reportingCurrency', path: ['exchangeRates', i, 'currency'] });
      else if (r.currency === p.reportingCurrency)
        ctx.addIssue({
          code: 'custom',
          message: 'the reporting currency counts at 1: give no rate for it',
          path: ['exchangeRates', i, 'currency'],
        });
      if (seen.has(r.currency))
        ctx.addIssue({ code: 'custom', message: `${r.currency} is listed twice`, path: ['exchangeRates', i, 'currency'] });
      seen.add(r.currency);
    });
    p.levels.forEach((l, i) => {
      if (i > 0 && PARTNER_TIERS.indexOf(l.tier) <= PARTNER_TIERS.indexOf(p.levels[i - 1]!.tier))
        ctx.addIssue({
          code: 'custom',
          message: `levels must go strictly up in tier (${p.levels[i - 1]!.tier} then ${l.tier})`,
          path: ['levels', i, 'tier'],
        });
      if (!p.reportingCurrency) return;
      for (const field of ['sourcedWon', 'influencedWon'] as const) {
        const list = l[field];
        if (list === null) continue;
        if (list.length !== 1)
          ctx.addIssue({
            code: 'custom',
            message: `with a reporting currency, one threshold in ${p.reportingCurrency}`,
            path: ['levels', i, field],
          });
        list.forEach((t, j) => {
          if (t.currency !== p.reportingCurrency)
            ctx.addIssue({
              code: 'custom',
              message: `must be in the reporting currency ${p.reportingCurrency}`,
              path: ['levels', i, field, j, 'currency'],
            });
        });
      }
    });
  });

export type ProgramInput = z.output<typeof ProgramSchema>;

/** Fields an update may give; checked as a whole program once merged onto the stored one. */
export const UpdateProgramInput = z.object({ id: idSchema }).passthrough();

export const EnrolPartnerInput = z.object({
  programId: idSchema,
  partnerId: idSchema,
  since: z.date().nullish(),
  exclusiveTerritory: TerritorySchema,
});

export const UnenrolPartnerArgs = z.object({ programId: idSchema, partnerId: idSchema });

/** A stored program as input again (for merging an update onto it). */
export function programAsInput(p: Program): Record<string, unknown> {
  const money = (list: ProgramLevel['sourcedWon']) =>
    list === null ? null : list.map((t) => ({ amount: formatMinor(t.minor, t.currency), currency: t.currency }));
  return {
    id: p.id,
    name: p.name,
    partnerType: p.partnerType,
    description: p.description,
    reportingCurrency: p.reportingCurrency,
    exchangeRates: p.exchangeRates,
    exclusiveTerritory: p.exclusiveTerritory,
    levels: p.levels.map((l) => ({ ...l, sourcedWon: money(l.sourcedWon), influencedWon: money(l.influencedWon) })),
  };
}
