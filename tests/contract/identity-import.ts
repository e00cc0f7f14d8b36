// Identity across sources, run against each store: a MusicBrainz-shaped and a Discogs-shaped dataset sharing
// identifiers become one person and one work whose facts list both sources, whose differing values are conflicts
// with a claim from each, filterable by source and subject; importing either again changes nothing.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.ts';
import { ingestRows, readDatasetRows } from '../../src/ingest/pipeline.ts';
import { graphqlClient } from '../helpers.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/identity/${name}`, import.meta.url));
export const MUSICBRAINZ_SHAPED = fixture('musicbrainz-shaped.json');
export const DISCOGS_SHAPED = fixture('discogs-shaped.json');
const MB = 'musicbrainz-artist-f6596571';
const DISCOGS = 'discogs-artist-303961';

/** Runs in order on a store holding the seed: the first test imports both datasets. */
export function identityImportTests(getStore: () => GraphStore) {
  const query = (text: string, variables?: Record<string, unknown>) => graphqlClient(getStore())(text, variables);
  const documents = (sources: { documentSlug: string }[]) => sources.map((s) => s.documentSlug);

  it('imports a second source onto the nodes the first holds, by shared identifier only', async () => {
    const first = await ingestRows(getStore(), await readDatasetRows(MUSICBRAINZ_SHAPED));
    expect(first).toMatchObject({ merged: 0, conflicts: 0 });
    const second = await ingestRows(getStore(), await readDatasetRows(DISCOGS_SHAPED));
    // Mary Hopkin (by DISCOGS_ARTIST) and the single (by DISCOGS_MASTER) were there already; "Post Card" is new.
    expect(second).toMatchObject({ merged: 2, conflicts: 2 });
    const ghosts = await query(
      /* GraphQL */ `{ a: person(slug: "mary-hopkin-2") { slug } b: work(slug: "those-were-the-days-1968") { slug } }`,
    );
    expect(ghosts.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });

  it('lists every source of a merged person, of its credits and of its identifiers', async () => {
    const response = await query(/* GraphQL */ `{
      person(slug: "mary-hopkin") {
        name aliases beginDate country genres sources { documentSlug }
        identifiers { scheme value }
        credits { edges { node { role work { slug title date year sources { documentSlug } } sources { documentSlug quote } } } }
      } }`);
    expect(response.errors).toBeUndefined();
    const person = response.data.person as any;
    // The kept node's values stay; what it lacked is added; another name is an alias.
    expect(person).toMatchObject({ name: 'Mary Hopkin', beginDate: '1950-05-03', country: 'GB', genres: ['Pop', 'Folk'] });
    expect(person.aliases).toEqual(['Mary Hopkin (2)']);
    expect(documents(person.sources)).toEqual([MB, DISCOGS]);
    expect(person.identifiers).toEqual([
      { scheme: 'DISCOGS_ARTIST', value: '303961' },
      { scheme: 'MUSICBRAINZ', value: 'f6596571-9ce2-4d79-8e92-fa8cfc181b91' },
    ]);
    const credits = person.credits.edges.map((e: { node: unknown }) => e.node);
    expect(credits.map((c: { work: { slug: string } }) => c.work.slug)).toEqual(['those-were-the-days', 'post-card']);
    const [single, album] = credits;
    // One credit both sources state: one relationship with both sources, each with its own quote.
    expect(single.sources).toEqual([
      { documentSlug: MB, quote: 'Those Were the Days by Mary Hopkin' },
      { documentSlug: DISCOGS, quote: 'Mary Hopkin (2) – Those Were The Days' },
    ]);
    expect(single.work).toMatchObject({ title: 'Those Were the Days', date: '1968-08-30', year: 1968 });
    expect(documents(single.work.sources)).toEqual([MB, DISCOGS]);
    expect(documents(album.sources)).toEqual([DISCOGS]);
    const search = await query(/* GraphQL */ `{ search(text: "hopkin 2") { slug } }`);
    expect((search.data.search as { slug: string }[]).map((h: { slug: string }) => h.slug)).toContain('mary-hopkin');
  });

  it('keeps both values where the sources differ: a conflict with one claim from each', async () => {
    const response = await query(/* GraphQL */ `{ person(slug: "mary-hopkin") {
      conflicts { slug description subjects claims { statement source { documentSlug quote document { kind } } } } } }`);
    expect(response.errors).toBeUndefined();
    const [conflict, ...others] = (response.data.person as any).conflicts;
    expect(others).toEqual([]);
    expect(conflict.subjects).toEqual(['Person:mary-hopkin']);
    expect(conflict.claims).toEqual([
      {
        statement: 'MusicBrainz: begin date 1950-05-03',
        source: { documentSlug: MB, quote: 'Mary Hopkin; born 1950-05-03', document: { kind: 'MUSICBRAINZ' } },
      },
      {
        statement: 'Discogs: begin date 1950-05-02',
        source: { documentSlug: DISCOGS, quote: 'Mary Hopkin (2), born 2 May 1950', document: { kind: 'DISCOGS' } },
      },
    ]);
    expect(conflict.description).toContain('begin date of Mary Hopkin');
  });

  it('filters conflicts by source, source kind, subject and subject type', async () => {
    const slugs = async (args: string) => {
      const response = await query(`{ conflicts${args} { slug subjects } }`);
      expect(response.errors).toBeUndefined();
      return response.data.conflicts as { slug: string; subjects: string[] }[];
    };
    const all = await slugs('');
    const fromDiscogs = await slugs(`(source: "${DISCOGS}")`);
    expect(fromDiscogs.map((c) => c.subjects)).toEqual([['Person:mary-hopkin'], ['Work:those-were-the-days']].sort());
    expect(await slugs('(sourceKind: DISCOGS)')).toEqual(fromDiscogs);
    expect(await slugs('(sourceKind: MUSICBRAINZ)')).toEqual(fromDiscogs);
    // The seed's own conflicts quote the article only.
    const fromArticle = await slugs('(sourceKind: ARTICLE)');
    expect(fromArticle.length).toBeGreaterThan(0);
    expect([...fromArticle, ...fromDiscogs].map((c) => c.slug).sort()).toEqual(all.map((c) => c.slug).sort());
    expect(await slugs('(about: "mary-hopkin")')).toEqual(fromDiscogs.filter((c) => c.subjects[0] === 'Person:mary-hopkin'));
    expect(await slugs('(about: "mary-hopkin", aboutType: PERSON)')).toHaveLength(1);
    const works = await slugs('(aboutType: WORK)');
    expect(works.every((c) => c.subjects.some((s) => s.startsWith('Work:')))).toBe(true);
    expect(await slugs(`(aboutType: WORK, source: "${DISCOGS}")`)).toEqual(
      fromDiscogs.filter((c) => c.subjects[0] === 'Work:those-were-the-days'),
    );
    expect(await slugs(`(aboutType: PLACE, source: "${DISCOGS}")`)).toEqual([]);
  });

  it.each([
    ['(source: "no-such-document")', 'source', '"no-such-document"'],
    ['(about: "Not A Slug")', 'about', '"Not A Slug"'],
    ['(about: "no-such-person", aboutType: PERSON)', 'about', '"no-such-person"'],
  ])('refuses conflicts%s naming the bad value', async (args, argument, value) => {
    const response = await query(`{ conflicts${args} { slug } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(response.errors?.[0]?.message).toContain(value);
  });

  it('changes nothing when either source is imported again', async () => {
    for (const file of [DISCOGS_SHAPED, MUSICBRAINZ_SHAPED]) {
      const rows = await readDatasetRows(file);
      const again = await ingestRows(getStore(), rows);
      expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
      expect(again.unchanged).toBeGreaterThan(0);
    }
  });
}
