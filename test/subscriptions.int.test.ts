// Subscriptions end to end (issue 15): a real graphql-ws client against the real API on a socket over
// the real Neo4j. Oracles: the `changes` query as the same viewer over the same range, and the
// ecosystemMap query for the same input after applying every delta.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { DEFAULT_EVENTS, type EventsConfig } from '../src/config.js';
import { createRequestContext } from '../src/context.js';
import { encodeChangeCursor, lastChangeSequence } from '../src/events/change-feed.js';
import { applyDelta } from '../src/events/map-delta.js';
import type { EcosystemGraphRow } from '../src/intelligence/ecosystem-map.js';
import { createLogger } from '../src/logger.js';
import { startApp, type AppOptions, type RunningApp } from '../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { gql, subscribe, waitFor, wsClient } from './support/events.js';

const secret = 'subscriptions-test-secret-0123456789-0123';
const db = testExecutor();
const prefix = uniquePrefix('sub');
const events: EventsConfig = {
  ...DEFAULT_EVENTS,
  pollMs: 100,
  subscriptions: { maxConnections: 50, maxConnectionsPerToken: 3, maxSubscriptionsPerConnection: 5 },
};
const options: AppOptions = {
  executor: db,
  logger: createLogger('error'),
  auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
  events,
};
let app: RunningApp;
let admin: string;
let partnerToken: string;
const partnerId = `${prefix}partner`;
const clients: { dispose: () => void | Promise<void> }[] = [];

const CHANGES = `subscription($after: String, $filter: ChangeFilter) {
  changes(after: $after, filter: $filter) { sequence cursor kind entityType entityId actor fields { name before after } }
}`;

interface Change {
  sequence: string;
  cursor: string;
  kind: string;
  entityType: string;
  entityId: string;
  actor: string | null;
}

async function createCustomer(id: string): Promise<void> {
  const r = await gql(app.url, admin, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { message } } }', {
    input: { id, name: `Subscription customer ${id}`, region: 'EMEA', industry: 'RETAIL', segment: 'SMB' },
  });
  expect(r.data.createCustomer.errors).toEqual([]);
}

async function feedAfter(token: string, after: string, to: bigint): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const r = await gql(
      app.url,
      token,
      'query($after: String) { changes(after: $after, first: 100) { edges { node { sequence } } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    expect(r.errors).toBeUndefined();
    const page = r.data.changes.edges.map((e: { node: { sequence: string } }) => e.node.sequence) as string[];
    out.push(...page.filter((s) => BigInt(s) <= to));
    if (!r.data.changes.pageInfo.hasNextPage || page.length === 0 || page.some((s) => BigInt(s) > to)) return out;
    after = r.data.changes.pageInfo.endCursor;
  }
}

/** The cursor of the feed's present end (after the last change taken). */
async function presentCursor(): Promise<string> {
  return encodeChangeCursor(await lastChangeSequence(db));
}

function client(token: string | null, onClosed?: (code: number, reason: string) => void) {
  const c = wsClient(app.url, token, onClosed);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  app = await startApp(options, '127.0.0.1', 0);
  admin = await mintToken({ secret, role: 'ADMIN', subject: 'sub-admin', expiresIn: '1h' });
  partnerToken = await mintToken({ secret, role: 'PARTNER', subject: 'sub-partner', partnerId, expiresIn: '1h' });
  const r = await gql(app.url, admin, 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { errors { message } } }', {
    input: { id: partnerId, name: 'Subscription partner', types: ['SERVICES'] },
  });
  expect(r.errors).toBeUndefined();
  expect(r.data.createPartner.errors).toEqual([]);
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});

afterAll(async () => {
  await app?.stop();
  await removeByPrefix(db, prefix);
});

