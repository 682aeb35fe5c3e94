// The rules of engagement as the vendor's versioned policy (issue 18; README, "Rules of engagement"),
// written once: one pure decision over the candidate deals, used by registerDeal, simulateRegistration,
// addDealParticipant, a merge's re-decision and the importers (src/deals/rules-of-engagement.ts adapts
// its older callers to it). No database, no clock: the caller passes the deals and the time.
import type { DealRole, RegistrationStatus } from '../model/vocabulary.js';

/** One version of the rules of engagement (schema/policy.graphql, `RulesOfEngagement`). */
export interface RulesOfEngagement {
  /** 0 for the built-in defaults (never set); every setRulesOfEngagement adds 1. */
  version: number;
  /** Roles whose partners claim the customer: two deals conflict through them (default [RESELLER]). */
  conflictingRoles: DealRole[];
  /** Days an approved open registration protects its customer; null = for ever (the default). */
  protectionWindowDays: number | null;
  /** Whether a vendor-direct deal (`direct: true`) and partner registrations conflict (default false). */
  directDealsConflict: boolean;
  /** Whether a registration outside its claiming partners' regions or industries goes to review (default false). */
  enforceTerritory: boolean;
  /** Whether the customers of one duplicate group (README, Identity) are one customer (default true). */
  duplicateCustomersAsOne: boolean;
}

/** The policy before the vendor sets one: the rules as they were before issue 18. */
export const DEFAULT_RULES: RulesOfEngagement = {
  version: 0,
  conflictingRoles: ['RESELLER'],
  protectionWindowDays: null,
  directDealsConflict: false,
  enforceTerritory: false,
  duplicateCustomersAsOne: true,
};

/** A day in milliseconds: the protection window counts whole days of 86,400,000 ms (UTC, no calendar). */
export const DAY_MS = 86_400_000;

/** Which rule decided a registration (schema/policy.graphql, `RegistrationRule`). */
export type RegistrationRule =
  | 'FIRST_REGISTERED'
  | 'ROLE_CONFLICT'
  | 'DUPLICATE_CUSTOMER'
  | 'DIRECT_DEAL'
  | 'EXPIRED'
  | 'OUT_OF_TERRITORY'
  | 'CLOSED_DEAL'
  | 'GIVEN_STATUS'
  | 'VENDOR_DECISION';

/** A deal as the rules see it. */
export interface PolicyDeal {
  id: string;
  customerId: string;
  stage: string;
  createdAt: Date;
  /** The status it has; null to have the rules decide it. */
  registrationStatus: RegistrationStatus | null;
  participants: readonly { partnerId: string; role: string }[];
  /** A vendor-direct deal (no partner sources it). */
  direct: boolean;
  /** Its last stage change, if any: the protection window restarts there. */
  lastStageChangeAt: Date | null;
}

/** Where the customer is and where each claiming partner works, for territory enforcement. */
export interface TerritoryFacts {
  customerRegion: string | null;
  customerIndustry: string | null;
  partners: ReadonlyMap<string, { regions: readonly string[]; industries: readonly string[] }>;
}

/** A registration decision (schema/policy.graphql, `RegistrationDecision`); conflictsWith are deal ids in registration order. */
export interface Decision {
  status: RegistrationStatus;
  rule: RegistrationRule;
  policyVersion: number;
  conflictsWith: string[];
  explanation: string;
}

export function isOpenStage(stage: string): boolean {
  return !stage.startsWith('CLOSED_');
}

/** Registration order: createdAt, then id. */
export function registrationOrder(a: Pick<PolicyDeal, 'id' | 'createdAt'>, b: Pick<PolicyDeal, 'id' | 'createdAt'>): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The instant an approved open registration stops protecting its customer: the later of its
 * createdAt and its last stage change, plus the window; null when the policy has no window.
 * Protection is the half-open interval [start, start + N days): at exactly N days it has expired.
 */
