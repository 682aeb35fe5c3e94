// The zod schemas of the capability mutations' inputs.
import { z } from 'zod';
import { createExternalIdsField, updateExternalIdsField } from '../identity/identity.js';
import { idSchema, nameSchema, optionalTextSchema } from '../validation/problems.js';

export const CreateCapabilityInput = z.object({
  id: idSchema.nullish(),
  name: nameSchema,
  category: optionalTextSchema.transform((v) => v || null),
  parentId: idSchema.nullish().transform((v) => v ?? null),
  description: optionalTextSchema.transform((v) => v || null),
  externalIds: createExternalIdsField,
});

/** Absent fields stay as they are; parentId null makes the capability a root. */
export const UpdateCapabilityInput = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  category: optionalTextSchema,
  parentId: idSchema.nullable().optional(),
  description: optionalTextSchema,
  externalIds: updateExternalIdsField,
});
