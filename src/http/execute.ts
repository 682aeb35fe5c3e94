// How Apollo executes an operation (GRAPHQL_EXECUTOR=jit, the default): a query through graphql-jit, its document
// compiled once (on its second request) to JavaScript and run for every later request of the same text; a mutation,
// the first request of a document, and any query that graphql-jit cannot compile, that has an @skip/@include or that
// ends in an error, through graphql-js, so what a client sees on an error is graphql-js's answer. Why: graphql-js completes every field of the answer through its generic machinery, about 0.2 ms a request
// for a page of 50 partners on this project's hardware (BENCHMARKS.md, "graphql-jit").
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  BREAK,
  execute,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { RequestContext } from '../context.js';

/** Requests each executor answered, since the gateway was made (tests: the fast path is taken). */
export interface ExecutorCounts {
  /** Queries answered by graphql-jit. */
  jit: number;
  /**
   * Operations answered by graphql-js: mutations, documents graphql-jit cannot compile or that use @skip/@include,
   * queries with an error.
   */
  graphqlJs: number;
  /** Of those, queries graphql-jit ran first and that ended in an error (their answer is graphql-js's). */
  retried: number;
}

/** Apollo's gateway with the counts of which executor answered. */
export interface JitGateway extends GatewayInterface {
  counts: ExecutorCounts;
}

/** A compiled query, with the variables it must not run without (inputObjectFieldVariables). */
interface JitQuery {
  query: CompiledQuery;
  needs: string[];
}

/** `seen`: asked once so far, not compiled (a document is compiled on its second request). */
type Compiled = JitQuery | 'graphql-js' | 'seen';

/**
 * The variables used in an input object literal's fields (`{ depth: $d }`, at any nesting). When such a variable is
 * not given, graphql-js gives the input field its default (EcosystemMapInput.depth = 1) where graphql-jit gives null
 * (test/graphql-jit-probe.int.test.ts), so a request without one of them runs on graphql-js.
 */
function inputObjectFieldVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    ObjectField(node) {
      visit(node.value, {
        Variable(v) {
          names.add(v.name.value);
        },
      });
    },
  });
  return [...names];
}

/**
 * Whether the document has an @skip or @include anywhere. graphql-jit decides those at compile time in ways graphql-js
 * does not, and answers differently without an error (test/graphql-jit-probe.int.test.ts): a fragment spread under a
 * false condition hides the same fragment's later unconditional spread (graphql-js marks a fragment visited only when
 * it is included); a fragment's condition sticks to its field nodes, so the same fragment spread elsewhere without it
 * is hidden too; and a field skipped at its first occurrence keeps that position among the keys of the answer. So such
 * a document runs on graphql-js.
 */
function hasSkipOrInclude(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === GraphQLSkipDirective.name || node.name.value === GraphQLIncludeDirective.name) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * The executor of src/http/apollo.ts, given to Apollo as its "gateway": Apollo's one hook for another executor (no
 * federation is involved; Apollo still parses, validates, runs the plugins and formats errors).
 *
 * - Per document (Apollo's document store hands every request of the same text the same parsed document) and
 *   operation name, graphql-jit's compilation is kept (a WeakMap: it goes when Apollo's store lets the document go).
 *   A document is compiled on its second request, so the first runs on graphql-js and a one-off costs no compilation;
 *   a document graphql-jit refuses to compile, or one with an @skip or @include (hasSkipOrInclude), is remembered as
 *   such and runs on graphql-js; so does a request that leaves out a variable used in an input object's field
 *   (inputObjectFieldVariables).
 * - A query runs on graphql-jit only when its variables coerce by graphql-js's own rules (else graphql-js answers,
 *   with its error and the variable's path) and graphql-jit's answer has no error; an answer with an error is
 *   computed again by graphql-js, and that one is sent. A query reads only, so running it twice changes nothing.
 * - A mutation (and a subscription, which comes over graphql-ws, not here) always runs on graphql-js: once.
 */
export function jitGateway(schema: GraphQLSchema): JitGateway {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const counts: ExecutorCounts = { jit: 0, graphqlJs: 0, retried: 0 };

  const compile = (document: DocumentNode, operationName: string | undefined): JitQuery | 'graphql-js' => {
    let result: CompiledQuery | ExecutionResult;
    try {
      result = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    } catch {
      return 'graphql-js';
    }
    return isCompiledQuery(result) ? { query: result, needs: inputObjectFieldVariables(document) } : 'graphql-js';
  };

  const compiledFor = (document: DocumentNode, operationName: string | undefined): JitQuery | 'graphql-js' => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const entry = byName.get(key);
    if (entry === undefined) {
      // First sight: graphql-js answers, and the document is only remembered. A one-off document (values written into
      // the query's text instead of variables) so never pays graphql-jit's compilation, which costs more than running it
      // once on graphql-js; the operations a client sends again and again are compiled on their second request.
      byName.set(key, 'seen');
      return 'graphql-js';
    }
    if (entry !== 'seen') return entry;
    const decided = hasSkipOrInclude(document) ? 'graphql-js' : compile(document, operationName);
    byName.set(key, decided);
    return decided;
  };

  const graphqlJs = (
    document: DocumentNode,
    contextValue: RequestContext,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => {
    counts.graphqlJs += 1;
    return execute({ schema, document, contextValue, variableValues: variables, operationName }) as
      Promise<ExecutionResult> | ExecutionResult;
  };

  return {
    counts,
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return {
        schema,
        executor: async (requestContext) => {
          const { document } = requestContext;
          const operation = requestContext.operation as OperationDefinitionNode | undefined;
          const contextValue = requestContext.context as RequestContext;
          const variables = requestContext.request.variables as Record<string, unknown> | undefined;
          // The name the client sent, not the one Apollo resolved: when no operation has that name Apollo's is null, and
          // graphql-js given null would run the document's only operation (a mutation included) instead of refusing it.
          const operationName = requestContext.request.operationName ?? undefined;
          const viaGraphqlJs = () => graphqlJs(document, contextValue, variables, operationName);
          if (operation?.operation !== 'query') return viaGraphqlJs();
          const compiledQuery = compiledFor(document, operationName);
          if (compiledQuery === 'graphql-js' || compiledQuery.needs.some((name) => variables?.[name] === undefined)) return viaGraphqlJs();
          if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables ?? {}).errors) {
            return viaGraphqlJs();
          }
          const result = await compiledQuery.query.query(undefined, contextValue, variables);
          if (result.errors?.length) {
            counts.retried += 1;
            return viaGraphqlJs();
          }
          counts.jit += 1;
          return result;
        },
      };
    },
    async stop() {},
  };
}
