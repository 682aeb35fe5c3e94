// The root fields read as one statement each (src/read/compile.ts): a page of partners in id order (with the filter's
// conditions only, so a tier filter can start from the tier index, and the total in the same statement), a partner by
// id and a page of customers. Each returns null when the request is not one it compiles (another order, backward
// paging, a selection it does not know); the root resolver then answers as before (resolvers/Read.ts).
// What these functions splice into a statement's text is never a value a client sent: the conditions are lines of
// cypher/read/partner-filter.cypher, chosen by which parameters are set; the projections come from src/read/compile.ts,
// built only from the fixed per-field keys and parts in cypher/read/ and generated slot names (l0, l0n, ...), with
// aliases kept on the JavaScript side. Every value (ids, filters, cursors, limits) is a parameter.
import { isObjectType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
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

/** The filter's conditions (cypher/read/partner-filter.cypher), one line per parameter. */
function partnerConditions(db: CypherExecutor): Map<string, string> {
  const body = readPart(db.library, 'read/partner-filter').body;
  return new Map(
    body.split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/**
 * A filtered page: the matches found once (from an index when a condition has one: the tier, the stage), sorted, counted
 * and cut after the cursor: PROFILE of region + tier on medium, 427 db hits, where a count and an id-ordered page
 * each reading the partners took 4,401 (BENCHMARKS.md, "Read speed"). One row with a null node when the page is empty.
 */
function filteredPage(db: CypherExecutor, conditions: string[], projection: string): string {
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
  const selection = connectionNodes(info);
  if (!selection) return null;
  const params = partnerFilterParams(args.filter);
  const request = keysetRequest('PARTNER:ID', false, { first: args.first, after: args.after });
  const conditions = [...partnerConditions(db)].filter(([key]) => params[key] != null).map(([, condition]) => condition);
  const projection = compileProjection(db.library, info, 'Partner', 'p', selection.nodes);
  const text =
    conditions.length > 0 ? filteredPage(db, conditions, projection.text) : unfilteredPage(db, selection.totalCount, projection.text);
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
  const type = objectType(info);
  if (!type) return null;
  const projection = compileProjection(db.library, info, 'Partner', 'p', selectedFields(info, type, info.fieldNodes));
  if (!readsLists(projection)) return null;
  const text = [readPart(db.library, 'read/partner-by-id').body, `RETURN ${projection.text} AS node`].join('\n');
  const rows = await db.readText<{ node: PartnerRow }>('read/partner-by-id', text, { id, ...projection.params });
  return { row: rows[0] ? attachLists(rows[0].node, projection.plan) : null };
}

/** Query.customers with nested lists: one statement for the page and its lists; null when it asks for no list. */
export async function readCustomersPage(
  db: CypherExecutor,
  info: GraphQLResolveInfo,
  args: { filter?: CustomerFilter | null; first?: number | null; after?: string | null },
): Promise<Connection<CustomerRow> | null> {
  const selection = connectionNodes(info);
  if (!selection) return null;
  const projection = compileProjection(db.library, info, 'Customer', 'c', selection.nodes);
  if (!readsLists(projection)) return null;
  const request = pageRequest(args.first, args.after);
  const params = customerFilterParams(args.filter);
  const matched = db.library.expand(readPart(db.library, 'read/customers-page').body, 'cypher/read/customers-page.cypher');
  const text = [matched, 'WITH c ORDER BY c.id LIMIT $limit', `RETURN ${projection.text} AS node`, 'ORDER BY node.id'].join('\n');
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
