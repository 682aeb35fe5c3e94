// Interchange format version 2's validity in time (ecosystem-format.md "Validity in time", README "Time") against the
// real database: a document with intervals on every kind of relationship, several entries per pair and histories
// round-trips export -> import --replace -> export byte-identically (one transaction and the bulk load), the stored
// relationships are HAS_* / HAD_* as the contract says, and bad intervals and histories are refused by JSON path.
// Like test/interchange.int.test.ts it replaces the whole ecosystem (integration files run one at a time).
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLoadEcosystem } from '../src/interchange/bulk-load.js';
import { exportEcosystem, serializeEcosystem } from '../src/interchange/export.js';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { importEcosystem } from '../src/interchange/import.js';
import { graphChecksum, testExecutor } from './support/db.js';

const db = testExecutor();
const EMPTY = { formatVersion: 2 };
afterAll(async () => {
  await importEcosystem(db, EMPTY, { replace: true });
});

const T = (month: string) => `2024-${month}-01T00:00:00.000Z`;

/** The document in its one textual form, written by hand in the exporter's order. */
const TIME_TEXT = `${JSON.stringify(
  {
    formatVersion: 2,
    capabilities: [
      { id: 'cap-1', name: 'Identity' },
      { id: 'cap-2', name: 'Backup' },
    ],
    partners: [
      {
        id: 'p-1',
        name: 'One',
        types: ['RESELLER'],
        tier: 'GOLD',
        lifecycleStage: 'ACTIVE',
        regions: [],
        industries: [],
        capabilities: [
          { capabilityId: 'cap-1', level: 'BASIC', since: T('01'), until: T('03') },
          { capabilityId: 'cap-1', level: 'EXPERT', since: T('03') },
          { capabilityId: 'cap-2', level: 'CERTIFIED', until: T('02') },
        ],
        integrations: [
          { partnerId: 'p-2', since: T('01'), until: T('02') },
          { partnerId: 'p-2', since: T('04') },
        ],
        sharing: [{ partnerId: 'p-2', level: 'FULL', since: T('02'), until: T('05') }],
        stageHistory: [
          { stage: 'PROSPECT', at: T('01') },
          { stage: 'ONBOARDING', at: T('02') },
          { stage: 'ACTIVE', at: T('04') },
        ],
        tierHistory: [
          { tier: 'SILVER', at: T('01') },
          { tier: 'GOLD', at: T('06') },
        ],
      },
      {
        id: 'p-2',
        name: 'Two',
        types: ['TECHNOLOGY'],
        tier: 'REGISTERED',
        lifecycleStage: 'OFFBOARDED',
        regions: [],
        industries: [],
        capabilities: [],
        integrations: [
          { partnerId: 'p-1', since: T('01'), until: T('02') },
          { partnerId: 'p-1', since: T('04') },
        ],
        sharing: [],
        stageHistory: [
          { stage: 'ACTIVE', at: T('01') },
          { stage: 'DORMANT', at: T('05') },
          { stage: 'OFFBOARDED', at: T('07') },
        ],
      },
    ],
    customers: [
      { id: 'u-1', name: 'Northwind', needs: [] },
      { id: 'u-2', name: 'Contoso', needs: [] },
    ],
    accounts: [
      { partnerId: 'p-1', customerId: 'u-1', status: 'PROSPECT', until: T('02') },
      { partnerId: 'p-1', customerId: 'u-1', status: 'OPPORTUNITY', since: T('02'), until: T('03') },
      { partnerId: 'p-1', customerId: 'u-1', status: 'CUSTOMER', since: T('03') },
      { partnerId: 'p-2', customerId: 'u-2', status: 'CUSTOMER', since: T('01'), until: T('07') },
    ],
    solutions: [
      {
        id: 's-1',
        name: 'Bundle',
        status: 'PUBLISHED',
        requires: [],
        members: [
          { partnerId: 'p-1', role: 'RESELLER', since: T('02') },
          { partnerId: 'p-2', role: 'TECHNOLOGY', since: T('01'), until: T('07') },
        ],
        regions: [],
        industries: [],
      },
    ],
    deals: [],
  },
  null,
  2,
)}\n`;

async function exportedText(): Promise<string> {
  return serializeEcosystem(await exportEcosystem(db));
}

async function storedTypes(): Promise<string[]> {
  const rows = await db.runText<{ type: string; n: number }>(
    'MATCH (:Partner)-[r]->() WHERE type(r) <> "HAS_EXTERNAL_ID" RETURN type(r) AS type, count(*) AS n ORDER BY type',
  );
  return rows.map((r) => `${r.type} ${r.n}`);
}

