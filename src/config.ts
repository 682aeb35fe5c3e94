// The environment, validated once at start-up: a bad value stops the process with a message
// naming the variable. Reading it changes nothing: the secrets a local run generates (the JWT
// secret, the local Neo4j's password) are named here and written by src/local-run.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Neo4jSettings } from './db/driver.js';

const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** A duration such as 90s, 15m, 12h or 30d (a bare number is seconds), as whole seconds. */
const duration = z
  .string()
  .regex(/^\d+\s*[smhd]?$/i, 'a duration such as 60s, 15m, 12h or 30d')
  .transform((v) => {
    const m = /^(\d+)\s*([smhd]?)$/i.exec(v)!;
    return Number(m[1]) * DURATION_UNITS[(m[2]!.toLowerCase() || 's') as keyof typeof DURATION_UNITS];
  });

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** When set, this server is used and no local one is started (neo4j://, neo4j+s://, bolt://). */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'a neo4j:// or bolt:// URI')
    .optional(),
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
  /** Seconds one transaction of start-up maintenance (migrations, the demo load) may run; 0 = no limit. */
  MAINTENANCE_TIMEOUT_SECONDS: z.coerce.number().min(0).default(3600),
  /** Days the change feed keeps a change (README, "Events"); older ones are purged hourly and their cursors expire. */
  CHANGE_RETENTION_DAYS: z.coerce.number().positive().max(36_500).default(30),
  /** How often the API records expired registrations (README, "Rules of engagement"); 0 = never (the ADMIN mutation still does). */
  EXPIRY_RECORDING_INTERVAL: duration.default(900),
  /** Load the demo ecosystem when the database is empty (npm start). */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Bearer-token authentication; `off` (every request is ADMIN) is refused in production. */
  AUTH: z.enum(['on', 'off']).default('on'),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The longest a token may live (exp - iat); longer tokens are refused. */
  JWT_MAX_LIFETIME: duration.default(30 * 86_400).refine((s) => s > 0, 'longer than 0'),
  /** How far in the future a token's iat may be (clocks differ a little). */
  JWT_CLOCK_SKEW: duration.default(60),
  /** Request limits. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(12),
  MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  MAX_COST: z.coerce.number().int().min(1).default(20000),
  /** How a query is executed (src/http/execute.ts): graphql-jit, falling back to graphql-js; or graphql-js only. */
  GRAPHQL_EXECUTOR: z.enum(['jit', 'graphql-js']).default('jit'),
  /** Events (issue 15, README "Subscriptions" and "Webhooks"): how often the outbox's head is polled, in milliseconds. */
  EVENTS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** WebSocket connections at most, overall and per token subject; subscriptions per connection. */
  WS_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(1000),
  WS_MAX_CONNECTIONS_PER_TOKEN: z.coerce.number().int().min(1).default(10),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(20),
  /** Webhook retries: the first wait, the longest wait, and how long a delivery is retried before it is FAILED. */
  WEBHOOK_RETRY_FIRST: duration.default(10).refine((s) => s > 0, 'longer than 0'),
  WEBHOOK_RETRY_MAX: duration.default(3600).refine((s) => s > 0, 'longer than 0'),
  WEBHOOK_RETRY_FOR: duration.default(86_400).refine((s) => s > 0, 'longer than 0'),
  /** How long one POST may take. */
  WEBHOOK_TIMEOUT: duration.default(10).refine((s) => s > 0 && s <= 120, 'between 1s and 120s'),
  /** Changes in one delivery at most. */
  WEBHOOK_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /** Host names and CIDR networks webhooks may reach although private (comma-separated), e.g. hooks.internal,10.20.0.0/16. */
  WEBHOOK_ALLOWED_TARGETS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((x) => !x.includes('/') || /^[0-9a-f.:]+\/\d{1,3}$/i.test(x)),
      'host names and CIDR networks (e.g. 10.20.0.0/16), comma-separated',
    ),
});

export type Env = z.infer<typeof EnvSchema>;

