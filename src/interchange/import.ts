// Imports an interchange document: checked whole first (any problem: nothing is written), then
// written in one write transaction, so it is all or nothing. Entities are upserted by id and
// each one's own relationships are replaced by the document's, so importing twice leaves the
// same graph. --replace leaves exactly the document's ecosystem (in the same transaction): the
// document is upserted onto what is there and everything it does not contain is deleted last,
// because deleted nodes in a transaction make every later MERGE by id in it many times slower
// (PROFILE: same db hits, 10-36x the time), which made deleting first the slowest part.
import type { CypherExecutor, WriteTransaction } from '../db/executor.js';
import { ENTITY_TYPES, type EntityType } from '../events/outbox.js';
import { decideRegistrationStatuses, type RegistrationCandidate } from '../deals/rules-of-engagement.js';
import type { RegistrationStatus } from '../model/vocabulary.js';
import { ProblemsError } from '../errors.js';
import { setExternalIds, type IdentityKind } from '../identity/identity.js';
import {
  checkEcosystemDocument,
  compareIds,
  jsonPath,
  type DealRecord,
  type DocumentProblem,
  type EcosystemDocument,
  type ExternalIdRecord,
  type Validity,
} from './format.js';
import { capabilityProperties, customerProperties, dealProperties, partnerProperties, solutionProperties } from './node-properties.js';
import { programInputOf, RULES_FIELDS, type RulesVersionRecord } from './policy-format.js';
import { rulesOf, type RulesVersion } from '../policy/rules-store.js';
import { ProgramSchema } from '../programs/program-inputs.js';
import { programProperties } from '../programs/program-service.js';

export interface ImportOptions {
  /** Empty the ecosystem first (every Partner, Capability, Customer, Solution, Deal, DealEvent). */
  replace?: boolean;
  /** Called after each batch with records written so far and the document's record count. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per UNWIND statement. */
  batchSize?: number;
}

export interface ImportCounts {
  capabilities: number;
  partners: number;
  customers: number;
  accounts: number;
  solutions: number;
  deals: number;
  /** Deals that did not exist before (each got an IMPORTED DealEvent). */
  dealsCreated: number;
  /** Capabilities, partners, customers, accounts, solutions and deals together (the policy aside). */
  records: number;
  /** Programs set (docs/ecosystem-format.md, "Policy and programs"), and their enrolments. */
  programs: number;
  enrolments: number;
  /** Rules-of-engagement versions in the document, and those of them the database did not have (the others are equal: a no-op). */
  rulesVersions: number;
  rulesVersionsCreated: number;
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; problems: DocumentProblem[] };

const DEFAULT_BATCH_SIZE = 5000;

export function recordCount(doc: EcosystemDocument): number {
  return (
    doc.capabilities.length + doc.partners.length + doc.customers.length + doc.accounts.length + doc.solutions.length + doc.deals.length
  );
}

/**
 * The document clashes with the database: an external id or a domain that another entity (not in
 * the document) has. Thrown inside the write, so the transaction is rolled back; the message lists
 * every problem as `path: message`.
 */
export class DocumentConflictError extends Error {
  constructor(readonly problems: DocumentProblem[]) {
    super(
      problems.map((p) => `${p.path}: ${p.message}`).join('\n') +
        `\n${problems.length} conflict${problems.length === 1 ? '' : 's'} with the database; nothing was imported.`,
    );
  }
}

/** Checks the whole document, then writes it in one transaction; with problems nothing is written. */
export async function importEcosystem(db: CypherExecutor, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const checked = checkEcosystemDocument(input);
  if (!checked.ok) return checked;
  try {
    return { ok: true, counts: await writeEcosystem(db, checked.doc, options) };
  } catch (err) {
    if (err instanceof DocumentConflictError) return { ok: false, problems: err.problems };
    throw err;
  }
}

/** Writes a document that checkEcosystemDocument accepted, all or nothing. */
export function writeEcosystem(db: CypherExecutor, doc: EcosystemDocument, options: ImportOptions = {}): Promise<ImportCounts> {
  return db.writeTransaction((tx) => new EcosystemWriter(tx, doc, options).write());
}

/**
 * Upserts a checked document with each statement in its own write transaction (MERGE, as the
 * one-transaction import does): for documents too big for one transaction. Not all or nothing:
 * a failure leaves the batches written before it.
 */
