// Global object identification (issue #16) on the merged schema, which the lint's strict-id-in-types
// cannot see (it reads each definition alone, not its extensions): every object type has `id: ID!`
// and implements Node, except the value types and per-request wrappers schema-ids.json lists.
import { buildSchema, isNonNullType, isObjectType, isScalarType, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaIds from '../schema-ids.json' with { type: 'json' };
import { loadTypeDefs } from '../src/schema.js';

const { valueTypes: SCHEMA_VALUE_TYPES, extendedIdTypes: SCHEMA_EXTENDED_ID_TYPES, wrapperSuffixes: SCHEMA_WRAPPER_SUFFIXES } = schemaIds;
const schema = buildSchema(loadTypeDefs());
const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
const objects = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name),
);
const isWrapper = (name: string) => SCHEMA_WRAPPER_SUFFIXES.some((suffix) => name.endsWith(suffix));

function hasNodeId(type: GraphQLObjectType): boolean {
  const id = type.getFields().id;
  return !!id && isNonNullType(id.type) && isScalarType(id.type.ofType) && id.type.ofType.name === 'ID';
}

describe('ids on the merged schema', () => {
  it('gives every object type outside the value types and wrappers an `id: ID!` and the Node interface', () => {
    const missing = objects
      .filter((t) => !SCHEMA_VALUE_TYPES.includes(t.name) && !isWrapper(t.name))
      .filter((t) => !hasNodeId(t) || !t.getInterfaces().some((i) => i.name === 'Node'))
      .map((t) => t.name);
    // Types that are drawn, not stored (map nodes and edges, communities), and the API's own records of webhooks
    // (not part of the ecosystem's graph) have ids but need not be Nodes.
    const drawn = new Set(['MapNode', 'MapEdge', 'Community', 'Webhook', 'WebhookDelivery']);
    expect(missing.filter((name) => !drawn.has(name))).toEqual([]);
    for (const name of drawn) expect(hasNodeId(schema.getType(name) as GraphQLObjectType), name).toBe(true);
  });

  it('finds an id and Node on every stored relationship the lint excepts for its extension', () => {
    for (const name of SCHEMA_EXTENDED_ID_TYPES) {
      const type = schema.getType(name);
      expect(isObjectType(type), name).toBe(true);
      expect(hasNodeId(type as GraphQLObjectType), name).toBe(true);
      expect(
        (type as GraphQLObjectType).getInterfaces().map((i) => i.name),
        name,
      ).toContain('Node');
    }
  });

  it('lists only types that exist and have no id of their own as value types', () => {
    for (const name of SCHEMA_VALUE_TYPES) {
      const type = schema.getType(name);
      expect(isObjectType(type), name).toBe(true);
      expect(hasNodeId(type as GraphQLObjectType), `${name} has an id: take it off the value types`).toBe(false);
    }
  });
});
