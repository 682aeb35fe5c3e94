// Attribution frozen at CLOSED_WON and disputable (issue 18; README, "Attribution snapshots and
// disputes"): when a deal closes won, its shares under the policy's model are stored on it; a
// participant may dispute them, the vendor keeps them or replaces them with shares that still sum to
// the amount; every step is a DealEvent with its actor.
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { ProblemsError, type Problem } from '../errors.js';
import { attributeAmount, type AttributionParticipant } from '../deals/deal-attribution.js';
import { MoneyError, parseAmount } from '../money/money.js';
import type { DealRow } from '../model/rows.js';
import type { AttributionModel } from '../model/vocabulary.js';
import { attempt, idSchema, textSchema, type Outcome } from '../validation/problems.js';
import { fail } from '../validation/references.js';
import { currentRules } from './rules-store.js';

/** `AttributionSnapshot` as the resolvers read it. */
export interface AttributionSnapshotRow {
  id: string;
  currency: string;
  amountMinor: bigint | number;
  model: AttributionModel;
  policyVersion: number;
  at: Date;
  partnerIds: string[];
  minors: (bigint | number)[];
  revised: boolean;
  dispute: AttributionDisputeRow | null;
}

/** `AttributionDispute` as stored. */
export interface AttributionDisputeRow {
  status: 'OPEN' | 'KEPT' | 'REVISED';
  reason: string;
  raisedBy: string;
  raisedAt: Date;
  note: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/** `FrozenShare`: a partner id and its share. */
export interface FrozenShareRow {
  partnerId: string;
  minor: bigint;
  currency: string;
}

/**
 * Freezes the deal's attribution under the current policy's model (its weights the defaults,
 * TIME_DECAY with the policy's half-life), inside the caller's write transaction.
 */
export async function freezeAttribution(tx: CypherTransaction, dealId: string, at: Date, actor: string | null): Promise<void> {
  const rules = await currentRules(tx);
  const [row] = await tx.run<{ deal: DealRow; participants: AttributionParticipant[] }>('deals/get-deal-with-participants', { dealId });
  if (!row) return;
  const shares = attributeAmount(
    BigInt(row.deal.amountMinor),
    row.participants,
    rules.attributionModel,
    undefined,
    rules.timeDecayHalfLifeDays,
  );
  await tx.run('policy/freeze-attribution', {
    dealId,
    model: rules.attributionModel,
    policyVersion: BigInt(rules.version),
    partnerIds: shares.map((s) => s.partnerId),
    minors: shares.map((s) => s.minor),
    at,
    actor,
  });
}

const DisputeInput = z.object({ dealId: idSchema, reason: textSchema.min(1, 'must not be empty') });

const ResolveInput = z.object({
  dealId: idSchema,
  decision: z.enum(['KEEP', 'REVISE']),
  shares: z
    .array(z.object({ partnerId: idSchema, amount: z.string() }))
    .max(1000, 'at most 1000 shares')
    .nullish(),
  note: textSchema.min(1, 'must not be empty'),
});

export class AttributionSnapshotService {
  private readonly snapshots: DataLoader<string, AttributionSnapshotRow | null>;

