// A compiled root field's statement is remembered per document, field and the values of the variables used below the
// field (src/read/root-reads.ts): the same document asked again with other values below the field (a directive, a
// nested page size, an argument that sends a list to its loader) or another filter must answer as the resolvers do
// (the oracle: the same request with compiledReads off), in any order and repeated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext, type Viewer } from '../src/context.js';
import { createApollo } from '../src/server.js';
import { ADMIN } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { buildScopeFixture, writeScopeFixture } from './support/scope-fixture.js';

const db = testExecutor();
const f = buildScopeFixture(uniquePrefix('compiledcache'));
const apollo = createApollo(false);

beforeAll(async () => {
  await apollo.start();
  await writeScopeFixture(db, f);
});
afterAll(async () => {
  await removeByPrefix(db, f.prefix);
  await apollo.stop();
});

async function run(query: string, variables: Record<string, unknown>, viewer: Viewer, compiledReads: boolean) {
  const context = createRequestContext(db, viewer, 'test');
  context.compiledReads = compiledReads;
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
  const { data, errors } = response.body.singleResult;
  const withoutStacks = errors?.map((e) => ({ ...e, extensions: { ...e.extensions, stacktrace: undefined } }));
  return {
    body: JSON.parse(JSON.stringify({ data, errors: withoutStacks })) as { data: any; errors?: any[] },
    roundTrips: context.stats.roundTrips,
  };
}

const PAGE = `query($f: PartnerFilter, $yes: Boolean!, $n: Int, $ended: Boolean) { partners(first: 10, filter: $f) { totalCount
  edges { node { id name tier @include(if: $yes)
    capabilities(includeEnded: $ended) { level capability { id name } }
    accountsConnection(first: $n) { totalCount edges { cursor node { status customer { id } } } } } } } }`;

const BY_ID = `query($id: ID!, $yes: Boolean!, $ended: Boolean) { partner(id: $id) { id name
  integrations @include(if: $yes) { id name } capabilities(includeEnded: $ended) { level capability { id } }
  deals { role deal { id participants { role partner { id } } } } } }`;

describe('compiled statements remembered per document and variables', () => {
  it('a page asked with other directives, nested page sizes, arguments and filters answers as the resolvers do', async () => {
    const filters = [{ nameContains: f.prefix }, { nameContains: f.prefix, tiers: ['GOLD'] }, { nameContains: f.prefix, region: 'EMEA' }];
    const requests: Record<string, unknown>[] = [];
    for (const fl of filters)
      for (const yes of [true, false])
        for (const n of [1, 3, null]) for (const ended of [false, true]) requests.push({ f: fl, yes, n, ended });
    const tripCounts = new Set<number>();
    // Twice over: the second pass finds what the first remembered.
    for (const variables of [...requests, ...requests]) {
      const plain = await run(PAGE, variables, ADMIN, false);
      const compiled = await run(PAGE, variables, ADMIN, true);
      expect(compiled.body, JSON.stringify(variables)).toEqual(plain.body);
      expect(plain.body.errors).toBeUndefined();
      tripCounts.add(compiled.roundTrips);
    }
    // Both the one-statement form and the loaders' (includeEnded) were taken, so the variables changed the statement.
    expect(tripCounts.has(1)).toBe(true);
    expect([...tripCounts].some((t) => t > 1)).toBe(true);
  });

  it('a partner by id asked for other partners and viewers with other directives answers as the resolvers do', async () => {
    const viewers: Viewer[] = [ADMIN, f.viewer];
    for (let pass = 0; pass < 2; pass++)
      for (const id of [f.p, f.q.full, f.q.none, `${f.prefix}nobody`])
        for (const yes of [true, false])
          for (const ended of [false, true])
            for (const viewer of viewers) {
              const variables = { id, yes, ended };
              const plain = await run(BY_ID, variables, viewer, false);
              const compiled = await run(BY_ID, variables, viewer, true);
              expect(compiled.body, JSON.stringify({ variables, viewer })).toEqual(plain.body);
            }
  });
});
