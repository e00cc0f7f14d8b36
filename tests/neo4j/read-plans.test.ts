// Read plans on the real Neo4j: one Cypher statement per covered root field (counted where the driver sends them,
// Session#run and Transaction#run), and answers byte for byte the same as the loaders give on the same database.
import { offsetToCursor } from '@pothos/plugin-relay';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { countingStore, testConfig } from '../helpers.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

/** Statements the driver was asked to run, counted by wrapping its two `run` methods. */
const sent: string[] = [];
const originals = new Map<object, (...args: unknown[]) => unknown>();
for (const prototype of [neo4j.Session.prototype, neo4j.Transaction.prototype] as unknown as {
  run: (...args: unknown[]) => unknown;
}[]) {
  const run = prototype.run;
  originals.set(prototype, run);
  prototype.run = function (this: unknown, ...args: unknown[]) {
    sent.push(String(args[0]));
    return run.apply(this, args);
  };
}

/** The bench's operations and others the plans cover, with the statements each takes. */
const OPERATIONS: {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  statements: number;
  error?: boolean;
}[] = [
  {
    name: 'person (bench)',
    query: 'query P($slug: String!) { person(slug: $slug) { slug name isGroup aliases } }',
    variables: { slug: 'thom-russo' },
    statements: 1,
  },
  {
    name: 'commonCollaborators (bench)',
    query: 'query C($of: [String!]!) { commonCollaborators(of: $of) { person { slug name } sharedWorks { slug title year } } }',
    variables: { of: ['rick-rubin', 'thom-russo'] },
    statements: 1,
  },
  {
    name: 'shortestPath (bench)',
    query: `query S($from: String!, $to: String!) { shortestPath(from: $from, to: $to, maxHops: 6) {
      hops steps { from { slug name } fromRoles work { slug title } to { slug name } toRoles } } }`,
    variables: { from: 'bobby-brown', to: 'johnny-cash' },
    statements: 1,
  },
  {
    name: 'nested depth 4 (bench)',
    query: `{ people(first: 5) { edges { node { slug name credits(first: 5) { edges { node {
      role work { slug title credits { role person { slug name } } } } } } } } } }`,
    statements: 1,
  },
  {
    name: 'a page of credits with its total, cursors and sources',
    query: `query($after: String) { person(slug: "thom-russo") { id name sources { document { slug } quote citations }
      credits(first: 4, after: $after, yearFrom: 1990) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { role detail attributes creditedAs beginDate endDate sources { quote }
      person { slug } work { slug title kind year date sources { document { title } } } } } } } }`,
    variables: { after: offsetToCursor(1) },
    // The plan, then the sources' documents (person's and works', one batch) by their loader.
    statements: 2,
  },
  {
    name: 'works with their credits, by role',
    query: `{ works(first: 4) { totalCount pageInfo { hasNextPage } edges { node { slug title year
      credits(roles: [PRIMARY_ARTIST, PRODUCER]) { role person { slug name isGroup } } } } } }`,
    statements: 1,
  },
  {
    name: 'a work and its credits, with fragments',
    query: `{ work(slug: "the-man-comes-around") { ...W credits { ...C } } }
      fragment W on Work { slug title kind }
      fragment C on Credit { role person { ... on Person { slug name } } }`,
    statements: 1,
  },
  {
    name: 'a plan and a loaded field beside it',
    query: '{ person(slug: "rick-rubin") { name creditStats { total } credits(first: 2) { totalCount } } }',
    // The plan, then the loader for creditStats (every credit of the person).
    statements: 2,
  },
  {
    name: 'a person not found falls back to the lookup and its error',
    query: '{ person(slug: "nobody-at-all") { name } }',
    // The plan answers nothing; then the lookup as without plans: the slug, and four searches for the closest names.
    statements: 6,
    error: true,
  },
];

describeNeo4j('read plans on Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await seededNeo4jStore();
  });
  afterAll(async () => {
    for (const [prototype, run] of originals) (prototype as { run: unknown }).run = run;
    await store.close();
  });

  /** The raw response text, as a client would receive it. */
  async function answer(on: GraphStore, query: string, variables?: Record<string, unknown>) {
    const app = createApp({ store: on, config: testConfig });
    const response = await app.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return response.text();
  }

  it.each(OPERATIONS)('$name: $statements statement(s), the same bytes as the loaders give', async (op) => {
    // The same store without plans: every field through the loaders, as before plans.
    const withoutPlans = Object.create(store, { runPlan: { value: undefined } }) as GraphStore;
    const before = await answer(withoutPlans, op.query, op.variables);
    sent.length = 0;
    const planned = await answer(store, op.query, op.variables);
    expect(sent.length, sent.join('\n---\n')).toBe(op.statements);
    expect(planned).toBe(before);
    expect(planned.includes('"errors"')).toBe(op.error === true);
    // A second request reuses the plan built by the first and still takes as many statements.
    sent.length = 0;
    expect(await answer(store, op.query, op.variables)).toBe(planned);
    expect(sent.length).toBe(op.statements);
  });

  it('READ_PLANS=false answers every field through the loaders, with the same bytes', async () => {
    const { store: counted, calls } = countingStore(store);
    const app = createApp({ store: counted, config: loadConfig({ LOG_LEVEL: 'silent', READ_PLANS: 'false' }) });
    const op = OPERATIONS[3] as (typeof OPERATIONS)[number];
    const response = await app.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: op.query }),
    });
    expect(await response.text()).toBe(await answer(store, op.query));
    expect(Object.fromEntries(calls)).toEqual({ listPeople: 1, creditsOfPeople: 1, creditsOfWorks: 1 });
  });

  it('answers more than the empty shape: the corpus reads real data', async () => {
    const text = await answer(store, OPERATIONS[3]?.query as string);
    expect(text).toContain('"credits":{"edges":[{"node":{"role"');
    expect(JSON.parse(await answer(store, OPERATIONS[0]?.query as string, OPERATIONS[0]?.variables))).toMatchObject({
      data: { person: { slug: 'thom-russo', name: 'Thom Russo' } },
    });
  });
});
