// Queries run through graphql-jit (GRAPHQL_EXECUTOR=jit, the default: src/http/execute.ts) answer exactly as through
// graphql-js (the oracle: the same request on an Apollo server with GRAPHQL_EXECUTOR=graphql-js), for every kind of
// selection the schema offers (fragments, unions, interfaces, directives, aliases, nested connections, custom scalars,
// introspection), for an administrator and a partner's scoped view; an answer with an error is graphql-js's, and a
// mutation runs once, on graphql-js.
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { executorCounts } from '../src/server.js';
import { ADMIN } from './support/api.js';
import { useExecutorPair } from './support/executors.js';

const { f, jit, plain, ask } = useExecutorPair('jit');

const PARTNER_FIELDS = `id name types tier lifecycleStage regions industries website`;

/** [name, query, variables]: each asked of both servers, for both viewers. */
const CORPUS: [string, string, Record<string, unknown>][] = [
  [
    'a partner with its lists, a fragment and an inline fragment',
    `fragment P on Partner { ${PARTNER_FIELDS} }
     query($id: ID!) { partner(id: $id) { ...P capabilities { level capability { id name category } }
       integrations { id name } solutions { role solution { id name status } }
       deals { role deal { id name stage amount { amount currency } participants { role partner { ... on Partner { id name } } } } } } }`,
    { id: f.p },
  ],
  [
    'a filtered page with nested connections, counts and cursors',
    `query($f: PartnerFilter, $n: Int) { partners(first: 10, filter: $f) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
       edges { cursor node { id name tier accountsConnection(first: $n) { totalCount edges { cursor node { id status customer { id name } } } } } } } }`,
    { f: { nameContains: f.prefix }, n: 2 },
  ],
  [
    'the last page, backwards, ordered by name descending',
    `query($f: PartnerFilter) { partners(last: 3, filter: $f, orderBy: { field: NAME, direction: DESC }) { edges { cursor node { id name } } pageInfo { hasPreviousPage startCursor } } }`,
    { f: { nameContains: f.prefix } },
  ],
  [
    'aliases, @include and @skip from variables',
    `query($id: ID!, $yes: Boolean!, $no: Boolean!) { a: partner(id: $id) { id n: name tier @include(if: $yes) regions @skip(if: $yes) }
       b: partner(id: $id) { id website @include(if: $no) industries @skip(if: $no) } }`,
    { id: f.p, yes: true, no: false },
  ],
  [
    'node and nodes across kinds, with __typename and inline fragments on the interface',
    `query($id: ID!, $ids: [ID!]!) { node(id: $id) { __typename id ... on Partner { name } }
       nodes(ids: $ids) { __typename id ... on Customer { name } ... on Deal { name stage } ... on Partner { tier } } }`,
    { id: f.p, ids: [f.p, ...f.customers.slice(0, 3), ...f.deals.slice(0, 3), `${f.prefix}nobody`] },
  ],
  [
    'search: a union with a fragment per member',
    `query($t: String!) { search(text: $t, first: 20) { score node { __typename ... on Partner { id name } ... on Customer { id name } ... on Capability { id name } ... on Solution { id name } } } }`,
    { t: f.prefix },
  ],
  [
    'customers with their accounts and deals',
    `query($f: CustomerFilter) { customers(first: 10, filter: $f) { totalCount edges { node { id name accounts { status partner { id } } deals { id stage } } } } }`,
    { f: { namePrefix: f.prefix } },
  ],
  [
    'a deal with its participants and money',
    `query($id: ID!) { deal(id: $id) { id name stage registrationStatus createdAt amount { amount currency } participants { role sourced partner { id name } } } }`,
    { id: f.deals[0] },
  ],
  ['a partner that does not exist', `query($id: ID!) { partner(id: $id) { id name } }`, { id: `${f.prefix}nobody` }],
  ['the health of the service', `{ health { database } }`, {}],
  ['the rules of engagement', `{ rulesOfEngagement { version } }`, {}],
  ['introspection', getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}],
  [
    'a field refused for its argument (an error beside data)',
    `query($f: PartnerFilter) { partners(first: -1, filter: $f) { totalCount } health { database } }`,
    { f: { nameContains: f.prefix } },
  ],
  ['a variable that does not coerce', `query($id: ID!) { partner(id: $id) { id } }`, { id: { not: 'an id' } }],
];