export function writeEcosystemInBatches(db: CypherExecutor, doc: EcosystemDocument, options: ImportOptions = {}): Promise<ImportCounts> {
  // What the writer tracks for the outbox goes into the transaction of each statement that follows it, until it
  // tracks again: one step may take several statements (setting external ids reads, then writes).
  let tracked: [EntityType, string[]][] = [];
  let ranSinceTrack = false;
  const perStatement: WriterTransaction = {
    track: async (type, ids) => {
      if (ranSinceTrack) tracked = [];
      ranSinceTrack = false;
      tracked.push([type, [...ids]]);
    },
    run: (name, params) => {
      ranSinceTrack = true;
      return db.writeTransaction(async (tx) => {
        for (const [type, ids] of tracked) await tx.track(type, ids);
        return tx.run(name, params);
      });
    },
  };
  return new EcosystemWriter(perStatement, doc, options).write();
}

/** What the writer needs of a transaction: statements and the outbox's tracking. */
type WriterTransaction = Pick<WriteTransaction, 'run' | 'track'>;

class EcosystemWriter {
  private done = 0;
  private readonly total: number;
  private readonly batchSize: number;

  constructor(
    private readonly tx: WriterTransaction,
    private readonly doc: EcosystemDocument,
    private readonly options: ImportOptions,
  ) {
    this.total = recordCount(doc);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  }

  async write(): Promise<ImportCounts> {
    const { doc } = this;
    this.done = 0;
    const { replace } = this.options;
    // Before anything is written (the batched import too): a version the database has must come back unchanged.
    const rules = replace ? rulesRows(doc) : await this.newRulesVersions();
    // The outbox (src/events/outbox.ts): with replace everything there is may change; otherwise the
    // document's entities, each tracked with its batch below.
    if (replace) {
      for (const label of ENTITY_TYPES) {
        const [row] = await this.tx.run<{ ids: string[] }>('events/list-entity-ids', { label });
        await this.tx.track(label, row?.ids ?? []);
      }
    }
    // Relationships only here (cheap for what follows); old accounts and events must not survive.
    if (replace) await this.tx.run('interchange/detach-accounts-and-events');
    this.options.onProgress?.(0, this.total);
    // Domains first: a document may move a domain between its customers.
    await this.freeDomains();

    // Nodes before the relationships that point at them.
    const byId = (type: EntityType) => ({ type, ids: (r: { id: string }) => [r.id] });
    await this.inBatches('interchange/upsert-capabilities', doc.capabilities, capabilityProperties, true, byId('Capability'));
    await this.externalIds('Capability', 'capabilities', doc.capabilities);
    await this.inBatches(
      'interchange/replace-capability-parents',
      doc.capabilities,
      (c) => ({ id: c.id, parentId: c.parentId ?? null }),
      false,
      byId('Capability'),
    );

    await this.inBatches('interchange/upsert-partners', doc.partners, partnerProperties, true, byId('Partner'));
    await this.externalIds('Partner', 'partners', doc.partners);
    await this.inBatches(
      'interchange/replace-partner-links',
      doc.partners,
      (p) => ({
        id: p.id,
        capabilities: p.capabilities,
        sharing: p.sharing,
      }),
      false,
      byId('Partner'),
    );
    await this.inBatches('interchange/create-integrations', integrationPairs(doc), (pair) => pair, false, {
      type: 'Partner',
      ids: (pair) => [pair.fromId, pair.toId],
    });

    await this.inBatches(
      'interchange/upsert-customers',
      doc.customers,
      (u) => ({ ...customerProperties(u), needs: u.needs }),
      true,
      byId('Customer'),
    );
    await this.externalIds('Customer', 'customers', doc.customers);
    await this.inBatches('interchange/upsert-accounts', accountPairs(doc), (pair) => pair, false, {
      type: 'Partner',
      ids: (pair) => [pair.partnerId],
    });
    this.done += doc.accounts.length;
    this.options.onProgress?.(this.done, this.total);
    await this.inBatches(
      'interchange/upsert-solutions',
      doc.solutions,
      (s) => ({ ...solutionProperties(s), requires: s.requires, members: s.members }),
      true,
      byId('Solution'),
    );
    await this.externalIds('Solution', 'solutions', doc.solutions);

    const statuses = await this.registrationStatuses();
    const existing = await this.existingDealIds();
    await this.inBatches(
      'interchange/upsert-deals',
      doc.deals,
      (d) => ({ ...dealProperties(d, statuses.get(d.id) ?? null), isNew: !existing.has(d.id), participants: d.participants }),
      true,
      byId('Deal'),
    );
    await this.externalIds('Deal', 'deals', doc.deals);

    if (replace) {
      await this.tx.run('interchange/delete-ecosystem-except', {
        capabilityIds: doc.capabilities.map((c) => c.id),
        partnerIds: doc.partners.map((p) => p.id),
        customerIds: doc.customers.map((u) => u.id),
        solutionIds: doc.solutions.map((x) => x.id),
        dealIds: doc.deals.map((d) => d.id),
      });
    }
    await writePolicy(this.tx, doc, replace === true, rules);

    return countsOf(doc, doc.deals.filter((d) => !existing.has(d.id)).length, this.total, rules.length);
  }

