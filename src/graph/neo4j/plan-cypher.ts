// A read plan compiled into one Cypher statement: map projections of the selected properties only, nested lists as
// COLLECT {} subqueries with their page applied inside, totals as COUNT {} only when asked for. Values travel as
// parameters; labels and relationship types are spliced in from the allow-lists of src/graph/rows.ts only.

import { ROLES } from '../../dataset/format.ts';
import {
  type NodeSelection,
  type PlanArgs,
  type ReadPlan,
  rootSelections,
  type Traversal,
  traversalsOf,
} from '../../plan/plan.ts';
import { parentSuffices, traversalKey } from '../../plan/planned.ts';
import { NODE_LABELS, REL_TYPES } from '../rows.ts';
import { ROLE_RANK } from '../store.ts';

/** A property name as the plan builder's tables write them; anything else would be spliced into the statement. */
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

const allowed = <T extends string>(list: readonly string[], value: T, what: string): T => {
  if (!list.includes(value)) throw new Error(`read plan: ${what} "${value}" is not in the allow-list`);
  return value;
};
const label = (value: string) => allowed(NODE_LABELS, value, 'label');
const CREDITED = allowed(REL_TYPES, 'CREDITED', 'relationship type');

function property(name: string): string {
  if (!PROPERTY.test(name)) throw new Error(`read plan: property name "${name}" is not a plain identifier`);
  return name;
}

/**
 * One compilation: fresh variable names, so no subquery's variable shadows one of the statement around it, and the
 * request's arguments, whose null filters are left out of the text (a `$x IS NULL OR …` test costs Neo4j a
 * property read per row even when nothing filters).
 */
class Names {
  private next = 0;
  readonly args: PlanArgs | undefined;
  constructor(args: PlanArgs | undefined) {
    this.args = args;
  }
  fresh(prefix: string): string {
    return `${prefix}${this.next++}`;
  }
  /** Whether a traversal's filter is given (not null) in these arguments. */
  given(t: Traversal, name: string): boolean {
    return (this.args?.traversals[t.id] as Record<string, unknown> | undefined)?.[name] != null;
  }
}

const FILTERS = ['roles', 'kind', 'yearFrom', 'yearTo'] as const;

/**
 * The rank of each role as a map literal: a constant of the code (the role names are the API's enum), so it is part
 * of the statement's text instead of 35 parameters encoded on every request.
 */
const ROLE_RANK_MAP = `{${Object.entries(ROLE_RANK)
  .map(([role, rank]) => `${allowed(ROLES, role, 'role')}: ${rank}`)
  .join(', ')}}`;

const argument = (t: Traversal, name: string) => `$t${t.id}_${name}`;

/** `v {.slug, .name, t0: …}`: the selected properties and each traversal's answer. */
function projection(v: string, selection: NodeSelection, names: Names): string {
  const entries = selection.props.map((p) => `.${property(p)}`);
  for (const t of selection.traversals) entries.push(`${traversalKey(t)}: ${traversal(v, t, names)}`);
  return `${v} {${entries.join(', ')}}`;
}

/** A credit's properties and its ends; the end that is the parent node is left out when its slug is all it needs. */
function creditItem(c: string, person: string, work: string, t: Traversal, names: Names): string {
  const entries = t.credit.props.map((p) => `.${property(p)}`);
  if (!(t.kind === 'CREDITS_OF_PERSON' && parentSuffices(t)))
    entries.push(`person: ${projection(person, t.credit.person, names)}`);
  if (!(t.kind === 'CREDITS_OF_WORK' && parentSuffices(t))) entries.push(`work: ${projection(work, t.credit.work, names)}`);
  return `${c} {${entries.join(', ')}}`;
}

function traversal(v: string, t: Traversal, names: Names): string {
  const c = names.fresh('c');
  if (t.kind === 'CREDITS_OF_WORK') {
    const p = names.fresh('p');
    const where = names.given(t, 'roles') ? `WHERE ${c}.role IN ${argument(t, 'roles')} ` : '';
    return `COLLECT { MATCH (${p}:${label('Person')})-[${c}:${CREDITED}]->(${v}) ${where}RETURN ${creditItem(c, p, v, t, names)} }`;
  }
  const w = names.fresh('w');
  const a = (name: string) => argument(t, name);
  // As cypher/read/credits-of-people.cypher: a year bound drops undated works, as `w.year >= $yearFrom` is null for them.
  const test = {
    roles: `${c}.role IN ${a('roles')}`,
    kind: `${w}.kind = ${a('kind')}`,
    yearFrom: `${w}.year >= ${a('yearFrom')}`,
    yearTo: `${w}.year <= ${a('yearTo')}`,
  };
  const conditions = FILTERS.filter((f) => names.given(t, f)).map((f) => test[f]);
  const match =
    `MATCH (${v})-[${c}:${CREDITED}]->(${w}:${label('Work')})` +
    (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '');
  const items =
    `COLLECT { ${match} RETURN ${creditItem(c, v, w, t, names)} ` +
    `ORDER BY ${w}.year IS NULL, ${w}.year, ${w}.slug, ${ROLE_RANK_MAP}[${c}.role] SKIP ${a('offset')} LIMIT ${a('limit')} }`;
  return `{total: ${t.total ? `COUNT { ${match} }` : 'null'}, items: ${items}}`;
}

