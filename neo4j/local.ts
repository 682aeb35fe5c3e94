// Fetches (through Maven), configures, starts and stops the project's own Neo4j Community
// server: the real server (CommunityEntryPoint), Bolt on 127.0.0.1 only, auth on, small memory.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

const NEO4J_DIR = dirname(fileURLToPath(import.meta.url));
const LIB_DIR = join(NEO4J_DIR, 'lib');
/** Graph Data Science (open edition) and the third-party jars Neo4j does not bring itself. */
const PLUGINS_DIR = join(NEO4J_DIR, 'plugins');

export interface LocalNeo4jOptions {
  /** Folder holding conf/, data/, logs/ and the pid file; survives restarts. */
  homeDir: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  /** Seconds a transaction may run before Neo4j stops it. */
  transactionTimeoutSeconds: number;
  /** Load Graph Data Science from neo4j/plugins (default true); false runs a server without it. */
  gds?: boolean;
  /** How long start-up may take before the server is stopped and start-up fails (default 600 s: a busy machine is slow). */
  startTimeoutMs?: number;
}

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  uri: string;
}

/** The JVM flags the stock neo4j.conf passes; the server needs the --add-opens ones on Java 17+. */
const JVM_FLAGS = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
];

export function localUri(options: Pick<LocalNeo4jOptions, 'boltPort'>): string {
  return `bolt://127.0.0.1:${options.boltPort}`;
}

/**
 * Runs Maven once to copy Neo4j and its runtime dependencies into neo4j/lib, and once more
 * (checked separately, so a folder that already had Neo4j gets it too) to copy Graph Data
 * Science into neo4j/plugins.
 */
export function fetchNeo4j(log: (line: string) => void = console.log): void {
  if (!(existsSync(LIB_DIR) && readdirSync(LIB_DIR).some((f) => f.startsWith('neo4j-')))) {
    log('Fetching Neo4j Community from Maven Central (first run only)…');
    const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(NEO4J_DIR, 'pom.xml'), 'package'], { stdio: 'inherit' });
    if (mvn.status !== 0) throw new Error(`Fetching Neo4j with Maven failed (exit ${mvn.status}); is Maven installed?`);
  }
  fetchGds(log);
}

/** True when neo4j/plugins holds Graph Data Science (its extension jar is copied last). */
export function gdsFetched(): boolean {
  return existsSync(PLUGINS_DIR) && readdirSync(PLUGINS_DIR).some((f) => f.startsWith('opengds-extension-'));
}

/**
 * Resolves the pom's `gds` profile (Neo4j plus GDS, one version per group:artifact) and Neo4j
 * alone, and copies into neo4j/plugins the jars whose group:artifact only the first holds.
 * Comparing coordinates, not file names: GDS's org.neo4j.gds:annotations is not Neo4j's
 * org.neo4j:annotations though both files start `annotations-`.
 */
function fetchGds(log: (line: string) => void): void {
  if (gdsFetched()) return;
  log('Fetching Neo4j Graph Data Science from Maven Central (first run only)…');
  const target = join(NEO4J_DIR, 'target');
  mkdirSync(target, { recursive: true });
  const list = (profile: string[], file: string): Map<string, string> => {
    const out = join(target, file);
    const mvn = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(NEO4J_DIR, 'pom.xml'),
        ...profile,
        'dependency:list',
        '-DincludeScope=runtime',
        '-DoutputAbsoluteArtifactFilename=true',
        `-DoutputFile=${out}`,
      ],
      { stdio: 'inherit' },
    );
    if (mvn.status !== 0) throw new Error(`Resolving ${file} with Maven failed (exit ${mvn.status}); is Maven installed?`);
    return resolvedJars(readFileSync(out, 'utf8'));
  };
  const neo4jJars = list([], 'neo4j-dependencies.txt');
  const withGds = list(['-P', 'gds'], 'gds-dependencies.txt');
  const staging = `${PLUGINS_DIR}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let copied = 0;
  for (const [coordinates, path] of withGds) {
    if (neo4jJars.has(coordinates)) continue;
    copyFileSync(path, join(staging, basename(path)));
    copied++;
  }
  if (!readdirSync(staging).some((f) => f.startsWith('opengds-extension-'))) {
    throw new Error('Maven resolved no org.neo4j.gds:opengds-extension jar; see neo4j/pom.xml');
  }
  rmSync(PLUGINS_DIR, { recursive: true, force: true });
  renameSync(staging, PLUGINS_DIR);
  log(`Graph Data Science: ${copied} jars in neo4j/plugins`);
}

/**
 * group:artifact -> jar path from `mvn dependency:list -DoutputAbsoluteArtifactFilename=true`,
 * whose lines read `group:artifact:type[:classifier]:version:scope:/path.jar[ -- module …]`.
 */
export function resolvedJars(listing: string): Map<string, string> {
  const jars = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const m = /^\s+([^:\s]+):([^:\s]+):jar(?::[^:\s]+)?:[^:\s]+:(?:compile|runtime):(\S+\.jar)/.exec(line);
    if (m) jars.set(`${m[1]}:${m[2]}`, m[3]!);
  }
  return jars;
}

function javaBinary(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function withGds(o: LocalNeo4jOptions): boolean {
  return o.gds !== false && gdsFetched();
}

function neo4jConf(o: LocalNeo4jOptions): string {
  const home = resolve(o.homeDir);
  const gds = withGds(o);
  return [
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${o.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.heap.initial_size=${o.heap}`,
    `server.memory.heap.max_size=${o.heap}`,
    `server.memory.pagecache.size=${o.pageCache}`,
    'dbms.usage_report.enabled=false',
    'dbms.security.auth_enabled=true',
    `db.transaction.timeout=${o.transactionTimeoutSeconds}s`,
    'db.tx_log.rotation.retention_policy=100M size',
    `server.directories.data=${join(home, 'data')}`,
    `server.directories.logs=${join(home, 'logs')}`,
    `server.directories.run=${join(home, 'run')}`,
    `server.directories.plugins=${gds ? PLUGINS_DIR : join(home, 'plugins')}`,
    // GDS's procedures read and write only its in-memory graph catalog; they need the full API.
    ...(gds ? ['dbms.security.procedures.unrestricted=gds.*'] : []),
    `server.directories.import=${join(home, 'import')}`,
    `server.directories.licenses=${join(home, 'licenses')}`,
    `server.directories.lib=${LIB_DIR}`,
    '',
  ].join('\n');
}

