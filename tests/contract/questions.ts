// The contract for everyday questions: lookups by name, credits filtered by year and kind, counts, rankings.
import { expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.ts';
import { graphqlClient } from '../helpers.ts';

/** Operations whose full answers must be identical on both stores. */
export const QUESTION_OPERATIONS: Record<string, string> = {
  byName: /* GraphQL */ `{
    person(name: "thom russo") { slug }
    bySlugWords: person(slug: "Thom Russo") { slug }
    work(title: "Dangerous") { slug kind year }
  }`,
  filteredCredits: /* GraphQL */ `{
    person(slug: "thom-russo") {
      nineties: credits(yearFrom: 1990, yearTo: 1999, first: 100) { totalCount edges { node { role work { slug year } } } }
      films: credits(kind: FILM, first: 100) { totalCount edges { node { role work { slug kind } } } }
      mixes2000s: credits(roles: [MIXER], yearFrom: 2000, yearTo: 2009, first: 100) { totalCount edges { node { work { slug } } } }
    }
  }`,
  creditStats: /* GraphQL */ `{
    person(slug: "thom-russo") { creditStats { total undated byRole { role count } byKind { kind count } byYear { year count } byDecade { decade count } } }
    work(slug: "audioslave") { creditStats { total byRole { role count } } }
  }`,
  documents: /* GraphQL */ `{
    document(slug: "thom-russo-article") { slug title url kind licence }
    documents(first: 10) { totalCount edges { node { slug title kind } } }
    person(slug: "thom-russo") { birth { sources { documentSlug quote span { start end } } } }
  }`,
  topPeople: /* GraphQL */ `{
    byCredits: topPeople(first: 5) { person { slug } count }
    byCollaborators: topPeople(by: COLLABORATORS, first: 5) { person { slug } count }
    producers: topPeople(roles: [PRODUCER, CO_PRODUCER], first: 5) { person { slug } count }
  }`,
};

const codes = (response: { errors?: { extensions?: { code?: string } }[] }) =>
  response.errors?.map((e) => e.extensions?.code) ?? [];

export function questionTests(getStore: () => GraphStore) {
  const query = (text: string) => graphqlClient(getStore())(text);

  it('finds a person or a work by name, and by a slug written as a name', async () => {
    const { data, errors } = await query(QUESTION_OPERATIONS.byName as string);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      person: { slug: 'thom-russo' },
      bySlugWords: { slug: 'thom-russo' },
      work: { slug: 'dangerous', kind: 'ALBUM', year: 1991 },
    });
  });

  it('answers NOT_FOUND with the closest matches when a name or slug names nobody', async () => {
    const response = await query(`{ person(slug: "russo") { slug } }`);
    expect(codes(response)).toEqual(['NOT_FOUND']);
    expect(response.errors?.[0]?.message).toBe('No person with slug "russo". Closest: "thom-russo" (Thom Russo).');
    expect((response.errors?.[0]?.extensions as { suggestions: unknown }).suggestions).toEqual([
      { slug: 'thom-russo', name: 'Thom Russo' },
    ]);
    const byName = await query(`{ work(title: "Spider-Man 9") { slug } }`);
    expect(codes(byName)).toEqual(['NOT_FOUND']);
    expect(byName.errors?.[0]?.message).toMatch(/^No work named "Spider-Man 9"\. Closest: "spider-man/);
    expect(codes(await query(`{ person { slug } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await query(`{ person(slug: "thom-russo", name: "Thom Russo") { slug } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it("filters Thom Russo's credits to the 1990s, to films, and to his mixes of the 2000s", async () => {
    const { data, errors } = await query(QUESTION_OPERATIONS.filteredCredits as string);
    expect(errors).toBeUndefined();
    type Credits = {
      totalCount: number;
      edges: { node: { role: string; work: { slug: string; year?: number; kind?: string } } }[];
    };
    const person = data.person as Record<string, Credits>;
    const nineties = person.nineties as Credits;
    expect(nineties.totalCount).toBe(12);
    expect(nineties.edges.every((e) => (e.node.work.year as number) >= 1990 && (e.node.work.year as number) <= 1999)).toBe(true);
    const films = person.films as Credits;
    expect(films.totalCount).toBe(5);
    expect(films.edges.every((e) => e.node.work.kind === 'FILM')).toBe(true);
    expect((person.mixes2000s as Credits).totalCount).toBeGreaterThan(0);
    expect(codes(await query(`{ person(slug: "thom-russo") { credits(yearFrom: 2000, yearTo: 1990) { totalCount } } }`))).toEqual(
      ['BAD_USER_INPUT'],
    );
  });

  it('counts credits by role, kind and decade, and the counts add up', async () => {
    const { data, errors } = await query(QUESTION_OPERATIONS.creditStats as string);
    expect(errors).toBeUndefined();
    type Stats = {
      total: number;
      undated: number;
      byRole: { role: string; count: number }[];
      byKind: { count: number }[];
      byYear: { year: number; count: number }[];
      byDecade: { decade: number; count: number }[];
    };
    const stats = (data.person as { creditStats: Stats }).creditStats;
    const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    expect(stats.total).toBe(75);
    expect(sum(stats.byRole)).toBe(stats.total);
    expect(sum(stats.byKind)).toBe(stats.total);
    expect(sum(stats.byYear) + stats.undated).toBe(stats.total);
    expect(sum(stats.byDecade)).toBe(sum(stats.byYear));
    expect(stats.byRole[0]).toEqual({ role: 'MIXER', count: 23 });
    expect(stats.byDecade).toEqual([
      { decade: 1990, count: 12 },
      { decade: 2000, count: 19 },
      { decade: 2010, count: 3 },
    ]);
  });

  it("lists the source documents and places each quote in its document's text", async () => {
    const { data, errors } = await query(QUESTION_OPERATIONS.documents as string);
    expect(errors).toBeUndefined();
    expect(data.document).toEqual({ slug: 'thom-russo-article', title: 'Thom Russo', url: null, kind: 'ARTICLE', licence: null });
    // The seed's two documents and the MusicBrainz page of the catalogue loaded beside it, by slug.
    expect(data.documents).toEqual({
      totalCount: 3,
      edges: [
        { node: { slug: 'liner-editorial-inference', title: expect.stringMatching(/^Inferred/), kind: 'EDITORIAL' } },
        { node: expect.objectContaining({ slug: expect.stringMatching(/^musicbrainz-artist-/) }) },
        { node: { slug: 'thom-russo-article', title: 'Thom Russo', kind: 'ARTICLE' } },
      ],
    });
    const { data: withText } = await query(
      `{ person(slug: "thom-russo") { sources { quote span { start end } document { slug text } } } }`,
    );
    const sources = (
      withText.person as {
        sources: {
          quote: string;
          span: { start: number; end: number } | null;
          document: { slug: string; text: string | null };
        }[];
      }
    ).sources;
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      if (source.document.slug !== 'thom-russo-article') continue;
      expect(source.span, source.quote).not.toBeNull();
      const { start, end } = source.span as { start: number; end: number };
      expect(source.document.text?.slice(start, end)).toBe(source.quote);
    }
    const missing = await query(`{ document(slug: "no-such-document") { slug } }`);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('ranks people by credits and by collaborators, ties by slug', async () => {
    const { data, errors } = await query(QUESTION_OPERATIONS.topPeople as string);
    expect(errors).toBeUndefined();
    const top = data.byCredits as { person: { slug: string }; count: number }[];
    expect(top[0]).toEqual({ person: { slug: 'thom-russo' }, count: 75 });
    for (let i = 1; i < top.length; i++) {
      const [a, b] = [top[i - 1], top[i]] as [(typeof top)[0], (typeof top)[0]];
      expect(a.count > b.count || (a.count === b.count && a.person.slug < b.person.slug)).toBe(true);
    }
    expect((data.byCollaborators as { person: { slug: string }; count: number }[])[0]).toEqual({
      person: { slug: 'thom-russo' },
      count: 22,
    });
    expect(codes(await query(`{ topPeople(first: 0) { count } }`))).toEqual(['BAD_USER_INPUT']);
  });
}
