// The zod schemas of the customer mutations' inputs.
import { z } from 'zod';
import { createExternalIdsField, domainSchema, updateExternalIdsField } from '../identity/identity.js';
import { CUSTOMER_SEGMENTS } from '../model/vocabulary.js';
import { codeSchema, idSchema, nameSchema } from '../validation/problems.js';

const segment = z.enum(CUSTOMER_SEGMENTS);
const capabilityIds = z.array(idSchema);

export const CreateCustomerInput = z.object({
  id: idSchema.nullish(),
  name: nameSchema,
  industry: codeSchema.nullish().transform((v) => v ?? null),
  region: codeSchema.nullish().transform((v) => v ?? null),
  segment: segment.nullish().transform((v) => v ?? null),
  needs: capabilityIds.nullish().transform((v) => v ?? []),
  /** Normalised (identity.ts normalizeDomain); at most one customer per domain. */
  domain: domainSchema.nullish().transform((v) => v ?? null),
  externalIds: createExternalIdsField,
});

/** Absent fields stay as they are; null clears an optional one; needs given replace the old ones. */
export const UpdateCustomerInput = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  industry: codeSchema.nullable().optional(),
  region: codeSchema.nullable().optional(),
  segment: segment.nullable().optional(),
  needs: capabilityIds.optional(),
  domain: domainSchema.nullable().optional(),
  externalIds: updateExternalIdsField,
});
