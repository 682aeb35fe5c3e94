// The environment, validated once at start-up: a bad value stops the process with a message
// naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { localPassword, type LocalNeo4jOptions } from '../neo4j/local.js';
import type { TokenVerifierConfig } from './auth/tokens.js';

const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** When set, this server is used and no local one is started (neo4j://, neo4j+s://, bolt://). */
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'a neo4j:// or bolt:// URI').optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Local server (used when NEO4J_URI is unset). */
  DATA_DIR: z.string().min(1).default('.data'),
  LOCAL_NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  LOCAL_NEO4J_HEAP: memory.default('1g'),
  LOCAL_NEO4J_PAGECACHE: memory.default('512m'),
  /** Seconds one request's transaction may run. */
  QUERY_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  /** Load the demo ecosystem when the database is empty (npm start). */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** Bearer-token authentication; `off` (every request is ADMIN) is refused in production. */
  AUTH: z.enum(['on', 'off']).default('on'),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** Request limits. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  MAX_COST: z.coerce.number().int().min(1).default(20000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  queryTimeoutMs: number;
  seedDemo: boolean;
  dataDir: string;
  auth: AuthConfig;
  limits: RequestLimits;
  neo4j: { uri: string; user: string; password: string; database: string };
  /** Present when the project runs its own server. */
  localNeo4j?: LocalNeo4jOptions;
}

export interface AuthConfig {
  enabled: boolean;
  verifier?: TokenVerifierConfig;
  /** The HS256 secret, when there is one: `npm run token` and npm start's admin token use it. */
  secret?: string;
  /** Where a generated secret lives (local default only). */
  secretFile?: string;
}

export interface RequestLimits {
  maxBodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
}

export class ConfigError extends Error {}

function fail(variable: string, message: string): never {
  throw new ConfigError(`Invalid environment:\n  ${variable}: ${message}`);
}

/** The secret a local run generates into the data folder on first start. */
function localSecret(dataDir: string): { secret: string; file: string } {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), file };
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return { secret, file };
}

function authConfig(e: Env, dataDir: string, local: boolean): AuthConfig {
  if (e.AUTH === 'off') {
    if (e.NODE_ENV === 'production') fail('AUTH', 'cannot be off when NODE_ENV=production');
    return { enabled: false };
  }
  const claims = { issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE };
  if (e.JWT_PUBLIC_KEY_FILE) {
    if (!existsSync(e.JWT_PUBLIC_KEY_FILE)) fail('JWT_PUBLIC_KEY_FILE', `no file ${e.JWT_PUBLIC_KEY_FILE}`);
    return { enabled: true, verifier: { kind: 'rs256-key', publicKeyPem: readFileSync(e.JWT_PUBLIC_KEY_FILE, 'utf8'), ...claims } };
  }
  if (e.JWT_JWKS_FILE) {
    if (!existsSync(e.JWT_JWKS_FILE)) fail('JWT_JWKS_FILE', `no file ${e.JWT_JWKS_FILE}`);
    return { enabled: true, verifier: { kind: 'rs256-jwks', jwksJson: readFileSync(e.JWT_JWKS_FILE, 'utf8'), ...claims } };
  }
  if (e.JWT_SECRET) return { enabled: true, secret: e.JWT_SECRET, verifier: { kind: 'hs256', secret: e.JWT_SECRET, ...claims } };
  if (!local || e.NODE_ENV === 'production') fail('JWT_SECRET', 'set JWT_SECRET, JWT_PUBLIC_KEY_FILE or JWT_JWKS_FILE (or AUTH=off outside production)');
  const generated = localSecret(dataDir);
  return { enabled: true, secret: generated.secret, secretFile: generated.file, verifier: { kind: 'hs256', secret: generated.secret, ...claims } };
}

export interface LoadOptions {
  /** False for tools that serve no HTTP (import, export, seed, db:*): they need no token settings. */
  serving?: boolean;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const base = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    queryTimeoutMs: e.QUERY_TIMEOUT_SECONDS * 1000,
    seedDemo: e.SEED_DEMO,
    dataDir,
    auth: options.serving === false ? { enabled: false } : authConfig(e, dataDir, !e.NEO4J_URI),
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
    },
  };
  if (e.NEO4J_URI) {
    if (!e.NEO4J_PASSWORD) fail('NEO4J_PASSWORD', 'required when NEO4J_URI is set');
    return { ...base, neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE } };
  }
  const homeDir = resolve(dataDir, 'neo4j');
  const localNeo4j: LocalNeo4jOptions = {
    homeDir,
    boltPort: e.LOCAL_NEO4J_PORT,
    password: localPassword(homeDir, e.NEO4J_PASSWORD),
    heap: e.LOCAL_NEO4J_HEAP,
    pageCache: e.LOCAL_NEO4J_PAGECACHE,
    transactionTimeoutSeconds: Math.max(60, e.QUERY_TIMEOUT_SECONDS * 4),
  };
  return {
    ...base,
    neo4j: { uri: `bolt://127.0.0.1:${e.LOCAL_NEO4J_PORT}`, user: 'neo4j', password: localNeo4j.password, database: 'neo4j' },
    localNeo4j,
  };
}
