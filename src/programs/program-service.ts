// Partner programs over the API (issue 18; README, "Programs and tiers"): the programs and their enrolments, stored
// by cypher/programs/, and the reads that evaluate them: tierEvaluation, tierMismatches and programConflicts. The
// rules themselves are the pure functions of ./tiers.ts.
import DataLoader from 'dataloader';
import type { CypherExecutor, CypherTransaction } from '../db/executor.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../model/pagination.js';
import { decodePosition, pageDirection, positionCursor, type PageArgs } from '../relay/keyset.js';
import { pageArgs } from '../relay/ordered-pages.js';
import type { PartnerTier, PartnerType } from '../model/vocabulary.js';
import { asOfInstant, utcDateTime } from '../time/as-of.js';
import { attempt, generateId, IdArgument, notFound, onlyRow, type Outcome } from '../validation/problems.js';
import { fail, requireIdNotOtherKind } from '../validation/references.js';
import {
  EnrolPartnerInput,
  programAsInput,
  ProgramSchema,
  UnenrolPartnerArgs,
  UpdateProgramInput,
  type ProgramInput,
} from './program-inputs.js';
import {
  evaluateTier,
  programConflicts,
  windowStart,
  type Enrolment,
  type Program,
  type ProgramConflict,
  type ProgramLevel,
  type TierDirection,
  type TierFacts,
  type TierResult,
} from './tiers.js';

/** A program as the resolvers read it: its definition and its enrolments (scoped: a partner sees its own). */
export interface ProgramRow extends Program {
  enrolments: Enrolment[];
}

/** `TierEvaluation`: the evaluation with what it is of. */
export interface TierEvaluationRow extends TierResult {
  partnerId: string;
  program: ProgramRow;
  enrolled: boolean;
  asOf: Date;
  windowStart: Date;
}

export interface TierMismatchRow {
  partnerId: string;
  currentTier: PartnerTier;
  qualifiedTier: PartnerTier;
  direction: TierDirection;
}

/** A page's place among all the items, as a Relay connection's pageInfo. */
export interface ProgramPageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface TierMismatchPageRow {
  mismatches: TierMismatchRow[];
  totalCount: number;
  endCursor: string | null;
  pageInfo: ProgramPageInfo;
  enrolledCount: number;
}

/**
 * A page of `all` (in the list's order) by keysetRequest's rules: `first` (0 to 100) after `after`, or the `last`
 * before `before`; `decode` reads a cursor (BadInputError at its path), `compare` places an item against it. Also the
 * old-style endCursor: the cursor to pass as `after` when more follow (the page's last item's, or `after` itself for
 * an empty forward page), else null.
 */
function programPage<T, K>(
  all: T[],
  args: PageArgs,
  cursorOf: (item: T) => string,
  decode: (cursor: string, path: string[]) => K,
  compare: (item: T, key: K) => number,
) {
  const { size, backward, cursor, cursorPath } = pageDirection(pageArgs(args));
  const from = cursor ? decode(cursor, cursorPath) : null;
  // Read from the cursor in the page's direction, as a keyset read would.
  const rest =
    from === null
      ? backward
        ? [...all].reverse()
        : all
      : backward
        ? all.filter((t) => compare(t, from) < 0).reverse()
        : all.filter((t) => compare(t, from) > 0);
  const more = rest.length > size;
  const page = rest.slice(0, size);
  if (backward) page.reverse();
  const startCursor = page.length > 0 ? cursorOf(page[0]!) : null;
  const endCursor = page.length > 0 ? cursorOf(page[page.length - 1]!) : null;
  const hasNextPage = backward ? from !== null : more;
  return {
    page,
    endCursor: hasNextPage ? (endCursor ?? (backward ? null : cursor)) : null,
    pageInfo: { hasNextPage, hasPreviousPage: backward ? more : from !== null, startCursor, endCursor },
  };
}

/** tierMismatches' order: by partner id (an id order: a cursor is the partner id's, as the id-ordered connections make them). */
const TIER_MISMATCH_ORDER = 'TIER_MISMATCH:ID';

export interface ProgramConflictPageRow {
  conflicts: ProgramConflict[];
  totalCount: number;
  endCursor: string | null;
  pageInfo: ProgramPageInfo;
}

