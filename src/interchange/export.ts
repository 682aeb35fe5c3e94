// Exports the whole ecosystem as an interchange document (one read transaction, so a consistent
// snapshot), and serialises a document in its one stable form: fixed key order, every list
// sorted, amounts with exactly the currency's minor digits, absent optional fields omitted.
// Hence export -> import --replace -> export is byte-identical.
import type { CypherExecutor } from '../db/executor.js';
import { formatMinor, parseAmount } from '../money/money.js';
import {
  compareIds,
  type AccountRecord,
  type CapabilityRecord,
  type CustomerRecord,
  type DealRecord,
  type EcosystemDocument,
  type PartnerRecord,
  type SolutionRecord,
  type StageChange,
  type TierChange,
  type Validity,
  byValidity,
  withSortedExternalIds,
} from './format.js';
import { sortExternalIds } from '../identity/identity.js';
import { rulesOf } from '../policy/rules-store.js';
import { readPrograms } from '../programs/program-service.js';
import { programRecordOf, RULES_FIELDS, type ProgramRecord, type RulesVersionRecord } from './policy-format.js';

type Nullable<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };

type DealExportRow = Omit<Nullable<DealRecord>, 'amount' | 'createdAt' | 'closedAt' | 'participants'> & {
  amountMinor: bigint | number;
  createdAt: Date;
  closedAt: Date | null;
  participants: { partnerId: string; role: DealRecord['participants'][number]['role']; sourced: boolean; registeredAt: Date }[];
};

/** Validity as Neo4j returns it: datetimes (toPlain makes them Date) or null. */
type StoredValidity = { since: Date | null; until: Date | null };

type PartnerExportRow = Omit<Nullable<PartnerRecord>, 'capabilities' | 'integrations' | 'sharing' | 'stageHistory' | 'tierHistory'> & {
  capabilities: (Omit<PartnerRecord['capabilities'][number], 'since' | 'until'> & StoredValidity)[];
  integrations: (Omit<PartnerRecord['integrations'][number], 'since' | 'until'> & StoredValidity)[];
  sharing: (Omit<PartnerRecord['sharing'][number], 'since' | 'until'> & StoredValidity)[];
  stageHistory: { stage: StageChange['stage']; at: Date }[];
  tierHistory: { tier: TierChange['tier']; at: Date }[];
};

type SolutionExportRow = Omit<Nullable<SolutionRecord>, 'members'> & {
  members: (Omit<SolutionRecord['members'][number], 'since' | 'until'> & StoredValidity)[];
};

/** since and until as the format writes them: ISO strings, left out when absent. */
function withValidity<T extends StoredValidity>(entry: T): Omit<T, 'since' | 'until'> & Validity {
  const { since, until, ...rest } = entry;
  return { ...rest, ...(since ? { since: since.toISOString() } : {}), ...(until ? { until: until.toISOString() } : {}) };
}

function partnerRecord(row: PartnerExportRow): PartnerRecord {
  const { capabilities, integrations, sharing, stageHistory, tierHistory, ...rest } = withoutNulls(row);
  return {
    ...rest,
    capabilities: capabilities.map(withValidity),
    integrations: integrations.map(withValidity),
    sharing: sharing.map(withValidity),
    ...(stageHistory.length > 0 ? { stageHistory: stageHistory.map((h) => ({ stage: h.stage, at: h.at.toISOString() })) } : {}),
    ...(tierHistory.length > 0 ? { tierHistory: tierHistory.map((h) => ({ tier: h.tier, at: h.at.toISOString() })) } : {}),
  };
}

