// Deal registration and every later change of a deal's stage, status or participants. Each change
// is one write transaction that first takes the customer's lock, so registrations on one customer
// are decided one at a time by the rules of engagement (src/deals/rules-of-engagement.ts), and
// each change is kept as a DealEvent.
import type { z } from 'zod';
import { DealQueries, type DealOrderField } from './deal-queries.js';
import type { PageArgs } from '../relay/keyset.js';
import type { OrderInput } from '../relay/ordered-pages.js';
import { lockedGroupDeals, type DuplicateGroupInfo } from '../identity/identity-service.js';
import { findByExternalId, writeExternalIds } from '../identity/identity.js';
import type { DealRole } from '../model/vocabulary.js';
import {
  AddDealParticipantInput,
  RegisterDealInput,
  RemoveDealParticipantInput,
  ResolveDealConflictInput,
  UpdateDealStageInput,
} from './deal-inputs.js';
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { ProblemsError, type Problem } from '../errors.js';
import type { Connection, DealParticipantRow, DealRow } from '../model/rows.js';
import type { RegistrationStatus } from '../model/vocabulary.js';

/** The parsed registerDeal input. */
type ParsedRegisterDealInput = z.output<typeof RegisterDealInput>;
import { attempt, generateId, notFound, type Outcome } from '../validation/problems.js';
import { fail, otherKindProblem, requireReferences, type EntityTypeName } from '../validation/references.js';
import { isOpenDealStage, policyDealOf } from './rules-of-engagement.js';
import { decideRegistration, type Decision, type PolicyDeal } from '../policy/rules.js';
import {
  currentRules,
  decisionParams,
  rulesOrDefaults,
  territoryFacts,
  type RulesVersion,
  type StoredRules,
} from '../policy/rules-store.js';
import { freezeAttribution } from '../policy/attribution-snapshot.js';

const BASE = ['input'];

interface DealForChange {
  id: string;
  customerId: string;
  stage: string;
  registrationStatus: RegistrationStatus;
  createdAt: Date;
  direct: boolean | null;
  participants: { partnerId: string; role: string; sourced: boolean }[];
}

/** What registerDeal would write, decided: the same for registerDeal and simulateRegistration. */
interface PreparedRegistration {
  /** The rules the decision was taken under, read in the registration's transaction. */
  rules: RulesVersion;
  id: string;
  customerId: string;
  createdAt: Date;
  participants: { partnerId: string; role: DealRole; sourced: boolean }[];
  decision: Decision;
  note: string | null;
  at: Date;
}

/**
 * The history note of a registration decision: for a conflict the deals it conflicts with (a
 * partner viewer reads the note without them, get-deal-history.cypher); when one is on another
 * customer of the duplicate group, the note says the customers were treated as one (issue 13);
 * for a deal sent to review, the explanation.
 */
function decisionNote(decision: Decision, group: DuplicateGroupInfo, others: readonly PolicyDeal[], customerId: string): string | null {
  if (decision.status === 'PENDING_REVIEW') return `Rules of engagement: ${decision.explanation}`;
  if (decision.status !== 'CONFLICT') return null;
  const note = `Rules of engagement: conflicts with ${decision.conflictsWith.join(', ')}`;
  const elsewhere = new Set(
    others.filter((o) => decision.conflictsWith.includes(o.id) && o.customerId !== customerId).map((o) => o.customerId),
  );
  if (elsewhere.size === 0) return note;
  return `${note} (customers ${group.memberIds.join(', ')} are treated as one customer: probable duplicates by ${group.reasons.join(' and ')}, until merged or marked distinct)`;
}

