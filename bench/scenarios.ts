// What each scenario asks of each server: Liner's GraphQL, the raw-Cypher floor and @neo4j/graphql's equivalent.
import { ROLES } from '../src/dataset/format.ts';
import type { BenchManifest } from './dataset/synthetic.ts';
import type { RequestSpec } from './lib/load.ts';

/** Liner on the embedded store or on Neo4j (both with or without the response cache), the floor, and the peer. */
export type Target = 'embedded' | 'neo4j' | 'raw' | 'peer';
export type ScenarioName = 'person' | 'commonCollaborators' | 'shortestPath' | 'nested' | 'upsertPerson' | 'addCredit';

export const BENCH_TOKEN = 'bench-token-0123456789abcdef';
/** Per-client limits raised for the bench: its load comes from one address, far past what one client should send. */
export const BENCH_LIMITS = { RATE_LIMIT_PER_SECOND: '0', MAX_CONCURRENT_PER_CLIENT: '10000', MAX_EXPORTS_PER_CLIENT: '100' };
const DOCUMENT = 'synthetic-catalogue';

const graphql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const post = (body: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'POST',
  path: '/graphql',
  body,
  expect: (answer) => answer.startsWith('{"data"') && !answer.includes('"errors"'),
  ...extra,
});
const get = (path: string): RequestSpec => ({ method: 'GET', path, expect: (answer) => answer.startsWith('{"data"') });
const authorised = { authorization: `Bearer ${BENCH_TOKEN}` };

export const HELLO: RequestSpec = post(graphql('{ hello }'));

export interface Scenario {
  name: ScenarioName;
  kind: 'read' | 'write';
  /** What it exercises, for the report. */
  description: string;
  requests: Record<Target, RequestSpec>;
}

export function scenarios(m: BenchManifest): Scenario[] {
  const [a, b] = m.prolific;
  const { from, to } = m.distant;
  return [
    {
      name: 'person',
      kind: 'read',
      description: `person(slug: "${m.probe}") { slug name isGroup aliases }`,
      requests: {
        embedded: post(
          graphql('query P($slug: String!) { person(slug: $slug) { slug name isGroup aliases } }', { slug: m.probe }),
        ),
        neo4j: post(graphql('query P($slug: String!) { person(slug: $slug) { slug name isGroup aliases } }', { slug: m.probe })),
        raw: get(`/person?slug=${m.probe}`),
        peer: post(
          graphql('query P($slug: String!) { people(where: { slug: { eq: $slug } }) { slug name isGroup aliases } }', {
            slug: m.probe,
          }),
        ),
      },
    },
    {
      name: 'commonCollaborators',
      kind: 'read',
      description: `commonCollaborators(of: ["${a}", "${b}"]) with each one's shared works`,
      requests: {
        embedded: post(
          graphql(
            'query C($of: [String!]!) { commonCollaborators(of: $of) { person { slug name } sharedWorks { slug title year } } }',
            { of: [a, b] },
          ),
        ),
        neo4j: post(
          graphql(
            'query C($of: [String!]!) { commonCollaborators(of: $of) { person { slug name } sharedWorks { slug title year } } }',
            { of: [a, b] },
          ),
        ),
        raw: get(`/common?of=${a}&of=${b}`),
        peer: post(
          graphql(
            'query C($of: [String!]!) { commonCollaborators(of: $of) { slug name sharedWorks(with: $of) { slug title year } } }',
            { of: [a, b] },
          ),
        ),
      },
    },
    {
      name: 'shortestPath',
      kind: 'read',
      description: `shortestPath(from: "${from}", to: "${to}", maxHops: 6): ${m.distant.hops} hops`,
      requests: {
        embedded: post(graphql(PATH, { from, to })),
        neo4j: post(graphql(PATH, { from, to })),
        raw: get(`/path?from=${from}&to=${to}`),
        peer: post(
          graphql(
            'query S($from: String!, $to: String!) { shortestPath(from: $from, to: $to, maxHops: 6) { from fromRoles work to toRoles } }',
            { from, to },
          ),
        ),
      },
    },
    {
      name: 'nested',
      kind: 'read',
      description: 'people(first: 5) → credits(first: 5) → work → credits → person (depth 4)',
      requests: {
        embedded: post(graphql(NESTED)),
        neo4j: post(graphql(NESTED)),
        raw: get('/nested?first=5'),
        peer: post(graphql(PEER_NESTED)),
      },
    },
    {
      name: 'upsertPerson',
      kind: 'write',
      description: 'upsertPerson with a new slug per request (Bearer token); the peer runs createPeople',
      requests: {
        embedded: post('', { headers: authorised, bodyFor: (n) => graphql(UPSERT, upsertInput('embedded', n)) }),
        neo4j: post('', { headers: authorised, bodyFor: (n) => graphql(UPSERT, upsertInput('neo4j', n)) }),
        raw: {
          method: 'POST',
          path: '/upsert-person',
          bodyFor: (n) =>
            JSON.stringify({ slug: `bench-raw-${n}`, name: `Bench Raw ${n}`, document: DOCUMENT, quote: 'Benchmark write' }),
          expect: (answer) => answer.startsWith('{"data"'),
        },
        peer: post('', {
          bodyFor: (n) =>
            graphql(
              'mutation U($slug: String!, $name: String!) { createPeople(input: [{ slug: $slug, name: $name, isGroup: false }]) { people { slug name } } }',
              { slug: `bench-peer-${n}`, name: `Bench Peer ${n}` },
            ),
        }),
      },
    },
    {
      name: 'addCredit',
      kind: 'write',
      description: 'addCredit between sampled people and works, rotating roles (Bearer token); the peer connects',
      requests: {
        embedded: post('', { headers: authorised, bodyFor: (n) => graphql(ADD_CREDIT, { input: creditInput(m, n) }) }),
        neo4j: post('', { headers: authorised, bodyFor: (n) => graphql(ADD_CREDIT, { input: creditInput(m, n) }) }),
        raw: {
          method: 'POST',
          path: '/add-credit',
          bodyFor: (n) => JSON.stringify(creditInput(m, n, true)),
          expect: (answer) => answer.startsWith('{"data"'),
        },
        peer: post('', {
          bodyFor: (n) => {
            const c = creditInput(m, n);
            return graphql(
              'mutation A($person: String!, $work: String!, $role: String!) { updatePeople(where: { slug: { eq: $person } }, update: { credits: [{ connect: [{ where: { node: { slug: { eq: $work } } }, edge: { role: $role } }] }] }) { people { slug } } }',
              { person: c.person, work: c.work, role: c.role },
            );
          },
        }),
      },
    },
  ];
}

