// One statement per root field, compiled from the selection (BENCHMARKS.md, "Read speed"): the root's rows project
// only the fields asked, and each nested list a resolver would read through its loader (one statement per level and
// kind) is read in the same statement as a COLLECT subquery built from its part in cypher/read/, with the scope rules
// spliced in as in every file. The lists read this way are attached to their parent row (`prefetched`), keyed by
// response key; a list the compiler does not take (other arguments, an unknown field below it, too deep) is read by
// its loader as before, so the answer is the same either way (test/compiled-reads.int.test.ts).
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import type { CypherLibrary } from '../db/cypher-library.js';
import { keysetPage, keysetRequest, type KeysetRequest } from '../relay/keyset.js';
import { selectedFields, type SelectedField } from './selection.js';

/** The kinds of object a compiled statement projects. */
export type ObjectKind = 'Partner' | 'Customer' | 'Deal' | 'Capability' | 'Solution';

/** Where a compiled row keeps the lists read with it: response key → the value the field's resolver returns. */
export const PREFETCHED = Symbol('prefetched');

/** Nested lists compiled into one statement at most this deep; deeper ones are read by their loaders. */
const MAX_DEPTH = 3;

const prop = (name: string) => (v: string) => `${v}.${name}`;
const props = (...names: string[]) => Object.fromEntries(names.map((n) => [n, prop(n)]));

interface ObjectSpec {
  /** Every key of the row the loaders return, with its Cypher expression over the node's variable. */
  keys: Record<string, (v: string) => string>;
  /** GraphQL field → the row keys its resolver reads besides `id` (always read). A field not named needs every key. */
  fields: Record<string, readonly string[]>;
  /** The nested lists that may be read in the same statement. */
  lists: Record<string, ListSpec>;
}

interface ListSpec {
  /** The part under cypher/read/: `MATCH ... WITH ... ORDER BY`, its first parameter the parent's variable. */
  part: string;
  /** Whether the arguments are those the part reads (else the resolver reads the list through its loader). */
  takes: (args: Record<string, unknown>) => boolean;
  /** The item's own keys (the relationship's), as expressions over the part's variables; none when the item is the far end. */
  item: Record<string, string>;
  /** The far end: its key in the item (null: the item is the far end), its variable in the part, its kind. */
  far: { key: string | null; variable: string; kind: ObjectKind };
  /**
   * Relationship items only: each GraphQL field of the item the row answers → the item keys its resolver reads (only
   * those are read); a field not named leaves the list to its loader.
   */
  itemFields?: Record<string, readonly string[]>;
  /** Item keys read whatever is asked (a connection's cursor). */
  itemAlways?: readonly string[];
  /** For a connection: the part's $limit from the arguments, and the value its resolver returns from the items. */
  connection?: { limit: (args: Record<string, unknown>) => KeysetRequest; order: string };
  /** For a connection: the part (an expression over the parent's variable) answering totalCount without a filter. */
  count?: string;
}

/**
 * Whether every argument but `except` is absent (null, or false as `includeEnded`'s default): an argument the parts do
 * not read, including one added to the schema later, leaves the list to its resolver.
 */
const none = (args: Record<string, unknown>, ...except: string[]) =>
  Object.entries(args).every(([k, v]) => except.includes(k) || v == null || v === false);

const PARTNER_KEYS = props('id', 'name', 'types', 'tier', 'lifecycleStage', 'regions', 'industries', 'website');
const CUSTOMER_KEYS = props('id', 'name', 'industry', 'region', 'segment', 'domain');
const SOLUTION_KEYS = props('id', 'name', 'description', 'status', 'regions', 'industries');
const idOnly = (...names: string[]) => Object.fromEntries(names.map((n) => [n, [] as string[]]));
const scalars = (keys: Record<string, unknown>) => Object.fromEntries(Object.keys(keys).map((k) => [k, [k]]));

/** accountsConnection(first) with no cursor, filter or order: the first page in the plain list's order. */
const firstPageOnly = (args: Record<string, unknown>) => none(args, 'first');

/** An account's fields → the keys they read (Account.partner and .customer fall back to the loaders by id). */
const ACCOUNT_FIELDS = {
  id: ['partnerId', 'customerId'],
  status: ['status'],
  since: ['since'],
  until: [],
  customer: ['customerId'],
  partner: ['partnerId'],
};

