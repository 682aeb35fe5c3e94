// Identity services: look-ups by external id, customer duplicate groups, merging customers and
// marking them distinct (README, "Identity"). The duplicate rule (issue 13): two customers are
// linked when their normalised names are equal and not empty (SAME_NAME) or their domains are
// equal or one is a sub-domain of the other (SAME_DOMAIN), unless the pair was marked distinct;
// a group is a connected component of those links with at least two customers.
import { z } from 'zod';
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { type Problem, ProblemsError } from '../errors.js';
import { policyDealOf, type RegistrationCandidate } from '../deals/rules-of-engagement.js';
import { decideAll, isOpenStage } from '../policy/rules.js';
import { currentRules, decisionParams } from '../policy/rules-store.js';
import { keysetPage, keysetRequest, type PageArgs } from '../relay/keyset.js';
import { pageArgs } from '../relay/ordered-pages.js';
import type { Connection, CustomerRow } from '../model/rows.js';
import { attempt, idSchema, type Outcome } from '../validation/problems.js';
import { requireReferences } from '../validation/references.js';
import { findByExternalId, type IdentityKind } from './identity.js';

export type DuplicateReason = 'SAME_DOMAIN' | 'SAME_NAME';
const REASON_ORDER: DuplicateReason[] = ['SAME_DOMAIN', 'SAME_NAME'];

/** One group: member ids ordered by id, the reasons of the links inside it in enum order. */
export interface DuplicateGroup {
  /** The smallest member id (the group's cursor). */
  id: string;
  memberIds: string[];
  reasons: DuplicateReason[];
}

export type DuplicateGroupConnection = Connection<DuplicateGroup>;

export interface DuplicateLink {
  a: string;
  b: string;
  reason: DuplicateReason;
}

/** The connected components (size ≥ 2) of the links, each with its members sorted and its reasons; groups ordered by smallest id. */
export function groupsOf(links: readonly DuplicateLink[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (x !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const { a, b } of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const reasons = new Map<string, Set<DuplicateReason>>();
  for (const { a, reason } of links) {
    const root = find(a);
    const set = reasons.get(root) ?? new Set<DuplicateReason>();
    set.add(reason);
    reasons.set(root, set);
  }
  return [...members.entries()]
    .filter(([, ids]) => ids.length >= 2)
    .map(([root, ids]) => {
      const sorted = ids.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      return { id: sorted[0]!, memberIds: sorted, reasons: REASON_ORDER.filter((r) => reasons.get(root)?.has(r)) };
    })
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Every duplicate link in the database, pairs marked distinct left out. The customers sharing one
 * normalised name are linked in a chain, not pairwise (same components, linear in the group's
 * size); only members with a distinct mark inside the group are linked pair by pair.
 */
async function readLinks(db: Pick<CypherTransaction, 'run'>): Promise<DuplicateLink[]> {
  const distinct = new Set((await db.run<{ a: string; b: string }>('identity/list-distinct-pairs')).map((p) => pairKey(p.a, p.b)));
  const marked = new Set([...distinct].flatMap((k) => k.split('\u0000')));
  const links: DuplicateLink[] = [];
  for (const row of await db.run<{ reason: DuplicateReason; ids: string[] }>('identity/list-duplicate-links')) {
    const ids = [...new Set(row.ids)];
    const unmarked = ids.filter((id) => !marked.has(id));
    const rest = ids.filter((id) => marked.has(id));
    // Unmarked members are linked to each other: a chain keeps them one component.
    for (let i = 1; i < unmarked.length; i++) links.push({ a: unmarked[i - 1]!, b: unmarked[i]!, reason: row.reason });
    for (let i = 0; i < rest.length; i++) {
      // A marked member is not distinct from an unmarked one: one link joins it to them.
      if (unmarked.length > 0) links.push({ a: rest[i]!, b: unmarked[0]!, reason: row.reason });
      for (let j = i + 1; j < rest.length; j++) {
        if (!distinct.has(pairKey(rest[i]!, rest[j]!))) links.push({ a: rest[i]!, b: rest[j]!, reason: row.reason });
      }
    }
  }
  return links;
}

/** Every duplicate group, ordered by smallest member id (the re-decision of an import reads them all). */
export async function allDuplicateGroups(tx: Pick<CypherTransaction, 'run'>): Promise<DuplicateGroup[]> {
  return groupsOf(await readLinks(tx));
}

/**
 * The duplicate group of a customer inside a transaction (breadth-first over
 * get-duplicate-neighbours): the customer's id and every customer linked to it, sorted, with
 * the reasons; just [customerId] when it has no duplicates.
 */
/** A customer's duplicate group: its members' ids (the customer included) and why they were linked. */
export interface DuplicateGroupInfo {
  memberIds: string[];
  reasons: DuplicateReason[];
}

export async function duplicateGroupOf(tx: Pick<CypherTransaction, 'run'>, customerId: string): Promise<DuplicateGroupInfo> {
  const seen = new Set([customerId]);
  const reasons = new Set<DuplicateReason>();
  let frontier = [customerId];
  while (frontier.length > 0) {
    const rows = await tx.run<{ id: string; otherId: string; reason: DuplicateReason }>('identity/get-duplicate-neighbours', {
      ids: frontier,
    });
    frontier = [];
    for (const row of rows) {
      reasons.add(row.reason);
      if (!seen.has(row.otherId)) {
        seen.add(row.otherId);
        frontier.push(row.otherId);
      }
    }
  }
  return { memberIds: [...seen].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)), reasons: REASON_ORDER.filter((r) => reasons.has(r)) };
}

const MergeInput = z
  .object({ intoId: idSchema, fromIds: z.array(idSchema).min(1, 'name at least one customer to merge') })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.fromIds.forEach((id, i) => {
      if (id === input.intoId) ctx.addIssue({ code: 'custom', path: ['fromIds', i], message: 'a customer cannot be merged into itself' });
      else if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['fromIds', i], message: `${JSON.stringify(id)} is listed twice` });
      seen.add(id);
    });
  });