  /**
   * The document's rules versions the database does not have, as rows. Versions are history: one the database has
   * under the same number must be equal (then it is left as it is), else a CONFLICT problem at the first differing
   * field (DocumentConflictError: nothing is written).
   */
  private async newRulesVersions(): Promise<object[]> {
    const incoming = this.doc.rulesOfEngagement ?? [];
    if (incoming.length === 0) return [];
    const stored = new Map(
      (await this.tx.run<{ rules: Parameters<typeof rulesOf>[0] }>('policy/list-rules-versions')).map((r) => {
        const v = rulesOf(r.rules);
        return [v.version, v] as const;
      }),
    );
    const problems: DocumentProblem[] = [];
    const fresh: RulesVersionRecord[] = [];
    incoming.forEach((record, i) => {
      const have = stored.get(record.version);
      if (!have) {
        fresh.push(record);
        return;
      }
      const field = firstRulesDifference(have, record);
      if (field === null) return;
      problems.push({
        path: jsonPath(['rulesOfEngagement', i, field]),
        message:
          `rules of engagement version ${record.version} is stored with ${field} ${JSON.stringify(storedValue(have, field))}, ` +
          `not ${JSON.stringify(record[field] ?? null)}: versions are history and a merge import does not change them ` +
          `(give the next version a new number, or import with --replace to replace the whole history)`,
        code: 'CONFLICT',
      });
    });
    if (problems.length > 0) throw new DocumentConflictError(problems);
    return rulesRows({ ...this.doc, rulesOfEngagement: fresh });
  }

  /**
   * Takes the document's domains off the database's customers that have them: customers of the
   * document get theirs from it; with replace the others are about to go; otherwise another
   * customer's domain is a DOMAIN_TAKEN problem.
   */
  private async freeDomains(): Promise<void> {
    const wanted = this.doc.customers.flatMap((u, i) => (u.domain ? [{ domain: u.domain, id: u.id, index: i }] : []));
    if (wanted.length === 0) return;
    const inDocument = new Set(this.doc.customers.map((u) => u.id));
    const owners = await this.tx.run<{ domain: string; id: string }>('customers/find-customers-by-domain', {
      domains: wanted.map((w) => w.domain),
    });
    const problems: DocumentProblem[] = [];
    const release: string[] = [];
    for (const owner of owners) {
      const claim = wanted.find((w) => w.domain === owner.domain)!;
      if (owner.id === claim.id) continue;
      if (this.options.replace || inDocument.has(owner.id)) release.push(owner.id);
      else
        problems.push({
          path: jsonPath(['customers', claim.index, 'domain']),
          message: `the domain "${owner.domain}" belongs to customer "${owner.id}" in the database`,
          code: 'DOMAIN_TAKEN',
        });
    }
    if (problems.length > 0) throw new DocumentConflictError(problems);
    if (release.length > 0) {
      await this.tx.track('Customer', release);
      await this.tx.run('interchange/release-customer-domains', { ids: release });
    }
  }

  /**
   * Sets each entity's external ids to the document's (none when absent), batch by batch; a pair
   * that an entity outside the document has is an EXTERNAL_ID_TAKEN problem.
   */
  private async externalIds(
    kind: IdentityKind,
    key: 'capabilities' | 'partners' | 'customers' | 'solutions' | 'deals',
    records: readonly { id: string; externalIds?: ExternalIdRecord[] }[],
  ): Promise<void> {
    for (let start = 0; start < records.length; start += this.batchSize) {
      const batch = records.slice(start, start + this.batchSize).map((r) => ({ id: r.id, externalIds: r.externalIds ?? [] }));
      await this.tx.track(
        kind,
        batch.map((r) => r.id),
      );
      try {
        await setExternalIds(this.tx, kind, batch, (row, pair) => [String(start + row), String(pair)]);
      } catch (err) {
        if (!(err instanceof ProblemsError)) throw err;
        throw new DocumentConflictError(
          err.problems.map((p) => ({
            path: jsonPath([key, Number(p.path[0]), 'externalIds', Number(p.path[1])]),
            message: p.message,
            code: 'EXTERNAL_ID_TAKEN' as const,
          })),
        );
      }
    }
  }

