// Contract for a Discogs-imported graph: the same GraphQL answers from every store it is loaded into.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { GraphRows } from '../../src/graph/rows.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { convertFiles } from '../../src/import/discogs/convert-files.ts';
import { datasetRows } from '../../src/ingest/pipeline.ts';
import { graphqlClient } from '../helpers.ts';

/** Every Discogs fixture (answers and dump excerpts), converted as `npm run import -- --from discogs` does. */
export async function discogsRows(): Promise<GraphRows> {
  const conversion = await convertFiles([fileURLToPath(new URL('../fixtures/discogs/', import.meta.url))]);
  return datasetRows(conversion.dataset);
}

/** Operations over the imported graph whose full answers must be identical on both stores. */
export const DISCOGS_OPERATIONS: Record<string, string> = {
  group: /* GraphQL */ `{
    byIdentifier(scheme: DISCOGS_ARTIST, value: "2") {
      ... on Person { slug name kind isGroup aliases identifiers { scheme value url }
        members { slug name }
        credits(first: 50) { totalCount edges { node { role attributes creditedAs work { slug kind } sources { documentSlug quote } } } } }
    }
  }`,
  release: /* GraphQL */ `{
    work(slug: "profound-sounds-vol-1-dgr3") {
      title kind date year identifiers { scheme value url }
      parts { slug title lengthMs }
      links { type detail work { slug kind } }
      credits { role attributes person { slug name } sources { quote document { slug kind licence url } } }
    }
  }`,
  remixer: /* GraphQL */ `{
    person(slug: "mood-ii-swing-dg8") {
      name creditStats { total byRole { role count } }
      credits(first: 10) { edges { node { role work { slug title kind partOf { slug } } } } }
    }
  }`,
  label: /* GraphQL */ `{
    byIdentifier(scheme: DISCOGS_LABEL, value: "1") { ... on Organization { slug name kind identifiers { scheme value url } sources { quote } } }
  }`,
};

export function discogsContractTests(getStore: () => GraphStore) {
  const ask = (query: string, variables?: Record<string, unknown>) => graphqlClient(getStore())(query, variables);

  it('answers a group by its Discogs id, with its members, and writing credits under their ANVs', async () => {
    const { data, errors } = await ask(/* GraphQL */ `
      {
        byIdentifier(scheme: DISCOGS_ARTIST, value: "2") {
          ... on Person { name isGroup members { name } }
        }
        person(slug: "alexi-delano-dg26") {
          credits(roles: [SONGWRITER, PRODUCER, RECORDING_ENGINEER]) {
            edges { node { role creditedAs work { title } sources { quote } } }
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data.byIdentifier).toEqual({
      name: 'Mr. James Barth & A.D.',
      isGroup: true,
      members: [{ name: 'Alexi Delano' }, { name: 'Cari Lekebusch' }],
    });
    // Release 2: "Producer, Recorded By" (2 credits) and "Written-By" as "A. Delano" (1).
    const edges = (data.person as { credits: { edges: { node: { role: string; creditedAs: string | null } }[] } }).credits.edges;
    expect(edges.map((e) => [e.node.role, e.node.creditedAs]).sort()).toEqual([
      ['PRODUCER', null],
      ['RECORDING_ENGINEER', null],
      ['SONGWRITER', 'A. Delano'],
    ]);
  });

  it('answers a release with its 14 tracks, its master, and the DJ mix credit', async () => {
    const { data, errors } = await ask(/* GraphQL */ `
      {
        work(slug: "profound-sounds-vol-1-dgr3") {
          kind parts { title } partOf { slug kind }
          credits(roles: [DJ_MIXER]) { person { name } sources { quote } }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const release = data.work as {
      kind: string;
      parts: unknown[];
      partOf: { slug: string; kind: string }[];
      credits: unknown[];
    };
    expect(release.kind).toBe('RELEASE');
    expect(release.parts).toHaveLength(14);
    expect(release.partOf).toEqual([{ slug: 'profound-sounds-vol-1-dgm66526', kind: 'ALBUM' }]);
    expect(release.credits).toEqual([{ person: { name: 'Josh Wink' }, sources: [{ quote: 'DJ Mix – Josh Wink' }] }]);
  });
}
