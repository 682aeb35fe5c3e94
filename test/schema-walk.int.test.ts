// The schema walk: for a PARTNER viewer, every Query field (found by introspection, so a field added
// later is walked too) is run with every fixture id that fits its arguments, selecting every field
// recursively to a bounded depth; every customer, deal, solution, account and sharing grant that
// comes back anywhere must be within what the rules let that partner see (test/support/scope-fixture.ts).
import {
  astFromValue,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../src/context.js';
import { createApollo, DEFAULT_LIMITS } from '../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { introspectSchema } from './support/introspection.js';
import { allowedFor, buildScopeFixture, writeScopeFixture, type AllowedSet } from './support/scope-fixture.js';

const db = testExecutor();
const f = buildScopeFixture(uniquePrefix('walk'));
const allowed = allowedFor(f);
/** Object levels selected below each root field. */
const DEPTH = 4;
/** At most this many argument combinations per root field. */
const MAX_COMBINATIONS = 150;

// The walk's own server: the request limits are not under test here, and a whole-schema selection exceeds them.
const apollo = createApollo(false, { ...DEFAULT_LIMITS, maxDepth: 100, maxTokens: 1_000_000, maxAliases: 1000, maxCost: 1e12 });

beforeAll(async () => {
  await writeScopeFixture(db, f);
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await removeByPrefix(db, f.prefix);
});

/** Fixture ids an argument of this name may take. */
function idPool(name: string): string[] {
  const n = name.toLowerCase();
  if (n.includes('partner')) return f.partners;
  if (n.includes('customer')) return f.customers;
  if (n.includes('deal')) return f.deals;
  if (n.includes('solution')) return f.solutions;
  if (n.includes('capabilit')) return f.capabilities;
  return [...f.partners, ...f.customers, ...f.deals, ...f.solutions, ...f.capabilities];
}

/** Values worth trying for an argument or input field (a few for each, crossed later). */
function candidates(name: string, type: GraphQLInputType, required: boolean): unknown[] {
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    const item = getNamedType(inner);
    if (item.name === 'ID') return required ? [idPool(name)] : [undefined, idPool(name)];
    if (isEnumType(item)) return required ? [item.getValues().map((v) => v.value)] : [undefined, item.getValues().map((v) => v.value)];
    if (item.name === 'String') return required ? [['EMEA']] : [undefined, ['EMEA'], ['FINANCE']];
    return required ? [candidates(name, item as GraphQLInputType, true).slice(0, 1)] : [undefined];
  }
  if (name === 'first') return [100];
  if (name === 'after' || name === 'before' || name === 'last') return [undefined];
  if (isInputObjectType(inner)) return inputObjects(inner, required);
  if (!required && (name === 'depth' || name === 'limit')) return [undefined];
  const named = getNamedType(inner);
  let values: unknown[];
  if (named.name === 'ID') values = idPool(name);
  else if (named.name === 'String') values = [f.prefix.split('-')[1], 'Customer', 'EMEA', 'FINANCE'];
  else if (named.name === 'DateTime') values = [name === 'to' ? '2100-01-01T00:00:00Z' : '2000-01-01T00:00:00Z'];
  else if (named.name === 'Int') values = [2];
  else if (named.name === 'Float') values = [1];
  else if (named.name === 'Boolean') values = [true, false];
  else if (isEnumType(named)) values = named.getValues().map((v) => v.value);
  else if (named.name === 'Currency') values = ['USD'];
  else values = ['x'];
  return required ? values : [undefined, ...values];
}

/** An input object with its required fields filled, then one variant per value of each optional field. */
function inputObjects(
  type: ReturnType<typeof getNullableType> & {
    getFields(): Record<string, { name: string; type: GraphQLInputType; defaultValue?: unknown }>;
  },
  required: boolean,
): unknown[] {
  const fields = Object.values(type.getFields());
  const base: Record<string, unknown> = {};
  for (const fld of fields)
    if (isNonNullType(fld.type) && fld.defaultValue === undefined) base[fld.name] = candidates(fld.name, fld.type, true)[0];
  const variants: unknown[] = required ? [base] : [undefined, base];
  for (const fld of fields) {
    if (fld.name in base) continue;
    for (const v of candidates(fld.name, fld.type, false)) if (v !== undefined) variants.push({ ...base, [fld.name]: v });
  }
  return variants;
}