describe('subscriptions over graphql-ws', { timeout: 240_000 }, () => {
  it('closes the socket with 4401 and the reason for a missing or bad token', async () => {
    for (const token of [
      null,
      'not-a-jwt',
      await mintToken({ secret: 'another-secret-0123456789-0123456789-xx', role: 'ADMIN', subject: 'x', expiresIn: '1h' }),
    ]) {
      const closed = new Promise<[number, string]>((resolve) => {
        const c = client(token, (code, reason) => resolve([code, reason]));
        subscribe(c, CHANGES);
      });
      const [code, reason] = await closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(/^Unauthorized: /);
    }
  });

  it('ADMIN receives each change as it commits; a PARTNER exactly its own feed (the same as its changes query)', async () => {
    // From the feed's present end, given as a cursor: a subscription without one starts whenever the server has set it
    // up, so a change made before that (however long the test slept) would be missed.
    const from = await presentCursor();
    const adminSub = subscribe<{ changes: Change }>(client(admin), CHANGES, { after: from });
    const partnerSub = subscribe<{ changes: Change }>(client(partnerToken), CHANGES, { after: from });
    await createCustomer(`${prefix}hidden`);
    await gql(app.url, admin, 'mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { errors { message } } }', {
      input: { id: partnerId, regions: ['APAC'] },
    });
    await createCustomer(`${prefix}hidden-2`);
    await waitFor(() => adminSub.results.some((r) => r.data?.changes.entityId === `${prefix}hidden-2`), 60_000, 'the admin events');
    await waitFor(() => partnerSub.results.some((r) => r.data?.changes.entityId === partnerId), 60_000, 'the partner event');
    const adminChanges = adminSub.results.map((r) => r.data!.changes);
    expect(adminSub.results.every((r) => !r.errors)).toBe(true);
    expect(adminChanges.map((c) => c.entityId)).toEqual(expect.arrayContaining([`${prefix}hidden`, partnerId, `${prefix}hidden-2`]));
    expect(adminChanges.find((c) => c.entityId === partnerId)).toMatchObject({
      kind: 'UPDATED',
      entityType: 'Partner',
      actor: 'sub-admin',
    });
    const first = adminChanges[0]!;
    const last = adminChanges[adminChanges.length - 1]!;
    // The oracle: each viewer's feed after the change before the first one received.
    const before = BigInt(first.sequence) - 1n;
    expect(adminChanges.map((c) => c.sequence)).toEqual(await feedAfter(admin, encodeChangeCursor(before), BigInt(last.sequence)));
    const partnerChanges = partnerSub.results.map((r) => r.data!.changes).filter((c) => BigInt(c.sequence) <= BigInt(last.sequence));
    expect(partnerChanges.map((c) => c.sequence)).toEqual(await feedAfter(partnerToken, encodeChangeCursor(before), BigInt(last.sequence)));
    expect(partnerChanges.some((c) => c.entityId.startsWith(`${prefix}hidden`))).toBe(false);
    expect(partnerChanges.every((c) => c.actor === null)).toBe(true);
    adminSub.stop();
    partnerSub.stop();
  });

  it('resumes after an API restart with the last cursor: the changes made while it was down arrive, none missing, none twice', async () => {
    let closedCode = 0;
    const sub = subscribe<{ changes: Change }>(
      client(admin, (code) => (closedCode = code)),
      CHANGES,
      { after: await presentCursor(), filter: { entityTypes: ['Customer'] } },
    );
    await createCustomer(`${prefix}r1`);
    await waitFor(() => sub.results.some((r) => r.data?.changes.entityId === `${prefix}r1`), 60_000, 'r1');
    const lastCursor = sub.results[sub.results.length - 1]!.data!.changes.cursor;
    await app.stop();
    await waitFor(() => closedCode !== 0, 20_000, 'the socket to close');
    expect(closedCode).toBe(1001);
    const ctx = createRequestContext(db, { role: 'ADMIN', subject: 'offline-writer' });
    const missed = [`${prefix}r2`, `${prefix}r3`, `${prefix}r4`];
    for (const id of missed) {
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
    const resumed = subscribe<{ changes: Change }>(client(admin), CHANGES, { after: lastCursor, filter: { entityTypes: ['Customer'] } });
    await waitFor(() => resumed.results.length >= missed.length, 60_000, 'the missed changes');
    await createCustomer(`${prefix}r5`);
    await waitFor(() => resumed.results.some((r) => r.data?.changes.entityId === `${prefix}r5`), 60_000, 'r5');
    expect(resumed.results.map((r) => r.data!.changes.entityId)).toEqual([...missed, `${prefix}r5`]);
    resumed.stop();
  });

  it('applies the same limits as HTTP: aliases, cost, message size, only subscriptions, a bad cursor, connections per token', async () => {
    const c = client(admin);
    const errorsOf = async (s: ReturnType<typeof subscribe>) => {
      const { error } = await s.done;
      return (error as { message: string; extensions: { code: string } }[] | undefined) ?? s.results[0]?.errors ?? [];
    };
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: sequence`).join(' ');
    const [tooManyAliases] = await errorsOf(subscribe(c, `subscription { changes { ${aliases} } }`));
    expect(tooManyAliases).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const lists = Array.from({ length: 10 }, (_, i) => `l${i}: nodesAdded { id }`).join(' ');
    const [tooCostly] = await errorsOf(subscribe(c, `subscription { ecosystemMapChanged(input: { limit: 2000 }) { ${lists} } }`));
    expect(tooCostly).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
    const [notSubscription] = await errorsOf(subscribe(c, '{ partners(first: 1) { totalCount } }'));
    expect(notSubscription!.message).toMatch(/Only subscriptions run over WebSocket/);
    const [badCursor] = await errorsOf(subscribe(c, CHANGES, { after: 'nonsense' }));
    expect(badCursor).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    // Variables that do not coerce, and an unknown operation name: the client's errors, as over HTTP, never internal.
    const [badVariable] = await errorsOf(subscribe(c, 'subscription($a: String) { changes(after: $a) { cursor } }', { a: 5 }));
    expect(badVariable).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(badVariable!.message).toMatch(/\$a/);
    const [missingVariable] = await errorsOf(subscribe(c, 'subscription($a: String!) { changes(after: $a) { cursor } }', {}));
    expect(missingVariable).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const [badInput] = await errorsOf(
      subscribe(c, 'subscription($f: ChangeFilter) { changes(filter: $f) { cursor } }', { f: { nope: 1 } }),
    );
    expect(badInput).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const [unknownName] = await errorsOf(subscribe(c, CHANGES, {}, 'Nope'));
    expect(unknownName).toMatchObject({ extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } });
    // The connection still serves after refused operations: a change made now arrives on it.
    const ok = subscribe<{ changes: Change }>(c, CHANGES, { after: await presentCursor(), filter: { entityIds: [`${prefix}still`] } });
    await createCustomer(`${prefix}still`);
    await waitFor(() => ok.results.some((r) => r.data?.changes.entityId === `${prefix}still`), 60_000, 'the change on the same connection');
    expect(ok.results.every((r) => !r.errors)).toBe(true);
    ok.stop();

    // A message over MAX_BODY_BYTES closes the socket (1009, message too big).
    const big = await new Promise<number>((resolve) => {
      const bc = client(admin, (code) => resolve(code));
      subscribe(bc, CHANGES, { filter: { entityIds: ['x'.repeat(1_100_000)] } });
    });
    expect(big).toBe(1009);

    // Connections per token (3 here): the fourth of this subject's is closed with 1013.
    const codes = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<number>((resolve) => {
            const pc = client(partnerToken, (code) => resolve(code));
            subscribe(pc, CHANGES);
            setTimeout(() => resolve(0), 8000);
          }),
      ),
    );
    expect(codes.filter((code) => code === 1013)).toHaveLength(1);
    expect(codes.filter((code) => code === 0)).toHaveLength(3);
  });

  it('ecosystemMapChanged: the first event is the whole map; after a change, the deltas applied give the map the query draws', async () => {
    const input = { kinds: ['PARTNER', 'CAPABILITY'], limit: 2000 };
    const MAP = `subscription($input: EcosystemMapInput) { ecosystemMapChanged(input: $input) {
      reset cursor truncated
      nodesAdded { id: entityId kind label group weight distance } nodesRemoved
      nodesReweighted { id: entityId kind label group weight distance }
      edgesAdded { source target kind weight } edgesRemoved { source target kind weight } edgesReweighted { source target kind weight }
    } }`;
    const sub = subscribe<{ ecosystemMapChanged: any }>(client(admin), MAP, { input });
    await waitFor(() => sub.results.length >= 1, 60_000, 'the first drawing');
    expect(sub.results[0]!.data!.ecosystemMapChanged.reset).toBe(true);
    const newPartner = `${prefix}map-partner`;
    const r = await gql(app.url, admin, 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { errors { message } } }', {
      input: { id: newPartner, name: 'Map partner', types: ['TECHNOLOGY'] },
    });
    expect(r.data.createPartner.errors).toEqual([]);
    await waitFor(
      () => sub.results.some((x) => x.data?.ecosystemMapChanged.nodesAdded.some((n: { id: string }) => n.id === newPartner)),
      60_000,
      'the new partner',
    );
    let map: EcosystemGraphRow = { nodes: [], edges: [], truncated: false };
    for (const x of sub.results) map = applyDelta(map, x.data!.ecosystemMapChanged);
    const drawn = await gql(
      app.url,
      admin,
      'query($input: EcosystemMapInput) { ecosystemMap(input: $input) { truncated nodes { id: entityId kind label group weight distance } edges { source target kind weight } } }',
      { input },
    );
    const canonical = (m: EcosystemGraphRow) => ({
      nodes: m.nodes.map((n) => JSON.stringify(n)).sort(),
      edges: m.edges.map((e) => JSON.stringify([e.kind, e.source, e.target, e.weight ?? null])).sort(),
    });
    expect(canonical(map)).toEqual(canonical(drawn.data.ecosystemMap));
    sub.stop();
  });
});