/** How a token is checked (src/auth/tokens.ts). */
export type TokenVerifierConfig = (
  { kind: 'hs256'; secret: string } | { kind: 'rs256-key'; publicKeyPem: string } | { kind: 'rs256-jwks'; jwksJson: string }
) & {
  issuer?: string;
  audience?: string;
  /** Seconds a token may live (exp - iat); default 30 days. */
  maxLifetimeSeconds?: number;
  /** Seconds a token's iat may lie in the future; default 60. */
  clockSkewSeconds?: number;
};

export type { Neo4jSettings };

/** The project's own Neo4j (neo4j/local.ts); its password is known once the local run is prepared. */
export interface LocalNeo4jSettings {
  homeDir: string;
  boltPort: number;
  /** NEO4J_PASSWORD when given; otherwise src/local-run.ts reads or generates homeDir/password. */
  password?: string;
  heap: string;
  pageCache: string;
  transactionTimeoutSeconds: number;
}

/** How Apollo executes a query: src/http/execute.ts. */
export type GraphqlExecutorKind = 'jit' | 'graphql-js';

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  logLevel: Env['LOG_LEVEL'];
  /** Milliseconds one request's transaction may run. */
  queryTimeoutMs: number;
  /** Milliseconds one maintenance transaction (migrations, demo load) may run; 0 = no limit. */
  maintenanceTimeoutMs: number;
  seedDemo: boolean;
  /** Days the change feed keeps a change (CHANGE_RETENTION_DAYS). */
  changeRetentionDays: number;
  /** Milliseconds between two recordings of expired registrations (EXPIRY_RECORDING_INTERVAL); 0 = never. */
  expiryRecordingIntervalMs: number;
  dataDir: string;
  auth: AuthConfig;
  limits: RequestLimits;
  /** GRAPHQL_EXECUTOR: `jit` runs queries through graphql-jit (graphql-js on any error), `graphql-js` through graphql-js only. */
  graphqlExecutor: GraphqlExecutorKind;
  /** The password is absent only for a local server whose password file src/local-run.ts reads. */
  neo4j: Omit<Neo4jSettings, 'password'> & { password?: string };
  /** Present when the project runs its own server. */
  localNeo4j?: LocalNeo4jSettings;
  events: EventsConfig;
}

/** Subscriptions and webhooks (README, "Subscriptions" and "Webhooks"); times in milliseconds. */
export interface EventsConfig {
  pollMs: number;
  subscriptions: { maxConnections: number; maxConnectionsPerToken: number; maxSubscriptionsPerConnection: number };
  webhooks: {
    retryFirstMs: number;
    retryMaxMs: number;
    retryForMs: number;
    timeoutMs: number;
    batchSize: number;
    /** Host names and CIDR networks allowed although private (src/events/webhook-target.ts). */
    allowedTargets: string[];
  };
}

export const DEFAULT_EVENTS: EventsConfig = {
  pollMs: 1000,
  subscriptions: { maxConnections: 1000, maxConnectionsPerToken: 10, maxSubscriptionsPerConnection: 20 },
  webhooks: { retryFirstMs: 10_000, retryMaxMs: 3_600_000, retryForMs: 86_400_000, timeoutMs: 10_000, batchSize: 50, allowedTargets: [] },
};

