// The cost estimate (src/http/request-limits.ts): linear in the document, and it sees the page
// sizes execution will use however the request gives them. Checked against a brute force that
// expands every fragment where it is spread.
import {
  buildSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { estimateOperationCost, FIELD_WORK, operationCost } from '../src/http/request-limits.js';
import { loadTypeDefs } from '../src/schema.js';
import { prng } from './support/random.js';

const schema = buildSchema(loadTypeDefs());
const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);

/** The number of fields written in a document. */
function fieldsWritten(doc: DocumentNode): number {
  let fields = 0;
  visit(doc, { Field: () => void (fields += 1) });
  return fields;
}

/** The 23-fragment document of issue 11: each fragment spreads the next one twice. */
function fragmentChain(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) =>
    i < n - 1 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Query { health { version } }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

describe('the cost estimate is linear in the document', () => {
  it('costs the 23-fragment document of issue 11 with one visit per field written', () => {
    const doc = parse(fragmentChain(23));
    expect(doc.loc!.end).toBeLessThan(1024);
    const estimate = estimateOperationCost(schema, doc, undefined, {});
    expect(estimate.fieldVisits).toBe(fieldsWritten(doc));
    expect(estimate.cost).toBe(1);
  });

  it('visits fields in proportion to the document, however deep the spreads nest', () => {
    for (const n of [10, 100, 1000]) {
      // Each fragment spreads the next one twice under two different fields: 2^n objects as written, 3n fields.
      const fragments = Array.from({ length: n }, (_, i) =>
        i < n - 1
          ? `fragment F${i} on Query { health { version } a: health { version } ...F${i + 1} }`
          : `fragment F${i} on Query { health { version } }`,
      );
      const doc = parse(`{ ...F0 } ${fragments.join(' ')}`);
      expect(estimateOperationCost(schema, doc, undefined, {}).fieldVisits).toBe(fieldsWritten(doc));
    }
    // Spreads under different fields are costed once each but counted every time.
    const doubling = Array.from(
      { length: 40 },
      (_, i) => `fragment F${i} on Partner { accounts { customer { accounts { partner { ...F${i + 1} } } } } }`,
    );
    const doc = parse(`{ partner(id: "x") { ...F0 } } ${doubling.join(' ')} fragment F40 on Partner { id }`);
    const estimate = estimateOperationCost(schema, doc, undefined, {});
    expect(estimate.fieldVisits).toBe(fieldsWritten(doc));
    expect(estimate.cost).toBeGreaterThan(1e40);
  });

  it('does not hang on fragment cycles (invalid GraphQL, refused later by validation)', () => {
    const estimate = estimateOperationCost(
      schema,
      parse('{ ...A } fragment A on Query { ...B health { version } } fragment B on Query { ...A ...B }'),
      undefined,
      {},
    );
    expect(estimate.cost).toBe(1);
  });
});

