// Webhooks end to end (issue 15): the real API on a socket over the real Neo4j, a local HTTP receiver
// that verifies every signature, and short retry intervals. Oracles: the ids the test wrote and the
// change feed itself (the `changes` query as the webhook's owner) over the same range of sequences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { DEFAULT_EVENTS, type EventsConfig } from '../src/config.js';
import { createRequestContext } from '../src/context.js';
import { encodeChangeCursor } from '../src/events/change-feed.js';
import { createLogger } from '../src/logger.js';
import { startApp, type AppOptions, type RunningApp } from '../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { gql, waitFor, WebhookReceiver } from './support/events.js';

const secret = 'webhooks-test-secret-0123456789-0123456789';
const db = testExecutor();
const prefix = uniquePrefix('wh');
const events: EventsConfig = {
  ...DEFAULT_EVENTS,
  pollMs: 100,
  webhooks: { retryFirstMs: 150, retryMaxMs: 300, retryForMs: 8000, timeoutMs: 2000, batchSize: 4, allowedTargets: [] },
};
const options: AppOptions = {
  executor: db,
  logger: createLogger(process.env.TEST_API_LOG === 'debug' ? 'warn' : 'error'),
  auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
  events,
};
const receiver = new WebhookReceiver();
const created: string[] = [];
let app: RunningApp;
let admin: string;
const partnerId = `${prefix}partner`;
let partnerToken: string;

const CREATE = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { webhook { id url eventTypes partnerId createdBy } secret errors { path message code } }
}`;
const DELIVERIES = `query($id: ID!, $first: Int, $after: String) {
  webhookDeliveries(webhookId: $id, first: $first, after: $after) {
    edges { cursor node { id status changeCount firstCursor lastCursor attempts statusCodes lastError lastAttemptAt nextAttemptAt deliveredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function createWebhook(path: string, eventTypes: string[], token = admin, extra: Record<string, unknown> = {}) {
  const r = await gql(app.url, token, CREATE, { input: { url: `${receiver.url}${path}`, eventTypes, ...extra } });
  expect(r.errors).toBeUndefined();
  expect(r.data.createWebhook.errors).toEqual([]);
  receiver.secrets.set(path, r.data.createWebhook.secret);
  created.push(r.data.createWebhook.webhook.id);
  return {
    id: r.data.createWebhook.webhook.id as string,
    secret: r.data.createWebhook.secret as string,
    webhook: r.data.createWebhook.webhook,
  };
}

async function createCustomer(id: string, token = admin): Promise<void> {
  const r = await gql(app.url, token, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { message } } }', {
    input: { id, name: `Webhook customer ${id}`, region: 'EMEA', industry: 'RETAIL', segment: 'SMB' },
  });
  expect(r.errors).toBeUndefined();
  expect(r.data.createCustomer.errors).toEqual([]);
}

async function deliveries(id: string, token = admin) {
  const r = await gql(app.url, token, DELIVERIES, { id, first: 100 });
  expect(r.errors).toBeUndefined();
  return r.data.webhookDeliveries.edges.map((e: { node: any }) => e.node) as any[];
}

/** The owner's feed between two sequences (inclusive), read through the `changes` query. */
async function feed(token: string, fromSequence: bigint, toSequence: bigint): Promise<string[]> {
  const out: string[] = [];
  let after = encodeChangeCursor(fromSequence - 1n);
  for (;;) {
    const r = await gql(
      app.url,
      token,
      'query($after: String) { changes(after: $after, first: 100) { edges { node { sequence } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    expect(r.errors).toBeUndefined();
    const page = r.data.changes.edges.map((e: { node: { sequence: string } }) => e.node.sequence) as string[];
    out.push(...page.filter((s) => BigInt(s) <= toSequence));
    if (!r.data.changes.pageInfo.hasNextPage || page.some((s) => BigInt(s) > toSequence) || page.length === 0) return out;
    after = r.data.changes.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  await receiver.start();
  app = await startApp(options, '127.0.0.1', 0);
  admin = await mintToken({ secret, role: 'ADMIN', subject: 'webhook-admin', expiresIn: '1h' });
  partnerToken = await mintToken({ secret, role: 'PARTNER', subject: 'webhook-partner', partnerId, expiresIn: '1h' });
  const r = await gql(app.url, admin, 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { errors { message } } }', {
    input: { id: partnerId, name: 'Webhook partner', types: ['TECHNOLOGY'] },
  });
  expect(r.errors).toBeUndefined();
  expect(r.data.createPartner.errors).toEqual([]);
});

