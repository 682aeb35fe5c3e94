// npm run bench -- [--preset small|medium|large|xl] [--seed N] [--seconds S] [--only NAME]
// Seeds (or reuses) a preset on the benchmark's own Neo4j (test/bench/server.ts: port 7679, data in
// .data/bench-neo4j), starts the API in-process with authentication on, and measures every
// operation of test/bench/operations.ts: latency percentiles at concurrency 1 and 16, requests per
// second, Cypher round-trips per request, db hits (PROFILE) and the same statements run straight
// through neo4j-driver. Loopback only; every loop is bounded by a request count and a time limit.
// Writes bench-results/<preset>-<commit>.json and prints the Markdown table (test/bench/report.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { PRESETS, type PresetName } from '../../seed/generator.js';
import { CypherExecutor } from '../../src/db/executor.js';
import { argValue, type BenchApi, remotePoster, startBenchApi } from './api.js';
import { BENCH_INDEX_HEADER, startBareHttp } from './bare.js';
import { CapturingLogger, type CapturedStatement, DriverReplay } from './capture.js';
import { connectBenchDatabase } from './connect.js';
import { ensureDataset } from './dataset.js';
import { runInTurn, runLoop, type LatencySummary } from './measure.js';
import { type BenchOperation, OPERATIONS } from './operations.js';
import { renderTable } from './report.js';
import { readSample } from './sample.js';

export interface OperationResult {
  name: string;
  depth: number;
  roundTrips: number;
  dbHits: number;
  heaviestStatement: string;
  statements: { name: string; dbHits: number }[];
  c1: LatencySummary;
  c16: LatencySummary;
  driverC1: LatencySummary;
  apiOverDriver: number;
  /** The same statements behind a bare HTTP server, asked by the same client (test/bench/bare.ts); absent in older runs. */
  bareC1?: LatencySummary;
  /** bareC1 p50 / driverC1 p50: what HTTP and JSON alone add. */
  bareOverDriver?: number;
  /** c1 p50 / bareC1 p50: the API's own cost beyond the transport. */
  apiOverBare?: number;
  p95TargetMs?: number;
  rpsTargetC16?: number;
  firstError?: string;
}

export interface BenchResult {
  preset: string;
  seed: number;
  commit: string;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; java: string; neo4j: string };
  load: Awaited<ReturnType<typeof ensureDataset>>;
  operations: OperationResult[];
}

/** Levels of nested selections: `{ partner { capabilities { capability { name } } } }` is 3. */
export function operationDepth(query: string): number {
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet) : 0);
      else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet));
    }
    return max;
  };
  const def = parse(query).definitions[0];
  return def && def.kind === Kind.OPERATION_DEFINITION ? depthOf(def.selectionSet) : 0;
}

