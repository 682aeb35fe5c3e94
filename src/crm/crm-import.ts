// The CRM import (issue 13; README "CRM import"): CSV exports read with csv-parse through a
// mapping file (mappings/salesforce.json: which column is which field, which values map to which
// enum) and upserted by external key of the mapping's system: a row whose external id is known
// updates that entity, a new one creates it with a generated id. Three objects, after
// Salesforce's: Account (a customer, or a partner when its type maps to a PartnerType),
// Opportunity (a deal on an Account's customer) and OpportunityPartner (a partner on a deal).
//
// planCrmImport reads the database and decides, row by row, created / updated / unchanged /
// rejected (with row, column and reason); --dry-run prints that plan. A real run plans again
// inside one write transaction and writes only when no row is rejected, so it is all or nothing
// and a second run finds every row unchanged and writes nothing.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { CypherExecutor, CypherTransaction, WriteTransaction } from '../db/executor.js';
import { decideRegistrationStatuses, type RegistrationCandidate } from '../deals/rules-of-engagement.js';
import { DEAL_ROLES, DEAL_STAGES, PARTNER_TYPES, type RegistrationStatus } from '../model/vocabulary.js';
import { EXTERNAL_SYSTEM_PATTERN, normalizeCustomerName, normalizeDomain, setExternalIds } from '../identity/identity.js';
import { isClosedStage, isRfc3339DateTime, normaliseDateTime } from '../interchange/format.js';
import { isCurrency, MoneyError, parseAmount } from '../money/money.js';
import { searchName } from '../search/search-name.js';
import { generateId } from '../validation/problems.js';

// ---- The mapping file ----

const FIELDS = {
  Account: { required: ['externalId', 'name'], optional: ['website', 'industry', 'region', 'type'] },
  Opportunity: {
    required: ['externalId', 'name', 'account', 'stage', 'createdAt'],
    optional: ['amount', 'currency', 'closedAt', 'isClosed', 'isWon'],
  },
  OpportunityPartner: { required: ['deal', 'partner', 'role'], optional: ['sourced'] },
} as const;
export type CrmObject = keyof typeof FIELDS;

function objectMapping(object: CrmObject) {
  const { required, optional } = FIELDS[object];
  const fields = [...required, ...optional] as [string, ...string[]];
  return z.strictObject({
    columns: z
      .partialRecord(z.enum(fields), z.string().min(1))
      .refine((c) => required.every((f) => f in c), `must map the fields ${required.join(', ')} to columns`),
    values: z.partialRecord(z.enum(fields), z.record(z.string(), z.string())).default({}),
    defaults: z.partialRecord(z.enum(fields), z.string()).default({}),
  });
}

export const CrmMappingSchema = z.strictObject({
  system: z.string().regex(EXTERNAL_SYSTEM_PATTERN, 'a system name such as "salesforce"'),
  objects: z.strictObject({
    Account: objectMapping('Account').optional(),
    Opportunity: objectMapping('Opportunity').optional(),
    OpportunityPartner: objectMapping('OpportunityPartner').optional(),
  }),
});
export type CrmMapping = z.output<typeof CrmMappingSchema>;
type ObjectMapping = NonNullable<CrmMapping['objects'][CrmObject]>;

