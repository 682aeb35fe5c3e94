// The bulk load: for generated presets and documents too big for one transaction. The document
// is checked whole first (any problem: nothing is written), then written in many transactions,
// so it is NOT all or nothing: a failure half-way leaves the batches before it (run it again).
// With `replace` the ecosystem is emptied in auto-commit batches and everything is CREATEd in
// large UNWIND batches (each row finds its ends through the id constraints' indexes, which the
// migrations created); without it the document is upserted with MERGE, batch by batch.
import type { CypherExecutor } from '../db/executor.js';
import { decideRegistrationStatuses } from '../deals/rules-of-engagement.js';
import type { IdentityKind } from '../identity/identity.js';
import { capabilityProperties, customerProperties, dealProperties, partnerProperties, solutionProperties } from './node-properties.js';
import { checkEcosystemDocument, type EcosystemDocument, type ExternalIdRecord } from './format.js';
import {
  candidateOf,
  countsOf,
  DocumentConflictError,
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  integrationPairs,
  recordCount,
  validityOf,
  writeEcosystemInBatches,
} from './import.js';

/** Rows per statement: big enough to amortise a round-trip, small enough for a modest heap. */
export const BULK_BATCH_SIZE = 20_000;

export async function bulkLoadEcosystem(db: CypherExecutor, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const checked = checkEcosystemDocument(input);
  if (!checked.ok) return checked;
  try {
    return { ok: true, counts: await bulkWriteEcosystem(db, checked.doc, options) };
  } catch (err) {
    if (err instanceof DocumentConflictError) return { ok: false, problems: err.problems };
    throw err;
  }
}

/** Writes a document that checkEcosystemDocument accepted, batch by batch (see the file's comment). */
export async function bulkWriteEcosystem(db: CypherExecutor, doc: EcosystemDocument, options: ImportOptions = {}): Promise<ImportCounts> {
  const batchSize = options.batchSize ?? BULK_BATCH_SIZE;
  if (!options.replace) return writeEcosystemInBatches(db, doc, { ...options, batchSize });
  await db.runAutoCommit('interchange/delete-ecosystem-in-batches');
  return new FreshLoad(db, doc, batchSize, options.onProgress).write();
}

class FreshLoad {
  private done = 0;
  private readonly total: number;

  constructor(
    private readonly db: CypherExecutor,
    private readonly doc: EcosystemDocument,
    private readonly batchSize: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.total = recordCount(doc);
  }

  async write(): Promise<ImportCounts> {
    const { doc } = this;
    this.onProgress?.(0, this.total);
    // Nodes before the relationships that point at them; relationship rows flattened so each
    // batch has the same size whatever the degrees.
    await this.run('bulk-create-capabilities', doc.capabilities, capabilityProperties, true);
    await this.run(
      'bulk-create-capability-parents',
      doc.capabilities.filter((c) => c.parentId),
      (c) => ({ id: c.id, parentId: c.parentId }),
    );

    await this.run('bulk-create-partners', doc.partners, partnerProperties, true);
    await this.run(
      'bulk-create-partner-capabilities',
      doc.partners.flatMap((p) =>
        p.capabilities.map((held) => ({ partnerId: p.id, capabilityId: held.capabilityId, level: held.level, ...validityOf(held) })),
      ),
      (r) => r,
    );
    await this.run(
      'bulk-create-sharing-grants',
      doc.partners.flatMap((p) =>
        p.sharing.map((grant) => ({ fromId: p.id, toId: grant.partnerId, level: grant.level, ...validityOf(grant) })),
      ),
      (r) => r,
    );
    await this.run('bulk-create-integrations', integrationPairs(doc), (r) => r);

    await this.run('bulk-create-customers', doc.customers, customerProperties, true);
    await this.run(
      'bulk-create-customer-needs',
      doc.customers.flatMap((u) => u.needs.map((capabilityId) => ({ customerId: u.id, capabilityId }))),
      (r) => r,
    );
    await this.run('bulk-create-accounts', doc.accounts, (a) => ({ ...a, ...validityOf(a) }), true);

    await this.run('bulk-create-solutions', doc.solutions, solutionProperties, true);
    await this.run(
      'bulk-create-solution-requires',
      doc.solutions.flatMap((s) => s.requires.map((capabilityId) => ({ solutionId: s.id, capabilityId }))),
      (r) => r,
    );
    await this.run(
      'bulk-create-solution-members',
      doc.solutions.flatMap((s) => s.members.map((m) => ({ solutionId: s.id, partnerId: m.partnerId, role: m.role, ...validityOf(m) }))),
      (r) => r,
    );

    // The ecosystem was emptied, so the rules of engagement see only the document's deals.
    const statuses = decideRegistrationStatuses(doc.deals.map(candidateOf));
    await this.run('bulk-create-deals', doc.deals, (d) => dealProperties(d, statuses.get(d.id) ?? null), true);
    await this.run(
      'bulk-create-deal-participants',
      doc.deals.flatMap((d) =>
        d.participants.map((p) => ({
          dealId: d.id,
          partnerId: p.partnerId,
          role: p.role,
          sourced: p.sourced,
          registeredAt: p.registeredAt,
        })),
      ),
      (r) => r,
    );

    await this.externalIds('Capability', doc.capabilities);
    await this.externalIds('Partner', doc.partners);
    await this.externalIds('Customer', doc.customers);
    await this.externalIds('Solution', doc.solutions);
    await this.externalIds('Deal', doc.deals);

    return countsOf(doc, doc.deals.length, this.total);
  }

  private externalIds(kind: IdentityKind, records: readonly { id: string; externalIds?: ExternalIdRecord[] }[]): Promise<void> {
    const rows = records.flatMap((r) => (r.externalIds ?? []).map((e) => ({ entityId: r.id, system: e.system, id: e.id })));
    return this.run('bulk-create-external-ids', rows, (r) => r, false, { kind });
  }

  /** One write transaction per batch; `counted` adds the items to the progress. */
  private async run<T>(file: string, items: readonly T[], toRow: (item: T) => object, counted = false, params: object = {}): Promise<void> {
    for (let start = 0; start < items.length; start += this.batchSize) {
      const batch = items.slice(start, start + this.batchSize);
      await this.db.write(`interchange/${file}`, { ...params, rows: batch.map(toRow) });
      if (counted) {
        this.done += batch.length;
        this.onProgress?.(this.done, this.total);
      }
    }
  }
}
