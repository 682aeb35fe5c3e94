// The JSON interchange format, version 2 (version 1 still read; identity fields and validity in time) (docs: docs/ecosystem-format.md, README
// "Import and export"). checkEcosystemDocument checks a whole document and lists every problem
// with its JSON path; a document without problems comes back with defaults applied and values
// normalised (datetimes as toISOString, amounts with the currency's minor digits, integrations
// listed on both partners), so it is exactly what an export of the imported graph writes.
import { z } from 'zod';
import { externalIdSchema, externalKey, normalizeDomain, sortExternalIds } from '../identity/identity.js';
import { checkAmountText, formatMinor, isCurrency, MoneyError, parseAmount } from '../money/money.js';
import { codeSchema, ID_PATTERN, nameSchema, textSchema, websiteSchema } from '../validation/problems.js';
import { parseJsonBytes, parseJsonText, type JsonTextResult } from './json-text.js';
import { programRecordSchema, rulesVersionSchema, type ProgramRecord, type RulesVersionRecord } from './policy-format.js';
import { utcInstant } from '../time/calendar.js';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  CAPABILITY_LEVELS,
  type CapabilityLevel,
  CUSTOMER_SEGMENTS,
  type CustomerSegment,
  DEAL_ROLES,
  DEAL_STAGES,
  type DealRole,
  type DealStage,
  LIFECYCLE_STAGES,
  type LifecycleStage,
  PARTNER_TIERS,
  PARTNER_TYPES,
  type PartnerTier,
  type PartnerType,
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  SHARING_LEVELS,
  type SharingLevel,
  SOLUTION_STATUSES,
  type SolutionStatus,
} from '../model/vocabulary.js';

/** The API's id pattern (src/validation/problems.ts). */
export const ENTITY_ID_PATTERN = ID_PATTERN;

export type DocumentProblemCode =
  | 'INVALID_ENCODING'
  | 'INVALID_JSON'
  | 'DUPLICATE_KEY'
  | 'UNSUPPORTED_VERSION'
  | 'REQUIRED'
  | 'UNKNOWN_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'INVALID_ID'
  | 'INVALID_DATETIME'
  | 'INVALID_CURRENCY'
  | 'INVALID_AMOUNT'
  | 'DUPLICATE_ID'
  | 'DUPLICATE_ENTRY'
  | 'DUPLICATE_ACCOUNT'
  | 'DUPLICATE_PARTICIPANT'
  | 'SEVERAL_SOURCED'
  | 'DANGLING_REFERENCE'
  | 'SELF_REFERENCE'
  | 'TAXONOMY_CYCLE'
  | 'CLOSED_AT_REQUIRED'
  | 'CLOSED_AT_NOT_ALLOWED'
  | 'INVALID_DOMAIN'
  | 'DUPLICATE_EXTERNAL_ID'
  | 'DUPLICATE_DOMAIN'
  /** On import: another entity of the kind in the database has the external id. */
  | 'EXTERNAL_ID_TAKEN'
  /** On import: another customer in the database has the domain. */
  | 'DOMAIN_TAKEN'
  /** On a merge import: a rules-of-engagement version the database has under the same number, with another value. */
  | 'CONFLICT'
  /** A since, until or history `at` later than the check's now (ecosystem-format.md, "Validity in time"; README "Time"). */
  | 'FUTURE_DATETIME'
  /** An interval whose until is not after its since. */
  | 'INVALID_INTERVAL'
  /** Two intervals of the same pair (and capability) that share an instant. */
  | 'OVERLAPPING_INTERVAL'
  /** A stageHistory or tierHistory not strictly increasing in `at`. */
  | 'HISTORY_NOT_SORTED'
  /** A history whose last entry is not the partner's current stage or tier. */
  | 'HISTORY_MISMATCH';

/** One problem of a document: where (a JSON path such as `$.deals[3].amount`), what, and a code. */
export interface DocumentProblem {
  path: string;
  message: string;
  code: DocumentProblemCode;
}

export type DocumentCheck = { ok: true; doc: EcosystemDocument } | { ok: false; problems: DocumentProblem[] };

// ---- The document as the importer takes it and the exporter writes it ----

/** A record's key in another system (format version 2); lists are sorted by system, then id, and left out when empty. */
export interface ExternalIdRecord {
  system: string;
  id: string;
}

export interface CapabilityRecord {
  id: string;
  name: string;
  category?: string;
  parentId?: string;
  description?: string;
  externalIds?: ExternalIdRecord[];
}

/**
 * Validity of a relationship (format version 2, "Validity in time"): it holds at T when since <= T < until; no since =
 * always before, no until = still holds. RFC 3339, normalised to toISOString; never in the future.
 */
export interface Validity {
  since?: string;
  until?: string;
}

export interface StageChange {
  stage: LifecycleStage;
  at: string;
}

export interface TierChange {
  tier: PartnerTier;
  at: string;
}

export interface PartnerRecord {
  id: string;
  name: string;
  types: PartnerType[];
  tier: PartnerTier;
  lifecycleStage: LifecycleStage;
  regions: string[];
  industries: string[];
  website?: string;
  capabilities: ({ capabilityId: string; level: CapabilityLevel } & Validity)[];
  /** Integrations with their validity, listed on both partners (version 2; a checked document has these). */
  integrations: ({ partnerId: string } & Validity)[];
  /** Version 1's integrations (read, folded into `integrations` by the check, never written). */
  integratesWith?: string[];
  sharing: ({ partnerId: string; level: SharingLevel } & Validity)[];
  /** Sorted by at; the last entry is lifecycleStage. Left out when empty. */
  stageHistory?: StageChange[];
  /** Sorted by at; the last entry is tier. Left out when empty. */
  tierHistory?: TierChange[];
  externalIds?: ExternalIdRecord[];
}

