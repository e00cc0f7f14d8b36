// Identity resolution before a load, on the embedded store: matches within the incoming batch, matches with the
// store, chains of identifiers, never by name, and a refusal when one node's identifiers name two stored nodes.
import { describe, expect, it } from 'vitest';
import type { IdentifierScheme } from '../../src/dataset/format.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { datasetRows, ingestRows } from '../../src/ingest/pipeline.ts';
import { IdentityConflictError, resolveIdentities } from '../../src/ingest/resolve-identities.ts';

type Person = { slug: string; name: string; ids?: [IdentifierScheme, string][]; beginDate?: string };

/** A one-document dataset of people, each quoted from `document`. */
function rows(document: string, people: Person[], credits: [string, string][] = []) {
  return datasetRows({
    format: 'liner-dataset',
    version: 1,
    documents: [{ slug: document, title: document, kind: document.startsWith('mb') ? 'MUSICBRAINZ' : 'DISCOGS' }],
    people: people.map((p) => ({
      slug: p.slug,
      name: p.name,
      ...(p.beginDate ? { beginDate: p.beginDate } : {}),
      identifiers: (p.ids ?? []).map(([scheme, value]) => ({ scheme, value })),
      sources: [{ document, quote: `${p.name} (${document})` }],
    })),
    works: credits.length > 0 ? [{ slug: 'song', title: 'Song', kind: 'SONG', sources: [{ document, quote: 'Song' }] }] : [],
    credits: credits.map(([person, role]) => ({
      person,
      work: 'song',
      role,
      sources: [{ document, quote: `${person} ${role}` }],
    })),
  });
}
/** Rows of several datasets in one load (a dataset alone may not give one identifier twice; a batch of them may). */
const batch = (...parts: ReturnType<typeof rows>[]) => ({
  nodes: parts.flatMap((p) => p.nodes),
  rels: parts.flatMap((p) => p.rels),
});
const slugs = async (store: MemoryStore) =>
  (await store.listPeople(undefined, { offset: 0, limit: 100 })).items.map((p) => p.slug);

describe('resolveIdentities', () => {
  it('makes incoming nodes sharing an identifier one node, the first keeping its slug', async () => {
    const store = new MemoryStore();
    const resolved = await resolveIdentities(
      store,
      batch(
        rows('mb-a', [{ slug: 'ann', name: 'Ann', ids: [['DISCOGS_ARTIST', '1']] }]),
        rows('discogs-a', [{ slug: 'ann-2', name: 'Ann (2)', ids: [['DISCOGS_ARTIST', '1']] }]),
      ),
    );
    expect(resolved.merged).toBe(1);
    expect(resolved.nodes.filter((n) => n.label === 'Person').map((n) => [n.slug, n.props.aliases])).toEqual([
      ['ann', ['Ann (2)']],
    ]);
    expect(resolved.rels.filter((r) => r.type === 'IDENTIFIES').map((r) => r.to)).toEqual(['ann']);
  });

  it('joins chains: A shares one identifier with B, B another with C', async () => {
    const store = new MemoryStore();
    await ingestRows(
      store,
      batch(
        rows('mb-a', [{ slug: 'bob', name: 'Bob', ids: [['WIKIDATA', 'Q1']] }]),
        rows('discogs-a', [
          {
            slug: 'bob-2',
            name: 'Bob (2)',
            ids: [
              ['WIKIDATA', 'Q1'],
              ['DISCOGS_ARTIST', '2'],
            ],
          },
        ]),
        rows('discogs-b', [{ slug: 'robert', name: 'Robert', ids: [['DISCOGS_ARTIST', '2']] }]),
      ),
    );
    expect(await slugs(store)).toEqual(['bob']);
    expect((await store.nodesBySlug('Person', ['bob']))[0]?.aliases).toEqual(['Bob (2)', 'Robert']);
  });

  it('makes an incoming node the stored node its identifier names, remapping every row, and never merges by name', async () => {
    const store = new MemoryStore();
    await ingestRows(store, rows('mb-a', [{ slug: 'cat', name: 'Cat', ids: [['DISCOGS_ARTIST', '3']], beginDate: '1970' }]));
    const summary = await ingestRows(
      store,
      rows(
        'discogs-b',
        [
          { slug: 'cat-2', name: 'Cat (2)', ids: [['DISCOGS_ARTIST', '3']], beginDate: '1971' },
          // Same name as a stored node, no shared identifier: a different node.
          { slug: 'cat-3', name: 'Cat', ids: [['DISCOGS_ARTIST', '4']] },
        ],
        [['cat-2', 'PRODUCER']],
      ),
    );
    expect(summary).toMatchObject({ merged: 1, conflicts: 1 });
    expect(await slugs(store)).toEqual(['cat', 'cat-3']);
    const [credit] = (await store.creditsOfPeople(['cat'], {}, { offset: 0, limit: 10 }))[0]?.items ?? [];
    expect(credit?.work.slug).toBe('song');
    const [conflict] = await store.conflicts({ about: 'cat' });
    expect(conflict?.claims.map((c) => c.statement)).toEqual(['MusicBrainz: begin date 1970', 'Discogs: begin date 1971']);
  });

  it('refuses a node whose identifiers name two different stored nodes, naming both, and writes nothing', async () => {
    const store = new MemoryStore();
    await ingestRows(
      store,
      rows('mb-a', [
        { slug: 'dan', name: 'Dan', ids: [['DISCOGS_ARTIST', '5']] },
        { slug: 'eve', name: 'Eve', ids: [['WIKIDATA', 'Q6']] },
      ]),
    );
    const before = await store.counts();
    const incoming = rows('discogs-b', [
      {
        slug: 'dan-eve',
        name: 'Dan Eve',
        ids: [
          ['DISCOGS_ARTIST', '5'],
          ['WIKIDATA', 'Q6'],
        ],
      },
    ]);
    const error = await ingestRows(store, incoming).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityConflictError);
    expect(String((error as Error).message)).toMatch(/Person:dan .*discogs-artist-5.*Person:eve .*wikidata-q6/);
    expect(await store.counts()).toEqual(before);
  });

  it('unions the sources of a relationship both sources state, and a re-import changes nothing', async () => {
    const store = new MemoryStore();
    await ingestRows(store, rows('mb-a', [{ slug: 'fay', name: 'Fay', ids: [['DISCOGS_ARTIST', '7']] }], [['fay', 'PRODUCER']]));
    const second = rows(
      'discogs-b',
      [{ slug: 'fay-2', name: 'Fay (2)', ids: [['DISCOGS_ARTIST', '7']] }],
      [['fay-2', 'PRODUCER']],
    );
    await ingestRows(store, second);
    // Fay is one node by identifier; "song" is one node by its slug, the store's own key: one credit, two sources.
    const credits = (await store.creditsOfPeople(['fay'], {}, { offset: 0, limit: 10 }))[0]?.items ?? [];
    expect(credits.map((c) => c.sources.map((s) => s.document))).toEqual([['mb-a', 'discogs-b']]);
    expect(await ingestRows(store, second)).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
  });
});
