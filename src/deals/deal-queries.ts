// Deals, read side: the list and its filters; and deleteDeal. Registration and the other deal
// writes live beside this file.
import type { CypherExecutor } from '../db/executor.js';
import { filterParams } from '../model/pagination.js';
import type { PageArgs } from '../relay/keyset.js';
import { nameFilterParams, readOrderedPage, type OrderInput } from '../relay/ordered-pages.js';
import type { Connection, DealRow } from '../model/rows.js';
import { attempt, IdArgument, type Outcome } from '../validation/problems.js';

export interface DealFilter {
  stages?: string[] | null;
  open?: boolean | null;
  customerId?: string | null;
  partnerId?: string | null;
  solutionId?: string | null;
  registrationStatuses?: string[] | null;
  nameContains?: string | null;
  namePrefix?: string | null;
  externalId?: { system: string; id: string } | null;
}

const FILTER_KEYS = ['stages', 'open', 'customerId', 'partnerId', 'solutionId', 'registrationStatuses'] as const;

/** The orders of the deals connection (schema DealOrderField). */
export type DealOrderField = 'ID' | 'NAME' | 'STAGE' | 'AMOUNT' | 'CREATED_AT';

export class DealQueries {
  constructor(private readonly db: CypherExecutor) {}

  /** A page of the deals the viewer may see under `filter`, in `orderBy` (default ID ascending), forward or backward (README, "Connections, filters and orders"); BAD_USER_INPUT at the argument for bad page arguments, cursors or filter texts. */
  listDeals(
    filter: DealFilter | null | undefined,
    orderBy: OrderInput<DealOrderField> | null | undefined,
    args: PageArgs,
  ): Promise<Connection<DealRow>> {
    const { nameContains, namePrefix, externalId, ...rest } = filter ?? {};
    return readOrderedPage<DealRow, DealOrderField>(
      this.db,
      'DEAL',
      { byId: 'deals/list-deals', ordered: 'relay/list-deals-ordered', count: 'deals/count-deals' },
      { ...filterParams(rest, FILTER_KEYS), ...nameFilterParams({ nameContains, namePrefix, externalId }) },
      orderBy,
      args,
    );
  }

  /** Deletes the deal with its participations and history; deletedId is null when there was none. */
  deleteDeal(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], async ({ id }) => {
      const rows = await this.db.write<{ deletedId: string }>('deals/delete-deal', { id }, { type: 'Deal', ids: [id] });
      return rows[0]?.deletedId ?? null;
    });
  }
}
