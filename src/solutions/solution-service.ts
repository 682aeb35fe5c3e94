// Solutions: the catalog, its filters and its mutations (requirements and members included).
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { writeExternalIds } from '../identity/identity.js';
import { filterParams } from '../model/pagination.js';
import type { PageArgs } from '../relay/keyset.js';
import { nameFilterParams, readOrderedPage, type OrderInput } from '../relay/ordered-pages.js';
import type { Connection, SolutionRow } from '../model/rows.js';
import { attempt, changesOf, generateId, IdArgument, listIds, onlyRow, type Outcome } from '../validation/problems.js';
import { fail, requireIdNotOtherKind, requireReferences, type Reference } from '../validation/references.js';
import { CreateSolutionInput, SolutionMembershipInput, SolutionMembershipRemoveInput, UpdateSolutionInput } from './solution-inputs.js';
import { searchName, withSearchName } from '../search/search-name.js';

export interface SolutionFilter {
  statuses?: string[] | null;
  region?: string | null;
  industry?: string | null;
  partnerId?: string | null;
  capabilityId?: string | null;
  nameContains?: string | null;
  namePrefix?: string | null;
  externalId?: { system: string; id: string } | null;
}

const FILTER_KEYS = ['statuses', 'region', 'industry', 'partnerId', 'capabilityId'] as const;

/** The orders of the solutions connection (schema SolutionOrderField). */
export type SolutionOrderField = 'ID' | 'NAME' | 'STATUS' | 'MEMBER_COUNT';

interface Composition {
  requires?: string[];
  members?: { partnerId: string; role: string }[];
}

export class SolutionService {
  constructor(private readonly db: CypherExecutor) {}

  /** A page of the solutions the viewer may see under `filter`, in `orderBy` (default ID ascending), forward or backward (README, "Connections, filters and orders"); BAD_USER_INPUT at the argument for bad page arguments, cursors or filter texts. */
  listSolutions(
    filter: SolutionFilter | null | undefined,
    orderBy: OrderInput<SolutionOrderField> | null | undefined,
    args: PageArgs,
  ): Promise<Connection<SolutionRow>> {
    const { nameContains, namePrefix, externalId, ...rest } = filter ?? {};
    return readOrderedPage<SolutionRow, SolutionOrderField>(
      this.db,
      'SOLUTION',
      { byId: 'solutions/list-solutions', ordered: 'relay/list-solutions-ordered', count: 'solutions/count-solutions' },
      { ...filterParams(rest, FILTER_KEYS), ...nameFilterParams({ nameContains, namePrefix, externalId }) },
      orderBy,
      args,
    );
  }

  /** Creates a solution, or with an existing id sets it (requirements and members too) to exactly the given values. */
  createSolution(input: unknown): Promise<Outcome<SolutionRow>> {
    return attempt(CreateSolutionInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        const id = i.id ?? generateId('solution');
        if (i.id) await requireIdNotOtherKind(tx, 'Solution', id, ['input', 'id']);
        await tx.track('Solution', [id]);
        const { requires, members, externalIds, ...fields } = i;
        await this.requireComposition(tx, { requires, members });
        const row = onlyRow(
          await tx.run<{ node: SolutionRow }>('solutions/upsert-solution', { ...fields, id, searchName: searchName(fields.name) }),
          ['input', 'id'],
          'solution',
          id,
        ).node;
        await this.setComposition(tx, id, { requires, members });
        await writeExternalIds(tx, 'Solution', id, externalIds);
        return row;
      }),
    );
  }

  updateSolution(input: unknown): Promise<Outcome<SolutionRow>> {
    return attempt(UpdateSolutionInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Solution', [i.id]);
        const row = onlyRow(
          await tx.run<{ node: SolutionRow }>('solutions/update-solution', {
            id: i.id,
            changes: withSearchName(changesOf(i, ['id', 'requires', 'members', 'externalIds'])),
          }),
          ['input', 'id'],
          'solution',
          i.id,
        ).node;
        await this.requireComposition(tx, i);
        await this.setComposition(tx, i.id, i);
        await writeExternalIds(tx, 'Solution', i.id, i.externalIds);
        return row;
      }),
    );
  }

  /**
   * Deletes the solution with its requirements and memberships; refused (CONFLICT at ["id"], naming
   * them) while deals sell it, since a deal's solution changes only with a trace (retire it instead:
   * status RETIRED). deletedId is null when there was none.
   */
  deleteSolution(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], ({ id }) =>
      this.db.writeTransaction(async (tx) => {
        const [deals] = await tx.run<{ count: number; dealIds: string[] }>('solutions/lock-solution-deals', { id });
        await tx.track('Solution', [id]);
        if (deals && deals.count > 0) {
          fail({
            path: ['id'],
            message: `${deals.count} deal(s) sell this solution (${listIds(deals.dealIds, deals.count)}); retire it (status RETIRED) or delete those deals first`,
            code: 'CONFLICT',
          });
        }
        const rows = await tx.run<{ deletedId: string }>('solutions/delete-solution', { id });
        return rows[0]?.deletedId ?? null;
      }),
    );
  }

  addSolutionMember(input: unknown): Promise<Outcome<SolutionRow>> {
    return attempt(SolutionMembershipInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'solution', id: i.solutionId, path: ['input', 'solutionId'] },
          { kind: 'partner', id: i.partnerId, path: ['input', 'partnerId'] },
        ]);
        await tx.track('Solution', [i.solutionId]);
        return onlyRow(
          await tx.run<{ node: SolutionRow }>('solutions/add-solution-member', { ...i, now: new Date() }),
          ['input', 'solutionId'],
          'solution',
          i.solutionId,
        ).node;
      }),
    );
  }

  removeSolutionMember(input: unknown): Promise<Outcome<SolutionRow>> {
    return attempt(SolutionMembershipRemoveInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'solution', id: i.solutionId, path: ['input', 'solutionId'] },
          { kind: 'partner', id: i.partnerId, path: ['input', 'partnerId'] },
        ]);
        await tx.track('Solution', [i.solutionId]);
        return onlyRow(
          await tx.run<{ node: SolutionRow }>('solutions/remove-solution-member', { ...i, now: new Date() }),
          ['input', 'solutionId'],
          'solution',
          i.solutionId,
        ).node;
      }),
    );
  }

  private requireComposition(tx: CypherTransaction, c: Composition): Promise<void> {
    const references: Reference[] = [
      ...(c.requires ?? []).map((id, index) => ({ kind: 'capability' as const, id, path: ['input', 'requires', String(index)] })),
      ...(c.members ?? []).map((m, index) => ({
        kind: 'partner' as const,
        id: m.partnerId,
        path: ['input', 'members', String(index), 'partnerId'],
      })),
    ];
    return requireReferences(tx, references);
  }

  /** Lists given replace the old ones; lists left out stay. */
  private async setComposition(tx: CypherTransaction, id: string, c: Composition): Promise<void> {
    if (c.requires !== undefined) await tx.run('solutions/set-solution-requires', { id, requires: c.requires });
    if (c.members !== undefined) await tx.run('solutions/set-solution-members', { id, members: c.members, now: new Date() });
  }
}
