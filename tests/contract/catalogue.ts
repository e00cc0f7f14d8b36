// The contract for catalogue data (identifiers, kinds, life spans, dated and qualified relationships), run on
// both stores with a MusicBrainz-shaped dataset loaded beside the seed.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readDatasetFile } from '../../src/dataset/validate.ts';
import { datasetToRows, type GraphRows } from '../../src/graph/rows.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { graphqlClient } from '../helpers.ts';

const CATALOGUE_FILE = fileURLToPath(new URL('../fixtures/catalogue-sample.json', import.meta.url));

let rows: Promise<GraphRows> | undefined;
export function catalogue(): Promise<GraphRows> {
  rows ??= readDatasetFile(CATALOGUE_FILE).then(datasetToRows);
  return rows;
}

const MARY_HOPKIN = 'f6596571-9ce2-4d79-8e92-fa8cfc181b91';

/** Operations whose full answers must be identical on both stores. */
export const CATALOGUE_OPERATIONS: Record<string, string> = {
  byIdentifier: /* GraphQL */ `{
    mb: byIdentifier(scheme: MUSICBRAINZ, value: "${MARY_HOPKIN}") { __typename id ... on Person { slug name } }
    isni: byIdentifier(scheme: ISNI, value: "0000000078391516") { ... on Person { slug } }
    area: byIdentifier(scheme: MUSICBRAINZ, value: "8a754a16-0027-3a29-b6d7-2b40ea0481ed") { __typename ... on Place { slug name } }
  }`,
  catalogued: /* GraphQL */ `{
    person(slug: "mary-hopkin-f6596571") {
      kind gender sortName disambiguation country beginDate endDate ended area { slug name identifiers { scheme value url } }
      identifiers { scheme value url }
      memberships { direction person { slug kind } beginDate endDate attributes creditedAs sources { documentSlug quote } }
      associations { type direction person { slug } beginDate endDate attributes sources { quote } }
    }
    group: person(slug: "sundance-1b8debd6") { isGroup kind disambiguation memberships { direction person { slug } } members { slug } }
  }`,
};

export function catalogueTests(getStore: () => GraphStore) {
  const query = (text: string) => graphqlClient(getStore())(text);

  it('finds a node by any of its identifiers, MBIDs across entity types', async () => {
    const { data, errors } = await query(CATALOGUE_OPERATIONS.byIdentifier as string);
    expect(errors).toBeUndefined();
    expect(data.mb).toMatchObject({ __typename: 'Person', slug: 'mary-hopkin-f6596571', name: 'Mary Hopkin' });
    expect(data.isni).toEqual({ slug: 'mary-hopkin-f6596571' });
    expect(data.area).toEqual({ __typename: 'Place', slug: 'united-kingdom-8a754a16', name: 'United Kingdom' });
  });

  it('answers NOT_FOUND for an identifier nobody has and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await query(`{ byIdentifier(scheme: WIKIDATA, value: "Q1") { id } }`);
    expect(missing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(missing.errors?.[0]?.message).toBe('No node has the WIKIDATA identifier "Q1".');
    const malformed = await query(`{ byIdentifier(scheme: MUSICBRAINZ, value: "not-an-mbid") { id } }`);
    expect(malformed.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors?.[0]?.message).toBe('"not-an-mbid" is not a MUSICBRAINZ identifier.');
  });

  it('keeps who a person is, their identifiers with links, and the direction and dates of family links', async () => {
    const { data, errors } = await query(CATALOGUE_OPERATIONS.catalogued as string);
    expect(errors).toBeUndefined();
    const mary = data.person as Record<string, unknown>;
    expect(mary).toMatchObject({
      kind: 'PERSON',
      gender: 'Female',
      sortName: 'Hopkin, Mary',
      country: 'GB',
      beginDate: '1950-05-03',
      endDate: null,
      ended: false,
      area: { slug: 'united-kingdom-8a754a16', name: 'United Kingdom' },
    });
    expect(mary.identifiers).toEqual([
      { scheme: 'ISNI', value: '0000000078391516', url: 'https://isni.org/isni/0000000078391516' },
      { scheme: 'MUSICBRAINZ', value: MARY_HOPKIN, url: `https://musicbrainz.org/artist/${MARY_HOPKIN}` },
    ]);
    // A place's MusicBrainz page is derived from its label when the dataset gives no URL.
    expect((mary.area as { identifiers: unknown[] }).identifiers).toEqual([
      {
        scheme: 'MUSICBRAINZ',
        value: '8a754a16-0027-3a29-b6d7-2b40ea0481ed',
        url: 'https://musicbrainz.org/area/8a754a16-0027-3a29-b6d7-2b40ea0481ed',
      },
    ]);
    expect(mary.memberships).toEqual([
      {
        direction: 'OUT',
        person: { slug: 'sundance-1b8debd6', kind: 'GROUP' },
        beginDate: null,
        endDate: null,
        attributes: [],
        creditedAs: null,
        sources: [{ documentSlug: `musicbrainz-artist-${MARY_HOPKIN}`, quote: 'Mary Hopkin — member of band — Sundance' }],
      },
    ]);
    const links = (mary.associations as { type: string; direction: string; person: { slug: string } }[]).map(
      (a) => `${a.type} ${a.direction} ${a.person.slug}`,
    );
    expect(links).toEqual([
      'MARRIED_TO OUT tony-visconti-9472e6e4',
      'PARENT_OF OUT jessica-lee-morgan-7f7bc689',
      'PARENT_OF OUT morgan-visconti-5542f87a',
    ]);
    expect(mary.associations).toContainEqual(
      expect.objectContaining({ type: 'MARRIED_TO', beginDate: '1971', endDate: '1981', attributes: [] }),
    );
    expect(data.group).toEqual({
      isGroup: true,
      kind: 'GROUP',
      disambiguation: 'UK pop group of early 80s',
      memberships: [{ direction: 'IN', person: { slug: 'mary-hopkin-f6596571' } }],
      members: [{ slug: 'mary-hopkin-f6596571' }],
    });
  });

  it('gives the child the other side of the parent link', async () => {
    const { data } = await query(
      `{ person(slug: "jessica-lee-morgan-7f7bc689") { associations { type direction person { slug } } } }`,
    );
    expect((data.person as { associations: unknown[] }).associations).toEqual([
      { type: 'PARENT_OF', direction: 'IN', person: { slug: 'mary-hopkin-f6596571' } },
    ]);
  });
}
