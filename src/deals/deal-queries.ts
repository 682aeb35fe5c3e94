// Deals, read side: the list and its filters; and deleteDeal. Registration and the other deal
// writes live beside this file.
import type { CypherExecutor } from '../db/executor.js';
import { filterParams, readPage } from '../model/pagination.js';
import type { Connection, DealRow } from '../model/rows.js';
import { attempt, IdArgument, type Outcome } from '../validation/problems.js';

export interface DealFilter {
  stages?: string[] | null;
  open?: boolean | null;
  customerId?: string | null;
  partnerId?: string | null;
  solutionId?: string | null;
  registrationStatuses?: string[] | null;
}

const FILTER_KEYS = ['stages', 'open', 'customerId', 'partnerId', 'solutionId', 'registrationStatuses'] as const;

export class DealQueries {
  constructor(private readonly db: CypherExecutor) {}

  async listDeals(filter: DealFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<DealRow>> {
    return readPage<DealRow>(
      this.db,
      { list: 'deals/list-deals', count: 'deals/count-deals' },
      filterParams(filter, FILTER_KEYS),
      first,
      after,
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
