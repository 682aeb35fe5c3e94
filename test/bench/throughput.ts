// npm run bench:throughput -- [--preset large] [--only NAME] [--seconds S] [--concurrency N] [--rounds R]
// Requests per second as a deployment sees them: the API in its own process (`src/main.ts`, as `npm start` runs it,
// auth on, an ADMIN token) on the benchmark's Neo4j (test/bench/server.ts; the preset loaded if absent), the clients in
// this process, so the clients' work is not charged to the API's one thread (`npm run bench` runs both in one).
// For each read operation of test/bench/operations.ts whose name contains NAME (default "partner by id"): R rounds
// (default 3) of S seconds (default 8) at N concurrent clients (default 16), after a warm-up; per round req/s, p50/p95
// and the CPU milliseconds per request of the API's and of Neo4j's processes (/proc, 10 ms ticks). Loopback only;
// every loop is bounded by time and count. Prints a Markdown table; the medians are the figures to quote.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { mintToken } from '../../src/auth/tokens.js';
import { runCommand } from '../../src/cli/run-command.js';
import { argValue, remotePoster } from './api.js';
import { connectBenchDatabase } from './connect.js';
import { ensureDataset } from './dataset.js';
import { runLoop } from './measure.js';
import { OPERATIONS } from './operations.js';
import { readSample } from './sample.js';
import { benchNeo4jOptions } from './server.js';
import type { PresetName } from '../../seed/generator.js';

/** CPU ticks (user + system, 10 ms each) a process has used; NaN when /proc does not say. */
function cpuTicks(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(args: string[]): Promise<void> {
  const preset = (argValue(args, '--preset') ?? 'large') as PresetName;
  const only = argValue(args, '--only') ?? 'partner by id';
  const seconds = Number(argValue(args, '--seconds') ?? 8);
  const concurrency = Number(argValue(args, '--concurrency') ?? 16);
  const rounds = Number(argValue(args, '--rounds') ?? 3);
  const log = (line: string) => console.error(line);

  const db = await connectBenchDatabase(log);
  await ensureDataset(db.executor, preset, Number(argValue(args, '--seed') ?? 1), log);
  const sample = await readSample(db.executor, `throughput.${Date.now().toString(36)}`);
  const neo4jPid = Number(readFileSync(`${benchNeo4jOptions().homeDir}/neo4j.pid`, 'utf8').trim());

  const secret = 'bench-throughput-secret-0123456789-abcdef';
  const port = await freePort();
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: db.uri,
      NEO4J_PASSWORD: db.password,
      JWT_SECRET: secret,
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const poster = remotePoster(url, await mintToken({ secret, role: 'ADMIN', subject: 'throughput', expiresIn: '2h' }));
  try {
    for (let i = 0; ; i++) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      if (
        await fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600) throw new Error('the API did not become ready in 5 minutes');
      await sleep(500);
    }
    const rows: string[] = [];
    for (const op of OPERATIONS) {
      if (op.mutation || !op.name.includes(only)) continue;
      const name = /(?:query|mutation)\s+(\w+)/.exec(op.query)?.[1];
      const post = (i: number) => poster.post(op.query, op.variables(i, sample), name).then(() => undefined);
      await runLoop({ concurrency, maxRequests: 20 * concurrency, maxSeconds: seconds, warmup: 0 }, post);
      const rps: number[] = [];
      const p50: number[] = [];
      const p95: number[] = [];
      const apiCpu: number[] = [];
      const neo4jCpu: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const [a0, n0] = [cpuTicks(api.pid), cpuTicks(neo4jPid)];
        const s = await runLoop({ concurrency, maxRequests: 100_000, maxSeconds: seconds, warmup: 0 }, post, r * 100_000);
        const [a1, n1] = [cpuTicks(api.pid), cpuTicks(neo4jPid)];
        if (s.errors > 0) throw new Error(`${op.name}: ${s.errors} errors`);
        rps.push(s.rps);
        p50.push(s.p50);
        p95.push(s.p95);
        apiCpu.push(((a1 - a0) * 10) / s.requests);
        neo4jCpu.push(((n1 - n0) * 10) / s.requests);
        log(`${op.name} round ${r + 1}: ${s.rps} req/s, p50 ${s.p50} ms, p95 ${s.p95} ms`);
      }
      rows.push(
        `| ${op.name} | ${concurrency} | ${median(rps).toFixed(0)} | ${rps.map((x) => x.toFixed(0)).join(', ')} | ${median(p50).toFixed(1)} / ${median(p95).toFixed(1)} | ${median(apiCpu).toFixed(2)} / ${median(neo4jCpu).toFixed(2)} |`,
      );
    }
    console.log(
      `Preset \`${preset}\`, ${rounds} rounds of ${seconds} s, API in its own process (GRAPHQL_EXECUTOR=${process.env.GRAPHQL_EXECUTOR ?? 'jit'}).\n`,
    );
    console.log('| operation | c | req/s (median) | per round | p50 / p95 ms | CPU ms/req API / Neo4j |');
    console.log('|---|---:|---:|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    poster.close();
    api.kill('SIGINT');
    await new Promise((resolve) => (api.exitCode !== null ? resolve(undefined) : api.once('exit', resolve)));
    await db.driver.close();
  }
}

runCommand(() => main(process.argv.slice(2)).then(() => 0));
