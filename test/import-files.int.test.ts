// Import files through the real door (`npm run import`'s entry point, reading a file's bytes) into the
// real Neo4j, read back through the API (issue 11): a byte order mark is accepted, a duplicate key or
// an amount that does not fit is refused with its path and nothing is written, and the import refuses
// what the API refuses (a 5 MB name).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('files');
const id = (name: string) => `${px}${name}`;
const dir = mkdtempSync(join(tmpdir(), 'import-files-'));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeByPrefix(db, px);
});

/** Runs the import command on a file holding `bytes`; resolves with its exit code and output. */
function importFile(name: string, bytes: string | Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const password = inject('neo4jPassword');
  const env = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_DATABASE: inject('neo4jDatabase'),
    ...(password ? { NEO4J_PASSWORD: password } : {}),
    LOG_LEVEL: 'warn',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/import.ts', file],
      { env, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A small document of this file's own entities (no --replace: only they are touched). */
function documentJson(tag: string, deal: Record<string, unknown> = {}, partnerName = 'Partner'): string {
  return JSON.stringify(
    {
      formatVersion: 1,
      partners: [{ id: id(`${tag}-p`), name: partnerName, types: ['RESELLER'] }],
      customers: [{ id: id(`${tag}-c`), name: 'Customer' }],
      deals: [
        {
          id: id(`${tag}-d`),
          name: 'Deal',
          customerId: id(`${tag}-c`),
          stage: 'REGISTERED',
          amount: '10.00',
          currency: 'USD',
          createdAt: '2024-01-01T00:00:00Z',
          participants: [{ partnerId: id(`${tag}-p`), role: 'RESELLER' }],
          ...deal,
        },
      ],
    },
    null,
    2,
  );
}

const READ = `query($deal: ID!, $partner: ID!) { deal(id: $deal) { amount { amount currency } } partner(id: $partner) { id name } }`;

async function stored(tag: string) {
  return (await expectData(db, READ, { deal: id(`${tag}-d`), partner: id(`${tag}-p`) })).data as {
    deal: { amount: { amount: string } } | null;
    partner: { name: string } | null;
  };
}

describe('the import command reads a file as standard JSON readers do', () => {
  it('accepts a UTF-8 byte order mark', async () => {
    const result = await importFile('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(documentJson('bom'), 'utf8')]));
    expect(result.stderr).not.toMatch(/problem/);
    expect(result.code).toBe(0);
    expect(await stored('bom')).toEqual({
      deal: { amount: { amount: '10.00', currency: 'USD' } },
      partner: { id: id('bom-p'), name: 'Partner' },
    });
  });

  it('refuses a duplicate key with its path and writes nothing', async () => {
    const before = await graphFingerprint(db);
    const text = documentJson('dup').replace('"amount": "10.00",', '"amount": "10.00", "amount": "10000000.00",');
    expect(text).toContain('"amount": "10000000.00"');
    const result = await importFile('duplicate.json', text);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.deals[0].amount: the key "amount" appears more than once in this object');
    expect(await graphFingerprint(db)).toEqual(before);
    expect(await stored('dup')).toEqual({ deal: null, partner: null });
  });

  it('refuses bytes that are not UTF-8 and writes nothing', async () => {
    const text = Buffer.from(documentJson('latin1', {}, 'Zoë'), 'latin1');
    const result = await importFile('latin1.json', text);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\$: not UTF-8 text: invalid byte sequence at byte \d+/m);
    expect(await stored('latin1')).toEqual({ deal: null, partner: null });
  });

  it('refuses an amount that does not fit, at its path, and writes nothing', async () => {
    const result = await importFile('too-large.json', documentJson('large', { amount: '92233720368547758.08' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '$.deals[0].amount: "92233720368547758.08" is too large: the largest USD amount is 92233720368547758.07',
    );
    expect(await stored('large')).toEqual({ deal: null, partner: null });
  });
});

describe('the import refuses what the API refuses', () => {
  it('a 5 MB partner name: BAD_USER_INPUT at input.name from the API, $.partners[0].name from the import', async () => {
    const name = 'x'.repeat(5 * 1024 * 1024);
    const { data } = await expectData(
      db,
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } errors { path code message } } }`,
      { input: { id: id('api-p'), name, types: ['RESELLER'] } },
    );
    expect(data.createPartner).toEqual({
      partner: null,
      errors: [{ path: ['input', 'name'], code: 'BAD_USER_INPUT', message: 'must be at most 200 characters' }],
    });

    const result = await importFile('long-name.json', documentJson('long', {}, name));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('$.partners[0].name: must be at most 200 characters');
    expect(result.stderr.length).toBeLessThan(10_000);
    expect(await stored('long')).toEqual({ deal: null, partner: null });
  });

  it('a name the API trims is stored trimmed by both doors', async () => {
    const { data } = await expectData(
      db,
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { name } errors { path code } } }`,
      { input: { id: id('api-trim'), name: '  Trimmed  ', types: ['RESELLER'] } },
    );
    expect(data.createPartner).toEqual({ partner: { name: 'Trimmed' }, errors: [] });
    const result = await importFile('trim.json', documentJson('trim', {}, '  Trimmed  '));
    expect(result.code).toBe(0);
    expect((await stored('trim')).partner?.name).toBe('Trimmed');
  });
});
