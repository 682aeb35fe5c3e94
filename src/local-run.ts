// Preparing a local run: the one step that writes the secrets a run on this machine needs into
// the data folder (the JWT secret when none is configured, the local Neo4j's password), and reads
// them back on later runs. Reading the configuration (src/config.ts) changes nothing.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { localPassword, type LocalNeo4jOptions } from '../neo4j/local.js';
import { ConfigError, type AuthConfig, type Config, type Neo4jSettings } from './config.js';

/** A configuration whose secrets are all known: what connecting and serving need. */
export interface PreparedConfig extends Omit<Config, 'neo4j' | 'localNeo4j'> {
  neo4j: Neo4jSettings;
  localNeo4j?: LocalNeo4jOptions;
}

/** The secret in `file`, generated (32 random bytes, mode 0600) on first use. */
function fileSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The auth settings with a local secret file read (or generated) into secret and an HS256 verifier. */
export function prepareLocalAuth(auth: AuthConfig): AuthConfig {
  if (!auth.enabled || auth.verifier || !auth.secretFile) return auth;
  const secret = fileSecret(auth.secretFile);
  return { ...auth, secret, verifier: { kind: 'hs256', secret, ...auth.bounds } };
}

/**
 * Fills in what a local run generates: the local Neo4j's password (NEO4J_PASSWORD, else
 * DATA_DIR/neo4j/password, generated on first start) and the JWT secret (DATA_DIR/jwt-secret).
 * A configuration for a remote server (NEO4J_URI) needs nothing and is returned as it is.
 */
export function prepareLocalRun(config: Config): PreparedConfig {
  const { localNeo4j, neo4j, ...rest } = config;
  const auth = prepareLocalAuth(config.auth);
  if (!localNeo4j) {
    if (neo4j.password === undefined) throw new ConfigError('Invalid environment:\n  NEO4J_PASSWORD: required when NEO4J_URI is set');
    return { ...rest, auth, neo4j: { ...neo4j, password: neo4j.password } };
  }
  const password = localPassword(localNeo4j.homeDir, localNeo4j.password);
  return { ...rest, auth, neo4j: { ...neo4j, password }, localNeo4j: { ...localNeo4j, password } };
}
