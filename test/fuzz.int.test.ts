// Schema-driven fuzzing over HTTP against the production configuration: a seeded PRNG builds
// random well-formed operations (random fields, arguments of the right and the wrong types, inline
// or as variables) and malformed HTTP requests. Never a 500 or internals in a body, every error
// has an extensions.code, and the server still answers at the end. Bounded in time.
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../src/server.js';
import { ADMIN } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { introspectSchema } from './support/introspection.js';

const db = testExecutor();
const prefix = uniquePrefix('fuzz');
const secret = 'fuzz-secret-0123456789-0123456789-abcdefg';
const SEED = Number(process.env.FUZZ_SEED ?? 20250611);
const OPERATIONS = 400;
const MALFORMED = 150;
const TIME_BUDGET_MS = 45_000;
/** What must never be in a response body: stacks, driver errors, Cypher, file paths. */
const INTERNALS = /Neo4jError|stacktrace|\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|\.cypher|\bMATCH \(|\bRETURN \w|\bUNWIND \$/;

let app: RunningApp;
let schema: GraphQLSchema;
let token: string;
let nodesBefore: Set<string>;

beforeAll(async () => {
  schema = await introspectSchema(db, ADMIN); // in-process: introspection is off in production
  nodesBefore = new Set((await db.runText<{ e: string }>('MATCH (n) RETURN elementId(n) AS e')).map((r) => r.e));
  app = await startApp(
    {
      executor: db,
      logger: createLogger('error'),
      production: true,
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      limits: DEFAULT_LIMITS,
    },
    '127.0.0.1',
    0,
  );
  token = await mintToken({ secret, role: 'ADMIN', subject: 'fuzz', expiresIn: '1h' });
});
afterAll(async () => {
  await app.stop();
  await removeByPrefix(db, prefix);
  // Creates without an id get generated ids: remove whatever the run created (this database is the test's own).
  const created = (await db.runText<{ e: string }>('MATCH (n) RETURN elementId(n) AS e'))
    .map((r) => r.e)
    .filter((e) => !nodesBefore.has(e));
  await db.runText('UNWIND $ids AS e MATCH (n) WHERE elementId(n) = e DETACH DELETE n', { ids: created }, 'WRITE');
});

/** mulberry32: small, fast, seeded. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}
const rnd = prng(SEED);

const WRONG_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  2 ** 53 + 1,
  -(2 ** 63),
  true,
  '',
  'x',
  [],
  [1, 'a'],
  {},
  { a: { b: 1 } },
  'Z'.repeat(5000),
  '2025-13-45T99:99:99Z',
  'NaN',
];
const WORDS = ['acme', 'EMEA', 'FINANCE', 'cloud', 'ü', '漢字', 'a b', '0', 'USD', 'EUR', 'ZZZ', '-1'];

function randomString(): string {
  return Array.from({ length: 1 + rnd.int(3) }, () => rnd.pick(WORDS)).join(rnd.pick([' ', '-', '']));
}

/** A value of the type (mostly) or of a wrong one. */
function randomValue(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (rnd.chance(0.12)) return rnd.pick(WRONG_VALUES);
  if (!isNonNullType(type) && rnd.chance(0.15)) return null;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner))
    return depth > 3 ? [] : Array.from({ length: rnd.int(4) }, () => randomValue(inner.ofType as GraphQLInputType, name, depth + 1));
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const fld of Object.values(inner.getFields()))
      if (isNonNullType(fld.type) || rnd.chance(0.5)) out[fld.name] = randomValue(fld.type, fld.name, depth + 1);
    if (rnd.chance(0.05)) out.unknownField = 1;
    return out;
  }
  const named = getNamedType(inner);
  if (isEnumType(named)) return rnd.chance(0.9) ? rnd.pick(named.getValues()).value : 'NOT_A_VALUE';
  switch (named.name) {
    case 'ID':
      return rnd.chance(0.8) ? `${prefix}${rnd.int(20)}` : randomString();
    case 'String':
      return name === 'amount' ? rnd.pick(['1.00', '100', '-5', '1.234', '1e5', '99999999999999999999.99']) : randomString();
    case 'Int':
      return rnd.pick([0, 1, 5, 100, 101, -1, 100000, 2 ** 31]);
    case 'Float':
      return rnd.pick([0, 0.5, -1, 1e10]);
    case 'Boolean':
      return rnd.chance(0.5);
    case 'DateTime':
      return rnd.pick(['2025-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 'yesterday']);
    case 'Currency':
      return rnd.pick(['USD', 'EUR', 'JPY', 'usd', 'XXX', '']);
    case 'URL':
      return rnd.pick(['https://x.example', 'not a url', 'javascript:alert(1)']);
    default:
      return randomString();
  }
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  if (typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value) && rnd.chance(0.5)) return value; // maybe an enum
  return JSON.stringify(value);
}

