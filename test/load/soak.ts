// npm run soak -- [--seconds 180] [--concurrency 8] [--port 4300] [--bolt-port 7690]
// Mixed reads and writes against the API (a child process, loopback only) for a bounded time, with
// a webhook receiver (verifying every signature) and a graphql-ws subscription running throughout,
// the database restarted at 40% of the time and then the API at 65%. Then: every acknowledged write
// must be in the graph and in the change feed, every change of the feed must have reached the webhook
// (at least once; repeats counted) and the subscription (resumed with its last cursor after the API
// restart; none missing), and the API's memory is sampled throughout. Uses a Neo4j of its own (port
// 7690, .data/soak-neo4j).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { canConnect, localUri, startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../neo4j/local.js';
import { mintToken } from '../../src/auth/tokens.js';
import { SIGNATURE_HEADER, verifySignature } from '../../src/events/webhook-signing.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    concurrency: { type: 'string', default: '8' },
    port: { type: 'string', default: '4300' }, // not 4190: fetch refuses that (a blocked port)
    'bolt-port': { type: 'string', default: '7690' },
  },
});
const seconds = Math.min(Number(values.seconds), 900);
const concurrency = Math.min(Number(values.concurrency), 64);
const apiPort = Number(values.port);
const secret = 'soak-secret-0123456789-0123456789-0123456789';
const local: LocalNeo4jOptions = {
  homeDir: resolve('.data/soak-neo4j'),
  boltPort: Number(values['bolt-port']),
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
  let apiLog = '';
  const url = `http://127.0.0.1:${apiPort}/graphql`;
  const startApi = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NEO4J_URI: `bolt://127.0.0.1:${local.boltPort}`,
        NEO4J_PASSWORD: local.password,
        JWT_SECRET: secret,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: process.env.SOAK_API_LOG_LEVEL ?? 'warn',
        SEED_DEMO: 'true',
        EVENTS_POLL_MS: '500',
        WEBHOOK_RETRY_FIRST: '1s',
        WEBHOOK_RETRY_MAX: '5s',
      },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => {
      apiLog += d.toString();
      if (process.env.SOAK_API_LOG_LEVEL) process.stdout.write(`api: ${d.toString()}`);
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(url.replace('/graphql', '/readyz'), { signal: AbortSignal.timeout(5000) })).ok) break;
      } catch (err) {
        if (i % 20 === 0) console.log(`waiting for the API: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`);
      }
      if (i > 1200) throw new Error(`API did not become ready in 10 minutes:\n${apiLog}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return child;
  };
  let api = await startApi();
  // Never leave the API behind, whatever happens below.
  process.once('exit', () => api.kill('SIGKILL'));
  console.log(`API ready at ${url}; running ${concurrency} workers for ${seconds} s`);
  const token = await mintToken({ secret, role: 'ADMIN', subject: 'soak', expiresIn: '2h' });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const run = Date.now().toString(36);
  const runPrefix = `soak-${run}-`;

  // The webhook receiver: verifies every signature, counts each change of this run's customers.
  let webhookSecret = '';
  const webhook = { deliveries: 0, badSignatures: 0, seen: new Map<string, number>() };
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!verifySignature(webhookSecret, String(req.headers[SIGNATURE_HEADER] ?? ''), raw)) {
        webhook.badSignatures++;
        return res.writeHead(401).end();
      }
      webhook.deliveries++;
      for (const c of (JSON.parse(raw) as { changes: { entityId: string }[] }).changes) {
        if (c.entityId.startsWith(runPrefix)) webhook.seen.set(c.entityId, (webhook.seen.get(c.entityId) ?? 0) + 1);
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const created = (await (
    await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret errors { message } } }',
        variables: {
          input: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/soak`, eventTypes: ['Customer.CREATED'] },
        },
      }),
    })
  ).json()) as { data: { createWebhook: { secret: string; errors: unknown[] } } };
  if (created.data.createWebhook.errors.length > 0) throw new Error(JSON.stringify(created.data.createWebhook.errors));
  webhookSecret = created.data.createWebhook.secret;

  // The subscription: resumes with the last cursor it received whenever its connection ends.
  const subscription = { events: 0, resumes: 0, seen: new Map<string, number>(), lastCursor: null as string | null };
  let subscribing = true;
  const follow = async (): Promise<void> => {
    while (subscribing) {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${token}` },
        retryAttempts: 0,
      });
      await new Promise<void>((resolve) => {
        client.subscribe<{ changes: { cursor: string; entityId: string } }>(
          {
            query:
              'subscription($after: String) { changes(after: $after, filter: { entityTypes: ["Customer"], kinds: [CREATED] }) { cursor entityId } }',
            variables: { after: subscription.lastCursor },
          },
          {
            next: (r) => {
              const c = r.data?.changes;
              if (!c) return;
              subscription.events++;
              subscription.lastCursor = c.cursor;
              if (c.entityId.startsWith(runPrefix)) subscription.seen.set(c.entityId, (subscription.seen.get(c.entityId) ?? 0) + 1);
            },
            error: () => resolve(),
            complete: () => resolve(),
          },
        );
      });
      await client.dispose();
      if (!subscribing) return;
      subscription.resumes++;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  // Start from now: the subscription's first cursor is the feed's head when it starts.
  const following = follow();
  await new Promise((r) => setTimeout(r, 1000));

  const counts = { requests: 0, ok: 0, errors: new Map<string, number>() };
  const acknowledged: string[] = [];
  const memory: { t: number; rss: number }[] = [];
  const deadline = Date.now() + seconds * 1000;
  let writeSeq = 0;

  const sampler = setInterval(() => {
    try {
      memory.push({ t: Math.round((Date.now() - (deadline - seconds * 1000)) / 1000), rss: rssOf(api.pid!) });
    } catch {
      // Between the API's two lives.
    }
  }, 2000);

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
    while (Date.now() < deadline || !restarted) {
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
        if (code === 'NETWORK') await new Promise((r) => setTimeout(r, 400));
        counts.errors.set(code, (counts.errors.get(code) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  const startedAt = Date.now();
  const apiExitCodes: (number | null)[] = [];
  // The writers go on until both restarts are over and the API has served a little while again.
  let restarted = false;
  const restart = (async () => {
    await new Promise((r) => setTimeout(r, seconds * 1000 * 0.4));
    const t0 = Date.now();
    console.log(`restarting the database at ${Math.round((t0 - startedAt) / 1000)} s`);
    await stopLocalNeo4j(local);
    try {
      await startLocalNeo4j(local, () => undefined);
    } catch {
      // A loaded machine starts Neo4j slower than start's 2 minutes: keep waiting (at most 10 more).
      for (let i = 0; i < 600 && !(await canConnect(localUri(local), local.password, 1000)); i++)
        await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`database back after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, Math.max(0, startedAt + seconds * 1000 * 0.65 - Date.now())));
    const t1 = Date.now();
    console.log(`restarting the API at ${Math.round((t1 - startedAt) / 1000)} s`);
    const old = api;
    old.kill('SIGTERM');
    apiExitCodes.push(await new Promise<number | null>((r) => old.once('exit', r)));
    api = await startApi();
    console.log(`API back after ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, Math.max(15_000, seconds * 100)));
    restarted = true;
  })();

  const started = Date.now();
  await Promise.all([...Array.from({ length: concurrency }, (_, w) => worker(w)), restart]);
  const elapsed = (Date.now() - started) / 1000;
  clearInterval(sampler);

  const driver = neo4j.driver(`bolt://127.0.0.1:${local.boltPort}`, neo4j.auth.basic('neo4j', local.password));
  const found = await driver.executeQuery('UNWIND $ids AS id MATCH (c:Customer {id: id}) RETURN count(c) AS n', { ids: acknowledged });
  const present = found.records[0]!.get('n').toNumber();
  // The feed: this run's customer creations, as recorded (one per committed write, acknowledged or not).
  const feedRows = await driver.executeQuery(
    "MATCH (c:Change {entityType: 'Customer', kind: 'CREATED'}) WHERE c.entityId STARTS WITH $p RETURN c.entityId AS id",
    { p: runPrefix },
  );
  const feedIds = feedRows.records.map((r) => r.get('id') as string);
  const feedSet = new Set(feedIds);
  const inGraph = (
    await driver.executeQuery('MATCH (c:Customer) WHERE c.id STARTS WITH $p RETURN count(c) AS n', { p: runPrefix })
  ).records[0]!.get('n').toNumber();
  // Deliveries catch up after the writes stop: wait (at most 3 minutes) for every change of the feed.
  const drainUntil = Date.now() + 180_000;
  while (Date.now() < drainUntil && ![...feedSet].every((id) => webhook.seen.has(id) && subscription.seen.has(id))) {
    await new Promise((r) => setTimeout(r, 500));
  }
  subscribing = false;
  await driver.executeQuery('MATCH (c:Customer) WHERE c.id STARTS WITH $p DETACH DELETE c', { p: runPrefix });
  await driver.close();

  api.kill('SIGTERM');
  const exitCode = await new Promise<number | null>((r) => api.once('exit', r));
  await following.catch(() => undefined);
  receiver.close();
  await stopLocalNeo4j(local);
  const count = (seen: Map<string, number>) => ({
    received: [...seen.values()].reduce((a, b) => a + b, 0),
    missing: [...feedSet].filter((id) => !seen.has(id)).length,
    duplicates: [...seen.values()].reduce((a, n) => a + (n - 1), 0),
  });

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
    customersInGraph: inGraph,
    changesInFeed: feedIds.length,
    acknowledgedWritesInFeed: acknowledged.filter((id) => feedSet.has(id)).length,
    feedRecordsOncePerWrite: feedIds.length === feedSet.size && feedSet.size === inGraph,
    webhook: { deliveries: webhook.deliveries, badSignatures: webhook.badSignatures, ...count(webhook.seen) },
    subscription: { events: subscription.events, resumes: subscription.resumes, ...count(subscription.seen) },
    apiRssMiB: {
      firstThirdMedian: Math.round(median(rss.slice(0, third))),
      lastThirdMedian: Math.round(median(rss.slice(-third))),
      max: Math.round(Math.max(...rss)),
    },
    apiExitCodesOnSigterm: [...apiExitCodes, exitCode],
  };
  console.log(JSON.stringify(report, null, 2));
  const lost =
    report.lostWrites !== 0 ||
    report.acknowledgedWritesInFeed !== acknowledged.length ||
    !report.feedRecordsOncePerWrite ||
    report.webhook.missing !== 0 ||
    report.subscription.missing !== 0;
  if (lost || report.apiExitCodesOnSigterm.some((c) => c !== 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
