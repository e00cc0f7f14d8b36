// The read plan of a root field, from the operation's selection: built once per operation (the parsed document is
// cached, so its field nodes are the same objects request after request) and kept beside it in a WeakMap, which
// lets it go with the document. The only GraphQL-aware part of planning; the plan itself knows no GraphQL.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getArgumentValues,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Config } from '../config.ts';
import type { Role, WorkKind } from '../dataset/format.ts';
import { pageArgs } from '../schema/pagination.ts';
import type { CreditSelection, NodeSelection, PlanLabel, ReadPlan, Traversal, TraversalArgs } from './plan.ts';

const SOURCES = ['sourceDocuments', 'sourceCitations', 'sourceQuotes'];

/** How a plan answers the fields of one GraphQL object type. */
interface FieldTable {
  /** Fields answered from stored properties: the properties each reads. */
  props: Readonly<Record<string, readonly string[]>>;
  /** Fields whose resolvers ask a loader with the node's slug: not planned, answered as before. */
  loaded: readonly string[];
  /** Lists the plan follows. */
  traversals: Readonly<Record<string, Traversal['kind']>>;
}

const same = (...names: string[]) => Object.fromEntries(names.map((n) => [n, [n]]));

/**
 * Every field of Person, Work and Credit is in one of the lists (a test checks it against the schema); a field in
 * none makes the plan decline, so a new field is answered by its resolver until it is placed here.
 */
export const FIELD_TABLES: Record<PlanLabel | 'Credit', FieldTable> = {
  Person: {
    props: {
      __typename: [],
      id: [],
      slug: [],
      ...same('name', 'isGroup', 'aliases', 'birthDate', 'kind', 'sortName', 'disambiguation', 'gender', 'country'),
      ...same('beginDate', 'endDate', 'ended', 'nationality', 'occupations', 'genres'),
      sources: SOURCES,
      // `birth` joins the loaded birth place with the stored date.
      birth: ['birthDate'],
    },
    loaded: [
      'area',
      'identifiers',
      'birthPlace',
      'birth',
      'members',
      'memberOf',
      'memberships',
      'creditStats',
      'collaborators',
      'awards',
      'affiliations',
      'associations',
      'conflicts',
    ],
    traversals: { credits: 'CREDITS_OF_PERSON' },
  },
  Work: {
    props: {
      __typename: [],
      id: [],
      slug: [],
      ...same('title', 'kind', 'year', 'endYear', 'date', 'disambiguation', 'lengthMs', 'sales'),
      sources: SOURCES,
    },
    loaded: ['identifiers', 'creditStats', 'partOf', 'parts', 'links', 'awards', 'conflicts'],
    traversals: { credits: 'CREDITS_OF_WORK' },
  },
  Credit: {
    props: {
      __typename: [],
      ...same('role', 'detail', 'attributes', 'creditedAs', 'beginDate', 'endDate'),
      sources: SOURCES,
    },
    loaded: [],
    traversals: {},
  },
};

/** A plan could not be made for this selection: the root field is answered by its loaders. */
class Decline extends Error {}
const decline = (why: string): never => {
  throw new Decline(why);
};

interface Binding {
  id: number;
  kind: Traversal['kind'];
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** A plan and how to read its traversals' arguments from a request's variables. */
export interface BuiltPlan {
  plan: ReadPlan;
  /** The traversals' arguments, checked as their resolvers check them; null when one would fail (the resolver says why). */
  bind(variables: Readonly<Record<string, unknown>>, config: Config): Record<number, TraversalArgs> | null;
}

class Builder {
  private nextId = 0;
  readonly bindings: Binding[] = [];
  private readonly schema: GraphQLSchema;
  private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  constructor(schema: GraphQLSchema, fragments: Readonly<Record<string, FragmentDefinitionNode>>) {
    this.schema = schema;
    this.fragments = fragments;
  }