describe('graphql-jit answers as graphql-js', () => {
  for (const [name, query, variables] of CORPUS) {
    it(name, async () => {
      for (const viewer of [ADMIN, f.viewer]) {
        const expected = await ask(plain, query, variables, viewer);
        // A document the schema refuses never reaches an executor: such an entry would compare nothing.
        expect(expected.text).not.toContain('GRAPHQL_VALIDATION_FAILED');
        // Three times: the first request runs on graphql-js, the second compiles the document, the third runs what was kept.
        for (let pass = 0; pass < 3; pass++) expect(await ask(jit, query, variables, viewer)).toEqual(expected);
      }
    });
  }

  it('an operation name the document does not have is refused as graphql-js refuses it, and nothing runs', async () => {
    const mutation = `mutation M { createPartner(input: { id: "${f.prefix}named", name: "Named", types: [RESELLER] }) { partner { id } } }`;
    const cases: [string, string][] = [
      [mutation, 'X'],
      [`query A { health { database } }`, 'X'],
      [`query A { health { database } } query B { health { database } }`, 'C'],
    ];
    for (const [query, operationName] of cases) {
      const expected = await ask(plain, query, {}, ADMIN, operationName);
      expect(expected.status).toBe(400);
      expect(expected.text).toContain('OPERATION_RESOLUTION_FAILURE');
      expect(await ask(jit, query, {}, ADMIN, operationName)).toEqual(expected);
    }
    expect(await ask(plain, `query($id: ID!) { partner(id: $id) { id } }`, { id: `${f.prefix}named` }, ADMIN)).toEqual({
      status: 200,
      text: JSON.stringify({ data: { partner: null } }),
    });
  });

  it('graphql-jit answered the queries without an error from their second request; graphql-js the first, those with an error, and every mutation', async () => {
    const query = `query JitCounts($id: ID!) { partner(id: $id) { id name } }`;
    const before = { ...executorCounts(jit)! };
    const first = await ask(jit, query, { id: f.p }, ADMIN);
    expect(first.text).toContain(f.p);
    const afterFirst = { ...executorCounts(jit)! };
    expect(afterFirst.graphqlJs).toBe(before.graphqlJs + 1);
    expect(afterFirst.jit).toBe(before.jit);
    for (let k = 1; k <= 2; k++) expect(await ask(jit, query, { id: f.p }, ADMIN)).toEqual(first);
    const afterOk = { ...executorCounts(jit)! };
    expect(afterOk.jit).toBe(before.jit + 2);
    expect(afterOk.graphqlJs).toBe(afterFirst.graphqlJs);

    const refusedQuery = `{ partners(first: -1) { totalCount } }`;
    await ask(jit, refusedQuery, {}, ADMIN);
    const afterRefusedFirst = { ...executorCounts(jit)! };
    expect(afterRefusedFirst.graphqlJs).toBe(afterOk.graphqlJs + 1);
    const refused = await ask(jit, refusedQuery, {}, ADMIN);
    expect(refused.text).toContain('BAD_USER_INPUT');
    const afterRefused = { ...executorCounts(jit)! };
    expect(afterRefused.retried).toBe(afterRefusedFirst.retried + 1);
    expect(afterRefused.graphqlJs).toBe(afterRefusedFirst.graphqlJs + 1);

    // A mutation runs on graphql-js only, once (its refusal is data, a payload's errors: not retried).
    const input = {
      id: `${f.prefix}jit-deal`,
      name: 'Jit deal',
      customerId: f.customers[0],
      amount: '10.00',
      currency: 'USD',
      participants: [],
    };
    const answered = await ask(
      jit,
      `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { code } } }`,
      { input },
      ADMIN,
    );
    expect(answered.text).toContain('"registerDeal":{');
    const afterMutation = executorCounts(jit)!;
    expect(afterMutation.retried).toBe(afterRefused.retried);
    expect(afterMutation.graphqlJs).toBe(afterRefused.graphqlJs + 1);
    expect(afterMutation.jit).toBe(afterRefused.jit);
    expect(executorCounts(plain)).toBeUndefined();
  });
});
