// Injection payloads in every String and ID argument (found by introspection, so new arguments are
// covered too), sent over HTTP as an administrator: every value is a Cypher parameter, so reads
// change nothing (a content checksum of the whole graph), ids are refused as BAD_USER_INPUT, names
// are stored as given, and a 1 MB string is refused by the body limit with a clear code.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isUnionType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../src/server.js';
import { graphChecksum, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { introspectSchema } from './support/introspection.js';
import { ADMIN } from './support/api.js';
import { buildScopeFixture, writeScopeFixture } from './support/scope-fixture.js';

const db = testExecutor();
const f = buildScopeFixture(uniquePrefix('inject'));
const secret = 'injection-secret-0123456789-0123456789-abc';
let app: RunningApp;
let token: string;
let schema: GraphQLSchema;

const PAYLOADS = [
  "'",
  '"',
  '`})`',
  "'}) MATCH (n) DETACH DELETE n //",
  '// ',
  'CALL db.labels() YIELD label RETURN label',
  'MATCH (n) DETACH DELETE n',
  '\\u0000 \u0000 nul',
  '😀🚀 emoji',
  'שלום \u202Eعربي\u202C RTL',
  '$viewerPartnerId',
  '*:* OR name:~ AND ( [',
];
const HUGE = 'a'.repeat(1024 * 1024);
const ALLOWED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT']);

beforeAll(async () => {
  await writeScopeFixture(db, f);
  app = await startApp(
    {
      executor: db,
      logger: createLogger('error'),
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      limits: DEFAULT_LIMITS,
    },
    '127.0.0.1',
    0,
  );
  token = await mintToken({ secret, role: 'ADMIN', subject: 'injection', expiresIn: '1h' });
  schema = await introspectSchema(db, ADMIN);
});
afterAll(async () => {
  await app.stop();
  await removeByPrefix(db, f.prefix);
});

interface Reply {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(query: string, variables: Record<string, unknown> = {}): Promise<Reply> {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Reply['body'] };
}

/** An existing fixture id for an argument of this name. */
function existingId(name: string): string {
  const n = name.toLowerCase();
  if (n.includes('customer')) return f.customers[0]!;
  if (n.includes('deal')) return f.deals[1]!;
  if (n.includes('solution')) return f.solutions[0]!;
  if (n.includes('capabilit')) return f.capabilities[0]!;
  if (n.includes('otherpartner') || n.includes('withpartner')) return f.q.full;
  return f.p;
}

/** A valid value for a required slot (optional ones are left out). */
function filler(name: string, type: GraphQLInputType): unknown {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) return [filler(name, inner.ofType as GraphQLInputType)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const fld of Object.values(inner.getFields()))
      if (isNonNullType(fld.type) && fld.defaultValue === undefined) out[fld.name] = filler(fld.name, fld.type);
    return out;
  }
  const named = getNamedType(inner);
  if (named.name === 'ID') return existingId(name);
  if (named.name === 'String') return name === 'amount' ? '1.00' : 'EMEA';
  if (named.name === 'Currency') return 'USD';
  if (named.name === 'DateTime') return name === 'to' ? '2100-01-01T00:00:00Z' : '2000-01-01T00:00:00Z';
  if (named.name === 'Int') return name === 'first' ? 10 : 1;
  if (named.name === 'Float') return 1;
  if (named.name === 'Boolean') return false;
  if (isEnumType(named)) return named.getValues()[0]!.value;
  return 'x';
}

/** Where a string can go: [argument] or [argument, field] or [argument, listField, itemField]. */
type Slot = string[];

function isText(type: GraphQLInputType): boolean {
  const n = getNamedType(type).name;
  return n === 'String' || n === 'ID';
}

function slotsOf(args: readonly GraphQLArgument[]): Slot[] {
  const slots: Slot[] = [];
  for (const a of args) {
    if (isText(a.type)) slots.push([a.name]);
    const obj = getNamedType(a.type);
    if (!isInputObjectType(obj)) continue;
    for (const fld of Object.values(obj.getFields())) {
      if (isText(fld.type) && !['amount'].includes(fld.name)) slots.push([a.name, fld.name]);
      const nested = getNamedType(fld.type);
      if (isInputObjectType(nested))
        for (const inner of Object.values(nested.getFields())) if (isText(inner.type)) slots.push([a.name, fld.name, inner.name]);
    }
  }
  return slots;
}