  /** The fields under these nodes by response key, fragments flattened; directives make the plan decline. */
  fields(nodes: readonly FieldNode[], typeName: string): Map<string, FieldNode[]> {
    const out = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.directives && selection.directives.length > 0) decline('a directive');
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const list = out.get(key);
          if (list) list.push(selection);
          else out.set(key, [selection]);
          continue;
        }
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : (this.fragments[selection.name.value] ?? decline('a fragment'));
        if (fragment.directives && fragment.directives.length > 0) decline('a directive');
        const condition = fragment.typeCondition?.name.value;
        if (condition !== undefined && !this.applies(condition, typeName)) decline(`a fragment on ${condition}`);
        visit(fragment.selectionSet);
      }
    };
    for (const node of nodes) visit(node.selectionSet);
    return out;
  }

  private applies(condition: string, typeName: string): boolean {
    if (condition === typeName) return true;
    const type = this.schema.getType(typeName);
    const on = this.schema.getType(condition);
    return isObjectType(type) && isInterfaceType(on) && type.getInterfaces().includes(on);
  }

  node(label: PlanLabel, nodes: readonly FieldNode[]): NodeSelection {
    const table = FIELD_TABLES[label];
    const props = new Set<string>();
    const traversals: Traversal[] = [];
    const followed = new Set<string>();
    for (const fieldNodes of this.fields(nodes, label).values()) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      const read = table.props[name];
      if (read) for (const p of read) props.add(p);
      const kind = table.traversals[name];
      if (kind) {
        // Its answer is kept on the record under the field's name: one list per name.
        if (followed.has(name)) decline(`${label}.${name} twice`);
        followed.add(name);
        traversals.push(this.traversal(label, kind, name, fieldNodes));
      } else if (!read && !table.loaded.includes(name)) decline(`${label}.${name} is not in the plan's tables`);
    }
    return { label, props: sortedProps(props), traversals };
  }

  private traversal(label: PlanLabel, kind: Traversal['kind'], name: string, nodes: FieldNode[]): Traversal {
    const id = this.nextId++;
    const field = this.schema.getType(label);
    if (!isObjectType(field)) return decline(`no type ${label}`);
    const definition = field.getFields()[name] ?? decline(`no field ${label}.${name}`);
    this.bindings.push({ id, kind, field: definition, node: nodes[0] as FieldNode });
    if (kind === 'CREDITS_OF_WORK') return { kind, id, field: name, credit: this.credit(nodes) };
    const page = this.connection('PersonCreditConnection', 'PersonCreditEdge', nodes);
    return { kind, id, field: name, credit: this.credit(page.nodes), total: page.total };
  }

  /** A connection's node fields, and whether the total is needed (the count, or `hasNextPage`, which compares with it). */
  connection(type: string, edgeType: string, nodes: readonly FieldNode[]): { nodes: FieldNode[]; total: boolean } {
    let total = false;
    const found: FieldNode[] = [];
    for (const [key, fieldNodes] of this.fields(nodes, type)) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === 'totalCount') total = true;
      else if (name === 'pageInfo') {
        for (const info of this.fields(fieldNodes, 'PageInfo').values())
          if ((info[0] as FieldNode).name.value === 'hasNextPage') total = true;
      } else if (name === 'edges') {
        for (const edge of this.fields(fieldNodes, edgeType).values()) {
          const edgeField = (edge[0] as FieldNode).name.value;
          if (edgeField === 'node') found.push(...edge);
          else if (edgeField !== 'cursor' && edgeField !== '__typename') decline(`${edgeType}.${edgeField}`);
        }
      } else if (name !== '__typename') decline(`${type}.${name} (${key})`);
    }
    return { nodes: found, total };
  }

  credit(nodes: readonly FieldNode[]): CreditSelection {
    const props = new Set<string>(['role']);
    let person: FieldNode[] = [];
    let work: FieldNode[] = [];
    for (const fieldNodes of this.fields(nodes, 'Credit').values()) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === 'person') person = person.concat(fieldNodes);
      else if (name === 'work') work = work.concat(fieldNodes);
      else for (const p of FIELD_TABLES.Credit.props[name] ?? decline(`Credit.${name}`)) props.add(p);
    }
    // The record needs both ends; an end not asked for costs its slug.
    return { props: [...props].sort(), person: this.node('Person', person), work: this.node('Work', work) };
  }

  /** The selections under one field of a plain object type, by field name. */
  objectFields(type: string, nodes: readonly FieldNode[], allowed: readonly string[]): Map<string, FieldNode[]> {
    const byName = new Map<string, FieldNode[]>();
    for (const fieldNodes of this.fields(nodes, type).values()) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === '__typename') continue;
      if (!allowed.includes(name)) decline(`${type}.${name}`);
      // Two aliases of one object field would need two selections where the record has one.
      if (byName.has(name)) decline(`${type}.${name} twice`);
      byName.set(name, fieldNodes);
    }
    return byName;
  }
}

const sortedProps = (props: Set<string>) => ['slug', ...[...props].filter((p) => p !== 'slug').sort()];

