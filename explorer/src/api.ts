// The explorer's only way to the data: the public GraphQL API at /graphql, as any client would use it.

export const GRAPHQL_PATH = '/graphql';

/** The API's Role enum; the explorer names the ones it knows (format.ts) and shows the others as they are. */
export type Role = string;

export interface Identifier {
  scheme: string;
  value: string;
  url: string | null;
}

export interface Source {
  document: { slug: string; title: string; url: string | null };
  quote: string;
  citations: string[];
  /** Where the quote stands in the document's text, where Liner holds it. */
  span: { start: number; end: number } | null;
}
export interface DocumentDetail {
  slug: string;
  title: string;
  url: string | null;
  kind: string | null;
  licence: string | null;
  text: string | null;
}
export interface PersonRef {
  slug: string;
  name: string;
}
export interface WorkRef {
  slug: string;
  title: string;
  year: number | null;
  /** Asked for where titles alone are ambiguous (a film series and its film share a title). */
  kind?: string;
}
export interface ConflictRef {
  slug: string;
  description: string;
}
export interface Conflict extends ConflictRef {
  subjects: string[];
  claims: { statement: string; source: Source }[];
}
export interface AwardWin {
  slug: string;
  year: number | null;
  category: string | null;
  award: { name: string };
  work: WorkRef | null;
  recipients: PersonRef[];
  sources: Source[];
  conflicts: ConflictRef[];
}
export interface SearchHit {
  kind: 'PERSON' | 'WORK' | 'AWARD' | 'ORGANIZATION' | 'PLACE';
  name: string;
  slug: string;
}
export interface Collaborator {
  id: string;
  slug: string;
  name: string;
  sharedWorks: WorkRef[];
}
export interface PersonDetail extends PersonRef {
  id: string;
  isGroup: boolean;
  aliases: string[];
  kind: string | null;
  disambiguation: string | null;
  beginDate: string | null;
  endDate: string | null;
  area: { name: string } | null;
  identifiers: Identifier[];
  birth: { date: string | null; place: { name: string }; sources: Source[] } | null;
  sources: Source[];
  members: PersonRef[];
  memberOf: PersonRef[];
  associations: { type: string; direction: 'IN' | 'OUT'; detail: string | null; person: PersonRef }[];
  affiliations: Affiliation[];
  credits: {
    totalCount: number;
    edges: { node: { role: Role; detail: string | null; work: WorkRef; sources: Source[] } }[];
  };
  awards: AwardWin[];
  conflicts: Conflict[];
}
/** A person at a school or studio; a source may state the same stay more than once, in other words. */
export interface Affiliation {
  type: string;
  organization: { slug: string; name: string };
  role: string | null;
  detail: string | null;
  startYear: number | null;
  endYear: number | null;
  period: string | null;
  sources: Source[];
}
export interface WorkDetail extends WorkRef {
  id: string;
  kind: string;
  date: string | null;
  disambiguation: string | null;
  identifiers: Identifier[];
  sources: Source[];
  partOf: WorkRef[];
  parts: WorkRef[];
  credits: { role: Role; detail: string | null; person: PersonRef; sources: Source[] }[];
  awards: AwardWin[];
  conflicts: Conflict[];
}
export interface PathStep {
  from: PersonRef & { id: string };
  fromRoles: Role[];
  work: WorkRef;
  to: PersonRef & { id: string };
  toRoles: Role[];
}
export interface Path {
  hops: number;
  steps: PathStep[];
}

