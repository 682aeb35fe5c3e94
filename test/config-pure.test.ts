// Reading the configuration changes nothing (issue 12): loadConfig writes no file, even for a
// local run with no secret; src/local-run.ts is the step that writes the JWT secret and the
// local Neo4j's password, once, and reads them back afterwards.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { prepareLocalRun } from '../src/local-run.js';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function emptyFolder(): string {
  const f = mkdtempSync(join(tmpdir(), 'config-pure-'));
  folders.push(f);
  return f;
}

describe('loadConfig', () => {
  it('writes nothing for a local run without a secret or password', () => {
    const root = emptyFolder();
    const dataDir = join(root, 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(existsSync(dataDir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
    expect(config.auth).toMatchObject({ enabled: true, secretFile: join(dataDir, 'jwt-secret') });
    expect(config.auth.secret).toBeUndefined();
    expect(config.auth.verifier).toBeUndefined();
    expect(config.localNeo4j?.password).toBeUndefined();
    expect(config.neo4j.password).toBeUndefined();
  });

  it('is the same every time it is read', () => {
    const dataDir = join(emptyFolder(), 'data');
    expect(loadConfig({ DATA_DIR: dataDir })).toEqual(loadConfig({ DATA_DIR: dataDir }));
  });
});

describe('prepareLocalRun', () => {
  it('generates the secret and the password once (mode 0600) and reads them back afterwards', () => {
    const dataDir = join(emptyFolder(), 'data');
    const first = prepareLocalRun(loadConfig({ DATA_DIR: dataDir }));
    const secretFile = join(dataDir, 'jwt-secret');
    const passwordFile = join(dataDir, 'neo4j', 'password');
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(first.auth.secret).toBe(readFileSync(secretFile, 'utf8').trim());
    expect(first.auth.secret!.length).toBeGreaterThanOrEqual(32);
    expect(first.auth.verifier).toMatchObject({
      kind: 'hs256',
      secret: first.auth.secret,
      maxLifetimeSeconds: 30 * 86_400,
      clockSkewSeconds: 60,
    });
    expect(first.neo4j.password).toBe(readFileSync(passwordFile, 'utf8').trim());
    expect(first.localNeo4j?.password).toBe(first.neo4j.password);

    const second = prepareLocalRun(loadConfig({ DATA_DIR: dataDir }));
    expect(second.auth.secret).toBe(first.auth.secret);
    expect(second.neo4j.password).toBe(first.neo4j.password);
  });

  it('takes NEO4J_PASSWORD and JWT_SECRET as given and writes nothing then', () => {
    const root = emptyFolder();
    const secret = 'given-secret-0123456789-0123456789-abcdef';
    const config = prepareLocalRun(loadConfig({ DATA_DIR: join(root, 'data'), NEO4J_PASSWORD: 'given-password', JWT_SECRET: secret }));
    expect(config.neo4j.password).toBe('given-password');
    expect(config.auth.secret).toBe(secret);
    expect(readdirSync(root)).toEqual([]);
  });
});