export interface CustomerRecord {
  id: string;
  name: string;
  industry?: string;
  region?: string;
  segment?: CustomerSegment;
  needs: string[];
  /** Normalised (identity.ts normalizeDomain); at most one customer per domain. */
  domain?: string;
  externalIds?: ExternalIdRecord[];
}

/** An account over an interval: a pair may have several when their intervals do not overlap. */
export interface AccountRecord extends Validity {
  partnerId: string;
  customerId: string;
  status: AccountStatus;
}

export interface SolutionRecord {
  id: string;
  name: string;
  description?: string;
  status: SolutionStatus;
  requires: string[];
  members: ({ partnerId: string; role: PartnerType } & Validity)[];
  regions: string[];
  industries: string[];
  externalIds?: ExternalIdRecord[];
}

export interface ParticipantRecord {
  partnerId: string;
  role: DealRole;
  sourced: boolean;
  registeredAt: string;
}

export interface DealRecord {
  id: string;
  name: string;
  customerId: string;
  solutionId?: string;
  stage: DealStage;
  /** A decimal string with exactly the currency's minor digits. */
  amount: string;
  currency: string;
  createdAt: string;
  closedAt?: string;
  participants: ParticipantRecord[];
  /** Absent in a document means: decide it by the rules of engagement on import. */
  registrationStatus?: RegistrationStatus;
  externalIds?: ExternalIdRecord[];
}

export interface EcosystemDocument {
  /** Read: 1 or 2; a checked document and every export are version 2. */
  formatVersion: 1 | 2;
  capabilities: CapabilityRecord[];
  partners: PartnerRecord[];
  customers: CustomerRecord[];
  accounts: AccountRecord[];
  solutions: SolutionRecord[];
  deals: DealRecord[];
  /** Every version of the rules of engagement, by version; left out when none was set. */
  rulesOfEngagement?: RulesVersionRecord[];
  /** The partner programs with their enrolments, by id; left out when there are none. */
  programs?: ProgramRecord[];
}

export function isClosedStage(stage: string): boolean {
  return stage.startsWith('CLOSED_');
}

// ---- Shapes (zod) ----

function coded(code: DocumentProblemCode, message: string) {
  return { message, params: { code } };
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

/** An RFC 3339 date-time (seconds required, Z or an offset) that names a real instant. */
export function isRfc3339DateTime(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = utcInstant(year, month, 0).getUTCDate();
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetOk &&
    !Number.isNaN(new Date(value.toUpperCase()).getTime())
  );
}

/** The form the database round-trips: milliseconds, UTC, `Z`. */
export function normaliseDateTime(value: string): string {
  return new Date(value.toUpperCase()).toISOString();
}

const entityId = z
  .string()
  .refine((v) => ENTITY_ID_PATTERN.test(v), coded('INVALID_ID', 'not an id: a letter or digit, then up to 127 letters, digits or . _ : -'));
// Names, codes, texts and URLs are the API's own schemas (src/validation/problems.ts): the same
// lengths, trimming and Unicode rules at both doors.
const nonEmptyText = textSchema.min(1, 'must not be empty');
const codes = z.array(codeSchema).default([]);
const dateTime = z
  .string()
  .refine(isRfc3339DateTime, coded('INVALID_DATETIME', 'not an RFC 3339 date-time such as "2024-05-01T09:30:00Z"'))
  .transform(normaliseDateTime);
const validity = { since: dateTime.optional(), until: dateTime.optional() };
const currency = z.string().refine(isCurrency, coded('INVALID_CURRENCY', 'not an ISO 4217 currency code such as "USD"'));
const externalIds = z.array(z.strictObject(externalIdSchema.shape)).optional();
const domain = z.string().transform((v, ctx) => {
  const normal = normalizeDomain(v);
  if (normal === null) {
    ctx.addIssue({ code: 'custom', message: 'not a web domain such as "northwind.example"', params: { code: 'INVALID_DOMAIN' } });
    return z.NEVER;
  }
  return normal;
});

const CapabilitySchema = z.strictObject({
  id: entityId,
  name: nameSchema,
  category: nonEmptyText.optional(),
  parentId: entityId.optional(),
  description: textSchema.optional(),
  externalIds,
});

const PartnerSchema = z.strictObject({
  id: entityId,
  name: nameSchema,
  types: z.array(z.enum(PARTNER_TYPES)).min(1, 'a partner has at least one type'),
  tier: z.enum(PARTNER_TIERS).default('REGISTERED'),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).default('ACTIVE'),
  regions: codes,
  industries: codes,
  website: websiteSchema.optional(),
  capabilities: z
    .array(z.strictObject({ capabilityId: entityId, level: z.enum(CAPABILITY_LEVELS).default('BASIC'), ...validity }))
    .default([]),
  integratesWith: z.array(entityId).default([]),
  integrations: z.array(z.strictObject({ partnerId: entityId, ...validity })).default([]),
  sharing: z.array(z.strictObject({ partnerId: entityId, level: z.enum(SHARING_LEVELS), ...validity })).default([]),
  stageHistory: z.array(z.strictObject({ stage: z.enum(LIFECYCLE_STAGES), at: dateTime })).default([]),
  tierHistory: z.array(z.strictObject({ tier: z.enum(PARTNER_TIERS), at: dateTime })).default([]),
  externalIds,
});