const OBJECTS: Record<ObjectKind, ObjectSpec> = {
  Partner: {
    keys: PARTNER_KEYS,
    fields: {
      ...scalars(PARTNER_KEYS),
      ...idOnly(
        'capabilities',
        'integrations',
        'accounts',
        'solutions',
        'deals',
        'sharingGrants',
        'receivedSharingGrants',
        'stageHistory',
        'tierHistory',
        'externalIds',
        'accountsConnection',
        'capabilitiesConnection',
        'integrationsConnection',
        'solutionsConnection',
        'dealsConnection',
        'sharingGrantsConnection',
        'receivedSharingGrantsConnection',
      ),
    },
    lists: {
      capabilities: {
        part: 'read/partner-capabilities',
        takes: (a) => none(a),
        item: { partnerId: 'p.id', level: 'h.level', since: 'h.since' },
        far: { key: 'capability', variable: 'c', kind: 'Capability' },
        itemFields: { id: ['partnerId'], level: ['level'], since: ['since'], until: [], capability: [] },
      },
      accounts: {
        part: 'read/partner-accounts',
        takes: (a) => none(a),
        item: { partnerId: 'p.id', customerId: 'c.id', status: 'a.status', since: 'a.since' },
        far: { key: 'customer', variable: 'c', kind: 'Customer' },
        itemFields: ACCOUNT_FIELDS,
      },
      accountsConnection: {
        part: 'read/partner-accounts-page',
        takes: firstPageOnly,
        item: { partnerId: 'p.id', customerId: 'c.id', status: 'a.status', sortKey: 'c.id' },
        far: { key: 'customer', variable: 'c', kind: 'Customer' },
        // As relay/get-partner-accounts-page: no since.
        itemFields: { ...ACCOUNT_FIELDS, since: [] },
        itemAlways: ['customerId', 'sortKey'],
        connection: { limit: (a) => keysetRequest('ACCOUNT:partner:ID', false, a), order: 'ACCOUNT:partner:ID' },
        count: 'read/partner-accounts-count',
      },
      solutions: {
        part: 'read/partner-solutions',
        takes: (a) => none(a),
        item: { partnerId: 'p.id', role: 'm.role', since: 'm.since' },
        far: { key: 'solution', variable: 's', kind: 'Solution' },
        itemFields: { id: ['partnerId'], role: ['role'], since: ['since'], until: [], solution: [] },
      },
      integrations: {
        part: 'read/partner-integrations',
        takes: (a) => none(a),
        item: {},
        far: { key: null, variable: 'o', kind: 'Partner' },
      },
      deals: {
        part: 'read/partner-deals',
        takes: (a) => none(a),
        item: { partnerId: 'p.id', role: 'r.role', sourced: 'coalesce(r.sourced, false)', registeredAt: 'r.registeredAt' },
        far: { key: 'deal', variable: 'd', kind: 'Deal' },
        itemFields: { id: ['partnerId'], role: ['role'], sourced: ['sourced'], registeredAt: ['registeredAt'], deal: [] },
      },
    },
  },
  Customer: {
    keys: CUSTOMER_KEYS,
    fields: {
      ...scalars(CUSTOMER_KEYS),
      ...idOnly('needs', 'accounts', 'deals', 'externalIds', 'accountsConnection', 'needsConnection', 'dealsConnection'),
    },
    lists: {
      accounts: {
        part: 'read/customer-accounts',
        takes: (a) => none(a),
        item: { partnerId: 'p.id', customerId: 'c.id', status: 'a.status', since: 'a.since' },
        far: { key: 'partner', variable: 'p', kind: 'Partner' },
        itemFields: ACCOUNT_FIELDS,
      },
      deals: {
        part: 'read/customer-deals',
        takes: (a) => none(a),
        item: {},
        far: { key: null, variable: 'd', kind: 'Deal' },
      },
    },
  },
  Deal: {
    keys: {
      ...props('id', 'name', 'stage', 'amountMinor', 'currency', 'createdAt', 'closedAt', 'registrationStatus'),
      customerId: (v) => `head([(${v})-[:FOR_CUSTOMER]->(${v}_fc:Customer) | ${v}_fc.id])`,
      solutionId: (v) => `head([(${v})-[:FOR_SOLUTION]->(${v}_fs:Solution) | ${v}_fs.id])`,
    },
    fields: {
      ...scalars(props('id', 'name', 'stage', 'createdAt', 'closedAt', 'registrationStatus')),
      amount: ['amountMinor', 'currency'],
      customer: ['customerId'],
      solution: ['solutionId'],
      ...idOnly('participants', 'conflictsWith', 'history', 'externalIds', 'participantsConnection', 'conflictsWithConnection'),
    },
    lists: {
      participants: {
        part: 'read/deal-participants',
        takes: (a) => none(a),
        item: { dealId: 'd.id', role: 'r.role', sourced: 'coalesce(r.sourced, false)', registeredAt: 'r.registeredAt' },
        far: { key: 'partner', variable: 'q', kind: 'Partner' },
        itemFields: { id: ['dealId'], role: ['role'], sourced: ['sourced'], registeredAt: ['registeredAt'], partner: [] },
      },
    },
  },
  Solution: {
    keys: SOLUTION_KEYS,
    fields: {
      ...scalars(SOLUTION_KEYS),
      ...idOnly('requires', 'members', 'externalIds', 'deals', 'requiresConnection', 'membersConnection', 'dealsConnection'),
    },
    lists: {},
  },
  Capability: {
    keys: {
      ...props('id', 'name', 'category', 'description'),
      parentId: (v) => `head([(${v})-[:CHILD_OF]->(${v}_up:Capability) | ${v}_up.id])`,
    },
    fields: {
      ...scalars(props('id', 'name', 'category', 'description')),
      parent: ['parentId'],
      ...idOnly(
        'children',
        'externalIds',
        'partners',
        'neededBy',
        'requiredBy',
        'childrenConnection',
        'partnersConnection',
        'neededByConnection',
        'requiredByConnection',
      ),
    },
    lists: {},
  },
};