function cross(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((combo) => list.map((v) => [...combo, v])), [[]]);
}

function argumentText(args: readonly GraphQLArgument[], values: unknown[]): string {
  const parts = args.flatMap((a, i) => (values[i] === undefined ? [] : [`${a.name}: ${print(astFromValue(values[i], a.type)!)}`]));
  return parts.length ? `(${parts.join(', ')})` : '';
}

/** Arguments for a nested field: required ones from the pools, `first` at its maximum. */
function nestedArguments(field: GraphQLField<unknown, unknown>): string | null {
  const values: unknown[] = [];
  for (const a of field.args) {
    const required = isNonNullType(a.type) && a.defaultValue === undefined;
    if (a.name === 'first') values.push(100);
    else if (required) values.push(candidates(a.name, a.type, true)[0]);
    else values.push(undefined);
    if (required && values.at(-1) === undefined) return null;
  }
  return argumentText(field.args, values);
}

/** Every field of a type, recursively; at the last level only the ids of entities. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : [];
    return `__typename ${members.map((m) => `... on ${m.name} { ${selection(m, depth)} }`).join(' ')}`;
  }
  if (!isObjectType(type)) return '';
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      if (field.args.every((a) => !isNonNullType(a.type))) parts.push(field.name);
      continue;
    }
    // A list connection reads its plain twin's loader (resolvers/Relay.ts, ListConnections), so walking the twin
    // covers its scope; the accounts connections read their own Cypher and are walked.
    const twin = field.name.endsWith('Connection') ? type.getFields()[field.name.slice(0, -'Connection'.length)] : undefined;
    if (twin && field.name !== 'accountsConnection') continue;
    const args = nestedArguments(field);
    if (args === null) continue;
    if (depth > 0) parts.push(`${field.name}${args} { ${selection(named, depth - 1)} }`);
    else if (isObjectType(named) && 'id' in named.getFields()) parts.push(`${field.name}${args} { __typename id }`);
    else if (isUnionType(named))
      parts.push(
        `${field.name}${args} { __typename ${named
          .getTypes()
          .map((m) => `... on ${m.name} { id }`)
          .join(' ')} }`,
      );
  }
  return parts.join(' ');
}

interface Seen extends AllowedSet {
  strings: string[];
}

/** Collects every entity the response carries, wherever it is. */
function collect(value: unknown, seen: Seen): void {
  if (typeof value === 'string') {
    seen.strings.push(value);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v) => collect(v, seen));
  if (!value || typeof value !== 'object') return;
  const o = value as Record<string, any>;
  const type = o.__typename;
  if (type === 'Customer' && o.id) seen.customers.add(o.id);
  if (type === 'Deal' && o.id) seen.deals.add(o.id);
  if (type === 'Solution' && o.id) seen.solutions.add(o.id);
  if (type === 'Account' && o.partner?.id && o.customer?.id) seen.accounts.add(`${o.partner.id}|${o.customer.id}`);
  if (type === 'SharingGrant' && o.from?.id && o.to?.id) seen.grants.add(`${o.from.id}|${o.to.id}`);
  // The map draws entities as nodes and relationships as edges.
  if (type === 'MapNode') {
    // The entity drawn (MapNode.id is the map node's own id since issue #16).
    const entity = o.entityId ?? o.id;
    if (o.kind === 'CUSTOMER') seen.customers.add(entity);
    if (o.kind === 'DEAL') seen.deals.add(entity);
    if (o.kind === 'SOLUTION') seen.solutions.add(entity);
  }
  if (type === 'MapEdge') {
    if (o.kind === 'HAS_ACCOUNT') seen.accounts.add(`${o.source}|${o.target}`);
    if (o.kind === 'NEEDS') seen.customers.add(o.source);
    if (o.kind === 'FOR_CUSTOMER') {
      seen.deals.add(o.source);
      seen.customers.add(o.target);
    }
    if (o.kind === 'FOR_SOLUTION') {
      seen.deals.add(o.source);
      seen.solutions.add(o.target);
    }
    if (o.kind === 'PARTICIPATES_IN') seen.deals.add(o.target);
    if (o.kind === 'MEMBER_OF') seen.solutions.add(o.target);
    if (o.kind === 'REQUIRES') seen.solutions.add(o.source);
  }
  for (const v of Object.values(o)) collect(v, seen);
}

