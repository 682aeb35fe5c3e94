// The model's vocabulary: the values of every enum the services, the interchange format, the seed
// generator and the map page list, in one place. The values themselves are the GraphQL schema's
// (schema/*.graphql); each list is checked against the generated enum type (src/generated/enums.ts),
// so a value added to the schema and not listed here fails `tsc`. The order of a list is the order
// the interchange documentation and the seed generator use (the generator's output depends on it).
// The map page imports this module too, so it imports nothing but types that import nothing.
import type {
  AccountStatus,
  AttributionModel,
  CapabilityLevel,
  ConflictDecision,
  CoverageStatus,
  CustomerSegment,
  DealEventKind,
  DealRole,
  DealStage,
  LifecycleStage,
  MapNodeKind,
  PartnerTier,
  PartnerType,
  RegistrationStatus,
  SharingLevel,
  SolutionStatus,
} from '../generated/enums.js';

export type {
  AccountStatus,
  AttributionModel,
  CapabilityLevel,
  ConflictDecision,
  CoverageStatus,
  CustomerSegment,
  DealEventKind,
  DealRole,
  DealStage,
  LifecycleStage,
  MapNodeKind,
  PartnerTier,
  PartnerType,
  RegistrationStatus,
  SharingLevel,
  SolutionStatus,
};

/**
 * `everyValueOf<T>()([...])` returns the list as given (a readonly tuple, usable by `z.enum`), and
 * compiles only when it holds every value of the union T: a missing value is a type error naming it
 * (`Property 'missing' is missing ... { missing: "NEW_VALUE" }`), a value outside T one naming that.
 */
function everyValueOf<T extends string>() {
  return <const L extends readonly [T, ...T[]]>(
    values: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L => values;
}

export const PARTNER_TYPES = everyValueOf<PartnerType>()([
  'TECHNOLOGY',
  'RESELLER',
  'DISTRIBUTOR',
  'SERVICES',
  'MSP',
  'REFERRAL',
  'INFLUENCER',
  'HYPERSCALER',
  'TRAINING',
  'STRATEGIC_ALLIANCE',
]);
/** Lowest first: scores rank a tier by its index here (src/intelligence/eligibility.ts). */
export const PARTNER_TIERS = everyValueOf<PartnerTier>()(['REGISTERED', 'SILVER', 'GOLD', 'PLATINUM']);
export const LIFECYCLE_STAGES = everyValueOf<LifecycleStage>()(['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED']);
export const CAPABILITY_LEVELS = everyValueOf<CapabilityLevel>()(['BASIC', 'CERTIFIED', 'EXPERT']);
export const SHARING_LEVELS = everyValueOf<SharingLevel>()(['COUNTS', 'OVERLAPS', 'FULL']);
export const CUSTOMER_SEGMENTS = everyValueOf<CustomerSegment>()(['SMB', 'MID_MARKET', 'ENTERPRISE']);
export const ACCOUNT_STATUSES = everyValueOf<AccountStatus>()(['CUSTOMER', 'OPPORTUNITY', 'PROSPECT']);
export const SOLUTION_STATUSES = everyValueOf<SolutionStatus>()(['DRAFT', 'PUBLISHED', 'RETIRED']);
export const DEAL_STAGES = everyValueOf<DealStage>()(['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST']);
/** The stages of a deal still being worked, in DEAL_STAGES order; the others (CLOSED_*) are final. */
export const OPEN_DEAL_STAGES = ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'] as const satisfies readonly DealStage[];
export const DEAL_ROLES = everyValueOf<DealRole>()([
  'RESELLER',
  'DISTRIBUTOR',
  'TECHNOLOGY',
  'SERVICES',
  'REFERRAL',
  'INFLUENCER',
  'MARKETPLACE',
]);
export const REGISTRATION_STATUSES = everyValueOf<RegistrationStatus>()(['APPROVED', 'CONFLICT', 'REJECTED', 'PENDING_REVIEW', 'EXPIRED']);
/** Every attribution model (README, Attribution models). */
export const ATTRIBUTION_MODELS = everyValueOf<AttributionModel>()([
  'EVEN',
  'ROLE_WEIGHTED',
  'SOURCED',
  'FIRST_TOUCH',
  'LAST_TOUCH',
  'POSITION_BASED',
  'TIME_DECAY',
]);
export const CONFLICT_DECISIONS = everyValueOf<ConflictDecision>()(['APPROVE', 'REJECT']);
