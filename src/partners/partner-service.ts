// Partners: the directory and its filters, and the partner mutations (each one write transaction).
import type { z } from 'zod';
import type { CypherExecutor } from '../db/executor.js';
import { writeExternalIds } from '../identity/identity.js';
import { filterParams, readPage } from '../model/pagination.js';
import type { AccountRow, Connection, PartnerRow } from '../model/rows.js';
import { attempt, changesOf, generateId, IdArgument, listIds, onlyRow, type Outcome } from '../validation/problems.js';
import { fail, requireIdNotOtherKind, requireReferences } from '../validation/references.js';
import {
  AccountInput,
  AccountRemoveInput,
  CreatePartnerInput,
  IntegrationInput,
  PartnerCapabilityInput,
  PartnerCapabilityRemoveInput,
  SharingGrantInput,
  SharingGrantRemoveInput,
  UpdatePartnerInput,
} from './partner-inputs.js';
import { searchName, withSearchName } from '../search/search-name.js';

export interface PartnerFilter {
  types?: string[] | null;
  tiers?: string[] | null;
  lifecycleStages?: string[] | null;
  region?: string | null;
  industry?: string | null;
  capabilityId?: string | null;
  nameContains?: string | null;
}

const FILTER_KEYS = ['types', 'tiers', 'lifecycleStages', 'region', 'industry', 'capabilityId', 'nameContains'] as const;

const INPUT = ['input'];
const at = (field: string) => ['input', field];

export class PartnerService {
  constructor(private readonly db: CypherExecutor) {}

