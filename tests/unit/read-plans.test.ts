// Read plans without a database: the plan a selection makes, the one Cypher statement it compiles to (snapshots, as
// @neo4j/graphql's TCK tests keep theirs), the parameters it sends, and the selections plans leave to the loaders.

import { offsetToCursor } from '@pothos/plugin-relay';
import { type FieldNode, type FragmentDefinitionNode, isObjectType, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { planCypher, planParameters } from '../../src/graph/neo4j/plan-cypher.ts';
import { buildPlan, FIELD_TABLES } from '../../src/plan/from-selection.ts';
import type { PlanArgs } from '../../src/plan/plan.ts';
import { schema } from '../../src/schema/index.ts';

const config = loadConfig({ LOG_LEVEL: 'silent' });

/** The plan of each root field of an operation, keyed by response key. */
function plansOf(operation: string) {
  const document = parse(operation);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const query = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return query.selectionSet.selections.map((s) => {
    const field = s as FieldNode;
    return buildPlan(schema, fragments, [field]);
  });
}

function only(operation: string) {
  const [built] = plansOf(operation);
  if (!built) throw new Error(`no plan for ${operation}`);
  return built;
}

/** The bench's operations and the contract's shapes: each compiles to one statement. */
const CORPUS: Record<string, { operation: string; root: PlanArgs['root']; variables?: Record<string, unknown> }> = {
  'person: scalars only': {
    operation: '{ person(slug: "x") { slug name isGroup aliases } }',
    root: { slug: 'x' },
  },
  'person: sources, id and a loaded field': {
    operation: '{ person(slug: "x") { id __typename sources { document quote } area { name } birth { date } } }',
    root: { slug: 'x' },
  },
  'person: credits page with filters and the total': {
    operation: `query Q($roles: [Role!], $after: String) { person(slug: "x") { name credits(roles: $roles, yearFrom: 1990, first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role detail sources { quote } work { slug title year } } } } } }`,
    root: { slug: 'x' },
    variables: { roles: ['PRODUCER', 'ENGINEER', 'PRODUCER'], after: offsetToCursor(1) },
  },
  'nested depth 4 (bench)': {
    operation: `{ people(first: 5) { edges { node { slug name credits(first: 5) { edges { node {
      role work { slug title credits { role person { slug name } } } } } } } } } }`,
    root: { offset: 0, limit: 5 },
  },
  'people with the total, fragments': {
    operation: `{ people(first: 2) { totalCount edges { node { ...P ... on Person { isGroup } } } } }
      fragment P on Person { slug name }`,
    root: { offset: 0, limit: 2 },
  },
  'work with credits by role': {
    operation: '{ work(slug: "w") { title kind credits(roles: [PRIMARY_ARTIST]) { role creditedAs person { name } } } }',
    root: { slug: 'w' },
  },
  'works page': {
    operation: '{ works(first: 3) { pageInfo { hasPreviousPage } edges { node { slug year } } } }',
    root: { offset: 0, limit: 3 },
  },
  'commonCollaborators (bench)': {
    operation: '{ commonCollaborators(of: ["a", "b"]) { person { slug name } sharedWorks { slug title year } } }',
    root: { of: ['a', 'b'], roles: null },
  },
  'shortestPath (bench)': {
    operation: `{ shortestPath(from: "a", to: "b", maxHops: 6) { hops steps { from { slug name } fromRoles work { slug title }
      to { slug name } toRoles } } }`,
    root: { from: 'a', to: 'b', maxHops: 6 },
  },
};

describe('read plans compile to one Cypher statement', () => {
  it.each(Object.keys(CORPUS))('%s', (name) => {
    const { operation, root, variables = {} } = CORPUS[name] as (typeof CORPUS)[string];
    const built = only(operation);
    const traversals = built.bind(variables, config);
    expect(traversals).not.toBeNull();
    const args = { root, traversals: traversals ?? {} };
    const text = planCypher(built.plan, args);
    // One statement: no statement separator, one final RETURN at the top level.
    expect(text).not.toContain(';');
    expect(text).not.toContain('properties(');
    expect({ plan: built.plan, cypher: text.split('\n'), parameters: planParameters(built.plan, args) }).toMatchSnapshot();
  });

  it('is compiled once per plan', () => {
    const built = only(CORPUS['nested depth 4 (bench)']?.operation as string);
    const args = { root: { offset: 0, limit: 5 }, traversals: built.bind({}, config) ?? {} };
    expect(planCypher(built.plan, args)).toBe(planCypher(built.plan, args));
  });

  it('reads the total only when the count or hasNextPage is asked for', () => {
    const withoutTotal = only('{ person(slug: "x") { credits(first: 2) { pageInfo { endCursor } edges { node { role } } } } }');
    const withTotal = only('{ person(slug: "x") { credits(first: 2) { pageInfo { hasNextPage } } } }');
    const args = (b: typeof withTotal) => ({ root: { slug: 'x' }, traversals: b.bind({}, config) ?? {} });
    expect(planCypher(withoutTotal.plan, args(withoutTotal))).not.toContain('COUNT {');
    expect(planCypher(withTotal.plan, args(withTotal))).toContain('COUNT {');
  });

  it('writes only the filters a request gives, one compiled text per combination', () => {
    const built = only('query Q($roles: [Role!]) { person(slug: "x") { credits(roles: $roles) { totalCount } } }');
    const text = (variables: Record<string, unknown>) =>
      planCypher(built.plan, { root: { slug: 'x' }, traversals: built.bind(variables, config) ?? {} });
    expect(text({})).not.toContain('$t0_roles');
    expect(text({ roles: ['PRODUCER'] })).toContain('c1.role IN $t0_roles');
    expect(text({ roles: ['ENGINEER'] })).toBe(text({ roles: ['PRODUCER'] }));
  });

  it('binds a traversal’s arguments from each request’s variables, as its resolver reads them', () => {
    const built = only(
      'query Q($first: Int, $kind: WorkKind) { person(slug: "x") { credits(first: $first, kind: $kind) { totalCount } } }',
    );
    expect(built.bind({ first: 7, kind: 'SONG' }, config)).toEqual({
      0: { roles: null, kind: 'SONG', yearFrom: null, yearTo: null, offset: 0, limit: 7 },
    });
    expect(built.bind({}, config)?.[0]).toMatchObject({ limit: config.DEFAULT_PAGE_SIZE });
    // Arguments the resolver refuses leave the field to it, so the error is the same as without plans.
    expect(built.bind({ first: config.MAX_PAGE_SIZE + 1 }, config)).toBeNull();
    expect(only('{ person(slug: "x") { credits(yearFrom: 2000, yearTo: 1990) { totalCount } } }').bind({}, config)).toBeNull();
  });
});

describe('selections plans leave to the loaders', () => {
  it.each([
    ['a directive', 'query Q($a: Boolean!) { person(slug: "x") { name @include(if: $a) } }'],
    [
      'one list under two names',
      '{ person(slug: "x") { a: credits(first: 1) { totalCount } b: credits(first: 2) { totalCount } } }',
    ],
    [
      'an object field under two names',
      '{ shortestPath(from: "a", to: "b") { a: steps { hops: fromRoles } b: steps { toRoles } } }',
    ],
    ['a root field without a plan', '{ search(text: "x") { name } }'],
  ])('%s', (_why, operation) => {
    expect(plansOf(operation)[0]).toBeNull();
  });

  it('places every field of Person, Work and Credit: read from properties, planned, or loaded', () => {
    for (const [typeName, table] of Object.entries(FIELD_TABLES)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      const placed = new Set([...Object.keys(table.props), ...Object.keys(table.traversals), ...table.loaded, 'person', 'work']);
      const unplaced = Object.keys(type.getFields()).filter((f) => !placed.has(f));
      expect(unplaced, typeName).toEqual([]);
    }
  });
});