  constructor(private readonly db: CypherExecutor) {
    this.snapshots = new DataLoader(async (ids) => {
      const rows = await db.read<{ node: AttributionSnapshotRow }>('policy/get-attribution-snapshots', { ids: [...ids] });
      const byId = new Map(rows.map((r) => [r.node.id, r.node]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /** The deal's frozen attribution, or null (not won, won before snapshots, or imported). */
  snapshot(dealId: string): Promise<AttributionSnapshotRow | null> {
    return this.snapshots.load(dealId);
  }

  /**
   * A participant disputes the deal's frozen attribution (a PARTNER viewer on the deal; NOT_FOUND
   * for a deal it may not see, CONFLICT when nothing is frozen or a dispute is open). `actor` is
   * the token's subject.
   */
  disputeAttribution(args: unknown, actor: string): Promise<Outcome<DealRow>> {
    return attempt(DisputeInput, args, [], (input) =>
      this.db.writeTransaction(async (tx) => {
        const partnerId = this.db.scope.partnerId;
        if (partnerId === null) fail({ path: ['dealId'], message: 'Only a participant (a partner token) disputes', code: 'FORBIDDEN' });
        const snapshot = await this.lockedSnapshot(tx, input.dealId);
        await tx.track('Deal', [input.dealId]);
        if (snapshot.dispute?.status === 'OPEN')
          fail({ path: ['dealId'], message: 'A dispute of this attribution is open', code: 'CONFLICT' });
        await tx.run('policy/record-attribution-dispute', { dealId: input.dealId, reason: input.reason, partnerId, at: new Date(), actor });
        return readDeal(tx, input.dealId);
      }),
    );
  }

  /**
   * The vendor resolves an open dispute: KEEP, or REVISE with shares (each a participant, at most
   * once, a decimal amount in the deal's currency) that sum exactly to the amount; participants
   * left out get nothing. Errors at their paths (BAD_USER_INPUT, NOT_FOUND, CONFLICT).
   */
  resolveAttributionDispute(args: unknown, actor: string): Promise<Outcome<DealRow>> {
    return attempt(ResolveInput, args, ['input'], (input) =>
      this.db.writeTransaction(async (tx) => {
        const snapshot = await this.lockedSnapshot(tx, input.dealId, ['input', 'dealId']);
        await tx.track('Deal', [input.dealId]);
        if (snapshot.dispute?.status !== 'OPEN')
          fail({ path: ['input', 'dealId'], message: 'No dispute of this attribution is open', code: 'CONFLICT' });
        let partnerIds: string[] | null = null;
        let minors: bigint[] | null = null;
        if (input.decision === 'REVISE') {
          const [row] = await tx.run<{ participants: { partnerId: string }[] }>('deals/get-deal-with-participants', {
            dealId: input.dealId,
          });
          const participants = new Set(row!.participants.map((p) => p.partnerId));
          const problems: Problem[] = [];
          const byPartner = new Map<string, bigint>();
          if (!input.shares) problems.push({ path: ['input', 'shares'], message: 'REVISE needs the new shares', code: 'BAD_USER_INPUT' });
          (input.shares ?? []).forEach((s, i) => {
            const path = ['input', 'shares', String(i)];
            if (!participants.has(s.partnerId))
              problems.push({ path: [...path, 'partnerId'], message: 'This partner does not take part in the deal', code: 'NOT_FOUND' });
            else if (byPartner.has(s.partnerId))
              problems.push({ path: [...path, 'partnerId'], message: 'This partner is already listed', code: 'CONFLICT' });
            try {
              byPartner.set(s.partnerId, parseAmount(s.amount, snapshot.currency));
            } catch (err) {
              if (!(err instanceof MoneyError)) throw err;
              problems.push({ path: [...path, 'amount'], message: err.message, code: 'BAD_USER_INPUT' });
            }
          });
          const sum = [...byPartner.values()].reduce((a, b) => a + b, 0n);
          if (problems.length === 0 && sum !== BigInt(snapshot.amountMinor))
            problems.push({ path: ['input', 'shares'], message: 'The shares must sum exactly to the deal amount', code: 'BAD_USER_INPUT' });
          if (problems.length > 0) throw new ProblemsError(problems);
          partnerIds = [...participants].sort();
          minors = partnerIds.map((id) => byPartner.get(id) ?? 0n);
        }
        await tx.run('policy/resolve-attribution-dispute', {
          dealId: input.dealId,
          status: input.decision === 'KEEP' ? 'KEPT' : 'REVISED',
          partnerIds,
          minors,
          note: input.note,
          at: new Date(),
          actor,
        });
        return readDeal(tx, input.dealId);
      }),
    );
  }

  /** The deal's snapshot under its customer's lock; NOT_FOUND for a deal the viewer may not see, CONFLICT without a snapshot. */
  private async lockedSnapshot(tx: CypherTransaction, dealId: string, path = ['dealId']): Promise<AttributionSnapshotRow> {
    const [found] = await tx.run<{ customerId: string }>('deals/get-deal-for-change', { dealId });
    const [visible] = await tx.run<{ node: DealRow }>('deals/get-deals-by-ids', { ids: [dealId] });
    if (!found || !visible) fail({ path, message: `No deal with id ${JSON.stringify(dealId)}`, code: 'NOT_FOUND' });
    await tx.run('deals/lock-customer-deals', { customerId: found.customerId });
    const [row] = await tx.run<{ node: AttributionSnapshotRow }>('policy/get-attribution-snapshots', { ids: [dealId] });
    if (!row) fail({ path, message: 'The deal has no frozen attribution (it is not closed won)', code: 'CONFLICT' });
    return row.node;
  }
}

async function readDeal(tx: CypherTransaction, id: string): Promise<DealRow> {
  const [row] = await tx.run<{ node: DealRow }>('deals/get-deals-by-ids', { ids: [id] });
  return row!.node;
}