afterAll(async () => {
  await app?.stop();
  await receiver.stop();
  await db.runText(
    'MATCH (w:Webhook) WHERE w.id IN $ids OR w.url STARTS WITH $url OPTIONAL MATCH (w)-[:HAS_DELIVERY]->(d) DETACH DELETE d, w',
    { ids: created, url: receiver.url },
    'WRITE',
  );
  await removeByPrefix(db, prefix);
});

describe('webhooks', { timeout: 240_000 }, () => {
  it('delivers every change of its types at least once, in sequence order, signed; the secret is returned once', async () => {
    const hook = await createWebhook('/customers', ['Customer.*']);
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.webhook).toMatchObject({ eventTypes: ['Customer.*'], partnerId: null, createdBy: 'webhook-admin' });
    // No field of the API returns the secret again.
    const type = await gql(app.url, admin, '{ __type(name: "Webhook") { fields { name } } }');
    expect(type.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('secret');
    const listed = await gql(app.url, admin, '{ webhooks { id url eventTypes } }');
    expect(listed.data.webhooks).toContainEqual({ id: hook.id, url: `${receiver.url}/customers`, eventTypes: ['Customer.*'] });

    const ids = Array.from({ length: 10 }, (_, i) => `${prefix}c${i}`);
    for (const id of ids) await createCustomer(id);
    // A change of another type is not sent.
    await gql(app.url, admin, 'mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { errors { message } } }', {
      input: { id: partnerId, name: 'Webhook partner renamed' },
    });
    await waitFor(
      () => new Set(receiver.on('/customers').flatMap((d) => d.body.changes.map((c) => c.entityId))).size >= ids.length,
      60_000,
      'ten customers',
    );
    const got = receiver.on('/customers');
    expect(got.every((d) => d.verified)).toBe(true);
    const changes = got.flatMap((d) => d.body.changes);
    expect(changes.every((c) => c.entityType === 'Customer')).toBe(true);
    expect(new Set(changes.filter((c) => c.kind === 'CREATED').map((c) => c.entityId))).toEqual(new Set(ids));
    // In sequence order across deliveries, and each delivery's id is its body's.
    const sequences = changes.map((c) => BigInt(c.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (const d of got) expect(d.body.id).toBe(d.deliveryId);
    // The feed (the oracle) over the same range, restricted to customers, is exactly what arrived.
    const oracle = await gql(
      app.url,
      admin,
      'query($after: String, $ids: [String!]) { changes(after: $after, first: 100, filter: { entityTypes: ["Customer"], entityIds: $ids }) { edges { node { sequence } } } }',
      { after: encodeChangeCursor(sequences[0]! - 1n), ids },
    );
    expect(oracle.data.changes.edges.map((e: { node: { sequence: string } }) => e.node.sequence)).toEqual(sequences.map(String));
    // The worker records DELIVERED after the receiver answers: wait for the records, not only the arrivals.
    const records = await waitFor(
      async () => {
        const all = await deliveries(hook.id);
        return all.every((d) => d.status === 'DELIVERED') && all;
      },
      60_000,
      'every delivery recorded DELIVERED',
    );
    expect(records.every((d) => d.attempts === 1 && d.statusCodes.join() === '200')).toBe(true);
    expect(records.reduce((n, d) => n + d.changeCount, 0)).toBe(changes.length);
  });

  it('retries a failing receiver with backoff and keeps the order: the next change waits for the first to succeed', async () => {
    receiver.answer.set('/flaky', (n) => (n < 2 ? 500 : 200));
    const hook = await createWebhook('/flaky', ['Customer.CREATED']);
    await createCustomer(`${prefix}flaky-1`);
    await waitFor(() => receiver.received.some((r) => r.path === '/flaky'), 60_000, 'the first attempt');
    await createCustomer(`${prefix}flaky-2`);
    await waitFor(() => receiver.on('/flaky').length >= 2, 60_000, 'both deliveries');
    const attempts = receiver.received.filter((r) => r.path === '/flaky');
    expect(attempts.map((a) => [a.body.changes.map((c) => c.entityId).join(), a.answered])).toEqual([
      [`${prefix}flaky-1`, 500],
      [`${prefix}flaky-1`, 500],
      [`${prefix}flaky-1`, 200],
      [`${prefix}flaky-2`, 200],
    ]);
    // Every attempt of a delivery carries the same id and body.
    expect(new Set(attempts.slice(0, 3).map((a) => a.deliveryId)).size).toBe(1);
    expect(new Set(attempts.slice(0, 3).map((a) => a.raw)).size).toBe(1);
    // The worker records DELIVERED after the receiver answers: wait for both records, not only the arrivals.
    const [second, first] = await waitFor(
      async () => {
        const all = await deliveries(hook.id);
        return all.length === 2 && all.every((d) => d.status === 'DELIVERED') && all;
      },
      60_000,
      'both deliveries recorded DELIVERED',
    );
    expect(first).toMatchObject({ status: 'DELIVERED', attempts: 3, statusCodes: [500, 500, 200], lastError: null, nextAttemptAt: null });
    expect(second).toMatchObject({ status: 'DELIVERED', attempts: 1, statusCodes: [200] });
    expect(first.id).toBe(attempts[0]!.deliveryId);
  });

  it('shows the next retry while pending, marks a delivery FAILED after the retry window, then goes on with the next', async () => {
    let up = false;
    receiver.answer.set('/down', () => (up ? 200 : 503));
    const hook = await createWebhook('/down', ['Customer.CREATED']);
    await createCustomer(`${prefix}down-1`);
    const pending = await waitFor(
      async () => (await deliveries(hook.id)).find((d) => d.status === 'PENDING' && d.attempts >= 1),
      60_000,
      'a pending delivery',
    );
    expect(new Date(pending.nextAttemptAt).getTime()).toBeGreaterThan(new Date(pending.lastAttemptAt).getTime());
    expect(pending.lastError).toBe('HTTP 503');
    const failed = await waitFor(async () => (await deliveries(hook.id)).find((d) => d.status === 'FAILED'), 60_000, 'FAILED');
    // 150 ms, then 300 ms waits within an 8 s window: at least 2 attempts (a loaded machine makes fewer), at most 1 + 8000 / 150.
    expect(failed.attempts).toBeGreaterThanOrEqual(2);
    expect(failed.attempts).toBeLessThanOrEqual(54);
    expect(failed.statusCodes.every((s: number) => s === 503)).toBe(true);
    expect(failed.nextAttemptAt).toBeNull();
    const listed = await gql(app.url, admin, '{ webhooks { id failedDeliveries pendingDeliveries } }');
    expect(listed.data.webhooks.find((w: { id: string }) => w.id === hook.id)).toMatchObject({ failedDeliveries: 1, pendingDeliveries: 0 });
    up = true;
    await createCustomer(`${prefix}down-2`);
    await waitFor(
      () => receiver.on('/down').some((d) => d.body.changes.some((c) => c.entityId === `${prefix}down-2`)),
      60_000,
      'the next change',
    );
  });

  it('refuses private, link-local and (in production) loopback targets, at creation and at delivery', async () => {
    for (const url of [
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:192.168.0.1]/x',
      'http://[fd00::1]/x',
    ]) {
      const r = await gql(app.url, admin, CREATE, { input: { url, eventTypes: ['*'] } });
      expect(r.data.createWebhook.webhook).toBeNull();
      expect(r.data.createWebhook.errors).toEqual([
        { path: ['input', 'url'], code: 'BAD_USER_INPUT', message: expect.stringMatching(/private, loopback, link-local or reserved/) },
      ]);
    }
    const bad = await gql(app.url, admin, CREATE, { input: { url: 'ftp://example.com/', eventTypes: ['Deal.created'] } });
    expect(bad.data.createWebhook.errors.map((e: { path: string[] }) => e.path.join('.')).sort()).toEqual(['input.eventTypes.0']);
    // Well formed but naming nothing the outbox records: a typo would silently receive nothing.
    const typo = await gql(app.url, admin, CREATE, { input: { url: 'http://127.0.0.1:9/', eventTypes: ['Deal.*', 'Deal.NOPE'] } });
    expect(typo.data.createWebhook.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['input.eventTypes.1']);
    const bad2 = await gql(app.url, admin, CREATE, { input: { url: 'ftp://example.com/', eventTypes: ['*'] } });
    expect(bad2.data.createWebhook.errors).toEqual([
      { path: ['input', 'url'], code: 'BAD_USER_INPUT', message: 'A webhook URL is http or https' },
    ]);

    // Production: loopback refused, unless the allow-list names it.
    for (const [allowed, ok] of [
      [[], false],
      [['127.0.0.1/32'], true],
    ] as const) {
      const prod = await startApp(
        { ...options, production: true, events: { ...events, webhooks: { ...events.webhooks, allowedTargets: [...allowed] } } },
        '127.0.0.1',
        0,
      );
      try {
        const r = await gql(prod.url, admin, CREATE, { input: { url: `${receiver.url}/prod`, eventTypes: ['Partner.*'] } });
        expect(r.data.createWebhook.errors.length === 0).toBe(ok);
        if (!ok) expect(r.data.createWebhook.errors[0].message).toMatch(/127\.0\.0\.1/);
      } finally {
        await prod.stop();
      }
    }

    // At delivery: the target now points at a private address (as a changed DNS answer would); nothing is sent.
    const hook = await createWebhook('/moved', ['Customer.CREATED']);
    await db.runText('MATCH (w:Webhook {id: $id}) SET w.url = $url', { id: hook.id, url: 'http://10.255.255.1/moved' }, 'WRITE');
    await createCustomer(`${prefix}moved`);
    const [record] = await waitFor(
      async () => {
        const list = await deliveries(hook.id);
        return list.length > 0 && list[0].attempts > 0 ? list : false;
      },
      60_000,
      'a refused attempt',
    );
    expect(record.statusCodes[0]).toBe(0);
    expect(record.lastError).toMatch(/10\.255\.255\.1 is a private/);
    expect(receiver.received.some((r) => r.path === '/moved')).toBe(false);
  });

  it("a partner's webhook carries exactly the partner's feed; partners manage only their own webhooks", async () => {
    const manager = await mintToken({ secret, role: 'ALLIANCE_MANAGER', subject: 'webhook-manager', expiresIn: '1h' });
    const refused = await gql(app.url, manager, CREATE, { input: { url: `${receiver.url}/m`, eventTypes: ['*'] } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await gql(app.url, partnerToken, CREATE, {
      input: { url: `${receiver.url}/p`, eventTypes: ['*'], partnerId: 'someone-else' },
    });
    expect(other.data.createWebhook.errors).toEqual([{ path: ['input', 'partnerId'], code: 'FORBIDDEN', message: expect.any(String) }]);

    const hook = await createWebhook('/partner', ['*'], partnerToken);
    expect(hook.webhook.partnerId).toBe(partnerId);
    const adminHook = await createWebhook('/admin-all', ['*']);
    const mine = await gql(app.url, partnerToken, '{ webhooks { id } }');
    expect(mine.data.webhooks).toEqual([{ id: hook.id }]);
    // A change the partner may see (itself) and one it may not (a customer it has no account on).
    await createCustomer(`${prefix}hidden`);
    await gql(app.url, admin, 'mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { errors { message } } }', {
      input: { id: partnerId, regions: ['EMEA'] },
    });
    await createCustomer(`${prefix}hidden-2`);
    await waitFor(
      () => receiver.on('/admin-all').some((d) => d.body.changes.some((c) => c.entityId === `${prefix}hidden-2`)),
      60_000,
      'the admin webhook',
    );
    await waitFor(
      () => receiver.on('/partner').some((d) => d.body.changes.some((c) => c.entityId === partnerId)),
      60_000,
      'the partner webhook',
    );
    const adminSeqs = receiver.on('/admin-all').flatMap((d) => d.body.changes.map((c) => BigInt(c.sequence)));
    const from = adminSeqs[0]!;
    const to = adminSeqs[adminSeqs.length - 1]!;
    const partnerGot = receiver
      .on('/partner')
      .flatMap((d) => d.body.changes)
      .filter((c) => BigInt(c.sequence) >= from && BigInt(c.sequence) <= to);
    expect(partnerGot.map((c) => c.sequence)).toEqual(await feed(partnerToken, from, to));
    expect(partnerGot.some((c) => c.entityId.startsWith(`${prefix}hidden`))).toBe(false);
    expect(partnerGot.every((c) => c.actor === null)).toBe(true);
    expect(adminSeqs.map(String)).toEqual(await feed(admin, from, to));
    // The partner cannot see or delete the administrator's webhook; it deletes its own.
    const notMine = await gql(app.url, partnerToken, DELIVERIES, { id: adminHook.id });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const del = await gql(app.url, partnerToken, 'mutation($id: ID!) { deleteWebhook(id: $id) { deletedId errors { code } } }', {
      id: adminHook.id,
    });
    expect(del.data.deleteWebhook).toEqual({ deletedId: null, errors: [{ code: 'NOT_FOUND' }] });
    const delOwn = await gql(app.url, partnerToken, 'mutation($id: ID!) { deleteWebhook(id: $id) { deletedId errors { code } } }', {
      id: hook.id,
    });
    expect(delOwn.data.deleteWebhook).toEqual({ deletedId: hook.id, errors: [] });
    expect((await gql(app.url, partnerToken, '{ webhooks { id } }')).data.webhooks).toEqual([]);
  });

  it('loses nothing across an API restart: changes written while it is down are delivered after it starts again', async () => {
    const hook = await createWebhook('/restart', ['Customer.CREATED']);
    await createCustomer(`${prefix}r-before`);
    await waitFor(() => receiver.on('/restart').length >= 1, 60_000, 'the first delivery');
    await app.stop();
    // Written while no API runs (as an import would): the outbox records them in the same transactions.
    const ctx = createRequestContext(db, { role: 'ADMIN', subject: 'offline-writer' });
    const offline = [`${prefix}r-down-1`, `${prefix}r-down-2`, `${prefix}r-down-3`];
    for (const id of offline) {
      const result = await ctx.services.customers.createCustomer({
        id,
        name: `Offline ${id}`,
        region: 'EMEA',
        industry: 'RETAIL',
        segment: 'SMB',
      });
      expect(result.errors).toEqual([]);
    }
    app = await startApp(options, '127.0.0.1', 0);
    await createCustomer(`${prefix}r-after`);
    const expected = [`${prefix}r-before`, ...offline, `${prefix}r-after`];
    await waitFor(
      () => expected.every((id) => receiver.on('/restart').some((d) => d.body.changes.some((c) => c.entityId === id))),
      60_000,
      'every change',
    );
    const ids = receiver.on('/restart').flatMap((d) => d.body.changes.map((c) => c.entityId));
    // At least once: a delivery in flight when the API stopped may come again after it starts; first arrivals are in
    // sequence order, and nothing is missing.
    expect(ids.filter((id, i) => ids.indexOf(id) === i)).toEqual(expected);
    // The worker records DELIVERED after the receiver answers: wait for the record, not only the arrival.
    await waitFor(
      async () => (await deliveries(hook.id)).every((d) => d.status === 'DELIVERED'),
      60_000,
      'every delivery recorded DELIVERED',
    );
  });
});
