// The zod schemas of the solution mutations' inputs.
import { z } from 'zod';
import { createExternalIdsField, updateExternalIdsField } from '../identity/identity.js';
import { PARTNER_TYPES, SOLUTION_STATUSES } from '../model/vocabulary.js';
import { codeSchema, idSchema, nameSchema, optionalTextSchema } from '../validation/problems.js';

const status = z.enum(SOLUTION_STATUSES);
const role = z.enum(PARTNER_TYPES);
const codes = z.array(codeSchema).transform((v) => [...new Set(v)]);

/** One entry per partner: a partner contributes to a solution in one role. */
const members = z.array(z.object({ partnerId: idSchema, role })).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((m, index) => {
    if (seen.has(m.partnerId))
      ctx.addIssue({ code: 'custom', message: `partner ${JSON.stringify(m.partnerId)} is listed twice`, path: [index, 'partnerId'] });
    seen.add(m.partnerId);
  });
});

export const CreateSolutionInput = z.object({
  id: idSchema.nullish(),
  name: nameSchema,
  description: optionalTextSchema.transform((v) => v || null),
  status: status.nullish().transform((v) => v ?? 'DRAFT'),
  regions: codes.nullish().transform((v) => v ?? []),
  industries: codes.nullish().transform((v) => v ?? []),
  requires: z
    .array(idSchema)
    .nullish()
    .transform((v) => v ?? []),
  members: members.nullish().transform((v) => v ?? []),
  externalIds: createExternalIdsField,
});

/** Absent fields stay as they are; lists given replace the old ones. */
export const UpdateSolutionInput = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  description: optionalTextSchema,
  status: status.optional(),
  regions: codes.optional(),
  industries: codes.optional(),
  requires: z.array(idSchema).optional(),
  members: members.optional(),
  externalIds: updateExternalIdsField,
});

export const SolutionMembershipInput = z.object({ solutionId: idSchema, partnerId: idSchema, role });

export const SolutionMembershipRemoveInput = z.object({ solutionId: idSchema, partnerId: idSchema });