function typeOfAt(args: readonly GraphQLArgument[], slot: Slot): GraphQLInputType {
  let type: GraphQLInputType = args.find((a) => a.name === slot[0])!.type;
  for (const name of slot.slice(1)) type = (getNamedType(type) as any).getFields()[name].type;
  return type;
}

/** The arguments' values with `value` at the slot (wrapped in a list where the slot is a list). */
function variablesWith(args: readonly GraphQLArgument[], slot: Slot, value: string): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const a of args)
    if ((isNonNullType(a.type) && a.defaultValue === undefined) || a.name === slot[0]) vars[a.name] = filler(a.name, a.type);
  const put = isListType(getNullableType(typeOfAt(args, slot))) ? [value] : value;
  if (slot.length === 1) vars[slot[0]!] = put;
  else {
    const obj = (vars[slot[0]!] ??= {}) as Record<string, any>;
    if (slot.length === 2) obj[slot[1]!] = put;
    else {
      const listField = typeOfAt(args, slot.slice(0, 2));
      const item = (
        isListType(getNullableType(listField))
          ? (obj[slot[1]!] ??= [filler(slot[1]!, (getNullableType(listField) as any).ofType)])[0]
          : (obj[slot[1]!] ??= {})
      ) as Record<string, unknown>;
      item[slot[2]!] = put;
    }
  }
  return vars;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const decl = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const use = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  let sel = '';
  if (isInterfaceType(named) || isUnionType(named)) sel = '{ __typename }';
  if (isObjectType(named)) {
    const fields = named.getFields();
    const leaves = Object.values(fields).filter((x) => isLeafType(getNamedType(x.type)) && x.args.every((a) => !isNonNullType(a.type)));
    sel = `{ __typename ${leaves.map((x) => x.name).join(' ')} ${'errors' in fields ? 'errors { path code message }' : ''} }`;
  }
  return `${kind} Injection${decl ? `(${decl})` : ''} { ${field.name}${use ? `(${use})` : ''} ${sel} }`;
}

function expectCleanReply(reply: Reply, context: string) {
  expect(reply.status, context).not.toBe(500);
  for (const e of reply.body.errors ?? []) {
    expect(e.extensions?.code, `${context}: ${e.message}`).toBeTypeOf('string');
    expect(ALLOWED_CODES.has(e.extensions!.code!), `${context}: ${e.extensions?.code} ${e.message}`).toBe(true);
  }
}

describe('the graph checksum', () => {
  it('sees a changed property, which counts alone would not', async () => {
    const before = await graphChecksum(db);
    await db.runText('MATCH (c:Customer {id: $id}) SET c.segment = $segment', { id: f.customers[0], segment: 'SMB' }, 'WRITE');
    const after = await graphChecksum(db);
    await db.runText('MATCH (c:Customer {id: $id}) SET c.segment = $segment', { id: f.customers[0], segment: 'ENTERPRISE' }, 'WRITE');
    expect([after.nodes, after.relationships]).toEqual([before.nodes, before.relationships]);
    expect(after.sha256).not.toBe(before.sha256);
    expect(await graphChecksum(db)).toEqual(before);
  });
});

describe('injection payloads in every String and ID argument of every query', () => {
  it('changes nothing in the graph and answers with codes', { timeout: 300_000 }, async () => {
    const before = await graphChecksum(db);
    let sent = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      for (const slot of slotsOf(field.args)) {
        for (const payload of PAYLOADS) {
          const context = `${field.name}(${slot.join('.')}) = ${JSON.stringify(payload)}`;
          expectCleanReply(await post(operation('query', field), variablesWith(field.args, slot, payload)), context);
          sent += 1;
        }
      }
    }
    console.log(`injection: ${sent} query requests`);
    expect(sent).toBeGreaterThan(300);
    expect(await graphChecksum(db)).toEqual(before);
  });

  it('sends the payloads inline in the query text too', { timeout: 120_000 }, async () => {
    const before = await graphChecksum(db);
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const arg = field.args.find((a) => isText(a.type) && !isListType(getNullableType(a.type)));
      if (!arg) continue;
      const others = field.args.filter((a) => a !== arg && isNonNullType(a.type) && a.defaultValue === undefined);
      if (others.some((a) => !isLeafType(getNamedType(a.type)))) continue;
      for (const payload of PAYLOADS) {
        const rest = others
          .map((a) => `, ${a.name}: ${isEnumType(getNamedType(a.type)) ? filler(a.name, a.type) : JSON.stringify(filler(a.name, a.type))}`)
          .join('');
        const query = `{ ${field.name}(${arg.name}: ${JSON.stringify(payload)}${rest}) { __typename } }`;
        expectCleanReply(await post(query), `${field.name} inline ${JSON.stringify(payload)}`);
      }
    }
    expect(await graphChecksum(db)).toEqual(before);
  });

  it('refuses a 1 MB string with PAYLOAD_TOO_LARGE, as a variable or inline', async () => {
    const before = await graphChecksum(db);
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const [slot] = slotsOf(field.args);
      if (!slot) continue;
      const reply = await post(operation('query', field), variablesWith(field.args, slot, HUGE));
      expect(reply.status, field.name).toBe(413);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    }
    const inline = await post(`{ search(text: ${JSON.stringify(HUGE)}) { score } }`);
    expect([inline.status, inline.body.errors?.[0]?.extensions?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await fetch(app.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect(await graphChecksum(db)).toEqual(before);
  });
});

