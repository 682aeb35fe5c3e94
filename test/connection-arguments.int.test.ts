// Every root connection takes its page arguments the same way (issue 16; README, "Connections, filters and orders"):
// `first: 0` is an empty page with the right totalCount, a negative count or a cursor this API did not make is
// BAD_USER_INPUT at the argument, and `last`/`before` where offered. The fields are enumerated from the schema, so
// a new connection is probed too. webhookDeliveries and customerDuplicates paged both ways against the full list.
import { getNamedType, isListType, isObjectType, getNullableType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { DEFAULT_EVENTS, type EventsConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { executableSchema } from '../src/http/apollo.js';
import { startApp, type RunningApp } from '../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { gql, waitFor, WebhookReceiver } from './support/events.js';

const secret = 'connection-args-secret-0123456789-0123456789';
const db = testExecutor();
const px = uniquePrefix('cargs');
const token = px.replace(/[^a-z0-9]/g, '').slice(5);
const events: EventsConfig = {
  ...DEFAULT_EVENTS,
  pollMs: 100,
  webhooks: { retryFirstMs: 150, retryMaxMs: 300, retryForMs: 8000, timeoutMs: 2000, batchSize: 1, allowedTargets: [] },
};
const receiver = new WebhookReceiver();
let app: RunningApp;
let admin: string;
let webhookId: string;
const programId = `${px}program`;
const CUSTOMERS = 14;

const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const r = await gql(app.url, admin, query, variables);
  expect(r.errors, JSON.stringify({ query, variables, r })).toBeUndefined();
  return r.data;
};

beforeAll(async () => {
  await receiver.start();
  app = await startApp(
    {
      executor: db,
      logger: createLogger('error'),
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      events,
    },
    '127.0.0.1',
    0,
  );
  admin = await mintToken({ secret, role: 'ADMIN', subject: 'test', expiresIn: '1h' });
  const hook = await ok(
    `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret errors { path message } } }`,
    { input: { url: `${receiver.url}/cargs`, eventTypes: ['Customer.CREATED'] } },
  );
  expect(hook.createWebhook.errors).toEqual([]);
  webhookId = hook.createWebhook.webhook.id;
  receiver.secrets.set('/cargs', hook.createWebhook.secret);
  // Seven duplicate groups, each a domain and a sub-domain of it (the SAME_DOMAIN rule), and one delivery each.
  for (let i = 0; i < CUSTOMERS; i++) {
    const domain = `${i % 2 ? 'eu.' : ''}${token}k${Math.floor(i / 2)}.example`;
    const r = await ok(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { path } } }`, {
      input: { id: `${px}c${String(i).padStart(2, '0')}`, name: `Cargs ${token} ${i}`, domain },
    });
    expect(r.createCustomer.errors).toEqual([]);
  }
  // Partners with a tier other than the one they qualify for (REGISTERED: no won deals), enrolled in a program.
  const program = await ok(`mutation($input: CreateProgramInput!) { createProgram(input: $input) { errors { path message } } }`, {
    input: { id: programId, name: 'Cargs', partnerType: 'RESELLER', levels: [{ tier: 'GOLD', closedWonDeals: 1 }] },
  });
  expect(program.createProgram.errors).toEqual([]);
  for (let i = 0; i < 5; i++) {
    const id = `${px}p${i}`;
    await ok(`mutation($input: CreatePartnerInput!) { createPartner(input: $input) { errors { path } } }`, {
      input: { id, name: `Cargs ${i}`, types: ['RESELLER'], tier: 'SILVER' },
    });
    const e = await ok(`mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { errors { path message } } }`, {
      input: { programId, partnerId: id },
    });
    expect(e.enrolPartner.errors).toEqual([]);
  }
  // Three programs of one partner type claiming one region: three PROGRAMS conflicts between them.
  for (let i = 0; i < 3; i++) {
    const r = await ok(`mutation($input: CreateProgramInput!) { createProgram(input: $input) { errors { path message } } }`, {
      input: {
        id: `${px}excl${i}`,
        name: `Cargs exclusive ${i}`,
        partnerType: 'SERVICES',
        exclusiveTerritory: { regions: [`${px}R`] },
        levels: [{ tier: 'GOLD', closedWonDeals: 1 }],
      },
    });
    expect(r.createProgram.errors).toEqual([]);
  }
  // The worker delivers one change per delivery (batchSize 1): wait until all 14 are recorded as delivered.
  await waitFor(
    async () => {
      const r = await ok(`query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { edges { node { status changeCount } } } }`, {
        id: webhookId,
      });
      const nodes = r.webhookDeliveries.edges.map((e: { node: { status: string; changeCount: number } }) => e.node);
      return (
        nodes
          .filter((n: { status: string }) => n.status === 'DELIVERED')
          .reduce((s: number, n: { changeCount: number }) => s + n.changeCount, 0) >= CUSTOMERS
      );
    },
    30_000,
    'the 14 customer changes delivered',
  );
});
afterAll(async () => {
  await app?.stop();
  await receiver.stop();
  // Webhooks, their deliveries and enrolments have no id of this file's prefix.
  await db.runText(
    'MATCH (w:Webhook {id: $id}) OPTIONAL MATCH (w)-[:HAS_DELIVERY]->(d) DETACH DELETE d, w',
    { id: webhookId ?? '' },
    'WRITE',
  );
  await db.runText('MATCH (e:Enrolment) WHERE e.programId STARTS WITH $px DETACH DELETE e', { px }, 'WRITE');
  await removeByPrefix(db, px);
});

/** Required arguments of the root connections, from the fixture above. */
const REQUIRED: Record<string, () => Record<string, unknown>> = {
  webhookDeliveries: () => ({ webhookId }),
  tierMismatches: () => ({ programId }),
};
/** The one root connection read only forward, and why (its description must say so). */
const FORWARD_ONLY = ['changes'];

const schema = executableSchema();
const query = schema.getQueryType()!;
const connections = Object.values(query.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));

/** The page type's list of items (edges, mismatches, conflicts). */
function itemsField(field: GraphQLField<unknown, unknown>): string {
  const page = getNamedType(field.type) as GraphQLObjectType;
  const list = Object.values(page.getFields()).find((f) => isListType(getNullableType(f.type)) && isObjectType(getNamedType(f.type)));
  return list!.name;
}

async function probe(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>) {
  const given = { ...REQUIRED[field.name]?.(), ...args };
  const defs = field.args.filter((a) => a.name in given).map((a) => `$${a.name}: ${a.type.toString()}`);
  const uses = field.args.filter((a) => a.name in given).map((a) => `${a.name}: $${a.name}`);
  const page = getNamedType(field.type) as GraphQLObjectType;
  const fields = page.getFields();
  const sel = [
    `${itemsField(field)} { __typename }`,
    'totalCount' in fields ? 'totalCount' : '',
    'pageInfo' in fields ? 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }' : '',
  ];
  const text = `query${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${uses.length ? `(${uses.join(', ')})` : ''} { ${sel.join(' ')} } }`;
  return gql(app.url, admin, text, given);
}

describe('every root connection', () => {
  it('is enumerated from the schema', () => {
    expect(connections.map((f) => f.name).sort()).toEqual(
      expect.arrayContaining(['changes', 'customerDuplicates', 'partners', 'programConflicts', 'tierMismatches', 'webhookDeliveries']),
    );
    for (const f of connections)
      for (const a of f.args)
        if (a.type.toString().endsWith('!') && a.defaultValue === undefined) expect(REQUIRED[f.name], f.name).toBeDefined();
  });

  it.each(connections.map((f) => [f.name, f] as const))(
    '%s: first 0 is an empty page with the full totalCount and pageInfo',
    async (name, field) => {
      const all = await probe(field, {});
      expect(all.errors, JSON.stringify(all)).toBeUndefined();
      const empty = await probe(field, { first: 0 });
      expect(empty.errors, JSON.stringify(empty)).toBeUndefined();
      const page = empty.data[name];
      expect(page[itemsField(field)]).toEqual([]);
      if ('totalCount' in page) expect(page.totalCount).toBe(all.data[name].totalCount);
      expect(page.pageInfo, name).toBeDefined();
      expect(page.pageInfo).toMatchObject({
        hasNextPage: all.data[name][itemsField(field)].length > 0,
        hasPreviousPage: false,
        startCursor: null,
      });
    },
  );

  it.each(connections.map((f) => [f.name, f] as const))(
    '%s: a negative count and a cursor it did not make are BAD_USER_INPUT at the argument',
    async (name, field) => {
      const offersLast = field.args.some((a) => a.name === 'last');
      const cases: [Record<string, unknown>, string][] = [
        [{ first: -1 }, 'first'],
        [{ after: 'garbage' }, 'after'],
        [{ after: Buffer.from('{"o":"SOMETHING:ELSE","k":1,"i":"x"}').toString('base64url') }, 'after'],
        ...(offersLast
          ? ([
              [{ last: -1 }, 'last'],
              [{ before: 'garbage' }, 'before'],
            ] as [Record<string, unknown>, string][])
          : []),
      ];
      for (const [args, at] of cases) {
        const r = await probe(field, args);
        expect(r.data?.[name] ?? null, JSON.stringify(args)).toBeNull();
        expect(
          r.errors?.map((e: any) => [e.extensions.code, e.extensions.path, e.path]),
          JSON.stringify(args),
        ).toEqual([['BAD_USER_INPUT', [at], [name]]]);
      }
    },
  );

  it.each(connections.map((f) => [f.name, f] as const))('%s: takes last and before, or says why not', async (name, field) => {
    const offersLast = field.args.some((a) => a.name === 'last') && field.args.some((a) => a.name === 'before');
    if (!offersLast) {
      expect(FORWARD_ONLY).toContain(name);
      expect(field.description).toMatch(/no `last`\/`before`/i);
      return;
    }
    const empty = await probe(field, { last: 0 });
    expect(empty.errors, JSON.stringify(empty)).toBeUndefined();
    expect(empty.data[name][itemsField(field)]).toEqual([]);
  });
});

/** Pages through a connection forward (first/after) or backward (last/before); the items in the connection's order. */
async function pageThrough(q: string, name: string, vars: Record<string, unknown>, size: number, backward: boolean) {
  const idOf = (node: { id?: string; members?: { id: string }[] }) => node.id ?? node.members![0]!.id;
  const out: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 100; n++) {
    const data = await ok(q, { ...vars, ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }) });
    const page = data[name];
    const ids = page.edges.map((e: { node: { id?: string; members?: { id: string }[] } }) => idOf(e.node));
    const cursors = page.edges.map((e: { cursor: string }) => e.cursor);
    expect(page.pageInfo.startCursor).toBe(cursors[0] ?? null);
    expect(page.pageInfo.endCursor).toBe(cursors.at(-1) ?? null);
    if (backward) out.unshift(...ids);
    else out.push(...ids);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return out;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('the forward-only connections of issue 16 now page backward', () => {
  it('webhookDeliveries: every page size, both ways, equals the full list (newest first)', async () => {
    const q = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      webhookDeliveries(webhookId: $id, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id firstCursor } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const full = (await ok(q, { id: webhookId, first: 100 })).webhookDeliveries.edges.map(
      (e: { node: { id: string; firstCursor: string } }) => e.node,
    );
    expect(full.length).toBeGreaterThanOrEqual(CUSTOMERS);
    // The brute force: newest first is descending firstSequence (the cursor encodes it).
    const seq = (c: string) => BigInt(Buffer.from(c, 'base64url').toString().slice('change:'.length));
    expect(full.map((n: { firstCursor: string }) => seq(n.firstCursor))).toEqual(
      full.map((n: { firstCursor: string }) => seq(n.firstCursor)).sort((a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0)),
    );
    const ids = full.map((n: { id: string }) => n.id);
    for (const size of [1, 2, 3, 5, 100]) {
      expect(await pageThrough(q, 'webhookDeliveries', { id: webhookId }, size, false), `first ${size}`).toEqual(ids);
      expect(await pageThrough(q, 'webhookDeliveries', { id: webhookId }, size, true), `last ${size}`).toEqual(ids);
    }
  });

  it('customerDuplicates: every page size, both ways, equals the full list (by smallest member id)', async () => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      customerDuplicates(first: $first, after: $after, last: $last, before: $before) { totalCount edges { cursor node { members { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const all: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(q, { first: 100, after })).customerDuplicates;
      all.push(...page.edges.map((e: { node: { members: { id: string }[] } }) => e.node.members[0]!.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(all).toEqual([...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const mine = all.filter((id) => id.startsWith(px));
    expect(mine).toEqual(Array.from({ length: CUSTOMERS / 2 }, (_, k) => `${px}c${String(2 * k).padStart(2, '0')}`));
    for (const size of [1, 3, 7, 100]) {
      expect(await pageThrough(q, 'customerDuplicates', {}, size, false), `first ${size}`).toEqual(all);
      expect(await pageThrough(q, 'customerDuplicates', {}, size, true), `last ${size}`).toEqual(all);
    }
  });
});

/** Pages through a page type with pageInfo (tierMismatches, programConflicts) both ways; the items as JSON, in order. */
async function pageThroughItems(q: string, name: string, items: string, vars: Record<string, unknown>, size: number, backward: boolean) {
  const out: string[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 100; n++) {
    const page: any = (await ok(q, { ...vars, ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }) }))[name];
    const got = page[items].map((x: unknown) => JSON.stringify(x));
    if (backward) out.unshift(...got);
    else out.push(...got);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    // The old-style endCursor is the next page's `after` exactly when more follow a forward page.
    if (!backward) expect(page.endCursor).toBe(more ? page.pageInfo.endCursor : null);
    if (!more) return out;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('tierMismatches and programConflicts page both ways', () => {
  it('tierMismatches: every page size, both ways, equals the full list', async () => {
    const q = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      tierMismatches(programId: $id, first: $first, after: $after, last: $last, before: $before) {
        mismatches { partner { id } currentTier qualifiedTier } totalCount endCursor pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const full = (await ok(q, { id: programId, first: 100 })).tierMismatches;
    // The brute force: the five enrolled partners, SILVER, qualify for REGISTERED (no won deal), by id.
    expect(full.mismatches).toEqual(
      Array.from({ length: 5 }, (_, i) => ({ partner: { id: `${px}p${i}` }, currentTier: 'SILVER', qualifiedTier: 'REGISTERED' })),
    );
    const all = full.mismatches.map((x: unknown) => JSON.stringify(x));
    for (const size of [1, 2, 3, 100]) {
      expect(await pageThroughItems(q, 'tierMismatches', 'mismatches', { id: programId }, size, false), `first ${size}`).toEqual(all);
      expect(await pageThroughItems(q, 'tierMismatches', 'mismatches', { id: programId }, size, true), `last ${size}`).toEqual(all);
    }
  });

  it('programConflicts: every page size, both ways, equals the full list', async () => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      programConflicts(first: $first, after: $after, last: $last, before: $before) {
        conflicts { kind programs { id } overlap { region industry } } totalCount endCursor pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const all = await pageThroughItems(q, 'programConflicts', 'conflicts', {}, 100, false);
    const mine = all.map((x) => JSON.parse(x)).filter((c) => c.programs.some((p: { id: string }) => p.id.startsWith(px)));
    expect(mine).toEqual(
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ].map(([a, b]) => ({
        kind: 'PROGRAMS',
        programs: [{ id: `${px}excl${a}` }, { id: `${px}excl${b}` }],
        overlap: [{ region: `${px}R`, industry: null }],
      })),
    );
    for (const size of [1, 2, 5]) {
      expect(await pageThroughItems(q, 'programConflicts', 'conflicts', {}, size, false), `first ${size}`).toEqual(all);
      expect(await pageThroughItems(q, 'programConflicts', 'conflicts', {}, size, true), `last ${size}`).toEqual(all);
    }
  });
});
