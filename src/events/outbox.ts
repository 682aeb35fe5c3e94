// The outbox (issue 15): every committed write records its changes as :Change nodes in the SAME transaction
// (README, "Events"). A write path does not describe its changes: it names the entities it is about to touch
// (`tx.track('Deal', [id])`), and the executor's writeTransaction (src/db/executor.ts) snapshots them and their
// tracked relationships before the work, again after it, and records the difference right before commit. So a
// rolled-back write records nothing (the Change nodes go with the transaction), a committed one records exactly
// what changed, and a write transaction that changed the graph without tracking anything fails (OutboxError).
import type { Params, Row } from '../db/executor.js';

/** Entities the outbox tracks, each by its `id`. */
export const ENTITY_TYPES = ['Partner', 'Capability', 'Customer', 'Solution', 'Deal', 'Program'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * Relationships the outbox tracks, each by a composite id of its two ends joined by `|` (ids never contain `|`):
 * Account `partnerId|customerId`, PartnerCapability `partnerId|capabilityId`, Integration `smallerId|largerId`,
 * SharingGrant `fromPartnerId|toPartnerId` (the sharer first), Membership `partnerId|solutionId`, Participation
 * `partnerId|dealId`, CustomerNeed `customerId|capabilityId`, SolutionRequirement `solutionId|capabilityId`,
 * CapabilityParent `childId|parentId`, DealCustomer `dealId|customerId`, DealSolution `dealId|solutionId`, Enrolment
 * `partnerId|programId` (a partner's enrolment in a program).
 */
export const RELATIONSHIP_TYPES = [
  'Account',
  'PartnerCapability',
  'Integration',
  'SharingGrant',
  'Membership',
  'Participation',
  'CustomerNeed',
  'SolutionRequirement',
  'CapabilityParent',
  'DealCustomer',
  'DealSolution',
  'Enrolment',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
export type ChangeEntityType = EntityType | RelationshipType;

/** CREATED, UPDATED, DELETED; ENDED: a relationship closed by the time model (re-typed HAD_*, time-contract). */
export const CHANGE_KINDS = ['CREATED', 'UPDATED', 'DELETED', 'ENDED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One field's change: JSON values (date-times as RFC 3339 strings, integers beyond 2^53 as decimal strings); null = absent. */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** A change as recorded, before it has a sequence. */
export interface ChangeRecord {
  kind: ChangeKind;
  entityType: ChangeEntityType;
  entityId: string;
  /** Changed fields; for CREATED every field (before null), for DELETED/ENDED every field (after null). */
  fields: Record<string, FieldChange>;
  /**
   * The partners involved, to scope the change once the entity is gone (README, "Events"): a deal's participants,
   * a solution's members, the partners with an account on a customer or on its deals, an account's partner, a
   * grant's two ends, an integration's two partners; empty for partners and capabilities (public).
   */
  partnerIds: string[];
}

/** The outbox's failure: a programming error (a write path that tracked nothing), never a client's. */
export class OutboxError extends Error {}

/**
 * Properties kept out of `fields`: derived from other fields (search and identity indexes, and the copies kept on
 * accounts, capability holdings and participations for the as-of map, hubId and dealCreatedAt: migration 010-hub-ids), not facts.
 */
const DERIVED = new Set(['id', 'searchName', 'normalizedName', 'outboxLock', 'hubId', 'dealCreatedAt']);

const SNAPSHOT: Record<EntityType, string> = {
  Partner: 'events/snapshot-partners',
  Capability: 'events/snapshot-capabilities',
  Customer: 'events/snapshot-customers',
  Solution: 'events/snapshot-solutions',
  Deal: 'events/snapshot-deals',
  Program: 'events/snapshot-programs',
};

/** Ids per snapshot statement: large documents are snapshot in batches of this many entities. */
const SNAPSHOT_BATCH = 5000;

interface RelationshipState {
  type: RelationshipType;
  key: string;
  props: Record<string, unknown>;
  partnerIds: string[];
}

interface EntityState {
  eid: string | null;
  props: Record<string, unknown> | null;
  partnerIds: string[];
  rels: RelationshipState[];
  ended: string[];
}

interface SnapshotRow {
  id: string;
  eid: string | null;
  props: Record<string, unknown> | null;
  externalIds: string[] | null;
  partnerIds: string[] | null;
  rels: RelationshipState[] | null;
  ended: string[] | null;
  /** Fields read from relationships that are facts of the entity (a customer's distinctFrom), lists sorted here. */
  extra?: Record<string, unknown> | null;
}

type Run = <R = Row>(name: string, params?: Params) => Promise<R[]>;

/** One write transaction's tracking: what it touches, as it was before. */
export class ChangeTracker {
  private readonly before = new Map<EntityType, Map<string, EntityState>>();
  private exempt = false;
  private readonly explicit: ChangeRecord[] = [];

  constructor(private readonly run: Run) {}

  /**
   * Snapshots entities the transaction is about to touch (and their tracked relationships); idempotent per id.
   * `absent`: the caller found in this transaction that they do not exist and creates them with CREATE, which fails
   * on the id constraint if a concurrent transaction created one since: their "before" is absent, no snapshot read.
   */
  async track(type: EntityType, ids: Iterable<string>, hint?: 'absent'): Promise<void> {
    let known = this.before.get(type);
    if (!known) this.before.set(type, (known = new Map()));
    const fresh = [...new Set(ids)].filter((id) => !known.has(id));
    if (fresh.length === 0) return;
    if (hint === 'absent') {
      for (const id of fresh) known.set(id, { eid: null, props: null, partnerIds: [], rels: [], ended: [] });
      return;
    }
    // Lock what exists (found by a pure read), then snapshot it under the lock: its "before" cannot go stale.
    const found = await this.snapshot(type, fresh);
    const eids = [...found.values()].flatMap((s) => (s.eid ? [s.eid] : []));
    if (eids.length === 0) {
      for (const [id, state] of found) known.set(id, state);
      return;
    }
    for (let i = 0; i < eids.length; i += SNAPSHOT_BATCH) await this.run('events/lock-nodes', { eids: eids.slice(i, i + SNAPSHOT_BATCH) });
    for (const [id, state] of await this.snapshot(type, fresh)) known.set(id, state);
  }

  /**
   * Declares a write that changes no tracked fact (derived search names and normalised names, migrations'
   * bookkeeping, the outbox's own maintenance), so it records nothing without failing. `reason` is for readers.
   */
  untracked(reason: string): void {
    void reason;
    this.exempt = true;
  }

  /** Adds changes known without snapshots (recorded after the tracked ones). */
  record(changes: readonly ChangeRecord[]): void {
    this.explicit.push(...changes);
  }

  get tracksAnything(): boolean {
    return this.exempt || this.before.size > 0 || this.explicit.length > 0;
  }

  /** The changes between the snapshots taken by track() and now: entities created or updated, relationships, entities deleted. */
  async changes(): Promise<ChangeRecord[]> {
    const created: ChangeRecord[] = [];
    const deleted: ChangeRecord[] = [];
    const relsBefore = new Map<string, RelationshipState>();
    const relsAfter = new Map<string, RelationshipState>();
    const endedBefore = new Map<string, number>();
    const endedAfter = new Map<string, number>();
    for (const [type, states] of this.before) {
      const after = await this.snapshot(type, [...states.keys()]);
      for (const [id, was] of states) {
        const now = after.get(id)!;
        collect(was, relsBefore, endedBefore);
        collect(now, relsAfter, endedAfter);
        const change = diff(type, id, was.props, now.props, union(was.partnerIds, now.partnerIds), false);
        if (change) (change.kind === 'DELETED' ? deleted : created).push(change);
      }
    }
    const relationships: ChangeRecord[] = [];
    for (const key of new Set([...relsBefore.keys(), ...relsAfter.keys()])) {
      const was = relsBefore.get(key);
      const now = relsAfter.get(key);
      const rel = (was ?? now)!;
      const ended = !now && (endedAfter.get(key) ?? 0) > (endedBefore.get(key) ?? 0);
      const change = diff(
        rel.type,
        rel.key,
        was?.props ?? null,
        now?.props ?? null,
        union(was?.partnerIds ?? [], now?.partnerIds ?? []),
        ended,
      );
      if (change) relationships.push(change);
    }
    const order = (a: ChangeRecord, b: ChangeRecord) => (a.entityType + a.entityId < b.entityType + b.entityId ? -1 : 1);
    return [...created.sort(order), ...relationships.sort(order), ...deleted.sort(order), ...this.explicit];
  }

  private async snapshot(type: EntityType, ids: string[]): Promise<Map<string, EntityState>> {
    const out = new Map<string, EntityState>();
    for (let i = 0; i < ids.length; i += SNAPSHOT_BATCH) {
      const rows = await this.run<SnapshotRow>(SNAPSHOT[type], { ids: ids.slice(i, i + SNAPSHOT_BATCH) });
      for (const row of rows) {
        const extra = Object.entries(row.extra ?? {}).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]);
        const props =
          row.props === null ? null : { ...row.props, externalIds: [...(row.externalIds ?? [])].sort(), ...Object.fromEntries(extra) };
        out.set(row.id, { eid: row.eid, props, partnerIds: row.partnerIds ?? [], rels: row.rels ?? [], ended: row.ended ?? [] });
      }
    }
    return out;
  }
}

function collect(state: EntityState, rels: Map<string, RelationshipState>, ended: Map<string, number>): void {
  for (const rel of state.rels) rels.set(`${rel.type}|${rel.key}`, rel);
  const counts = new Map<string, number>();
  for (const key of state.ended) counts.set(key, (counts.get(key) ?? 0) + 1);
  // The same ended relationship appears in both ends' snapshots: count it once (the larger count).
  for (const [key, n] of counts) ended.set(key, Math.max(ended.get(key) ?? 0, n));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A JSON-safe value: dates as RFC 3339, integers beyond 2^53 as decimal strings (as the driver's values read back), lists and maps element-wise. */
export function jsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValue(v)]));
  return value;
}