/** Parses a mapping file's JSON; throws with every problem's path. */
export function parseCrmMapping(text: string, file = 'mapping'): CrmMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const parsed = CrmMappingSchema.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${file}: $.${i.path.join('.')}: ${i.message}`).join('\n'));
  return parsed.data;
}

// ---- Reports ----

export interface Rejection {
  /** The row's line in the file (the header is row 1). */
  row: number;
  column: string;
  reason: string;
}

export interface FileReport {
  file: string;
  object: CrmObject;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

export interface CrmPlan {
  files: FileReport[];
  /** True when no row was rejected (a real run writes only then). */
  ok: boolean;
  writes: PlannedWrites;
}

interface PlannedWrites {
  customers: {
    id: string;
    isNew: boolean;
    key: string;
    name: string;
    normalizedName: string;
    domain: string | null;
    industry: string | null;
    region: string | null;
  }[];
  partners: { id: string; isNew: boolean; key: string; name: string; types: string[]; website: string | null }[];
  deals: {
    id: string;
    isNew: boolean;
    key: string;
    name: string;
    customerId: string;
    stage: string;
    amountMinor: bigint;
    currency: string;
    createdAt: string;
    closedAt: string | null;
    registrationStatus: RegistrationStatus | null;
  }[];
  participants: { dealId: string; partnerId: string; role: string; sourced: boolean }[];
}

export interface CsvInput {
  file: string;
  text: string;
}

type Run = Pick<CypherTransaction, 'run'>;

interface Row {
  file: string;
  line: number;
  values: Record<string, string>;
}

class RowRejected extends Error {
  constructor(
    readonly column: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Reads a CSV export (header row, RFC 4180 quoting, a BOM allowed); rows keep their line numbers. */
export function readCsv(input: CsvInput): { header: string[]; rows: Row[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(input.text, {
      bom: true,
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (err) {
    throw new Error(`${input.file}: not a readable CSV file: ${(err as Error).message}`);
  }
  return { header, rows: records.map((r) => ({ file: input.file, line: r.info.lines, values: r.record })) };
}

/** Which object of the mapping a file holds: the one whose mapped columns are all in its header (the most columns wins). */
export function objectOf(mapping: CrmMapping, header: readonly string[]): CrmObject | null {
  let best: { object: CrmObject; columns: number } | null = null;
  for (const object of Object.keys(FIELDS) as CrmObject[]) {
    const m = mapping.objects[object];
    if (!m) continue;
    const columns = Object.values(m.columns).filter((c): c is string => c !== undefined);
    if (columns.every((c) => header.includes(c)) && (!best || columns.length > best.columns)) best = { object, columns: columns.length };
  }
  return best?.object ?? null;
}

/** A row's value of a field: trimmed; empty = the mapping's default or null; mapped through the field's value table ("*" = any other value). */
function field(m: ObjectMapping, row: Row, name: string, enumValues?: readonly string[]): string | null {
  const column = m.columns[name as keyof typeof m.columns];
  const raw = column ? (row.values[column] ?? '').trim() : '';
  const table = m.values[name as keyof typeof m.values];
  const given = raw === '' ? (m.defaults[name as keyof typeof m.defaults] ?? null) : raw;
  if (given === null) {
    const fallback = table?.['*'];
    return enumValues && fallback !== undefined ? fallback : null;
  }
  const mapped = table?.[given] ?? table?.['*'] ?? given;
  if (enumValues && !enumValues.includes(mapped)) {
    throw new RowRejected(
      column ?? name,
      `${JSON.stringify(given)} maps to no value of ${enumValues.join(', ')}${table ? " (add it to the mapping's values)" : ''}`,
    );
  }
  return mapped;
}

function required(m: ObjectMapping, row: Row, name: string): string {
  const value = field(m, row, name);
  if (value === null) throw new RowRejected(m.columns[name as keyof typeof m.columns] ?? name, 'required');
  return value;
}

function columnOf(m: ObjectMapping, name: string): string {
  return m.columns[name as keyof typeof m.columns] ?? name;
}

function bool(m: ObjectMapping, row: Row, name: string): boolean | null {
  const value = field(m, row, name);
  if (value === null) return null;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new RowRejected(columnOf(m, name), `${JSON.stringify(value)} is not true or false`);
}

/** A CRM date-time: RFC 3339, Salesforce's "+0000" offsets, or a date (midnight UTC); as toISOString. */
function dateTime(m: ObjectMapping, row: Row, name: string): string | null {
  const value = field(m, row, name);
  if (value === null) return null;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T');
  if (!isRfc3339DateTime(text))
    throw new RowRejected(
      columnOf(m, name),
      `${JSON.stringify(value)} is not a date or date-time such as 2024-05-01 or 2024-05-01T09:30:00Z`,
    );
  return normaliseDateTime(text);
}

const ACCOUNT_TYPES = ['CUSTOMER', ...PARTNER_TYPES] as const;

// ---- Planning ----

/**
 * Decides what each row of the files does against the database as `run` reads it. Rows are
 * taken Account first, then Opportunity, then OpportunityPartner, whatever the order of the files.
 */
export async function planCrmImport(
  run: Run,
  mapping: CrmMapping,
  inputs: readonly CsvInput[],
  onProgress?: (file: string, done: number, total: number) => void,
): Promise<CrmPlan> {
  const system = mapping.system;
  const files = inputs.map((input) => {
    const { header, rows } = readCsv(input);
    const object = objectOf(mapping, header);
    if (!object) {
      const wanted = (Object.keys(FIELDS) as CrmObject[])
        .filter((o) => mapping.objects[o])
        .map((o) => `${o} (${Object.values(mapping.objects[o]!.columns).join(', ')})`);
      throw new Error(`${input.file}: its columns (${header.join(', ')}) match no object of the mapping: ${wanted.join('; ')}`);
    }
    return {
      file: input.file,
      object,
      rows,
      mapping: mapping.objects[object]!,
      report: { file: input.file, object, rows: rows.length, created: 0, updated: 0, unchanged: 0, rejected: [] } as FileReport,
    };
  });
  const writes: PlannedWrites = { customers: [], partners: [], deals: [], participants: [] };
  const order: CrmObject[] = ['Account', 'Opportunity', 'OpportunityPartner'];
  const byObject = (o: CrmObject) => files.filter((f) => f.object === o);

  // Keys seen in this import: the customer or partner an Account key names, the deal an Opportunity key names.
  const accountKeys = new Map<string, { kind: 'customer' | 'partner'; id: string }>();
  const dealKeys = new Map<
    string,
    { id: string; customerId: string; createdAt: string; participants: { partnerId: string; role: string; sourced: boolean }[] }
  >();
  const domainsTaken = new Map<string, string>(); // domain → customer id, of this import

  for (const object of order) {
    // One key once per object, across its files.
    const seen = new Map<string, string>();
    for (const f of byObject(object)) {
      const keys = [
        ...new Set(
          f.rows
            .map((r) => (r.values[columnOf(f.mapping, object === 'OpportunityPartner' ? 'deal' : 'externalId')] ?? '').trim())
            .filter(Boolean),
        ),
      ];
      const lookups = await lookUp(run, system, object, f.mapping, f.rows, keys);
      let done = 0;
      for (const row of f.rows) {
        try {
          const outcome =
            object === 'Account'
              ? planAccount(f.mapping, row, lookups, seen, accountKeys, domainsTaken, writes)
              : object === 'Opportunity'
                ? planOpportunity(f.mapping, row, lookups, seen, accountKeys, dealKeys, writes)
                : planParticipant(f.mapping, row, lookups, seen, accountKeys, dealKeys, writes);
          f.report[outcome] += 1;
        } catch (err) {
          if (!(err instanceof RowRejected)) throw err;
          f.report.rejected.push({ row: row.line, column: err.column, reason: err.message });
        }
        if (++done % 1000 === 0) onProgress?.(f.file, done, f.rows.length);
      }
      onProgress?.(f.file, done, f.rows.length);
    }
  }

  await decideNewDeals(run, writes);
  const ok = files.every((f) => f.report.rejected.length === 0);
  return { files: files.map((f) => f.report), ok, writes };
}

interface Lookups {
  customers: Map<string, { id: string; name: string; domain: string | null; industry: string | null; region: string | null }>;
  partners: Map<string, { id: string; name: string; types: string[]; website: string | null }>;
  deals: Map<
    string,
    {
      id: string;
      name: string;
      customerId: string;
      stage: string;
      amountMinor: bigint | number;
      currency: string;
      createdAt: Date;
      closedAt: Date | null;
      participants: { partnerId: string; role: string; sourced: boolean }[];
    }
  >;
  /** Domain → id of the customer that has it, for the Account rows' domains. */
  domainOwners: Map<string, string>;
}

async function lookUp(
  run: Run,
  system: string,
  object: CrmObject,
  m: ObjectMapping,
  rows: readonly Row[],
  keys: string[],
): Promise<Lookups> {
  const accountRefs =
    object === 'Account'
      ? keys
      : [
          ...new Set(
            rows.map((r) => (r.values[columnOf(m, object === 'Opportunity' ? 'account' : 'partner')] ?? '').trim()).filter(Boolean),
          ),
        ];
  const customers = await run.run<{ key: string; node: Lookups['customers'] extends Map<string, infer V> ? V : never }>(
    'crm/get-customers-by-external-ids',
    { system, keys: accountRefs },
  );
  const partners = await run.run<{ key: string; node: Lookups['partners'] extends Map<string, infer V> ? V : never }>(
    'crm/get-partners-by-external-ids',
    { system, keys: accountRefs },
  );
  const deals =
    object === 'Account'
      ? []
      : await run.run<{ key: string; node: Lookups['deals'] extends Map<string, infer V> ? V : never }>('crm/get-deals-by-external-ids', {
          system,
          keys,
        });
  const domains =
    object === 'Account' && m.columns.website
      ? [...new Set(rows.map((r) => normalizeDomain(r.values[m.columns.website!] ?? '')).filter((d): d is string => d !== null))]
      : [];
  const owners = domains.length > 0 ? await run.run<{ domain: string; id: string }>('customers/find-customers-by-domain', { domains }) : [];
  return {
    customers: new Map(customers.map((r) => [r.key, r.node])),
    partners: new Map(partners.map((r) => [r.key, r.node])),
    deals: new Map(deals.map((r) => [r.key, r.node])),
    domainOwners: new Map(owners.map((r) => [r.domain, r.id])),
  };
}

type Outcome = 'created' | 'updated' | 'unchanged';

function once(seen: Map<string, string>, key: string, row: Row, column: string, what: string): void {
  const first = seen.get(key);
  if (first !== undefined) throw new RowRejected(column, `${what} already at ${first}`);
  seen.set(key, `row ${row.line} of ${row.file}`);
}

function planAccount(
  m: ObjectMapping,
  row: Row,
  found: Lookups,
  seen: Map<string, string>,
  accountKeys: Map<string, { kind: 'customer' | 'partner'; id: string }>,
  domainsTaken: Map<string, string>,
  writes: PlannedWrites,
): Outcome {
  const key = required(m, row, 'externalId');
  const name = required(m, row, 'name');
  if (name.length > 200) throw new RowRejected(columnOf(m, 'name'), 'must be at most 200 characters');
  const type = field(m, row, 'type', ACCOUNT_TYPES) ?? 'CUSTOMER';
  const websiteRaw = field(m, row, 'website');
  const industry = field(m, row, 'industry');
  const region = field(m, row, 'region');
  once(seen, key, row, columnOf(m, 'externalId'), `the Id ${JSON.stringify(key)} is`);
  const customer = found.customers.get(key);
  const partner = found.partners.get(key);

  if (type === 'CUSTOMER') {
    if (partner && !customer)
      throw new RowRejected(
        columnOf(m, 'type'),
        `the account ${JSON.stringify(key)} is a partner in the graph; a customer Type is refused`,
      );
    const domain = websiteRaw === null ? null : normalizeDomain(websiteRaw);
    if (websiteRaw !== null && domain === null)
      throw new RowRejected(columnOf(m, 'website'), `${JSON.stringify(websiteRaw)} is not a web domain or URL`);
    const id = customer?.id ?? generateId('customer');
    if (domain) {
      const owner = domainsTaken.get(domain) ?? found.domainOwners.get(domain);
      if (owner !== undefined && owner !== id)
        throw new RowRejected(columnOf(m, 'website'), `the domain "${domain}" already belongs to customer "${owner}"`);
      domainsTaken.set(domain, id);
    }
    accountKeys.set(key, { kind: 'customer', id });
    const next = { id, isNew: !customer, key, name, normalizedName: normalizeCustomerName(name), domain, industry, region };
    if (customer && customer.name === name && customer.domain === domain && customer.industry === industry && customer.region === region)
      return 'unchanged';
    writes.customers.push(next);
    return customer ? 'updated' : 'created';
  }

  if (customer && !partner)
    throw new RowRejected(columnOf(m, 'type'), `the account ${JSON.stringify(key)} is a customer in the graph; a partner Type is refused`);
  let website: string | null = null;
  if (websiteRaw !== null) {
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(websiteRaw) ? websiteRaw : `https://${websiteRaw}`);
      if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) throw new Error('not http');
      website = url.toString();
    } catch {
      throw new RowRejected(columnOf(m, 'website'), `${JSON.stringify(websiteRaw)} is not a web address`);
    }
  }
  const id = partner?.id ?? generateId('partner');
  accountKeys.set(key, { kind: 'partner', id });
  const types = partner ? (partner.types.includes(type) ? partner.types : [...partner.types, type]) : [type];
  if (partner && partner.name === name && partner.website === website && types === partner.types) return 'unchanged';
  writes.partners.push({ id, isNew: !partner, key, name, types, website });
  return partner ? 'updated' : 'created';
}

