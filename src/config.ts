// The environment, validated once at start-up: a bad value stops the process with a message
// naming the variable.
import { resolve } from 'node:path';
import { z } from 'zod';
import { localPassword, type LocalNeo4jOptions } from '../neo4j/local.js';

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
  neo4j: { uri: string; user: string; password: string; database: string };
  /** Present when the project runs its own server. */
  localNeo4j?: LocalNeo4jOptions;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
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
  };
  if (e.NEO4J_URI) {
    if (!e.NEO4J_PASSWORD) throw new ConfigError('Invalid environment:\n  NEO4J_PASSWORD: required when NEO4J_URI is set');
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
