// The fields a request selects below a field, as graphql-js executes them: fragments and inline fragments merged by
// response key, @skip/@include applied, arguments with their defaults and variables (src/read/compile.ts reads them).
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** One response key of a selection: its field, arguments and, for an object-typed field, the type and field nodes. */
export interface SelectedField {
  /** The response key (the alias, or the field's name). */
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** The field's named type when it is an object type (lists and non-null unwrapped), else null. */
  type: GraphQLObjectType | null;
  nodes: readonly FieldNode[];
}

type Source = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>;

function included(info: Source, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function applies(info: Source, typeName: string | undefined, type: GraphQLObjectType): boolean {
  if (!typeName || typeName === type.name) return true;
  const condition = info.schema.getType(typeName);
  return condition !== undefined && isAbstractType(condition) && info.schema.isSubType(condition, type);
}

function collect(info: Source, type: GraphQLObjectType, set: SelectionSetNode, into: Map<string, FieldNode[]>, seen: Set<string>) {
  for (const s of set.selections) {
    if (!included(info, s)) continue;
    if (s.kind === Kind.FIELD) {
      const key = s.alias?.value ?? s.name.value;
      into.set(key, [...(into.get(key) ?? []), s]);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (applies(info, s.typeCondition?.name.value, type)) collect(info, type, s.selectionSet, into, seen);
    } else {
      const fragment = info.fragments[s.name.value];
      if (!fragment || seen.has(s.name.value) || !applies(info, fragment.typeCondition.name.value, type)) continue;
      seen.add(s.name.value);
      collect(info, type, fragment.selectionSet, into, seen);
    }
  }
}

/** The fields selected on `type` by the selection sets of `nodes` (the field nodes of one response key). */
export function selectedFields(info: Source, type: GraphQLObjectType, nodes: readonly FieldNode[]): SelectedField[] {
  const byKey = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  for (const node of nodes) if (node.selectionSet) collect(info, type, node.selectionSet, byKey, seen);
  const fields = type.getFields();
  return [...byKey].map(([key, fieldNodes]) => {
    const name = fieldNodes[0]!.name.value;
    const def = fields[name];
    if (!def) return { key, name, args: {}, type: null, nodes: fieldNodes };
    const named = getNamedType(def.type);
    return {
      key,
      name,
      args: getArgumentValues(def, fieldNodes[0]!, info.variableValues),
      type: isObjectType(named) ? named : null,
      nodes: fieldNodes,
    };
  });
}
