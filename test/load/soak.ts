// npm run soak -- [--seconds 180] [--concurrency 8]
// Mixed reads and writes against the API (a child process, loopback only) for a bounded time,
// with a database restart in the middle. Then: every acknowledged write must be in the graph,
// and the API's memory is sampled throughout. Uses a Neo4j of its own (port 7690, .data/soak-neo4j).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../neo4j/local.js';
import { mintToken } from '../../src/auth/tokens.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '8' },
    port: { type: 'string', default: '4300' }, // not 4190: fetch refuses that (a blocked port)
  },
});
const seconds = Math.min(Number(values.seconds), 900);
const concurrency = Math.min(Number(values.concurrency), 64);
const apiPort = Number(values.port);
const secret = 'soak-secret-0123456789-0123456789-0123456789';
const local: LocalNeo4jOptions = {
  homeDir: resolve('.data/soak-neo4j'),
  boltPort: 7690,
  password: 'soak-password',
  heap: '1g',
  pageCache: '256m',
  transactionTimeoutSeconds: 60,
};

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function main(): Promise<void> {
  await startLocalNeo4j(local, console.log);
  const api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: `bolt://127.0.0.1:${local.boltPort}`,
      NEO4J_PASSWORD: local.password,
      JWT_SECRET: secret,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.SOAK_API_LOG_LEVEL ?? 'warn',
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // Never leave the API behind, whatever happens below.
  process.once('exit', () => api.kill('SIGKILL'));
  let apiLog = '';
  api.stderr.on('data', (d: Buffer) => {
    apiLog += d.toString();
    if (process.env.SOAK_API_LOG_LEVEL) process.stdout.write(`api: ${d.toString()}`);
  });
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url.replace('/graphql', '/readyz'), { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch (err) {
      if (i % 20 === 0) console.log(`waiting for the API: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`);
    }
    if (i > 1200) throw new Error(`API did not become ready in 10 minutes:\n${apiLog}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`API ready at ${url}; running ${concurrency} workers for ${seconds} s`);
  const token = await mintToken({ secret, role: 'ADMIN', subject: 'soak', expiresIn: '2h' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const run = Date.now().toString(36);

  const counts = { requests: 0, ok: 0, errors: new Map<string, number>() };
  const acknowledged: string[] = [];
  const memory: { t: number; rss: number }[] = [];
  const deadline = Date.now() + seconds * 1000;
  let writeSeq = 0;

  const sampler = setInterval(
    () => memory.push({ t: Math.round((Date.now() - (deadline - seconds * 1000)) / 1000), rss: rssOf(api.pid!) }),
    2000,
  );

  const operations = [
    {
      weight: 3,
      body: () => ({
        query: '{ partners(first: 20) { totalCount edges { node { id name capabilities { level capability { name } } } } } }',
      }),
    },
    { weight: 2, body: () => ({ query: '{ search(text: "sec", first: 10) { score node { __typename } } }' }) },
    { weight: 2, body: () => ({ query: '{ customers(first: 20) { edges { node { id accounts { status partner { name } } } } } }' }) },
    {
      weight: 2,
      write: true,
      body: (id: string) => ({
        query: 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { code message } } }',
        variables: { input: { id, name: `Soak customer ${id}`, region: 'EMEA', industry: 'RETAIL', segment: 'SMB' } },
      }),
    },
  ];
  const bag = operations.flatMap((o) => Array(o.weight).fill(o) as (typeof o)[]);

  async function worker(w: number): Promise<void> {
    let n = 0;
    while (Date.now() < deadline) {
      const op = bag[(w + n++) % bag.length]!;
      const id = op.write ? `soak-${run}-${writeSeq++}` : '';
      counts.requests++;
      try {
        const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(op.body(id)), signal: AbortSignal.timeout(15_000) });
        const body = (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
        if (res.ok && !body.errors) {
          counts.ok++;
          if (op.write && body.data?.createCustomer?.customer?.id === id && body.data.createCustomer.errors.length === 0)
            acknowledged.push(id);
        } else {
          const code = body.errors?.[0]?.extensions?.code ?? `HTTP_${res.status}`;
          counts.errors.set(code, (counts.errors.get(code) ?? 0) + 1);
        }
      } catch (err) {
        const code = (err as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK';
        counts.errors.set(code, (counts.errors.get(code) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  const restart = (async () => {
    await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
    const t0 = Date.now();
    console.log(`restarting the database at ${Math.round((t0 - (deadline - seconds * 1000)) / 1000)} s`);
    await stopLocalNeo4j(local);
    await startLocalNeo4j(local, () => undefined);
    console.log(`database back after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  })();

  const started = Date.now();
  await Promise.all([...Array.from({ length: concurrency }, (_, w) => worker(w)), restart]);
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);

  const driver = neo4j.driver(`bolt://127.0.0.1:${local.boltPort}`, neo4j.auth.basic('neo4j', local.password));
  const found = await driver.executeQuery('UNWIND $ids AS id MATCH (c:Customer {id: id}) RETURN count(c) AS n', { ids: acknowledged });
  const present = found.records[0]!.get('n').toNumber();
  await driver.executeQuery('MATCH (c:Customer) WHERE c.id STARTS WITH $p DETACH DELETE c', { p: `soak-${run}-` });
  await driver.close();

  api.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((r) => api.once('exit', r));
  await stopLocalNeo4j(local);

  const rss = memory.map((m) => m.rss / 1024 / 1024);
  const third = Math.max(1, Math.floor(rss.length / 3));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const report = {
    seconds: Math.round(elapsed),
    concurrency,
    requests: counts.requests,
    requestsPerSecond: Math.round(counts.requests / elapsed),
    ok: counts.ok,
    errors: Object.fromEntries(counts.errors),
    acknowledgedWrites: acknowledged.length,
    acknowledgedWritesInGraph: present,
    lostWrites: acknowledged.length - present,
    apiRssMiB: {
      firstThirdMedian: Math.round(median(rss.slice(0, third))),
      lastThirdMedian: Math.round(median(rss.slice(-third))),
      max: Math.round(Math.max(...rss)),
    },
    apiExitCodeOnSigterm: exitCode,
  };
  console.log(JSON.stringify(report, null, 2));
  if (report.lostWrites !== 0 || exitCode !== 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
