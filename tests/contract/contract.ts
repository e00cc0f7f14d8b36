// The contract suite: GraphQL operations with their expected answers, run against each store in turn.
import { expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.ts';
import { type GraphQLResponse, graphqlClient } from '../helpers.ts';

/** Operations whose full answers must be identical on both stores (compared by the Neo4j suite). */
export const AGREEMENT_OPERATIONS: Record<string, string> = {
  artistsWithBoth: /* GraphQL */ `{
    commonCollaborators(of: ["rick-rubin", "thom-russo"], roles: [PRIMARY_ARTIST]) {
      person { slug name isGroup } sharedWorks { slug title kind year }
    }
  }`,
  everyoneWithBoth: /* GraphQL */ `{
    commonCollaborators(of: ["thom-russo", "rick-rubin"]) { person { slug } sharedWorks { slug } }
  }`,
  shortestPath: /* GraphQL */ `{
    shortestPath(from: "bobby-brown", to: "johnny-cash", maxHops: 4) {
      hops steps { from { slug } work { slug } to { slug } fromRoles toRoles }
    }
  }`,
  person: /* GraphQL */ `{
    person(slug: "thom-russo") {
      id slug name isGroup aliases birthDate birthPlace { id slug name }
      birth { date place { slug } sources { document { slug kind } documentSlug citations quote span { start end } } }
      memberOf { slug } members { slug }
      affiliations { type organization { slug name kind } role detail startYear endYear period sources { quote citations } }
      associations { type direction person { slug } detail sources { quote } }
      awards { id slug award { slug name } category year work { slug } recipients { slug } sources { quote citations } }
      conflicts { slug description claims { statement source { quote citations } } subjects }
      sources { document { slug kind } documentSlug citations quote span { start end } }
    }
  }`,
  creditsPages: /* GraphQL */ `{
    person(slug: "thom-russo") {
      first: credits(first: 7) { totalCount edges { cursor node { role detail work { slug year } sources { citations quote } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      mixing: credits(roles: [MIXER, ENGINEER], first: 100) { totalCount edges { node { role work { slug } } } }
    }
  }`,
  collaborators: /* GraphQL */ `{
    person(slug: "thom-russo") {
      collaborators(first: 100) { totalCount edges { cursor node { slug } sharedWorks { slug } } }
      artists: collaborators(roles: [PRIMARY_ARTIST], first: 5) { totalCount edges { node { slug } sharedWorks { slug } } pageInfo { hasNextPage endCursor } }
    }
  }`,
  work: /* GraphQL */ `{
    work(slug: "audioslave") {
      id slug title kind year
      credits { person { slug } role detail sources { quote } }
      artists: credits(roles: [PRIMARY_ARTIST]) { person { slug } }
      parts { slug kind } partOf { slug } links { type work { slug } sources { quote } }
      awards { slug } conflicts { slug }
    }
    song: work(slug: "faith-of-the-heart") { partOf { slug kind } links { type work { slug } } }
  }`,
  works: /* GraphQL */ `{
    all: works(first: 100) { totalCount edges { node { slug kind year } } }
    films: works(kind: FILM, first: 100) { totalCount edges { node { slug } } }
    range: works(yearFrom: 2000, yearTo: 2004, first: 100) { totalCount edges { node { slug year } } }
    searched: works(search: "spider", first: 100) { edges { node { slug } } }
  }`,
  people: /* GraphQL */ `{
    all: people(first: 100) { totalCount edges { node { slug name isGroup } } }
    groups: people(search: "system", first: 10) { edges { node { slug isGroup members { slug } } } }
    paged: people(first: 3, after: "T2Zmc2V0Q29ubmVjdGlvbjoy") { edges { cursor node { slug } } pageInfo { hasPreviousPage } }
  }`,
  search: /* GraphQL */ `{
    russo: search(text: "Russo") { kind slug name }
    man: search(text: "man", first: 50) { kind slug name }
    accent: search(text: "mana") { kind slug name }
    twoWords: search(text: "latin gram") { kind slug name }
  }`,
  conflicts: /* GraphQL */ `{ conflicts { id slug description claims { statement source { document { slug kind } documentSlug citations quote span { start end } } } subjects } }`,
  filteredConflicts: /* GraphQL */ `{
    article: conflicts(sourceKind: ARTICLE) { slug subjects }
    catalogue: conflicts(sourceKind: MUSICBRAINZ) { slug }
    bySource: conflicts(source: "thom-russo-article") { slug }
    works: conflicts(aboutType: WORK) { slug subjects }
    awardWins: conflicts(aboutType: AWARD_WIN) { slug subjects }
    aboutWork: conflicts(about: "amar-es-combatir", aboutType: WORK) { slug subjects }
  }`,
  awards: /* GraphQL */ `{
    award(slug: "grammy-award") { id name wins { slug category year work { slug } recipients { slug } conflicts { slug } } }
  }`,
  nodes: /* GraphQL */ `{
    nodes(ids: ["UGVyc29uOnRob20tcnVzc28=", "V29yazpkYW5nZXJvdXM="]) { __typename id ... on Person { slug } ... on Work { slug } }
  }`,
};

const codes = (response: GraphQLResponse) => response.errors?.map((e) => e.extensions?.code) ?? [];

export function contractTests(getStore: () => GraphStore) {
  const query = (text: string) => graphqlClient(getStore())(text);

  it('answers "which artists worked with both Rick Rubin and Thom Russo" with the works as evidence', async () => {
    const { data, errors } = await query(AGREEMENT_OPERATIONS.artistsWithBoth as string);
    expect(errors).toBeUndefined();
    const answer = (data.commonCollaborators as { person: { slug: string }; sharedWorks: { slug: string }[] }[]).map((c) => [
      c.person.slug,
      c.sharedWorks.map((w) => w.slug),
    ]);
    expect(answer).toEqual([
      ['audioslave', ['audioslave', 'cochise', 'like-a-stone']],
      ['system-of-a-down', ['steal-this-album', 'roulette']],
      ['jay-z', ['99-problems']],
      ['johnny-cash', ['the-man-comes-around']],
    ]);
  });

  it('finds the shortest chain from Bobby Brown to Johnny Cash, naming each work and role', async () => {
    const { data } = await query(AGREEMENT_OPERATIONS.shortestPath as string);
    expect(data.shortestPath).toEqual({
      hops: 2,
      steps: [
        {
          from: { slug: 'bobby-brown' },
          work: { slug: 'bobby' },
          to: { slug: 'thom-russo' },
          fromRoles: ['PRIMARY_ARTIST'],
          toRoles: ['MIXER'],
        },
        {
          from: { slug: 'thom-russo' },
          work: { slug: 'the-man-comes-around' },
          to: { slug: 'johnny-cash' },
          fromRoles: ['CONTRIBUTOR'],
          toRoles: ['PRIMARY_ARTIST'],
        },
      ],
    });
  });

  it('returns null when no chain fits in maxHops', async () => {
    const { data, errors } = await query(`{ shortestPath(from: "bobby-brown", to: "johnny-cash", maxHops: 1) { hops } }`);
    expect(errors).toBeUndefined();
    expect(data.shortestPath).toBeNull();
  });

  it('tells who Thom Russo is, where and when he was born, with the quote that says so', async () => {
    const { data } = await query(
      `{ person(slug: "thom-russo") { name birthDate birthPlace { name } birth { sources { quote citations } } } }`,
    );
    const person = data.person as {
      name: string;
      birthDate: string;
      birthPlace: { name: string };
      birth: { sources: unknown[] };
    };
    expect(person.name).toBe('Thom Russo');
    expect(person.birthDate).toBe('1969-12-31');
    expect(person.birthPlace.name).toBe('Cleveland, Ohio');
    expect(person.birth.sources).toContainEqual({
      quote: 'Thom Russo was born on December 31, 1969, in Cleveland, Ohio.',
      citations: ['2'],
    });
  });

  it('pages credits with cursors: no overlap, no gap, a stable total', async () => {
    const run = graphqlClient(getStore());
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const response: GraphQLResponse = await run(
        `query($after: String) { person(slug: "thom-russo") { credits(first: 10, after: $after) { totalCount
          edges { node { role work { slug } } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const credits = (response.data.person as { credits: Record<string, never> }).credits as unknown as {
        totalCount: number;
        edges: { node: { role: string; work: { slug: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      total = credits.totalCount;
      seen.push(...credits.edges.map((e) => `${e.node.work.slug}/${e.node.role}`));
      if (!credits.pageInfo.hasNextPage) break;
      after = credits.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(50);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('records the conflicting categories of the 2007 Grammy for Amar es Combatir, each with its quote', async () => {
    const { data } = await query(`{ work(slug: "amar-es-combatir") { awards { year category }
      conflicts { description claims { statement source { quote } } } } }`);
    const work = data.work as {
      awards: { year: number; category: string }[];
      conflicts: { claims: { source: { quote: string } }[] }[];
    };
    expect(work.awards.filter((a) => a.year === 2007).map((a) => a.category)).toEqual(
      expect.arrayContaining(['Best Latin Pop Album', 'Best Latin Rock, Alternative or Pop Album']),
    );
    const quotes = work.conflicts.flatMap((c) => c.claims.map((claim) => claim.source.quote));
    expect(quotes.some((q) => q.includes('Best Latin Rock, Alternative or Pop Album'))).toBe(true);
    expect(quotes.some((q) => q.includes('Best Latin Pop Album'))).toBe(true);
  });

  it('finds people and works by full-text search, ignoring case and accents', async () => {
    const { data } = await query(AGREEMENT_OPERATIONS.search as string);
    expect((data.russo as { slug: string }[])[0]?.slug).toBe('thom-russo');
    expect((data.accent as { slug: string }[]).map((h) => h.slug)).toContain('mana');
    expect((data.twoWords as { slug: string }[]).map((h) => h.slug)).toContain('latin-grammy-award');
  });

  it('resolves global ids through node and nodes', async () => {
    const { data } = await query(AGREEMENT_OPERATIONS.nodes as string);
    expect(data.nodes).toEqual([
      { __typename: 'Person', id: 'UGVyc29uOnRob20tcnVzc28=', slug: 'thom-russo' },
      { __typename: 'Work', id: 'V29yazpkYW5nZXJvdXM=', slug: 'dangerous' },
    ]);
  });

  it.each([
    ['an unknown person', `{ person(slug: "nobody-at-all") { name } }`, 'NOT_FOUND'],
    ['an unknown work', `{ work(slug: "dangerus") { title } }`, 'NOT_FOUND'],
    [
      'an unknown slug in commonCollaborators',
      `{ commonCollaborators(of: ["thom-russo", "nobody"]) { person { slug } } }`,
      'NOT_FOUND',
    ],
    ['an empty "of"', `{ commonCollaborators(of: []) { person { slug } } }`, 'BAD_USER_INPUT'],
    [
      'a single person in "of"',
      `{ commonCollaborators(of: ["thom-russo", "thom-russo"]) { person { slug } } }`,
      'BAD_USER_INPUT',
    ],
    ['an absurd maxHops', `{ shortestPath(from: "bobby-brown", to: "johnny-cash", maxHops: 1000) { hops } }`, 'BAD_USER_INPUT'],
    ['an unknown shortestPath end', `{ shortestPath(from: "bobby-brown", to: "nobody") { hops } }`, 'NOT_FOUND'],
    ['a huge page', `{ people(first: 100000) { totalCount } }`, 'BAD_USER_INPUT'],
    ['a negative page', `{ people(first: -1) { totalCount } }`, 'BAD_USER_INPUT'],
    ['a forged cursor', `{ people(after: "not-a-cursor") { totalCount } }`, 'BAD_USER_INPUT'],
    ['an empty search', `{ search(text: "  ") { slug } }`, 'BAD_USER_INPUT'],
    ['an inverted year range', `{ works(yearFrom: 2010, yearTo: 2000) { totalCount } }`, 'BAD_USER_INPUT'],
  ])('refuses %s with a clear, coded error', async (_name, text, code) => {
    const response = await query(text);
    expect(codes(response)).toEqual([code]);
    expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
  });
}
