// What one request may cost. graphql-armor limits depth, aliases, tokens and directives and
// hides field suggestions in production; the cost rule below multiplies by `first` (with the
// request's variables), so `partners(first: 100) { accounts { ... } }` costs what it fetches.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { RequestLimits } from '../config.js';
import { MAX_PAGE_SIZE } from '../model/pagination.js';

/** Lists without a `first` argument are assumed to hold this many items. */
const UNPAGED_LIST_SIZE = 10;

export function armorProtection(limits: RequestLimits, production: boolean): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    // The token limit is a validation rule (token-limit.ts): armor's parses in a plugin hook, where
    // the limit and any syntax error became 500s.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    // The list-aware cost rule below replaces armor's static one.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor's types come from Apollo's CommonJS build; the objects are the same.
  return { plugins: plugins as unknown as ApolloServerPlugin[], validationRules };
}

class LimitError extends GraphQLError {
  constructor(message: string, code: string) {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function selectionCost(w: Walk, parent: GraphQLCompositeType, set: SelectionSetNode, seen: Set<string>): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (!isObjectType(parent) && !('getFields' in parent)) continue;
      const def = 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
      if (!def) continue;
      let multiplier = 1;
      const firstDef = def.args.find((a) => a.name === 'first');
      if (firstDef) {
        const node = sel.arguments?.find((a) => a.name.value === 'first');
        const value = node ? valueFromAST(node.value, firstDef.type, w.variables) : firstDef.defaultValue;
        const first = typeof value === 'number' ? value : 1;
        if (first > MAX_PAGE_SIZE) {
          throw new LimitError(`first is at most ${MAX_PAGE_SIZE} on every list (got ${first} on ${sel.name.value})`, 'BAD_USER_INPUT');
        }
        multiplier = Math.max(first, 1);
      } else if (sel.name.value === 'edges') {
        // A connection's edges are already counted by its `first`.
        multiplier = 1;
      } else if (isListType(getNullableType(def.type))) {
        multiplier = UNPAGED_LIST_SIZE;
      }
      const named = getNamedType(def.type);
      const child = sel.selectionSet && (isObjectType(named) || isAbstractType(named)) ? selectionCost(w, named as GraphQLCompositeType, sel.selectionSet, seen) : 0;
      total += sel.selectionSet ? 1 + multiplier * child : 0;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const type = sel.typeCondition ? (w.schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
      if (type) total += selectionCost(w, type, sel.selectionSet, seen);
    } else {
      const fragment = w.fragments.get(sel.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      const type = w.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
      if (type) total += selectionCost(w, type, fragment.selectionSet, new Set([...seen, fragment.name.value]));
    }
  }
  return total;
}

/** The estimated cost of an operation: each object fetched counts 1, multiplied through lists. */
export function operationCost(schema: GraphQLSchema, document: import('graphql').DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;
  return selectionCost({ schema, fragments, variables }, root, operation.selectionSet, new Set());
}

export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = operationCost(schema, document, operationName, request.variables ?? {});
          if (cost > maxCost) throw new LimitError(`Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested lists`, 'QUERY_TOO_COMPLEX');
        },
      };
    },
  };
}
