// A merge import (not --replace) and the rules of engagement (docs/ecosystem-format.md, "Policy and programs"):
// versions are history, so a version the database has is never changed by an import: the same version again is a
// no-op, a different one under its number is CONFLICT at its path in the document and nothing of the document is
// written (one transaction, and the batched import checks before its first batch). `npm run import` reports the
// programs and rules versions it wrote beside the other counts.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeEcosystemInBatches, importEcosystem, type ImportResult } from '../src/interchange/import.js';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('rulesmerge');
const id = (s: string) => `${px}${s}`;
const dir = mkdtempSync(join(tmpdir(), 'rules-merge-'));

const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version } errors { path code } } }`;
const VERSIONS = `{ rulesOfEngagementVersions { version conflictingRoles protectionWindowDays directDealsConflict enforceTerritory
  duplicateCustomersAsOne attributionModel timeDecayHalfLifeDays setAt setBy note } }`;

interface Version {
  version: number;
  conflictingRoles: string[];
  protectionWindowDays: number | null;
  directDealsConflict: boolean;
  enforceTerritory: boolean;
  duplicateCustomersAsOne: boolean;
  attributionModel: string;
  timeDecayHalfLifeDays: number;
  setAt: string;
  setBy: string;
  note: string | null;
}
// As JSON (date-times as strings), as a client reads them.
const versions = async (): Promise<Version[]> =>
  JSON.parse(JSON.stringify((await expectData<{ rulesOfEngagementVersions: Version[] }>(db, VERSIONS)).data.rulesOfEngagementVersions));

/** A version as the format writes it (absent values left out). */
function record(v: Version): Record<string, unknown> {
  const { protectionWindowDays, note, ...rest } = v;
  return {
    ...rest,
    ...(protectionWindowDays !== null ? { protectionWindowDays } : {}),
    ...(note !== null ? { note } : {}),
  };
}

let stored: Version;
let previous: Version | undefined;

beforeAll(async () => {
  previous = (await versions()).at(-1);
  const set = await expectData(db, SET_RULES, { input: { protectionWindowDays: 120, note: `merge test ${px}` } });
  expect(set.data.setRulesOfEngagement.errors).toEqual([]);
  stored = (await versions()).at(-1)!;
  expect(stored.version).toBe(set.data.setRulesOfEngagement.rules.version);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  // The rules are the whole database's: set the ones that were current again (as a new version), or the defaults.
  const restored = previous ?? {
    conflictingRoles: ['RESELLER'],
    protectionWindowDays: null,
    directDealsConflict: false,
    enforceTerritory: false,
    duplicateCustomersAsOne: false,
    attributionModel: 'ROLE_WEIGHTED',
    timeDecayHalfLifeDays: 30,
  };
  const { version: _v, setAt: _a, setBy: _b, note: _n, ...values } = restored as Version;
  const input = { ...values, note: 'restored after test/interchange-rules-merge' };
  expect((await expectData(db, SET_RULES, { input })).data.setRulesOfEngagement.errors).toEqual([]);
  // The versions stay (history, as setRulesOfEngagement's in other files); enrolments have no id of the prefix.
  await db.runText('MATCH (e:Enrolment) WHERE e.programId STARTS WITH $px DETACH DELETE e', { px }, 'WRITE');
  await removeByPrefix(db, px);
});

function doc(tag: string, rules: Record<string, unknown>[]) {
  return {
    formatVersion: 2,
    partners: [{ id: id(`${tag}-p`), name: `Partner ${tag}`, types: ['RESELLER'] }],
    rulesOfEngagement: rules,
  };
}

const partnerExists = async (tag: string) =>
  (await expectData(db, `query($id: ID!) { partner(id: $id) { id } }`, { id: id(`${tag}-p`) })).data.partner !== null;

function expectImported(result: ImportResult) {
  if (!result.ok) expect.fail(`import failed:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.counts;
}

describe('a merge import and the stored rules versions', () => {
  it('takes a version equal to the stored one as a no-op (the same instant written another way too)', async () => {
    const before = await versions();
    const again = { ...record(stored), setAt: stored.setAt.replace('Z', '+00:00') };
    const counts = expectImported(await importEcosystem(db, doc('same', [again])));
    expect([counts.rulesVersions, counts.rulesVersionsCreated, counts.programs]).toEqual([1, 0, 0]);
    expect(await versions()).toEqual(before);
    expect(await partnerExists('same')).toBe(true);
  });

  it('refuses a different version under a stored number with CONFLICT at its path, and writes nothing', async () => {
    const before = await versions();
    const next = before.at(-1)!.version + 1;
    const newer = { ...record(stored), version: next, setAt: new Date().toISOString(), note: 'would be new' };
    for (const [field, value] of [
      ['enforceTerritory', !stored.enforceTerritory],
      ['protectionWindowDays', 30],
      ['note', 'rewritten'],
      ['setAt', '2020-01-01T00:00:00Z'],
      ['conflictingRoles', ['RESELLER', 'REFERRAL']],
    ] as const) {
      const changed = { ...record(stored), [field]: value };
      // Newest first in the document: the conflict is found whatever the order, and the new version is not written.
      const result = await importEcosystem(db, doc(`changed-${field}`, [newer, changed]));
      expect(result.ok, field).toBe(false);
      if (result.ok) continue;
      expect(result.problems, field).toEqual([
        {
          path: `$.rulesOfEngagement[1].${field}`,
          code: 'CONFLICT',
          message: expect.stringMatching(new RegExp(`version ${stored.version}`)),
        },
      ]);
      expect(await versions(), field).toEqual(before);
      expect(await partnerExists(`changed-${field}`), field).toBe(false);
    }
  });

  it('refuses it in the batched import too, before its first batch', async () => {
    const before = await versions();
    const changed = { ...record(stored), duplicateCustomersAsOne: !stored.duplicateCustomersAsOne };
    const checked = checkEcosystemDocument(doc('batched', [changed]));
    if (!checked.ok) throw new Error('the document has problems');
    await expect(writeEcosystemInBatches(db, checked.doc)).rejects.toThrow(/rulesOfEngagement\[0\]\.duplicateCustomersAsOne/);
    expect(await versions()).toEqual(before);
    expect(await partnerExists('batched')).toBe(false);
  });

  it('writes a new version after the stored ones, and npm run import reports programs and rules versions', async () => {
    const before = await versions();
    const next = before.at(-1)!.version + 1;
    const added = { ...record(stored), version: next, setAt: new Date(Date.now() - 1000).toISOString(), note: `added ${px}` };
    const document = {
      ...doc('cli', [record(stored), added]),
      programs: [
        {
          id: id('program'),
          name: 'Merge program',
          partnerType: 'RESELLER',
          levels: [{ tier: 'GOLD', closedWonDeals: 2 }],
          enrolments: [{ partnerId: id('cli-p'), since: '2024-01-01T00:00:00Z' }],
        },
      ],
    };
    const file = join(dir, 'cli.json');
    writeFileSync(file, JSON.stringify(document));
    const password = inject('neo4jPassword');
    const env = {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_DATABASE: inject('neo4jDatabase'),
      ...(password ? { NEO4J_PASSWORD: password } : {}),
      LOG_LEVEL: 'warn',
    };
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', file], { env }, (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/, 1 programs \(1 enrolments\), 2 rules versions \(1 new\)\./);
    const after = await versions();
    expect(after.slice(0, -1)).toEqual(before);
    expect(record(after.at(-1)!)).toEqual({ ...added, setAt: new Date(added.setAt).toISOString() });
  });
});