/** An error the API answered with, keeping its `extensions.code` (NOT_FOUND, BAD_USER_INPUT…). */
export class ApiError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export async function graphql<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal: signal ?? null,
  });
  let body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without GraphQL.`);
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code);
  if (!body.data) throw new ApiError(`The server answered ${response.status} with no data.`);
  return body.data;
}

/**
 * The operation with its variables written in as literals, for GraphiQL: its URL carries a query and no variables.
 * Only `$name` tokens outside strings and comments are replaced; every query here is written that way.
 */
export function inlineVariables(query: string, variables: Record<string, unknown>): string {
  return query
    .replace(/^(\s*query\s+\w+)\s*\([^)]*\)/m, '$1')
    .replace(/\$(\w+)/g, (token, name: string) => (name in variables ? JSON.stringify(variables[name]) : token));
}

// Every query stays within depth 6 and a few hundred tokens, so it passes usual depth and cost limits.
const SOURCE = 'document { slug title url } quote citations span { start end }';

export const SEARCH = /* GraphQL */ `query Search($text: String!) {
  search(text: $text, first: 20) { kind name slug }
}`;

export const COLLABORATORS = /* GraphQL */ `query Collaborators($slug: String!) {
  person(slug: $slug) {
    id slug name
    collaborators(first: 100) {
      totalCount
      edges { node { id slug name } sharedWorks { id slug title year } }
    }
  }
}`;

/** How many distinct works each person is credited on: sizes the nodes. */
export const WORK_COUNTS = /* GraphQL */ `query WorkCounts($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Person { slug credits(first: 100) { totalCount edges { node { work { slug } } } } }
  }
}`;

/** Works drawn as nodes: who is credited on each and in what role, and the awards each won, with their recipients. */
export const WORK_NODES = /* GraphQL */ `query WorkNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Work {
      slug title year kind
      credits { role person { slug } }
      awards { slug year category award { name } recipients { slug } }
    }
  }
}`;

export const PERSON = /* GraphQL */ `query Person($slug: String!) {
  person(slug: $slug) {
    id slug name isGroup aliases kind disambiguation beginDate endDate area { name }
    identifiers { scheme value url }
    birth { date place { name } sources { ${SOURCE} } }
    sources { ${SOURCE} }
    members { slug name }
    memberOf { slug name }
    associations { type direction detail person { slug name } }
    affiliations {
      type organization { slug name } role detail startYear endYear period sources { ${SOURCE} }
    }
    credits(first: 100) {
      totalCount
      edges { node { role detail work { slug title year } sources { ${SOURCE} } } }
    }
    awards {
      slug year category award { name } work { slug title year } recipients { slug name }
      sources { ${SOURCE} } conflicts { slug description }
    }
    conflicts { slug description subjects claims { statement source { ${SOURCE} } } }
  }
}`;

export const WORK = /* GraphQL */ `query Work($slug: String!) {
  work(slug: $slug) {
    id slug title kind year date disambiguation
    identifiers { scheme value url }
    sources { ${SOURCE} }
    partOf { slug title year kind }
    parts { slug title year kind }
    credits { role detail person { slug name } sources { ${SOURCE} } }
    awards {
      slug year category award { name } work { slug title year } recipients { slug name }
      sources { ${SOURCE} } conflicts { slug description }
    }
    conflicts { slug description subjects claims { statement source { ${SOURCE} } } }
  }
}`;

export const DOCUMENT = /* GraphQL */ `query Document($slug: String!) {
  document(slug: $slug) { slug title url kind licence text }
}`;

export const SHORTEST_PATH = /* GraphQL */ `query ShortestPath($from: String!, $to: String!, $maxHops: Int) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops) {
    hops
    steps { from { id slug name } fromRoles work { slug title year } to { id slug name } toRoles }
  }
}`;

export const search = (text: string, signal?: AbortSignal) =>
  graphql<{ search: SearchHit[] }>(SEARCH, { text }, signal).then((d) => d.search);

export const collaborators = (slug: string) =>
  graphql<{
    person:
      | (PersonRef & {
          id: string;
          collaborators: {
            totalCount: number;
            edges: { node: PersonRef & { id: string }; sharedWorks: (WorkRef & { id: string })[] }[];
          };
        })
      | null;
  }>(COLLABORATORS, { slug }).then((d) => d.person);

export async function workCounts(ids: string[]): Promise<Map<string, number>> {
  const data = await graphql<{
    nodes: ({ slug?: string; credits?: { edges: { node: { work: { slug: string } } }[] } } | null)[];
  }>(WORK_COUNTS, { ids });
  const counts = new Map<string, number>();
  for (const node of data.nodes) {
    if (node?.slug && node.credits) counts.set(node.slug, new Set(node.credits.edges.map((e) => e.node.work.slug)).size);
  }
  return counts;
}

export interface WorkNode extends WorkRef {
  kind: string;
  credits: { role: Role; person: { slug: string } }[];
  awards: { slug: string; year: number | null; category: string | null; award: { name: string }; recipients: { slug: string }[] }[];
}

/** The works with these global ids, for drawing them as nodes; ids that name no work are left out. */
export const workNodes = (ids: string[]) =>
  graphql<{ nodes: (Partial<WorkNode> | null)[] }>(WORK_NODES, { ids }).then((d) =>
    d.nodes.filter((n): n is WorkNode => Boolean(n?.slug && n.credits)),
  );

export const person = (slug: string) => graphql<{ person: PersonDetail | null }>(PERSON, { slug }).then((d) => d.person);
export const work = (slug: string) => graphql<{ work: WorkDetail | null }>(WORK, { slug }).then((d) => d.work);
export const shortestPath = (from: string, to: string, maxHops: number) =>
  graphql<{ shortestPath: Path | null }>(SHORTEST_PATH, { from, to, maxHops }).then((d) => d.shortestPath);
export const documentOf = (slug: string) =>
  graphql<{ document: DocumentDetail | null }>(DOCUMENT, { slug }).then((d) => d.document);

export interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  items: T[];
}

export const PEOPLE_PAGE = /* GraphQL */ `query PeoplePage($first: Int!, $after: String) {
  people(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug name } } }
}`;

export const WORKS_PAGE = /* GraphQL */ `query WorksPage($first: Int!, $after: String) {
  works(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { slug title year kind } }
  }
}`;

type Connection<T> = { totalCount: number; pageInfo: Page<T>['pageInfo']; edges: { node: T }[] };
const page = <T>({ totalCount, pageInfo, edges }: Connection<T>): Page<T> => ({
  totalCount,
  pageInfo,
  items: edges.map((e) => e.node),
});

export const peoplePage = (first: number, after: string | null) =>
  graphql<{ people: Connection<PersonRef> }>(PEOPLE_PAGE, { first, after }).then((d) => page(d.people));
export const worksPage = (first: number, after: string | null) =>
  graphql<{ works: Connection<WorkRef> }>(WORKS_PAGE, { first, after }).then((d) => page(d.works));