  async listPartners(
    filter: PartnerFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<PartnerRow>> {
    return readPage<PartnerRow>(
      this.db,
      { list: 'partners/list-partners', count: 'partners/count-partners', countAll: 'partners/count-all-partners' },
      filterParams(filter, FILTER_KEYS),
      first,
      after,
    );
  }

  /** Creates a partner, or with an existing id sets it to exactly the given values. */
  createPartner(input: unknown): Promise<Outcome<PartnerRow>> {
    return attempt(CreatePartnerInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        const { externalIds, ...fields } = i;
        const id = i.id ?? generateId('partner');
        if (i.id) await requireIdNotOtherKind(tx, 'Partner', id, ['input', 'id']);
        await tx.track('Partner', [id]);
        const row = onlyRow(
          await tx.run<{ node: PartnerRow }>('partners/upsert-partner', { ...fields, id, searchName: searchName(i.name), now: new Date() }),
          at('id'),
          'partner',
          id,
        ).node;
        await writeExternalIds(tx, 'Partner', id, externalIds);
        return row;
      }),
    );
  }

  updatePartner(input: unknown): Promise<Outcome<PartnerRow>> {
    return attempt(UpdatePartnerInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Partner', [i.id]);
        const row = onlyRow(
          await tx.run<{ node: PartnerRow }>('partners/update-partner', {
            id: i.id,
            changes: withSearchName(changesOf(i, ['id', 'externalIds'])),
            now: new Date(),
          }),
          at('id'),
          'partner',
          i.id,
        ).node;
        await writeExternalIds(tx, 'Partner', i.id, i.externalIds);
        return row;
      }),
    );
  }

  /**
   * Deletes the partner and every relationship it has. It first leaves each of its deals as
   * removeDealParticipant would: a PARTICIPANT_REMOVED event (note "Partner deleted") on each, and
   * CONFLICT at ["id"], naming the deals, when it is the only participant of any (a deal keeps at
   * least one participant; README, Delete rules). deletedId is null when there was none.
   */
  deletePartner(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], ({ id }) =>
      this.db.writeTransaction(async (tx) => {
        // Locks first (the partner, then its deals' customers): a concurrent participant change waits.
        if ((await tx.run('partners/lock-partner-for-delete', { id })).length === 0) return null;
        await tx.track('Partner', [id]);
        const deals = await tx.run<{ dealId: string; participants: number }>('partners/get-partner-deal-participations', { id });
        const alone = deals.filter((d) => d.participants <= 1).map((d) => d.dealId);
        if (alone.length > 0) {
          fail({
            path: ['id'],
            message: `The partner is the only participant of ${alone.length} deal(s) (${listIds(alone)}) and a deal keeps at least one participant: add another participant or delete those deals first, or offboard the partner (lifecycleStage OFFBOARDED) instead`,
            code: 'CONFLICT',
          });
        }
        // Its program enrolments end with it (README, "Programs and tiers"), recorded as the programs' changes.
        const enrolled = await tx.run<{ programId: string }>('programs/get-partner-enrolments', { partnerId: id });
        if (enrolled.length > 0) {
          await tx.track(
            'Program',
            enrolled.map((e) => e.programId),
          );
          await tx.run('programs/delete-partner-enrolments', { partnerId: id });
        }
        const rows = await tx.run<{ deletedId: string }>('partners/delete-partner', { id, at: new Date(), note: 'Partner deleted' });
        return rows[0]?.deletedId ?? null;
      }),
    );
  }

  setPartnerCapability(input: unknown): Promise<Outcome<PartnerRow>> {
    return attempt(PartnerCapabilityInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'partner', id: i.partnerId, path: at('partnerId') },
          { kind: 'capability', id: i.capabilityId, path: at('capabilityId') },
        ]);
        await tx.track('Partner', [i.partnerId]);
        return onlyRow(
          await tx.run<{ node: PartnerRow }>('partners/set-partner-capability', { ...i, now: new Date() }),
          at('partnerId'),
          'partner',
          i.partnerId,
        ).node;
      }),
    );
  }

  removePartnerCapability(input: unknown): Promise<Outcome<PartnerRow>> {
    return attempt(PartnerCapabilityRemoveInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'partner', id: i.partnerId, path: at('partnerId') },
          { kind: 'capability', id: i.capabilityId, path: at('capabilityId') },
        ]);
        await tx.track('Partner', [i.partnerId]);
        return onlyRow(
          await tx.run<{ node: PartnerRow }>('partners/remove-partner-capability', { ...i, now: new Date() }),
          at('partnerId'),
          'partner',
          i.partnerId,
        ).node;
      }),
    );
  }

  linkIntegration(input: unknown): Promise<Outcome<PartnerRow>> {
    return this.pairWrite(IntegrationInput, input, 'partners/link-integration', 'otherPartnerId');
  }

  unlinkIntegration(input: unknown): Promise<Outcome<PartnerRow>> {
    return this.pairWrite(IntegrationInput, input, 'partners/unlink-integration', 'otherPartnerId');
  }

  /** Lets withPartnerId see partnerId's accounts at a level. */
  setSharingGrant(input: unknown): Promise<Outcome<PartnerRow>> {
    return this.pairWrite(SharingGrantInput, input, 'partners/set-sharing-grant', 'withPartnerId');
  }

  removeSharingGrant(input: unknown): Promise<Outcome<PartnerRow>> {
    return this.pairWrite(SharingGrantRemoveInput, input, 'partners/remove-sharing-grant', 'withPartnerId');
  }

  /** Creates an account (since = now); another status ends the current one and opens the next (README "Time"). */
  setAccount(input: unknown): Promise<Outcome<AccountRow>> {
    return attempt(AccountInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'partner', id: i.partnerId, path: at('partnerId') },
          { kind: 'customer', id: i.customerId, path: at('customerId') },
        ]);
        await tx.track('Partner', [i.partnerId]);
        return onlyRow(
          await tx.run<{ account: AccountRow }>('partners/set-account', { ...i, now: new Date() }),
          at('partnerId'),
          'partner',
          i.partnerId,
        ).account;
      }),
    );
  }

  /**
   * Ends an account (re-typed HAD_ACCOUNT with until = now: README "Time"); the payload carries the account as it was,
   * or null when there was none.
   */
  removeAccount(input: unknown): Promise<Outcome<AccountRow | null>> {
    return attempt(AccountRemoveInput, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'partner', id: i.partnerId, path: at('partnerId') },
          { kind: 'customer', id: i.customerId, path: at('customerId') },
        ]);
        await tx.track('Partner', [i.partnerId]);
        const rows = await tx.run<{ account: AccountRow }>('partners/remove-account', { ...i, now: new Date() });
        return rows[0]?.account ?? null;
      }),
    );
  }

  /** A write between two existing partners; returns the first one. */
  private pairWrite<I extends { partnerId: string }>(
    schema: z.ZodType<I>,
    input: unknown,
    cypher: string,
    otherField: string,
  ): Promise<Outcome<PartnerRow>> {
    return attempt(schema, input, INPUT, (i) =>
      this.db.writeTransaction(async (tx) => {
        const other = (i as Record<string, unknown>)[otherField] as string;
        await requireReferences(tx, [
          { kind: 'partner', id: i.partnerId, path: at('partnerId') },
          { kind: 'partner', id: other, path: at(otherField) },
        ]);
        await tx.track('Partner', [i.partnerId, other]);
        return onlyRow(await tx.run<{ node: PartnerRow }>(cypher, { ...i, now: new Date() }), at('partnerId'), 'partner', i.partnerId).node;
      }),
    );
  }
}
