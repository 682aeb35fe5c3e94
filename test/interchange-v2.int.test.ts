// Interchange format version 2's identity fields against the real database: a version-2 document
// with external ids on every kind and customer domains round-trips byte-identically (one
// transaction and --bulk), version 1 is still read, and clashes with the database are refused
// whole, by JSON path.
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

/** The document in its one textual form, written by hand in the exporter's order. */
const V2_TEXT = `${JSON.stringify(
  {
    formatVersion: 2,
    capabilities: [{ id: 'cap-1', name: 'Identity', category: 'Security', externalIds: [{ system: 'pim', id: 'CAP 1' }] }],
    partners: [
      {
        id: 'p-1',
        name: 'Reseller One',
        types: ['RESELLER'],
        tier: 'GOLD',
        lifecycleStage: 'ACTIVE',
        regions: ['EMEA'],
        industries: [],
        capabilities: [{ capabilityId: 'cap-1', level: 'EXPERT' }],
        integrations: [],
        sharing: [],
        externalIds: [
          { system: 'hubspot', id: '42' },
          { system: 'salesforce', id: '001A' },
          { system: 'salesforce', id: '001B' },
        ],
      },
    ],
    customers: [
      {
        id: 'u-1',
        name: 'Northwind Traders, Inc.',
        domain: 'northwind.example',
        industry: 'RETAIL',
        needs: ['cap-1'],
        externalIds: [{ system: 'salesforce', id: '001A' }],
      },
      { id: 'u-2', name: 'Contoso', domain: 'emea.contoso.example', needs: [] },
      {
        id: 'u-3',
        name: 'Fabrikam',
        needs: [],
        externalIds: [
          { system: 'aws-ace', id: 'O-1' },
          { system: 'msft-referral', id: 'ü 7' },
        ],
      },
    ],
    accounts: [{ partnerId: 'p-1', customerId: 'u-1', status: 'CUSTOMER' }],
    solutions: [
      {
        id: 's-1',
        name: 'Bundle',
        status: 'PUBLISHED',
        requires: ['cap-1'],
        members: [{ partnerId: 'p-1', role: 'RESELLER' }],
        regions: [],
        industries: [],
        externalIds: [{ system: 'pim', id: 'S1' }],
      },
    ],
    deals: [
      {
        id: 'd-1',
        name: 'Renewal',
        customerId: 'u-1',
        solutionId: 's-1',
        stage: 'PROPOSAL',
        amount: '1250.50',
        currency: 'USD',
        createdAt: '2025-01-02T03:04:05.000Z',
        participants: [{ partnerId: 'p-1', role: 'RESELLER', sourced: true, registeredAt: '2025-01-02T03:04:05.000Z' }],
        registrationStatus: 'APPROVED',
        externalIds: [{ system: 'salesforce', id: '006X' }],
      },
    ],
  },
  null,
  2,
)}\n`;

async function exportedText(): Promise<string> {
  return serializeEcosystem(await exportEcosystem(db));
}