/** A conflict's place in the order programConflicts lists them: kind, then the partners, then the programs. */
function conflictKey(c: ProgramConflict): string[] {
  return [c.kind === 'PROGRAMS' ? '0' : '1', c.partnerIds[0] ?? '', c.partnerIds[1] ?? '', ...c.programIds];
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareIds(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return 0;
}

/** The opaque cursor of a conflict: its key as base64url JSON. */
export function conflictCursor(c: ProgramConflict): string {
  return Buffer.from(JSON.stringify(conflictKey(c))).toString('base64url');
}

function decodeConflictCursor(cursor: string, path: string[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 5 && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // reported below
  }
  throw new BadInputError(`${path.at(-1)} is not a cursor programConflicts gave`, path);
}

/** The largest page of tierMismatches and programConflicts. */
export const MAX_PROGRAM_PAGE = MAX_PAGE_SIZE;
/** Partners whose facts one get-tier-facts statement reads. */
const FACTS_BATCH = 500;

/** A level's thresholds as stored in the program's `levels` JSON text: minor units as decimal strings. */
interface StoredLevel {
  tier: PartnerTier;
  certifiedCapabilities: number | null;
  closedWonDeals: number | null;
  coSells: number | null;
  sourcedWon: { currency: string; minor: string }[] | null;
  influencedWon: { currency: string; minor: string }[] | null;
}

interface StoredProgram {
  id: string;
  name: string;
  partnerType: PartnerType;
  description: string | null;
  reportingCurrency: string | null;
  rateCurrencies: string[] | null;
  rates: string[] | null;
  exclusiveRegions: string[] | null;
  exclusiveIndustries: string[] | null;
  levels: string;
}

interface StoredEnrolment {
  partnerId: string;
  since: Date;
  exclusiveRegions: string[] | null;
  exclusiveIndustries: string[] | null;
}

/** A stored program and its enrolments as a row. */
export function programOf(stored: StoredProgram, enrolments: StoredEnrolment[]): ProgramRow {
  const money = (list: StoredLevel['sourcedWon']) =>
    list === null ? null : list.map((t) => ({ minor: BigInt(t.minor), currency: t.currency }));
  const levels = (JSON.parse(stored.levels) as StoredLevel[]).map((l): ProgramLevel => ({
    ...l,
    sourcedWon: money(l.sourcedWon),
    influencedWon: money(l.influencedWon),
  }));
  const rates = stored.rates ?? [];
  return {
    id: stored.id,
    name: stored.name,
    partnerType: stored.partnerType,
    description: stored.description ?? null,
    reportingCurrency: stored.reportingCurrency ?? null,
    exchangeRates: (stored.rateCurrencies ?? []).map((currency, i) => ({ currency, rate: rates[i]! })),
    exclusiveTerritory: { regions: stored.exclusiveRegions ?? [], industries: stored.exclusiveIndustries ?? [] },
    levels,
    enrolments: enrolments.map((e) => ({
      programId: stored.id,
      partnerId: e.partnerId,
      since: e.since,
      exclusiveTerritory: { regions: e.exclusiveRegions ?? [], industries: e.exclusiveIndustries ?? [] },
    })),
  };
}

/** A checked definition as the Program node's properties (rates sorted by currency, levels as canonical JSON text). */
export function programProperties(p: Omit<ProgramInput, 'id'>): Record<string, unknown> {
  const rates = [...p.exchangeRates].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const money = (list: ProgramLevel['sourcedWon']) =>
    list === null ? null : list.map((t) => ({ currency: t.currency, minor: t.minor.toString() }));
  const levels: StoredLevel[] = p.levels.map((l) => ({
    tier: l.tier,
    certifiedCapabilities: l.certifiedCapabilities,
    closedWonDeals: l.closedWonDeals,
    coSells: l.coSells,
    sourcedWon: money(l.sourcedWon),
    influencedWon: money(l.influencedWon),
  }));
  return {
    name: p.name,
    partnerType: p.partnerType,
    description: p.description,
    reportingCurrency: p.reportingCurrency,
    rateCurrencies: rates.map((r) => r.currency),
    rates: rates.map((r) => r.rate),
    exclusiveRegions: p.exclusiveTerritory.regions,
    exclusiveIndustries: p.exclusiveTerritory.industries,
    levels: JSON.stringify(levels),
  };
}

/** Programs (all, or `ids`, or one partner type), read in `tx` or a read of their own. */
export async function readPrograms(
  run: CypherTransaction['run'],
  filter: { ids?: string[] | null; partnerType?: PartnerType | null } = {},
): Promise<ProgramRow[]> {
  const rows = await run<{ program: StoredProgram; enrolments: StoredEnrolment[] }>('programs/list-programs', {
    ids: filter.ids ?? null,
    partnerType: filter.partnerType ?? null,
  });
  return rows.map((r) => programOf(r.program, r.enrolments));
}

interface FactsRow {
  partnerId: string;
  currentTier: PartnerTier;
  certifiedCapabilities: number;
  wonDeals: { dealId: string; amountMinor: bigint | number; currency: string; sourced: boolean; otherPartners: number }[];
}

export class ProgramService {
  private readonly byId: DataLoader<string, ProgramRow | null>;

  constructor(
    private readonly db: CypherExecutor,
    /** The clock (asOf defaults to now); tests inject one. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.byId = new DataLoader(async (ids) => {
      const rows = await readPrograms((n, p) => db.read(n, p), { ids: [...ids] });
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    });
  }

  /** Every program, or those of one partner type, ordered by id. */
  programs(partnerType?: PartnerType | null): Promise<ProgramRow[]> {
    return readPrograms((n, p) => this.db.read(n, p), { partnerType });
  }

  /** The program, or null when there is none. */
  program(id: string): Promise<ProgramRow | null> {
    return this.byId.load(id);
  }

  /** Creates a program (ADMIN). Errors: BAD_USER_INPUT at input.<field>, CONFLICT at input.id when the id is taken. */
  createProgram(args: unknown): Promise<Outcome<ProgramRow>> {
    return attempt(ProgramSchema, args, ['input'], (input) =>
      this.db.writeTransaction(async (tx) => {
        const id = input.id ?? generateId('program');
        await requireIdNotOtherKind(tx, 'Program', id, ['input', 'id']);
        await tx.track('Program', [id]);
        if ((await readPrograms(tx.run, { ids: [id] })).length > 0)
          fail({ path: ['input', 'id'], message: `A program with id ${JSON.stringify(id)} exists`, code: 'CONFLICT' });
        await tx.run('programs/create-program', { id, props: programProperties(input) });
        return (await readPrograms(tx.run, { ids: [id] }))[0]!;
      }),
    );
  }

  /**
   * Changes a program (ADMIN): the given fields merged onto the stored definition, which is then checked whole.
   * Errors: NOT_FOUND at input.id, BAD_USER_INPUT at input.<field>, CONFLICT at input.partnerType when an enrolled
   * partner lacks the new type.
   */
  async updateProgram(args: unknown): Promise<Outcome<ProgramRow>> {
    const head = UpdateProgramInput.safeParse(args);
    if (!head.success) return attempt(UpdateProgramInput, args, ['input'], async () => null as never);
    const [current] = await readPrograms((n, p) => this.db.read(n, p), { ids: [head.data.id] });
    if (!current) return { value: null, errors: [notFound(['input', 'id'], 'program', head.data.id)] };
    const given = Object.fromEntries(Object.entries(args as Record<string, unknown>).filter(([, v]) => v !== undefined));
    return attempt(ProgramSchema, { ...programAsInput(current), ...given }, ['input'], (input) =>
      this.db.writeTransaction(async (tx) => {
        const id = head.data.id;
        await tx.track('Program', [id]);
        const [program] = await readPrograms(tx.run, { ids: [id] });
        if (!program) fail(notFound(['input', 'id'], 'program', id));
        if (input.partnerType !== program.partnerType)
          await this.requirePartnerType(tx, input.partnerType, program.enrolments, ['input', 'partnerType']);
        onlyRow(await tx.run('programs/update-program', { id, props: programProperties(input) }), ['input', 'id'], 'program', id);
        return (await readPrograms(tx.run, { ids: [id] }))[0]!;
      }),
    );
  }

  /** Deletes a program and its enrolments (ADMIN). Errors: NOT_FOUND at id. */
  deleteProgram(args: unknown): Promise<Outcome<string>> {
    return attempt(IdArgument, args, [], ({ id }) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Program', [id]);
        return onlyRow(await tx.run<{ deletedId: string }>('programs/delete-program', { id }), ['id'], 'program', id).deletedId;
      }),
    );
  }

  /**
   * Enrols a partner, or changes its enrolment (ADMIN). Errors: NOT_FOUND at input.programId or input.partnerId,
   * BAD_USER_INPUT at input.partnerId when the partner lacks the program's type, at input.since in the future.
   */
  enrolPartner(args: unknown): Promise<Outcome<ProgramRow>> {
    return attempt(EnrolPartnerInput, args, ['input'], (input) =>
      this.db.writeTransaction(async (tx) => {
        const now = this.now();
        if (input.since && input.since.getTime() > now.getTime())
          fail({ path: ['input', 'since'], message: 'must not lie in the future', code: 'BAD_USER_INPUT' });
        await tx.track('Program', [input.programId]);
        const [program] = await readPrograms(tx.run, { ids: [input.programId] });
        if (!program) fail(notFound(['input', 'programId'], 'program', input.programId));
        await this.requirePartnerType(tx, program.partnerType, [{ partnerId: input.partnerId }], ['input', 'partnerId'], true);
        await tx.run('programs/set-enrolment', {
          programId: input.programId,
          partnerId: input.partnerId,
          since: input.since ?? now,
          exclusiveRegions: input.exclusiveTerritory.regions,
          exclusiveIndustries: input.exclusiveTerritory.industries,
        });
        return (await readPrograms(tx.run, { ids: [input.programId] }))[0]!;
      }),
    );
  }

  /** Ends a partner's enrolment (ADMIN). Errors: NOT_FOUND at partnerId when it is not enrolled, at programId. */
  unenrolPartner(args: unknown): Promise<Outcome<ProgramRow>> {
    return attempt(UnenrolPartnerArgs, args, [], ({ programId, partnerId }) =>
      this.db.writeTransaction(async (tx) => {
        await tx.track('Program', [programId]);
        if ((await readPrograms(tx.run, { ids: [programId] })).length === 0) fail(notFound(['programId'], 'program', programId));
        const rows = await tx.run('programs/delete-enrolment', { programId, partnerId });
        if (rows.length === 0)
          fail({
            path: ['partnerId'],
            message: `Partner ${JSON.stringify(partnerId)} is not enrolled in ${JSON.stringify(programId)}`,
            code: 'NOT_FOUND',
          });
        return (await readPrograms(tx.run, { ids: [programId] }))[0]!;
      }),
    );
  }

  /** Every partner named must exist (when `mustExist`) and have `type`. */
  private async requirePartnerType(
    tx: CypherTransaction,
    type: PartnerType,
    enrolled: { partnerId: string }[],
    path: string[],
    mustExist = false,
  ): Promise<void> {
    const ids = enrolled.map((e) => e.partnerId);
    const rows = await tx.run<{ id: string; types: string[] }>('programs/get-enrolment-partners', { ids });
    if (mustExist && rows.length === 0) fail(notFound(path, 'partner', ids[0]!));
    const lacking = rows.filter((r) => !r.types.includes(type)).map((r) => r.id);
    if (lacking.length > 0)
      fail({
        path,
        message: `${mustExist ? 'The partner' : `Enrolled partner(s) ${lacking.join(', ')}`} lack${mustExist ? 's' : ''} the program's partner type ${type}`,
        code: mustExist ? 'BAD_USER_INPUT' : 'CONFLICT',
      });
  }

  /** The facts of each partner (those found) as of `asOf`. */
  private async facts(partnerIds: string[], asOf: Date): Promise<Map<string, TierFacts>> {
    const out = new Map<string, TierFacts>();
    for (let i = 0; i < partnerIds.length; i += FACTS_BATCH) {
      const rows = await this.db.read<FactsRow>('programs/get-tier-facts', {
        partnerIds: partnerIds.slice(i, i + FACTS_BATCH),
        from: utcDateTime(windowStart(asOf)),
        asOf: utcDateTime(asOf),
      });
      for (const r of rows)
        out.set(r.partnerId, {
          currentTier: r.currentTier,
          certifiedCapabilities: Number(r.certifiedCapabilities),
          wonDeals: r.wonDeals.map((d) => ({
            dealId: d.dealId,
            minor: BigInt(d.amountMinor),
            currency: d.currency,
            sourced: d.sourced,
            otherPartners: Number(d.otherPartners),
          })),
        });
    }
    return out;
  }

  private instant(asOf: Date | null | undefined): Date {
    asOfInstant(asOf, ['asOf'], this.now());
    return asOf ?? this.now();
  }

  /** The partner's tier in the program as of `asOf` (default now). Errors: NOT_FOUND at partnerId or programId; BAD_USER_INPUT at asOf. */
  async tierEvaluation(partnerId: string, programId: string, asOf?: Date | null): Promise<TierEvaluationRow> {
    const at = this.instant(asOf);
    const [program, facts] = await Promise.all([this.program(programId), this.facts([partnerId], at)]);
    if (!program) throw new NotFoundError(`No program with id ${JSON.stringify(programId)}`, ['programId']);
    const found = facts.get(partnerId);
    if (!found) throw new NotFoundError(`No partner with id ${JSON.stringify(partnerId)}`, ['partnerId']);
    return {
      ...evaluateTier(program, found),
      partnerId,
      program,
      enrolled: program.enrolments.some((e) => e.partnerId === partnerId),
      asOf: at,
      windowStart: windowStart(at),
    };
  }

  /**
   * The enrolled partners whose tier differs from the qualified one, by partner id: `first` (0 to 100) after the cursor
   * `after`. BadInputError at `first` out of range, at `after` for a cursor that is not one of its cursors
   * (decodePosition, as every id-ordered connection); NotFoundError for an unknown program.
   */
  async tierMismatches(programId: string, asOf: Date | null | undefined, args: PageArgs): Promise<TierMismatchPageRow> {
    // The arguments first: a bad one is refused before any read.
    programPage([], args, String, decodeMismatchCursor, () => 0);
    const at = this.instant(asOf);
    const program = await this.program(programId);
    if (!program) throw new NotFoundError(`No program with id ${JSON.stringify(programId)}`, ['programId']);
    const ids = program.enrolments.map((e) => e.partnerId);
    const facts = await this.facts(ids, at);
    const all: TierMismatchRow[] = [];
    for (const partnerId of [...ids].sort(compareIds)) {
      const f = facts.get(partnerId);
      if (!f) continue;
      const r = evaluateTier(program, f);
      if (r.direction !== 'NONE')
        all.push({ partnerId, currentTier: r.currentTier, qualifiedTier: r.qualifiedTier, direction: r.direction });
    }
    const { page, endCursor, pageInfo } = programPage(
      all,
      args,
      (m) => positionCursor(TIER_MISMATCH_ORDER, { key: m.partnerId, id: m.partnerId }),
      decodeMismatchCursor,
      (m, id) => compareIds(m.partnerId, id),
    );
    return { mismatches: page, totalCount: all.length, endCursor, pageInfo, enrolledCount: ids.length };
  }

  /**
   * Overlapping exclusive territories (./tiers.ts programConflicts): `first` (0 to 100) after `after`, or the `last`
   * before `before`. BadInputError at the argument for a count out of range or a cursor it did not make.
   */
  async programConflicts(args: PageArgs): Promise<ProgramConflictPageRow> {
    programPage([], args, String, decodeConflictCursor, () => 0);
    const programs = await this.programs();
    const all = programConflicts(
      programs,
      programs.flatMap((p) => p.enrolments),
    );
    const { page, endCursor, pageInfo } = programPage(all, args, conflictCursor, decodeConflictCursor, (c, key) =>
      compareKeys(conflictKey(c), key),
    );
    return { conflicts: page, totalCount: all.length, endCursor, pageInfo };
  }
}

/** The partner id a tierMismatches cursor names (decodePosition: BadInputError at `path` for anything else). */
function decodeMismatchCursor(cursor: string, path: string[]): string {
  return decodePosition(TIER_MISMATCH_ORDER, cursor, path).id;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
