// What one request may cost. graphql-armor limits depth, aliases, tokens and directives and
// hides field suggestions in production; the cost rule below counts every object a request may
// fetch, multiplied through lists by the page sizes execution will use, plus the work of the
// expensive fields (README, "Limits"), in time linear in the document.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  Kind,
  visit,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { RequestLimits } from '../config.js';
import { MAX_PAGE_SIZE } from '../model/pagination.js';

/** The page a connection with `last` reads when neither `first` nor `last` is given (src/relay/keyset.ts). */
const CONNECTION_PAGE_SIZE = 20;

/** Lists without a `first` argument (or a length given by their parent) are assumed to hold this many items. */
const UNPAGED_LIST_SIZE = 10;

export function armorProtection(
  limits: RequestLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    // Depth and aliases are document-wide limits: armor's errors name no field (only our own rules below carry a path).
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

/** A response path: the aliases or field names from the root (GraphQL's `path`). */
type ResponsePath = string[];

/**
 * A refusal before execution, HTTP 400 with `code`; `path` is the response path of the offending field and
 * `argument` (for a bad argument) goes to `extensions.path`, as a resolver's BadInputError carries them.
 */
class LimitError extends GraphQLError {
  constructor(message: string, code: string, path: ResponsePath, argument?: string[]) {
    super(message, { path, extensions: { code, http: { status: 400 }, ...(argument ? { path: argument } : {}) } });
  }
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** Arguments as execution sees them (coerced variables, their defaults, the schema's defaults). */
type Args = { input?: { limit?: unknown; timeBudgetMs?: unknown } | null; first?: unknown } & Record<string, unknown>;

/** The page a connection reads (pageDirection in src/relay/keyset.ts): `last` or CONNECTION_PAGE_SIZE backward, else `first` or its default. */
function pageSizeRead(a: Args, firstDefault: number): unknown {
  if (a.last != null || a.before != null) return a.last ?? CONNECTION_PAGE_SIZE;
  return a.first ?? firstDefault;
}

/** A number argument, or the default when it is absent or null (as the resolvers read it), within [min, max]. */
function num(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.min(Math.max(n, min), max);
}

/**
 * The work of the fields that do more than fetch what they return, in objects fetched, and the
 * length of the lists they return (`items`, for their list fields without `first`). Values out of
 * range are clamped: the resolver refuses them with BAD_USER_INPUT before doing any work.
 */
export const FIELD_WORK: Readonly<Record<string, (args: Args) => { work: number; items?: number }>> = {
  // One statement over up to `limit` nodes (1 to 2000) and the relationships between them.
  'Query.ecosystemMap': (a) => {
    const limit = num(a.input?.limit, 200, 1, 2000);
    return { work: 2 * limit, items: limit };
  },
  // The same drawing, then again after changes (issue 15: the same limits as the query).
  'Subscription.ecosystemMapChanged': (a) => {
    const limit = num(a.input?.limit, 200, 1, 2000);
    return { work: 2 * limit, items: limit };
  },
  // Branch and bound for up to timeBudgetMs (100 to 10000), one per millisecond; `limit` proposals (1 to 20).
  'Query.assembleSolution': (a) => ({ work: num(a.input?.timeBudgetMs, 2000, 100, 10_000), items: num(a.input?.limit, 5, 1, 20) }),
  // Demand against supply for every capability.
  'Query.gapAnalysis': () => ({ work: 500 }),
  // Every partner holding a capability the partner lacks is a candidate.
  'Query.partnerMatches': () => ({ work: 500 }),
  // Every partner with an account at the deal's customer, and their past deals.
  'Query.coSellRecommendations': () => ({ work: 500 }),
  // Every deal created in the period.
  'Query.ecosystemHealth': () => ({ work: 500 }),
  // Every customer of the partner, checked for another account.
  'Query.partnerImpact': () => ({ work: 200 }),
  // The customers of both partners.
  'Query.accountOverlap': () => ({ work: 100 }),
  // The partner's deals closed in the period.
  'Query.partnerRevenue': () => ({ work: 100 }),
  // The partner's capabilities and its deals closed in the trailing 12 months.
  'Query.tierEvaluation': () => ({ work: 100 }),
  // Every enrolled partner's facts, evaluated; `first` mismatches (0 to 100; a page of 0 costs as 1).
  'Query.tierMismatches': (a) => ({ work: 500, items: num(pageSizeRead(a, 100), 100, 1, 100) }),
  // Every program and enrolment, compared within their partner type and region; `first` conflicts (0 to 100; a page of 0 costs as 1).
  'Query.programConflicts': (a) => ({ work: 500, items: num(pageSizeRead(a, 100), 100, 1, 100) }),
};

/** The cost of a selection set on one parent: `fixed + items * perItem`, items being the length of its lists without `first`. */
interface SetCost {
  fixed: number;
  perItem: number;
}

const NOTHING: SetCost = { fixed: 0, perItem: 0 };

class CostEstimator {
  /** Fields looked at: each fragment is costed once, so this is linear in the document. */
  fieldVisits = 0;
  /** The response path of the field being costed (a fragment is costed where it is first spread). */
  private readonly path: ResponsePath = [];
  private readonly fragmentCosts = new Map<string, SetCost | 'in progress'>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** The cost of a set whose lists without `first` hold `items` each (UNPAGED_LIST_SIZE when not known). */
  total(parent: GraphQLCompositeType, set: SelectionSetNode, items: number | undefined): number {
    const c = this.setCost(parent, set, new Set());
    return c.fixed + (items ?? UNPAGED_LIST_SIZE) * c.perItem;
  }

  /**
   * The response key of the root field that costs the most (its cost times nothing: a root set runs once), summing
   * the fields execution merges under one key; fragments at the root are looked through.
   */
  costliestRootField(root: GraphQLCompositeType, set: SelectionSetNode): string | undefined {
    const costs = new Map<string, number>();
    const visit = (parent: GraphQLCompositeType, s: SelectionSetNode, spread: Set<string>) => {
      for (const sel of s.selections) {
        if (!this.included(sel)) continue;
        if (sel.kind === Kind.FIELD) {
          const c = this.fieldCost(parent, sel);
          const key = responseKey(sel);
          costs.set(key, (costs.get(key) ?? 0) + c.fixed + UNPAGED_LIST_SIZE * c.perItem);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const type = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : parent;
          if (type && isCompositeType(type)) visit(type, sel.selectionSet, spread);
        } else if (!spread.has(sel.name.value)) {
          spread.add(sel.name.value);
          const fragment = this.fragments.get(sel.name.value);
          const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
          if (fragment && type && isCompositeType(type)) visit(type, fragment.selectionSet, spread);
        }
      }
    };
    visit(root, set, new Set());
    let best: string | undefined;
    for (const [key, cost] of costs) if (best === undefined || cost > costs.get(best)!) best = key;
    return best;
  }

  private included(node: FieldNode | FragmentSpreadNode | InlineFragmentNode): boolean {
    if (!node.directives?.length) return true;
    if (getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false;
  }

  /** As in graphql-js's collectFields, a fragment spread twice into one selection set runs once. */
  private setCost(parent: GraphQLCompositeType, set: SelectionSetNode, spread: Set<string>): SetCost {
    const cost: SetCost = { fixed: 0, perItem: 0 };
    const add = (c: SetCost) => {
      cost.fixed += c.fixed;
      cost.perItem += c.perItem;
    };
    for (const sel of set.selections) {
      if (!this.included(sel)) continue;
      if (sel.kind === Kind.FIELD) {
        this.fieldVisits += 1;
        this.path.push(responseKey(sel));
        add(this.fieldCost(parent, sel));
        this.path.pop();
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) add(this.setCost(type, sel.selectionSet, spread));
      } else if (!spread.has(sel.name.value)) {
        spread.add(sel.name.value);
        add(this.fragmentCost(sel.name.value));
      }
    }
    return cost;
  }

  /** Each fragment is costed once; a cycle (invalid GraphQL, refused by validation) adds nothing. */
  private fragmentCost(name: string): SetCost {
    const known = this.fragmentCosts.get(name);
    if (known === 'in progress') return NOTHING;
    if (known) return known;
    const fragment = this.fragments.get(name);
    const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type)) return NOTHING;
    this.fragmentCosts.set(name, 'in progress');
    const cost = this.setCost(type, fragment.selectionSet, new Set([name]));
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private fieldCost(parent: GraphQLCompositeType, sel: FieldNode): SetCost {
    const def: GraphQLField<unknown, unknown> | undefined = 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
    if (!def) return NOTHING;
    const args = this.argumentValues(def, sel);
    const firstDef = def.args.find((a) => a.name === 'first');
    const lastDef = def.args.find((a) => a.name === 'last');
    // Explicit null is the default, as the resolvers read it.
    const first: unknown = firstDef ? (args.first ?? firstDef.defaultValue) : undefined;
    if (typeof first === 'number' && first > MAX_PAGE_SIZE) {
      throw new LimitError(
        `first is at most ${MAX_PAGE_SIZE} on every list (got ${first} on ${sel.name.value})`,
        'BAD_USER_INPUT',
        [...this.path],
        ['first'],
      );
    }
    // A connection read backward (`last` or `before` given) holds `last` items (the resolver refuses more than
    // MAX_PAGE_SIZE, at `last`), or CONNECTION_PAGE_SIZE without `last`, whatever `first` says: a root connection's
    // `first` has a default, which a backward page leaves out (pageArgs in src/relay/ordered-pages.ts), so
    // `first: 1, before: X` reads 20 and costs 20. One with last/before and no default for `first` holds
    // CONNECTION_PAGE_SIZE when neither is given (src/relay/keyset.ts).
    const last = lastDef && typeof args.last === 'number' ? Math.min(args.last, MAX_PAGE_SIZE) : undefined;
    const readBackward = last !== undefined || args.before != null || first == null;
    const backward = firstDef && lastDef && readBackward ? (last ?? CONNECTION_PAGE_SIZE) : undefined;
    const size = backward ?? (typeof first === 'number' ? first : undefined);
    const pageSize = size !== undefined ? Math.max(size, 1) : undefined;
    const list = isListType(getNullableType(def.type));
    const extra = FIELD_WORK[`${parent.name}.${def.name}`]?.(args);
    // A connection's `first` is the length of its lists (edges, nodes); a list's `first` is its own.
    const childItems = extra?.items ?? (list ? undefined : pageSize);
    const named = getNamedType(def.type);
    const child = sel.selectionSet && isCompositeType(named) ? this.total(named, sel.selectionSet, childItems) : 0;
    // The field's work is done once; each object it returns counts 1 with what is selected in it.
    const work = extra?.work ?? 0;
    const each = sel.selectionSet ? 1 + child : 0;
    if (!list) return { fixed: work + each, perItem: 0 };
    return pageSize !== undefined ? { fixed: work + pageSize * each, perItem: 0 } : { fixed: work, perItem: each };
  }

  private argumentValues(def: GraphQLField<unknown, unknown>, node: FieldNode): Args {
    if (def.args.length === 0) return {};
    try {
      return getArgumentValues(def, node, this.variables);
    } catch {
      // Execution refuses the same value with its own error; cost the defaults meanwhile.
      return {};
    }
  }
}

export interface CostEstimate {
  cost: number;
  /** Fields looked at (linear in the document). */
  fieldVisits: number;
  /** The variables did not coerce: cost 0, execution refuses them. */
  uncoerced?: true;
}

/**
 * The estimated cost of an operation: every object a request may fetch counts 1, multiplied
 * through lists by the page size execution will use (`first` as a literal, a variable, a
 * variable's default, the argument's default, or null meaning the default; a connection's `first`
 * for its edges; 10 for other lists), plus FIELD_WORK for the expensive fields; @skip and @include
 * are honoured. Each fragment is costed once, so the time is linear in the document. Throws a
 * BAD_USER_INPUT GraphQLError when a `first` is over MAX_PAGE_SIZE. Variables that do not coerce
 * cost 0 here: execution refuses them.
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): CostEstimate {
  const found = operationToCost(schema, document, operationName, variables);
  if (!found) return { cost: 0, fieldVisits: 0 };
  if (!found.estimator) return { cost: 0, fieldVisits: 0, uncoerced: true };
  const { estimator, root, operation } = found;
  return { cost: estimator.total(root, operation.selectionSet, undefined), fieldVisits: estimator.fieldVisits };
}

/**
 * The operation named (or the only one), its root type and an estimator over the coerced variables (null when they do
 * not coerce); null when the document has no such operation or the schema no such root.
 */
function operationToCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): { operation: OperationDefinitionNode; root: GraphQLObjectType; estimator: CostEstimator | null } | null {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  if (!operation) return null;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  return { operation, root, estimator: coerced.errors ? null : new CostEstimator(schema, fragments, coerced.coerced) };
}

/** The estimated cost of an operation (see estimateOperationCost). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): number {
  return estimateOperationCost(schema, document, operationName, variables).cost;
}

/**
 * The QUERY_TOO_COMPLEX refusal (HTTP 400) of an operation costing `cost` (operationCost) over `maxCost`: its `path`
 * is the response key of the root field that costs the most.
 */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  cost: number,
  maxCost: number,
): GraphQLError {
  const message = `Query cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages or fewer nested lists`;
  const found = operationToCost(schema, document, operationName, variables);
  const key = found?.estimator?.costliestRootField(found.root, found.operation.selectionSet);
  return new LimitError(message, 'QUERY_TOO_COMPLEX', key === undefined ? [] : [key]);
}