describe('injection payloads in mutations', () => {
  it('refuses a payload as any id with BAD_USER_INPUT and changes nothing', { timeout: 300_000 }, async () => {
    const before = await graphChecksum(db);
    const failures: string[] = [];
    let sent = 0;
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      for (const slot of slotsOf(field.args).filter((s) => getNamedType(typeOfAt(field.args, s)).name === 'ID')) {
        for (const payload of PAYLOADS) {
          const context = `${field.name}(${slot.join('.')}) = ${JSON.stringify(payload)}`;
          const reply = await post(operation('mutation', field), variablesWith(field.args, slot, payload));
          expectCleanReply(reply, context);
          const codes = [
            ...(reply.body.errors ?? []).map((e) => e.extensions?.code),
            ...(reply.body.data?.[field.name]?.errors ?? []).map((e: { code: string }) => e.code),
          ];
          // Only a participant (a PARTNER token) may dispute: the role is refused before the input is read, as for every
          // root field a role may not use.
          const roleRefused = field.name === 'disputeAttribution' && codes.length === 1 && codes[0] === 'FORBIDDEN';
          if (!codes.includes('BAD_USER_INPUT') && !roleRefused) failures.push(`${context} → ${JSON.stringify(codes)}`);
          sent += 1;
        }
      }
    }
    console.log(`injection: ${sent} mutation requests with a payload as an id`);
    expect(sent).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    expect(await graphChecksum(db)).toEqual(before);
  });

  it('stores a payload as a name exactly as given (trimmed) and changes nothing else', { timeout: 120_000 }, async () => {
    const before = await graphChecksum(db, f.prefix);
    const creates: { mutation: string; input: string; read: string; extra: Record<string, unknown> }[] = [
      { mutation: 'createPartner', input: 'CreatePartnerInput', read: 'partner', extra: { types: ['RESELLER'] } },
      { mutation: 'createCustomer', input: 'CreateCustomerInput', read: 'customer', extra: {} },
      { mutation: 'createCapability', input: 'CreateCapabilityInput', read: 'capability', extra: {} },
      { mutation: 'createSolution', input: 'CreateSolutionInput', read: 'solution', extra: {} },
    ];
    let n = 0;
    for (const c of creates) {
      for (const payload of PAYLOADS) {
        const id = `${f.prefix}named-${n++}`;
        const created = await post(`mutation($input: ${c.input}!) { ${c.mutation}(input: $input) { errors { code path message } } }`, {
          input: { id, name: payload, ...c.extra },
        });
        expect(created.body.data?.[c.mutation]?.errors, `${c.mutation} ${JSON.stringify(payload)}`).toEqual([]);
        const read = await post(`query($id: ID!) { ${c.read}(id: $id) { id name } }`, { id });
        expect(read.body.data?.[c.read], `${c.read} ${JSON.stringify(payload)}`).toEqual({ id, name: payload.trim() });
      }
    }
    const deal = await post(`mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { name } errors { code } } }`, {
      input: {
        id: `${f.prefix}named-deal`,
        name: PAYLOADS[3],
        customerId: f.customers[0],
        amount: '1.00',
        currency: 'USD',
        participants: [{ partnerId: f.p, role: 'RESELLER' }],
      },
    });
    expect(deal.body.data.registerDeal).toEqual({ deal: { name: PAYLOADS[3] }, errors: [] });
    expect(await graphChecksum(db, f.prefix)).toEqual(before);
  });
});
