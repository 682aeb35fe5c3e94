// The schema as a client sees it (through an introspection query), and values of the right type
// for its arguments, for the tests that walk or fuzz every field.
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import type { Viewer } from '../../src/context.js';
import type { CypherExecutor } from '../../src/db/executor.js';
import { expectData } from './api.js';

export async function introspectSchema(db: CypherExecutor, viewer: Viewer): Promise<GraphQLSchema> {
  const { data } = await expectData<IntrospectionQuery>(db, getIntrospectionQuery(), {}, viewer);
  return buildClientSchema(data);
}