/** The customer and partners that registerDeal names by external id or domain, as ids; NOT_FOUND at the name's path when unknown. */
async function resolveNames(
  tx: CypherTransaction,
  input: {
    customerId?: string | null;
    customerExternalId?: { system: string; id: string } | null;
    customerDomain?: string | null;
    participants: {
      partnerId?: string | null;
      partnerExternalId?: { system: string; id: string } | null;
      role: DealRole;
      sourced: boolean;
    }[];
  },
): Promise<{ customerId: string; participants: { partnerId: string; role: DealRole; sourced: boolean }[] }> {
  const problems: Problem[] = [];
  let customerId = input.customerId ?? '';
  if (input.customerExternalId) {
    const { system, id } = input.customerExternalId;
    customerId = (await findByExternalId(tx, 'Customer', input.customerExternalId)) ?? '';
    if (!customerId)
      problems.push({
        path: [...BASE, 'customerExternalId'],
        message: `No customer with external id (${system}, ${id})`,
        code: 'NOT_FOUND',
      });
  } else if (input.customerDomain) {
    const [row] = await tx.run<{ id: string }>('customers/find-customers-by-domain', { domains: [input.customerDomain] });
    customerId = row?.id ?? '';
    if (!customerId)
      problems.push({
        path: [...BASE, 'customerDomain'],
        message: `No customer with domain ${JSON.stringify(input.customerDomain)}`,
        code: 'NOT_FOUND',
      });
  }
  const participants = [];
  for (const [i, p] of input.participants.entries()) {
    let partnerId = p.partnerId ?? '';
    if (p.partnerExternalId) {
      partnerId = (await findByExternalId(tx, 'Partner', p.partnerExternalId)) ?? '';
      if (!partnerId) {
        problems.push({
          path: [...BASE, 'participants', String(i), 'partnerExternalId'],
          message: `No partner with external id (${p.partnerExternalId.system}, ${p.partnerExternalId.id})`,
          code: 'NOT_FOUND',
        });
      }
    }
    participants.push({ partnerId, role: p.role, sourced: p.sourced });
  }
  if (problems.length > 0) throw new ProblemsError(problems);
  return { customerId, participants };
}

export class DealRegistrationService {
  /**
   * `rulesRead` is told, once a registration or a simulation has finished, the rules of engagement its decision was
   * taken under (read in its transaction), so the request's later fields (registrationStatus, registrationDecision:
   * src/policy/policy-service.ts) answer under the same rules without reading them again.
   */
  constructor(
    private readonly db: CypherExecutor,
    private readonly rulesRead: (rules: RulesVersion) => void = () => {},
  ) {}

  /**
   * Registers a deal (README, Multi-partner deals). A PARTNER viewer decides only what it brings: no
   * id, createdAt or stage other than REGISTERED (each FORBIDDEN at its path; the server stamps the
   * id and the registration time, and stages are the vendor's), so nothing it sends tells a deal it
   * may not see from a missing one. createdAt and closedAt later than now (beyond CLOCK_SKEW_MS) are
   * refused for everyone (BAD_USER_INPUT).
   */
  registerDeal(args: unknown, actor: string | null = null): Promise<Outcome<DealRow>> {
    return attempt(RegisterDealInput, args, BASE, async (input) => {
      const { deal, rules } = await this.db.writeTransaction(async (tx) => {
        const r = await this.prepareRegistration(tx, input);
        // prepareRegistration found in this transaction that no deal has the id, and create-deal CREATEs it.
        await tx.track('Deal', [r.id], 'absent');
        await tx.run('deals/create-deal', {
          id: r.id,
          name: input.name,
          customerId: r.customerId,
          solutionId: input.solutionId ?? null,
          stage: input.stage,
          amountMinor: input.amountMinor,
          currency: input.currency,
          createdAt: r.createdAt,
          closedAt: input.closedAt ?? null,
          registrationStatus: r.decision.status,
          direct: input.direct,
          participants: r.participants,
          at: r.at,
          note: r.note,
          decision: decisionParams(r.decision),
        });
        // A new deal has no external ids to replace: none given, nothing to write.
        if (input.externalIds.length > 0) await writeExternalIds(tx, 'Deal', r.id, input.externalIds);
        // A deal registered won has its attribution frozen at once (README, Attribution snapshots and disputes).
        if (input.stage === 'CLOSED_WON') await freezeAttribution(tx, r.id, r.at, actor);
        return { deal: await readDeal(tx, r.id), rules: r.rules };
      });
      this.rulesRead(rules);
      return deal;
    });
  }

