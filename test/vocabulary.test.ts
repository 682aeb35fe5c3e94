// The vocabulary's lists hold exactly the schema's enum values, each once. `tsc` already refuses a
// list missing a value (src/model/vocabulary.ts); this reads the schema itself and also catches a
// value listed twice.
import { buildASTSchema, GraphQLEnumType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isOpenDealStage } from '../src/deals/rules-of-engagement.js';
import * as vocabulary from '../src/model/vocabulary.js';
import { loadTypeDefs } from '../src/schema.js';

const schema = buildASTSchema(parse(loadTypeDefs()));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((v) => v.name);
}

const LISTS: [keyof typeof vocabulary, string][] = [
  ['PARTNER_TYPES', 'PartnerType'],
  ['PARTNER_TIERS', 'PartnerTier'],
  ['LIFECYCLE_STAGES', 'LifecycleStage'],
  ['CAPABILITY_LEVELS', 'CapabilityLevel'],
  ['SHARING_LEVELS', 'SharingLevel'],
  ['CUSTOMER_SEGMENTS', 'CustomerSegment'],
  ['ACCOUNT_STATUSES', 'AccountStatus'],
  ['SOLUTION_STATUSES', 'SolutionStatus'],
  ['DEAL_STAGES', 'DealStage'],
  ['DEAL_ROLES', 'DealRole'],
  ['REGISTRATION_STATUSES', 'RegistrationStatus'],
  ['CONFLICT_DECISIONS', 'ConflictDecision'],
  ['ATTRIBUTION_MODELS', 'AttributionModel'],
];

describe('the vocabulary', () => {
  it.each(LISTS)('%s lists every value of the enum %s once', (list, enumName) => {
    const values = vocabulary[list] as readonly string[];
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort()).toEqual(enumValues(enumName).sort());
  });

  it('lists every exported list here', () => {
    const exported = Object.keys(vocabulary).filter((k) => Array.isArray(vocabulary[k as keyof typeof vocabulary]));
    expect(exported.filter((k) => k !== 'OPEN_DEAL_STAGES').sort()).toEqual(LISTS.map(([k]) => k).sort());
  });

  it('calls open exactly the stages the rules of engagement call open, in DEAL_STAGES order', () => {
    expect(vocabulary.OPEN_DEAL_STAGES).toEqual(vocabulary.DEAL_STAGES.filter(isOpenDealStage));
  });
});