/** A deal the plan knows by its external key: stored or planned in this run, with its participants so far. */
interface PlannedDealKey {
  id: string;
  customerId: string;
  createdAt: string;
  participants: { partnerId: string; role: string; sourced: boolean }[];
}

function planOpportunity(
  m: ObjectMapping,
  row: Row,
  found: Lookups,
  seen: Map<string, string>,
  accountKeys: Map<string, { kind: 'customer' | 'partner'; id: string }>,
  dealKeys: Map<string, PlannedDealKey>,
  writes: PlannedWrites,
): Outcome {
  const key = required(m, row, 'externalId');
  const name = required(m, row, 'name');
  if (name.length > 200) throw new RowRejected(columnOf(m, 'name'), 'must be at most 200 characters');
  const accountKey = required(m, row, 'account');
  const customerId = accountOf(m, 'account', accountKey, 'customer', found, accountKeys);
  let stage: string = field(m, row, 'stage', DEAL_STAGES) ?? required(m, row, 'stage');
  const isClosed = bool(m, row, 'isClosed');
  const isWon = bool(m, row, 'isWon');
  if (isClosed === true) stage = isWon ? 'CLOSED_WON' : 'CLOSED_LOST';
  else if (isClosed === false && isClosedStage(stage)) throw new RowRejected(columnOf(m, 'isClosed'), `false, but the stage is ${stage}`);
  const currency = required(m, row, 'currency').toUpperCase();
  if (!isCurrency(currency)) throw new RowRejected(columnOf(m, 'currency'), `${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  const amountText = required(m, row, 'amount');
  let amountMinor: bigint;
  try {
    amountMinor = parseAmount(amountText, currency);
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    throw new RowRejected(columnOf(m, 'amount'), err.message);
  }
  if (amountMinor > 9223372036854775807n) throw new RowRejected(columnOf(m, 'amount'), `${JSON.stringify(amountText)} is too large`);
  const createdAt = dateTime(m, row, 'createdAt')!;
  // An open opportunity's CloseDate is the expected one: only a closed deal has closedAt.
  const closeDate = dateTime(m, row, 'closedAt');
  const closedAt = isClosedStage(stage) ? closeDate : null;
  if (isClosedStage(stage) && !closedAt) throw new RowRejected(columnOf(m, 'closedAt'), `required for a ${stage} deal`);
  if (closedAt && closedAt < createdAt) throw new RowRejected(columnOf(m, 'closedAt'), 'is before the created date');
  once(seen, key, row, columnOf(m, 'externalId'), `the Id ${JSON.stringify(key)} is`);

  const deal = found.deals.get(key);
  const id = deal?.id ?? generateId('deal');
  dealKeys.set(key, { id, customerId, createdAt, participants: deal ? [...deal.participants] : [] });
  if (
    deal &&
    deal.name === name &&
    deal.customerId === customerId &&
    deal.stage === stage &&
    BigInt(deal.amountMinor) === amountMinor &&
    deal.currency === currency &&
    deal.createdAt.toISOString() === createdAt &&
    (deal.closedAt?.toISOString() ?? null) === closedAt
  ) {
    return 'unchanged';
  }
  if (deal && !isOpenStage(deal.stage) && deal.stage !== stage)
    throw new RowRejected(columnOf(m, 'stage'), `the deal is closed (${deal.stage}) in the graph; a closed deal's stage is final`);
  writes.deals.push({
    id,
    isNew: !deal,
    key,
    name,
    customerId,
    stage,
    amountMinor,
    currency,
    createdAt,
    closedAt,
    registrationStatus: null,
  });
  return deal ? 'updated' : 'created';
}

function isOpenStage(stage: string): boolean {
  return !isClosedStage(stage);
}

function planParticipant(
  m: ObjectMapping,
  row: Row,
  found: Lookups,
  seen: Map<string, string>,
  accountKeys: Map<string, { kind: 'customer' | 'partner'; id: string }>,
  dealKeys: Map<string, PlannedDealKey>,
  writes: PlannedWrites,
): Outcome {
  const dealKey = required(m, row, 'deal');
  let deal = dealKeys.get(dealKey);
  if (!deal) {
    const stored = found.deals.get(dealKey);
    if (!stored)
      throw new RowRejected(columnOf(m, 'deal'), `no Opportunity with Id ${JSON.stringify(dealKey)} in this import or the graph`);
    deal = {
      id: stored.id,
      customerId: stored.customerId,
      createdAt: stored.createdAt.toISOString(),
      participants: [...stored.participants],
    };
    dealKeys.set(dealKey, deal);
  }
  const partnerKey = required(m, row, 'partner');
  const partnerId = accountOf(m, 'partner', partnerKey, 'partner', found, accountKeys);
  const role = field(m, row, 'role', DEAL_ROLES)!;
  if (role === null) throw new RowRejected(columnOf(m, 'role'), 'required');
  const sourced = bool(m, row, 'sourced') ?? false;
  once(seen, `${dealKey}\u0000${partnerKey}`, row, columnOf(m, 'partner'), 'this partner on this opportunity is');
  const others = deal.participants.filter((p) => p.partnerId !== partnerId);
  if (sourced && others.some((p) => p.sourced))
    throw new RowRejected(columnOf(m, 'sourced'), 'the opportunity already has a primary (sourcing) partner');
  const current = deal.participants.find((p) => p.partnerId === partnerId);
  deal.participants = [...others, { partnerId, role, sourced }];
  if (current && current.role === role && current.sourced === sourced) return 'unchanged';
  writes.participants.push({ dealId: deal.id, partnerId, role, sourced });
  return current ? 'updated' : 'created';
}

function accountOf(
  m: ObjectMapping,
  fieldName: string,
  key: string,
  kind: 'customer' | 'partner',
  found: Lookups,
  accountKeys: Map<string, { kind: 'customer' | 'partner'; id: string }>,
): string {
  const column = columnOf(m, fieldName);
  const planned = accountKeys.get(key);
  if (planned) {
    if (planned.kind !== kind) throw new RowRejected(column, `the Account ${JSON.stringify(key)} is a ${planned.kind}, not a ${kind}`);
    return planned.id;
  }
  const stored = kind === 'customer' ? found.customers.get(key) : found.partners.get(key);
  if (stored) return stored.id;
  const other = kind === 'customer' ? found.partners.get(key) : found.customers.get(key);
  if (other)
    throw new RowRejected(column, `the Account ${JSON.stringify(key)} is a ${kind === 'customer' ? 'partner' : 'customer'}, not a ${kind}`);
  throw new RowRejected(column, `no Account with Id ${JSON.stringify(key)} in this import or the graph`);
}

/** New deals get their registration status from the rules of engagement, with the graph's deals on their customers. */
async function decideNewDeals(run: Run, writes: PlannedWrites): Promise<void> {
  const fresh = writes.deals.filter((d) => d.isNew);
  if (fresh.length === 0) return;
  const resellers = (dealId: string) =>
    writes.participants.filter((p) => p.dealId === dealId && p.role === 'RESELLER').map((p) => p.partnerId);
  const candidates: RegistrationCandidate[] = fresh.map((d) => ({
    id: d.id,
    customerId: d.customerId,
    stage: d.stage,
    createdAt: new Date(d.createdAt),
    registrationStatus: null,
    resellerIds: resellers(d.id),
  }));
  const stored = await run.run<RegistrationCandidate>('interchange/list-registration-candidates', {
    customerIds: [...new Set(fresh.map((d) => d.customerId))],
  });
  const updated = new Map(writes.deals.map((d) => [d.id, d]));
  for (const s of stored) {
    const next = updated.get(s.id);
    candidates.push({
      ...s,
      customerId: next?.customerId ?? s.customerId,
      stage: next?.stage ?? s.stage,
      resellerIds: [...new Set([...s.resellerIds, ...resellers(s.id)])],
    });
  }
  const statuses = decideRegistrationStatuses(candidates);
  for (const d of fresh) d.registrationStatus = statuses.get(d.id) ?? 'APPROVED';
}

/** Writes a plan without rejections inside the caller's write transaction. */
export async function writeCrmPlan(tx: WriteTransaction, system: string, plan: CrmPlan, at: Date): Promise<void> {
  const { customers, partners, deals, participants } = plan.writes;
  // The outbox records what changes among them (src/events/outbox.ts).
  await tx.track(
    'Customer',
    customers.map((c) => c.id),
  );
  await tx.track(
    'Partner',
    partners.map((p) => p.id),
  );
  await tx.track('Deal', [...deals.map((d) => d.id), ...participants.map((p) => p.dealId)]);
  if (customers.length > 0)
    await tx.run('crm/upsert-customers', {
      rows: customers.map(({ id, name, normalizedName, domain, industry, region }) => ({
        id,
        name,
        searchName: searchName(name),
        normalizedName,
        domain,
        industry,
        region,
      })),
    });
  if (partners.length > 0)
    await tx.run('crm/upsert-partners', {
      now: new Date(),
      rows: partners.map(({ id, name, types, website }) => ({ id, name, searchName: searchName(name), types, website })),
    });
  const keyOf = (list: readonly { id: string; isNew: boolean; key: string }[]) =>
    list.filter((e) => e.isNew).map((e) => ({ id: e.id, externalIds: [{ system, id: e.key }] }));
  const conflict = () => ['crm'];
  await setExternalIds(tx, 'Customer', keyOf(customers), conflict);
  await setExternalIds(tx, 'Partner', keyOf(partners), conflict);
  if (deals.length > 0) {
    await tx.run('crm/upsert-deals', {
      at,
      rows: deals.map(({ id, isNew, name, customerId, stage, amountMinor, currency, createdAt, closedAt, registrationStatus }) => ({
        id,
        isNew,
        name,
        customerId,
        stage,
        amountMinor,
        currency,
        createdAt,
        closedAt,
        registrationStatus,
      })),
    });
  }
  await setExternalIds(tx, 'Deal', keyOf(deals), conflict);
  if (participants.length > 0) await tx.run('crm/upsert-participants', { at, rows: participants });
}

/** The plan as text: per file, rows created / updated / unchanged / rejected, then each rejection. */
export function formatCrmReport(plan: CrmPlan, dryRun: boolean): string {
  const lines: string[] = [];
  for (const f of plan.files) {
    lines.push(
      `${f.file} (${f.object}): ${f.rows} rows: ${f.created} created, ${f.updated} updated, ${f.unchanged} unchanged, ${f.rejected.length} rejected`,
    );
    for (const r of f.rejected) lines.push(`  row ${r.row}, column ${r.column}: ${r.reason}`);
  }
  const total = plan.files.reduce((n, f) => n + f.created + f.updated, 0);
  if (dryRun) lines.push(`Dry run: nothing was written${plan.ok ? '' : ' (a real run would refuse: some rows are rejected)'}.`);
  else if (!plan.ok) lines.push('Some rows are rejected: nothing was written (the import is all or nothing).');
  else lines.push(total === 0 ? 'Nothing to change.' : `Written in one transaction: ${total} rows created or updated.`);
  return lines.join('\n');
}

/**
 * The whole import: with dryRun a plan read in one read transaction, nothing written; otherwise
 * planned again and written in one write transaction, only when no row is rejected.
 */
export function runCrmImport(
  db: CypherExecutor,
  mapping: CrmMapping,
  inputs: readonly CsvInput[],
  options: { dryRun?: boolean; onProgress?: (file: string, done: number, total: number) => void; at?: Date } = {},
): Promise<CrmPlan> {
  if (options.dryRun) return db.readTransaction((tx) => planCrmImport(tx, mapping, inputs, options.onProgress));
  return db.writeTransaction(async (tx) => {
    const plan = await planCrmImport(tx, mapping, inputs, options.onProgress);
    if (plan.ok) await writeCrmPlan(tx, mapping.system, plan, options.at ?? new Date());
    return plan;
  });
}
