// Two Apollo servers over the tests' Neo4j, one per executor (src/http/execute.ts: GRAPHQL_EXECUTOR=jit and
// graphql-js), with the scope fixture written before the file's tests and removed after them; `ask` gives an answer as
// the text a client reads (the order of its fields included), without stack traces.
import { afterAll, beforeAll } from 'vitest';
import { createRequestContext, type Viewer } from '../../src/context.js';
import { silentLogger } from '../../src/logger.js';
import { DEFAULT_LIMITS, createApollo } from '../../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './db.js';
import { buildScopeFixture, writeScopeFixture } from './scope-fixture.js';

export function useExecutorPair(name: string) {
  const db = testExecutor();
  const f = buildScopeFixture(uniquePrefix(name));
  const jit = createApollo(false, DEFAULT_LIMITS, silentLogger, [], 'jit');
  const plain = createApollo(false, DEFAULT_LIMITS, silentLogger, [], 'graphql-js');
  beforeAll(async () => {
    await Promise.all([jit.start(), plain.start()]);
    await writeScopeFixture(db, f);
  });
  afterAll(async () => {
    await removeByPrefix(db, f.prefix);
    await Promise.all([jit.stop(), plain.stop()]);
  });
  async function ask(apollo: typeof jit, query: string, variables: Record<string, unknown>, viewer: Viewer, operationName?: string) {
    const response = await apollo.executeOperation(
      { query, variables, operationName },
      { contextValue: createRequestContext(db, viewer, 'test') },
    );
    if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
    const { data, errors } = response.body.singleResult;
    const withoutStacks = errors?.map((e) => ({ ...e, extensions: { ...e.extensions, stacktrace: undefined } }));
    // The text, not a deep equality: the order of fields in the answer is part of what a client gets.
    return { status: response.http.status ?? 200, text: JSON.stringify({ data, errors: withoutStacks }) };
  }
  return { db, f, jit, plain, ask };
}