export async function exportEcosystem(db: CypherExecutor): Promise<EcosystemDocument> {
  return db.readTransaction(async (tx) => {
    const capabilities = await tx.run<Nullable<CapabilityRecord>>('interchange/export-capabilities');
    const partners = await tx.run<PartnerExportRow>('interchange/export-partners');
    const customers = await tx.run<Nullable<CustomerRecord>>('interchange/export-customers');
    const accounts = await tx.run<Omit<AccountRecord, 'since' | 'until'> & StoredValidity>('interchange/export-accounts');
    const solutions = await tx.run<SolutionExportRow>('interchange/export-solutions');
    const deals = await tx.run<DealExportRow>('interchange/export-deals');
    const rules = (await tx.run<{ rules: Parameters<typeof rulesOf>[0] }>('policy/list-rules-versions')).map((r) =>
      rulesRecord(rulesOf(r.rules)),
    );
    const programs = (await readPrograms(tx.run)).map((p): ProgramRecord =>
      programRecordOf(
        p.id,
        p,
        p.enrolments.map((e) => ({ partnerId: e.partnerId, since: e.since.toISOString(), exclusiveTerritory: e.exclusiveTerritory })),
      ),
    );
    return {
      formatVersion: 2,
      capabilities: capabilities.map((r) => withSortedExternalIds(withoutNulls(r))),
      partners: partners.map((r) => withSortedExternalIds(partnerRecord(r))),
      customers: customers.map((r) => withSortedExternalIds(withoutNulls(r))),
      accounts: accounts.map(withValidity),
      solutions: solutions.map((r) => {
        const { members, ...rest } = withoutNulls(r);
        return withSortedExternalIds({ ...rest, members: members.map(withValidity) });
      }),
      deals: deals.map((r) => withSortedExternalIds(dealRecord(r))),
      ...(rules.length > 0 ? { rulesOfEngagement: rules } : {}),
      ...(programs.length > 0 ? { programs } : {}),
    };
  });
}

/** A stored version of the rules as the format writes it (absent values left out). */
function rulesRecord(r: ReturnType<typeof rulesOf>): RulesVersionRecord {
  return {
    version: r.version,
    conflictingRoles: r.conflictingRoles,
    ...(r.protectionWindowDays !== null ? { protectionWindowDays: r.protectionWindowDays } : {}),
    directDealsConflict: r.directDealsConflict,
    enforceTerritory: r.enforceTerritory,
    duplicateCustomersAsOne: r.duplicateCustomersAsOne,
    attributionModel: r.attributionModel,
    timeDecayHalfLifeDays: r.timeDecayHalfLifeDays,
    setAt: r.setAt!.toISOString(),
    setBy: r.setBy!,
    ...(r.note !== null ? { note: r.note } : {}),
  };
}

function dealRecord(row: DealExportRow): DealRecord {
  const { amountMinor, createdAt, closedAt, participants, ...rest } = withoutNulls(row);
  return {
    ...rest,
    amount: formatMinor(amountMinor, row.currency),
    createdAt: createdAt.toISOString(),
    ...(closedAt ? { closedAt: closedAt.toISOString() } : {}),
    participants: participants.map((p) => ({ ...p, registeredAt: p.registeredAt.toISOString() })),
  };
}

/** Absent optional properties come back from Neo4j as null; the format omits them. */
function withoutNulls<T extends object>(row: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) as { [K in keyof T]: Exclude<T[K], null> };
}

// ---- Stable JSON ----

function byKey<T>(key: (item: T) => string, then?: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareIds(key(a), key(b)) || (then ? compareIds(then(a), then(b)) : 0);
}

function sortedIds(ids: readonly string[]): string[] {
  return [...ids].sort(compareIds);
}

/** Copies the named keys in this order, leaving out the ones that are absent. */
function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

/** External ids sorted, and left out when there are none. */
function ext<T extends { externalIds?: { system: string; id: string }[] }>(record: T): T {
  const list = record.externalIds;
  return {
    ...record,
    externalIds: list && list.length > 0 ? sortExternalIds(list).map((e) => ({ system: e.system, id: e.id })) : undefined,
  };
}