/** How to attach the lists a compiled row carries (slot `l<n>` in the row) to the row, by response key. */
interface RowPlan {
  lists: { slot: string; key: string; spec: ListSpec; items: RowPlan; request?: KeysetRequest; page: boolean; count: boolean }[];
}

/** A compiled statement's projection of one node, and the parameters its parts take. */
export interface Projection {
  text: string;
  plan: RowPlan;
  params: Record<string, unknown>;
}

/** A part: its parameters (the first one the parent's variable), the variables it binds, its text. */
interface Part {
  params: string[];
  bound: string[];
  body: string;
}

const parts = new WeakMap<CypherLibrary, Map<string, Part>>();
const BOUND = /[([]\s*([A-Za-z_]\w*)\s*[:)\]]/g;

/** A part of cypher/read/, parsed once per library: `// name(params): what` then the Cypher. */
export function readPart(library: CypherLibrary, name: string): Part {
  let cache = parts.get(library);
  if (!cache) parts.set(library, (cache = new Map()));
  let part = cache.get(name);
  if (!part) {
    const raw = library.part(name);
    const head = /^\/\/\s*[a-z][a-z0-9-]*\(([^)]*)\):/.exec(raw);
    if (!head) throw new Error(`cypher/${name}.cypher must start with "// <name>(<params>): <what it reads>"`);
    const params = head[1]!
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const body = raw
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n')
      .trim();
    const code = body.replace(/\{\{[^}]*\}\}/g, ' ');
    const bound = [...new Set([...code.matchAll(BOUND)].map((m) => m[1]!))].filter((v) => !params.includes(v));
    part = { params, bound, body };
    cache.set(name, part);
  }
  return part;
}