const CustomerSchema = z.strictObject({
  id: entityId,
  name: nameSchema,
  industry: codeSchema.optional(),
  region: codeSchema.optional(),
  segment: z.enum(CUSTOMER_SEGMENTS).optional(),
  needs: z.array(entityId).default([]),
  domain: domain.optional(),
  externalIds,
});

const AccountSchema = z.strictObject({
  partnerId: entityId,
  customerId: entityId,
  status: z.enum(ACCOUNT_STATUSES),
  ...validity,
});

const SolutionSchema = z.strictObject({
  id: entityId,
  name: nameSchema,
  description: textSchema.optional(),
  status: z.enum(SOLUTION_STATUSES).default('DRAFT'),
  requires: z.array(entityId).default([]),
  members: z.array(z.strictObject({ partnerId: entityId, role: z.enum(PARTNER_TYPES), ...validity })).default([]),
  regions: codes,
  industries: codes,
  externalIds,
});

const DealSchema = z.strictObject({
  id: entityId,
  name: nameSchema,
  customerId: entityId,
  solutionId: entityId.optional(),
  stage: z.enum(DEAL_STAGES),
  // Checked against the currency after the shape (see checkAmount).
  amount: z.string({ error: (i) => (i.input === undefined ? undefined : 'not a decimal string such as "125000.50" (never a number)') }),
  currency,
  createdAt: dateTime,
  closedAt: dateTime.optional(),
  participants: z
    .array(
      z.strictObject({
        partnerId: entityId,
        role: z.enum(DEAL_ROLES),
        sourced: z.boolean().default(false),
        registeredAt: dateTime.optional(),
      }),
    )
    .default([]),
  registrationStatus: z.enum(REGISTRATION_STATUSES).optional(),
  externalIds,
});

const DocumentSchema = z.strictObject({
  formatVersion: z.literal([1, 2], { error: (i) => (i.input === undefined ? undefined : 'only format versions 1 and 2 are supported') }),
  capabilities: z.array(CapabilitySchema).default([]),
  partners: z.array(PartnerSchema).default([]),
  customers: z.array(CustomerSchema).default([]),
  accounts: z.array(AccountSchema).default([]),
  solutions: z.array(SolutionSchema).default([]),
  deals: z.array(DealSchema).default([]),
  rulesOfEngagement: z.array(rulesVersionSchema(dateTime)).default([]),
  programs: z.array(programRecordSchema(entityId, dateTime)).default([]),
});

type ParsedDocument = z.output<typeof DocumentSchema>;

// ---- Paths ----

export type PathSegment = string | number;