const DistinctInput = z.object({
  ids: z
    .array(idSchema)
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length >= 2, 'name at least two different customers'),
});

/** customerDuplicates' order: by the smallest member id, the group's id (an id order: the cursor is the id's). */
const DUPLICATE_GROUP_ORDER = 'DUPLICATE_GROUP:ID';

export class IdentityService {
  constructor(private readonly db: CypherExecutor) {}

  /** The id of the entity of `kind` with this external id, or null (the caller loads it, scoped). */
  async idByExternalId(kind: IdentityKind, system: string, id: string): Promise<string | null> {
    return findByExternalId({ run: (name, params) => this.db.read(name, params) }, kind, { system, id });
  }

  /**
   * A page of duplicate groups ordered by their smallest member id: `first` (0 to 100, default 20) after `after`, or
   * the `last` before `before` (keysetRequest's rules; the cursor is the id order's, so cursors given before stay
   * valid). BadInputError at the argument for a count out of range or a cursor of another order.
   */
  async customerDuplicates(args: PageArgs): Promise<Connection<DuplicateGroup>> {
    const request = keysetRequest(DUPLICATE_GROUP_ORDER, false, pageArgs(args));
    const groups = groupsOf(await this.db.readTransaction((tx) => readLinks(tx)));
    // Read in the request's direction from its cursor, as a keyset file would, then keysetPage puts it in order.
    const from = request.from;
    const read = request.descending ? [...groups].reverse() : groups;
    const rest = from === null ? read : read.filter((g) => (request.descending ? g.id < from.id : g.id > from.id));
    const { edges, pageInfo } = keysetPage(DUPLICATE_GROUP_ORDER, request, rest.slice(0, request.size + 1), (g) => ({
      key: g.id,
      id: g.id,
    }));
    return { edges, pageInfo, totalCount: () => Promise.resolve(groups.length) };
  }

  /**
   * Merges `fromIds` into `intoId` in one write transaction (see merge-customer-into.cypher for
   * what moves and which values win); then the rules of engagement decide the moved open deals
   * again among the merged customer's (and its duplicate group's) deals, each change recorded as
   * a STATUS_CHANGED event. Returns the merged customer; CONFLICT at input.fromIds.<i> (nothing written) when a
   * partner's accounts on intoId would overlap in time (refuseOverlappingAccounts; README "Time").
   */
  mergeCustomers(input: unknown): Promise<Outcome<CustomerRow>> {
    return attempt(MergeInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(tx, [
          { kind: 'customer', id: i.intoId, path: ['input', 'intoId'] },
          ...i.fromIds.map((id, n) => ({ kind: 'customer' as const, id, path: ['input', 'fromIds', String(n)] })),
        ]);
        for (const id of [i.intoId, ...i.fromIds].sort()) await tx.run('deals/lock-customer-deals', { customerId: id });
        // The outbox: the customers, and the deals that move or are decided again (src/events/outbox.ts).
        await tx.track('Customer', [i.intoId, ...i.fromIds]);
        const [held] = await tx.run<{ dealIds: string[] }>('events/list-customer-deal-ids', { ids: [i.intoId, ...i.fromIds] });
        await tx.track('Deal', held?.dealIds ?? []);
        const at = new Date();
        const moved: string[] = [];
        for (const [n, fromId] of i.fromIds.entries()) {
          await refuseOverlappingAccounts(tx, i.intoId, fromId, ['input', 'fromIds', String(n)]);
          const [row] = await tx.run<{ movedDealIds: string[] }>('identity/merge-customer-into', { intoId: i.intoId, fromId, at });
          moved.push(...(row?.movedDealIds ?? []));
        }
        await redecideMovedDeals(
          tx,
          i.intoId,
          new Set(moved),
          at,
          `Rules of engagement after merging ${i.fromIds.join(', ')} into ${i.intoId}`,
        );
        const [node] = await tx.run<{ node: CustomerRow }>('customers/get-customers-by-ids', { ids: [i.intoId] });
        return node!.node;
      }),
    );
  }

  /** Marks every pair of the customers as distinct companies; NOT_FOUND at ids.<i> for an unknown one. */
  markCustomersDistinct(args: unknown): Promise<Outcome<CustomerRow[]>> {
    return attempt(DistinctInput, args, [], (a) =>
      this.db.writeTransaction(async (tx) => {
        await requireReferences(
          tx,
          a.ids.map((id, n) => ({ kind: 'customer' as const, id, path: ['ids', String(n)] })),
        );
        await tx.track('Customer', a.ids);
        await tx.run('identity/mark-customers-distinct', { ids: a.ids });
        const rows = await tx.run<{ node: CustomerRow }>('customers/get-customers-by-ids', { ids: [...a.ids].sort() });
        return rows.map((r) => r.node);
      }),
    );
  }
}

