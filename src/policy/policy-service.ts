// The vendor's policy over the API (issue 18): the versions of the rules of engagement, a deal's
// registration decision as of now (expiry is a function of time), and the simulation of a
// registration. README, "Rules of engagement".
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { CypherExecutor } from '../db/executor.js';
import { ATTRIBUTION_MODELS, DEAL_ROLES, type DealRole, type RegistrationStatus } from '../model/vocabulary.js';
import { attempt, optionalTextSchema, type Outcome } from '../validation/problems.js';
import { isExpiredAt, protectionEnds, type Decision, type PolicyDeal, type RegistrationRule, type RulesOfEngagement } from './rules.js';
import { currentRules, rulesOf, type RulesVersion } from './rules-store.js';

/** `RegistrationDecision` as the resolvers read it: the conflicting deals as ids (loaded, scoped, by the resolver). */
export interface RegistrationDecisionRow {
  status: RegistrationStatus;
  rule: RegistrationRule;
  policyVersion: number | null;
  conflictsWithIds: string[];
  explanation: string;
  decidedAt: Date | null;
}

/** What get-registration-decisions.cypher returns for a deal. */
interface DecisionFacts extends PolicyDeal {
  registrationStatus: RegistrationStatus;
  decisionRule: RegistrationRule | null;
  decisionPolicyVersion: number | null;
  decisionConflictsWith: string[] | null;
  decisionExplanation: string | null;
  decidedAt: Date | null;
}

/** The longest protection window: ten years of days. */
export const MAX_PROTECTION_WINDOW_DAYS = 3650;

const SetRulesInput = z.object({
  conflictingRoles: z
    .array(z.enum(DEAL_ROLES))
    .max(DEAL_ROLES.length * 4, 'too many roles')
    .transform((roles) => DEAL_ROLES.filter((r) => roles.includes(r)))
    .nullish(),
  protectionWindowDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day (null: no expiry)')
    .max(MAX_PROTECTION_WINDOW_DAYS, `must be at most ${MAX_PROTECTION_WINDOW_DAYS} days`)
    .nullish(),
  directDealsConflict: z.boolean().nullish(),
  enforceTerritory: z.boolean().nullish(),
  duplicateCustomersAsOne: z.boolean().nullish(),
  attributionModel: z.enum(ATTRIBUTION_MODELS).nullish(),
  timeDecayHalfLifeDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(36_500, 'must be at most 36500 days')
    .nullish(),
  note: optionalTextSchema,
});

/**
 * The decision as it reads at `now`: an APPROVED open registration whose protection window (under
 * the current rules) has ended reads EXPIRED, with rule EXPIRED and the current rules' version.
 */
export function decisionAsOf(
  decision: Omit<RegistrationDecisionRow, 'status'> & { status: RegistrationStatus },
  deal: PolicyDeal & { registrationStatus: RegistrationStatus },
  rules: RulesOfEngagement,
  now: Date,
): RegistrationDecisionRow {
  if (!isExpiredAt(deal, rules, now)) return decision;
  return {
    status: 'EXPIRED',
    rule: 'EXPIRED',
    policyVersion: rules.version,
    conflictsWithIds: [],
    explanation: `Approved (${decision.rule}); its protection window of ${rules.protectionWindowDays} days ended at ${protectionEnds(deal, rules)!.toISOString()} and it blocks no one (rules of engagement version ${rules.version})`,
    decidedAt: decision.decidedAt,
  };
}

/** A decision just taken, as a row (not yet recorded: no decidedAt). */
export function decisionRow(decision: Decision): RegistrationDecisionRow {
  return {
    status: decision.status,
    rule: decision.rule,
    policyVersion: decision.rule === 'VENDOR_DECISION' || decision.rule === 'GIVEN_STATUS' ? null : decision.policyVersion,
    conflictsWithIds: decision.conflictsWith,
    explanation: decision.explanation,
    decidedAt: null,
  };
}

export class PolicyService {
  private rules: Promise<RulesVersion> | undefined;
  private readonly facts: DataLoader<string, DecisionFacts | null>;

