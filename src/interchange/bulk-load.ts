// The bulk load: for generated presets and documents too big for one transaction. The document
// is checked whole first (any problem: nothing is written), then written in many transactions,
// so it is NOT all or nothing: a failure half-way leaves the batches before it (run it again).
// With `replace` the ecosystem is emptied in auto-commit batches and everything is CREATEd in
// large UNWIND batches (each row finds its ends through the id constraints' indexes, which the
// migrations created); without it the document is upserted with MERGE, batch by batch.
import type { CypherExecutor } from '../db/executor.js';
import { createdChange, type ChangeRecord } from '../events/outbox.js';
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
  programRows,
  recordCount,
  rulesRows,
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
  await db.runAutoCommit('interchange/delete-ecosystem-in-batches', { actor: db.actor });
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
    // Each batch records its changes in its own transaction (README, "Events"): everything is CREATED. The partners
    // involved (for scoping a change once its entity is gone) come from the document.
    const accountHolders = groupBy(
      doc.accounts,
      (a) => a.customerId,
      (a) => a.partnerId,
    );
    const participants = new Map(doc.deals.map((d) => [d.id, d.participants.map((p) => p.partnerId)]));
    const members = new Map(doc.solutions.map((s) => [s.id, s.members.map((m) => m.partnerId)]));
    const withIds = (r: { externalIds?: ExternalIdRecord[] }) => ({
      externalIds: (r.externalIds ?? []).map((e) => `${e.system}:${e.id}`).sort(),
    });

    // Nodes before the relationships that point at them; relationship rows flattened so each
    // batch has the same size whatever the degrees.
    await this.run('bulk-create-capabilities', doc.capabilities, capabilityProperties, true, {}, (c) => [
      createdChange('Capability', c.id, { ...capabilityProperties(c), ...withIds(c) }, [], ['parentId']),
    ]);
    await this.run(
      'bulk-create-capability-parents',
      doc.capabilities.filter((c) => c.parentId),
      (c) => ({ id: c.id, parentId: c.parentId }),
      false,
      {},
      (c) => [createdChange('CapabilityParent', `${c.id}|${c.parentId}`, {}, [])],
    );

    await this.run('bulk-create-partners', doc.partners, partnerProperties, true, {}, (p) => [
      createdChange('Partner', p.id, { ...partnerProperties(p), ...withIds(p) }, []),
    ]);
    await this.run(
      'bulk-create-partner-capabilities',
      doc.partners.flatMap((p) =>
        p.capabilities.map((held) => ({ partnerId: p.id, capabilityId: held.capabilityId, level: held.level, ...validityOf(held) })),
      ),
      (r) => r,
      false,
      {},
      (r) => [createdChange('PartnerCapability', `${r.partnerId}|${r.capabilityId}`, r, [r.partnerId], ['partnerId', 'capabilityId'])],
    );
    await this.run(
      'bulk-create-sharing-grants',
      doc.partners.flatMap((p) =>
        p.sharing.map((grant) => ({ fromId: p.id, toId: grant.partnerId, level: grant.level, ...validityOf(grant) })),
      ),
      (r) => r,
      false,
      {},
      (r) => [createdChange('SharingGrant', `${r.fromId}|${r.toId}`, r, [r.fromId, r.toId], ['fromId', 'toId'])],
    );
    await this.run(
      'bulk-create-integrations',
      integrationPairs(doc),
      (r) => r,
      false,
      {},
      (r) => [createdChange('Integration', `${r.fromId}|${r.toId}`, {}, [r.fromId, r.toId])],
    );

    await this.run('bulk-create-customers', doc.customers, customerProperties, true, {}, (u) => [
      createdChange('Customer', u.id, { ...customerProperties(u), ...withIds(u) }, accountHolders.get(u.id) ?? [], ['needs']),
    ]);
    await this.run(
      'bulk-create-customer-needs',
      doc.customers.flatMap((u) => u.needs.map((capabilityId) => ({ customerId: u.id, capabilityId }))),
      (r) => r,
      false,
      {},
      (r) => [createdChange('CustomerNeed', `${r.customerId}|${r.capabilityId}`, {}, accountHolders.get(r.customerId) ?? [])],
    );
    await this.run(
      'bulk-create-accounts',
      doc.accounts,
      (a) => ({ ...a, ...validityOf(a) }),
      true,
      {},
      (a) => [createdChange('Account', `${a.partnerId}|${a.customerId}`, a, [a.partnerId], ['partnerId', 'customerId'])],
    );

    await this.run('bulk-create-solutions', doc.solutions, solutionProperties, true, {}, (s) => [
      createdChange('Solution', s.id, { ...solutionProperties(s), ...withIds(s) }, members.get(s.id) ?? []),
    ]);
    await this.run(
      'bulk-create-solution-requires',
      doc.solutions.flatMap((s) => s.requires.map((capabilityId) => ({ solutionId: s.id, capabilityId }))),
      (r) => r,
      false,
      {},
      (r) => [createdChange('SolutionRequirement', `${r.solutionId}|${r.capabilityId}`, {}, members.get(r.solutionId) ?? [])],
    );
    await this.run(
      'bulk-create-solution-members',
      doc.solutions.flatMap((s) => s.members.map((m) => ({ solutionId: s.id, partnerId: m.partnerId, role: m.role, ...validityOf(m) }))),
      (r) => r,
      false,
      {},
      (r) => [
        createdChange('Membership', `${r.partnerId}|${r.solutionId}`, r, members.get(r.solutionId) ?? [], ['partnerId', 'solutionId']),
      ],
    );

    // The ecosystem was emptied, so the rules of engagement see only the document's deals.
    const statuses = decideRegistrationStatuses(doc.deals.map(candidateOf));
    await this.run(
      'bulk-create-deals',
      doc.deals,
      (d) => dealProperties(d, statuses.get(d.id) ?? null),
      true,
      {},
      (d) => {
        const involved = participants.get(d.id) ?? [];
        return [
          createdChange('Deal', d.id, { ...dealProperties(d, statuses.get(d.id) ?? null), ...withIds(d) }, involved, [
            'customerId',
            'solutionId',
          ]),
          createdChange('DealCustomer', `${d.id}|${d.customerId}`, {}, involved),
          ...(d.solutionId ? [createdChange('DealSolution', `${d.id}|${d.solutionId}`, {}, involved)] : []),
        ];
      },
    );
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
      false,
      {},
      (r) => [createdChange('Participation', `${r.partnerId}|${r.dealId}`, r, participants.get(r.dealId) ?? [], ['partnerId', 'dealId'])],
    );

    // The policy (docs/ecosystem-format.md, "Policy and programs"): the versions replace any there were (kept whole,
    // not entities), the programs are created with their enrolments, each recorded as CREATED.
    await this.db.writeTransaction(async (tx) => {
      tx.untracked('rules of engagement versions are kept whole, not ecosystem entities');
      await tx.run('interchange/delete-rules-versions');
      const rules = rulesRows(doc);
      if (rules.length > 0) await tx.run('interchange/upsert-rules-versions', { rows: rules });
    });
    await this.run(
      'bulk-create-programs',
      programRows(doc),
      (r) => r,
      false,
      {},
      (r) => [
        createdChange('Program', r.id, r.props, []),
        ...r.enrolments.map((e) => {
          const { partnerId } = e as { partnerId: string };
          return createdChange('Enrolment', `${partnerId}|${r.id}`, { ...e, programId: r.id }, [partnerId]);
        }),
      ],
    );

    // External ids were recorded with their entities' CREATED changes above.
    await this.externalIds('Capability', doc.capabilities);
    await this.externalIds('Partner', doc.partners);
    await this.externalIds('Customer', doc.customers);
    await this.externalIds('Solution', doc.solutions);
    await this.externalIds('Deal', doc.deals);

    return countsOf(doc, doc.deals.length, this.total, doc.rulesOfEngagement?.length ?? 0);
  }

  private externalIds(kind: IdentityKind, records: readonly { id: string; externalIds?: ExternalIdRecord[] }[]): Promise<void> {
    const rows = records.flatMap((r) => (r.externalIds ?? []).map((e) => ({ entityId: r.id, system: e.system, id: e.id })));
    return this.run('bulk-create-external-ids', rows, (r) => r, false, { kind }, null);
  }

  /**
   * One write transaction per batch, recording `changes` of its items in it (null: nothing to record, the changes
   * were recorded with another batch); `counted` adds the items to the progress.
   */
  private async run<T>(
    file: string,
    items: readonly T[],
    toRow: (item: T) => object,
    counted: boolean,
    params: object,
    changes: ((item: T) => ChangeRecord[]) | null,
  ): Promise<void> {
    for (let start = 0; start < items.length; start += this.batchSize) {
      const batch = items.slice(start, start + this.batchSize);
      await this.db.writeTransaction(async (tx) => {
        if (changes) tx.record(batch.flatMap(changes));
        else tx.untracked('recorded with the entities created before');
        await tx.run(`interchange/${file}`, { ...params, rows: batch.map(toRow) });
      });
      if (counted) {
        this.done += batch.length;
        this.onProgress?.(this.done, this.total);
      }
    }
  }
}

/** Values of `items` grouped by key. */
function groupBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(value(item));
    else out.set(k, [value(item)]);
  }
  return out;
}
