// The cost limit remembers a cost per document and the values of only the variables the cost depends on
// (costVariables): a query asked again with another id, filter or text must be refused or accepted exactly as computing
// its cost afresh would.
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/context.js';
import { costLimitPlugin, costVariables, operationCost } from '../src/http/request-limits.js';

const schema = buildSchema(`
  type Query {
    partner(id: ID!): Partner
    partners(first: Int = 20, filter: Filter!): PartnerConnection!
    ecosystemMap(input: MapInput): [Partner!]!
  }
  input Filter { tier: String }
  input MapInput { limit: Int }
  type PartnerConnection { edges: [PartnerEdge!]! }
  type PartnerEdge { node: Partner! }
  type Partner { id: ID! capabilities(first: Int): [Capability!]! }
  type Capability { id: ID! }
`);

async function check(
  plugin: ApolloServerPlugin<RequestContext>,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Promise<string> {
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<RequestContext>;
  try {
    await listener.didResolveOperation!({
      schema,
      document,
      operationName: null,
      request: { variables },
    } as unknown as GraphQLRequestContextDidResolveOperation<RequestContext>);
    return 'ok';
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code ?? String(err);
  }
}

const oracle = (document: DocumentNode, variables: Record<string, unknown>, maxCost: number) => {
  try {
    return operationCost(schema, document, null, variables) > maxCost ? 'QUERY_TOO_COMPLEX' : 'ok';
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code ?? String(err);
  }
};

describe('costVariables', () => {
  it('names the variables of paged and working fields and of directives, not an id elsewhere', () => {
    const document = parse(`query($id: ID!, $n: Int, $f: Filter!, $m: MapInput, $c: Int, $show: Boolean!, $unused: Int) {
      partner(id: $id) { id capabilities(first: $c) @include(if: $show) { id } }
      partners(first: $n, filter: $f) { edges { node { id } } }
      ecosystemMap(input: $m) { id }
    }`);
    expect(costVariables(document)).toEqual(['c', 'f', 'm', 'n', 'show']);
  });
});

describe('the cost limit, remembered per document and the variables it depends on', () => {
  it('answers every sequence of variables as computing the cost afresh does', async () => {
    const document = parse(`query($id: ID!, $n: Int, $f: Filter!, $c: Int, $show: Boolean = true) {
      partner(id: $id) { id capabilities(first: $c) @include(if: $show) { id } }
      partners(first: $n, filter: $f) { edges { node { id capabilities { id } } } }
    }`);
    const maxCost = 300;
    const plugin = costLimitPlugin(maxCost);
    const requests: Record<string, unknown>[] = [];
    for (const n of [1, 20, 30, null, undefined, 101])
      for (const id of ['p.a', 'p.b', 7, null])
        for (const f of [{ tier: 'GOLD' }, { tier: 3 }, null])
          for (const show of [true, false, undefined]) {
            const v: Record<string, unknown> = { id, f, c: 5 };
            if (n !== undefined) v.n = n;
            if (show !== undefined) v.show = show;
            requests.push(v);
          }
    // Twice over, so the second pass answers from what the first remembered.
    const answers = new Set<string>();
    for (const variables of [...requests, ...requests]) {
      const got = await check(plugin, document, variables);
      expect(got, JSON.stringify(variables)).toBe(oracle(document, variables, maxCost));
      answers.add(got);
    }
    // Every kind of answer occurs, so the sequence tests something.
    expect(answers).toEqual(new Set(['ok', 'QUERY_TOO_COMPLEX', 'BAD_USER_INPUT']));
  });
});