function pidFile(o: Pick<LocalNeo4jOptions, 'homeDir'>): string {
  return join(o.homeDir, 'neo4j.pid');
}

function readPid(o: Pick<LocalNeo4jOptions, 'homeDir'>): number | undefined {
  const file = pidFile(o);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function canConnect(uri: string, password: string, timeoutMs = 2000): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { connectionTimeout: timeoutMs, maxConnectionPoolSize: 1 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** The local password: generated into the home folder on first run, unless given. */
export function localPassword(homeDir: string, given?: string): string {
  if (given) return given;
  const file = join(homeDir, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(homeDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts the server in the background (detached, so it outlives `npm run db:start`) unless it
 * already runs, then waits until Bolt answers (verifyConnectivity, not a sleep).
 */
export async function startLocalNeo4j(o: LocalNeo4jOptions, log: (line: string) => void = console.log): Promise<LocalNeo4jStatus> {
  const uri = localUri(o);
  const existing = readPid(o);
  if (existing && (await canConnect(uri, o.password))) return { running: true, pid: existing, uri };
  if (!existing && (await canConnect(uri, o.password))) {
    // Someone else's server with our password on this port (a test run sharing it): use it.
    return { running: true, uri };
  }
  fetchNeo4j(log);
  const home = resolve(o.homeDir);
  for (const d of ['conf', 'data', 'logs', 'run', 'plugins', 'import', 'licenses']) mkdirSync(join(home, d), { recursive: true });
  writeFileSync(join(home, 'conf', 'neo4j.conf'), neo4jConf(o));
  const env = { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') };
  // As Neo4j's own start script does: plugin jars on the classpath too (GDS registers extensions).
  const classpath = withGds(o) ? `${LIB_DIR}/*:${PLUGINS_DIR}/*` : `${LIB_DIR}/*`;

  if (!existsSync(join(home, 'data', 'dbms', 'auth.ini'))) {
    const set = spawnSync(
      javaBinary(),
      [...JVM_FLAGS, '-cp', classpath, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', o.password],
      { env, encoding: 'utf8' },
    );
    if (set.status !== 0) throw new Error(`Setting the initial Neo4j password failed: ${set.stderr || set.stdout}`);
  }

  const out = openSync(join(home, 'logs', 'console.log'), 'a');
  const child = spawn(
    javaBinary(),
    [
      `-Xms${o.heap}`,
      `-Xmx${o.heap}`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
      '--console-mode',
    ],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  if (!child.pid) throw new Error('Could not start Java for Neo4j');
  writeFileSync(pidFile(o), String(child.pid));
  log(`Starting Neo4j (pid ${child.pid}) on ${uri}…`);

  const startTimeoutMs = o.startTimeoutMs ?? 600_000;
  const deadline = Date.now() + startTimeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Neo4j exited during start-up; see ${join(home, 'logs')}`);
    if (await canConnect(uri, o.password, 1000)) {
      log(`Neo4j is up on ${uri}`);
      return { running: true, pid: child.pid, uri };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // A failed start stops what it started.
  await stopLocalNeo4j(o);
  throw new Error(`Neo4j did not answer on ${uri} within ${startTimeoutMs / 1000} s (stopped it); see ${join(home, 'logs')}`);
}

/** Stops the server this folder started (SIGTERM, then SIGKILL after 30 s). */
export async function stopLocalNeo4j(o: Pick<LocalNeo4jOptions, 'homeDir'>): Promise<boolean> {
  const pid = readPid(o);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(pidFile(o), { force: true });
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(pid, 'SIGKILL');
  rmSync(pidFile(o), { force: true });
  return true;
}

export async function localStatus(o: LocalNeo4jOptions): Promise<LocalNeo4jStatus> {
  const uri = localUri(o);
  const pid = readPid(o);
  return { running: await canConnect(uri, o.password), pid, uri };
}