  /**
   * The decision registerDeal would take on `args` now, without writing (simulateRegistration): the
   * same checks, the same locks and the same rules, in a transaction that writes nothing; a problem
   * registerDeal would report comes back as the outcome's errors.
   */
  simulateRegistration(args: unknown): Promise<Outcome<{ decision: Decision; deal: PolicyDeal }>> {
    return attempt(RegisterDealInput, args, BASE, async (input) => {
      const { simulated, rules } = await this.db.writeTransaction(async (tx) => {
        tx.untracked('a simulation: it takes the registration locks and writes nothing');
        const r = await this.prepareRegistration(tx, input);
        const deal: PolicyDeal = {
          id: r.id,
          customerId: r.customerId,
          stage: input.stage,
          createdAt: r.createdAt,
          registrationStatus: r.decision.status,
          participants: r.participants,
          direct: input.direct,
          lastStageChangeAt: null,
        };
        return { simulated: { decision: r.decision, deal }, rules: r.rules };
      });
      this.rulesRead(rules);
      return simulated;
    });
  }

  /** Everything registerDeal checks and decides before it writes (README, Rules of engagement). */
  private async prepareRegistration(tx: CypherTransaction, input: ParsedRegisterDealInput): Promise<PreparedRegistration> {
    const early = [...(this.db.scope.partnerId !== null ? partnerRegistrationProblems(input) : []), ...futureProblems(input, new Date())];
    if (early.length > 0) throw new ProblemsError(early);
    const { customerId, participants } = await resolveNames(tx, input);
    // The references, the deal id and the rules in one statement (deals/check-registration); a generated id (4 random
    // bytes) that some entity already has is drawn again.
    let id = input.id ?? generateId('deal');
    let facts: RegistrationFacts;
    for (;;) {
      facts = await registrationFacts(tx, id, customerId, input);
      if (input.id || facts.idKinds.length === 0) break;
      id = generateId('deal');
    }
    // As requireReferences reports them: partners, then the customer, then the solution.
    const missing = [
      ...input.participants.flatMap((p, i) =>
        p.partnerId && !facts.partnerIds.includes(p.partnerId)
          ? [notFound([...BASE, 'participants', String(i), 'partnerId'], 'partner', p.partnerId)]
          : [],
      ),
      // Whichever way the customer was named, it must be one the viewer may see (a partner learns nothing of others).
      ...(facts.customerFound
        ? []
        : [
            notFound(
              [...BASE, input.customerExternalId ? 'customerExternalId' : input.customerDomain ? 'customerDomain' : 'customerId'],
              'customer',
              customerId,
            ),
          ]),
      ...(input.solutionId && !facts.solutionFound ? [notFound([...BASE, 'solutionId'], 'solution', input.solutionId)] : []),
    ];
    if (missing.length > 0) throw new ProblemsError(missing);
    const problems = participantProblems(participants);
    if (input.direct) {
      participants.forEach((p, i) => {
        if (p.sourced)
          problems.push({
            path: [...BASE, 'participants', String(i), 'sourced'],
            message: 'A vendor-direct deal has no sourcing partner',
            code: 'BAD_USER_INPUT',
          });
      });
    }
    if (input.id && facts.idKinds.includes('Deal')) {
      problems.push({ path: [...BASE, 'id'], message: `A deal with id ${JSON.stringify(id)} already exists`, code: 'CONFLICT' });
    }
    if (problems.length > 0) throw new ProblemsError(problems);
    const otherKind = input.id ? otherKindProblem('Deal', id, facts.idKinds, [...BASE, 'id']) : null;
    if (otherKind) fail(otherKind);
    const rules = rulesOrDefaults(facts.rules);
    // Read only after the locks: a registration racing this one has committed or waits.
    const { others, group } = await lockedGroupDeals(tx, customerId, null);
    const now = new Date();
    const createdAt = input.createdAt ?? registeredNow(now, others);
    if (input.closedAt && input.closedAt < createdAt)
      fail({ path: [...BASE, 'closedAt'], message: 'must not be before createdAt', code: 'BAD_USER_INPUT' });
    const deal: PolicyDeal = {
      id,
      customerId,
      stage: input.stage,
      createdAt,
      registrationStatus: null,
      participants,
      direct: input.direct,
      lastStageChangeAt: null,
    };
    const candidates = others.map(policyDealOf);
    const decision = decideRegistration(rules, deal, candidates, await territoryFacts(tx, rules, customerId, deal));
    return {
      rules,
      id,
      customerId,
      createdAt,
      participants,
      decision,
      note: decisionNote(decision, group, candidates, customerId),
      at: now,
    };
  }

