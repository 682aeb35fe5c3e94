// Runs GraphQL operations against the real schema and a real database, as a request would.
// On failure it prints the operation, the variables and the whole response.
import { expect } from 'vitest';
import { createRequestContext, type Viewer } from '../../src/context.js';
import type { CypherExecutor, ExecutionStats } from '../../src/db/executor.js';
import { createApollo } from '../../src/server.js';

const apollo = createApollo(false);
let started: Promise<void> | undefined;

export const ADMIN: Viewer = { role: 'ADMIN', subject: 'test-admin' };

export interface OperationResult<T> {
  data: T;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  stats: ExecutionStats;
}

/** Runs an operation; returns data, errors and the Cypher round-trips it made. */
export async function runOperation<T = Record<string, any>>(
  db: CypherExecutor,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = ADMIN,
): Promise<OperationResult<T>> {
  started ??= apollo.start();
  await started;
  const context = createRequestContext(db, viewer, 'test');
  const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
  const { data, errors } = response.body.singleResult;
  return { data: data as T, errors: errors as OperationResult<T>['errors'], stats: context.stats };
}

/** Runs an operation that must succeed without GraphQL errors. */
export async function expectData<T = Record<string, any>>(
  db: CypherExecutor,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer = ADMIN,
): Promise<OperationResult<T>> {
  const result = await runOperation<T>(db, query, variables, viewer);
  if (result.errors?.length) {
    const detail = JSON.stringify({ query, variables, response: { data: result.data, errors: result.errors } }, null, 2);
    expect.fail(`operation failed:\n${detail}`);
  }
  return result;
}