/** Costs remembered per variables for one document: a document asked with many different variables keeps the latest. */
const COSTS_PER_DOCUMENT = 64;

/** The root fields of FIELD_WORK by name, whatever their type (a superset is only a larger key). */
const WORK_FIELD_NAMES = new Set(Object.keys(FIELD_WORK).map((k) => k.slice(k.indexOf('.') + 1)));

/**
 * The variables the cost can depend on: those in any argument of a field given `first` or `last` or of a FIELD_WORK
 * field, or in a directive (@skip, @include). Every other variable (an id, a filter, a search text) only reaches
 * execution: the estimator reads no other argument. Sorted names.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Variable(node, _key, parent, _path, ancestors) {
      // `ancestors` stops before the parent.
      const chain = [...ancestors, parent] as (ASTNode | readonly ASTNode[] | undefined)[];
      let argument: ArgumentNode | undefined;
      for (let i = chain.length - 1; i >= 0; i--) {
        const a = chain[i];
        if (!a || Array.isArray(a) || !('kind' in a)) continue;
        if (a.kind === Kind.VARIABLE_DEFINITION) return;
        if (a.kind === Kind.ARGUMENT) argument = a;
        else if (a.kind === Kind.DIRECTIVE) {
          names.add(node.name.value);
          return;
        } else if (a.kind === Kind.FIELD) {
          // Every argument of a field that reads `first` or `last` or does work: one that does not coerce leaves the
          // estimator with the defaults of them all.
          const paged = a.arguments?.some((arg) => arg.name.value === 'first' || arg.name.value === 'last');
          if (argument && (paged || WORK_FIELD_NAMES.has(a.name.value))) names.add(node.name.value);
          return;
        }
      }
      // Anywhere else (not reachable in a valid document): counted, to be safe.
      names.add(node.name.value);
    },
  });
  return [...names].sort();
}

/**
 * Refuses an operation whose cost (operationCost) is over maxCost with QUERY_TOO_COMPLEX. The cost is remembered per
 * document, operation name and the values of the variables it depends on (costVariables): Apollo hands every request
 * of the same text the same parsed and validated document (its document store), so a query asked again with another
 * id costs a map look-up. A remembered cost over the limit is computed afresh before refusing (variables that do not
 * coerce cost 0 and leave the refusal to execution, as before).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  const remembered = new WeakMap<DocumentNode, { names: string[]; costs: Map<string, number> }>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ) => {
    let entry = remembered.get(document);
    if (!entry) remembered.set(document, (entry = { names: costVariables(document), costs: new Map() }));
    // Absent and null differ (a variable's default against the argument's), so only given names enter the key.
    const key = JSON.stringify([operationName ?? null, entry.names.filter((n) => n in variables).map((n) => [n, variables[n]])]);
    const known = entry.costs.get(key);
    if (known !== undefined && known <= maxCost) return known;
    // An error (a `first` over the maximum) is thrown every time, not remembered; nor is the 0 of variables that do
    // not coerce (another value of a variable outside the key may).
    const { cost, uncoerced } = estimateOperationCost(schema, document, operationName, variables);
    if (uncoerced) return cost;
    if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
    entry.costs.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const variables = request.variables ?? {};
          const cost = costOf(schema, document, operationName, variables);
          if (cost > maxCost) throw costLimitError(schema, document, operationName, variables, cost, maxCost);
        },
      };
    },
  };
}