/** Every person (or work) in slug order, paged from the slug index; the total from the count store when read. */
function listStatement(l: 'Person' | 'Work', node: NodeSelection, total: boolean, names: Names): string {
  const n = names.fresh('n');
  const count = names.fresh('n');
  return [
    total ? `CALL () { MATCH (${count}:${label(l)}) RETURN count(${count}) AS total }` : 'WITH null AS total',
    `CALL () { MATCH (${n}:${label(l)}) WHERE ${n}.slug IS NOT NULL WITH ${n} ORDER BY ${n}.slug SKIP $offset LIMIT $limit`,
    `  RETURN collect(${projection(n, node, names)}) AS items }`,
    'RETURN total, items',
  ].join('\n');
}

/** The longest path shortestPath may look along: person-work-person hops, two relationships each. */
const MAX_PATH_HOPS = 20;

function statement(plan: ReadPlan, args: PlanArgs | undefined): string {
  const names = new Names(args);
  const root = args?.root as Record<string, unknown> | undefined;
  switch (plan.root) {
    case 'PERSON':
    case 'WORK': {
      const n = names.fresh('n');
      return `MATCH (${n}:${label(plan.root === 'PERSON' ? 'Person' : 'Work')} {slug: $slug})\nRETURN ${projection(n, plan.node, names)} AS node`;
    }
    case 'PEOPLE':
      return listStatement('Person', plan.node, plan.total, names);
    case 'WORKS':
      return listStatement('Work', plan.node, plan.total, names);
    case 'COMMON_COLLABORATORS':
      // As cypher/read/common-collaborators.cypher, returning only the selected properties.
      return [
        'UNWIND $of AS target',
        `MATCH (:${label('Person')} {slug: target})-[:${CREDITED}]->(w:${label('Work')})<-[c:${CREDITED}]-(other:${label('Person')})`,
        `WHERE NOT other.slug IN $of${root?.roles != null ? ' AND c.role IN $roles' : ''}`,
        'WITH other, target, collect(DISTINCT w) AS works',
        'WITH other, count(target) AS reached, collect(works) AS workLists',
        'WHERE reached = size($of)',
        'WITH other, reduce(acc = [], ws IN workLists | acc + [x IN ws WHERE NOT x IN acc]) AS shared',
        `RETURN ${projection('other', plan.person, names)} AS person, [sw IN shared | ${projection('sw', plan.sharedWorks, names)}] AS works`,
        'ORDER BY size(shared) DESC, other.slug',
      ].join('\n');
    case 'SHORTEST_PATH': {
      const maxHops = root?.maxHops as number | undefined;
      if (maxHops === undefined || !Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS)
        throw new Error(`read plan: maxHops must be a whole number from 1 to ${MAX_PATH_HOPS}; got ${maxHops}`);
      // As cypher/read/shortest-path.cypher: of equal paths, the smallest sequence of slugs, so both stores agree.
      return [
        `MATCH (a:${label('Person')} {slug: $from}), (b:${label('Person')} {slug: $to})`,
        `MATCH p = allShortestPaths((a)-[:${CREDITED}*..${2 * maxHops}]-(b))`,
        'WITH p ORDER BY [n IN nodes(p) | n.slug] LIMIT 1',
        'WITH nodes(p) AS ns',
        'UNWIND range(0, size(ns) - 3, 2) AS i',
        'WITH i, ns[i] AS x, ns[i + 1] AS w, ns[i + 2] AS y',
        `RETURN ${projection('x', plan.from, names)} AS fromPerson, ${projection('w', plan.work, names)} AS work, ` +
          `${projection('y', plan.to, names)} AS toPerson,`,
        `       [(x)-[c:${CREDITED}]->(w) | c.role] AS fromRoles, [(y)-[c:${CREDITED}]->(w) | c.role] AS toRoles`,
        'ORDER BY i',
      ].join('\n');
    }
  }
}

/** Compiled statements by plan (a plan is built once per operation, so this holds one entry per cached plan). */
const compiled = new WeakMap<ReadPlan, Map<string, string>>();

/**
 * What of the arguments shapes the text: which filters are given, and shortestPath's length (a number). A plan has
 * a handful of such variants, each compiled once.
 */
function variant(plan: ReadPlan, args: PlanArgs | undefined): string {
  const root = args?.root as Record<string, unknown> | undefined;
  let key =
    plan.root === 'SHORTEST_PATH'
      ? String(root?.maxHops)
      : plan.root === 'COMMON_COLLABORATORS'
        ? String(root?.roles != null)
        : '';
  const names = new Names(args);
  for (const selection of rootSelections(plan))
    for (const t of traversalsOf(selection)) key += `|${FILTERS.map((f) => (names.given(t, f) ? 1 : 0)).join('')}`;
  return key;
}

/** The plan's one statement for these arguments. */
export function planCypher(plan: ReadPlan, args?: PlanArgs): string {
  let variants = compiled.get(plan);
  if (!variants) {
    variants = new Map();
    compiled.set(plan, variants);
  }
  const key = variant(plan, args);
  let text = variants.get(key);
  if (text === undefined) {
    text = statement(plan, args);
    variants.set(key, text);
  }
  return text;
}

/** The statement's parameters: the root's arguments as named, each traversal's as `t<id>_<name>`. */
export function planParameters(plan: ReadPlan, args: PlanArgs): Record<string, unknown> {
  const { maxHops: _spliced, ...root } = args.root as Record<string, unknown>;
  const params: Record<string, unknown> = { ...root };
  for (const selection of rootSelections(plan))
    for (const t of traversalsOf(selection)) {
      const given = args.traversals[t.id];
      if (!given) throw new Error(`read plan: no arguments for traversal ${t.id} (${t.kind})`);
      for (const [name, value] of Object.entries(given)) params[`t${t.id}_${name}`] = value ?? null;
    }
  return params;
}
