// What the read-speed work remembers or takes a shortcut for must answer exactly as before: the cost limit per
// document and variables, a verified token only until it expires, and Neo4j values converted the same way.
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { buildSchema, parse, type DocumentNode } from 'graphql';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import type { RequestContext } from '../src/context.js';
import { toPlain } from '../src/db/values.js';
import { createAuthenticator } from '../src/http/authenticate.js';
import { costLimitPlugin, operationCost } from '../src/http/request-limits.js';

const schema = buildSchema(`
  type Query { partners(first: Int): PartnerConnection! }
  type PartnerConnection { edges: [PartnerEdge!]! }
  type PartnerEdge { node: Partner! }
  type Partner { id: ID! capabilities: [Capability!]! }
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

describe('the cost limit, remembered per document and variables', () => {
  it('refuses and accepts each variables as computing the cost afresh does, in any order and repeated', async () => {
    const document = parse('query($n: Int) { partners(first: $n) { edges { node { id capabilities { id } } } } }');
    const maxCost = 300;
    const plugin = costLimitPlugin(maxCost);
    // The oracle: the cost computed for every request, as before the plugin remembered it.
    const sizes = [1, 5, 30, 5, 29, 30, 1, 100, 27, 28, 100, 2];
    for (const n of sizes) {
      const expected = operationCost(schema, document, null, { n }) > maxCost ? 'QUERY_TOO_COMPLEX' : 'ok';
      expect(await check(plugin, document, { n })).toBe(expected);
    }
    // Both answers occur, so the sequence tests something.
    expect(new Set(await Promise.all(sizes.map((n) => check(plugin, document, { n }))))).toEqual(new Set(['ok', 'QUERY_TOO_COMPLEX']));
    // A page over the maximum is refused every time, never remembered as a cost.
    expect(await check(plugin, document, { n: 101 })).toBe('BAD_USER_INPUT');
    expect(await check(plugin, document, { n: 101 })).toBe('BAD_USER_INPUT');
  });
});

describe('verified tokens, remembered until they expire', () => {
  it('accepts a token while valid and refuses it once expired, although it was accepted before', async () => {
    const secret = 'read-speed-test-secret-of-enough-length';
    const authenticate = await createAuthenticator({ enabled: true, verifier: { kind: 'hs256', secret } });
    const token = await mintToken({ secret, role: 'PARTNER', subject: 's', partnerId: 'p.one', expiresIn: '2s' });
    const req = { headers: { authorization: `Bearer ${token}` } } as IncomingMessage;
    expect(await authenticate(req)).toEqual({ role: 'PARTNER', subject: 's', partnerId: 'p.one' });
    expect(await authenticate(req)).toEqual({ role: 'PARTNER', subject: 's', partnerId: 'p.one' });
    // Another secret's token is refused although a token was remembered.
    const forged = await mintToken({ secret: 'another-secret-of-enough-length-too', role: 'ADMIN', subject: 's', expiresIn: '1h' });
    await expect(authenticate({ headers: { authorization: `Bearer ${forged}` } } as IncomingMessage)).rejects.toThrow(/signature/);
    await new Promise((r) => setTimeout(r, 3100));
    await expect(authenticate(req)).rejects.toThrow(/exp/);
  });
});

describe('toPlain', () => {
  it('converts integers, temporals, lists and maps as before and leaves strings, floats and booleans', () => {
    const value = {
      s: 'text',
      f: 1.5,
      b: true,
      n: null,
      i: neo4j.int(42),
      big: neo4j.int('9007199254740993'),
      list: [neo4j.int(1), 'a', [neo4j.int(2)], { k: neo4j.int(3) }],
      at: new neo4j.types.DateTime(2026, 11, 30, 12, 0, 0, 0, 0),
      day: new neo4j.types.Date(2026, 11, 30),
    };
    expect(toPlain(value)).toEqual({
      s: 'text',
      f: 1.5,
      b: true,
      n: null,
      i: 42,
      big: 9007199254740993n,
      list: [1, 'a', [2], { k: 3 }],
      at: new Date('2026-11-30T12:00:00Z'),
      day: new Date('2026-11-30T00:00:00Z'),
    });
  });
});
