// Contract for a MusicBrainz-imported graph: the same GraphQL answers from every store it is loaded into.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { GraphRows } from '../../src/graph/rows.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { convertFiles } from '../../src/import/musicbrainz/convert-files.ts';
import { datasetRows } from '../../src/ingest/pipeline.ts';
import { graphqlClient } from '../helpers.ts';

/** Every real MusicBrainz fixture, converted as `npm run import -- --from musicbrainz tests/fixtures/musicbrainz` does. */
export async function musicbrainzRows(): Promise<GraphRows> {
  const conversion = await convertFiles([fileURLToPath(new URL('../fixtures/musicbrainz/', import.meta.url))]);
  return datasetRows(conversion.dataset);
}

/** Operations over the imported graph whose full answers must be identical on both stores. */
export const MUSICBRAINZ_OPERATIONS: Record<string, string> = {
  group: /* GraphQL */ `{
    person(slug: "exo-b3785a55") {
      name kind isGroup disambiguation country beginDate endDate identifiers { scheme value url }
      memberships { direction person { slug name } beginDate endDate attributes creditedAs sources { documentSlug quote } }
      associations { type direction person { slug } beginDate endDate attributes }
      credits(first: 50) { totalCount edges { node { role attributes creditedAs work { slug kind } } } }
    }
  }`,
  artist: /* GraphQL */ `{
    byIdentifier(scheme: MUSICBRAINZ, value: "f6596571-9ce2-4d79-8e92-fa8cfc181b91") {
      ... on Person { slug name sortName gender beginDate area { slug name } identifiers { scheme value url }
        associations { type direction person { slug name } beginDate endDate sources { quote document { slug kind licence url } } } }
    }
  }`,
  credits: /* GraphQL */ `{
    person(slug: "billy-barber-83c6ecce") {
      creditStats { total byRole { role count } byKind { kind count } }
      credits(first: 50) { totalCount edges { node { role attributes creditedAs beginDate endDate work { slug title kind date lengthMs } } } }
    }
  }`,
  works: /* GraphQL */ `{
    recordings: works(kind: RECORDING, first: 100) { totalCount edges { node { slug title date lengthMs disambiguation identifiers { scheme value } } } }
    releases: works(kind: RELEASE, first: 100) { totalCount edges { node { slug title date parts { slug } partOf { slug kind } links { type detail } } } }
    groups: works(kind: ALBUM, first: 100) { totalCount edges { node { slug title parts { slug kind } } } }
  }`,
  ranking: /* GraphQL */ `{ topPeople(by: COLLABORATORS, first: 10) { person { slug } count } }`,
};

export function musicbrainzContractTests(getStore: () => GraphStore) {
  const ask = (query: string, variables?: Record<string, unknown>) => graphqlClient(getStore())(query, variables);

  it('answers a group with its members, from MusicBrainz "member of band"', async () => {
    const { data, errors } = await ask(/* GraphQL */ `
      { person(slug: "exo-b3785a55") { name isGroup members { slug name } } }
    `);
    expect(errors).toBeUndefined();
    const exo = data.person as { name: string; isGroup: boolean; members: { slug: string; name: string }[] };
    expect(exo.name).toBe('EXO');
    expect(exo.isGroup).toBe(true);
    // 12 "member of band" relations in the answer.
    expect(exo.members).toHaveLength(12);
    expect(exo.members.map((m) => m.slug)).toContain('143472cb');
  });

  it('answers credits with their MusicBrainz roles and quotes, filtered by role', async () => {
    const { data, errors } = await ask(/* GraphQL */ `
      {
        person(slug: "billy-barber-83c6ecce") {
          credits(roles: [INSTRUMENTALIST, PRODUCER]) {
            totalCount
            edges { node { role work { title kind } sources { documentSlug quote } } }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const credits = (data.person as { credits: { totalCount: number; edges: { node: unknown }[] } }).credits;
    expect(credits.totalCount).toBe(2);
    expect(credits.edges.map((e) => e.node)).toEqual([
      {
        role: 'INSTRUMENTALIST',
        work: { title: 'Shades of Gray', kind: 'RECORDING' },
        sources: [
          {
            documentSlug: 'musicbrainz-recording-f606f733-c1eb-43f3-93c1-71994ea611e3',
            quote: 'Billy Barber — instrument [piano] — Shades of Gray',
          },
        ],
      },
      {
        role: 'PRODUCER',
        work: { title: 'Shades of Gray', kind: 'RECORDING' },
        sources: [
          {
            documentSlug: 'musicbrainz-recording-f606f733-c1eb-43f3-93c1-71994ea611e3',
            quote: 'Billy Barber — producer — Shades of Gray',
          },
        ],
      },
    ]);
  });

  it('answers the tracks of a release in order, and 25 recordings of one title apart', async () => {
    const { data, errors } = await ask(/* GraphQL */ `
      {
        work(slug: "ok-computer-fba5f8fe") { title kind parts { title } }
        works(search: "burn witch", kind: RECORDING, first: 50) { totalCount }
      }
    `);
    expect(errors).toBeUndefined();
    const release = data.work as { title: string; kind: string; parts: { title: string }[] };
    expect(release.kind).toBe('RELEASE');
    expect(release.parts).toHaveLength(12);
    expect((data.works as { totalCount: number }).totalCount).toBe(25);
  });
}