describe('page sizes are the ones execution will use', () => {
  const PAGE = '{ edges { node { id name } } }';
  const literal = (first: string) => cost(`{ partners(first: ${first}) ${PAGE} }`);

  it('the same size costs the same however it is given', () => {
    const c100 = literal('100');
    expect(c100).toBeGreaterThan(literal('50'));
    expect(cost(`query($f: Int) { partners(first: $f) ${PAGE} }`, { f: 100 })).toBe(c100);
    expect(cost(`query($f: Int = 100) { partners(first: $f) ${PAGE} }`)).toBe(c100);
    expect(cost(`query($f: Int! = 100) { partners(first: $f) ${PAGE} }`)).toBe(c100);
    // The schema's default is 20: no argument, explicit null, a null variable, a missing variable.
    const c20 = literal('20');
    expect(cost(`{ partners ${PAGE} }`)).toBe(c20);
    expect(literal('null')).toBe(c20);
    expect(cost(`query($f: Int) { partners(first: $f) ${PAGE} }`, { f: null })).toBe(c20);
    expect(cost(`query($f: Int) { partners(first: $f) ${PAGE} }`)).toBe(c20);
    // A variable's default inside an input object, and a list's own first.
    expect(cost('query($f: Int = 100) { search(text: "a", first: $f) { score } }')).toBe(
      cost('{ search(text: "a", first: 100) { score } }'),
    );
    expect(cost('{ search(text: "a", first: 100) { node { __typename } } }')).toBeGreaterThan(
      cost('{ search(text: "a") { node { __typename } } }'),
    );
  });

  it('refuses first over 100 whichever way it comes', () => {
    for (const [query, variables] of [
      [`{ partners(first: 101) ${PAGE} }`, {}],
      [`query($f: Int) { partners(first: $f) ${PAGE} }`, { f: 101 }],
      [`query($f: Int = 1000) { partners(first: $f) ${PAGE} }`, {}],
      [`query($f: Int = 1000) { a: partners { totalCount } ...P } fragment P on Query { partners(first: $f) { totalCount } }`, {}],
    ] as const) {
      expect(() => cost(query, variables), query).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      );
    }
  });

  it('leaves out what @skip and @include leave out', () => {
    const deep = (directive: string) => `partners(first: 100) ${directive} { edges { node { accounts { customer { id } } } } }`;
    expect(cost(`query($s: Boolean = true) { health { version } ${deep('@skip(if: $s)')} }`)).toBe(1);
    expect(cost(`{ health { version } ... @include(if: false) { ${deep('')} } }`)).toBe(1);
    expect(cost(`query($s: Boolean = true) { health { version } ...P @skip(if: $s) } fragment P on Query { ${deep('')} }`)).toBe(1);
    expect(cost(`{ health { version } ${deep('@include(if: true)')} }`)).toBeGreaterThan(1000);
  });

  it('costs the expensive fields by their work: a map by its limit, a solution search by its time budget', () => {
    const map = (limit: string) => cost(`{ ecosystemMap(input: { limit: ${limit} }) { nodes { id } edges { source } } }`);
    expect(map('2000')).toBeGreaterThan(9 * map('200'));
    expect(cost('{ ecosystemMap { nodes { id } edges { source } } }')).toBe(map('200'));
    expect(cost('{ ecosystemMap(input: { limit: null }) { nodes { id } } }')).toBe(cost('{ ecosystemMap(input: {}) { nodes { id } } }'));
    expect(cost('query($l: Int = 2000) { ecosystemMap(input: { limit: $l }) { nodes { id } edges { source } } }')).toBe(map('2000'));
    // One 2,000-node map fits the default limit of 20,000; 30 of them do not.
    expect(map('2000')).toBeLessThanOrEqual(20_000);
    const aliases = Array.from({ length: 30 }, (_, i) => `m${i}: ecosystemMap(input: { limit: 2000 }) { nodes { id } }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(20_000);
    const assemble = (budget: number) =>
      cost(`{ assembleSolution(input: { capabilityIds: ["a"], timeBudgetMs: ${budget} }) { proposals { score } } }`);
    expect(assemble(10_000)).toBeGreaterThan(assemble(100) + 9000);
    for (const field of ['gapAnalysis', 'partnerMatches', 'coSellRecommendations', 'ecosystemHealth', 'partnerImpact', 'accountOverlap']) {
      expect(FIELD_WORK[`Query.${field}`], field).toBeDefined();
    }
    expect(cost('{ gapAnalysis { __typename } }')).toBeGreaterThanOrEqual(500);
    // The work is done once, however many items the list returns.
    const matches = (first: number) => cost(`{ partnerMatches(partnerId: "x", first: ${first}) { partner { id } } }`);
    expect(matches(100) - matches(1)).toBe(99 * 2);
    expect(matches(1)).toBe(500 + 2);
  });
});

describe('backward pages of root connections', () => {
  it('cost what `last` reads, not the default `first` (a backward page leaves first out)', () => {
    for (const field of ['partners', 'customers', 'deals', 'solutions', 'capabilities', 'dealConflicts']) {
      const page = (args: string) => cost(`{ ${field}${args} { edges { node { id } } } }`);
      expect(page('(last: 100)'), field).toBe(page('(first: 100)'));
      expect(page('(first: 5, last: 100)'), field).toBe(page('(first: 100)'));
      expect(page('(last: 100)'), field).toBeGreaterThan(page(''));
      // `before` alone reads a backward page of 20, whatever `first` says: first 1 cannot buy a page of 20 at the cost of 1.
      expect(page('(first: 1, before: "x")'), field).toBe(page('(last: 20)'));
      expect(page('(first: 1, before: "x")'), field).toBeGreaterThan(page('(first: 1)'));
    }
  });
});

// The brute force: the same cost model, every fragment expanded where it is spread (exponential).
function bruteForce(s: GraphQLSchema, doc: DocumentNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const vars = getVariableValues(s, op.variableDefinitions ?? [], variables).coerced!;
  const setCost = (parent: GraphQLCompositeType, set: SelectionSetNode, items: number, spread: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (spread.has(sel.name.value)) continue;
        spread.add(sel.name.value);
        const f = fragments.get(sel.name.value)!;
        total += setCost(s.getType(f.typeCondition.name.value) as GraphQLCompositeType, f.selectionSet, items, new Set([sel.name.value]));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += setCost(
          sel.typeCondition ? (s.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : parent,
          sel.selectionSet,
          items,
          spread,
        );
      } else {
        const def = 'getFields' in parent ? parent.getFields()[sel.name.value] : undefined;
        if (!def) continue;
        const args = getArgumentValues(def, sel, vars);
        const firstDef = def.args.find((a) => a.name === 'first');
        // A connection given `last` or `before` reads `last` or 20 (a root one's default `first` is left out); one with
        // last/before and no default for first reads 20 when neither is given.
        const lastDef = def.args.find((a) => a.name === 'last');
        const backward = lastDef ? Math.min((args.last as number | null) ?? 20, 100) : undefined;
        const first = firstDef
          ? lastDef && (typeof args.last === 'number' || args.before != null)
            ? backward
            : ((args.first as number | null) ?? (firstDef.defaultValue as number | undefined) ?? backward)
          : undefined;
        const list = isListType(getNullableType(def.type));
        const extra = FIELD_WORK[`${parent.name}.${def.name}`]?.(args);
        const childItems = extra?.items ?? (!list && first !== undefined ? Math.max(first, 1) : 10);
        const named = getNamedType(def.type);
        const child = sel.selectionSet && isCompositeType(named) ? setCost(named, sel.selectionSet, childItems, new Set()) : 0;
        const each = sel.selectionSet ? 1 + child : 0;
        total += (extra?.work ?? 0) + (!list ? each : (first !== undefined ? Math.max(first, 1) : items) * each);
      }
    }
    return total;
  };
  return setCost(s.getQueryType()!, op.selectionSet, 10, new Set());
}

describe('the estimate equals the brute force on random documents', () => {
  it('for random fragments, aliases, repeated spreads, and page sizes given every way', () => {
    const next = prng(11);
    const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
    const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
    const size = () =>
      pick([
        `(first: ${int(0, 100)})`,
        '(first: $f)',
        '(first: null)',
        '',
        '(first: $g)',
        `(last: ${int(0, 100)})`,
        `(first: 3, last: ${int(0, 100)})`,
        `(first: ${int(0, 100)}, before: "x")`,
      ]);
    const searchSize = () => pick([`, first: ${int(1, 100)}`, ', first: $f', ', first: null', '', ', first: $g']);
    for (let round = 0; round < 300; round++) {
      // Fragments on Partner (P) and on Query (Q), each spreading only later ones: a DAG.
      const n = int(1, 6);
      const fragments: string[] = [];
      for (let i = 0; i < n; i++) {
        const later = (kind: string) => (i + 1 < n ? Array.from({ length: int(0, 3) }, () => `...${kind}${int(i + 1, n - 1)}`) : []);
        const partner = [
          pick(['id', 'accounts { customer { id } }', 'integrations { id name }', 'solutions { solution { id } }']),
          ...later('P'),
        ];
        if (int(0, 1)) partner.push(`... on Partner { ${pick(['capabilities { level }', 'id', `...P${n - 1}`])} }`);
        fragments.push(`fragment P${i} on Partner { ${partner.join(' ')} }`);
        const query = [
          pick([
            `partners${size()} { edges { node { ...P${i} } } }`,
            `search(text: "x"${searchSize()}) { node { ... on Partner { ...P${i} } } }`,
            'health { version }',
            `customers${size()} { totalCount }`,
          ]),
          ...later('Q'),
        ];
        if (int(0, 1)) query.push(`... on Query { x${i}: partners${size()} { totalCount edges { node { id } } } }`);
        fragments.push(`fragment Q${i} on Query { ${query.join(' ')} }`);
      }
      const text = `query($f: Int = ${int(1, 100)}, $g: Int) { ...Q0 ...Q0 a: partners${size()} { edges { node { ...P0 } } } m: partnerMatches(partnerId: "x"${searchSize()}) { partner { ...P0 } } } ${fragments.join(' ')}`;
      const doc = parse(text);
      const variables = int(0, 1) ? { g: int(1, 100) } : {};
      expect(operationCost(schema, doc, undefined, variables), text).toBe(bruteForce(schema, doc, variables));
    }
  });
});