export function jsonPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (path, s) =>
      typeof s === 'number' ? `${path}[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `${path}.${s}` : `${path}[${JSON.stringify(s)}]`,
    '$',
  );
}

function shapeProblems(issues: readonly z.core.$ZodIssue[]): DocumentProblem[] {
  return issues.flatMap((issue): DocumentProblem[] => {
    const at = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: jsonPath([...at, key]), message: `unknown field "${key}"`, code: 'UNKNOWN_FIELD' }));
      case 'invalid_type':
        if (issue.input === undefined) return [{ path: jsonPath(at), message: 'required', code: 'REQUIRED' }];
        return [{ path: jsonPath(at), message: issue.message.replace(/^Invalid input: /, ''), code: 'INVALID_TYPE' }];
      case 'invalid_value':
        if (issue.input === undefined) return [{ path: jsonPath(at), message: 'required', code: 'REQUIRED' }];
        return [
          {
            path: jsonPath(at),
            message: issue.message.replace(/^Invalid (input|option): /, ''),
            code: at.length === 1 && at[0] === 'formatVersion' ? 'UNSUPPORTED_VERSION' : 'INVALID_VALUE',
          },
        ];
      case 'custom': {
        const code = (issue.params as { code?: DocumentProblemCode } | undefined)?.code ?? 'INVALID_VALUE';
        return [{ path: jsonPath(at), message: issue.message, code }];
      }
      default:
        return [{ path: jsonPath(at), message: issue.message, code: 'INVALID_VALUE' }];
    }
  });
}

// ---- Checks beyond shapes, on the raw input so they run even where some shapes failed ----

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_ID_PATTERN.test(value);
}

/** [index, element] of the array at raw[key], objects only (the shape check reports the rest). */
function objectsOf(raw: unknown, key: string): [number, Raw][] {
  const list = isObject(raw) ? raw[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e, i): [number, Raw][] => (isObject(e) ? [[i, e]] : []));
}

/** The value when it is an id, else undefined (the shape check reports it). */
function idOr(value: unknown): string | undefined {
  return isId(value) ? value : undefined;
}

function valuesOf(raw: Raw, key: string): [number, unknown][] {
  const list = raw[key];
  return Array.isArray(list) ? list.map((v, i): [number, unknown] => [i, v]) : [];
}

const KIND_NOUN = { capabilities: 'capability', partners: 'partner', customers: 'customer', solutions: 'solution', deals: 'deal' } as const;
type Kind = keyof typeof KIND_NOUN;

class ReferenceChecker {
  readonly problems: DocumentProblem[] = [];
  private readonly ids = {} as Record<Kind, Map<string, number>>;

  /** Dates after this are FUTURE_DATETIME. */
  private readonly now = Date.now();

  constructor(private readonly raw: Raw) {
    for (const kind of Object.keys(KIND_NOUN) as Kind[]) {
      const seen = new Map<string, number>();
      for (const [i, entity] of objectsOf(raw, kind)) {
        if (!isId(entity.id)) continue;
        const first = seen.get(entity.id);
        if (first === undefined) seen.set(entity.id, i);
        else
          this.add([kind, i, 'id'], 'DUPLICATE_ID', `duplicate ${KIND_NOUN[kind]} id "${entity.id}" (first at ${jsonPath([kind, first])})`);
      }
      this.ids[kind] = seen;
    }
  }

  check(): DocumentProblem[] {
    this.checkTime();
    this.checkIdentity();
    this.checkCapabilities();
    this.checkPartners();
    this.checkIntegrationPairs();
    this.checkCustomers();
    this.checkAccounts();
    this.checkSolutions();
    this.checkDeals();
    this.checkPolicy();
    return this.problems;
  }

  private add(at: PathSegment[], code: DocumentProblemCode, message: string): void {
    this.problems.push({ path: jsonPath(at), message, code });
  }

  private reference(at: PathSegment[], value: unknown, kind: Kind): void {
    if (isId(value) && !this.ids[kind].has(value))
      this.add(at, 'DANGLING_REFERENCE', `no ${KIND_NOUN[kind]} with id "${value}" in the document`);
  }

  /** Reports repeated keys within one list (the key function returns undefined to skip). */
  private unique(
    at: PathSegment[],
    entries: [number, unknown][],
    keyOf: (v: unknown) => string | undefined,
    what: string,
    code: DocumentProblemCode = 'DUPLICATE_ENTRY',
    field?: string,
  ): void {
    const seen = new Map<string, number>();
    for (const [j, value] of entries) {
      const key = keyOf(value);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, j);
      else this.add(field ? [...at, j, field] : [...at, j], code, `${what} listed twice (first at ${jsonPath([...at, first])})`);
    }
  }

  /** A (system, id) pair on at most one entity of a kind, and once in its list; a domain on at most one customer. */
  private checkIdentity(): void {
    for (const kind of Object.keys(KIND_NOUN) as Kind[]) {
      const owners = new Map<string, PathSegment[]>();
      for (const [i, entity] of objectsOf(this.raw, kind)) {
        for (const [j, ext] of objectsOf(entity, 'externalIds')) {
          if (typeof ext.system !== 'string' || typeof ext.id !== 'string') continue;
          const key = externalKey({ system: ext.system, id: ext.id });
          const first = owners.get(key);
          if (first === undefined) owners.set(key, [kind, i, 'externalIds', j]);
          else
            this.add(
              [kind, i, 'externalIds', j],
              'DUPLICATE_EXTERNAL_ID',
              `the external id (${ext.system}, ${ext.id}) is already at ${jsonPath(first)}`,
            );
        }
      }
    }
    const domains = new Map<string, number>();
    for (const [i, c] of objectsOf(this.raw, 'customers')) {
      if (typeof c.domain !== 'string') continue;
      const normal = normalizeDomain(c.domain);
      if (normal === null) continue;
      const first = domains.get(normal);
      if (first === undefined) domains.set(normal, i);
      else
        this.add(
          ['customers', i, 'domain'],
          'DUPLICATE_DOMAIN',
          `the domain "${normal}" is already customer ${jsonPath(['customers', first])}'s`,
        );
    }
  }

  private checkCapabilities(): void {
    const parentOf = new Map<string, { parentId: string; index: number }>();
    for (const [i, c] of objectsOf(this.raw, 'capabilities')) {
      this.reference(['capabilities', i, 'parentId'], c.parentId, 'capabilities');
      if (isId(c.id) && isId(c.parentId) && this.ids.capabilities.get(c.id) === i && this.ids.capabilities.has(c.parentId)) {
        parentOf.set(c.id, { parentId: c.parentId, index: i });
      }
    }
    // Walk up from each capability; meeting a node of the current walk again closes a cycle.
    const done = new Set<string>();
    for (const start of parentOf.keys()) {
      const walk: string[] = [];
      const onWalk = new Set<string>();
      let at: string | undefined = start;
      while (at !== undefined && !done.has(at) && !onWalk.has(at)) {
        walk.push(at);
        onWalk.add(at);
        at = parentOf.get(at)?.parentId;
      }
      if (at !== undefined && onWalk.has(at)) {
        const cycle = walk.slice(walk.indexOf(at));
        const first = cycle.reduce((a, b) => ((parentOf.get(a)?.index ?? 0) <= (parentOf.get(b)?.index ?? 0) ? a : b));
        const from = cycle.indexOf(first);
        const names = [...cycle.slice(from), ...cycle.slice(0, from), first].map((id) => `"${id}"`).join(' → ');
        this.add(
          ['capabilities', parentOf.get(first)?.index ?? 0, 'parentId'],
          'TAXONOMY_CYCLE',
          `the capability taxonomy has a cycle: ${names}`,
        );
      }
      for (const id of walk) done.add(id);
    }
  }

  private checkPartners(): void {
    for (const [i, p] of objectsOf(this.raw, 'partners')) {
      const at = ['partners', i];
      for (const [j, held] of objectsOf(p, 'capabilities'))
        this.reference([...at, 'capabilities', j, 'capabilityId'], held.capabilityId, 'capabilities');
      this.disjoint(
        objectsOf(p, 'capabilities').map(([j, v]) => ({ at: [...at, 'capabilities', j], key: idOr(v.capabilityId), entry: v })),
        'capability',
        'DUPLICATE_ENTRY',
        'capabilityId',
      );
      for (const [j, other] of valuesOf(p, 'integratesWith')) {
        this.reference([...at, 'integratesWith', j], other, 'partners');
        if (isId(other) && other === p.id)
          this.add([...at, 'integratesWith', j], 'SELF_REFERENCE', 'a partner cannot integrate with itself');
      }
      this.unique([...at, 'integratesWith'], valuesOf(p, 'integratesWith'), (v) => (isId(v) ? v : undefined), 'partner');
      for (const [j, link] of objectsOf(p, 'integrations')) {
        this.reference([...at, 'integrations', j, 'partnerId'], link.partnerId, 'partners');
        if (isId(link.partnerId) && link.partnerId === p.id)
          this.add([...at, 'integrations', j, 'partnerId'], 'SELF_REFERENCE', 'a partner cannot integrate with itself');
      }
      for (const [j, grant] of objectsOf(p, 'sharing')) {
        this.reference([...at, 'sharing', j, 'partnerId'], grant.partnerId, 'partners');
        if (isId(grant.partnerId) && grant.partnerId === p.id)
          this.add([...at, 'sharing', j, 'partnerId'], 'SELF_REFERENCE', 'a partner cannot share with itself');
      }
      this.disjoint(
        objectsOf(p, 'sharing').map(([j, v]) => ({ at: [...at, 'sharing', j], key: idOr(v.partnerId), entry: v })),
        'partner',
        'DUPLICATE_ENTRY',
        'partnerId',
      );
      this.checkHistory([...at, 'stageHistory'], p, 'stageHistory', 'stage', p.lifecycleStage ?? 'ACTIVE', 'lifecycleStage');
      this.checkHistory([...at, 'tierHistory'], p, 'tierHistory', 'tier', p.tier ?? 'REGISTERED', 'tier');
    }
  }

  /**
   * Rules versions each once and not set in the future; programs each once, their enrolments each once per program,
   * of partners in the document that have the program's partner type, not enrolled in the future.
   */
  private checkPolicy(): void {
    const versions = objectsOf(this.raw, 'rulesOfEngagement');
    this.unique(
      ['rulesOfEngagement'],
      versions.map(([i, v]): [number, unknown] => [i, v.version]),
      (v) => (typeof v === 'number' ? String(v) : undefined),
      'version',
      'DUPLICATE_ENTRY',
      'version',
    );
    for (const [i, v] of versions) {
      const when = this.instant(v.setAt);
      if (when !== undefined && when > this.now)
        this.add(['rulesOfEngagement', i, 'setAt'], 'FUTURE_DATETIME', 'must not lie in the future');
    }
    const programs = objectsOf(this.raw, 'programs');
    this.unique(
      ['programs'],
      programs.map(([i, g]): [number, unknown] => [i, g.id]),
      (v) => idOr(v),
      'program',
      'DUPLICATE_ID',
      'id',
    );
    const typesOf = new Map<string, unknown>(objectsOf(this.raw, 'partners').map(([, p]) => [String(p.id), p.types]));
    for (const [i, g] of programs) {
      const enrolments = objectsOf(g, 'enrolments');
      this.unique(
        ['programs', i, 'enrolments'],
        enrolments.map(([j, e]): [number, unknown] => [j, e.partnerId]),
        (v) => idOr(v),
        'partner',
        'DUPLICATE_ENTRY',
        'partnerId',
      );
      for (const [j, e] of enrolments) {
        const at: PathSegment[] = ['programs', i, 'enrolments', j];
        this.reference([...at, 'partnerId'], e.partnerId, 'partners');
        const types = isId(e.partnerId) ? typesOf.get(e.partnerId) : undefined;
        if (Array.isArray(types) && typeof g.partnerType === 'string' && !types.includes(g.partnerType))
          this.add([...at, 'partnerId'], 'INVALID_VALUE', `the partner lacks the program's partner type ${g.partnerType}`);
        const when = this.instant(e.since);
        if (when !== undefined && when > this.now) this.add([...at, 'since'], 'FUTURE_DATETIME', 'must not lie in the future');
      }
    }
  }

  /** A history sorted strictly by `at`, its last entry the current value. */
  private checkHistory(at: PathSegment[], p: Raw, key: string, field: string, current: unknown, currentField: string): void {
    const entries = objectsOf(p, key);
    let previous: number | undefined;
    for (const [j, entry] of entries) {
      const when = this.instant(entry.at);
      if (when === undefined) continue;
      if (previous !== undefined && when <= previous)
        this.add([...at, j, 'at'], 'HISTORY_NOT_SORTED', `the ${key} must be sorted by at, each entry later than the one before`);
      previous = when;
    }
    const last = entries[entries.length - 1];
    if (last && Array.isArray(p[key]) && last[0] === (p[key] as unknown[]).length - 1 && last[1][field] !== current)
      this.add(
        [...at, last[0], field],
        'HISTORY_MISMATCH',
        `the last ${key} entry must be the partner's ${currentField} (${JSON.stringify(current)}), not ${JSON.stringify(last[1][field])}`,
      );
  }

  /** The instant of a valid RFC 3339 value, else undefined (the shape check reports it). */
  private instant(value: unknown): number | undefined {
    return typeof value === 'string' && isRfc3339DateTime(value) ? new Date(value.toUpperCase()).getTime() : undefined;
  }

  /** Every since, until and history at: not in the future; since before until. */
  private checkTime(): void {
    const future = (at: PathSegment[], value: unknown) => {
      const when = this.instant(value);
      if (when !== undefined && when > this.now)
        this.add(at, 'FUTURE_DATETIME', 'must not lie in the future (a relationship or history is recorded once it happened)');
    };
    const interval = (at: PathSegment[], entry: Raw) => {
      future([...at, 'since'], entry.since);
      future([...at, 'until'], entry.until);
      const since = this.instant(entry.since);
      const until = this.instant(entry.until);
      if (since !== undefined && until !== undefined && until <= since)
        this.add([...at, 'until'], 'INVALID_INTERVAL', 'until must be later than since');
    };
    for (const [i, p] of objectsOf(this.raw, 'partners')) {
      for (const key of ['capabilities', 'integrations', 'sharing'])
        for (const [j, e] of objectsOf(p, key)) interval(['partners', i, key, j], e);
      for (const key of ['stageHistory', 'tierHistory'])
        for (const [j, e] of objectsOf(p, key)) future(['partners', i, key, j, 'at'], e.at);
    }
    for (const [i, a] of objectsOf(this.raw, 'accounts')) interval(['accounts', i], a);
    for (const [i, s] of objectsOf(this.raw, 'solutions'))
      for (const [j, m] of objectsOf(s, 'members')) interval(['solutions', i, 'members', j], m);
  }

  /**
   * Entries of one key (a pair, or a pair and capability) must not overlap in time: with neither since nor until on
   * both it is a duplicate (`code` at `field`), otherwise OVERLAPPING_INTERVAL at the later entry's since.
   */
  private disjoint(
    entries: { at: PathSegment[]; key: string | undefined; entry: Raw }[],
    what: string,
    code: DocumentProblemCode,
    field?: string,
    duplicate?: (entry: Raw, first: string) => string,
  ): void {
    const byKey = new Map<string, { at: PathSegment[]; entry: Raw; from: number; to: number }[]>();
    for (const { at, key, entry } of entries) {
      if (key === undefined) continue;
      const from = entry.since === undefined ? -Infinity : this.instant(entry.since);
      const to = entry.until === undefined ? Infinity : this.instant(entry.until);
      if (from === undefined || to === undefined) continue;
      const list = byKey.get(key) ?? [];
      list.push({ at, entry, from, to });
      byKey.set(key, list);
    }
    for (const list of byKey.values()) this.reportOverlaps(list, what, code, field, duplicate);
  }

  /**
   * Integrations are undirected: both partners' entries (integratesWith and integrations) of a pair are one set of
   * intervals; the same interval on both sides is one integration, different ones must not overlap.
   */
  private checkIntegrationPairs(): void {
    const byPair = new Map<string, Map<string, { at: PathSegment[]; key: string; entry: Raw }>>();
    const note = (self: unknown, at: PathSegment[], other: unknown, entry: Raw) => {
      if (!isId(self) || !isId(other) || self === other) return;
      const pair = self < other ? `${self}\u0000${other}` : `${other}\u0000${self}`;
      const intervals = byPair.get(pair) ?? new Map<string, { at: PathSegment[]; key: string; entry: Raw }>();
      const signature = `${String(entry.since)}\u0000${String(entry.until)}`;
      if (!intervals.has(signature)) intervals.set(signature, { at, key: pair, entry });
      byPair.set(pair, intervals);
    };
    for (const [i, p] of objectsOf(this.raw, 'partners')) {
      for (const [j, other] of valuesOf(p, 'integratesWith')) note(p.id, ['partners', i, 'integratesWith', j], other, {});
      for (const [j, link] of objectsOf(p, 'integrations')) note(p.id, ['partners', i, 'integrations', j], link.partnerId, link);
    }
    for (const intervals of byPair.values()) this.disjoint([...intervals.values()], 'integration', 'DUPLICATE_ENTRY');
  }

  /** Sorted by start, an entry overlaps when it starts before the latest end so far (n log n). */
  private reportOverlaps(
    list: { at: PathSegment[]; entry: Raw; from: number; to: number }[],
    what: string,
    code: DocumentProblemCode,
    field?: string,
    duplicate: (entry: Raw, first: string) => string = (_e, first) => `${what} listed twice (first at ${first})`,
  ): void {
    if (list.length < 2) return;
    const sorted = [...list].sort((a, b) => a.from - b.from || comparePaths(jsonPath(a.at), jsonPath(b.at)));
    let reach = sorted[0]!;
    for (const next of sorted.slice(1)) {
      if (next.from < reach.to) {
        const plain = (e: Raw) => e.since === undefined && e.until === undefined;
        const [first, later] = comparePaths(jsonPath(reach.at), jsonPath(next.at)) < 0 ? [reach, next] : [next, reach];
        if (plain(first.entry) && plain(later.entry))
          this.add(field ? [...later.at, field] : later.at, code, duplicate(later.entry, jsonPath(first.at)));
        else this.add([...later.at, 'since'], 'OVERLAPPING_INTERVAL', `the interval overlaps the ${what}'s entry at ${jsonPath(first.at)}`);
      }
      if (next.to > reach.to) reach = next;
    }
  }

  private checkCustomers(): void {
    for (const [i, c] of objectsOf(this.raw, 'customers')) {
      for (const [j, need] of valuesOf(c, 'needs')) this.reference(['customers', i, 'needs', j], need, 'capabilities');
      this.unique(['customers', i, 'needs'], valuesOf(c, 'needs'), (v) => (isId(v) ? v : undefined), 'capability');
    }
  }

  private checkAccounts(): void {
    const entries: { at: PathSegment[]; key: string; entry: Raw }[] = [];
    for (const [i, a] of objectsOf(this.raw, 'accounts')) {
      this.reference(['accounts', i, 'partnerId'], a.partnerId, 'partners');
      this.reference(['accounts', i, 'customerId'], a.customerId, 'customers');
      if (!isId(a.partnerId) || !isId(a.customerId)) continue;
      entries.push({ at: ['accounts', i], key: `${a.partnerId}\u0000${a.customerId}`, entry: a });
    }
    this.disjoint(
      entries,
      'account',
      'DUPLICATE_ACCOUNT',
      undefined,
      (a, first) => `partner "${String(a.partnerId)}" already has an account for customer "${String(a.customerId)}" (at ${first})`,
    );
  }

  private checkSolutions(): void {
    for (const [i, s] of objectsOf(this.raw, 'solutions')) {
      for (const [j, need] of valuesOf(s, 'requires')) this.reference(['solutions', i, 'requires', j], need, 'capabilities');
      this.unique(['solutions', i, 'requires'], valuesOf(s, 'requires'), (v) => (isId(v) ? v : undefined), 'capability');
      for (const [j, m] of objectsOf(s, 'members')) this.reference(['solutions', i, 'members', j, 'partnerId'], m.partnerId, 'partners');
      // One entry per partner, one role, as the API's solution inputs require (src/solutions/solution-inputs.ts).
      this.disjoint(
        objectsOf(s, 'members').map(([j, v]) => ({ at: ['solutions', i, 'members', j], key: idOr(v.partnerId), entry: v })),
        'partner',
        'DUPLICATE_ENTRY',
        'partnerId',
      );
    }
  }

  private checkDeals(): void {
    for (const [i, d] of objectsOf(this.raw, 'deals')) {
      const at = ['deals', i];
      this.reference([...at, 'customerId'], d.customerId, 'customers');
      this.reference([...at, 'solutionId'], d.solutionId, 'solutions');
      for (const [j, p] of objectsOf(d, 'participants')) this.reference([...at, 'participants', j, 'partnerId'], p.partnerId, 'partners');
      this.unique(
        [...at, 'participants'],
        valuesOf(d, 'participants'),
        (v) => (isObject(v) && isId(v.partnerId) ? v.partnerId : undefined),
        'partner',
        'DUPLICATE_PARTICIPANT',
        'partnerId',
      );
      const sourced = objectsOf(d, 'participants').filter(([, p]) => p.sourced === true);
      for (const [j] of sourced.slice(1)) {
        this.add(
          [...at, 'participants', j, 'sourced'],
          'SEVERAL_SOURCED',
          `only one participant may have sourced the deal (already ${jsonPath([...at, 'participants', sourced[0]?.[0] ?? 0])})`,
        );
      }
      this.checkAmount(at, d.amount, d.currency);
      if (typeof d.stage === 'string' && (DEAL_STAGES as readonly string[]).includes(d.stage)) {
        if (isClosedStage(d.stage) && d.closedAt === undefined)
          this.add([...at, 'closedAt'], 'CLOSED_AT_REQUIRED', `required for a ${d.stage} deal`);
        if (!isClosedStage(d.stage) && typeof d.closedAt === 'string')
          this.add([...at, 'closedAt'], 'CLOSED_AT_NOT_ALLOWED', `only a closed deal has closedAt (stage is ${d.stage})`);
      }
    }
  }

  /** The one money parser (src/money/money.ts) decides; without a known currency, the text alone is checked. */
  private checkAmount(at: PathSegment[], amount: unknown, currencyCode: unknown): void {
    if (typeof amount !== 'string') return;
    try {
      if (typeof currencyCode === 'string' && isCurrency(currencyCode)) parseAmount(amount, currencyCode);
      else checkAmountText(amount);
    } catch (err) {
      if (!(err instanceof MoneyError)) throw err;
      this.add([...at, 'amount'], 'INVALID_AMOUNT', err.message);
    }
  }
}

