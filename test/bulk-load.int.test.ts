// The bulk load against a real Neo4j: it writes exactly what the one-transaction import writes.
// Like test/interchange.int.test.ts it replaces the whole ecosystem (integration files run one
// at a time), and it leaves the database empty of ecosystem nodes.
import { afterAll, describe, expect, it } from 'vitest';
import { generateEcosystem } from '../seed/generator.js';
import { bulkLoadEcosystem } from '../src/interchange/bulk-load.js';
import { exportEcosystem, serializeEcosystem } from '../src/interchange/export.js';
import { importEcosystem, type ImportResult } from '../src/interchange/import.js';
import { graphFingerprint, testExecutor } from './support/db.js';

const db = testExecutor();
const EMPTY = { formatVersion: 1 };
// Small, but every section is there, with deals both with and without a registration status.
const DOC = generateEcosystem({ partners: 40, customers: 150, accountsPerPartner: 6, solutions: 6, deals: 60, capabilities: 30, seed: 7 });

afterAll(async () => {
  await importEcosystem(db, EMPTY, { replace: true });
});

function counts(result: ImportResult) {
  if (!result.ok) expect.fail(`load failed:\n${JSON.stringify(result.problems.slice(0, 10), null, 2)}`);
  return result.counts;
}

async function exportedText(): Promise<string> {
  return serializeEcosystem(await exportEcosystem(db));
}

async function importedEvents(): Promise<number> {
  const [row] = await db.runText<{ n: number }>("MATCH (:Deal)-[:HAS_EVENT]->(e:DealEvent {kind: 'IMPORTED'}) RETURN count(e) AS n");
  return row?.n ?? 0;
}

let expected = '';
let expectedShape = { nodes: 0, relationships: 0 };

describe('bulkLoadEcosystem', () => {
  it('with replace, in small batches, writes the same graph as the one-transaction import', async () => {
    counts(await importEcosystem(db, DOC, { replace: true }));
    expected = await exportedText();
    expectedShape = await graphFingerprint(db);

    const progress: number[] = [];
    const loaded = counts(await bulkLoadEcosystem(db, DOC, { replace: true, batchSize: 7, onProgress: (done) => progress.push(done) }));
    expect(loaded.records).toBe(30 + 40 + 150 + DOC.accounts.length + 6 + 60);
    expect(loaded.dealsCreated).toBe(60);
    expect(progress.at(-1)).toBe(loaded.records);
    expect(await exportedText()).toBe(expected);
    expect(await graphFingerprint(db)).toEqual(expectedShape);
    expect(await importedEvents()).toBe(60);
  });

  it('without replace upserts with MERGE: loading again changes nothing and creates no deal', async () => {
    const before = await exportedText();
    const shape = await graphFingerprint(db);
    const loaded = counts(await bulkLoadEcosystem(db, DOC, { batchSize: 11 }));
    expect(loaded.dealsCreated).toBe(0);
    expect(await exportedText()).toBe(before);
    expect(await graphFingerprint(db)).toEqual(shape);
  });

  it('checks the whole document first: with a problem nothing is written', async () => {
    const shape = await graphFingerprint(db);
    const bad = { ...DOC, accounts: [...DOC.accounts, { partnerId: 'nobody', customerId: DOC.customers[0]!.id, status: 'CUSTOMER' }] };
    const result = await bulkLoadEcosystem(db, bad, { replace: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(`$.accounts[${DOC.accounts.length}].partnerId`);
    expect(await graphFingerprint(db)).toEqual(shape);
  });

  it('the one-transaction import --replace over another ecosystem leaves exactly the document (upserted, the rest deleted last)', async () => {
    const other = generateEcosystem({
      partners: 35,
      customers: 120,
      accountsPerPartner: 5,
      solutions: 4,
      deals: 50,
      capabilities: 25,
      seed: 8,
    });
    counts(await bulkLoadEcosystem(db, other, { replace: true }));
    expect(await exportedText()).not.toBe(expected);
    const imported = counts(await importEcosystem(db, DOC, { replace: true }));
    expect(imported.dealsCreated).toBe(60);
    expect(await exportedText()).toBe(expected);
    expect(await graphFingerprint(db)).toEqual(expectedShape);
    expect(await importedEvents()).toBe(60);
  });
});