  /** The document's deals that the database already has (the others get an IMPORTED event). */
  private async existingDealIds(): Promise<Set<string>> {
    const found = new Set<string>();
    // With replace the old ecosystem does not count: every deal is imported anew.
    if (this.options.replace) return found;
    for (let start = 0; start < this.doc.deals.length; start += this.batchSize) {
      const ids = this.doc.deals.slice(start, start + this.batchSize).map((d) => d.id);
      for (const row of await this.tx.run<{ id: string }>('interchange/find-existing-deals', { ids })) found.add(row.id);
    }
    return found;
  }

  /**
   * Statuses for the document's deals: kept when given, otherwise decided by the rules of
   * engagement together with the database's other deals on the same customers.
   */
  private async registrationStatuses(): Promise<Map<string, RegistrationStatus>> {
    const candidates: RegistrationCandidate[] = this.doc.deals.map(candidateOf);
    const undecidedCustomers = [...new Set(this.doc.deals.filter((d) => !d.registrationStatus).map((d) => d.customerId))];
    // With replace the database's other deals are about to go: only the document's count.
    if (undecidedCustomers.length > 0 && !this.options.replace) {
      const inDocument = new Set(this.doc.deals.map((d) => d.id));
      const stored = await this.tx.run<RegistrationCandidate>('interchange/list-registration-candidates', {
        customerIds: undecidedCustomers,
      });
      for (const row of stored) {
        if (inDocument.has(row.id)) continue;
        candidates.push({
          id: row.id,
          customerId: row.customerId,
          stage: row.stage,
          createdAt: row.createdAt,
          registrationStatus: row.registrationStatus,
          resellerIds: row.resellerIds,
        });
      }
    }
    return decideRegistrationStatuses(candidates);
  }

  /**
   * Runs a statement over the items in batches; `counted` adds them to the progress; `tracked` names the entities
   * each batch touches, tracked for the outbox right before it.
   */
  private async inBatches<T>(
    name: string,
    items: readonly T[],
    toRow: (item: T) => object,
    counted = false,
    tracked?: { type: EntityType; ids: (item: T) => string[] },
  ): Promise<void> {
    for (let start = 0; start < items.length; start += this.batchSize) {
      const batch = items.slice(start, start + this.batchSize);
      if (tracked) await this.tx.track(tracked.type, batch.flatMap(tracked.ids));
      await this.tx.run(name, { rows: batch.map(toRow) });
      if (counted) {
        this.done += batch.length;
        this.options.onProgress?.(this.done, this.total);
      }
    }
  }
}

type RulesField = (typeof RULES_FIELDS)[number];

/** A stored version's value of a field as the format writes it (setAt as an ISO instant, absent as null). */
function storedValue(v: RulesVersion, field: RulesField): unknown {
  if (field === 'setAt') return v.setAt?.toISOString() ?? null;
  return v[field] ?? null;
}

/** The first field (format order) where a document's version differs from the stored one; null when they are equal. */
function firstRulesDifference(stored: RulesVersion, record: RulesVersionRecord): RulesField | null {
  for (const field of RULES_FIELDS) {
    const have = storedValue(stored, field);
    const given = record[field] ?? null;
    const same =
      field === 'setAt'
        ? have !== null && Date.parse(have as string) === Date.parse(given as string)
        : field === 'conflictingRoles'
          ? JSON.stringify([...(have as string[])].sort()) === JSON.stringify([...(given as string[])].sort())
          : have === given;
    if (!same) return field;
  }
  return null;
}

/** What a write of the document amounted to; `rulesVersionsCreated` the versions written (a merge skips equal ones). */
export function countsOf(doc: EcosystemDocument, dealsCreated: number, records: number, rulesVersionsCreated: number): ImportCounts {
  return {
    capabilities: doc.capabilities.length,
    partners: doc.partners.length,
    customers: doc.customers.length,
    accounts: doc.accounts.length,
    solutions: doc.solutions.length,
    deals: doc.deals.length,
    dealsCreated,
    records,
    programs: doc.programs?.length ?? 0,
    enrolments: (doc.programs ?? []).reduce((n, p) => n + p.enrolments.length, 0),
    rulesVersions: doc.rulesOfEngagement?.length ?? 0,
    rulesVersionsCreated,
  };
}