  constructor(
    private readonly db: CypherExecutor,
    /** The clock reads use ("as of now"); tests inject one. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.facts = new DataLoader(async (ids) => {
      const rows = await db.read<{ node: DecisionFacts }>('policy/get-registration-decisions', { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The current rules of engagement, read once per request. */
  rulesOfEngagement(): Promise<RulesVersion> {
    this.rules ??= this.db.readTransaction((tx) => currentRules(tx));
    return this.rules;
  }

  /**
   * The rules a write of this request read in its transaction and decided under (a registration, a simulation:
   * src/deals/deal-registration.ts): the request's later fields answer under them, with no read after commit.
   */
  rulesReadByWrite(rules: RulesVersion): void {
    this.rules = Promise.resolve(rules);
  }

  /** Every version set so far, oldest first. */
  async rulesOfEngagementVersions(): Promise<RulesVersion[]> {
    const rows = await this.db.read<{ rules: Parameters<typeof rulesOf>[0] }>('policy/list-rules-versions');
    return rows.map((r) => rulesOf(r.rules));
  }

  /**
   * Adds a version of the rules: the current one with the given fields replaced. `actor` is the
   * token subject recorded as setBy. Errors: BAD_USER_INPUT at input.<field>.
   */
  setRulesOfEngagement(args: unknown, actor: string): Promise<Outcome<RulesVersion>> {
    return attempt(SetRulesInput, args, ['input'], (input) =>
      this.db.writeTransaction(async (tx) => {
        // A version of the vendor's policy, kept whole (rulesOfEngagementVersions), not an ecosystem entity.
        tx.untracked('rules of engagement versions are kept whole, not ecosystem entities');
        const current = await currentRules(tx);
        const days = input.protectionWindowDays === undefined ? current.protectionWindowDays : input.protectionWindowDays;
        const [row] = await tx.run<{ rules: Parameters<typeof rulesOf>[0] }>('policy/create-rules-version', {
          conflictingRoles: (input.conflictingRoles ?? current.conflictingRoles) as DealRole[],
          protectionWindowDays: days === null ? null : BigInt(days),
          directDealsConflict: input.directDealsConflict ?? current.directDealsConflict,
          enforceTerritory: input.enforceTerritory ?? current.enforceTerritory,
          duplicateCustomersAsOne: input.duplicateCustomersAsOne ?? current.duplicateCustomersAsOne,
          attributionModel: input.attributionModel ?? current.attributionModel,
          timeDecayHalfLifeDays: BigInt(input.timeDecayHalfLifeDays ?? current.timeDecayHalfLifeDays),
          setAt: new Date(),
          setBy: actor,
          note: input.note || null,
        });
        this.rules = undefined;
        return rulesOf(row!.rules);
      }),
    );
  }

  /** Whether the deal is vendor-direct. */
  async direct(dealId: string): Promise<boolean> {
    return (await this.facts.load(dealId))?.direct ?? false;
  }

  /** The deal's status as of now: its recorded one, or EXPIRED for an approved open registration past its window. */
  async registrationStatus(deal: { id: string; stage: string; registrationStatus: RegistrationStatus }): Promise<RegistrationStatus> {
    if (deal.registrationStatus !== 'APPROVED' || deal.stage.startsWith('CLOSED_')) return deal.registrationStatus;
    const rules = await this.rulesOfEngagement();
    if (rules.protectionWindowDays === null) return deal.registrationStatus;
    const facts = await this.facts.load(deal.id);
    return facts && isExpiredAt(facts, rules, this.now()) ? 'EXPIRED' : deal.registrationStatus;
  }

  /** The deal's recorded decision as of now (GIVEN_STATUS for a status no decision recorded). */
  async registrationDecision(dealId: string): Promise<RegistrationDecisionRow> {
    const [facts, rules] = await Promise.all([this.facts.load(dealId), this.rulesOfEngagement()]);
    if (!facts) throw new Error(`registrationDecision: deal ${dealId} not readable`);
    const recorded: RegistrationDecisionRow =
      facts.decisionRule === null || facts.decisionRule === undefined
        ? {
            status: facts.registrationStatus,
            rule: 'GIVEN_STATUS',
            policyVersion: null,
            conflictsWithIds: [],
            explanation: 'The status was given by an import or recorded before decisions were kept; the rules did not decide it',
            decidedAt: null,
          }
        : {
            status: facts.registrationStatus,
            rule: facts.decisionRule,
            policyVersion: facts.decisionPolicyVersion === null ? null : Number(facts.decisionPolicyVersion),
            conflictsWithIds: facts.decisionConflictsWith ?? [],
            explanation: facts.decisionExplanation ?? '',
            decidedAt: facts.decidedAt,
          };
    if (facts.registrationStatus === 'EXPIRED' && recorded.rule !== 'EXPIRED') {
      return {
        ...recorded,
        rule: 'EXPIRED',
        conflictsWithIds: [],
        explanation: `Approved (${recorded.rule}); its protection window ended and the expiry was recorded: it blocks no one`,
      };
    }
    return decisionAsOf(recorded, facts, rules, this.now());
  }

  /** A simulated decision as it would read right after registerDeal wrote it. */
  async simulatedDecisionAsOfNow(
    decision: Decision,
    deal: Pick<PolicyDeal, 'id' | 'customerId' | 'stage' | 'createdAt' | 'participants' | 'direct'>,
  ): Promise<RegistrationDecisionRow> {
    const rules = await this.rulesOfEngagement();
    return decisionAsOf(
      decisionRow(decision),
      { ...deal, registrationStatus: decision.status, lastStageChangeAt: null },
      rules,
      this.now(),
    );
  }
}