function diff(
  type: ChangeEntityType,
  id: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  partnerIds: string[],
  ended: boolean,
): ChangeRecord | null {
  if (before === null && after === null) return null;
  const fields: Record<string, FieldChange> = {};
  for (const name of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    if (DERIVED.has(name)) continue;
    const b = jsonValue(before?.[name]);
    const a = jsonValue(after?.[name]);
    if (JSON.stringify(b) !== JSON.stringify(a)) fields[name] = { before: b, after: a };
  }
  const kind: ChangeKind = before === null ? 'CREATED' : after === null ? (ended ? 'ENDED' : 'DELETED') : 'UPDATED';
  if (kind === 'UPDATED' && Object.keys(fields).length === 0) return null;
  return { kind, entityType: type, entityId: id, fields, partnerIds };
}

/**
 * A CREATED change whose fields are `row`'s values except `omit` (ids and links that are changes of their own) and
 * nulls: for writes that know they create (the bulk load into an emptied database).
 */
export function createdChange(
  entityType: ChangeEntityType,
  entityId: string,
  row: object,
  partnerIds: readonly string[],
  omit: readonly string[] = [],
): ChangeRecord {
  const fields: Record<string, FieldChange> = {};
  for (const [name, value] of Object.entries(row)) {
    if (DERIVED.has(name) || omit.includes(name) || value === null || value === undefined) continue;
    fields[name] = { before: null, after: jsonValue(value) };
  }
  return { kind: 'CREATED', entityType, entityId, fields, partnerIds: [...new Set(partnerIds)].sort() };
}

/** Appends changes to the outbox in the calling transaction (events/record-changes); numbers come from the one counter. */
export async function appendChanges(run: Run, changes: readonly ChangeRecord[], actor: string): Promise<void> {
  for (let i = 0; i < changes.length; i += SNAPSHOT_BATCH) {
    const params = { actor, changes: changes.slice(i, i + SNAPSHOT_BATCH).map((c) => ({ ...c, fields: JSON.stringify(c.fields) })) };
    let [row] = await run<{ last: unknown }>('events/record-changes', params);
    if (row?.last == null) {
      // The counter is missing (a database emptied by hand): make it, then record.
      await run('events/create-change-counter');
      [row] = await run<{ last: unknown }>('events/record-changes', params);
    }
    if (row?.last == null) throw new OutboxError('the outbox could not record: no change counter');
  }
}