export interface AuthConfig {
  enabled: boolean;
  verifier?: TokenVerifierConfig;
  /** The HS256 secret, when there is one: `npm run token` and npm start's admin token use it. */
  secret?: string;
  /** Where a local run's generated secret lives; src/local-run.ts reads or writes it and fills secret and verifier. */
  secretFile?: string;
  /** The verifier's lifetime and clock-skew bounds, for a verifier made later from the secret file. */
  bounds?: { maxLifetimeSeconds: number; clockSkewSeconds: number };
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

function authConfig(e: Env, dataDir: string, local: boolean): AuthConfig {
  if (e.AUTH === 'off') {
    if (e.NODE_ENV === 'production') fail('AUTH', 'cannot be off when NODE_ENV=production');
    return { enabled: false };
  }
  const bounds = { maxLifetimeSeconds: e.JWT_MAX_LIFETIME, clockSkewSeconds: e.JWT_CLOCK_SKEW };
  const claims = { issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE, ...bounds };
  if (e.JWT_PUBLIC_KEY_FILE) {
    if (!existsSync(e.JWT_PUBLIC_KEY_FILE)) fail('JWT_PUBLIC_KEY_FILE', `no file ${e.JWT_PUBLIC_KEY_FILE}`);
    return { enabled: true, bounds, verifier: { kind: 'rs256-key', publicKeyPem: readFileSync(e.JWT_PUBLIC_KEY_FILE, 'utf8'), ...claims } };
  }
  if (e.JWT_JWKS_FILE) {
    if (!existsSync(e.JWT_JWKS_FILE)) fail('JWT_JWKS_FILE', `no file ${e.JWT_JWKS_FILE}`);
    return { enabled: true, bounds, verifier: { kind: 'rs256-jwks', jwksJson: readFileSync(e.JWT_JWKS_FILE, 'utf8'), ...claims } };
  }
  if (e.JWT_SECRET) return { enabled: true, bounds, secret: e.JWT_SECRET, verifier: { kind: 'hs256', secret: e.JWT_SECRET, ...claims } };
  if (!local || e.NODE_ENV === 'production')
    fail('JWT_SECRET', 'set JWT_SECRET, JWT_PUBLIC_KEY_FILE or JWT_JWKS_FILE (or AUTH=off outside production)');
  // A local run's secret: read or generated by src/local-run.ts, not here.
  return { enabled: true, bounds, secretFile: join(dataDir, 'jwt-secret') };
}

export interface LoadOptions {
  /** False for tools that serve no HTTP (import, export, seed, db:*): they need no token settings. */
  serving?: boolean;
}

/** The validated environment; throws ConfigError naming each bad variable. Reads key files named by it, writes nothing. */
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
    maintenanceTimeoutMs: e.MAINTENANCE_TIMEOUT_SECONDS * 1000,
    seedDemo: e.SEED_DEMO,
    changeRetentionDays: e.CHANGE_RETENTION_DAYS,
    expiryRecordingIntervalMs: e.EXPIRY_RECORDING_INTERVAL * 1000,
    dataDir,
    auth: options.serving === false ? { enabled: false } : authConfig(e, dataDir, !e.NEO4J_URI),
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
    },
    graphqlExecutor: e.GRAPHQL_EXECUTOR,
    events: {
      pollMs: e.EVENTS_POLL_MS,
      subscriptions: {
        maxConnections: e.WS_MAX_CONNECTIONS,
        maxConnectionsPerToken: e.WS_MAX_CONNECTIONS_PER_TOKEN,
        maxSubscriptionsPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      },
      webhooks: {
        retryFirstMs: e.WEBHOOK_RETRY_FIRST * 1000,
        retryMaxMs: e.WEBHOOK_RETRY_MAX * 1000,
        retryForMs: e.WEBHOOK_RETRY_FOR * 1000,
        timeoutMs: e.WEBHOOK_TIMEOUT * 1000,
        batchSize: e.WEBHOOK_BATCH_SIZE,
        allowedTargets: e.WEBHOOK_ALLOWED_TARGETS,
      },
    },
  };
  if (e.NEO4J_URI) {
    if (!e.NEO4J_PASSWORD) fail('NEO4J_PASSWORD', 'required when NEO4J_URI is set');
    return { ...base, neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE } };
  }
  const localNeo4j: LocalNeo4jSettings = {
    homeDir: resolve(dataDir, 'neo4j'),
    boltPort: e.LOCAL_NEO4J_PORT,
    password: e.NEO4J_PASSWORD,
    heap: e.LOCAL_NEO4J_HEAP,
    pageCache: e.LOCAL_NEO4J_PAGECACHE,
    // The server's default for transactions that set no timeout of their own; requests and
    // maintenance each send theirs.
    transactionTimeoutSeconds: Math.max(60, e.QUERY_TIMEOUT_SECONDS * 4),
  };
  return {
    ...base,
    neo4j: { uri: `bolt://127.0.0.1:${e.LOCAL_NEO4J_PORT}`, user: 'neo4j', password: e.NEO4J_PASSWORD, database: 'neo4j' },
    localNeo4j,
  };
}