describe('format version 2: validity in time', () => {
  it('a document with intervals and histories round-trips byte-identically (import --replace and bulk load)', async () => {
    const checked = checkEcosystemDocument(JSON.parse(TIME_TEXT));
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    if (!checked.ok) return;
    expect(serializeEcosystem(checked.doc)).toBe(TIME_TEXT);

    expect((await importEcosystem(db, JSON.parse(TIME_TEXT), { replace: true })).ok).toBe(true);
    const first = await exportedText();
    expect(first).toBe(TIME_TEXT);
    const types = await storedTypes();
    expect(types).toEqual([
      'HAD_ACCOUNT 3',
      'HAD_CAPABILITY 2',
      'HAD_INTEGRATION 1',
      'HAD_MEMBERSHIP 1',
      'HAD_SHARING 1',
      'HAS_ACCOUNT 1',
      'HAS_CAPABILITY 1',
      'INTEGRATES_WITH 1',
      'MEMBER_OF 1',
    ]);

    // Importing again (merge mode) changes nothing; export -> import --replace -> export is byte-identical.
    const sum = await graphChecksum(db);
    expect((await importEcosystem(db, JSON.parse(first), {})).ok).toBe(true);
    expect((await graphChecksum(db)).sha256).toBe(sum.sha256);
    expect((await importEcosystem(db, JSON.parse(first), { replace: true })).ok).toBe(true);
    expect(await exportedText()).toBe(TIME_TEXT);

    // The bulk load writes the same graph, with replace and without.
    expect((await bulkLoadEcosystem(db, JSON.parse(first), { replace: true })).ok).toBe(true);
    expect(await exportedText()).toBe(TIME_TEXT);
    expect(await storedTypes()).toEqual(types);
    expect((await bulkLoadEcosystem(db, JSON.parse(first), {})).ok).toBe(true);
    expect(await exportedText()).toBe(TIME_TEXT);
  });

  it('reads version 1 integratesWith and version 2 integrations on one side only as the same undirected integration', async () => {
    const doc = {
      formatVersion: 1,
      partners: [
        { id: 'a', name: 'A', types: ['MSP'], integratesWith: ['b'] },
        { id: 'b', name: 'B', types: ['MSP'], integrations: [{ partnerId: 'c', until: T('02') }] },
        { id: 'c', name: 'C', types: ['MSP'] },
      ],
    };
    expect((await importEcosystem(db, doc, { replace: true })).ok).toBe(true);
    const back = JSON.parse(await exportedText()) as { partners: { id: string; integrations: unknown[] }[] };
    expect(back.partners.map((p) => [p.id, p.integrations])).toEqual([
      ['a', [{ partnerId: 'b' }]],
      ['b', [{ partnerId: 'a' }, { partnerId: 'c', until: T('02') }]],
      ['c', [{ partnerId: 'b', until: T('02') }]],
    ]);
  });

  it('refuses future dates, empty intervals, overlaps and bad histories, every one by JSON path, and writes nothing', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const bad = {
      formatVersion: 2,
      capabilities: [{ id: 'cap', name: 'Cap' }],
      partners: [
        {
          id: 'a',
          name: 'A',
          types: ['MSP'],
          lifecycleStage: 'ACTIVE',
          tier: 'GOLD',
          capabilities: [
            { capabilityId: 'cap', since: T('01'), until: T('05') },
            { capabilityId: 'cap', since: T('04') },
          ],
          integrations: [
            { partnerId: 'b', since: future },
            { partnerId: 'b', since: T('03'), until: T('08') },
          ],
          sharing: [{ partnerId: 'b', level: 'FULL', since: T('05'), until: T('05') }],
          stageHistory: [
            { stage: 'ONBOARDING', at: T('03') },
            { stage: 'ACTIVE', at: T('02') },
          ],
          tierHistory: [{ tier: 'SILVER', at: T('01') }],
        },
        { id: 'b', name: 'B', types: ['MSP'], integrations: [{ partnerId: 'a', since: T('01'), until: T('06') }] },
      ],
      customers: [{ id: 'u', name: 'U' }],
      accounts: [
        { partnerId: 'a', customerId: 'u', status: 'PROSPECT', until: T('03') },
        { partnerId: 'a', customerId: 'u', status: 'CUSTOMER', since: T('02') },
        { partnerId: 'b', customerId: 'u', status: 'CUSTOMER' },
        { partnerId: 'b', customerId: 'u', status: 'CUSTOMER' },
      ],
      solutions: [{ id: 's', name: 'S', members: [{ partnerId: 'a', role: 'MSP', until: future }] }],
    };
    const before = await graphChecksum(db);
    const result = await importEcosystem(db, bad, { replace: true });
    expect(result.ok ? [] : result.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.partners[0].capabilities[1].since', 'OVERLAPPING_INTERVAL'],
      ['$.partners[0].integrations[0].since', 'FUTURE_DATETIME'],
      ['$.partners[0].sharing[0].until', 'INVALID_INTERVAL'],
      ['$.partners[0].stageHistory[1].at', 'HISTORY_NOT_SORTED'],
      ['$.partners[0].tierHistory[0].tier', 'HISTORY_MISMATCH'],
      ['$.partners[1].integrations[0].since', 'OVERLAPPING_INTERVAL'],
      ['$.accounts[1].since', 'OVERLAPPING_INTERVAL'],
      ['$.accounts[3]', 'DUPLICATE_ACCOUNT'],
      ['$.solutions[0].members[0].until', 'FUTURE_DATETIME'],
    ]);
    expect((await graphChecksum(db)).sha256).toBe(before.sha256);
    // The bulk load checks the same way.
    const bulk = await bulkLoadEcosystem(db, bad, { replace: true });
    expect(bulk.ok ? 0 : bulk.problems.length).toBe(9);
    expect((await graphChecksum(db)).sha256).toBe(before.sha256);
  });
});