const PATH = /* GraphQL */ `query S($from: String!, $to: String!) { shortestPath(from: $from, to: $to, maxHops: 6) {
  hops steps { from { slug name } fromRoles work { slug title } to { slug name } toRoles } } }`;

const NESTED = /* GraphQL */ `{ people(first: 5) { edges { node { slug name credits(first: 5) { edges { node {
  role work { slug title credits { role person { slug name } } } } } } } } } }`;

const PEER_NESTED = /* GraphQL */ `{ people(limit: 5, sort: [{ slug: ASC }]) { slug name
  creditsConnection(first: 5, sort: [{ node: { year: ASC } }, { node: { slug: ASC } }]) { edges { properties { role }
  node { slug title creditedConnection { edges { properties { role } node { slug name } } } } } } } }`;

const UPSERT = /* GraphQL */ `mutation U($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug name } }`;
const ADD_CREDIT = /* GraphQL */ `mutation A($input: CreditInput!) { addCredit(input: $input) { role person { slug } work { slug } } }`;

const upsertInput = (target: string, n: number) => ({
  input: { slug: `bench-${target}-${n}`, name: `Bench ${target} ${n}`, source: { document: DOCUMENT, quote: 'Benchmark write' } },
});

function creditInput(m: BenchManifest, n: number, flat = false) {
  const person = m.samplePeople[n % m.samplePeople.length] as string;
  const work = m.sampleWorks[Math.floor(n / m.samplePeople.length) % m.sampleWorks.length] as string;
  const role = ROLES[n % ROLES.length] as string;
  return flat
    ? { person, work, role, document: DOCUMENT, quote: 'Benchmark credit' }
    : { person, work, role, source: { document: DOCUMENT, quote: 'Benchmark credit' } };
}