function rootPlan(builder: Builder, name: string, nodes: readonly FieldNode[]): ReadPlan | null {
  switch (name) {
    case 'person':
      return { root: 'PERSON', node: builder.node('Person', nodes) };
    case 'work':
      return { root: 'WORK', node: builder.node('Work', nodes) };
    case 'people': {
      const page = builder.connection('PersonConnection', 'PersonEdge', nodes);
      return { root: 'PEOPLE', node: builder.node('Person', page.nodes), total: page.total };
    }
    case 'works': {
      const page = builder.connection('WorkConnection', 'WorkEdge', nodes);
      return { root: 'WORKS', node: builder.node('Work', page.nodes), total: page.total };
    }
    case 'commonCollaborators': {
      const fields = builder.objectFields('CommonCollaborator', nodes, ['person', 'sharedWorks']);
      return {
        root: 'COMMON_COLLABORATORS',
        person: builder.node('Person', fields.get('person') ?? []),
        // The answer's order needs each shared work's year.
        sharedWorks: withProps(builder.node('Work', fields.get('sharedWorks') ?? []), ['year']),
      };
    }
    case 'shortestPath': {
      const steps = builder.objectFields('Path', nodes, ['hops', 'steps']).get('steps') ?? [];
      const fields = builder.objectFields('PathStep', steps, ['from', 'work', 'to', 'fromRoles', 'toRoles']);
      return {
        root: 'SHORTEST_PATH',
        from: builder.node('Person', fields.get('from') ?? []),
        work: builder.node('Work', fields.get('work') ?? []),
        to: builder.node('Person', fields.get('to') ?? []),
      };
    }
    default:
      return null;
  }
}

const withProps = (node: NodeSelection, props: string[]): NodeSelection => ({
  ...node,
  props: sortedProps(new Set([...node.props, ...props])),
});

const uniqueSorted = <T extends string>(values: readonly T[] | null | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)].sort() : null;

/** A traversal's arguments as its resolver reads them; throws where the resolver would refuse them. */
function traversalArgs(binding: Binding, variables: Readonly<Record<string, unknown>>, config: Config): TraversalArgs {
  const raw = getArgumentValues(binding.field, binding.node, variables as Record<string, unknown>) as {
    roles?: Role[] | null;
    kind?: WorkKind | null;
    yearFrom?: number | null;
    yearTo?: number | null;
    first?: number | null;
    after?: string | null;
  };
  if (binding.kind === 'CREDITS_OF_WORK') return { roles: uniqueSorted(raw.roles) };
  if (raw.yearFrom != null && raw.yearTo != null && raw.yearFrom > raw.yearTo) throw new Decline('yearFrom after yearTo');
  return {
    roles: uniqueSorted(raw.roles),
    kind: raw.kind ?? null,
    yearFrom: raw.yearFrom ?? null,
    yearTo: raw.yearTo ?? null,
    ...pageArgs(raw, config),
  };
}

/** Build the plan of a root field's selection; null when the field has no plan or the selection has a part plans do not cover. */
export function buildPlan(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  nodes: readonly FieldNode[],
): BuiltPlan | null {
  const builder = new Builder(schema, fragments);
  let plan: ReadPlan | null;
  try {
    plan = rootPlan(builder, (nodes[0] as FieldNode).name.value, nodes);
  } catch (error) {
    if (error instanceof Decline) return null;
    throw error;
  }
  if (!plan) return null;
  const bindings = builder.bindings;
  return {
    plan,
    bind(variables, config) {
      const args: Record<number, TraversalArgs> = {};
      try {
        for (const binding of bindings) args[binding.id] = traversalArgs(binding, variables, config);
      } catch {
        // The field's resolver will refuse the same arguments with its own error, at its own path.
        return null;
      }
      return args;
    },
  };
}

const plans = new WeakMap<FieldNode, BuiltPlan | null>();

/** The root field's plan, built on its first request and kept with its parsed document. */
export function planFor(info: GraphQLResolveInfo): BuiltPlan | null {
  // A response key made of several field nodes (the same field written twice) is rare: answered by the loaders.
  if (info.fieldNodes.length !== 1) return null;
  const node = info.fieldNodes[0] as FieldNode;
  let built = plans.get(node);
  if (built === undefined) {
    built = buildPlan(info.schema, info.fragments, info.fieldNodes);
    plans.set(node, built);
  }
  return built;
}
