// accountOverlap: the customers two partners both have an account on, by pair of statuses.
import type { CypherExecutor } from '../db/executor.js';
import { ForbiddenError } from '../errors.js';
import { pageRequest, toConnection } from '../model/pagination.js';
import type { AccountOverlapRow, Connection, CustomerRow } from '../model/rows.js';
import { ACCOUNT_STATUSES } from '../model/vocabulary.js';
import { asOfInstant } from '../time/as-of.js';

const STATUS_ORDER: readonly string[] = ACCOUNT_STATUSES;

export class AccountOverlapService {
  constructor(private readonly db: CypherExecutor) {}

  /**
   * A PARTNER viewer must be one side, and the other side's grant to it decides: none is refused,
   * COUNTS gives the numbers, OVERLAPS or FULL the customers too (README, Roles and grants). With `asOf`, the
   * accounts (with their status) and the grant that held at that instant decide (README, "Time"); a future asOf is
   * BAD_USER_INPUT.
   */
  async accountOverlap(partnerId: string, otherPartnerId: string, asOf?: Date | null): Promise<AccountOverlapRow> {
    const at = asOfInstant(asOf, ['asOf']);
    const timed = at === null ? {} : { asOf: at };
    const suffix = at === null ? '' : '-as-of';
    const [grant] = await this.db.read<{ access: 'COUNTS' | 'CUSTOMERS' | null }>(`intelligence/get-overlap-access${suffix}`, {
      partnerId,
      otherPartnerId,
      ...timed,
    });
    if (!grant?.access) throw new ForbiddenError('accountOverlap: the other partner shares no account data with you');
    const cells = await this.db.read<AccountOverlapRow['cells'][number]>(`intelligence/count-account-overlap${suffix}`, {
      partnerId,
      otherPartnerId,
      ...timed,
    });
    const rank = (s: string) => STATUS_ORDER.indexOf(s);
    cells.sort((a, b) => rank(a.status) - rank(b.status) || rank(a.otherStatus) - rank(b.otherStatus));
    return {
      partnerId,
      otherPartnerId,
      customersVisible: grant.access === 'CUSTOMERS',
      asOf: at,
      cells,
      sharedCustomerCount: cells.reduce((n, c) => n + c.count, 0),
    };
  }

  async sharedCustomers(overlap: AccountOverlapRow, first?: number | null, after?: string | null): Promise<Connection<CustomerRow>> {
    if (overlap.customersVisible === false)
      throw new ForbiddenError('accountOverlap.customers: the other partner shares overlap counts only');
    const page = pageRequest(first, after);
    const asOf = overlap.asOf ?? null;
    const rows = await this.db.read<{ node: CustomerRow }>(`intelligence/list-overlap-customers${asOf === null ? '' : '-as-of'}`, {
      ...(asOf === null ? {} : { asOf }),
      partnerId: overlap.partnerId,
      otherPartnerId: overlap.otherPartnerId,
      after: page.after,
      limit: page.limit,
    });
    return toConnection(
      rows.map((r) => r.node),
      page,
      async () => overlap.sharedCustomerCount,
    );
  }
}