function commitId(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim().length > 0;
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

function javaVersion(): string {
  // `java -version` writes to stderr.
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return (out.stderr || out.stdout || 'unknown').split('\n')[0]?.trim() ?? 'unknown';
}

async function main(args: string[]): Promise<void> {
  const preset = (argValue(args, '--preset') ?? 'large') as PresetName;
  if (!(preset in PRESETS)) throw new Error(`unknown preset ${preset}`);
  const seed = Number(argValue(args, '--seed') ?? 1);
  const seconds = Number(argValue(args, '--seconds') ?? 6);
  const only = argValue(args, '--only');
  const log = (line: string) => console.error(line);

  const db = await connectBenchDatabase(log);
  const logger = new CapturingLogger();
  let api: BenchApi | undefined;
  try {
    const load = await ensureDataset(db.executor, preset, seed, log);
    const [version] = await db.executor.runText<{ versions: string[] }>('CALL dbms.components() YIELD versions RETURN versions');

    const appExecutor = new CypherExecutor(db.driver, db.executor.library, { database: 'neo4j', timeoutMs: 120_000, logger });
    const started = await startBenchApi(appExecutor, logger);
    api = started;
    const { url } = started;
    const runId = `bench.${Date.now().toString(36)}`;
    const sample = await readSample(db.executor, runId);
    log(`API on ${url}; ${sample.partnerIds.length} partners, ${sample.dealIds.length} deals sampled.`);

    const post = (op: BenchOperation, i: number) =>
      started.post(op.query, op.variables(i, sample), /(?:query|mutation)\s+(\w+)/.exec(op.query)?.[1]);
    const replay = new DriverReplay(db.driver, db.executor.library);
    const removeBenchDeals = () =>
      db.executor.runText(
        'MATCH (d:Deal) WHERE d.id STARTS WITH $prefix OPTIONAL MATCH (d)-[:HAS_EVENT]->(e:DealEvent) DETACH DELETE d, e',
        { prefix: runId },
        'WRITE',
      );

    const results: OperationResult[] = [];
    for (const op of OPERATIONS) {
      if (only && !op.name.includes(only)) continue;
      const heavy = op.heavy ? 0.25 : 1;
      log(`- ${op.name}`);
      // Capture what each of the first requests sends to Neo4j (the driver replays these).
      const captured: CapturedStatement[][] = [];
      let firstError: string | undefined;
      const captureUntil = performance.now() + seconds * 1000;
      for (let i = 0; i < Math.max(3, 30 * heavy) && performance.now() < captureUntil; i++) {
        let failed: unknown;
        const statements = await logger.capture(() =>
          post(op, i).then(
            () => undefined,
            (err: unknown) => void (failed = err),
          ),
        );
        if (failed) firstError ??= (failed as Error).message;
        else captured.push(statements);
      }
      if (captured.length === 0) {
        log(`  failed: ${firstError}`);
        results.push({
          name: op.name,
          depth: operationDepth(op.query),
          roundTrips: NaN,
          dbHits: NaN,
          heaviestStatement: '',
          statements: [],
          c1: emptySummary(1),
          c16: emptySummary(16),
          driverC1: emptySummary(1),
          apiOverDriver: NaN,
          p95TargetMs: op.p95TargetMs,
          rpsTargetC16: op.rpsTargetC16,
          firstError,
        });
        continue;
      }
      if (op.mutation) await removeBenchDeals();
      const first = captured[0] as CapturedStatement[];
      const profile = await replay.profile(first);
      const heaviest = profile.reduce((a, b) => (b.dbHits > a.dbHits ? b : a), profile[0] ?? { name: '', dbHits: 0, rows: 0 });

      // The API, the driver and the bare HTTP server in turn, on the same inputs (a read's i-th request is the captured
      // one's; a mutation's are new ones, each its own deal, and the driver and the bare server commit their replay as
      // the API does, each under a fresh id in place of the captured request's deal id), over three times the time.
      const createdId = (k: number) => (op.variables(k, sample).input as { id?: string } | undefined)?.id;
      const replayOf = (i: number, as: string, rows: boolean) => {
        const k = i % captured.length;
        const id = op.mutation ? createdId(k) : undefined;
        return replay.run(captured[k] as CapturedStatement[], id ? [id, `${id}.${as}${i}`] : undefined, rows);
      };
      const bare = await startBareHttp((i) => replayOf(i, 'bare', true));
      const barePoster = remotePoster(bare.url, 'bare');
      const [c1, driverC1, bareC1] = (await runInTurn({ maxRequests: Math.round(200 * heavy), maxSeconds: 3 * seconds, warmup: 2 }, [
        (i) => post(op, op.mutation ? 100_000 + i : i % captured.length),
        (i) => replayOf(i, 'replay', false),
        (i) => {
          const k = op.mutation ? 100_000 + i : i % captured.length;
          return barePoster.post(op.query, op.variables(k, sample), undefined, { [BENCH_INDEX_HEADER]: String(i) });
        },
      ]).finally(async () => {
        barePoster.close();
        await bare.stop();
      })) as [LatencySummary, LatencySummary, LatencySummary];
      const c16 = await runLoop(
        { concurrency: 16, maxRequests: Math.round(2000 * heavy), maxSeconds: seconds, warmup: 16 },
        (i) => post(op, i).then(() => undefined),
        200_000,
      );
      if (op.mutation) await removeBenchDeals();

      const result: OperationResult = {
        name: op.name,
        depth: operationDepth(op.query),
        roundTrips: Math.max(...captured.map((s) => s.length)),
        dbHits: profile.reduce((s, p) => s + p.dbHits, 0),
        heaviestStatement: heaviest.name,
        statements: profile.map((p) => ({ name: p.name, dbHits: p.dbHits })),
        c1,
        c16,
        driverC1,
        apiOverDriver: Math.round((c1.p50 / driverC1.p50) * 100) / 100,
        bareC1,
        bareOverDriver: Math.round((bareC1.p50 / driverC1.p50) * 100) / 100,
        apiOverBare: Math.round((c1.p50 / bareC1.p50) * 100) / 100,
        p95TargetMs: op.p95TargetMs,
        rpsTargetC16: op.rpsTargetC16,
        firstError,
      };
      log(
        `  c1 p50 ${c1.p50} p95 ${c1.p95} ms | c16 p50 ${c16.p50} p95 ${c16.p95} ms, ${c16.rps} req/s | driver p50 ${driverC1.p50} ms | bare HTTP p50 ${bareC1.p50} ms | trips ${result.roundTrips} | db hits ${result.dbHits}${c1.errors + c16.errors ? ` | errors ${c1.errors + c16.errors}` : ''}`,
      );
      results.push(result);
    }

    const result: BenchResult = {
      preset,
      seed,
      commit: commitId(),
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        java: javaVersion(),
        neo4j: version?.versions[0] ?? 'unknown',
      },
      load,
      operations: results,
    };
    mkdirSync('bench-results', { recursive: true });
    const file = `bench-results/${preset}-${result.commit}${only ? '-partial' : ''}.json`;
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(renderTable(result));
    log(`Wrote ${file}`);
  } finally {
    await api?.stop();
    await db.driver.close();
  }
}

function emptySummary(concurrency: number): LatencySummary {
  return { concurrency, requests: 0, errors: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, max: NaN, rps: 0 };
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