function randomSelection(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type))
    return `__typename ${type
      .getTypes()
      .filter(() => rnd.chance(0.5))
      .map((m) => `... on ${m.name} { ${randomSelection(m, depth - 1)} }`)
      .join(' ')}`;
  if (!isObjectType(type)) return '';
  const fields = Object.values(type.getFields()).filter(() => rnd.chance(0.5));
  const parts = ['__typename'];
  for (const field of fields) {
    const named = getNamedType(field.type);
    const args = field.args
      .filter((a) => isNonNullType(a.type) || rnd.chance(0.3))
      .map((a) => `${a.name}: ${literal(randomValue(a.type, a.name))}`);
    const head = `${rnd.chance(0.05) ? `a${rnd.int(100)}: ` : ''}${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
    if (isLeafType(named)) parts.push(head);
    else if (depth > 0) parts.push(`${head} { ${randomSelection(named, depth - 1)} }`);
  }
  return parts.join(' ');
}

function randomOperation(): { query: string; variables: Record<string, unknown> } {
  const kind = rnd.chance(0.75) ? 'query' : 'mutation';
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field: GraphQLField<unknown, unknown> = rnd.pick(Object.values(root.getFields()));
  const asVariables = rnd.chance(0.6);
  const variables: Record<string, unknown> = {};
  const decls: string[] = [];
  const args: string[] = [];
  for (const a of field.args) {
    if (!isNonNullType(a.type) && rnd.chance(0.4)) continue;
    const value = randomValue(a.type, a.name);
    if (asVariables) {
      decls.push(`$${a.name}: ${a.type.toString()}`);
      args.push(`${a.name}: $${a.name}`);
      if (!rnd.chance(0.05)) variables[a.name] = value; // sometimes a required variable is missing
    } else args.push(`${a.name}: ${literal(value)}`);
  }
  const named = getNamedType(field.type);
  const sel = isLeafType(named) ? '' : `{ ${randomSelection(named, 1 + rnd.int(3))} }`;
  return {
    query: `${kind} Fuzz${decls.length ? `(${decls.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`,
    variables,
  };
}

