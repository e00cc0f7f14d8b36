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
            edges { node { role work { title kind } sources { document quote } } }
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
            document: 'musicbrainz-recording-f606f733-c1eb-43f3-93c1-71994ea611e3',
            quote: 'Billy Barber — instrument [piano] — Shades of Gray',
          },
        ],
      },
      {
        role: 'PRODUCER',
        work: { title: 'Shades of Gray', kind: 'RECORDING' },
        sources: [
          {
            document: 'musicbrainz-recording-f606f733-c1eb-43f3-93c1-71994ea611e3',
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
