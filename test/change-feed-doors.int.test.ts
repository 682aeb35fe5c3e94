// The outbox's other doors (issue 15, README "Events"): the one-transaction import (and that re-importing records
// nothing), the batched upsert and the fresh bulk load, the CRM import, a customer merge, and retention with the
// expired-cursor error. Each compares the feed with the changes the write must have made, worked out from its input.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCrmMapping, runCrmImport, type CrmMapping } from '../src/crm/crm-import.js';
import { encodeChangeCursor, lastChangeSequence, readChanges, type Change } from '../src/events/change-feed.js';
import { purgeExpiredChanges } from '../src/events/retention.js';
import { bulkWriteEcosystem } from '../src/interchange/bulk-load.js';
import { checkEcosystemDocument, type EcosystemDocument } from '../src/interchange/format.js';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('doors');
const system = `sf-${uniquePrefix('x').slice(2, 12)}`;
afterAll(async () => {
  await removeByPrefix(db, px);
  await db.runText(
    `MATCH (x:ExternalId {system: $system})<-[:HAS_EXTERNAL_ID]-(n) OPTIONAL MATCH (n)-[:HAS_EVENT]->(e:DealEvent) DETACH DELETE e, n, x`,
    { system },
    'WRITE',
  );
});

/** Every change after `after` (null: all retained). */
async function changesAfter(after: bigint | null): Promise<Change[]> {
  const out: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = await readChanges(db, { afterSequence: cursor, first: 1000 });
    out.push(...page);
    if (page.length < 1000) return out;
    cursor = page[page.length - 1]!.sequence;
  }
}

const lastSequence = () => lastChangeSequence(db);

const shape = (c: { kind: string; entityType: string; entityId: string }) => `${c.kind} ${c.entityType} ${c.entityId}`;

/** A small document with every kind of entity and relationship, ids under `ix`. */
function documentOf(ix: string, partnerName = 'Partner one', status = 'PROSPECT') {
  return {
    formatVersion: 1,
    capabilities: [
      { id: `${ix}cap1`, name: 'Cap one' },
      { id: `${ix}cap2`, name: 'Cap two', parentId: `${ix}cap1` },
    ],
    partners: [
      {
        id: `${ix}p1`,
        name: partnerName,
        types: ['RESELLER'],
        capabilities: [{ capabilityId: `${ix}cap1`, level: 'EXPERT' }],
        integratesWith: [`${ix}p2`],
        sharing: [{ partnerId: `${ix}p2`, level: 'FULL' }],
      },
      { id: `${ix}p2`, name: 'Partner two', types: ['TECHNOLOGY'], integratesWith: [`${ix}p1`] },
    ],
    customers: [{ id: `${ix}u1`, name: 'Customer one', needs: [`${ix}cap1`] }],
    accounts: [{ partnerId: `${ix}p1`, customerId: `${ix}u1`, status }],
    solutions: [{ id: `${ix}s1`, name: 'Solution one', requires: [`${ix}cap1`], members: [{ partnerId: `${ix}p1`, role: 'RESELLER' }] }],
    deals: [
      {
        id: `${ix}d1`,
        name: 'Deal one',
        customerId: `${ix}u1`,
        solutionId: `${ix}s1`,
        stage: 'QUALIFIED',
        amount: '10.00',
        currency: 'EUR',
        createdAt: '2025-01-02T00:00:00.000Z',
        participants: [{ partnerId: `${ix}p1`, role: 'RESELLER' }],
      },
    ],
  };
}

/** What creating documentOf(ix) must record: one CREATED per entity and relationship. */
function createdBy(ix: string): string[] {
  const c = (entityType: string, entityId: string) => shape({ kind: 'CREATED', entityType, entityId });
  return [
    c('Capability', `${ix}cap1`),
    c('Capability', `${ix}cap2`),
    c('CapabilityParent', `${ix}cap2|${ix}cap1`),
    c('Partner', `${ix}p1`),
    c('Partner', `${ix}p2`),
    c('PartnerCapability', `${ix}p1|${ix}cap1`),
    c('Integration', `${ix}p1|${ix}p2`),
    c('SharingGrant', `${ix}p1|${ix}p2`),
    c('Customer', `${ix}u1`),
    c('CustomerNeed', `${ix}u1|${ix}cap1`),
    c('Account', `${ix}p1|${ix}u1`),
    c('Solution', `${ix}s1`),
    c('SolutionRequirement', `${ix}s1|${ix}cap1`),
    c('Membership', `${ix}p1|${ix}s1`),
    c('Deal', `${ix}d1`),
    c('DealCustomer', `${ix}d1|${ix}u1`),
    c('DealSolution', `${ix}d1|${ix}s1`),
    c('Participation', `${ix}p1|${ix}d1`),
  ].sort();
}