/** A request that is wrong at the HTTP or JSON level. */
function malformedRequest(): { method: string; headers: Record<string, string>; body?: string | Uint8Array; path?: string } {
  const json = { 'content-type': 'application/json' };
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const cases = [
    () => ({ method: 'POST', headers: json, body: '{"query": ' }),
    () => ({ method: 'POST', headers: json, body: 'not json at all' }),
    () => ({ method: 'POST', headers: json, body: '' }),
    () => ({ method: 'POST', headers: json, body: '[{"query":"{ health { version } }"},{"query":"{ health { version } }"}]' }),
    () => ({ method: 'POST', headers: json, body: '{"query": 12345678901234567890123456789}' }),
    () => ({ method: 'POST', headers: json, body: '{"query": null}' }),
    () => ({ method: 'POST', headers: json, body: '{"query": "{ partners(first: 1e400) { totalCount } }"}' }),
    () => ({ method: 'POST', headers: json, body: `{"query": "{ health { version } }", "variables": ${deep(5000 + rnd.int(50_000))}}` }),
    () => ({
      method: 'POST',
      headers: json,
      body: `{"query": "{ health { version } }", "extensions": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    }),
    () => ({ method: 'POST', headers: json, body: '{"query": "{ health { version } }", "variables": "a string"}' }),
    () => ({ method: 'POST', headers: json, body: '{"query": "{ health { version } }", "operationName": 7}' }),
    () => ({ method: 'POST', headers: json, body: '{"query": "query A { health { version } } query B { health { version } }"}' }),
    () => ({ method: 'POST', headers: json, body: '{"query": "{ partner(id: \\"x\\") { id } }", "variables": {"first": 1e999}}' }),
    () => ({
      method: 'POST',
      headers: json,
      body: new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    }),
    () => ({
      method: 'POST',
      headers: json,
      body: Buffer.concat([
        Buffer.from('{"query":"{ search(text: \\"'),
        Buffer.from([0xed, 0xa0, 0x80, 0xf8, 0x88]),
        Buffer.from('\\") { score } }"}'),
      ]),
    }),
    () => ({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ health { version } }"}' }),
    () => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B%20health%20%7B%20version%20%7D%20%7D',
    }),
    () => ({
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
    }),
    () => ({ method: 'POST', headers: {}, body: '{"query":"{ health { version } }"}' }),
    () => ({ method: 'GET', headers: {}, path: '?query=' + encodeURIComponent('mutation { deletePartner(id: "x") { deletedId } }') }),
    () => ({ method: 'GET', headers: {}, path: '?query=%7B%20health' }),
    () => ({ method: 'GET', headers: {}, path: '?query=' + encodeURIComponent('{ health { version } }') + '&variables=%7Bnot-json' }),
    () => ({ method: 'PUT', headers: json, body: '{"query":"{ health { version } }"}' }),
    () => ({ method: 'POST', headers: json, body: JSON.stringify({ query: '{ ' + 'a: health { version } '.repeat(1000) + '}' }) }),
    () => ({
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ partners { edges { node { ' + 'integrations { '.repeat(60) + 'id' + ' }'.repeat(60) + ' } } } }' }),
    }),
    () => ({ method: 'POST', headers: json, body: JSON.stringify({ query: `{ partners(first: 100000) { totalCount } }` }) }),
    () => ({ method: 'POST', headers: json, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) }),
    () => ({ method: 'POST', headers: json, body: JSON.stringify({ query: '{ partnr { id } }' }) }),
  ];
  return rnd.pick(cases)();
}

interface Verdict {
  status: number;
  text: string;
}

async function send(method: string, headers: Record<string, string>, body?: string | Uint8Array, path = ''): Promise<Verdict> {
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...headers },
    body: method === 'GET' ? undefined : body,
  });
  return { status: res.status, text: await res.text() };
}

/** Why a response is unacceptable, or null. */
function problemWith(v: Verdict): string | null {
  if (v.status >= 500 && v.status !== 503) return `HTTP ${v.status}`;
  if (INTERNALS.test(v.text)) return `internals in body: ${v.text.match(INTERNALS)![0]}`;
  let body: { errors?: { extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(v.text);
  } catch {
    return 'body is not JSON';
  }
  const uncoded = (body.errors ?? []).filter((e) => typeof e.extensions?.code !== 'string');
  return uncoded.length ? `error without extensions.code: ${JSON.stringify(uncoded[0])}` : null;
}

describe('schema-driven fuzzing over HTTP (production settings)', () => {
  it(`survives ${OPERATIONS} random operations and ${MALFORMED} malformed requests (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const started = Date.now();
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    let sent = 0;
    const plan = [...Array(OPERATIONS).fill('op'), ...Array(MALFORMED).fill('bad')].sort(() => rnd.next() - 0.5);
    for (const kind of plan) {
      if (Date.now() - started > TIME_BUDGET_MS) break;
      let verdict: Verdict;
      let described: string;
      if (kind === 'op') {
        const op = randomOperation();
        described = JSON.stringify(op).slice(0, 400);
        verdict = await send('POST', { 'content-type': 'application/json' }, JSON.stringify(op));
      } else {
        const r = malformedRequest();
        described = `${r.method} ${r.path ?? ''} ${String(typeof r.body === 'string' ? r.body : r.body ? '<bytes>' : '').slice(0, 200)}`;
        verdict = await send(r.method, r.headers, r.body, r.path);
      }
      sent += 1;
      statuses[verdict.status] = (statuses[verdict.status] ?? 0) + 1;
      const problem = problemWith(verdict);
      if (problem) problems.push(`${problem} ← ${described} → ${verdict.text.slice(0, 300)}`);
    }
    console.log(`fuzz: ${sent} requests in ${Date.now() - started} ms, statuses ${JSON.stringify(statuses)}`);
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(200);
    const health = await fetch(app.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const still = await send('POST', { 'content-type': 'application/json' }, JSON.stringify({ query: '{ health { database } }' }));
    expect(JSON.parse(still.text)).toEqual({ data: { health: { database: true } } });
  });
});
