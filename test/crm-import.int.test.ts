// The CRM import against the real database, with the shipped Salesforce mapping and fixtures in
// Salesforce's export shape (test/fixtures/crm): a dry run predicts exactly what the real run then
// does and writes nothing; the real run upserts by external key; a second run changes nothing;
// changed rows update; bad rows are reported with row, column and reason and nothing is written.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { formatCrmReport, parseCrmMapping, runCrmImport, type CrmMapping, type CsvInput } from '../src/crm/crm-import.js';
import { expectData } from './support/api.js';
import { graphChecksum, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const system = `sf-${uniquePrefix('x').slice(2, 12)}`;
const shipped = parseCrmMapping(readFileSync('mappings/salesforce.json', 'utf8'), 'mappings/salesforce.json');
// The shipped mapping with this run's system name, so its keys meet no other test's; domains get a run suffix too.
const mapping: CrmMapping = { ...shipped, system };
const suffix = system.replace(/[^a-z0-9]/g, '');
const fixture = (name: string, edit: (text: string) => string = (t) => t): CsvInput => ({
  file: name,
  text: edit(readFileSync(`test/fixtures/crm/${name}`, 'utf8')).replace(/-crm\.example/g, `-${suffix}.example`),
});
const GOOD = () => [fixture('Account.csv'), fixture('Opportunity.csv'), fixture('OpportunityPartner.csv')];

afterAll(async () => {
  await db.runText(
    `MATCH (x:ExternalId {system: $system})<-[:HAS_EXTERNAL_ID]-(n)
     OPTIONAL MATCH (n)-[:HAS_EVENT]->(e:DealEvent)
     DETACH DELETE e, n, x`,
    { system },
    'WRITE',
  );
  await db.runText('MATCH (x:ExternalId {system: $system}) DETACH DELETE x', { system }, 'WRITE');
});

const counts = (plan: Awaited<ReturnType<typeof runCrmImport>>) =>
  plan.files.map((f) => ({
    file: f.file,
    object: f.object,
    rows: f.rows,
    created: f.created,
    updated: f.updated,
    unchanged: f.unchanged,
    rejected: f.rejected,
  }));

describe('npm run import:crm', () => {
  it('a dry run writes nothing and predicts the real run exactly; a second run changes nothing', async () => {
    const before = await graphChecksum(db);
    const dry = await runCrmImport(db, mapping, GOOD(), { dryRun: true });
    expect(await graphChecksum(db)).toEqual(before);
    expect(counts(dry)).toEqual([
      { file: 'Account.csv', object: 'Account', rows: 6, created: 6, updated: 0, unchanged: 0, rejected: [] },
      { file: 'Opportunity.csv', object: 'Opportunity', rows: 4, created: 4, updated: 0, unchanged: 0, rejected: [] },
      { file: 'OpportunityPartner.csv', object: 'OpportunityPartner', rows: 4, created: 4, updated: 0, unchanged: 0, rejected: [] },
    ]);

    const progress: string[] = [];
    const real = await runCrmImport(db, mapping, GOOD(), { onProgress: (file, done, total) => progress.push(`${file} ${done}/${total}`) });
    expect(counts(real)).toEqual(counts(dry));
    expect(progress).toEqual(['Account.csv 6/6', 'Opportunity.csv 4/4', 'OpportunityPartner.csv 4/4']);
    // What was written: 3 customers, 3 partners, 4 deals, 4 participations, each entity with its key.
    const [written] = await db.runText<Record<string, number>>(
      `MATCH (x:ExternalId {system: $system})<-[:HAS_EXTERNAL_ID]-(n)
       RETURN count(CASE WHEN n:Customer THEN 1 END) AS customers, count(CASE WHEN n:Partner THEN 1 END) AS partners, count(CASE WHEN n:Deal THEN 1 END) AS deals,
              sum(CASE WHEN n:Deal THEN COUNT { (:Partner)-[:PARTICIPATES_IN]->(n) } ELSE 0 END) AS participations`,
      { system },
    );
    expect(written).toEqual({ customers: 3, partners: 3, deals: 4, participations: 4 });

    const { data } = await expectData(
      db,
      `query($s: String!) {
        nw: customerByExternalId(system: $s, id: "001A000001NWT") { name domain industry region externalIds { system id } }
        fb: customerByExternalId(system: $s, id: "001A000001FBK") { name domain industry region }
        rsl: partnerByExternalId(system: $s, id: "001A000001RSL") { name types tier lifecycleStage website }
        si: partnerByExternalId(system: $s, id: "001A000001SI1") { types website }
        aaa: dealByExternalId(system: $s, id: "006A000001AAA") { name stage amount { amount currency } createdAt closedAt registrationStatus customer { name }
              participants { partner { name } role sourced } history { kind to } }
        bbb: dealByExternalId(system: $s, id: "006A000001BBB") { stage amount { amount currency } closedAt participants { role sourced } }
        ccc: dealByExternalId(system: $s, id: "006A000001CCC") { stage amount { amount currency } closedAt }
        ddd: dealByExternalId(system: $s, id: "006A000001DDD") { registrationStatus participants { role sourced } }
      }`,
      { s: system },
    );
    expect(data.nw).toEqual({
      name: 'Northwind Traders, Inc.',
      domain: `northwind-${suffix}.example`,
      industry: 'RETAIL',
      region: 'NA',
      externalIds: [{ system, id: '001A000001NWT' }],
    });
    expect(data.fb).toEqual({ name: 'Fabrikam', domain: null, industry: 'MANUFACTURING', region: 'APAC' });
    expect(data.rsl).toEqual({
      name: 'Acme Resellers',
      types: ['RESELLER'],
      tier: 'REGISTERED',
      lifecycleStage: 'ACTIVE',
      website: `https://acme-resellers-${suffix}.example/`,
    });
    expect(data.si).toEqual({ types: ['SERVICES'], website: null });
    expect(data.aaa).toEqual({
      name: 'Northwind POS rollout',
      stage: 'NEGOTIATION',
      amount: { amount: '125000.50', currency: 'USD' },
      createdAt: new Date('2025-01-15T10:00:00.000Z'),
      closedAt: null,
      registrationStatus: 'APPROVED',
      customer: { name: 'Northwind Traders, Inc.' },
      participants: expect.arrayContaining([
        { partner: { name: 'Acme Resellers' }, role: 'RESELLER', sourced: true },
        { partner: { name: 'Globex Software' }, role: 'TECHNOLOGY', sourced: false },
      ]),
      history: [
        { kind: 'IMPORTED', to: 'APPROVED' },
        { kind: 'PARTICIPANT_ADDED', to: expect.any(String) },
        { kind: 'PARTICIPANT_ADDED', to: expect.any(String) },
      ],
    });
    expect(data.bbb).toEqual({
      stage: 'CLOSED_WON',
      amount: { amount: '980000.00', currency: 'EUR' },
      closedAt: new Date('2025-02-28T00:00:00.000Z'),
      participants: [{ role: 'SERVICES', sourced: true }],
    });
    expect(data.ccc).toEqual({ stage: 'REGISTERED', amount: { amount: '0', currency: 'JPY' }, closedAt: null });
    expect(data.ddd).toEqual({ registrationStatus: 'APPROVED', participants: [{ role: 'RESELLER', sourced: false }] });

    // Idempotent: the second run finds every row unchanged and changes nothing at all.
    const sum = await graphChecksum(db);
    const again = await runCrmImport(db, mapping, GOOD());
    expect(again.files.map((f) => [f.created, f.updated, f.unchanged, f.rejected.length])).toEqual([
      [0, 0, 6, 0],
      [0, 0, 4, 0],
      [0, 0, 4, 0],
    ]);
    expect(await graphChecksum(db)).toEqual(sum);
    expect(formatCrmReport(again, false)).toContain('Nothing to change.');
  });

  it('updates the rows that changed, exactly as the dry run says', async () => {
    const changed = () => [
      fixture('Account.csv', (t) => t.replace('Contoso Ltd', 'Contoso Bank Ltd')),
      fixture('Opportunity.csv', (t) =>
        t.replace('Qualification,30000', 'Closed Lost,30000').replace('2025-12-31,false,false', '2025-12-31,true,false'),
      ),
      fixture('OpportunityPartner.csv', (t) =>
        t.replace('006A000001AAA,001A000001TEC,Technology Partner,false', '006A000001AAA,001A000001TEC,Referrer,false'),
      ),
    ];
    const dry = await runCrmImport(db, mapping, changed(), { dryRun: true });
    const real = await runCrmImport(db, mapping, changed());
    expect(counts(real)).toEqual(counts(dry));
    expect(real.files.map((f) => [f.created, f.updated, f.unchanged])).toEqual([
      [0, 1, 5],
      [0, 1, 3],
      [0, 1, 3],
    ]);
    const { data } = await expectData(
      db,
      `query($s: String!) { c: customerByExternalId(system: $s, id: "001A000001CTS") { name }
        d: dealByExternalId(system: $s, id: "006A000001DDD") { stage closedAt history { kind from to } } }`,
      { s: system },
    );
    expect(data.c.name).toBe('Contoso Bank Ltd');
    expect(data.d.stage).toBe('CLOSED_LOST');
    expect(data.d.closedAt).toEqual(new Date('2025-12-31T00:00:00.000Z'));
    expect(data.d.history.at(-1)).toEqual({ kind: 'STAGE_CHANGED', from: 'QUALIFIED', to: 'CLOSED_LOST' });
  });

  it('reports every bad row with its row, column and reason, and writes nothing', async () => {
    const before = await graphChecksum(db);
    const bad = () => [fixture('Account.csv'), fixture('Opportunity-bad.csv')];
    const dry = await runCrmImport(db, mapping, bad(), { dryRun: true });
    const real = await runCrmImport(db, mapping, bad());
    expect(real.ok).toBe(false);
    expect(counts(real)).toEqual(counts(dry));
    expect(await graphChecksum(db)).toEqual(before);
    const opportunities = real.files[1]!;
    expect(opportunities.rejected.map((r) => [r.row, r.column])).toEqual([
      [2, 'Amount'],
      [3, 'AccountId'],
      [4, 'StageName'],
      [5, 'AccountId'],
      [6, 'CreatedDate'],
      [8, 'Id'],
    ]);
    expect(opportunities.rejected[1]!.reason).toBe('no Account with Id "001A000009XXX" in this import or the graph');
    expect(opportunities.rejected[3]!.reason).toBe('the Account "001A000001RSL" is a partner, not a customer');
    expect(opportunities.rejected[5]!.reason).toBe('the Id "006A000001AAA" is already at row 7 of Opportunity-bad.csv');
    // Row 7 updates AAA (its name and stage differ); the Accounts are unchanged.
    expect([opportunities.created, opportunities.updated, opportunities.unchanged]).toEqual([0, 1, 0]);
    const report = formatCrmReport(real, false);
    expect(report).toContain('Opportunity-bad.csv (Opportunity): 7 rows: 0 created, 1 updated, 0 unchanged, 6 rejected');
    expect(report).toContain('  row 4, column StageName: "Dreaming" maps to no value of');
    expect(report).toContain('nothing was written');
  });

  it('runs as a command: --dry-run prints the per-file report, progress on stderr', async () => {
    const run = promisify(execFile);
    const uri = inject('neo4jUri');
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', 'src/cli/import-crm.ts', '--mapping', 'mappings/salesforce.json', '--dry-run', 'test/fixtures/crm/Account.csv'],
      {
        env: {
          ...process.env,
          NEO4J_URI: uri,
          NEO4J_USER: inject('neo4jUser'),
          NEO4J_PASSWORD: inject('neo4jPassword'),
          NEO4J_DATABASE: inject('neo4jDatabase'),
        },
      },
    );
    expect(stdout).toMatch(
      /^test\/fixtures\/crm\/Account\.csv \(Account\): 6 rows: \d+ created, \d+ updated, \d+ unchanged, 0 rejected\nDry run: nothing was written\.\n$/,
    );
    expect(stderr).toContain('test/fixtures/crm/Account.csv: 6/6 rows read');
  }, 120_000);
});