/** The document's one textual form: 2-space indent, trailing newline, keys in the format's order, lists sorted. */
export function serializeEcosystem(doc: EcosystemDocument): string {
  const canonical = {
    formatVersion: doc.formatVersion,
    capabilities: [...doc.capabilities]
      .sort(byKey((c) => c.id))
      .map((c) => ordered(ext(c), ['id', 'name', 'category', 'parentId', 'description', 'externalIds'])),
    partners: [...doc.partners].sort(byKey((p) => p.id)).map((p) =>
      ordered(
        {
          ...ext(p),
          capabilities: [...p.capabilities]
            .sort(byValidity((c) => c.capabilityId))
            .map((c) => ordered(c, ['capabilityId', 'level', 'since', 'until'])),
          integrations: [...p.integrations].sort(byValidity((l) => l.partnerId)).map((l) => ordered(l, ['partnerId', 'since', 'until'])),
          integratesWith: undefined,
          sharing: [...p.sharing].sort(byValidity((g) => g.partnerId)).map((g) => ordered(g, ['partnerId', 'level', 'since', 'until'])),
          stageHistory: p.stageHistory?.map((h) => ordered(h, ['stage', 'at'])),
          tierHistory: p.tierHistory?.map((h) => ordered(h, ['tier', 'at'])),
        } as PartnerRecord,
        [
          'id',
          'name',
          'types',
          'tier',
          'lifecycleStage',
          'regions',
          'industries',
          'website',
          'capabilities',
          'integrations',
          'sharing',
          'stageHistory',
          'tierHistory',
          'externalIds',
        ],
      ),
    ),
    customers: [...doc.customers]
      .sort(byKey((u) => u.id))
      .map((u) =>
        ordered({ ...ext(u), needs: sortedIds(u.needs) }, [
          'id',
          'name',
          'domain',
          'industry',
          'region',
          'segment',
          'needs',
          'externalIds',
        ]),
      ),
    accounts: [...doc.accounts]
      .sort(
        byValidity(
          (a) => a.partnerId,
          (a) => a.customerId,
        ),
      )
      .map((a) => ordered(a, ['partnerId', 'customerId', 'status', 'since', 'until'])),
    solutions: [...doc.solutions].sort(byKey((s) => s.id)).map((s) =>
      ordered(
        {
          ...ext(s),
          requires: sortedIds(s.requires),
          members: [...s.members].sort(byValidity((m) => m.partnerId)).map((m) => ordered(m, ['partnerId', 'role', 'since', 'until'])),
        } as SolutionRecord,
        ['id', 'name', 'description', 'status', 'requires', 'members', 'regions', 'industries', 'externalIds'],
      ),
    ),
    deals: [...doc.deals].sort(byKey((d) => d.id)).map((d) =>
      ordered(
        {
          ...ext(d),
          amount: formatMinor(parseAmount(d.amount, d.currency), d.currency),
          participants: [...d.participants]
            .sort(byKey((p) => p.partnerId))
            .map((p) => ordered(p, ['partnerId', 'role', 'sourced', 'registeredAt'])),
        } as DealRecord,
        [
          'id',
          'name',
          'customerId',
          'solutionId',
          'stage',
          'amount',
          'currency',
          'createdAt',
          'closedAt',
          'participants',
          'registrationStatus',
          'externalIds',
        ],
      ),
    ),
    rulesOfEngagement: doc.rulesOfEngagement
      ?.slice()
      .sort((a, b) => a.version - b.version)
      .map((r) => ordered(r, ['version', ...RULES_FIELDS])),
    programs: doc.programs
      ?.slice()
      .sort(byKey((g) => g.id))
      .map((g) =>
        ordered(
          {
            ...g,
            exchangeRates: [...g.exchangeRates].sort(byKey((r) => r.currency)).map((r) => ordered(r, ['currency', 'rate'])),
            exclusiveTerritory: ordered(g.exclusiveTerritory, ['regions', 'industries']),
            levels: g.levels.map((l) =>
              ordered(
                {
                  ...l,
                  sourcedWon: l.sourcedWon?.map((t) => ordered(t, ['amount', 'currency'])),
                  influencedWon: l.influencedWon?.map((t) => ordered(t, ['amount', 'currency'])),
                },
                ['tier', 'certifiedCapabilities', 'closedWonDeals', 'coSells', 'sourcedWon', 'influencedWon'],
              ),
            ),
            enrolments: [...g.enrolments]
              .sort(byKey((e) => e.partnerId))
              .map((e) =>
                ordered(
                  { ...e, exclusiveTerritory: ordered(e.exclusiveTerritory, ['regions', 'industries']) as typeof e.exclusiveTerritory },
                  ['partnerId', 'since', 'exclusiveTerritory'],
                ),
              ),
          } as ProgramRecord,
          ['id', 'name', 'partnerType', 'description', 'reportingCurrency', 'exchangeRates', 'exclusiveTerritory', 'levels', 'enrolments'],
        ),
      ),
  };
  return JSON.stringify(canonical, null, 2) + '\n';
}