/**
 * Takes the locks of the customer's duplicate group (in id order, so two registrations on one
 * group cannot deadlock) and reads the deals of every customer in it: the rules of engagement
 * treat one duplicate group as one customer until merged or marked distinct (issue 13).
 */
export async function lockedGroupDeals(
  tx: CypherTransaction,
  customerId: string,
  excludeDealId: string | null,
): Promise<{ others: RegistrationCandidate[]; group: DuplicateGroupInfo }> {
  const group = await duplicateGroupOf(tx, customerId);
  // Every member's lock (in sorted order), then their deals, in one statement.
  const others = await tx.run<RegistrationCandidate>('deals/lock-customers-get-deals-for-rules', {
    customerIds: group.memberIds,
    excludeDealId,
  });
  return { others, group };
}

interface AccountInterval {
  status: string;
  since: Date | null;
  until: Date | null;
}

/** An interval as `[since, until)` in a message: ISO instants, `…` for an open bound. */
const interval = (a: AccountInterval) => `${a.status} [${a.since?.toISOString() ?? '…'}, ${a.until?.toISOString() ?? '…'})`;

/**
 * Refuses (CONFLICT at `path`, rolling the transaction back) a merge step that would leave a partner with two accounts
 * on `intoId` overlapping in time (README "Time": a partner's accounts on one customer never overlap, as the
 * interchange format requires): an account of `fromId` that moves (every ended one, and the current one unless it is
 * joined with a current one on `intoId`) against any account the partner holds on `intoId`. One problem per pair.
 */
async function refuseOverlappingAccounts(tx: CypherTransaction, intoId: string, fromId: string, path: string[]): Promise<void> {
  const overlaps = await tx.run<{ partnerId: string; incoming: AccountInterval; existing: AccountInterval }>(
    'identity/find-merge-account-overlaps',
    { intoId, fromId },
  );
  if (overlaps.length === 0) return;
  throw new ProblemsError(
    overlaps.map((o) => ({
      path,
      code: 'CONFLICT' as const,
      message: `Partner ${JSON.stringify(o.partnerId)}'s account ${interval(o.incoming)} on ${JSON.stringify(fromId)} overlaps its account ${interval(o.existing)} on ${JSON.stringify(intoId)}; a partner's accounts on one customer may not overlap in time`,
    })),
  );
}

/** The open deals among `movedIds` get a status again from the rules, among the group's deals; changes are recorded. */
async function redecideMovedDeals(
  tx: CypherTransaction,
  customerId: string,
  movedIds: ReadonlySet<string>,
  at: Date,
  note: string,
): Promise<void> {
  if (movedIds.size === 0) return;
  // The whole group is one customer to the rules (it is now: the customers were merged).
  const rules = await currentRules(tx);
  const deals = (await lockedGroupDeals(tx, customerId, null)).others.map((d) => ({ ...policyDealOf(d), customerId }));
  const before = new Map(deals.map((d) => [d.id, d.registrationStatus]));
  const decisions = decideAll(
    rules,
    deals.map((d) => (movedIds.has(d.id) && isOpenStage(d.stage) ? { ...d, registrationStatus: null } : d)),
  );
  for (const d of deals) {
    const decision = decisions.get(d.id);
    if (movedIds.has(d.id) && isOpenStage(d.stage) && decision && decision.status !== before.get(d.id)) {
      await tx.run('deals/record-deal-status', { dealId: d.id, status: decision.status, at, note });
      await tx.run('policy/record-registration-decision', { dealId: d.id, at, ...decisionParams(decision) });
    }
  }
}

/** Problems for names of one kind (used by the CRM import and registerDeal). */
export function notFoundByExternalId(path: string[], kind: string, system: string, id: string): Problem {
  return { path, message: `No ${kind} with external id (${system}, ${id})`, code: 'NOT_FOUND' };
}