/** Renames variables and $parameters of Cypher text (not property keys, labels, map keys or fragment names). */
function rename(text: string, names: Map<string, string>): string {
  return text.replace(/(\{\{[a-z0-9/-]+\()|(?<![\w.:$])(\$?[A-Za-z_]\w*)(?!\w)/g, (m, head, id) =>
    head ? m : (names.get(id as string) ?? m),
  );
}

/** Compiles the projections of one root field's rows; `next` numbers the parts' variables apart. */
class Compiler {
  private next = 0;
  readonly params: Record<string, unknown> = {};

  constructor(
    private readonly library: CypherLibrary,
    private readonly info: GraphQLResolveInfo,
  ) {}

  /** `v {keys..., l0: COLLECT {...}, ...}` for the fields selected on a `kind` node bound to `v`. */
  object(kind: ObjectKind, v: string, fields: readonly SelectedField[], depth: number): { text: string; plan: RowPlan } {
    const spec = OBJECTS[kind];
    const keys = new Set(['id']);
    let every = false;
    const lists: RowPlan['lists'] = [];
    const entries: string[] = [];
    for (const f of fields) {
      if (f.name === '__typename') continue;
      const list = spec.lists[f.name];
      const compiled = list && depth < MAX_DEPTH && list.takes(f.args) ? this.list(list, v, f, depth + 1) : null;
      const count = list && depth < MAX_DEPTH ? this.count(list, v, f) : null;
      if (compiled || count) {
        const slot = `l${lists.length}`;
        lists.push({
          slot,
          key: f.key,
          spec: list!,
          items: compiled?.plan ?? { lists: [] },
          ...(compiled?.request ? { request: compiled.request } : {}),
          page: compiled !== null,
          count: count !== null,
        });
        if (compiled) entries.push(`${slot}: ${compiled.text}`);
        if (count) entries.push(`${slot}n: ${count}`);
        continue;
      }
      const needs = spec.fields[f.name];
      if (needs === undefined) every = true;
      else for (const k of needs) keys.add(k);
    }
    const projected = (every ? Object.keys(spec.keys) : [...keys]).map((k) => `${k}: ${spec.keys[k]!(v)}`);
    return { text: `${v} {${[...projected, ...entries].join(', ')}}`, plan: { lists } };
  }

  /** A connection's totalCount as an expression on the row, when asked without a filter; else null (its loader counts). */
  private count(spec: ListSpec, parent: string, field: SelectedField): string | null {
    // The count ignores paging and order; a filter (or any other argument) leaves it to its loader.
    if (!spec.count || !field.type || !none(field.args, 'first', 'after', 'last', 'before', 'orderBy')) return null;
    if (!selectedFields(this.info, field.type, field.nodes).some((s) => s.name === 'totalCount')) return null;
    const n = this.next++;
    const part = readPart(this.library, spec.count);
    const names = new Map<string, string>([[part.params[0]!, parent]]);
    for (const v of part.bound) names.set(v, `${v}_${n}`);
    return this.library.expand(rename(part.body, names), `cypher/${spec.count}.cypher`);
  }

  /** `COLLECT { <part> RETURN <item> }` for one nested list, or null when its selection is not one the part answers. */
  private list(
    spec: ListSpec,
    parent: string,
    field: SelectedField,
    depth: number,
  ): { text: string; plan: RowPlan; request?: KeysetRequest } | null {
    if (!field.type) return null;
    const n = this.next++;
    const part = readPart(this.library, spec.part);
    const names = new Map<string, string>([[part.params[0]!, parent]]);
    for (const v of part.bound) names.set(v, `${v}_${n}`);
    let request: KeysetRequest | undefined;
    if (spec.connection) {
      // The edges' nodes and pageInfo come from the page; totalCount from `count`.
      const sub = selectedFields(this.info, field.type, field.nodes);
      if (sub.some((s) => !['edges', 'pageInfo', '__typename', 'totalCount'].includes(s.name))) return null;
      const edges = sub.filter((s) => s.name === 'edges');
      if (edges.length === 0) return null;
      // Arguments out of range are refused by the field's own resolver, at its path, as before.
      try {
        request = spec.connection.limit(field.args);
      } catch {
        return null;
      }
      names.set('$limit', `$limit_${n}`);
      this.params[`limit_${n}`] = request.size + 1;
      const nodes = edges.flatMap((e) => (e.type ? selectedFields(this.info, e.type, e.nodes) : []));
      if (nodes.some((s) => s.name !== 'node' && s.name !== 'cursor' && s.name !== '__typename')) return null;
      const node = nodes.filter((s) => s.name === 'node');
      const type = node[0]?.type;
      if (!type) return null;
      return this.items(
        spec,
        part,
        names,
        type,
        node.flatMap((s) => [...s.nodes]),
        depth,
        request,
      );
    }
    return this.items(spec, part, names, field.type, field.nodes, depth, request);
  }

  private items(
    spec: ListSpec,
    part: Part,
    names: Map<string, string>,
    type: GraphQLObjectType,
    nodes: SelectedField['nodes'],
    depth: number,
    request: KeysetRequest | undefined,
  ) {
    const fields = selectedFields(this.info, type, nodes);
    const farVar = names.get(spec.far.variable)!;
    let far: { text: string; plan: RowPlan };
    if (spec.far.key === null) {
      far = this.object(spec.far.kind, farVar, fields, depth);
    } else {
      if (fields.some((f) => f.name !== '__typename' && !(f.name in spec.itemFields!))) return null;
      const farFields = fields.filter((f) => f.name === spec.far.key);
      const farType = farFields[0]?.type;
      far = farType
        ? this.object(
            spec.far.kind,
            farVar,
            selectedFields(
              this.info,
              farType,
              farFields.flatMap((f) => [...f.nodes]),
            ),
            depth,
          )
        : { text: `${farVar} {id: ${farVar}.id}`, plan: { lists: [] } };
    }
    const keys = new Set([...(spec.itemAlways ?? []), ...fields.flatMap((f) => spec.itemFields?.[f.name] ?? [])]);
    const own = Object.entries(spec.item)
      .filter(([k]) => keys.has(k))
      .map(([k, e]) => `${k}: ${rename(e, names)}`);
    const item = spec.far.key === null ? far.text : `{${[...own, `${spec.far.key}: ${far.text}`].join(', ')}}`;
    const match = this.library.expand(rename(part.body, names), `cypher/${spec.part}.cypher`);
    return { text: `COLLECT {\n${match}\nRETURN ${item}\n}`, plan: far.plan, ...(request ? { request } : {}) };
  }
}

/**
 * The projection (`p {...}` with its nested lists) of the rows of a root field whose objects are of `kind`, bound to
 * `variable`, for the field selection `fields` (the root's own, or its connection's edges' nodes').
 */
export function compileProjection(
  library: CypherLibrary,
  info: GraphQLResolveInfo,
  kind: ObjectKind,
  variable: string,
  fields: readonly SelectedField[],
): Projection {
  const compiler = new Compiler(library, info);
  const { text, plan } = compiler.object(kind, variable, fields, 0);
  return { text, plan, params: compiler.params };
}

/** Whether the projection reads any list (else the root's plain file answers as well). */
export const readsLists = (p: Projection): boolean => p.plan.lists.length > 0;

/**
 * Moves the lists a compiled row carries to the row's PREFETCHED map (the resolvers' source, keyed by response key),
 * throughout the row's items; returns the row.
 */
export function attachLists<T extends object>(row: T, plan: RowPlan): T {
  if (plan.lists.length === 0) return row;
  const raw = row as Record<string | symbol, unknown>;
  const got: Record<string, unknown> = {};
  for (const l of plan.lists) {
    const items = (raw[l.slot] as Record<string, unknown>[] | undefined) ?? [];
    delete raw[l.slot];
    for (const item of items) attachLists((l.spec.far.key === null ? item : item[l.spec.far.key]) as object, l.items);
    if (!l.spec.connection) {
      got[l.key] = items;
      continue;
    }
    // A connection: what came with the row of its first page and its count (resolvers/Read.ts merges the rest).
    const count = raw[`${l.slot}n`];
    delete raw[`${l.slot}n`];
    got[l.key] = {
      ...(l.page ? prefetchedPage(l.spec.connection.order, l.request!, items) : {}),
      ...(l.count ? { totalCount: count } : {}),
    };
  }
  Object.defineProperty(row, PREFETCHED, { value: got, enumerable: false });
  return row;
}

/** A connection's edges and pageInfo from its prefetched first page (as src/relay/nested-connections.ts builds them). */
function prefetchedPage(order: string, request: KeysetRequest, rows: Record<string, unknown>[]) {
  const page = keysetPage(order, request, rows, (r) => ({ key: r.sortKey as string, id: r.customerId as string }));
  return { edges: page.edges, pageInfo: page.pageInfo };
}

/** The list a compiled row carries under `key`, or undefined when the row was not compiled with it. */
export function prefetched(row: unknown, key: string | number): unknown {
  return (row as { [PREFETCHED]?: Record<string, unknown> })[PREFETCHED]?.[key];
}
