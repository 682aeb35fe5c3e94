// The partners connection with every filter and order (README, "Connections, filters and orders"): one statement for
// the page (cypher/relay/list-partners-by-id or list-partners-ordered, through readOrderedPage) and, only when
// totalCount is asked, one for the count (count-partners-filtered). Filters are validated and bounded here; every value reaches Cypher as a parameter.
import { z } from 'zod';
import type { CypherExecutor } from '../db/executor.js';
import { externalIdSchema } from '../identity/identity.js';
import type { Connection, PartnerRow } from '../model/rows.js';
import { CAPABILITY_LEVELS, LIFECYCLE_STAGES, PARTNER_TIERS, PARTNER_TYPES } from '../model/vocabulary.js';
import { codeSchema, idSchema, MAX_NAME_LENGTH } from '../validation/problems.js';
import type { PageArgs } from './keyset.js';
import { parseArgument, readOrderedPage, type OrderInput } from './ordered-pages.js';

/** The longest list a filter takes (regions, industries, types, tiers, stages). */
export const MAX_FILTER_VALUES = 50;
/** The most capabilities one filter may require. */
export const MAX_FILTER_CAPABILITIES = 20;

const list = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, 'must not be empty').max(MAX_FILTER_VALUES, `must have at most ${MAX_FILTER_VALUES} values`).nullish();
const text = z.string().max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`).nullish();

/** PartnerFilter (schema/partner.graphql and relay.graphql), every key optional. */
export const PartnerFilterSchema = z
  .object({
    types: list(z.enum(PARTNER_TYPES)),
    typesAll: list(z.enum(PARTNER_TYPES)),
    tiers: list(z.enum(PARTNER_TIERS)),
    lifecycleStages: list(z.enum(LIFECYCLE_STAGES)),
    region: codeSchema.nullish(),
    industry: codeSchema.nullish(),
    regions: list(codeSchema),
    industries: list(codeSchema),
    capabilityId: idSchema.nullish(),
    capabilities: z
      .array(z.object({ capabilityId: idSchema, minLevel: z.enum(CAPABILITY_LEVELS).nullish() }))
      .min(1, 'must not be empty')
      .max(MAX_FILTER_CAPABILITIES, `must have at most ${MAX_FILTER_CAPABILITIES} capabilities`)
      .nullish(),
    nameContains: text,
    namePrefix: text,
    externalId: externalIdSchema.nullish(),
  })
  .nullish();

export type PartnerFilterInput = z.input<typeof PartnerFilterSchema>;

export const PARTNER_ORDER_FIELDS = ['ID', 'NAME', 'TIER', 'LIFECYCLE_STAGE', 'ACCOUNT_COUNT', 'CAPABILITY_COUNT'] as const;
export type PartnerOrderField = (typeof PARTNER_ORDER_FIELDS)[number];

/** The count file's parameters for a filter: every key, absent ones null. */
export function partnerFilterParams(filter: PartnerFilterInput): Record<string, unknown> {
  const f = parseArgument(PartnerFilterSchema, filter, ['filter']) ?? {};
  return {
    types: f.types ?? null,
    typesAll: f.typesAll ?? null,
    tiers: f.tiers ?? null,
    lifecycleStages: f.lifecycleStages ?? null,
    region: f.region ?? null,
    industry: f.industry ?? null,
    regions: f.regions ?? null,
    industries: f.industries ?? null,
    capabilityId: f.capabilityId ?? null,
    capabilities:
      f.capabilities?.map((c) => ({ capabilityId: c.capabilityId, minRank: CAPABILITY_LEVELS.indexOf(c.minLevel ?? 'BASIC') })) ?? null,
    nameContains: f.nameContains ?? null,
    namePrefix: f.namePrefix ?? null,
    externalSystem: f.externalId?.system ?? null,
    externalValue: f.externalId?.id ?? null,
  };
}

/** A page of partners under `filter` in `orderBy` (default ID ascending), forward or backward; totalCount when asked. */
export function listPartnersOrdered(
  db: CypherExecutor,
  filter: PartnerFilterInput,
  orderBy: OrderInput<PartnerOrderField> | null | undefined,
  args: PageArgs,
): Promise<Connection<PartnerRow>> {
  return readOrderedPage<PartnerRow, PartnerOrderField>(
    db,
    'PARTNER',
    {
      byId: 'relay/list-partners-by-id',
      ordered: 'relay/list-partners-ordered',
      count: 'relay/count-partners-filtered',
      // Without a filter, from Neo4j's count store (a file without the filter's conditions).
      countAll: 'partners/count-all-partners',
    },
    partnerFilterParams(filter),
    orderBy,
    args,
  );
}