  /** Moves a deal to another stage; at CLOSED_WON its attribution is frozen under the policy's model, `actor` recorded. */
  updateDealStage(args: unknown, actor: string | null = null): Promise<Outcome<DealRow>> {
    return attempt(UpdateDealStageInput, args, BASE, (input) =>
      this.db.writeTransaction(async (tx) => {
        const deal = await lockedDeal(tx, input.dealId);
        await tx.track('Deal', [deal.id]);
        if (!isOpenDealStage(deal.stage)) {
          fail({
            path: [...BASE, 'stage'],
            message: `The deal is closed (${deal.stage}); a closed deal's stage is final`,
            code: 'CONFLICT',
          });
        }
        if (input.closedAt && input.closedAt < deal.createdAt)
          fail({ path: [...BASE, 'closedAt'], message: 'must not be before the deal was created', code: 'BAD_USER_INPUT' });
        const future = futureProblems({ closedAt: input.closedAt }, new Date());
        if (future.length > 0) throw new ProblemsError(future);
        if (deal.stage !== input.stage) {
          const at = new Date();
          await tx.run('deals/record-deal-stage', {
            dealId: deal.id,
            stage: input.stage,
            closedAt: input.closedAt ?? null,
            at,
            note: input.note ?? null,
          });
          if (input.stage === 'CLOSED_WON') await freezeAttribution(tx, deal.id, at, actor);
        }
        return readDeal(tx, deal.id);
      }),
    );
  }

  resolveDealConflict(args: unknown): Promise<Outcome<DealRow>> {
    return attempt(ResolveDealConflictInput, args, BASE, (input) =>
      this.db.writeTransaction(async (tx) => {
        const deal = await lockedDeal(tx, input.dealId);
        await tx.track('Deal', [deal.id]);
        if (deal.registrationStatus !== 'CONFLICT' && deal.registrationStatus !== 'PENDING_REVIEW') {
          fail({
            path: [...BASE, 'dealId'],
            message: `The deal is not in conflict nor pending review (its status is ${deal.registrationStatus})`,
            code: 'CONFLICT',
          });
        }
        const status = input.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
        const at = new Date();
        const note = input.note ?? `Conflict resolved: ${status}`;
        await tx.run('deals/record-deal-status', { dealId: deal.id, status, at, note });
        const decision: Decision = { status, rule: 'VENDOR_DECISION', policyVersion: 0, conflictsWith: [], explanation: note };
        await tx.run('policy/record-registration-decision', { dealId: deal.id, at, ...decisionParams(decision) });
        return readDeal(tx, deal.id);
      }),
    );
  }