export function candidateOf(d: DealRecord): RegistrationCandidate {
  return {
    id: d.id,
    customerId: d.customerId,
    stage: d.stage,
    createdAt: new Date(d.createdAt),
    registrationStatus: d.registrationStatus ?? null,
    resellerIds: d.participants.filter((p) => p.role === 'RESELLER').map((p) => p.partnerId),
  };
}

/** One row per integration interval, smaller id first (the document lists each on both partners). */
export function integrationPairs(doc: EcosystemDocument): { fromId: string; toId: string; since: string | null; until: string | null }[] {
  const pairs: { fromId: string; toId: string; since: string | null; until: string | null }[] = [];
  for (const p of doc.partners) {
    for (const link of p.integrations) {
      if (compareIds(p.id, link.partnerId) < 0)
        pairs.push({ fromId: p.id, toId: link.partnerId, since: link.since ?? null, until: link.until ?? null });
    }
  }
  return pairs;
}

/** The document's accounts grouped by pair: one row per (partner, customer) with its entries (intervals). */
export function accountPairs(
  doc: EcosystemDocument,
): { partnerId: string; customerId: string; entries: { status: string; since: string | null; until: string | null }[] }[] {
  const pairs = new Map<
    string,
    { partnerId: string; customerId: string; entries: { status: string; since: string | null; until: string | null }[] }
  >();
  for (const a of doc.accounts) {
    const key = `${a.partnerId}\u0000${a.customerId}`;
    const pair = pairs.get(key) ?? { partnerId: a.partnerId, customerId: a.customerId, entries: [] };
    pair.entries.push({ status: a.status, ...validityOf(a) });
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

/** A relationship's validity as Cypher parameters (null = none). */
export function validityOf(entry: Validity): { since: string | null; until: string | null } {
  return { since: entry.since ?? null, until: entry.until ?? null };
}

/** A program record as the Program node's properties and its enrolments' rows (the API's own checks and storage). */
export function programRows(doc: EcosystemDocument): { id: string; props: Record<string, unknown>; enrolments: object[] }[] {
  return (doc.programs ?? []).map((g) => ({
    id: g.id,
    props: programProperties(ProgramSchema.parse(programInputOf(g))),
    enrolments: g.enrolments.map((e) => ({
      partnerId: e.partnerId,
      since: e.since,
      exclusiveRegions: e.exclusiveTerritory.regions,
      exclusiveIndustries: e.exclusiveTerritory.industries,
    })),
  }));
}

/** A rules version record as upsert-rules-versions.cypher's row. */
export function rulesRows(doc: EcosystemDocument): object[] {
  return (doc.rulesOfEngagement ?? []).map((r) => ({
    ...r,
    protectionWindowDays: r.protectionWindowDays ?? null,
    note: r.note ?? null,
  }));
}

/**
 * The document's policy (docs/ecosystem-format.md, "Policy and programs"): the rules versions `rules` (rulesRows: the
 * document's, or in a merge those the database lacks) created (the counter moved to the highest), its programs set
 * with exactly their enrolments. With replace, versions and
 * programs the document lacks are removed first (no versions: back to the built-in defaults).
 */
async function writePolicy(tx: WriterTransaction, doc: EcosystemDocument, replace: boolean, rules: object[]): Promise<void> {
  const rows = programRows(doc);
  // The programs are tracked before each step (the rules versions are kept whole, not entities: see setRulesOfEngagement).
  await tx.track(
    'Program',
    rows.map((r) => r.id),
  );
  if (replace) {
    await tx.run('interchange/delete-rules-versions');
    const [existing] = await tx.run<{ ids: string[] }>('events/list-entity-ids', { label: 'Program' });
    await tx.track('Program', [...(existing?.ids ?? []), ...rows.map((r) => r.id)]);
    await tx.run('interchange/delete-programs-except', { ids: rows.map((r) => r.id) });
  }
  if (rules.length > 0) {
    await tx.track(
      'Program',
      rows.map((r) => r.id),
    );
    await tx.run('interchange/upsert-rules-versions', { rows: rules });
  }
  if (rows.length > 0) {
    await tx.track(
      'Program',
      rows.map((r) => r.id),
    );
    await tx.run('interchange/upsert-programs', { rows });
  }
}