describe('format version 2: identity', () => {
  it('a version-2 document with external ids and domains round-trips byte-identically', async () => {
    const checked = checkEcosystemDocument(JSON.parse(V2_TEXT));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(serializeEcosystem(checked.doc)).toBe(V2_TEXT);
    expect((await importEcosystem(db, JSON.parse(V2_TEXT), { replace: true })).ok).toBe(true);
    const first = await exportedText();
    expect(first).toBe(V2_TEXT);
    // Importing it again (merge mode) changes nothing, not even a property.
    const sum = await graphChecksum(db);
    expect((await importEcosystem(db, JSON.parse(first), {})).ok).toBe(true);
    expect((await graphChecksum(db)).sha256).toBe(sum.sha256);
    expect(await exportedText()).toBe(V2_TEXT);
    // The bulk load writes the same graph.
    expect((await bulkLoadEcosystem(db, JSON.parse(first), { replace: true })).ok).toBe(true);
    expect(await exportedText()).toBe(V2_TEXT);
  });

  it('reads version 1 and writes version 2; domains are normalised on the way in', async () => {
    const v1 = { formatVersion: 1, customers: [{ id: 'u-9', name: 'Old', domain: 'HTTPS://WWW.Old.Example/' }] };
    expect((await importEcosystem(db, v1, { replace: true })).ok).toBe(true);
    const back = JSON.parse(await exportedText());
    expect(back.formatVersion).toBe(2);
    expect(back.customers).toEqual([{ id: 'u-9', name: 'Old', domain: 'old.example', needs: [] }]);
  });

  it('refuses duplicate external ids and domains in a document, and clashes with the database, by path', async () => {
    const twice = checkEcosystemDocument({
      formatVersion: 2,
      partners: [
        { id: 'a', name: 'A', types: ['MSP'], externalIds: [{ system: 'crm', id: '1' }] },
        {
          id: 'b',
          name: 'B',
          types: ['MSP'],
          externalIds: [
            { system: 'crm', id: '2' },
            { system: 'crm', id: '1' },
          ],
        },
      ],
      customers: [
        { id: 'a', name: 'A', domain: 'a.example', externalIds: [{ system: 'crm', id: '1' }] },
        { id: 'b', name: 'B', domain: 'www.A.example' },
        { id: 'c', name: 'C', domain: 'nope' },
      ],
    });
    expect(twice.ok ? [] : twice.problems.map((p) => [p.path, p.code])).toEqual([
      ['$.partners[1].externalIds[1]', 'DUPLICATE_EXTERNAL_ID'],
      ['$.customers[1].domain', 'DUPLICATE_DOMAIN'],
      ['$.customers[2].domain', 'INVALID_DOMAIN'],
    ]);

    expect((await importEcosystem(db, JSON.parse(V2_TEXT), { replace: true })).ok).toBe(true);
    const before = await graphChecksum(db);
    const clash = await importEcosystem(db, {
      formatVersion: 2,
      partners: [{ id: 'p-2', name: 'Two', types: ['MSP'], externalIds: [{ system: 'salesforce', id: '001B' }] }],
      customers: [{ id: 'u-4', name: 'Four', domain: 'northwind.example' }],
    });
    expect(clash.ok ? [] : clash.problems.map((p) => [p.path, p.code])).toEqual([['$.customers[0].domain', 'DOMAIN_TAKEN']]);
    const clash2 = await importEcosystem(db, {
      formatVersion: 2,
      partners: [{ id: 'p-2', name: 'Two', types: ['MSP'], externalIds: [{ system: 'salesforce', id: '001B' }] }],
    });
    expect(clash2.ok ? [] : clash2.problems.map((p) => [p.path, p.code, p.message])).toEqual([
      ['$.partners[0].externalIds[0]', 'EXTERNAL_ID_TAKEN', 'The external id (salesforce, 001B) already belongs to partner "p-1"'],
    ]);
    expect((await graphChecksum(db)).sha256).toBe(before.sha256);
    // With --replace the old owner goes, so the document may take its keys and domains.
    expect(
      (
        await importEcosystem(
          db,
          {
            formatVersion: 2,
            partners: [{ id: 'p-2', name: 'Two', types: ['MSP'], externalIds: [{ system: 'salesforce', id: '001B' }] }],
            customers: [{ id: 'u-4', name: 'Four', domain: 'northwind.example' }],
          },
          { replace: true },
        )
      ).ok,
    ).toBe(true);
    const [left] = await db.runText<{ orphans: number; ids: number }>(
      'MATCH (x:ExternalId) RETURN count(x) AS ids, count(CASE WHEN NOT EXISTS { ()-[:HAS_EXTERNAL_ID]->(x) } THEN 1 END) AS orphans',
    );
    expect(left).toEqual({ ids: 1, orphans: 0 });
  });
});
