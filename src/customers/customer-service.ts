// Customers: the list and its filters, and the customer mutations. A customer with deals cannot
// be deleted.
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { ProblemsError } from '../errors.js';
import { normalizeCustomerName, writeExternalIds } from '../identity/identity.js';
import { filterParams } from '../model/pagination.js';
import type { PageArgs } from '../relay/keyset.js';
import { nameFilterParams, readOrderedPage, type OrderInput } from '../relay/ordered-pages.js';
import type { Connection, CustomerRow } from '../model/rows.js';
import { attempt, changesOf, generateId, IdArgument, listIds, onlyRow, type Outcome } from '../validation/problems.js';
import { fail, requireIdNotOtherKind, requireReferences } from '../validation/references.js';
import { CreateCustomerInput, UpdateCustomerInput } from './customer-inputs.js';
import { searchName, withSearchName } from '../search/search-name.js';

export interface CustomerFilter {
  industry?: string | null;
  region?: string | null;
  segment?: string | null;
  nameContains?: string | null;
  namePrefix?: string | null;
  externalId?: { system: string; id: string } | null;
}

const FILTER_KEYS = ['industry', 'region', 'segment'] as const;

/** The orders of the customers connection (schema CustomerOrderField). */
export type CustomerOrderField = 'ID' | 'NAME' | 'ACCOUNT_COUNT';

/**
 * A customer filter as the list and count files' parameters ($industry, $region, $segment, $nameContains, $namePrefix,
 * $externalSystem, $externalValue; null for no condition); BAD_USER_INPUT under `filter` for a name text over 200
 * characters or a malformed external id.
 */
export function customerFilterParams(filter: CustomerFilter | null | undefined): Record<string, unknown> {
  const { nameContains, namePrefix, externalId, ...rest } = filter ?? {};
  return { ...filterParams(rest, FILTER_KEYS), ...nameFilterParams({ nameContains, namePrefix, externalId }) };
}

export class CustomerService {
  constructor(private readonly db: CypherExecutor) {}

  /** A page of the customers the viewer may see under `filter`, in `orderBy` (default ID ascending), forward or backward (README, "Connections, filters and orders"); BAD_USER_INPUT at the argument for bad page arguments, cursors or filter texts. */
  listCustomers(
    filter: CustomerFilter | null | undefined,
    orderBy: OrderInput<CustomerOrderField> | null | undefined,
    args: PageArgs,
  ): Promise<Connection<CustomerRow>> {
    return readOrderedPage<CustomerRow, CustomerOrderField>(
      this.db,
      'CUSTOMER',
      { byId: 'customers/list-customers', ordered: 'relay/list-customers-ordered', count: 'customers/count-customers' },
      customerFilterParams(filter),
      orderBy,
      args,
    );
  }

  /** Creates a customer, or with an existing id sets it (and its needs) to exactly the given values. */
  createCustomer(input: unknown): Promise<Outcome<CustomerRow>> {
    return attempt(CreateCustomerInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        const id = i.id ?? generateId('customer');
        if (i.id) await requireIdNotOtherKind(tx, 'Customer', id, ['input', 'id']);
        await tx.track('Customer', [id]);
        await this.requireNeeds(tx, i.needs);
        await requireFreeDomain(tx, id, i.domain);
        const { needs, externalIds, ...fields } = i;
        const row = onlyRow(
          await tx.run<{ node: CustomerRow }>('customers/upsert-customer', {
            ...fields,
            id,
            searchName: searchName(fields.name),
            normalizedName: normalizeCustomerName(i.name),
          }),
          ['input', 'id'],
          'customer',
          id,
        ).node;
        await tx.run('customers/set-customer-needs', { id, needs });
        await writeExternalIds(tx, 'Customer', id, externalIds);
        return row;
      }),
    );
  }

  updateCustomer(input: unknown): Promise<Outcome<CustomerRow>> {
    return attempt(UpdateCustomerInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Customer', [i.id]);
        await requireFreeDomain(tx, i.id, i.domain);
        const changes = {
          ...withSearchName(changesOf(i, ['id', 'needs', 'externalIds'])),
          ...(i.name !== undefined ? { normalizedName: normalizeCustomerName(i.name) } : {}),
        };
        const row = onlyRow(
          await tx.run<{ node: CustomerRow }>('customers/update-customer', { id: i.id, changes }),
          ['input', 'id'],
          'customer',
          i.id,
        ).node;
        if (i.needs !== undefined) {
          await this.requireNeeds(tx, i.needs);
          await tx.run('customers/set-customer-needs', { id: i.id, needs: i.needs });
        }
        await writeExternalIds(tx, 'Customer', i.id, i.externalIds);
        return row;
      }),
    );
  }

  /** Deletes the customer with its accounts and needs; refused (CONFLICT at ["id"], naming them) while deals are on it. */
  deleteCustomer(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], (a) =>
      this.db.writeTransaction(async (tx) => {
        // The customer's lock first, as every deal registration takes it: none can slip in between the count and the delete.
        if ((await tx.run('deals/lock-customer-deals', { customerId: a.id })).length === 0) return null;
        await tx.track('Customer', [a.id]);
        const [deals] = await tx.run<{ count: number; dealIds: string[] }>('customers/count-customer-deals', { id: a.id });
        if (deals && deals.count > 0) {
          fail({
            path: ['id'],
            message: `The customer has ${deals.count} deal(s) (${listIds(deals.dealIds, deals.count)}); delete them first`,
            code: 'CONFLICT',
          });
        }
        const rows = await tx.run<{ deletedId: string }>('customers/delete-customer', { id: a.id });
        return rows[0]?.deletedId ?? null;
      }),
    );
  }

  private requireNeeds(tx: CypherTransaction, needs: string[]): Promise<void> {
    return requireReferences(
      tx,
      needs.map((id, index) => ({ kind: 'capability' as const, id, path: ['input', 'needs', String(index)] })),
    );
  }
}

/** CONFLICT at input.domain when another customer has the domain (at most one customer per domain). */
async function requireFreeDomain(tx: CypherTransaction, id: string, domain: string | null | undefined): Promise<void> {
  if (!domain) return;
  const [owner] = await tx.run<{ id: string }>('customers/find-customers-by-domain', { domains: [domain] });
  if (owner && owner.id !== id) {
    throw new ProblemsError([
      {
        path: ['input', 'domain'],
        message: `The domain ${JSON.stringify(domain)} already belongs to customer ${JSON.stringify(owner.id)}`,
        code: 'CONFLICT',
      },
    ]);
  }
}