  addDealParticipant(args: unknown): Promise<Outcome<DealRow>> {
    return attempt(AddDealParticipantInput, args, BASE, (input) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'deal', id: input.dealId, path: [...BASE, 'dealId'] },
          { kind: 'partner', id: input.partnerId, path: [...BASE, 'partnerId'] },
        ]);
        const deal = await lockedDeal(tx, input.dealId);
        await tx.track('Deal', [deal.id]);
        if (deal.participants.some((p) => p.partnerId === input.partnerId)) {
          fail({ path: [...BASE, 'partnerId'], message: 'This partner already takes part in the deal', code: 'CONFLICT' });
        }
        if (input.sourced && deal.participants.some((p) => p.sourced)) {
          fail({ path: [...BASE, 'sourced'], message: 'The deal already has a sourcing participant', code: 'CONFLICT' });
        }
        const at = new Date();
        await tx.run('deals/add-deal-participant', {
          dealId: deal.id,
          partnerId: input.partnerId,
          role: input.role,
          sourced: input.sourced,
          at,
          note: input.note ?? null,
        });
        // Only a new partner in a conflicting role can change what the rules say; an approval stays unless it does.
        const rules = await currentRules(tx);
        if (rules.conflictingRoles.includes(input.role) && isOpenDealStage(deal.stage) && deal.registrationStatus === 'APPROVED') {
          const { others, group } = await lockedGroupDeals(tx, deal.customerId, deal.id);
          const candidates = others.map(policyDealOf);
          const changed: PolicyDeal = {
            id: deal.id,
            customerId: deal.customerId,
            stage: deal.stage,
            createdAt: deal.createdAt,
            registrationStatus: null,
            participants: [...deal.participants, { partnerId: input.partnerId, role: input.role }],
            direct: deal.direct ?? false,
            lastStageChangeAt: null,
          };
          // Decided as of the deal's registration, like the registration itself.
          const decision = decideRegistration(rules, changed, candidates, await territoryFacts(tx, rules, deal.customerId, changed));
          if (decision.status !== deal.registrationStatus) {
            await tx.run('deals/record-deal-status', {
              dealId: deal.id,
              status: decision.status,
              at,
              note: decisionNote(decision, group, candidates, deal.customerId),
            });
            await tx.run('policy/record-registration-decision', { dealId: deal.id, at, ...decisionParams(decision) });
          }
        }
        return readDeal(tx, deal.id);
      }),
    );
  }

  removeDealParticipant(args: unknown): Promise<Outcome<DealRow>> {
    return attempt(RemoveDealParticipantInput, args, BASE, (input) =>
      this.db.writeTransaction(async (tx) => {
        const deal = await lockedDeal(tx, input.dealId);
        await tx.track('Deal', [deal.id]);
        if (!deal.participants.some((p) => p.partnerId === input.partnerId)) {
          fail({ path: [...BASE, 'partnerId'], message: 'This partner does not take part in the deal', code: 'NOT_FOUND' });
        }
        if (deal.participants.length === 1)
          fail({ path: [...BASE, 'partnerId'], message: 'A deal keeps at least one participant', code: 'CONFLICT' });
        await tx.run('deals/remove-deal-participant', {
          dealId: deal.id,
          partnerId: input.partnerId,
          at: new Date(),
          note: input.note ?? null,
        });
        return readDeal(tx, deal.id);
      }),
    );
  }

  /** Deals whose registration status is CONFLICT: the deals connection with that filter, in `orderBy`, either way. */
  dealConflicts(orderBy: OrderInput<DealOrderField> | null | undefined, args: PageArgs): Promise<Connection<DealRow>> {
    return new DealQueries(this.db).listDeals({ registrationStatuses: ['CONFLICT'] }, orderBy, args);
  }
}

/** What deals/check-registration answers: the references, the kinds that have the deal id, the stored rules. */
interface RegistrationFacts {
  customerFound: boolean;
  solutionFound: boolean | null;
  partnerIds: string[];
  idKinds: EntityTypeName[];
  rules: StoredRules | null;
}

/** The facts a registration checks before its locks, for deal id `id` (deals/check-registration). */
async function registrationFacts(
  tx: CypherTransaction,
  id: string,
  customerId: string,
  input: { solutionId?: string | null; participants: { partnerId?: string | null }[] },
): Promise<RegistrationFacts> {
  const [row] = await tx.run<RegistrationFacts>('deals/check-registration', {
    customerId,
    solutionId: input.solutionId ?? null,
    partnerIds: [...new Set(input.participants.flatMap((p) => (p.partnerId ? [p.partnerId] : [])))],
    dealId: id,
  });
  return row!;
}

