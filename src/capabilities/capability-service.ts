// Capabilities: the taxonomy (a forest), its filters and its mutations. A parent move that would
// close a cycle is refused.
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { ProblemsError } from '../errors.js';
import { writeExternalIds } from '../identity/identity.js';
import { filterParams } from '../model/pagination.js';
import type { PageArgs } from '../relay/keyset.js';
import { nameFilterParams, readOrderedPage, type OrderInput } from '../relay/ordered-pages.js';
import type { CapabilityRow, Connection } from '../model/rows.js';
import { attempt, changesOf, generateId, IdArgument, onlyRow, type Outcome } from '../validation/problems.js';
import { requireIdNotOtherKind, requireReferences } from '../validation/references.js';
import { CreateCapabilityInput, UpdateCapabilityInput } from './capability-inputs.js';
import { searchName, withSearchName } from '../search/search-name.js';

export interface CapabilityFilter {
  category?: string | null;
  parentId?: string | null;
  rootsOnly?: boolean | null;
  nameContains?: string | null;
  namePrefix?: string | null;
  externalId?: { system: string; id: string } | null;
}

const FILTER_KEYS = ['category', 'parentId', 'rootsOnly'] as const;

/** The orders of the capabilities connection (schema CapabilityOrderField). */
export type CapabilityOrderField = 'ID' | 'NAME' | 'HOLDER_COUNT';

const PARENT_PATH = ['input', 'parentId'];

export class CapabilityService {
  constructor(private readonly db: CypherExecutor) {}

  /** A page of capabilities under `filter`, in `orderBy` (default ID ascending), forward or backward (README, "Connections, filters and orders"); BAD_USER_INPUT at the argument for bad page arguments, cursors or filter texts. */
  listCapabilities(
    filter: CapabilityFilter | null | undefined,
    orderBy: OrderInput<CapabilityOrderField> | null | undefined,
    args: PageArgs,
  ): Promise<Connection<CapabilityRow>> {
    const { nameContains, namePrefix, externalId, ...rest } = filter ?? {};
    return readOrderedPage<CapabilityRow, CapabilityOrderField>(
      this.db,
      'CAPABILITY',
      { byId: 'capabilities/list-capabilities', ordered: 'relay/list-capabilities-ordered', count: 'capabilities/count-capabilities' },
      { ...filterParams(rest, FILTER_KEYS), ...nameFilterParams({ nameContains, namePrefix, externalId }) },
      orderBy,
      args,
    );
  }

  /** Creates a capability, or with an existing id sets it (and its parent) to exactly the given values. */
  createCapability(input: unknown): Promise<Outcome<CapabilityRow>> {
    return attempt(CreateCapabilityInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        const id = i.id ?? generateId('capability');
        if (i.id) await requireIdNotOtherKind(tx, 'Capability', id, ['input', 'id']);
        await tx.track('Capability', [id]);
        await this.checkParent(tx, id, i.parentId);
        await tx.run('capabilities/upsert-capability', {
          id,
          name: i.name,
          searchName: searchName(i.name),
          category: i.category,
          description: i.description,
        });
        await writeExternalIds(tx, 'Capability', id, i.externalIds);
        return onlyRow(
          await tx.run<{ node: CapabilityRow }>('capabilities/set-capability-parent', { id, parentId: i.parentId }),
          ['input', 'id'],
          'capability',
          id,
        ).node;
      }),
    );
  }

  updateCapability(input: unknown): Promise<Outcome<CapabilityRow>> {
    return attempt(UpdateCapabilityInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Capability', [i.id]);
        const updated = onlyRow(
          await tx.run<{ node: CapabilityRow }>('capabilities/update-capability', {
            id: i.id,
            changes: withSearchName(changesOf(i, ['id', 'parentId', 'externalIds'])),
          }),
          ['input', 'id'],
          'capability',
          i.id,
        ).node;
        await writeExternalIds(tx, 'Capability', i.id, i.externalIds);
        if (i.parentId === undefined) return updated;
        await this.checkParent(tx, i.id, i.parentId);
        return onlyRow(
          await tx.run<{ node: CapabilityRow }>('capabilities/set-capability-parent', { id: i.id, parentId: i.parentId }),
          ['input', 'id'],
          'capability',
          i.id,
        ).node;
      }),
    );
  }

  /** Deletes a capability; its children become roots. deletedId is null when there was none. */
  deleteCapability(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], async ({ id }) => {
      const rows = await this.db.write<{ deletedId: string }>('capabilities/delete-capability', { id }, { type: 'Capability', ids: [id] });
      return rows[0]?.deletedId ?? null;
    });
  }

  /** The parent must exist and must not be the capability itself or one of its descendants. */
  private async checkParent(tx: CypherTransaction, id: string, parentId: string | null): Promise<void> {
    if (parentId === null) return;
    const cycle = {
      path: PARENT_PATH,
      message: `Making ${JSON.stringify(parentId)} the parent of ${JSON.stringify(id)} would create a cycle`,
      code: 'CONFLICT' as const,
    };
    if (parentId === id) throw new ProblemsError([cycle]);
    await requireReferences(tx, [{ kind: 'capability', id: parentId, path: PARENT_PATH }]);
    const [row] = await tx.run<{ cycle: boolean }>('capabilities/find-capability-cycle', { id, parentId });
    if (row?.cycle) throw new ProblemsError([cycle]);
  }
}