// ---- The whole check ----

/** Problems in document order: array indexes compare as numbers, the top-level lists in format order. */
const TOP_LEVEL_ORDER = [
  'formatVersion',
  'capabilities',
  'partners',
  'customers',
  'accounts',
  'solutions',
  'deals',
  'rulesOfEngagement',
  'programs',
];

function pathKey(path: string): (string | number)[] {
  return [...path.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? (JSON.parse(m[3] ?? '""') as string)),
  );
}

function comparePaths(a: string, b: string): number {
  const ka = pathKey(a);
  const kb = pathKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    let x = ka[i] as string | number;
    let y = kb[i] as string | number;
    if (i === 0) {
      x = TOP_LEVEL_ORDER.indexOf(String(x)) >>> 0;
      y = TOP_LEVEL_ORDER.indexOf(String(y)) >>> 0;
    }
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return ka.length - kb.length;
}

/** Checks a whole parsed document; every problem is listed, by JSON path, in document order. */
export function checkEcosystemDocument(doc: unknown): DocumentCheck {
  if (!isObject(doc)) return { ok: false, problems: [{ path: '$', message: 'the document must be a JSON object', code: 'INVALID_TYPE' }] };
  const parsed = DocumentSchema.safeParse(doc, { reportInput: true });
  const problems = [...(parsed.success ? [] : shapeProblems(parsed.error.issues)), ...new ReferenceChecker(doc).check()];
  if (problems.length > 0 || !parsed.success) {
    return { ok: false, problems: problems.sort((a, b) => comparePaths(a.path, b.path)) };
  }
  return { ok: true, doc: normalise(parsed.data) };
}