/** Duplicate partners and a second sourcing participant in one input. */
function participantProblems(participants: readonly { partnerId: string; sourced: boolean }[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let sourcing = 0;
  participants.forEach((p, i) => {
    if (seen.has(p.partnerId))
      problems.push({
        path: [...BASE, 'participants', String(i), 'partnerId'],
        message: 'This partner is already listed',
        code: 'CONFLICT',
      });
    seen.add(p.partnerId);
    if (p.sourced && ++sourcing > 1)
      problems.push({
        path: [...BASE, 'participants', String(i), 'sourced'],
        message: 'A deal has at most one sourcing participant',
        code: 'CONFLICT',
      });
  });
  return problems;
}

/** How far a given date-time may be ahead of the server's clock (clients' clocks drift): 5 minutes. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** What a PARTNER may not decide when it registers a deal: each given one is FORBIDDEN at its path. */
function partnerRegistrationProblems(input: { id?: string | null; createdAt?: Date | null; stage: string; direct: boolean }): Problem[] {
  const problems: Problem[] = [];
  const refuse = (field: string, message: string) => problems.push({ path: [...BASE, field], message, code: 'FORBIDDEN' });
  if (input.id != null) refuse('id', 'A partner does not choose a deal id; the server generates it');
  if (input.createdAt != null) refuse('createdAt', 'A partner does not choose the registration time; the server stamps it');
  if (input.stage !== 'REGISTERED') refuse('stage', "A partner registers deals at REGISTERED; stages and closing are the vendor's");
  if (input.direct) refuse('direct', "A vendor-direct deal is the vendor's own; a partner does not register one");
  return problems;
}

/** createdAt or closedAt later than now + CLOCK_SKEW_MS: BAD_USER_INPUT at its path. */
function futureProblems(input: { createdAt?: Date | null; closedAt?: Date | null }, now: Date): Problem[] {
  const limit = now.getTime() + CLOCK_SKEW_MS;
  return (['createdAt', 'closedAt'] as const)
    .filter((field) => (input[field]?.getTime() ?? Number.NEGATIVE_INFINITY) > limit)
    .map((field) => ({
      path: [...BASE, field],
      message: `must not be in the future (the server's clock says ${now.toISOString()})`,
      code: 'BAD_USER_INPUT' as const,
    }));
}

/**
 * A registration without createdAt is registered now, and never before the customer's latest deal:
 * registrations that wait for the lock are then ordered as they were decided, so of two racing
 * ones the second always sees the first as earlier. Deals dated beyond now + CLOCK_SKEW_MS (only an
 * import or older data can hold them) are not followed: one such date must not carry every later
 * registration on the customer into the future.
 */
function registeredNow(now: Date, others: readonly { createdAt: Date }[]): Date {
  const limit = now.getTime() + CLOCK_SKEW_MS;
  const latest = Math.max(...others.map((o) => o.createdAt.getTime()).filter((t) => t <= limit), Number.NEGATIVE_INFINITY);
  return latest >= now.getTime() ? new Date(latest + 1) : now;
}

/** The deal (NOT_FOUND at input.dealId when missing), read after taking its customer's lock. */
async function lockedDeal(tx: CypherTransaction, dealId: string): Promise<DealForChange> {
  const [found] = await tx.run<{ customerId: string }>('deals/get-deal-for-change', { dealId });
  if (!found) fail({ path: [...BASE, 'dealId'], message: `No deal with id ${JSON.stringify(dealId)}`, code: 'NOT_FOUND' });
  await tx.run('deals/lock-customer-deals', { customerId: found.customerId });
  // Read again under the lock: what a concurrent change committed is now visible.
  const [deal] = await tx.run<DealForChange>('deals/get-deal-for-change', { dealId });
  if (!deal) fail({ path: [...BASE, 'dealId'], message: `No deal with id ${JSON.stringify(dealId)}`, code: 'NOT_FOUND' });
  return deal;
}

/** The deal as a deal mutation answers it, with its participants (the dealParticipants loader's items), read in `tx`. */
async function readDeal(tx: CypherTransaction, id: string): Promise<DealRow> {
  const [row] = await tx.run<{ node: DealRow; participants: DealParticipantRow[] }>('deals/get-deal-for-payload', { id });
  return { ...row!.node, participants: row!.participants.map((p) => ({ ...p, dealId: id })) };
}