export function protectionEnds(deal: Pick<PolicyDeal, 'createdAt' | 'lastStageChangeAt'>, rules: RulesOfEngagement): Date | null {
  if (rules.protectionWindowDays === null) return null;
  const start = Math.max(deal.createdAt.getTime(), deal.lastStageChangeAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  return new Date(start + rules.protectionWindowDays * DAY_MS);
}

/** True when `deal` is APPROVED and open and its protection has ended at `at`. */
export function isExpiredAt(deal: PolicyDeal, rules: RulesOfEngagement, at: Date): boolean {
  const ends = protectionEnds(deal, rules);
  return deal.registrationStatus === 'APPROVED' && isOpenStage(deal.stage) && ends !== null && at.getTime() >= ends.getTime();
}

/**
 * The status a deal reads as at `now`: its recorded status, except that an APPROVED open
 * registration whose protection window has ended reads EXPIRED.
 */
export function effectiveStatus(
  deal: PolicyDeal & { registrationStatus: RegistrationStatus },
  rules: RulesOfEngagement,
  now: Date,
): RegistrationStatus {
  return isExpiredAt(deal, rules, now) ? 'EXPIRED' : deal.registrationStatus;
}

/** The vendor as a claimant of a direct deal's customer (never a partner id: ids start with a letter or digit). */
const VENDOR = '(vendor)';

/** Who claims the customer through a deal: partners in a conflicting role, and the vendor for a direct deal when direct deals conflict. */
function claimants(deal: PolicyDeal, rules: RulesOfEngagement): Set<string> {
  const claims = new Set(deal.participants.filter((p) => rules.conflictingRoles.includes(p.role as DealRole)).map((p) => p.partnerId));
  if (deal.direct && rules.directDealsConflict) claims.add(VENDOR);
  return claims;
}

/** A later deal conflicts with an earlier one when the earlier has claimants and the later brings one the earlier lacks. */
function claimsConflict(later: ReadonlySet<string>, earlier: ReadonlySet<string>): boolean {
  return earlier.size > 0 && [...later].some((c) => !earlier.has(c));
}

function conflictRule(deal: PolicyDeal, other: PolicyDeal, rules: RulesOfEngagement): RegistrationRule {
  if (rules.directDealsConflict && (deal.direct || other.direct)) return 'DIRECT_DEAL';
  return other.customerId !== deal.customerId ? 'DUPLICATE_CUSTOMER' : 'ROLE_CONFLICT';
}

const roleList = (rules: RulesOfEngagement) => rules.conflictingRoles.join(', ') || '(none)';

/**
 * The decision on `deal` among `others` (deals on its customer, or on its whole duplicate group;
 * they keep their statuses, null ones counting as not approved). The rules, in order (README):
 * 1. a closed deal is APPROVED (CLOSED_DEAL);
 * 2. CONFLICT when an earlier (registration order) open APPROVED deal, still protected at the
 *    deal's createdAt, has claimants and the deal brings a claimant it lacks; the rule is that of
 *    the earliest such deal: DIRECT_DEAL when either is vendor-direct (and direct deals conflict),
 *    DUPLICATE_CUSTOMER when it is on another customer of the duplicate group, else ROLE_CONFLICT;
 * 3. PENDING_REVIEW (OUT_OF_TERRITORY) when territory is enforced and a partner in a conflicting
 *    role lacks the customer's region or industry among its own (a customer without one passes);
 * 4. otherwise APPROVED: EXPIRED when a deal it would have conflicted with has expired, DIRECT_DEAL
 *    for a direct deal, FIRST_REGISTERED otherwise.
 * Explanations name no other deal or partner (a partner may not see them); conflictsWith does.
 */
export function decideRegistration(
  rules: RulesOfEngagement,
  deal: PolicyDeal,
  others: readonly PolicyDeal[],
  territory: TerritoryFacts | null = null,
): Decision {
  const v = rules.version;
  const decision = (status: RegistrationStatus, rule: RegistrationRule, explanation: string, conflictsWith: string[] = []): Decision => ({
    status,
    rule,
    policyVersion: v,
    conflictsWith,
    explanation: `${explanation} (rules of engagement version ${v})`,
  });
  if (!isOpenStage(deal.stage)) return decision('APPROVED', 'CLOSED_DEAL', `A deal registered already closed (${deal.stage}) is approved`);
  const mine = claimants(deal, rules);
  const earlier = others
    .filter((o) => o.id !== deal.id && isOpenStage(o.stage) && registrationOrder(o, deal) < 0)
    .filter((o) => rules.duplicateCustomersAsOne || o.customerId === deal.customerId)
    .filter((o) => o.registrationStatus === 'APPROVED' && claimsConflict(mine, claimants(o, rules)))
    .sort(registrationOrder);
  const blocking = earlier.filter((o) => !isExpiredAt(o, rules, deal.createdAt));
  if (blocking.length > 0) {
    const rule = conflictRule(deal, blocking[0]!, rules);
    const why =
      rule === 'DIRECT_DEAL'
        ? 'An earlier approved registration on this customer is protected, and vendor-direct deals and partner registrations conflict'
        : rule === 'DUPLICATE_CUSTOMER'
          ? `An earlier approved registration on a probable duplicate of this customer (treated as one customer until merged or marked distinct) has a partner in a conflicting role (${roleList(rules)}) that differs from this deal's`
          : `An earlier approved registration on this customer has a partner in a conflicting role (${roleList(rules)}) that differs from this deal's`;
    return decision(
      'CONFLICT',
      rule,
      `${why}: first registered wins`,
      blocking.map((o) => o.id),
    );
  }
  if (rules.enforceTerritory && territory) {
    const outside = deal.participants
      .filter((p) => rules.conflictingRoles.includes(p.role as DealRole))
      .filter((p) => {
        const t = territory.partners.get(p.partnerId) ?? { regions: [], industries: [] };
        return (
          (territory.customerRegion !== null && !t.regions.includes(territory.customerRegion)) ||
          (territory.customerIndustry !== null && !t.industries.includes(territory.customerIndustry))
        );
      });
    if (outside.length > 0) {
      return decision(
        'PENDING_REVIEW',
        'OUT_OF_TERRITORY',
        `The customer (region ${territory.customerRegion ?? '-'}, industry ${territory.customerIndustry ?? '-'}) is outside the regions or industries of ${outside
          .map((p) => p.partnerId)
          .join(', ')}; a channel manager reviews it`,
      );
    }
  }
  if (earlier.length > 0)
    return decision(
      'APPROVED',
      'EXPIRED',
      `An earlier registration that would conflict is past its protection window of ${rules.protectionWindowDays} days and blocks no one`,
    );
  if (deal.direct) return decision('APPROVED', 'DIRECT_DEAL', 'A vendor-direct deal, approved; no earlier registration blocks it');
  return decision(
    'APPROVED',
    'FIRST_REGISTERED',
    'No earlier approved, protected registration on this customer conflicts with it: first registered wins',
  );
}

/**
 * Decisions for many deals at once (the importers): deals with a status keep it (rule
 * GIVEN_STATUS); the others are decided in registration order among the deals of their group
 * (`groupOf(customerId)`, the customer itself by default), each seeing the decisions before it.
 */
export function decideAll(
  rules: RulesOfEngagement,
  deals: readonly PolicyDeal[],
  groupOf: (customerId: string) => string = (id) => id,
  territoryOf: (deal: PolicyDeal) => TerritoryFacts | null = () => null,
): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const byGroup = new Map<string, PolicyDeal[]>();
  for (const d of deals) {
    const key = groupOf(d.customerId);
    const list = byGroup.get(key);
    if (list) list.push(d);
    else byGroup.set(key, [d]);
  }
  for (const group of byGroup.values()) {
    const decided: PolicyDeal[] = [];
    for (const d of [...group].sort(registrationOrder)) {
      const decision: Decision =
        d.registrationStatus !== null
          ? {
              status: d.registrationStatus,
              rule: 'GIVEN_STATUS',
              policyVersion: rules.version,
              conflictsWith: [],
              explanation: 'The status was given (import), not decided by the rules',
            }
          : decideRegistration(rules, d, decided, territoryOf(d));
      decisions.set(d.id, decision);
      decided.push({ ...d, registrationStatus: decision.status });
    }
  }
  return decisions;
}
