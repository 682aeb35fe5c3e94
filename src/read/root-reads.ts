// The root fields read as one statement each (src/read/compile.ts): a page of partners in id order (with the filter's
// conditions only, so a tier filter can start from the tier index, and the total in the same statement), a partner by
// id and a page of customers. Each returns null when the request is not one it compiles (another order, backward
// paging, a selection it does not know); the root resolver then answers as before (resolvers/Read.ts).
// What these functions splice into a statement's text is never a value a client sent: the conditions are lines of
// cypher/read/partner-filter.cypher, chosen by which parameters are set; the projections come from src/read/compile.ts,
// built only from the fixed per-field keys and parts in cypher/read/ and generated slot names (l0, l0n, ...), with
// aliases kept on the JavaScript side. Every value (ids, filters, cursors, limits) is a parameter.
import {
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { CypherExecutor } from '../db/executor.js';
import { pageRequest, toConnection } from '../model/pagination.js';
import type { Connection, CustomerRow, PartnerRow } from '../model/rows.js';
import { keysetPage, keysetParams, keysetRequest, type PageArgs } from '../relay/keyset.js';
import type { OrderInput } from '../relay/ordered-pages.js';
import { partnerFilterParams, type PartnerFilterInput, type PartnerOrderField } from '../relay/partner-pages.js';
import { customerFilterParams, type CustomerFilter } from '../customers/customer-service.js';
import { attachLists, compileProjection, readPart, readsLists } from './compile.js';
import { selectedFields, type SelectedField } from './selection.js';

const objectType = (info: GraphQLResolveInfo): GraphQLObjectType | null => {
  let type = info.returnType;
  while ('ofType' in type) type = type.ofType;
  return isObjectType(type) ? type : null;
};

/** Compiled selections remembered per operation; a document asked with many different variables keeps the latest. */
const COMPILED_PER_OPERATION = 64;
const compiledSelections = new WeakMap<OperationDefinitionNode, Map<string, unknown>>();
const variablesBelowField = new WeakMap<FieldNode, string[]>();

/** The variables used in the selection sets of the field nodes (fragments followed): all a compiled selection reads. */
function variablesBelow(info: GraphQLResolveInfo): string[] {
  const first = info.fieldNodes[0]!;
  let names = info.fieldNodes.length === 1 ? variablesBelowField.get(first) : undefined;
  if (names) return names;
  const found = new Set<string>();
  const spread = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      for (const d of s.directives ?? []) for (const a of d.arguments ?? []) valueVariables(a.value, found);
      if (s.kind === Kind.FIELD) {
        for (const a of s.arguments ?? []) valueVariables(a.value, found);
        walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!spread.has(s.name.value)) {
        spread.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  names = [...found].sort();
  if (info.fieldNodes.length === 1) variablesBelowField.set(first, names);
  return names;
}

function valueVariables(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const v of value.values) valueVariables(v, into);
  else if (value.kind === Kind.OBJECT) for (const f of value.fields) valueVariables(f.value, into);
}

/**
 * What `build` compiles from a root field's selection, remembered: the same document (Apollo's document store hands
 * every request of the same text the same parsed one), the same field nodes and the same values of the variables used
 * below the field give the same selection, so the same projection; the root field's own arguments (an id, a filter,
 * a cursor) are not read by `build`. A field without source locations is compiled afresh.
 */
function remembered<T>(info: GraphQLResolveInfo, what: string, build: () => T): T {
  const starts = info.fieldNodes.map((n) => n.loc?.start);
  if (starts.some((s) => s === undefined)) return build();
  const values = info.variableValues;
  const key = JSON.stringify([what, starts, variablesBelow(info).map((n) => (n in values ? [n, values[n]] : [n]))]);
  let known = compiledSelections.get(info.operation);
  if (!known) compiledSelections.set(info.operation, (known = new Map()));
  if (known.has(key)) return known.get(key) as T;
  const built = build();
  if (known.size >= COMPILED_PER_OPERATION) known.clear();
  known.set(key, built);
  return built;
}

/** The fields selected on the nodes of a connection (`edges { node { ... } }`), or null when it asks for more. */
function connectionNodes(info: GraphQLResolveInfo): { nodes: SelectedField[]; totalCount: boolean } | null {
  const type = objectType(info);
  if (!type) return null;
  const top = selectedFields(info, type, info.fieldNodes);
  if (top.some((f) => !['edges', 'pageInfo', 'totalCount', '__typename'].includes(f.name))) return null;
  const edges = top.filter((f) => f.name === 'edges');
  if (edges.length !== 1 || !edges[0]!.type) return null;
  const inEdge = selectedFields(info, edges[0]!.type, edges[0]!.nodes);
  if (inEdge.some((f) => !['node', 'cursor', '__typename'].includes(f.name))) return null;
  const node = inEdge.filter((f) => f.name === 'node');
  if (node.length !== 1 || !node[0]!.type) return null;
  return { nodes: selectedFields(info, node[0]!.type, node[0]!.nodes), totalCount: top.some((f) => f.name === 'totalCount') };
}

const conditionsOf = new WeakMap<CypherExecutor['library'], Map<string, string>>();

/** The filter's conditions (cypher/read/partner-filter.cypher), one line per parameter; read once per library. */
function partnerConditions(db: CypherExecutor): Map<string, string> {
  let conditions = conditionsOf.get(db.library);
  if (conditions) return conditions;
  const body = readPart(db.library, 'read/partner-filter').body;
  conditions = new Map(
    body.split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
  conditionsOf.set(db.library, conditions);
  return conditions;
}

/**
 * A filtered page: the matches found once (from an index when a condition has one: the tier, the stage), sorted, counted
 * and cut after the cursor: PROFILE of region + tier on medium, 427 db hits, where a count and an id-ordered page
 * each reading the partners took 4,401 (BENCHMARKS.md, "Read speed"). One row with a null node when the page is empty.
 */
function filteredPage(db: CypherExecutor, conditions: string[], projection: string): string {
  // Spliced: `conditions` are lines of cypher/read/partner-filter.cypher, `projection` is compile.ts's text from the
  // parts in cypher/read/ (header comment); neither holds a client's value, which are all parameters ($afterId, ...).
  return [
    readPart(db.library, 'read/partners-count').body,
    `WHERE ${conditions.join('\n  AND ')}`,
    'WITH p ORDER BY p.id',
    'WITH collect(p) AS matched',
    "WITH size(matched) AS total, [x IN matched WHERE x.id > coalesce($afterId, '')][0..$limit] AS page",
    'UNWIND CASE page WHEN [] THEN [null] ELSE page END AS p',
    `RETURN total, ${projection} AS node, p.id AS sortKey`,
  ].join('\n');
}

/** An unfiltered page, read from the id index in order; the total, when asked, from Neo4j's count store. */
function unfilteredPage(db: CypherExecutor, totalCount: boolean, projection: string): string {
  // Spliced: `projection` only, compile.ts's text from the parts in cypher/read/ (header comment); values are parameters.
  const page = db.library.expand(readPart(db.library, 'read/partners-page').body, 'cypher/read/partners-page.cypher');
  return totalCount
    ? [
        'CALL () {',
        readPart(db.library, 'read/partners-count').body,
        'RETURN count(p) AS total',
        '}',
        'OPTIONAL CALL () {',
        page,
        'WITH p ORDER BY p.id LIMIT $limit',
        'RETURN p',
        '}',
        `RETURN total, ${projection} AS node, p.id AS sortKey`,
        'ORDER BY sortKey',
      ].join('\n')
    : [page, 'WITH p ORDER BY p.id LIMIT $limit', `RETURN ${projection} AS node, p.id AS sortKey`, 'ORDER BY sortKey'].join('\n');
}

/**
 * Query.partners in the default order (id ascending, forward): one statement for the page with its nested lists and,
 * when asked, the total. Filter errors are BadInputError at their path, as listPartnersOrdered's.
 */
export async function readPartnersPage(
  db: CypherExecutor,
  info: GraphQLResolveInfo,
  args: { filter?: PartnerFilterInput; orderBy?: OrderInput<PartnerOrderField> | null } & PageArgs,
): Promise<Connection<PartnerRow> | null> {
  // The default order forward; any other argument (an order, backward paging, one added later) goes to the resolver.
  const known = ['filter', 'first', 'after', 'orderBy'];
  if (Object.entries(args).some(([k, v]) => !known.includes(k) && v != null)) return null;
  if (args.orderBy && (args.orderBy.field !== 'ID' || args.orderBy.direction === 'DESC')) return null;
  const compiled = remembered(info, 'partners', () => {
    const selection = connectionNodes(info);
    if (!selection) return null;
    return {
      totalCount: selection.totalCount,
      projection: compileProjection(db.library, info, 'Partner', 'p', selection.nodes),
      /** The statement per set of conditions (which filter parameters are given). */
      texts: new Map<string, string>(),
    };
  });
  if (!compiled) return null;
  const { projection } = compiled;
  const params = partnerFilterParams(args.filter);
  const request = keysetRequest('PARTNER:ID', false, { first: args.first, after: args.after });
  const conditions = [...partnerConditions(db)].filter(([key]) => params[key] != null);
  const conditionsKey = conditions.map(([key]) => key).join(',');
  let text = compiled.texts.get(conditionsKey);
  if (text === undefined) {
    text =
      conditions.length > 0
        ? filteredPage(
            db,
            conditions.map(([, condition]) => condition),
            projection.text,
          )
        : unfilteredPage(db, compiled.totalCount, projection.text);
    compiled.texts.set(conditionsKey, text);
  }
  const rows = await db.readText<{ node: PartnerRow | null; sortKey: string; total?: number }>('read/partners-page', text, {
    ...params,
    ...keysetParams(request),
    ...projection.params,
  });
  const found = rows.filter((r) => r.node !== null).map((r) => ({ node: attachLists(r.node!, projection.plan), sortKey: r.sortKey }));
  const page_ = keysetPage('PARTNER:ID', request, found, (r) => ({ key: r.sortKey, id: r.node.id }));
  const total = rows[0]?.total;
  return {
    edges: page_.edges.map((e) => ({ cursor: e.cursor, node: e.node.node })),
    pageInfo: page_.pageInfo,
    // Asked without a filter, the total came with the page; otherwise (never asked here) the filter count file.
    totalCount: () =>
      total !== undefined
        ? Promise.resolve(total)
        : db.read<{ count: number }>('relay/count-partners-filtered', params).then((r) => r[0]?.count ?? 0),
  };
}

/** Query.partner: the partner with its nested lists in one statement; null (not compiled) when it asks for no list. */
export async function readPartner(db: CypherExecutor, info: GraphQLResolveInfo, id: string): Promise<{ row: PartnerRow | null } | null> {
  const compiled = remembered(info, 'partner', () => {
    const type = objectType(info);
    if (!type) return null;
    const projection = compileProjection(db.library, info, 'Partner', 'p', selectedFields(info, type, info.fieldNodes));
    if (!readsLists(projection)) return null;
    // Spliced: compile.ts's projection text from the parts in cypher/read/ (header comment); the id is $id.
    return { projection, text: [readPart(db.library, 'read/partner-by-id').body, `RETURN ${projection.text} AS node`].join('\n') };
  });
  if (!compiled) return null;
  const { projection, text } = compiled;
  const rows = await db.readText<{ node: PartnerRow }>('read/partner-by-id', text, { id, ...projection.params });
  return { row: rows[0] ? attachLists(rows[0].node, projection.plan) : null };
}

/** Query.customers with nested lists: one statement for the page and its lists; null when it asks for no list. */
export async function readCustomersPage(
  db: CypherExecutor,
  info: GraphQLResolveInfo,
  args: { filter?: CustomerFilter | null; first?: number | null; after?: string | null },
): Promise<Connection<CustomerRow> | null> {
  const compiled = remembered(info, 'customers', () => {
    const selection = connectionNodes(info);
    if (!selection) return null;
    const projection = compileProjection(db.library, info, 'Customer', 'c', selection.nodes);
    if (!readsLists(projection)) return null;
    const matched = db.library.expand(readPart(db.library, 'read/customers-page').body, 'cypher/read/customers-page.cypher');
    const text = [matched, 'WITH c ORDER BY c.id LIMIT $limit', `RETURN ${projection.text} AS node`, 'ORDER BY node.id'].join('\n');
    return { projection, text };
  });
  if (!compiled) return null;
  const { projection, text } = compiled;
  const request = pageRequest(args.first, args.after);
  const params = customerFilterParams(args.filter);
  const rows = await db.readText<{ node: CustomerRow }>('read/customers-page', text, {
    ...params,
    after: request.after,
    limit: request.limit,
    ...projection.params,
  });
  return toConnection(
    rows.map((r) => attachLists(r.node, projection.plan)),
    request,
    async () => (await db.read<{ count: number }>('customers/count-customers', params))[0]?.count ?? 0,
  );
}
