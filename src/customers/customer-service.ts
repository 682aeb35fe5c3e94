// Customers: the list and its filters, and the customer mutations. A customer with deals cannot
// be deleted.
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { ProblemsError } from '../errors.js';
import { normalizeCustomerName, writeExternalIds } from '../identity/identity.js';
import { readPage } from '../model/pagination.js';
import type { Connection, CustomerRow } from '../model/rows.js';
import { attempt, changesOf, generateId, IdArgument, onlyRow, type Outcome } from '../validation/problems.js';
import { requireReferences } from '../validation/references.js';
import { CreateCustomerInput, UpdateCustomerInput } from './customer-inputs.js';

export interface CustomerFilter {
  industry?: string | null;
  region?: string | null;
  segment?: string | null;
  nameContains?: string | null;
}

function filterParams(f: CustomerFilter | null | undefined) {
  return {
    industry: f?.industry ?? null,
    region: f?.region ?? null,
    segment: f?.segment ?? null,
    nameContains: f?.nameContains ?? null,
  };
}

export class CustomerService {
  constructor(private readonly db: CypherExecutor) {}

  async listCustomers(filter: CustomerFilter | null | undefined, first?: number | null, after?: string | null): Promise<Connection<CustomerRow>> {
    return readPage<CustomerRow>(this.db, { list: 'customers/list-customers', count: 'customers/count-customers' }, filterParams(filter), first, after);
  }

  /** Creates a customer, or with an existing id sets it (and its needs) to exactly the given values. */
  createCustomer(input: unknown): Promise<Outcome<CustomerRow>> {
    return attempt(CreateCustomerInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        const id = i.id ?? generateId('customer');
        await this.requireNeeds(tx, i.needs);
        await requireFreeDomain(tx, id, i.domain);
        const { needs, externalIds, ...fields } = i;
        const row = onlyRow(
          await tx.run<{ node: CustomerRow }>('customers/upsert-customer', { ...fields, id, normalizedName: normalizeCustomerName(i.name) }),
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
        await requireFreeDomain(tx, i.id, i.domain);
        const changes = { ...changesOf(i, ['id', 'needs', 'externalIds']), ...(i.name !== undefined ? { normalizedName: normalizeCustomerName(i.name) } : {}) };
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

  /** Deletes the customer with its accounts; refused (CONFLICT) while deals reference it. */
  deleteCustomer(args: unknown): Promise<Outcome<string | null>> {
    return attempt(IdArgument, args, [], (a) =>
      this.db.writeTransaction(async (tx) => {
        const [deals] = await tx.run<{ count: number }>('customers/count-customer-deals', { id: a.id });
        if (deals && deals.count > 0) {
          throw new ProblemsError([{ path: ['id'], message: `The customer has ${deals.count} deal(s); delete or move them first`, code: 'CONFLICT' }]);
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
    throw new ProblemsError([{ path: ['input', 'domain'], message: `The domain ${JSON.stringify(domain)} already belongs to customer ${JSON.stringify(owner.id)}`, code: 'CONFLICT' }]);
  }
}
