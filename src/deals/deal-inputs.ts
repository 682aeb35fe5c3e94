// The zod schemas of the deal mutations' inputs (GraphQL has checked the shapes and enums; these
// check the values: ids, names, the amount in the currency's minor digits, closedAt against the stage).
import { z } from 'zod';
import { checkAmountText, isCurrency, MoneyError, parseAmount } from '../money/money.js';
import { CONFLICT_DECISIONS, DEAL_ROLES, DEAL_STAGES } from '../model/vocabulary.js';
import { createExternalIdsField, domainSchema, externalIdSchema } from '../identity/identity.js';
import { idSchema, nameSchema, optionalTextSchema } from '../validation/problems.js';
import { isOpenDealStage } from './rules-of-engagement.js';

const participantSchema = z.object({
  partnerId: idSchema,
  role: z.enum(DEAL_ROLES),
  sourced: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
});

const dateSchema = z.date({ error: 'must be a date-time' });

export const RegisterDealInput = z
  .object({
    id: idSchema.nullish(),
    name: nameSchema,
    solutionId: idSchema.nullish(),
    // The text alone here, so it is checked even when the currency is refused; the rest in the transform.
    amount: z.string().superRefine((amount, ctx) => moneyRule(ctx, [], () => checkAmountText(amount))),
    currency: z.string().refine(isCurrency, 'must be an ISO 4217 currency code such as "USD"'),
    stage: z
      .enum(DEAL_STAGES)
      .nullish()
      .transform((v) => v ?? 'REGISTERED'),
    createdAt: dateSchema.nullish(),
    closedAt: dateSchema.nullish(),
    // Each participant by partnerId or partnerExternalId, exactly one (issue 13).
    participants: z
      .array(
        participantSchema.extend({ partnerId: idSchema.nullish(), partnerExternalId: externalIdSchema.nullish() }).superRefine((p, ctx) => {
          if (!p.partnerId === !p.partnerExternalId)
            ctx.addIssue({
              code: 'custom',
              path: ['partnerId'],
              message: 'name the partner by exactly one of partnerId and partnerExternalId',
            });
        }),
      )
      .min(1, 'a deal needs at least one participant'),
    // The customer by exactly one of customerId, customerExternalId and customerDomain (issue 13).
    customerId: idSchema.nullish(),
    customerExternalId: externalIdSchema.nullish(),
    customerDomain: domainSchema.nullish(),
    externalIds: createExternalIdsField,
    // A vendor-direct deal (issue 18; schema/policy.graphql).
    direct: z
      .boolean()
      .nullish()
      .transform((v) => v ?? false),
  })
  .transform((input, ctx) => {
    const named = (['customerId', 'customerExternalId', 'customerDomain'] as const).filter((k) => input[k]);
    if (named.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [named[1] ?? 'customerId'],
        message: 'name the customer by exactly one of customerId, customerExternalId and customerDomain',
      });
    }
    // The one money parser (src/money/money.ts): bounded, so a stored amount never wraps.
    let amountMinor = 0n;
    moneyRule(ctx, ['amount'], () => (amountMinor = parseAmount(input.amount, input.currency)));
    closedAtRule(input.stage, input.closedAt, ctx);
    if (input.createdAt && input.closedAt && input.closedAt < input.createdAt) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'must not be before createdAt' });
    }
    return { ...input, amountMinor };
  });

export const UpdateDealStageInput = z
  .object({ dealId: idSchema, stage: z.enum(DEAL_STAGES), closedAt: dateSchema.nullish(), note: optionalTextSchema })
  .superRefine((input, ctx) => closedAtRule(input.stage, input.closedAt, ctx));

export const ResolveDealConflictInput = z.object({ dealId: idSchema, decision: z.enum(CONFLICT_DECISIONS), note: optionalTextSchema });

export const AddDealParticipantInput = participantSchema.extend({ dealId: idSchema, note: optionalTextSchema });

export const RemoveDealParticipantInput = z.object({ dealId: idSchema, partnerId: idSchema, note: optionalTextSchema });

/** Runs a check of src/money/money.ts; its MoneyError becomes an issue at `path`. */
function moneyRule(ctx: z.RefinementCtx, path: string[], check: () => unknown): void {
  try {
    check();
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    ctx.addIssue({ code: 'custom', path, message: err.message });
  }
}

function closedAtRule(stage: string, closedAt: Date | null | undefined, ctx: z.RefinementCtx): void {
  if (!isOpenDealStage(stage) && !closedAt) ctx.addIssue({ code: 'custom', path: ['closedAt'], message: `required for a ${stage} deal` });
  if (isOpenDealStage(stage) && closedAt)
    ctx.addIssue({ code: 'custom', path: ['closedAt'], message: `only a closed deal has closedAt (stage is ${stage})` });
}