const checked = (doc: unknown): EcosystemDocument => {
  const result = checkEcosystemDocument(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.doc;
};

describe('the import records its changes', () => {
  it('records one CREATED per entity and relationship, nothing on a re-import, and what an edit changed', async () => {
    const ix = `${px}imp-`;
    const importer = db.as('import');
    let after = await lastSequence();
    expect((await importEcosystem(importer, documentOf(ix))).ok).toBe(true);
    let feed = (await changesAfter(after)).filter((c) => c.entityId.includes(ix));
    expect(feed.map(shape).sort()).toEqual(createdBy(ix));
    expect(new Set(feed.map((c) => c.actor))).toEqual(new Set(['import']));
    const deal = feed.find((c) => c.entityType === 'Deal')!;
    expect(deal.fields).toMatchObject({
      stage: { before: null, after: 'QUALIFIED' },
      amountMinor: { before: null, after: 1000 },
      currency: { before: null, after: 'EUR' },
    });

    after = await lastSequence();
    expect((await importEcosystem(importer, documentOf(ix))).ok).toBe(true);
    expect((await changesAfter(after)).filter((c) => c.entityId.includes(ix))).toEqual([]);

    after = await lastSequence();
    expect((await importEcosystem(importer, documentOf(ix, 'Partner renamed', 'CUSTOMER'))).ok).toBe(true);
    feed = (await changesAfter(after)).filter((c) => c.entityId.includes(ix));
    expect(feed.map((c) => [shape(c), c.fields])).toEqual([
      ['UPDATED Partner ' + `${ix}p1`, { name: { before: 'Partner one', after: 'Partner renamed' } }],
      ['UPDATED Account ' + `${ix}p1|${ix}u1`, expect.objectContaining({ status: { before: 'PROSPECT', after: 'CUSTOMER' } })],
    ]);
  }, 300_000);

  it('records the batched upsert (bulk load without --replace) statement by statement', async () => {
    const ix = `${px}bulk-`;
    const after = await lastSequence();
    await bulkWriteEcosystem(db.as('seed'), checked(documentOf(ix)), { batchSize: 1 });
    const feed = (await changesAfter(after)).filter((c) => c.entityId.includes(ix));
    expect(feed.map(shape).sort()).toEqual(createdBy(ix));
    expect(new Set(feed.map((c) => c.actor))).toEqual(new Set(['seed']));
  }, 300_000);
});

describe('the CRM import records its changes', () => {
  it('records each created customer, partner, deal and participation, and nothing on a second run', async () => {
    const shipped = parseCrmMapping(readFileSync('mappings/salesforce.json', 'utf8'), 'mappings/salesforce.json');
    const mapping: CrmMapping = { ...shipped, system };
    const suffix = system.replace(/[^a-z0-9]/g, '');
    const files = ['Account.csv', 'Opportunity.csv', 'OpportunityPartner.csv'].map((file) => ({
      file,
      text: readFileSync(`test/fixtures/crm/${file}`, 'utf8').replace(/-crm\.example/g, `-${suffix}.example`),
    }));
    const crm = db.as('import:crm');
    let after = await lastSequence();
    const plan = await runCrmImport(crm, mapping, files);
    expect(plan.ok).toBe(true);
    const feed = (await changesAfter(after)).filter((c) => c.actor === 'import:crm');
    const count = (type: string) => feed.filter((c) => c.entityType === type && c.kind === 'CREATED').length;
    const created = (object: string) => plan.files.find((f) => f.object === object)!.created;
    expect(count('Customer') + count('Partner')).toBe(created('Account'));
    expect(count('Deal')).toBe(created('Opportunity'));
    expect(count('DealCustomer')).toBe(created('Opportunity'));
    expect(count('Participation')).toBe(created('OpportunityPartner'));
    expect(feed.every((c) => c.kind === 'CREATED')).toBe(true);
    after = await lastSequence();
    await runCrmImport(crm, mapping, files);
    expect((await changesAfter(after)).filter((c) => c.actor === 'import:crm')).toEqual([]);
  }, 300_000);
});

describe('a merge records its changes', () => {
  it('records the merged customer deleted, and each account and deal that moved', async () => {
    const ix = `${px}merge-`;
    await importEcosystem(db, {
      formatVersion: 1,
      partners: [
        { id: `${ix}p1`, name: 'P one', types: ['RESELLER'] },
        { id: `${ix}p2`, name: 'P two', types: ['RESELLER'] },
      ],
      customers: [
        { id: `${ix}a`, name: 'Northwind Traders, Inc.' },
        { id: `${ix}b`, name: 'NORTHWIND TRADERS', industry: 'RETAIL' },
      ],
      accounts: [
        { partnerId: `${ix}p1`, customerId: `${ix}a`, status: 'PROSPECT' },
        { partnerId: `${ix}p1`, customerId: `${ix}b`, status: 'CUSTOMER' },
        { partnerId: `${ix}p2`, customerId: `${ix}b`, status: 'OPPORTUNITY' },
      ],
      deals: [
        {
          id: `${ix}d`,
          name: 'On b',
          customerId: `${ix}b`,
          stage: 'QUALIFIED',
          amount: '5.00',
          currency: 'USD',
          createdAt: '2025-03-01T00:00:00.000Z',
          participants: [{ partnerId: `${ix}p2`, role: 'RESELLER' }],
        },
      ],
    });
    const after = await lastSequence();
    const { data } = await expectData(
      db,
      `mutation($i: MergeCustomersInput!) { mergeCustomers(input: $i) { customer { id } errors { code message } } }`,
      { i: { intoId: `${ix}a`, fromIds: [`${ix}b`] } },
    );
    expect(data.mergeCustomers.errors).toEqual([]);
    const feed = (await changesAfter(after)).filter((c) => c.entityId.includes(ix));
    const shapes = feed.map(shape);
    expect(shapes).toEqual(
      expect.arrayContaining([
        `UPDATED Customer ${ix}a`,
        `DELETED Customer ${ix}b`,
        `UPDATED Account ${ix}p1|${ix}a`,
        `DELETED Account ${ix}p1|${ix}b`,
        `DELETED Account ${ix}p2|${ix}b`,
        `CREATED Account ${ix}p2|${ix}a`,
        `DELETED DealCustomer ${ix}d|${ix}b`,
        `CREATED DealCustomer ${ix}d|${ix}a`,
      ]),
    );
    // Nothing else but the deal, decided again.
    expect(shapes.filter((s) => !s.startsWith('UPDATED Deal ')).length).toBe(8);
    expect(feed.find((c) => shape(c) === `UPDATED Account ${ix}p1|${ix}a`)!.fields.status).toEqual({
      before: 'PROSPECT',
      after: 'CUSTOMER',
    });
    expect(feed.find((c) => shape(c) === `UPDATED Customer ${ix}a`)!.fields.industry).toEqual({ before: null, after: 'RETAIL' });
    // b's deletion stays visible to the partners that were on it (b is gone: scoped by the recorded partners).
    const asP2 = await expectData(
      db,
      `query($a: String) { changes(after: $a, first: 100) { edges { node { kind entityType entityId } } } }`,
      { a: encodeChangeCursor(after) },
      { role: 'PARTNER', subject: 'u', partnerId: `${ix}p2` },
    );
    expect(asP2.data.changes.edges.map((e: any) => shape(e.node))).toContain(`DELETED Customer ${ix}b`);
  }, 300_000);
});

describe('the fresh bulk load records every batch', () => {
  it('records DELETED for what the emptying removed and CREATED for the document, batch by batch', async () => {
    const ix = `${px}fresh-`;
    const gone = `${px}gone`;
    await importEcosystem(db, { formatVersion: 1, customers: [{ id: gone, name: 'Going' }] });
    const after = await lastSequence();
    await bulkWriteEcosystem(db.as('seed'), checked(documentOf(ix)), { replace: true, batchSize: 2 });
    const feed = await changesAfter(after);
    expect(feed.filter((c) => c.entityId === gone).map(shape)).toEqual([`DELETED Customer ${gone}`]);
    const created = feed.filter((c) => c.entityId.includes(ix));
    expect(created.map(shape).sort()).toEqual(createdBy(ix));
    expect(created.find((c) => c.entityType === 'Account')!.fields).toEqual({ status: { before: null, after: 'PROSPECT' } });
    expect(new Set(feed.map((c) => c.actor))).toEqual(new Set(['seed']));
  }, 300_000);
});

describe('retention', () => {
  it('purges changes older than the retention and refuses a cursor before them, naming the oldest available', async () => {
    const start = await lastSequence();
    await importEcosystem(db.as('import'), { formatVersion: 1, customers: [{ id: `${px}kept`, name: 'Kept' }] });
    // Thirty-one days from now, everything recorded so far is older than 30 days.
    const { purgedThrough, purged } = await purgeExpiredChanges(db.as('retention'), 30, new Date(Date.now() + 31 * 86_400_000));
    expect(purgedThrough).toBeGreaterThan(start);
    expect(purged).toBeGreaterThan(0);
    expect(await changesAfter(null)).toEqual([]);

    const query = `query($a: String) { changes(after: $a, first: 5) { edges { node { entityId } } pageInfo { endCursor } } }`;
    const expired = await runOperation(db, query, { a: encodeChangeCursor(start) });
    expect(expired.errors?.[0]?.extensions).toMatchObject({
      code: 'CHANGE_CURSOR_EXPIRED',
      oldestCursor: encodeChangeCursor(purgedThrough),
    });
    expect(expired.errors?.[0]?.message).toContain(encodeChangeCursor(purgedThrough));

    // From the oldest available cursor the feed goes on; a retention of 30 days from today keeps the new change.
    await importEcosystem(db.as('import'), { formatVersion: 1, customers: [{ id: `${px}later`, name: 'Later' }] });
    expect((await purgeExpiredChanges(db.as('retention'), 30)).purged).toBe(0);
    const { data } = await expectData(db, query, { a: encodeChangeCursor(purgedThrough) });
    expect(data.changes.edges.map((e: any) => e.node.entityId)).toEqual([`${px}later`]);
  }, 300_000);
});