async function run(query: string) {
  const context = createRequestContext(db, f.viewer, 'schema-walk');
  const response = await apollo.executeOperation({ query }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
  return response.body.singleResult;
}

describe('the whole schema walked for a PARTNER viewer', () => {
  it('returns nothing outside the partner’s scope, from any Query field', { timeout: 600_000 }, async () => {
    const schema: GraphQLSchema = await introspectSchema(db, f.viewer);
    const queryType = schema.getQueryType()!;
    const seen: Seen = {
      customers: new Set(),
      deals: new Set(),
      solutions: new Set(),
      accounts: new Set(),
      grants: new Set(),
      strings: [],
    };
    const walked: Record<string, { operations: number; errors: Record<string, number> }> = {};
    const unexpected: { query: string; errors: unknown }[] = [];

    for (const field of Object.values(queryType.getFields())) {
      const named = getNamedType(field.type);
      const body = isLeafType(named) ? '' : `{ ${selection(named, DEPTH)} }`;
      const combos = cross(field.args.map((a) => candidates(a.name, a.type, isNonNullType(a.type) && a.defaultValue === undefined)));
      const stats = (walked[field.name] = { operations: 0, errors: {} as Record<string, number> });
      for (const values of combos.slice(0, MAX_COMBINATIONS)) {
        const query = `query Walk { ${field.name}${argumentText(field.args, values)} ${body} }`;
        const result = await run(query);
        stats.operations += 1;
        collect(result.data, seen);
        for (const e of result.errors ?? []) {
          const code = String(e.extensions?.code);
          stats.errors[code] = (stats.errors[code] ?? 0) + 1;
          // Refusals are expected; a validation failure means the walk built a bad operation, an internal error a bug.
          if (!['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(code)) unexpected.push({ query: query.slice(0, 300), errors: e });
        }
      }
    }
    console.log(`schema walk: ${JSON.stringify(walked)}`);

    // Nothing outside the scope came back.
    expect([...seen.customers].filter((x) => !allowed.customers.has(x)).sort()).toEqual([]);
    expect([...seen.deals].filter((x) => !allowed.deals.has(x)).sort()).toEqual([]);
    expect([...seen.solutions].filter((x) => !allowed.solutions.has(x)).sort()).toEqual([]);
    expect([...seen.accounts].filter((x) => !allowed.accounts.has(x)).sort()).toEqual([]);
    expect([...seen.grants].filter((x) => !allowed.grants.has(x)).sort()).toEqual([]);
    // Nor in any text (names and reasons carry the ids in this fixture).
    const hidden = [
      ...f.customers.filter((x) => !allowed.customers.has(x)),
      ...f.deals.filter((x) => !allowed.deals.has(x)),
      ...f.solutions.filter((x) => !allowed.solutions.has(x)),
    ];
    const leaks = hidden.filter((h) => seen.strings.some((s) => s === h || s.includes(`${h} `) || s.endsWith(` ${h}`)));
    expect(leaks).toEqual([]);
    // No operation failed other than by a refusal (an internal error here is often a scoped entity missing under a visible one).
    expect(unexpected).toEqual([]);
    // Every Query field was walked.
    expect(Object.keys(walked).sort()).toEqual(Object.keys(queryType.getFields()).sort());
    // And the walk is not vacuous: it reached everything the partner may see.
    expect(seen.customers).toEqual(allowed.customers);
    expect(seen.deals).toEqual(allowed.deals);
    expect(seen.solutions).toEqual(allowed.solutions);
    expect(seen.accounts).toEqual(allowed.accounts);
    expect(seen.grants).toEqual(allowed.grants);
  });
});