/**
 * Parses JSON text as standard readers do (src/interchange/json-text.ts: a leading byte order mark
 * ignored, a key repeated in one object refused as DUPLICATE_KEY at its path), then checks it; bad
 * JSON is an INVALID_JSON problem at `$`.
 */
export function checkEcosystemText(text: string): DocumentCheck {
  return checkParsed(parseJsonText(text));
}

/** A file's bytes: UTF-8 only (INVALID_ENCODING otherwise, never a silent U+FFFD), then as checkEcosystemText. */
export function checkEcosystemBytes(bytes: Uint8Array): DocumentCheck {
  return checkParsed(parseJsonBytes(bytes));
}

/** The text's problems and, when it is JSON at all, the document's too, in document order. */
function checkParsed(parsed: JsonTextResult): DocumentCheck {
  const checked = parsed.value === undefined ? undefined : checkEcosystemDocument(parsed.value);
  if (parsed.ok) return checked!;
  const problems: DocumentProblem[] = [
    ...parsed.problems.map((p) => ({ path: jsonPath(p.path), message: p.message, code: p.code })),
    ...(checked && !checked.ok ? checked.problems : []),
  ];
  return { ok: false, problems: problems.sort((a, b) => comparePaths(a.path, b.path)) };
}

/** Defaults that depend on other fields, canonical amounts, and integrations (both versions' fields) listed on both sides. */
function normalise(doc: ParsedDocument): EcosystemDocument {
  const integrations = new Map<string, Map<string, { partnerId: string } & Validity>>(doc.partners.map((p) => [p.id, new Map()]));
  const link = (self: string, other: string, validity: Validity) => {
    const entry = { partnerId: other, ...validity };
    integrations.get(self)?.set(`${other}\u0000${validity.since}\u0000${validity.until}`, entry);
  };
  for (const p of doc.partners) {
    for (const { partnerId, ...validity } of [...p.integratesWith.map((partnerId) => ({ partnerId })), ...p.integrations]) {
      link(p.id, partnerId, validity);
      link(partnerId, p.id, validity);
    }
  }
  return {
    formatVersion: 2,
    capabilities: doc.capabilities.map(withSortedExternalIds),
    partners: doc.partners.map(({ integratesWith: _v1, stageHistory, tierHistory, ...p }) =>
      withSortedExternalIds({
        ...p,
        integrations: [...(integrations.get(p.id)?.values() ?? [])].sort(byValidity((e) => e.partnerId)),
        ...(stageHistory.length > 0 ? { stageHistory } : {}),
        ...(tierHistory.length > 0 ? { tierHistory } : {}),
      }),
    ),
    customers: doc.customers.map(withSortedExternalIds),
    accounts: doc.accounts,
    solutions: doc.solutions.map(withSortedExternalIds),
    deals: doc.deals.map((d) =>
      withSortedExternalIds({
        ...d,
        amount: formatMinor(parseAmount(d.amount, d.currency), d.currency),
        participants: d.participants.map((p) => ({ ...p, registeredAt: p.registeredAt ?? d.createdAt })),
      }),
    ),
    // In the document's order, so an import's problem names its index (serializeEcosystem writes them by version).
    ...(doc.rulesOfEngagement.length > 0 ? { rulesOfEngagement: doc.rulesOfEngagement } : {}),
    ...(doc.programs.length > 0 ? { programs: [...doc.programs].sort((a, b) => compareIds(a.id, b.id)) } : {}),
  };
}

/** External ids sorted by system, then id; an empty list is left out (the format's one form). */
export function withSortedExternalIds<T extends { externalIds?: ExternalIdRecord[] | undefined }>(record: T): T {
  const { externalIds: list, ...rest } = record;
  return (list && list.length > 0 ? { ...rest, externalIds: sortExternalIds(list) } : rest) as T;
}

/** Orders entries by a key (an id), then since (none first), then until (none last): the format's order of intervals. */
export function byValidity<T extends Validity>(key: (entry: T) => string, then?: (entry: T) => string): (a: T, b: T) => number {
  return (a, b) =>
    compareIds(key(a), key(b)) ||
    (then ? compareIds(then(a), then(b)) : 0) ||
    compareIds(a.since ?? '', b.since ?? '') ||
    compareIds(a.until ?? '\uffff', b.until ?? '\uffff');
}

/** Ids order by UTF-16 code units, the same everywhere the format sorts. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
