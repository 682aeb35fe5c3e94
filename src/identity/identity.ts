// Identity (issue 13): external ids, customer domains and normalised customer names, shared by the
// mutations, the interchange format and the CRM import so every door writes them the same way.
// Storage: an external id is an (:ExternalId {kind, system, value}) node that its entity links to
// by HAS_EXTERNAL_ID; the composite uniqueness constraint on (kind, system, value) (migration
// 005-identity) lets a pair belong to at most one entity of a kind, and set-external-ids.cypher
// refuses a pair another entity has inside the write transaction (CONFLICT at the pair's path).
import { z } from 'zod';
import type { CypherTransaction } from '../db/executor.js';
import { ProblemsError, type Problem } from '../errors.js';

/** An external system's name, as the interchange format fixes it: `salesforce`, `hubspot`, `aws-ace`. */
export const EXTERNAL_SYSTEM_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export interface ExternalIdValue {
  system: string;
  id: string;
}

/** The node label of each entity kind (the ExternalId nodes' `kind`). */
export type IdentityKind = 'Partner' | 'Capability' | 'Customer' | 'Solution' | 'Deal';

export const externalIdSchema = z.object({
  system: z
    .string()
    .regex(EXTERNAL_SYSTEM_PATTERN, 'must be 1-64 lower-case letters, digits or . _ - starting with a letter or digit, e.g. "salesforce"'),
  id: z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
});

/** A list of external ids: each (system, id) once (kept in input order, so a problem's path is the input's index; reads sort). */
export const externalIdsSchema = z.array(externalIdSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const key = externalKey(e);
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `(${e.system}, ${e.id}) is listed twice` });
    seen.add(key);
  });
});

/** One string per pair (system names cannot contain NUL). */
export function externalKey(e: ExternalIdValue): string {
  return `${e.system}\u0000${e.id}`;
}

/** Sorted by system, then id (UTF-16 code units), the format's order. */
export function sortExternalIds<T extends ExternalIdValue>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.system < b.system ? -1 : a.system > b.system ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---- Domains ----

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * A company's web domain as stored: lower case; scheme, user info, `www.`, path, query, port and
 * trailing dot removed; international names in their ASCII (punycode) form. "https://WWW.Northwind.example:8443/about"
 * → "northwind.example". Returns null when what is left is not a host name with at least two labels.
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  return HOSTNAME.test(host) ? host : null;
}

/** A domain input: normalised by normalizeDomain, BAD_USER_INPUT when it is not a domain. */
export const domainSchema = z.string().transform((v, ctx) => {
  const domain = normalizeDomain(v);
  if (domain === null) {
    ctx.addIssue({ code: 'custom', message: 'not a web domain such as "northwind.example" (a URL is accepted: its host is kept)' });
    return z.NEVER;
  }
  return domain;
});

/** True when `a` and `b` are the same domain or one is a sub-domain of the other (the SAME_DOMAIN rule). */
export function sameDomain(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The domain and every parent domain with at least two labels: "emea.northwind.example" → it, "northwind.example". */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

// ---- Names ----

/** Legal-form words dropped from the end of a name (issue 13). */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set(
  'inc incorporated llc ltd limited gmbh ag sa sas sarl spa bv nv plc pty corp corporation co company kk'.split(' '),
);

/**
 * The normalised name that decides SAME_NAME (issue 13, fixed so an outsider can compute it):
 * 1. Unicode NFKD, combining marks (\p{M}) dropped, lower-cased without a locale (`İ` → `i`);
 * 2. `.`, `'` and `’` deleted; every other run of characters that are not letters (\p{L}) or
 *    numbers (\p{N}) replaced by one space; trimmed;
 * 3. trailing legal-form words (LEGAL_FORM_WORDS) dropped, repeatedly.
 * "Northwind Traders, Inc." → "northwind traders". A name that is only legal forms normalises to
 * "", which matches no other name.
 */
export function normalizeCustomerName(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const words = folded
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 0 && LEGAL_FORM_WORDS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

// ---- Writing external ids ----

/**
 * Replaces the external ids of entities of one kind inside a write transaction. A pair another
 * entity of the kind has is a CONFLICT problem at `pathOf(rowIndex, pairIndex)` (the transaction
 * is rolled back by the ProblemsError).
 */
export async function setExternalIds(
  tx: CypherTransaction,
  kind: IdentityKind,
  rows: readonly { id: string; externalIds: readonly ExternalIdValue[] }[],
  pathOf: (rowIndex: number, pairIndex: number) => string[],
): Promise<void> {
  if (rows.length === 0) return;
  const refused = await tx.run<{ entityId: string; system: string; id: string; ownerId: string }>('identity/set-external-ids', {
    kind,
    rows: rows.map((r) => ({ id: r.id, externalIds: r.externalIds.map((e) => ({ system: e.system, id: e.id })) })),
  });
  if (refused.length === 0) return;
  const problems: Problem[] = refused.map((r) => {
    const rowIndex = rows.findIndex((row) => row.id === r.entityId);
    const pairIndex = rows[rowIndex]?.externalIds.findIndex((e) => e.system === r.system && e.id === r.id) ?? 0;
    return {
      path: pathOf(rowIndex, pairIndex),
      message: `The external id (${r.system}, ${r.id}) already belongs to ${kind.toLowerCase()} ${JSON.stringify(r.ownerId)}`,
      code: 'CONFLICT' as const,
    };
  });
  throw new ProblemsError(problems);
}

/** The id of the entity of `kind` with the external id, or null. */
export async function findByExternalId(
  tx: Pick<CypherTransaction, 'run'>,
  kind: IdentityKind,
  key: ExternalIdValue,
): Promise<string | null> {
  const [row] = await tx.run<{ id: string }>('identity/find-by-external-id', { kind, system: key.system, id: key.id });
  return row?.id ?? null;
}

/** For create inputs: the external ids to set (absent = none). */
export const createExternalIdsField = externalIdsSchema.nullish().transform((v) => v ?? []);
/** For update inputs: absent = unchanged; a list replaces the entity's external ids. */
export const updateExternalIdsField = externalIdsSchema.optional();

/** Sets one entity's external ids when `externalIds` is given (errors at input.externalIds.<i>). */
export async function writeExternalIds(
  tx: CypherTransaction,
  kind: IdentityKind,
  id: string,
  externalIds: readonly ExternalIdValue[] | undefined,
): Promise<void> {
  if (externalIds === undefined) return;
  await setExternalIds(tx, kind, [{ id, externalIds }], (_row, pair) => ['input', 'externalIds', String(pair)]);
}
