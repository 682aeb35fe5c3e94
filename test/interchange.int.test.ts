// Import and export against a real Neo4j. These tests replace the whole ecosystem and compare
// whole-database exports, so they all live in this one file (integration files run one at a time).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty, DEMO_ECOSYSTEM_FILE } from '../src/interchange/demo.js';
import { exportEcosystem, serializeEcosystem } from '../src/interchange/export.js';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { importEcosystem, recordCount, type ImportResult } from '../src/interchange/import.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('interchange');
const EMPTY = { formatVersion: 1 };

afterAll(async () => {
  await removeByPrefix(db, px);
});

function expectImported(result: ImportResult) {
  if (!result.ok) expect.fail(`import failed:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.counts;
}

async function exportedText(): Promise<string> {
  return serializeEcosystem(await exportEcosystem(db));
}

/** A small ecosystem touching every part of the format; every deal has its status so the document is complete. */
function goodDocument(p = px) {
  return {
    formatVersion: 1,
    capabilities: [
      { id: `${p}cap.security`, name: 'Security', category: 'Security' },
      { id: `${p}cap.edr`, name: 'Endpoint protection', category: 'Security', parentId: `${p}cap.security`, description: 'EDR' },
      { id: `${p}cap.cloud`, name: 'Cloud' },
    ],
    partners: [
      {
        id: `${p}acme`,
        name: 'Acme Security',
        types: ['TECHNOLOGY', 'SERVICES'],
        tier: 'GOLD',
        regions: ['EMEA'],
        industries: ['FINANCE'],
        website: 'https://acme.example',
        capabilities: [{ capabilityId: `${p}cap.edr`, level: 'EXPERT' }, { capabilityId: `${p}cap.cloud` }],
        integratesWith: [`${p}zeta`],
        sharing: [{ partnerId: `${p}resell`, level: 'OVERLAPS' }],
      },
      { id: `${p}resell`, name: 'Resell Co', types: ['RESELLER'], lifecycleStage: 'ONBOARDING' },
      { id: `${p}zeta`, name: 'Zeta Cloud', types: ['HYPERSCALER'], integratesWith: [`${p}acme`] },
    ],
    customers: [
      {
        id: `${p}bank`,
        name: 'Big Bank',
        industry: 'FINANCE',
        region: 'EMEA',
        segment: 'ENTERPRISE',
        needs: [`${p}cap.edr`, `${p}cap.cloud`],
      },
      { id: `${p}shop`, name: 'Small Shop' },
    ],
    accounts: [
      { partnerId: `${p}resell`, customerId: `${p}bank`, status: 'CUSTOMER' },
      { partnerId: `${p}acme`, customerId: `${p}bank`, status: 'OPPORTUNITY' },
    ],
    solutions: [
      {
        id: `${p}sol`,
        name: 'Secure cloud',
        description: 'EDR on Zeta',
        status: 'PUBLISHED',
        requires: [`${p}cap.edr`, `${p}cap.cloud`],
        members: [
          { partnerId: `${p}zeta`, role: 'HYPERSCALER' },
          { partnerId: `${p}acme`, role: 'TECHNOLOGY' },
        ],
        regions: ['EMEA'],
      },
    ],
    deals: [
      {
        id: `${p}deal-1`,
        name: 'Bank rollout',
        customerId: `${p}bank`,
        solutionId: `${p}sol`,
        stage: 'PROPOSAL',
        amount: '125000.50',
        currency: 'USD',
        createdAt: '2024-03-01T09:00:00.000Z',
        registrationStatus: 'APPROVED',
        participants: [
          { partnerId: `${p}resell`, role: 'RESELLER', sourced: true, registeredAt: '2024-03-01T09:00:00.000Z' },
          { partnerId: `${p}acme`, role: 'TECHNOLOGY', sourced: false, registeredAt: '2024-03-02T10:00:00.000Z' },
        ],
      },
      {
        id: `${p}deal-2`,
        name: 'Shop licences',
        customerId: `${p}shop`,
        stage: 'CLOSED_WON',
        amount: '1000000',
        currency: 'JPY',
        createdAt: '2024-01-10T00:00:00.000Z',
        closedAt: '2024-02-10T00:00:00.000Z',
        registrationStatus: 'APPROVED',
        participants: [],
      },
    ],
  };
}

describe('importEcosystem and exportEcosystem', () => {
  it('imports a good document and exports exactly its canonical form', async () => {
    const progress: [number, number][] = [];
    const counts = expectImported(
      await importEcosystem(db, goodDocument(), { replace: true, onProgress: (done, total) => progress.push([done, total]) }),
    );
    expect(counts).toEqual({
      capabilities: 3,
      partners: 3,
      customers: 2,
      accounts: 2,
      solutions: 1,
      deals: 2,
      dealsCreated: 2,
      records: 13,
      programs: 0,
      enrolments: 0,
      rulesVersions: 0,
      rulesVersionsCreated: 0,
    });
    expect(progress[0]).toEqual([0, 13]);
    expect(progress.at(-1)).toEqual([13, 13]);

    const checked = checkEcosystemDocument(goodDocument());
    if (!checked.ok) throw new Error('the good document has problems');
    expect(await exportedText()).toBe(serializeEcosystem(checked.doc));

    // One INTEGRATES_WITH for the pair, from the smaller id to the larger; one IMPORTED event per new deal.
    const [graph] = await db.runText<{ integrations: string[][]; events: { deal: string; kind: string; to: string }[] }>(
      `CALL () { MATCH (a:Partner)-[:INTEGRATES_WITH]->(b:Partner) WHERE a.id STARTS WITH $px RETURN collect([a.id, b.id]) AS integrations }
       CALL () { MATCH (d:Deal)-[:HAS_EVENT]->(e:DealEvent) WHERE d.id STARTS WITH $px WITH d, e ORDER BY d.id
                 RETURN collect({deal: d.id, kind: e.kind, to: e.to}) AS events }
       RETURN integrations, events`,
      { px },
    );
    expect(graph?.integrations).toEqual([[`${px}acme`, `${px}zeta`]]);
    expect(graph?.events).toEqual([
      { deal: `${px}deal-1`, kind: 'IMPORTED', to: 'APPROVED' },
      { deal: `${px}deal-2`, kind: 'IMPORTED', to: 'APPROVED' },
    ]);
  });

  it('rejects a bad document with every problem listed and leaves the graph exactly as it was', async () => {
    const before = await graphFingerprint(db);
    const textBefore = await exportedText();
    const bad = goodDocument();
    bad.capabilities.push({ id: `${px}cap.security`, name: 'Duplicate' });
    bad.deals[0]!.amount = '10.001';
    (bad.deals[1]!.participants as object[]).push(
      { partnerId: `${px}acme`, role: 'RESELLER', sourced: true, registeredAt: '2024-01-10T00:00:00.000Z' },
      { partnerId: `${px}nobody`, role: 'SERVICES', sourced: true, registeredAt: 'yesterday' },
    );
    (bad.partners[1] as Record<string, unknown>).colour = 'blue';
    const result = await importEcosystem(db, bad, { replace: true });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '$.capabilities[3].id DUPLICATE_ID',
      '$.partners[1].colour UNKNOWN_FIELD',
      '$.deals[0].amount INVALID_AMOUNT',
      '$.deals[1].participants[1].partnerId DANGLING_REFERENCE',
      '$.deals[1].participants[1].registeredAt INVALID_DATETIME',
      '$.deals[1].participants[1].sourced SEVERAL_SOURCED',
    ]);
    expect(await graphFingerprint(db)).toEqual(before);
    expect(await exportedText()).toBe(textBefore);
  });

  it('is idempotent: importing the same document twice leaves the same graph', async () => {
    const first = await exportedText();
    const fingerprint = await graphFingerprint(db);
    const counts = expectImported(await importEcosystem(db, goodDocument()));
    expect(counts.dealsCreated).toBe(0);
    expect(await exportedText()).toBe(first);
    expect(await graphFingerprint(db)).toEqual(fingerprint);
  });

  it("replaces an entity's own relationships with the document's on upsert", async () => {
    const changed = goodDocument();
    changed.capabilities[1] = { id: `${px}cap.edr`, name: 'Endpoint protection', category: 'Security' }; // no parent, no description now
    changed.partners[0]!.capabilities = [{ capabilityId: `${px}cap.security`, level: 'CERTIFIED' }];
    changed.partners[0]!.integratesWith = [];
    changed.partners[2]!.integratesWith = [];
    changed.partners[0]!.sharing = [];
    delete (changed.partners[0] as Record<string, unknown>).website;
    changed.customers[0]!.needs = [`${px}cap.cloud`];
    changed.solutions[0]!.members = [{ partnerId: `${px}resell`, role: 'RESELLER' }];
    changed.deals[0]!.participants = [
      { partnerId: `${px}acme`, role: 'RESELLER', sourced: true, registeredAt: '2024-03-01T09:00:00.000Z' },
    ];
    delete (changed.deals[0] as Record<string, unknown>).solutionId;
    expectImported(await importEcosystem(db, changed));
    const checked = checkEcosystemDocument(changed);
    if (!checked.ok) throw new Error('the changed document has problems');
    expect(await exportedText()).toBe(serializeEcosystem(checked.doc));
  });

  it('export -> import --replace -> export is byte-identical', async () => {
    expectImported(await importEcosystem(db, JSON.parse(readFileSync(DEMO_ECOSYSTEM_FILE, 'utf8')) as unknown));
    expectImported(await importEcosystem(db, goodDocument()));
    const first = await exportedText();
    const reimported = expectImported(await importEcosystem(db, JSON.parse(first) as unknown, { replace: true }));
    expect(reimported.records).toBeGreaterThan(100);
    expect(await exportedText()).toBe(first);
  });

  it("keeps money exact for USD, JPY and BHD, written with the currency's minor digits", async () => {
    const doc = goodDocument();
    const amounts = [
      ['usd', '92233720368547758.07', 'USD', '92233720368547758.07', 9223372036854775807n],
      ['usd-short', '0.1', 'USD', '0.10', 10],
      ['jpy', '1000000', 'JPY', '1000000', 1000000],
      ['bhd', '12.5', 'BHD', '12.500', 12500],
      ['bhd-small', '0.001', 'BHD', '0.001', 1],
    ] as const;
    doc.deals = amounts.map(([suffix, amount, currency]) => ({
      id: `${px}money-${suffix}`,
      name: `Money ${suffix}`,
      customerId: `${px}shop`,
      stage: 'QUALIFIED',
      amount,
      currency,
      createdAt: '2024-05-01T00:00:00.000Z',
      registrationStatus: 'APPROVED',
      participants: [],
    })) as typeof doc.deals;
    expectImported(await importEcosystem(db, doc));
    const stored = await db.runText<{ id: string; amountMinor: bigint | number; currency: string }>(
      'MATCH (d:Deal) WHERE d.id STARTS WITH $prefix RETURN d.id AS id, d.amountMinor AS amountMinor, d.currency AS currency ORDER BY id',
      { prefix: `${px}money-` },
    );
    expect(stored.map((r) => [r.id, r.amountMinor])).toEqual(
      [...amounts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([suffix, , , , minor]) => [`${px}money-${suffix}`, minor]),
    );
    const exported = (await exportEcosystem(db)).deals.filter((d) => d.id.startsWith(`${px}money-`));
    expect(exported.map((d) => [d.id, d.amount, d.currency])).toEqual(
      [...amounts]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([suffix, , currency, written]) => [`${px}money-${suffix}`, written, currency]),
    );
  });

  it('decides missing registration statuses by the rules of engagement, over stored and imported deals', async () => {
    const doc = goodDocument(); // deal-1 on the bank: APPROVED, reseller "resell"
    const open = (id: string, createdAt: string, reseller: string, status?: string) => ({
      id: `${px}${id}`,
      name: id,
      customerId: `${px}bank`,
      stage: 'NEGOTIATION',
      amount: '10.00',
      currency: 'USD',
      createdAt,
      ...(status ? { registrationStatus: status } : {}),
      participants: [{ partnerId: `${px}${reseller}`, role: 'RESELLER', sourced: false, registeredAt: createdAt }],
    });
    const newcomers = {
      ...doc,
      deals: [
        open('roe-same', '2024-04-01T00:00:00.000Z', 'resell'),
        open('roe-other', '2024-04-02T00:00:00.000Z', 'acme'),
        open('roe-given', '2024-04-03T00:00:00.000Z', 'acme', 'REJECTED'),
        { ...open('roe-closed', '2024-04-04T00:00:00.000Z', 'acme'), stage: 'CLOSED_LOST', closedAt: '2024-05-01T00:00:00.000Z' },
        { ...open('roe-early', '2024-01-01T00:00:00.000Z', 'acme'), customerId: `${px}shop` },
      ],
    };
    // The document leaves deal-1 out: it stays in the database and, registered first, wins.
    expectImported(await importEcosystem(db, newcomers));
    const statusOf = async () => {
      const rows = await db.runText<{ id: string; status: string; events: string[] }>(
        `MATCH (d:Deal) WHERE d.id STARTS WITH $prefix
         RETURN d.id AS id, d.registrationStatus AS status, COLLECT { MATCH (d)-[:HAS_EVENT]->(e:DealEvent) RETURN e.kind + ':' + e.to } AS events ORDER BY id`,
        { prefix: `${px}roe-` },
      );
      return Object.fromEntries(rows.map((r) => [r.id.slice(px.length), `${r.status} ${r.events.join(',')}`]));
    };
    const expected = {
      'roe-closed': 'APPROVED IMPORTED:APPROVED',
      'roe-early': 'APPROVED IMPORTED:APPROVED',
      'roe-given': 'REJECTED IMPORTED:REJECTED',
      'roe-other': 'CONFLICT IMPORTED:CONFLICT',
      'roe-same': 'APPROVED IMPORTED:APPROVED',
    };
    expect(await statusOf()).toEqual(expected);
    // Again: the same decisions, and no second IMPORTED event.
    expectImported(await importEcosystem(db, newcomers));
    expect(await statusOf()).toEqual(expected);
  });

  it('loads the demo ecosystem into an empty database only', async () => {
    expectImported(await importEcosystem(db, EMPTY, { replace: true }));
    expect(await graphFingerprint(db)).toEqual({ nodes: expect.any(Number), relationships: 0 });
    const demo = checkEcosystemDocument(JSON.parse(readFileSync(DEMO_ECOSYSTEM_FILE, 'utf8')));
    if (!demo.ok) throw new Error('the demo has problems');
    expect(await loadDemoIfEmpty(db)).toBe(recordCount(demo.doc));
    expect(await loadDemoIfEmpty(db)).toBe(0);
    expectImported(await importEcosystem(db, EMPTY, { replace: true }));
  });
});
