// Checks, inside a write transaction, that the ids an input refers to exist; each missing one is
// a NOT_FOUND problem at the path of the id, and the transaction is rolled back.
import type { CypherTransaction } from '../db/executor.js';
import { ProblemsError, type Problem } from '../errors.js';
import { notFound } from './problems.js';

const FINDERS = {
  partner: 'partners/find-existing-partners',
  capability: 'capabilities/find-existing-capabilities',
  customer: 'customers/find-existing-customers',
  solution: 'solutions/find-existing-solutions',
  deal: 'deals/find-existing-deals',
} as const;

export type EntityKind = keyof typeof FINDERS;

export interface Reference {
  kind: EntityKind;
  id: string;
  path: string[];
}

/** Throws ProblemsError listing every reference whose entity does not exist. */
export async function requireReferences(tx: CypherTransaction, references: Reference[]): Promise<void> {
  const problems: Problem[] = [];
  for (const kind of Object.keys(FINDERS) as EntityKind[]) {
    const wanted = references.filter((r) => r.kind === kind);
    if (wanted.length === 0) continue;
    const rows = await tx.run<{ id: string }>(FINDERS[kind], { ids: [...new Set(wanted.map((r) => r.id))] });
    const existing = new Set(rows.map((r) => r.id));
    for (const r of wanted) if (!existing.has(r.id)) problems.push(notFound(r.path, kind, r.id));
  }
  if (problems.length > 0) throw new ProblemsError(problems);
}

/** Throws ProblemsError with one problem (inside a transaction, to roll it back). */
export function fail(problem: Problem): never {
  throw new ProblemsError([problem]);
}

/** The GraphQL type names of the entity kinds, as relay/get-id-kinds answers them. */
export type EntityTypeName = 'Partner' | 'Capability' | 'Customer' | 'Solution' | 'Deal' | 'Program';

/**
 * Ids are unique across kinds (README, "Global object identification"): throws ProblemsError with a CONFLICT at
 * `path` when `id` already names an entity of a kind other than `kind`. The Entity uniqueness constraint of
 * migration 008 enforces the same at commit; this check names the path and the other kind first.
 */
export async function requireIdNotOtherKind(tx: CypherTransaction, kind: EntityTypeName, id: string, path: string[]): Promise<void> {
  const rows = await tx.run<{ kind: EntityTypeName }>('relay/get-id-kinds', { ids: [id] });
  const problem = otherKindProblem(
    kind,
    id,
    rows.map((r) => r.kind),
    path,
  );
  if (problem) fail(problem);
}

/** requireIdNotOtherKind's problem from the kinds that already have `id` (relay/get-id-kinds, in its order); null when none is another kind. */
export function otherKindProblem(kind: EntityTypeName, id: string, kinds: readonly EntityTypeName[], path: string[]): Problem | null {
  const other = kinds.find((k) => k !== kind);
  return other
    ? { path, message: `The id ${JSON.stringify(id)} is already a ${other}'s: ids are unique across kinds`, code: 'CONFLICT' }
    : null;
}
