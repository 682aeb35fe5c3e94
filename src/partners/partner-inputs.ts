// The zod schemas of the partner mutations' inputs (GraphQL has checked the shapes and enums;
// these check the values).
import { z } from 'zod';
import { createExternalIdsField, updateExternalIdsField } from '../identity/identity.js';
import {
  ACCOUNT_STATUSES,
  CAPABILITY_LEVELS,
  LIFECYCLE_STAGES,
  PARTNER_TIERS,
  PARTNER_TYPES,
  SHARING_LEVELS,
} from '../model/vocabulary.js';
import { codeSchema, idSchema, nameSchema, websiteSchema } from '../validation/problems.js';

const partnerType = z.enum(PARTNER_TYPES);
const tier = z.enum(PARTNER_TIERS);
const lifecycleStage = z.enum(LIFECYCLE_STAGES);
const capabilityLevel = z.enum(CAPABILITY_LEVELS);
const sharingLevel = z.enum(SHARING_LEVELS);
const accountStatus = z.enum(ACCOUNT_STATUSES);

/** Distinct values in first-seen order: a partner plays each role once. */
const distinct = <T>(values: T[]): T[] => [...new Set(values)];

export const CreatePartnerInput = z.object({
  id: idSchema.nullish(),
  name: nameSchema,
  types: z.array(partnerType).min(1, 'a partner plays at least one role').transform(distinct),
  tier: tier.nullish().transform((v) => v ?? 'REGISTERED'),
  lifecycleStage: lifecycleStage.nullish().transform((v) => v ?? 'ACTIVE'),
  regions: z
    .array(codeSchema)
    .nullish()
    .transform((v) => distinct(v ?? [])),
  industries: z
    .array(codeSchema)
    .nullish()
    .transform((v) => distinct(v ?? [])),
  website: websiteSchema.nullish().transform((v) => v ?? null),
  externalIds: createExternalIdsField,
});

/** Absent fields stay as they are; a required field may not be set to null; website null clears it. */
export const UpdatePartnerInput = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  types: z.array(partnerType).min(1, 'a partner plays at least one role').transform(distinct).optional(),
  tier: tier.optional(),
  lifecycleStage: lifecycleStage.optional(),
  regions: z.array(codeSchema).transform(distinct).optional(),
  industries: z.array(codeSchema).transform(distinct).optional(),
  website: websiteSchema.nullable().optional(),
  externalIds: updateExternalIdsField,
});

export const PartnerCapabilityInput = z.object({
  partnerId: idSchema,
  capabilityId: idSchema,
  level: capabilityLevel.nullish().transform((v) => v ?? 'BASIC'),
});

export const PartnerCapabilityRemoveInput = z.object({ partnerId: idSchema, capabilityId: idSchema });

export const IntegrationInput = z
  .object({ partnerId: idSchema, otherPartnerId: idSchema })
  .refine((i) => i.partnerId !== i.otherPartnerId, { message: 'a partner cannot integrate with itself', path: ['otherPartnerId'] });

export const SharingGrantInput = z
  .object({ partnerId: idSchema, withPartnerId: idSchema, level: sharingLevel })
  .refine((i) => i.partnerId !== i.withPartnerId, { message: 'a partner cannot grant itself', path: ['withPartnerId'] });

export const SharingGrantRemoveInput = z.object({ partnerId: idSchema, withPartnerId: idSchema });

export const AccountInput = z.object({ partnerId: idSchema, customerId: idSchema, status: accountStatus });

export const AccountRemoveInput = z.object({ partnerId: idSchema, customerId: idSchema });
